"""The scenario library: every scenario file in a folder, loaded or with its first error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.scenario import LoadedScenario, ScenarioError, load_file
from simulator.scenario.library import SCENARIO_SUFFIXES


@dataclass
class LibraryEntry:
    path: Path
    loaded: LoadedScenario | None
    error: str | None  # the first error, `path:line:col: error: message`

    @property
    def available(self) -> bool:
        return self.loaded is not None


def load_entry(path: Path) -> LibraryEntry:
    try:
        return LibraryEntry(path, load_file(path), None)
    except ScenarioError as exc:
        first = exc.problems[0] if exc.problems else str(exc)
        return LibraryEntry(path, None, str(first))


def scan_library(folder: Path) -> list[LibraryEntry]:
    """Every scenario file directly in `folder`, sorted by file name; never raises for a bad file."""
    files = sorted(p for p in folder.iterdir() if p.suffix in SCENARIO_SUFFIXES and p.is_file())
    return [load_entry(path) for path in files]


def find_scenario(scenario_id: str, folders: list[Path]) -> LibraryEntry | None:
    """The first valid scenario with this id in `folders` (for replay)."""
    for folder in folders:
        if not folder.is_dir():
            continue
        for entry in scan_library(folder):
            if entry.loaded is not None and entry.loaded.scenario.id == scenario_id:
                return entry
    return None
