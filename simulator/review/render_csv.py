"""`--format csv -o FOLDER`: one spreadsheet-friendly file per level.

UTF-8 with a byte-order mark (so Excel reads accents right), comma separated,
one header row, plain numbers (no % signs), yes/no for booleans, and every text
cell that a spreadsheet could take for a formula (= + - @ at the start)
prefixed with an apostrophe (text.csv_cell).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from simulator.review.scan import Review
from simulator.review.summary import summary
from simulator.review.text import csv_cell

FILES = ("trainees.csv", "scenarios.csv", "lethal_force.csv", "sessions.csv", "decisions.csv", "tampered.csv", "warnings.csv")


def write_csv(review: Review, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = summary(review)
    _write(folder / "trainees.csv", [_flat_trainee(t) for t in data["trainees"]])
    _write(folder / "scenarios.csv", [_flat_scenario(s) for s in data["scenarios"]])
    lethal = data["lethal_force"]
    _write(folder / "lethal_force.csv", [{"trainee": "(all)", **lethal["overall"]}, *lethal["per_trainee"]])
    _write(folder / "sessions.csv", review.sessions, SESSION_FIELDS)
    _write(folder / "decisions.csv", _decision_rows(review))
    _write(folder / "tampered.csv", data["tampered"], ["path", "first_bad_seq", "detail", "claimed_trainee", "claimed_session"])
    _write(folder / "warnings.csv", ({"warning": w} for w in data["warnings"]), ["warning"])
    if data.get("academy"):
        from simulator.academy.render import academy_csv_tables

        for name, rows, fields in academy_csv_tables(data["academy"]):
            _write(folder / name, rows, fields)


def _flat_trainee(t: dict[str, Any]) -> dict[str, Any]:
    row = dict(t)
    row["attempts"] = "; ".join(f"{k}: {n}" for k, n in t["attempts"].items())
    return row


def _flat_scenario(s: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in s.items() if k not in ("costly_situations", "common_wrong_assessment", "common_unreasonable_option", "timeouts_by_phase", "versions")}
    row["versions"] = "; ".join(s["versions"])
    costly = s["costly_situations"]
    row["most_points_lost_in"] = "; ".join(c["situation"] for c in costly)
    row["share_of_loss_top"] = costly[0]["share_of_loss"] if costly else None
    wrong, bad = s["common_wrong_assessment"] or {}, s["common_unreasonable_option"] or {}
    row["wrong_assessment_situation"] = wrong.get("situation")
    row["wrong_assessment_expected"] = wrong.get("expected")
    row["wrong_assessment_chosen"] = wrong.get("chosen")
    row["wrong_assessment_count"] = wrong.get("count")
    row["unreasonable_option_situation"] = bad.get("situation")
    row["unreasonable_option"] = bad.get("option")
    row["unreasonable_option_verdict"] = bad.get("verdict")
    row["unreasonable_option_count"] = bad.get("count")
    for phase in ("assess", "plan", "act"):
        row[f"timeouts_{phase}"] = s["timeouts_by_phase"].get(phase, 0)
    return row


SESSION_FIELDS = ["session_id", "trainee", "scenario", "scenario_title", "difficulty", "started_at", "workstation", "status",
                  "score", "passed", "critical_errors", "community", "situations", "ending", "abort_reason", "duration_s",
                  "integrity", "path"]
_DECISION_FIELDS = ["session_id", "trainee", "scenario", "seq", "t", "kind", "situation", "response", "expected", "score",
                    "decision_s", "verdict", "level", "range_max", "severity", "critical", "reportable", "phase"]


def _decision_rows(review: Review) -> Iterable[dict[str, Any]]:
    for session in review.sessions:
        for d in session.get("decisions", []):
            response = d.get("response")
            yield {
                "session_id": session["session_id"],
                "trainee": session["trainee"],
                "scenario": session["scenario"],
                **d,
                "response": "; ".join(response) if isinstance(response, list) else response,
            }


def _write(path: Path, rows: Iterable[dict[str, Any]], fields: list[str] | None = None) -> None:
    rows = iter(rows)
    first = next(rows, None)
    if fields is None:
        fields = list(first) if first is not None else []
        if path.name == "decisions.csv":
            fields = _DECISION_FIELDS
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        if first is not None:
            writer.writerow({k: csv_cell(first.get(k)) for k in fields})
        for row in rows:
            writer.writerow({k: csv_cell(row.get(k)) for k in fields})
