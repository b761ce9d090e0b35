"""`--format json`: every figure, then every session (with its decisions and timeline).

Written as it goes: the sessions are the spool's lines, copied as they are
(they are already compact JSON), so no session is parsed or encoded twice.
Numbers keep their full precision here; the human formats and the CSV files
round them (docs/review.md, "Rounding").
"""

from __future__ import annotations

import json
from typing import TextIO

from simulator.review.readiness import DEFAULT_RULE, ReadinessRule
from simulator.review.scan import Review
from simulator.review.summary import summary


def write_json(review: Review, out: TextIO, *, rule: ReadinessRule = DEFAULT_RULE) -> None:
    head = json.dumps(summary(review, rule), ensure_ascii=False, indent=1)
    out.write(head[: head.rindex("}")].rstrip() + ',\n "sessions": [')
    separator = "\n  "
    for line in review.sessions.lines():
        out.write(separator)
        out.write(line.decode("utf-8"))
        separator = ",\n  "
    out.write("\n ]\n}\n")
