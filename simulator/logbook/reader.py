"""Reading session logs: tolerant of a crash's torn last line, streaming-friendly."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from simulator.logbook.records import LOG_SUFFIX, START_TYPE

Status = Literal["complete", "aborted", "incomplete"]


class LogReadError(Exception):
    """A log file or folder cannot be read. One line naming the path."""


@dataclass
class SessionLog:
    path: Path
    records: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def status(self) -> Status:
        """complete (ends with session_ended), aborted (session_aborted) or incomplete."""
        last = self.records[-1].get("type") if self.records else None
        if last == "session_ended":
            return "complete"
        if last == "session_aborted":
            return "aborted"
        return "incomplete"

    @property
    def started(self) -> dict[str, Any] | None:
        """The session_started record, or None if the log has none."""
        return next((r for r in self.records if r.get("type") == START_TYPE), None)


def read_log(path: Path | str) -> SessionLog:
    """Read a whole log; bad lines become warnings, never exceptions."""
    log = SessionLog(Path(path))
    log.records = [record for _, record in iter_records(log.path, log.warnings)]
    return log


def iter_records(path: Path | str, warnings: list[str] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record) lazily. A line that is not a JSON object is
    skipped with a warning appended to `warnings`: `path:N: torn last line skipped`
    for the last line (a crash), `path:N: malformed line skipped (...)` elsewhere.
    Raises LogReadError if the file cannot be opened or read."""
    path = Path(path)
    sink = warnings if warnings is not None else []
    pending_bad: tuple[int, str] | None = None  # held until we know whether it was the last line
    try:
        with open(path, "rb") as handle:
            for line_no, raw in enumerate(handle, start=1):
                if pending_bad is not None:
                    sink.append(f"{path}:{pending_bad[0]}: malformed line skipped ({pending_bad[1]})")
                    pending_bad = None
                if not raw.endswith(b"\n"):
                    sink.append(f"{path}:{line_no}: torn last line skipped (no newline)")
                    return
                record, problem = _parse(raw[:-1])
                if record is None:
                    pending_bad = (line_no, problem)
                else:
                    yield line_no, record
    except OSError as exc:
        raise LogReadError(f"{path}: cannot read session log ({exc.strerror or exc})") from None
    if pending_bad is not None:
        sink.append(f"{path}:{pending_bad[0]}: torn last line skipped ({pending_bad[1]})")


def _parse(line: bytes) -> tuple[dict[str, Any] | None, str]:
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8"
    except (ValueError, RecursionError):
        return None, "not JSON" if line.strip() else "empty line"
    if not isinstance(value, dict):
        return None, "not a JSON object"
    return value, ""


def iter_log_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Each file given, and every `*.jsonl` under each folder given (recursively,
    sorted), once each. Raises LogReadError for a path that does not exist."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(path)
        elif path.exists():
            found = [path]
        else:
            raise LogReadError(f"{path}: no such file or directory")
        for file in found:
            identity = Path(os.path.realpath(file))  # never raises, even on a symlink loop
            if identity not in seen:
                seen.add(identity)
                yield file


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=_raise_walk_error):
        dirs.sort()
        files.extend(Path(root) / name for name in names if name.endswith(LOG_SUFFIX))
    return sorted(files)


def _raise_walk_error(exc: OSError) -> None:
    raise LogReadError(f"{exc.filename}: cannot read folder ({exc.strerror or exc})")
