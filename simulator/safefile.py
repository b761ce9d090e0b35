"""Opening a file that someone else may have put there: never block, never read
a device, never read more than a limit.

Scenario, answers and rubric files (scenario/source.py) and session logs
(logbook/reader.py) all come from folders other people can write to. A FIFO
there would block `open()` until a writer came; a symlink to /dev/zero would
never end. So: open with O_NONBLOCK (a FIFO opens at once), check the type on
the open descriptor (fstat, so nothing can be swapped in after the check), and
read at most `limit` + 1 bytes so an oversized file is refused, not read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


class NotRegularFile(Exception):
    """Not a regular file; the message says what it is ("a FIFO", "a folder", ...)."""

    def __init__(self, kind: int) -> None:
        super().__init__(_KINDS.get(kind, "a special file"))
        self.is_folder = kind == stat.S_IFDIR


class TooLarge(Exception):
    """Larger than the limit; `size` is what was seen (at least limit + 1)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size:,} bytes")
        self.size = size


def open_regular(path: str | Path, limit: int) -> IO[bytes]:
    """`path` opened for binary reading: NotRegularFile, TooLarge (by its size now),
    or OSError (cannot be opened)."""
    try:
        handle = open(path, "rb", opener=_nonblocking)  # noqa: SIM115 - returned to the caller
    except IsADirectoryError:
        raise NotRegularFile(stat.S_IFDIR) from None
    try:
        info = os.fstat(handle.fileno())
        kind = stat.S_IFMT(info.st_mode)
        if kind != stat.S_IFREG:
            raise NotRegularFile(kind)
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        return handle
    except BaseException:
        handle.close()
        raise


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (open_regular's errors;
    TooLarge also when the file grew past the limit after it was opened)."""
    with open_regular(path, limit) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(len(data))
    return data
