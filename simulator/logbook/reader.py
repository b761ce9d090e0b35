"""Reading session logs: tolerant of a crash's torn last line, streaming-friendly,
and bounded: any workstation can write to the shared sessions folder, so a FIFO,
a device, a huge file or a file of newlines must cost no more than the limits.

The limits (docs/reliability.md): a log is read only if it is a regular file of
at most MAX_LOG_BYTES, with at most MAX_RECORDS lines of at most MAX_LINE_BYTES
each. The longest session the engine can play (MAX_STEPS situations, a few
records each) stays far below all three.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from simulator.logbook.models import START_TYPE
from simulator.logbook.records import LOG_SUFFIX
from simulator.safefile import NotRegularFile, TooLarge, open_regular

Status = Literal["complete", "aborted", "incomplete"]

MAX_LOG_BYTES = 8 * 1024 * 1024  # a 500-situation session writes under 1 MB (about 1.5 KB a situation)
MAX_LINE_BYTES = 64 * 1024  # the largest record (session_ended with many errors) is a few KB
MAX_RECORDS = 20_000  # 500 situations x about 6 records, plus pauses, with room to spare


class LogReadError(Exception):
    """A log file or folder cannot be read. One line naming the path; `detail`
    is the reason alone, for callers that print the path themselves."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail or message


class LogLimitError(LogReadError):
    """A log is refused unread: not a regular file, or over a limit. One line."""


def open_log(path: Path | str) -> IO[bytes]:
    """`path` opened for reading if it is a regular file within MAX_LOG_BYTES
    (safefile.open_regular: a FIFO or device is refused without blocking)."""
    try:
        return open_regular(path, MAX_LOG_BYTES)
    except NotRegularFile as exc:
        if exc.is_folder:
            raise _cannot_read(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))) from None
        raise _limit(path, f"not a regular file ({exc})") from None
    except TooLarge as exc:
        raise _too_large(path, exc.size) from None
    except OSError as exc:
        raise _cannot_read(path, exc) from None


def read_log_bytes(path: Path | str) -> bytes:
    """The bytes of a log within every limit (size, lines, line length), else
    LogLimitError; LogReadError if it cannot be read at all."""
    try:
        with open_log(path) as handle:
            data = handle.read(MAX_LOG_BYTES + 1)  # the file may have grown since it was opened
    except OSError as exc:  # EIO and the like, after a successful open
        raise _cannot_read(path, exc) from None
    if len(data) > MAX_LOG_BYTES:
        raise _too_large(path, len(data))
    if data.count(b"\n") > MAX_RECORDS:
        raise _too_many_lines(path)
    for line_no, line in enumerate(data.split(b"\n"), start=1):  # at most MAX_RECORDS + 1 pieces
        if len(line) > MAX_LINE_BYTES:
            raise _line_too_long(path, line_no)
    return data


def _cannot_read(path: Path | str, exc: OSError) -> LogReadError:
    reason = exc.strerror or str(exc)
    return LogReadError(f"{path}: cannot read session log ({reason})", reason)


def _limit(path: Path | str, reason: str, line_no: int | None = None) -> LogLimitError:
    where = f"{path}:{line_no}" if line_no is not None else str(path)
    return LogLimitError(f"{where}: {reason}", reason if line_no is None else f"line {line_no}: {reason}")


def _too_large(path: Path | str, size: int) -> LogLimitError:
    return _limit(path, f"file is {size:,} bytes; a session log may be at most {MAX_LOG_BYTES:,}")


def _too_many_lines(path: Path | str) -> LogLimitError:
    return _limit(path, f"more than {MAX_RECORDS:,} lines; a session log may have at most {MAX_RECORDS:,}")


def _line_too_long(path: Path | str, line_no: int) -> LogLimitError:
    return _limit(path, f"line longer than {MAX_LINE_BYTES:,} bytes, the limit for a record", line_no)


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
    Raises LogReadError if the file cannot be opened or read, LogLimitError
    (a LogReadError) past a limit."""
    path = Path(path)
    sink = warnings if warnings is not None else []
    pending_bad: tuple[int, str] | None = None  # held until we know whether it was the last line
    try:
        with open_log(path) as handle:
            for line_no, raw in enumerate(_bounded_lines(path, handle), start=1):
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
        raise _cannot_read(path, exc) from None
    if pending_bad is not None:
        sink.append(f"{path}:{pending_bad[0]}: torn last line skipped ({pending_bad[1]})")


def _bounded_lines(path: Path, handle: IO[bytes]) -> Iterator[bytes]:
    """The file's lines, each read with a length cap, within the line and size limits."""
    total = 0
    for line_no in range(1, MAX_RECORDS + 2):
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if line_no > MAX_RECORDS:
            raise _too_many_lines(path)
        if len(raw.rstrip(b"\n")) > MAX_LINE_BYTES:
            raise _line_too_long(path, line_no)
        total += len(raw)
        if total > MAX_LOG_BYTES:
            raise _too_large(path, total)
        yield raw


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
        found = _walk(path) if _is_folder(path) else [path]
        for file in found:
            identity = Path(os.path.realpath(file))  # never raises, even on a symlink loop
            if identity not in seen:
                seen.add(identity)
                yield file


def _is_folder(path: Path) -> bool:
    """True for a folder; False for anything else that exists (a file that is not a
    log is refused when opened). LogReadError when it cannot be looked at."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except FileNotFoundError:
        raise LogReadError(f"{path}: no such file or directory") from None
    except OSError as exc:
        if os.path.islink(path):  # a dangling or looping symlink: let opening it report why
            return False
        raise LogReadError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=_raise_walk_error):
        dirs.sort()
        files.extend(Path(root) / name for name in names if name.endswith(LOG_SUFFIX))
    return sorted(files)


def _raise_walk_error(exc: OSError) -> None:
    raise LogReadError(f"{exc.filename}: cannot read folder ({exc.strerror or exc})")
