"""Per-session rows kept on disk, not in memory, between the pass and the output.

Each row is written once as a line of compact JSON. The json report copies
those lines as they are (no second parse and dump); the other outputs read
them back as dicts. The only per-session memory is an 8-byte file offset per
session, grouped by trainee, so the html report can list sessions by trainee
without holding them.
"""

from __future__ import annotations

import json
import tempfile
from array import array
from collections.abc import Iterator
from typing import Any

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_loads = json.JSONDecoder().decode


class SessionSpool:
    """Append rows during the pass, then read them back (as often as needed) in order."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(mode="w+b")  # deleted when closed or on exit
        self._offsets: dict[str, array[int]] = {}  # trainee -> offsets of their rows, in order
        self._end = 0
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        line = _dumps(row).encode("utf-8") + b"\n"
        trainee = row["trainee"]
        offsets = self._offsets.get(trainee)
        if offsets is None:
            offsets = self._offsets[trainee] = array("q")
        offsets.append(self._end)
        self._file.write(line)
        self._end += len(line)
        self.count += 1

    def finish(self) -> None:
        self._file.flush()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for line in self.lines():
            yield _loads(line.decode("utf-8"))

    def lines(self) -> Iterator[bytes]:
        """Each row as its JSON text (bytes, without the newline), in order."""
        self._file.seek(0)
        for line in self._file:
            yield line[:-1]

    def trainees(self) -> list[str]:
        return sorted(self._offsets)

    def of_trainee(self, trainee: str) -> Iterator[dict[str, Any]]:
        """One trainee's rows, in order (one seek per row)."""
        handle = self._file
        for offset in self._offsets.get(trainee, ()):
            handle.seek(offset)
            yield _loads(handle.readline().decode("utf-8"))

    def __len__(self) -> int:
        return self.count

    def close(self) -> None:
        self._file.close()
