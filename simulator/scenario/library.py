"""Checking many scenario files at once, as `uofsim validate` and the library do."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from simulator.scenario.loader import LoadedScenario, load_file
from simulator.scenario.problems import Problem, ScenarioError, Severity

SCENARIO_SUFFIXES = (".yaml", ".yml")


@dataclass
class FileReport:
    """What checking one file found. The model itself is not kept, so checking
    thousands of files holds only their problems in memory."""

    path: Path
    scenario_id: str | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def scenario_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Scenario files named directly, and those found (recursively) in folders."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SCENARIO_SUFFIXES and p.is_file())
        else:
            yield path


# A check a higher layer adds (the engine's rubric files), so this layer never imports it.
ExtraCheck = Callable[[LoadedScenario], Iterable[Problem]]


def check_files(paths: Iterable[Path], extra: Sequence[ExtraCheck] = ()) -> list[FileReport]:
    """Check every file, and that scenario ids are unique across them."""
    first_path_with_id: dict[str, Path] = {}
    reports = []
    for path in scenario_files(paths):
        report, loaded = _check(path)
        if loaded is not None:
            for check in extra:
                report.problems.extend(check(loaded))
            scenario_id = loaded.scenario.id
            if scenario_id in first_path_with_id:
                other = first_path_with_id[scenario_id]
                report.problems.append(loaded.source.problem(("id",),
                                                             f"scenario id '{scenario_id}' is also used by {other}"))
            else:
                first_path_with_id[scenario_id] = path
        reports.append(report)
    return reports


def check_file(path: Path) -> FileReport:
    return _check(path)[0]


def _check(path: Path) -> tuple[FileReport, LoadedScenario | None]:
    if not path.exists():
        return FileReport(path, None, [Problem(str(path), None, None, Severity.ERROR, "no such file or folder")]), None
    try:
        loaded = load_file(path)
    except ScenarioError as exc:
        return FileReport(path, None, list(exc.problems)), None
    from simulator.scenario.lint_authoring import check_file_name

    return FileReport(path, loaded.scenario.id, [*loaded.warnings, *check_file_name(loaded)]), loaded
