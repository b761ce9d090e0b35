"""One session's facts, extracted from its (checked) records in one pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.review import competencies

_LETHAL = "lethal_force"  # Force.LETHAL_FORCE, spelt out: importing the domain costs start-up time
_SHOTS = (None, "discharge")  # `firearm` absent (old logs) or a discharge; a draw or point is not a shot


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
            "competencies": None if self.competencies is None else dict(zip(competencies.COMPETENCIES, self.competencies)),
            "integrity": self.integrity,
            "path": self.path,
            "cohort": self.cohort,
        }


def session_facts(path: str, integrity: str, records: list[dict[str, Any]]) -> SessionFacts:
    """Facts of one session from its records (the first must be session_started)."""
    start = records[0]
    info = start["scenario"]
    facts = SessionFacts(
        path=path,
        session_id=start["session_id"],
        trainee=start["trainee"],
        scenario_id=info["id"],
        scenario_title=str(info.get("title", "")),
        scenario_version=str(info.get("version", "")),
        difficulty=info.get("difficulty"),
        started_at=start["started_at"],
        workstation=str(start.get("workstation", "")),
        lang=str(start.get("lang", "en")),
        status="incomplete",
        integrity=integrity,
        cohort=start["cohort"] if isinstance(start.get("cohort"), str) else None,
    )
    action_criticals = 0
    ended_competencies: Any = None
    situation_competencies: list[dict[str, Any]] = []
    reportable_ending: bool | None = None
    for r in records[1:]:
        type_ = r["type"]
        facts.duration_s = r["t"]
        if type_ == "situation_entered":
            facts.situations += 1
        elif type_ in _DECISIONS:
            decision = _DECISIONS[type_](r)
            facts.decisions.append(decision)
            action_criticals += decision.critical
        elif type_ == "situation_scored":
            if r["scores"].get("total") is not None:
                facts.situation_totals.append((r["situation"], float(r["scores"]["total"])))
            if isinstance(r.get("competencies"), dict):
                situation_competencies.append(r["competencies"])
        elif type_ == "ending_reached":
            facts.ending = r["ending"]
            if type(r.get("reportable")) is bool:
                reportable_ending = r["reportable"]
        elif type_ == "session_ended":
            facts.status = "complete"
            facts.score, facts.passed = float(r["score"]), r["passed"]
            facts.community = r["community"]
            facts.critical_errors = len(r["critical_errors"])
            ended_competencies = r.get("competencies")
        elif type_ == "session_aborted":
            facts.status = "aborted"
            facts.abort_reason = r["reason"]
    if facts.status != "complete":
        facts.critical_errors = action_criticals
    facts.reportable = reportable_ending if reportable_ending is not None else any(d.reportable for d in facts.decisions)
    facts.competencies = (
        competencies.from_session_end(ended_competencies)
        or competencies.from_situations(situation_competencies, facts.community)
        or competencies.derived(facts.decisions, facts.community)
    )
    return facts


def _assess(r: dict[str, Any]) -> Decision:
    return Decision(r["seq"], r["t"], "assess", r["situation"], r["chosen"], r["expected"], r["score"], r["decision_s"])


def _plan(r: dict[str, Any]) -> Decision:
    return Decision(r["seq"], r["t"], "plan", r["situation"], list(r["chosen"]), None, r["score"], r["decision_s"])


def _act(r: dict[str, Any]) -> Decision:
    return Decision(
        r["seq"],
        r["t"],
        "act",
        r["situation"],
        r["option"],
        decision_s=r["decision_s"],
        verdict=r["verdict"],
        level=r["level"],
        range_max=r["range"]["max"],
        severity=r["severity"],
        critical=r["critical"],
        reportable=r["reportable"],
        reasons=_codes(r.get("reasons")),
        firearm=r.get("firearm") if isinstance(r.get("firearm"), str) else None,
    )


def _timeout(r: dict[str, Any]) -> Decision:
    return Decision(r["seq"], r["t"], "timeout", r["situation"], phase=r["phase"], wait=r.get("wait") is True)


def _codes(value: Any) -> list[str] | None:
    """An action's reason codes (a list of strings in new logs; absent in old ones)."""
    return [str(v) for v in value] if isinstance(value, list) else None


def _follow_up(r: dict[str, Any]) -> Decision:
    return Decision(r["seq"], r["t"], "follow_up", None, list(r["chosen"]), None, r["score"], _seconds(r.get("decision_s")))


def _seconds(value: Any) -> float | None:
    """An optional number of seconds (follow_up's decision_s is not required by the format)."""
    return value if type(value) in (int, float) else None


_DECISIONS = {"assessment": _assess, "plan": _plan, "action": _act, "timeout": _timeout, "follow_up": _follow_up}
