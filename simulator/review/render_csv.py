"""`--format csv -o FOLDER`: tidy tables, one file per kind of thing.

Every file: UTF-8 with a byte-order mark (so Excel reads accents right), comma
separated, one header row, one value per cell, one row per observation.

- Numbers are written unquoted, rounded exactly as the report shows them
  (formatting.DIGITS); rates and shares are fractions 0..1 and their column
  names end in `_fraction`.
- Booleans are `true` / `false`; a missing value is an empty cell.
- Every text cell is quoted, so a text that looks like a number (a version
  "1.0", an id "007") stays text in a spreadsheet; a text a spreadsheet could
  run as a formula (= + - @ at the start) starts with an apostrophe.
- Lists are long tables: attempts per scenario (trainee_scenarios.csv), the
  situations where points are lost, the tactics chosen in a plan, the reason
  codes of an act, each in rows of their own.
- Totals are in totals.csv, never mixed with per-trainee rows, so a column sum
  of trainees.csv is a true total.

docs/review.md ("CSV files") names and explains every column; a test keeps
the two in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulator.review.competencies import COMPETENCIES
from simulator.review.formatting import DIGITS, rounded
from simulator.review.readiness import DEFAULT_RULE, ReadinessRule
from simulator.review.scan import Review
from simulator.review.summary import summary
from simulator.review.tallies import PHASES
from simulator.review.text import csv_cell

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | int | bool | score | fraction | seconds | index | trend | competency | number

    def cell(self, value: Any) -> str:
        """The CSV text of one cell (see the module docstring)."""
        return _FORMATTERS[self.kind](value)


def _text(value: Any) -> str:
    return '"' + str(csv_cell(value)).replace('"', '""') + '"'


def _cached_text() -> Callable[[Any], str]:
    """_text with a small cache: ids, kinds and names repeat on every row (a
    session id on each of its decisions), and cleaning a text is the costly part.
    Bounded, so memory stays flat however many rows there are."""
    cache: dict[Any, str] = {}

    def text(value: Any) -> str:
        if value is None:
            return ""
        found = cache.get(value)
        if found is None:
            if len(cache) >= 20_000:
                cache.clear()
            found = cache[value] = _text(value)
        return found

    return text


def _rounder(kind: str) -> Callable[[Any], str]:
    return lambda value: "" if value is None else str(rounded(value, kind))


_FORMATTERS: dict[str, Callable[[Any], str]] = {
    "text": lambda value: "" if value is None else _text(value),
    "bool": lambda value: "" if value is None else ("true" if value else "false"),
    "int": lambda value: "" if value is None else str(int(value)),
    "number": lambda value: "" if value is None else (repr(float(value)) if isinstance(value, float) else str(value)),
    **{kind: _rounder(kind) for kind in DIGITS},
}


def _cols(*specs: str) -> list[Column]:
    """Columns from "name:kind" strings (kind defaults to text)."""
    return [Column(*spec.split(":")) for spec in specs]


_COMPETENCY_COLUMNS = [f"competency_{c}:competency" for c in COMPETENCIES]

TABLES: dict[str, list[Column]] = {
    "totals.csv": _cols(
        "files:int", "sessions:int", "complete:int", "aborted:int", "incomplete:int", "tampered:int", "skipped:int",
        "duplicates:int", "filtered_out:int", "trainees:int", "scenarios:int", "mac_checked:bool", "warnings:int",
        "ready:int", "not_yet:int", "needs_help:int", "passed:int", "pass_fraction:fraction",
        "lethal_allowed_steps:int", "lethal_hits:int", "lethal_not_allowed_steps:int", "lethal_false_alarms:int",
        "hit_rate_fraction:fraction", "false_alarm_rate_fraction:fraction", "d_prime:index", "c:index",
    ),
    "trainees.csv": _cols(
        "trainee", "readiness", "sessions:int", "complete:int", "aborted:int", "incomplete:int",
        "latest_score:score", "best_score:score", "mean_score:score", "passed:int", "pass_fraction:fraction",
        "critical_errors:int", "actions:int", "excessive:int", "insufficient:int", "assessments:int",
        "assessment_accuracy_fraction:fraction", "tactic_score_fraction:fraction", "median_decision_s:seconds",
        "timeouts:int", "timeouts_assess:int", "timeouts_plan:int", "timeouts_act:int",
        "trend_points_per_repeat:trend", "trend_label", *_COMPETENCY_COLUMNS,
    ),
    "readiness_reasons.csv": _cols("trainee", "readiness", "reason", "where", "value:number"),
    "trainee_scenarios.csv": _cols(
        "trainee", "scenario", "attempts:int", "complete:int", "passed:int", "best_score:score", "latest_score:score",
        "latest_passed:bool", "latest_critical_errors:int", "critical_errors:int",
    ),
    "scenarios.csv": _cols(
        "scenario", "title", "difficulty:int", "attempts:int", "complete:int", "aborted:int", "incomplete:int",
        "trainees:int", "mean_score:score", "passed:int", "pass_fraction:fraction", "timeouts:int",
        "timeouts_assess:int", "timeouts_plan:int", "timeouts_act:int",
        "wrong_assessment_situation", "wrong_assessment_expected", "wrong_assessment_chosen",
        "wrong_assessment_count:int",
        "unreasonable_option_situation", "unreasonable_option", "unreasonable_option_verdict",
        "unreasonable_option_count:int", *_COMPETENCY_COLUMNS,
    ),
    "scenario_versions.csv": _cols("scenario", "version"),
    "scenario_costly_situations.csv": _cols(
        "scenario", "rank:int", "situation", "visits:int", "mean_points_lost_fraction:fraction",
        "share_of_loss_fraction:fraction",
    ),
    "lethal_force.csv": _cols(
        "trainee", "allowed_steps:int", "hits:int", "misses:int", "not_allowed_steps:int", "false_alarms:int",
        "correct_rejections:int", "hit_rate_fraction:fraction", "false_alarm_rate_fraction:fraction", "d_prime:index",
        "c:index",
    ),
    "sessions.csv": _cols(
        "session_id", "trainee", "scenario", "scenario_title", "scenario_difficulty:int", "started_at", "workstation",
        "status", "score:score", "passed:bool", "critical_errors:int", "reportable:bool", "community_score:score",
        "situations:int", "ending", "abort_reason", "duration_s:seconds", *_COMPETENCY_COLUMNS, "integrity", "path",
    ),
    "decisions.csv": _cols(
        "session_id", "trainee", "scenario", "seq:int", "t_s:seconds", "kind", "situation", "response", "expected",
        "score_fraction:fraction", "decision_s:seconds", "verdict", "force_level:int", "range_max",
        "levels_outside_range:int",
        "critical:bool", "reportable:bool", "firearm", "timeout_step", "deliberate_wait:bool",
    ),
    "decision_items.csv": _cols("session_id", "seq:int", "item", "value"),
    "tampered.csv": _cols("path", "first_bad_seq:int", "detail", "claimed_trainee", "claimed_session"),
    "warnings.csv": _cols("warning"),
}
FILES = tuple(TABLES)


def write_csv(review: Review, folder: Path, *, rule: ReadinessRule = DEFAULT_RULE) -> None:
    """Every table into `folder` (created if needed), one file each, as named in TABLES."""
    folder.mkdir(parents=True, exist_ok=True)
    data = summary(review, rule)
    rows: dict[str, Callable[[], Iterable[Row]]] = {
        "totals.csv": lambda: [_totals(data)],
        "trainees.csv": lambda: (_trainee(t) for t in data["trainees"]),
        "readiness_reasons.csv": lambda: _reasons(data["trainees"]),
        "trainee_scenarios.csv": lambda: ({"trainee": t["trainee"], "scenario": s, **c}
                                          for t in data["trainees"] for s, c in t["by_scenario"].items()),
        "scenarios.csv": lambda: (_scenario(s) for s in data["scenarios"]),
        "scenario_versions.csv": lambda: ({"scenario": s["scenario"], "version": v}
                                          for s in data["scenarios"] for v in s["versions"]),
        "scenario_costly_situations.csv": lambda: _costly(data["scenarios"]),
        "lethal_force.csv": lambda: (_lethal(r) for r in data["lethal_force"]["per_trainee"]),
        "tampered.csv": lambda: data["tampered"],
        "warnings.csv": lambda: ({"warning": w} for w in data["warnings"]),
    }
    for name, make in rows.items():
        with _Table(folder / name) as table:
            for row in make():
                table.write(row)
    _write_per_session(review, folder)
    if data.get("academy"):  # an academy's settings, store or cohorts (issue 14)
        _write_academy(data["academy"], folder)


class _Table:
    """One CSV file being written: its header, then rows through one formatter per column."""

    def __init__(self, path: Path) -> None:
        columns = TABLES[path.name]
        text = _cached_text()
        self._cells = [(c.name, text if c.kind == "text" else _FORMATTERS[c.kind]) for c in columns]
        self._handle = open(path, "w", encoding="utf-8-sig", newline="")
        self._handle.write(",".join(c.name for c in columns) + "\r\n")

    def write(self, row: Row) -> None:
        get = row.get
        self._handle.write(",".join([fmt(get(name)) for name, fmt in self._cells]) + "\r\n")

    def __enter__(self) -> _Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def _write_per_session(review: Review, folder: Path) -> None:
    """sessions.csv, decisions.csv and decision_items.csv in one read of the spool."""
    with _Table(folder / "sessions.csv") as sessions, _Table(folder / "decisions.csv") as decisions, \
            _Table(folder / "decision_items.csv") as items:
        for session in review.sessions:
            sessions.write(_session(session))
            for row in _decisions(session):
                decisions.write(row)
            for row in _decision_items(session):
                items.write(row)


def _totals(data: dict[str, Any]) -> Row:
    t, lethal = data["totals"], data["lethal_force"]["overall"]
    statuses = [tr["readiness"]["status"] for tr in data["trainees"]]
    passed = sum(tr["passed"] for tr in data["trainees"])
    return {
        **t,
        "ready": statuses.count("ready"), "not_yet": statuses.count("not_yet"),
        "needs_help": statuses.count("needs_help"),
        "passed": passed, "pass_fraction": passed / t["complete"] if t["complete"] else None,
        "lethal_allowed_steps": lethal["signal"], "lethal_hits": lethal["hits"],
        "lethal_not_allowed_steps": lethal["noise"], "lethal_false_alarms": lethal["false_alarms"],
        "hit_rate_fraction": lethal["hit_rate"], "false_alarm_rate_fraction": lethal["false_alarm_rate"],
        "d_prime": lethal["d_prime"], "c": lethal["c"],
    }


def _by_step(prefix: str, by_phase: dict[str, int]) -> Row:
    return {f"{prefix}_{phase}": by_phase.get(phase, 0) for phase in PHASES}


def _competencies(values: dict[str, float | None] | None) -> Row:
    values = values or {}
    return {f"competency_{c}": values.get(c) for c in COMPETENCIES}


def _trainee(t: Row) -> Row:
    return {
        **t,
        "readiness": t["readiness"]["status"],
        "pass_fraction": t["pass_rate"],
        "assessment_accuracy_fraction": t["assessment_accuracy"],
        "tactic_score_fraction": t["tactic_score"],
        "trend_points_per_repeat": t["trend"],
        **_by_step("timeouts", t["timeouts_by_phase"]),
        **_competencies(t["competencies"]),
    }


def _reasons(trainees: list[Row]) -> Iterator[Row]:
    for t in trainees:
        for reason in t["readiness"]["reasons"]:
            yield {"trainee": t["trainee"], "readiness": t["readiness"]["status"], "reason": reason["code"],
                   "where": reason["where"], "value": _REASON_VALUE.get(reason["code"], _same)(reason["value"])}


def _same(value: Any) -> Any:
    return value


# A reason's figure, rounded as the report shows it.
_REASON_VALUE: dict[str, Callable[[Any], Any]] = {
    "latest_failed": lambda v: rounded(v, "score"),
    "competency_low": lambda v: rounded(v, "competency"),
}


def _scenario(s: Row) -> Row:
    wrong, bad = s["common_wrong_assessment"] or {}, s["common_unreasonable_option"] or {}
    return {
        **s,
        "pass_fraction": s["pass_rate"],
        **_by_step("timeouts", s["timeouts_by_phase"]),
        "wrong_assessment_situation": wrong.get("situation"),
        "wrong_assessment_expected": wrong.get("expected"),
        "wrong_assessment_chosen": wrong.get("chosen"),
        "wrong_assessment_count": wrong.get("count"),
        "unreasonable_option_situation": bad.get("situation"),
        "unreasonable_option": bad.get("option"),
        "unreasonable_option_verdict": bad.get("verdict"),
        "unreasonable_option_count": bad.get("count"),
        **_competencies(s["competencies"]),
    }


def _costly(scenarios: list[Row]) -> Iterator[Row]:
    for s in scenarios:
        for rank, c in enumerate(s["costly_situations"], start=1):
            yield {"scenario": s["scenario"], "rank": rank, "situation": c["situation"], "visits": c["visits"],
                   "mean_points_lost_fraction": c["mean_lost"], "share_of_loss_fraction": c["share_of_loss"]}


def _lethal(r: Row) -> Row:
    return {**r, "allowed_steps": r["signal"], "not_allowed_steps": r["noise"], "hit_rate_fraction": r["hit_rate"],
            "false_alarm_rate_fraction": r["false_alarm_rate"]}


def _session(s: Row) -> Row:
    return {**s, "scenario_difficulty": s["difficulty"], "community_score": s["community"],
            **_competencies(s.get("competencies"))}


def _decisions(session: Row) -> Iterator[Row]:
    ids = {"session_id": session["session_id"], "trainee": session["trainee"], "scenario": session["scenario"]}
    for d in session.get("decisions", []):
        response = d.get("response")
        yield {
            **ids, **d,
            "t_s": d["t"],
            "response": None if isinstance(response, list) else response,  # lists: decision_items.csv
            "score_fraction": d.get("score"),
            "force_level": d.get("level"),
            "levels_outside_range": d["severity"] if d["kind"] == "act" else None,
            "critical": d["critical"] if d["kind"] == "act" else None,
            "reportable": d["reportable"] if d["kind"] == "act" else None,
            "timeout_step": d.get("phase"),
            "deliberate_wait": d.get("wait", False) if d["kind"] == "timeout" else None,
        }


def _decision_items(session: Row) -> Iterator[Row]:
    """The list values of a session's decisions, one per row: a plan's tactics, a
    follow-up's choices, an act's reason codes."""
    for d in session.get("decisions", []):
        response = d.get("response")
        if isinstance(response, list):
            item = "tactic" if d["kind"] == "plan" else "follow_up"
            for value in response:
                yield {"session_id": session["session_id"], "seq": d["seq"], "item": item, "value": value}
        for code in d.get("reasons") or ():
            yield {"session_id": session["session_id"], "seq": d["seq"], "item": "reason", "value": code}


def _write_academy(academy: dict[str, Any], folder: Path) -> None:
    """readiness.csv (per the settings file), cohorts.csv and annotations.csv."""
    import csv

    from simulator.academy.render import academy_csv_tables

    for name, rows, fields in academy_csv_tables(academy):
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields, extrasaction="ignore", quoting=csv.QUOTE_NONNUMERIC)
            writer.writeheader()
            writer.writerows(rows)
