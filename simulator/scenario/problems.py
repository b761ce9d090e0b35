"""Problems found in a scenario file, each pointing at file:line:col."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

from simulator.safetext import printable


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    col: int | None
    severity: Severity
    message: str

    def __post_init__(self) -> None:
        # Messages quote values from the file; a quoted multi-line value must
        # not break the one-line-per-problem output.
        if "\n" in self.message or "\r" in self.message:
            object.__setattr__(self, "message", self.message.replace("\r", "\\r").replace("\n", "\\n"))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}:{self.col}"
        # Messages quote values from the file: never let them drive the terminal.
        return printable(f"{where}: {self.severity.value}: {self.message}")

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


class ScenarioError(Exception):
    """A scenario file could not be loaded. `problems` holds every error found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_sort_key)
        # The one-line message is the first error: a warning above it is not why loading failed.
        first = next((p for p in self.problems if p.severity is Severity.ERROR),
                     self.problems[0] if self.problems else None)
        super().__init__(str(first) if first else "invalid scenario")


def _sort_key(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line or 0, problem.col or 0, problem.message)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=_sort_key)
