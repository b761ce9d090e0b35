"""Append-only, hash-chained, fsynced session log writer (session-log.md)."""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from simulator.logbook.ids import SESSION_ID_PATTERN
from simulator.logbook.models import LogRecord, RecordError, read_record
from simulator.logbook.records import (
    LOG_SUFFIX,
    ZERO_HASH,
    canonical_json,
    compute_mac,
    line_hash,
    with_digest,
)

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY",
                                                                                                         0)


class LogWriteError(Exception):
    """The log could not be written; the session must stop. One line naming the file."""


class SessionLogWriter:
    """Writes one session log. Every write() is on disk (fsynced) when it returns.

    After any failed write the writer refuses further writes: the file may end in
    a torn line, and carrying on would fork the chain.
    """

    def __init__(self, path: Path, fd: int, clock: Callable[[], float], key: bytes | None) -> None:
        self._path = path
        self._fd: int | None = fd
        self._clock = clock
        self._key = key
        self._seq = 0
        self._prev = ZERO_HASH
        self._last_t = 0.0
        self._last_record: LogRecord | None = None
        self._failed: str | None = None
        self._lock = threading.Lock()

    @classmethod
    def create(
        cls,
        log_dir: Path,
        session_id: str,
        *,
        clock: Callable[[], float],
        key: bytes | None = None,
    ) -> SessionLogWriter:
        """Create `<log_dir>/<session_id>.jsonl` (never overwriting) and return its writer."""
        if SESSION_ID_PATTERN.fullmatch(session_id) is None:
            raise ValueError(f"session id {session_id!r} is not safe as a file name")
        if key is not None and not key:
            raise ValueError("the log key must not be empty")
        log_dir = Path(log_dir)
        path = log_dir / f"{session_id}{LOG_SUFFIX}"
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # FileExistsError here means a file sits where the folder belongs
            raise LogWriteError(
                f"{path}: cannot create session log: its folder cannot be made ({_reason(exc)})"
            ) from None
        try:
            fd = os.open(path, _OPEN_FLAGS, 0o644)
        except FileExistsError:
            raise LogWriteError(f"{path}: session log already exists (never overwritten)") from None
        except OSError as exc:
            raise LogWriteError(f"{path}: cannot create session log: {_reason(exc)}") from None
        _fsync_dir(log_dir)
        return cls(path, fd, clock, key)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def last_record(self) -> LogRecord | None:
        """The last record written, or None before the first."""
        return self._last_record

    @property
    def closed(self) -> bool:
        return self._fd is None

    def write(self, record: LogRecord) -> LogRecord:
        """Append `record` (its seq and t are the writer's) and fsync it; return it as written."""
        with self._lock:
            if self._fd is None:
                raise ValueError(f"{self._path}: session log is closed")
            if self._failed is not None:
                raise LogWriteError(f"{self._path}: not written, an earlier write failed ({self._failed})")
            if self._last_record is not None and self._last_record.ENDS_SESSION:
                raise ValueError(f"{self._path}: session already ended, no record may follow {self._last_record.type}")
            t = self._next_t()
            written = record.stamped(self._seq, t)
            line = self._line(written)
            self._append(line)
            self._seq += 1
            self._prev = line_hash(line[:-1])
            self._last_t = t
            self._last_record = written
            return written

    def _next_t(self) -> float:
        t = float(self._clock())
        if not math.isfinite(t):
            raise ValueError(f"clock returned {t!r}")
        # A monotonic clock never goes back; clamping keeps `t` non-decreasing
        # even if an injected test clock does.
        return max(round(t, 3), self._last_t)

    def _line(self, record: LogRecord) -> bytes:
        """The record's line: seq, t, type, its fields in model order, prev[, digest][, mac]."""
        type_ = record.type
        text = canonical_json({**record.line(), "prev": self._prev})
        if record.ENDS_SESSION:
            # Nothing follows the end record to chain it, so it vouches for itself.
            text = with_digest(text)
        if self._key is not None:
            mac = compute_mac(self._key, _encode(text, type_))
            text = text[:-1] + f',"mac":"{mac}"' + "}"
        # Verify relies on every line being canonical, and readers on every line
        # fitting its model: refuse a record that would not read back as written.
        parsed = json.loads(text)
        if canonical_json(parsed) != text:
            raise ValueError(f"record {type_!r} does not serialise canonically (duplicate keys?)")
        try:
            read_record(parsed)
        except RecordError as exc:
            raise ValueError(f"record {type_!r} would not read back: {exc}") from None
        return _encode(text, type_) + b"\n"

    def _append(self, line: bytes) -> None:
        assert self._fd is not None
        try:
            written = os.write(self._fd, line)  # one write: a crash tears at most this line
            if written != len(line):
                raise OSError(f"short write ({written} of {len(line)} bytes; disk full?)")
            os.fsync(self._fd)
        except OSError as exc:
            self._failed = _reason(exc)
            raise LogWriteError(f"{self._path}: cannot write session log: {self._failed}") from None

    def close(self) -> None:
        """Close the file (idempotent). Every written record is already on disk."""
        with self._lock:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                try:
                    os.close(fd)
                except OSError as exc:
                    raise LogWriteError(f"{self._path}: cannot close session log: {_reason(exc)}") from None

    def __enter__(self) -> SessionLogWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SessionLogWriter({str(self._path)!r}, records={self._seq})"


def _encode(text: str, type: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"record {type!r} contains text that is not valid Unicode (lone surrogate)") from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _fsync_dir(directory: Path) -> None:
    """Make the new directory entry durable too (best effort: not every OS allows it)."""
    try:
        dfd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)
