"""The scenario library: every scenario file in a folder, loaded or with its first error."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from simulator.logbook.models import LogRecord, SessionEnded, SessionStarted, read_record
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


# --- what a trainee has done (the library shows it, so a recruit knows what to do next) ----------

_EDGE = 64 * 1024  # a log's first and last records are far shorter than this


@dataclass(frozen=True)
class Progress:
    attempts: int
    best: float | None  # best score of a completed session
    passed: bool


def trainee_progress(log_dir: Path, trainee: str) -> dict[str, Progress]:
    """Per scenario id, the trainee's attempts, best score and whether any session passed.

    A convenience view for the library screen: it reads only each log's first and
    last line (session ids carry the trainee id, so other trainees' files are not
    opened). The academy's record of what counts is `uofsim review` or the store.
    """
    found: dict[str, list[tuple[float | None, bool]]] = {}
    if not log_dir.is_dir():
        return {}
    for path in log_dir.glob(f"*_{trainee}_*.jsonl"):
        first, last = _edges(path)
        if not isinstance(first, SessionStarted) or first.trainee != trainee:
            continue
        if isinstance(last, SessionEnded):
            found.setdefault(first.scenario.id, []).append((float(last.score), last.passed))
        else:
            found.setdefault(first.scenario.id, []).append((None, False))
    return {
        scenario: Progress(
            attempts=len(runs),
            best=max((s for s, _ in runs if s is not None), default=None),
            passed=any(ok for _, ok in runs),
        )
        for scenario, runs in found.items()
    }


def _edges(path: Path) -> tuple[LogRecord | None, LogRecord | None]:
    """The first and last complete records of a log, or None where unreadable."""
    if path.is_symlink() or not path.is_file():
        return None, None
    try:
        with path.open("rb") as handle:
            head = handle.read(_EDGE)
            size = handle.seek(0, 2)
            handle.seek(max(0, size - _EDGE))
            tail = handle.read(_EDGE)
    except OSError:
        return None, None
    lines = [line for line in tail.split(b"\n") if line.strip()]
    return _record(head.split(b"\n", 1)[0]), _record(lines[-1]) if lines else None


def _record(line: bytes) -> LogRecord | None:
    try:
        return read_record(json.loads(line))
    except (ValueError, UnicodeDecodeError):  # RecordError is a ValueError
        return None


def call_type(entry: LibraryEntry, named: set[str]) -> str:
    """The scenario's call type: its first tag that has a display name, else its first tag."""
    tags = entry.loaded.scenario.tags if entry.loaded else []
    return next((t for t in tags if t in named), tags[0] if tags else "")


def library_order(entries: list[LibraryEntry], named: set[str]) -> list[LibraryEntry]:
    """Grouped by call type, then by difficulty, then title; unavailable files last."""
    def key(entry: LibraryEntry) -> tuple:
        if entry.loaded is None:
            return (1, "", 0, entry.path.name)
        scenario = entry.loaded.scenario
        return (0, call_type(entry, named), scenario.difficulty, scenario.title.get("en"))
    return sorted(entries, key=key)
