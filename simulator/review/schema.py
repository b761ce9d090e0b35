"""What each record of session log format 1 must hold, as review reads it.

`uofsim verify` proves a log was not edited; it does not check every value of
every record (a buggy writer, or an edit whose whole tail was re-chained, can
still hold `"level": "five"`). Review checks each record it uses against these
rules and skips, with a warning naming file and line, any that fail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from simulator.domain import Behaviour, Force, Verdict
from simulator.logbook import FORMAT_VERSION

Check = Callable[[Any], bool]

_BEHAVIOURS = frozenset(b.value for b in Behaviour)
_FORCES = frozenset(f.value for f in Force)
_VERDICTS = frozenset(v.value for v in Verdict)
_PHASES = frozenset({"assess", "plan", "act"})
_SCORE_PARTS = ("assess", "plan", "act", "time", "total")


def _num(v: Any) -> bool:
    return type(v) in (int, float)


def _opt_num(v: Any) -> bool:
    return v is None or _num(v)


def _int(v: Any) -> bool:
    return type(v) is int


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _bool(v: Any) -> bool:
    return type(v) is bool


def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _one_of(values: frozenset[str]) -> Check:
    return lambda v: isinstance(v, str) and v in values


def _iso_time(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _scenario_info(v: Any) -> bool:
    return (
        isinstance(v, dict)
        and _str(v.get("id"))
        and _str(v.get("title", ""))
        and (v.get("difficulty") is None or _int(v.get("difficulty")))
    )


def _range(v: Any) -> bool:
    return isinstance(v, dict) and v.get("min") in _FORCES and v.get("max") in _FORCES


_NUMBER_TYPES = (int, float, type(None))


def _scores(v: Any) -> bool:
    if not isinstance(v, dict):
        return False
    for key in _SCORE_PARTS:  # a loop, not all(genexpr): this runs for every situation of every log
        if type(v.get(key)) not in _NUMBER_TYPES:
            return False
    return True


def _critical_errors(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(e, dict) for e in v)


_SITUATION = {"situation": _str}

RULES: dict[str, dict[str, Check]] = {
    "session_started": {
        "format": _int,
        "session_id": _str,
        "trainee": _str,
        "started_at": _iso_time,
        "scenario": _scenario_info,
    },
    "situation_entered": {**_SITUATION, "behaviour": _one_of(_BEHAVIOURS), "time_limit_s": _opt_num},
    "assessment": {
        **_SITUATION,
        "chosen": _one_of(_BEHAVIOURS),
        "expected": _one_of(_BEHAVIOURS),
        "score": _opt_num,
        "decision_s": _opt_num,
    },
    "plan": {**_SITUATION, "chosen": _str_list, "score": _opt_num, "decision_s": _opt_num},
    "action": {
        **_SITUATION,
        "option": _str,
        "force": lambda v: isinstance(v, list) and all(f in _FORCES for f in v),
        "level": lambda v: _int(v) and 0 <= v <= 5,
        "range": _range,
        "verdict": _one_of(_VERDICTS),
        "severity": _int,
        "critical": _bool,
        "reportable": _bool,
        "decision_s": _opt_num,
    },
    "timeout": {**_SITUATION, "phase": _one_of(_PHASES)},
    "situation_scored": {**_SITUATION, "scores": _scores},
    "ending_reached": {"ending": _str, "injuries": _str_list, "fatal": _bool},
    "follow_up": {"chosen": _str_list, "score": _opt_num},
    "session_ended": {
        "score": lambda v: _num(v) and 0 <= v <= 100,
        "passed": _bool,
        "critical_errors": _critical_errors,
        "community": _opt_num,
        "situations": _int,
    },
    "session_aborted": {"reason": _str},
    "paused": {"phase": _str},
    "resumed": {"phase": _str, "paused_s": _num},
}


_CHECKS: dict[str, tuple[tuple[str, Check], ...]] = {t: tuple(rules.items()) for t, rules in RULES.items()}
_MISSING = object()


def record_problem(record: dict[str, Any]) -> str:
    """Why review cannot use `record`, or "" if it can."""
    type_ = record.get("type")
    checks = _CHECKS.get(type_) if isinstance(type_, str) else None
    if checks is None:
        return f"unknown record type {type_!r}"
    if type(record.get("t")) not in (int, float):
        return f"{type_}: t is not a number"
    get = record.get
    for key, check in checks:
        value = get(key, _MISSING)
        if value is _MISSING:
            return f"{type_}: missing {key}"
        if not check(value):
            return f"{type_}: {key} has the wrong type or value ({_short(value)})"
    if type_ == "session_started" and record["format"] != FORMAT_VERSION:
        return f"format version {record['format']!r} (this review reads version {FORMAT_VERSION})"
    return ""


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
