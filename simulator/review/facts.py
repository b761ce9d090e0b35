"""One session's facts, extracted from its records (logbook models) in one pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from simulator.domain import FirearmAct, Force
from simulator.logbook.models import (
    Action,
    Assessment,
    EndingReached,
    FollowUp,
    LogRecord,
    Plan,
    SessionAborted,
    SessionEnded,
    SessionStarted,
    SituationEntered,
    SituationScored,
    Timeout,
)
from simulator.review import competencies

_LETHAL = Force.LETHAL_FORCE.value
_SHOTS = (None, FirearmAct.DISCHARGE.value)  # `firearm` absent (old logs) or a discharge; a draw or point is not a shot


@dataclass(slots=True)
class Decision:
    """One decision (or a missed one) in a session, in log order."""

    seq: int
    t: float
    kind: str  # assess | plan | act | timeout | follow_up
    situation: str | None
    response: Any = None  # behaviour id, tactic ids, option id, follow-up ids; for timeouts None
    expected: str | None = None  # assess: the behaviour as authored
    score: float | None = None  # assess/plan/follow_up: 0..1
    decision_s: float | None = None
    verdict: str | None = None  # act
    level: int | None = None
    range_max: str | None = None
    severity: int = 0
    critical: bool = False
    reportable: bool = False
    phase: str | None = None  # timeout: the phase that ran out
    reasons: list[str] | None = None  # act: reason codes why the choice is an error (new logs)
    firearm: str | None = None  # act: draw | point | discharge when force includes lethal force (new logs)
    wait: bool = False  # timeout: the author declared letting time run out a deliberate wait

    @property
    def lethal_allowed(self) -> bool:
        return self.range_max == _LETHAL

    @property
    def assessed_right(self) -> bool:
        """assess: read as the author set, or as one of the readings the situation
        accepts (newer logs list them in `accepted` and score them 1.0)."""
        return self.response == self.expected or (self.score is not None and self.score >= 1.0)

    @property
    def lethal_chosen(self) -> bool:
        """A shot: level 5 with `firearm` absent (old logs) or "discharge"."""
        return self.level == 5 and self.firearm in _SHOTS

    def as_dict(self) -> dict[str, Any]:
        """The decision for json/csv/xapi, built directly (dataclasses.asdict deep-copies: slow)."""
        out: dict[str, Any] = {"seq": self.seq, "t": self.t, "kind": self.kind}
        for key in _OPTIONAL:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["severity"] = self.severity
        out["critical"] = self.critical
        out["reportable"] = self.reportable
        if self.wait:
            out["wait"] = True
        return out


_OPTIONAL = ("situation", "response", "expected", "score", "decision_s", "verdict", "level", "range_max", "phase",
             "reasons", "firearm")


@dataclass(slots=True)
class SessionFacts:
    path: str
    session_id: str
    trainee: str
    scenario_id: str
    scenario_title: str
    scenario_version: str
    difficulty: int | None
    started_at: str
    workstation: str
    lang: str
    status: str  # complete | aborted | incomplete
    integrity: str  # verify status: ok | incomplete, with its detail
    score: float | None = None  # complete sessions only
    passed: bool | None = None
    critical_errors: int = 0
    community: float | None = None
    situations: int = 0
    ending: str | None = None
    abort_reason: str | None = None
    duration_s: float = 0.0
    decisions: list[Decision] = field(default_factory=list)
    situation_totals: list[tuple[str, float]] = field(default_factory=list)
    cohort: str | None = None  # session_started's cohort (issue 14), when given
    competencies: list[float | None] | None = None  # in competencies.COMPETENCIES order, 0..100
    reportable: bool = False  # ending_reached.reportable, else any reportable act

    def row(self) -> dict[str, Any]:
        """The per-session summary row (no decisions)."""
        return {
            "session_id": self.session_id,
            "trainee": self.trainee,
            "scenario": self.scenario_id,
            "scenario_title": self.scenario_title,
            "difficulty": self.difficulty,
            "started_at": self.started_at,
            "workstation": self.workstation,
            "status": self.status,
            "score": self.score,
            "passed": self.passed,
            "critical_errors": self.critical_errors,
            "community": self.community,
            "situations": self.situations,
            "ending": self.ending,
            "abort_reason": self.abort_reason,
            "duration_s": self.duration_s,
            "reportable": self.reportable,
            "competencies": None if self.competencies is None else dict(zip(competencies.COMPETENCIES,
                                                                            self.competencies)),
            "integrity": self.integrity,
            "path": self.path,
            "cohort": self.cohort,
        }


def session_facts(path: str, integrity: str, records: list[LogRecord]) -> SessionFacts:
    """Facts of one session from its records (the first must be session_started)."""
    start = records[0]
    assert isinstance(start, SessionStarted)
    info = start.scenario
    facts = SessionFacts(
        path=path,
        session_id=start.session_id,
        trainee=start.trainee,
        scenario_id=info.id,
        scenario_title=str(info.title or ""),
        scenario_version=info.version or "",
        difficulty=info.difficulty,
        started_at=start.started_at,
        workstation=start.workstation,
        lang=start.lang,
        status="incomplete",
        integrity=integrity,
        cohort=start.cohort,
    )
    action_criticals = 0
    ended_competencies: Any = None
    situation_competencies: list[dict[str, Any]] = []
    reportable_ending: bool | None = None
    for r in records[1:]:
        facts.duration_s = r.t
        decide = _DECISIONS.get(type(r))
        if decide is not None:
            decision = decide(r)
            facts.decisions.append(decision)
            action_criticals += decision.critical
        elif isinstance(r, SituationEntered):
            facts.situations += 1
        elif isinstance(r, SituationScored):
            if r.scores.total is not None:
                facts.situation_totals.append((r.situation, float(r.scores.total)))
            if r.competencies is not None:
                situation_competencies.append(r.competencies)
        elif isinstance(r, EndingReached):
            facts.ending = r.ending
            reportable_ending = r.reportable
        elif isinstance(r, SessionEnded):
            facts.status = "complete"
            facts.score, facts.passed = float(r.score), r.passed
            facts.community = r.community
            facts.critical_errors = len(r.critical_errors)
            ended_competencies = r.competencies
        elif isinstance(r, SessionAborted):
            facts.status = "aborted"
            facts.abort_reason = r.reason
    if facts.status != "complete":
        facts.critical_errors = action_criticals
    facts.reportable = (reportable_ending if reportable_ending is not None
                        else any(d.reportable for d in facts.decisions))
    facts.competencies = (
        competencies.from_session_end(ended_competencies)
        or competencies.from_situations(situation_competencies, facts.community)
        or competencies.derived(facts.decisions, facts.community)
    )
    return facts


def _assess(r: Assessment) -> Decision:
    return Decision(r.seq, r.t, "assess", r.situation, r.chosen.value, r.expected.value, r.score, r.decision_s)


def _plan(r: Plan) -> Decision:
    return Decision(r.seq, r.t, "plan", r.situation, list(r.chosen), None, r.score, r.decision_s)


def _act(r: Action) -> Decision:
    return Decision(
        r.seq,
        r.t,
        "act",
        r.situation,
        r.option,
        decision_s=r.decision_s,
        verdict=r.verdict.value,
        level=r.level,
        range_max=r.range.max.value,
        severity=r.severity,
        critical=r.critical,
        reportable=r.reportable,
        reasons=None if r.reasons is None else list(r.reasons),
        firearm=r.firearm,
    )


def _timeout(r: Timeout) -> Decision:
    return Decision(r.seq, r.t, "timeout", r.situation, phase=r.phase, wait=r.wait is True)


def _follow_up(r: FollowUp) -> Decision:
    return Decision(r.seq, r.t, "follow_up", None, list(r.chosen), None, r.score, r.decision_s)


_DECISIONS: dict[type[LogRecord], Callable[[Any], Decision]] = {
    Assessment: _assess, Plan: _plan, Action: _act, Timeout: _timeout, FollowUp: _follow_up,
}
