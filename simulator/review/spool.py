"""Per-session rows kept on disk, not in memory, between the pass and the output."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import Any


class SessionSpool:
    """Append rows during the pass, then read them back (as often as needed) in order."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(mode="w+b")  # deleted when closed or on exit
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self._file.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
        self.count += 1

    def finish(self) -> None:
        self._file.flush()

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self._file.seek(0)
        for line in self._file:
            yield json.loads(line)

    def __len__(self) -> int:
        return self.count

    def close(self) -> None:
        self._file.close()
