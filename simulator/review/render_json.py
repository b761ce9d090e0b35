"""`--format json`: every figure, then every session (with its decisions and timeline).

Written as it goes: the sessions come from the spool one at a time.
"""

from __future__ import annotations

import json
from typing import TextIO

from simulator.review.scan import Review
from simulator.review.summary import summary


def write_json(review: Review, out: TextIO) -> None:
    head = json.dumps(summary(review), ensure_ascii=False, indent=1)
    out.write(head[: head.rindex("}")].rstrip() + ',\n "sessions": [')
    for n, row in enumerate(review.sessions):
        out.write(("\n  " if n == 0 else ",\n  ") + json.dumps(row, ensure_ascii=False, separators=(",", ":")))
    out.write("\n ]\n}\n")
