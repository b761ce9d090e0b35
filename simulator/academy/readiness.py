"""Readiness per trainee and cohorts side by side, from the review's session rows.

Works the same on a file review and a store review: both hand over the same
per-session rows (in session-id order, i.e. start order).

Competencies (scoring model 2 logs `competencies` in session_ended; older logs
do not): a trainee's level in a competency is its value in their latest
complete session that measured it. A competency never measured (no log has
it, or every log has it null) is *not measured*: it neither passes nor fails
the "each competency at least N" rule, and the answer lists it, so an
instructor sees that the rule could not be checked for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic stays out of reviews given no settings file (start-up time)
    from simulator.academy.settings import AcademySettings

COMPETENCIES = ("perception", "tactics", "force", "communication", "safety", "authority", "time", "community")
NO_COHORT = "(none)"


@dataclass
class _Trainee:
    cohort: str | None = None
    passed: set[str] = field(default_factory=set)
    attempts: list[tuple[str, str, int]] = field(default_factory=list)  # (started_at, session id, critical errors)
    levels: dict[str, tuple[str, float]] = field(default_factory=dict)  # competency -> (started_at, value)
    sessions: int = 0
    complete: int = 0
    score_sum: float = 0.0
    passes: int = 0
    critical_errors: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.sessions += 1
        self.cohort = row.get("cohort") or self.cohort
        self.critical_errors += row["critical_errors"]
        self.attempts.append((row["started_at"], row["session_id"], row["critical_errors"]))
        if row["status"] != "complete" or row["score"] is None:
            return
        self.complete += 1
        self.score_sum += row["score"]
        if row["passed"]:
            self.passes += 1
            self.passed.add(row["scenario"])
        for name, value in (row.get("competencies") or {}).items():
            if type(value) in (int, float) and row["started_at"] >= self.levels.get(name, ("", 0.0))[0]:
                self.levels[name] = (row["started_at"], float(value))


def academy_section(rows: Iterable[dict[str, Any]], settings: AcademySettings | None,
                    annotations: list[dict[str, Any]] | None) -> dict[str, Any]:
    """What review adds for the academy: readiness (with settings), cohorts, annotations (from a store)."""
    trainees: dict[str, _Trainee] = defaultdict(_Trainee)
    for row in rows:
        trainees[row["trainee"]].add(row)
    readiness = None
    if settings is not None:
        readiness = [{"trainee": t, "cohort": trainees[t].cohort, **_verdict(trainees[t], settings)}
                     for t in sorted(trainees)]
    ready = {r["trainee"] for r in readiness or [] if r["ready"]}
    return {
        "settings": None if settings is None else settings.model_dump(),
        "readiness": readiness,
        "cohorts": _cohorts(trainees, ready if settings is not None else None),
        "annotations": annotations,
    }


def _verdict(t: _Trainee, settings: AcademySettings) -> dict[str, Any]:
    rule = settings.readiness
    reasons: list[str] = []
    if rule.pass_required:
        missing = [s for s in settings.required_scenarios if s not in t.passed]
        if missing:
            reasons.append(f"has not passed {', '.join(missing)}")
    if rule.no_critical_in_last:
        last = sorted(t.attempts)[-rule.no_critical_in_last:]
        bad = sum(1 for _, _, errors in last if errors)
        if bad:
            reasons.append(f"critical error in {bad} of the last {len(last)} attempt(s)")
    not_measured: list[str] = []
    if rule.min_competency is not None:
        for name in COMPETENCIES:
            if name not in t.levels:
                not_measured.append(name)
            elif t.levels[name][1] < rule.min_competency:
                reasons.append(f"{name} {t.levels[name][1]:.1f} < {rule.min_competency:g}")
    answer = "ready" if not reasons else "not yet, because " + "; ".join(reasons)
    return {"ready": not reasons, "answer": answer, "reasons": reasons, "not_measured": not_measured,
            "competencies": {name: t.levels[name][1] for name in COMPETENCIES if name in t.levels}}


def _cohorts(trainees: dict[str, _Trainee], ready: set[str] | None) -> list[dict[str, Any]]:
    groups: dict[str, list[tuple[str, _Trainee]]] = defaultdict(list)
    for name, t in trainees.items():
        groups[t.cohort or NO_COHORT].append((name, t))
    out = []
    for cohort in sorted(groups):
        members = groups[cohort]
        complete = sum(t.complete for _, t in members)
        out.append({
            "cohort": cohort,
            "trainees": len(members),
            "sessions": sum(t.sessions for _, t in members),
            "complete": complete,
            "pass_rate": sum(t.passes for _, t in members) / complete if complete else None,
            "mean_score": sum(t.score_sum for _, t in members) / complete if complete else None,
            "critical_errors": sum(t.critical_errors for _, t in members),
            "ready": None if ready is None else sum(1 for name, _ in members if name in ready),
        })
    return out
