"""What a reader may assume of a log's records beyond `verify`: numbers in range
and records in the order the writer produces them.

`verify` proves who wrote a log (with a key) or that nobody edited it naively;
it does not prove the writer was sane. A re-chained log can hold `decision_s`
1e308 or an action before any situation, and renderers (review formats,
replay) must not have to defend against that one by one.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from simulator.logbook.models import END_TYPES, START_TYPE

MAX_LOG_NUMBER = 10**9  # seconds (31 years), scores, counts: far above any session's
MAX_SEED = 2**64 - 1  # seeds are the one number allowed to be large (`run --seed`)
YEARS = (1970, 2999)  # started_at: xAPI and the report add durations to it

# Records that belong to the situation entered last (session.py writes them so).
_IN_SITUATION = frozenset({"assessment", "plan", "action", "timeout", "situation_scored"})
_AFTER_ENDING = frozenset({"follow_up", "paused", "resumed", *END_TYPES})


def number_problem(record: dict[str, Any]) -> str:
    """Why a number in `record` (at any depth) cannot be used: not finite, or out
    of range; "" when every number is fine."""
    for key, value in record.items():
        problem = _bad_number(value, key)
        if problem:
            return problem
    if record.get("type") == START_TYPE:
        return _start_time_problem(record.get("started_at"))
    return ""


def _bad_number(value: Any, key: str) -> str:
    """The first unusable number under `key` ("" if none). Review runs this on every
    line of every log: plain recursion with the common kinds tested first."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return ""
    if kind is float or kind is int:
        limit = MAX_SEED if key == "seed" else MAX_LOG_NUMBER
        if abs(value) > limit or (kind is float and not math.isfinite(value)):  # isfinite(10**400) overflows
            return f"{key} {value!r} is out of range (at most {limit:,} in size)"
        return ""
    if kind is dict:
        for name, item in value.items():
            problem = _bad_number(item, f"{key}.{name}")
            if problem:
                return problem
    elif kind is list:
        for item in value:
            problem = _bad_number(item, key)
            if problem:
                return problem
    return ""


def _start_time_problem(text: Any) -> str:
    if not isinstance(text, str):
        return ""  # read_record (logbook/models.py) names a missing or mistyped time
    try:
        year = datetime.fromisoformat(text.replace("Z", "+00:00")).year
    except ValueError:
        return ""
    if not YEARS[0] <= year <= YEARS[1]:
        return f"started_at year {year} is out of range ({YEARS[0]} to {YEARS[1]})"
    return ""


def order_problem(records: list[dict[str, Any]]) -> tuple[int, str] | None:
    """(line, why) for the first record out of the writer's order, or None: session_started
    first; assessment, plan, action, timeout and situation_scored inside the
    situation they name; after ending_reached only follow_up, pauses and the end;
    nothing after an end record."""
    current: str | None = None
    ended = False
    for line, record in enumerate(records, start=1):
        type_ = record.get("type")
        if (line == 1) != (type_ == START_TYPE):
            return line, "session_started must be the first record and only the first"
        if line > 1 and records[line - 2].get("type") in END_TYPES:
            return line, f"record after {records[line - 2].get('type')}"
        if ended and type_ not in _AFTER_ENDING:
            return line, f"{type_} after ending_reached"
        if type_ == "situation_entered":
            current = record.get("situation") if isinstance(record.get("situation"), str) else None
        elif type_ == "ending_reached":
            ended = True
        elif type_ == "follow_up" and not ended:
            return line, "follow_up before ending_reached"
        elif type_ in _IN_SITUATION and (current is None or record.get("situation") != current):
            where = "before any situation" if current is None else f"outside situation {current!r}"
            return line, f"{type_} {where}"
    return None
