"""The debrief: built from session-log records only, so a live session, a replay
and the review tools all show exactly the same thing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import msgspec

from simulator.domain import (
    Behaviour,
    FirearmAct,
    Force,
    ForceRange,
    Injury,
    QualityRating,
    Rating,
    ReasonCode,
    Result,
    Verdict,
    default_range,
)
from simulator.engine.feedback import StepFacts, reason_text, teaching_notes
from simulator.engine.scoring import session_competencies, session_score
from simulator.logbook import models as logged
from simulator.scenario.model import CriticalMark, Option, Scenario, Situation


@dataclass
class SituationReport:
    """One situation visited, in order."""

    situation: str
    title: str
    narrative: str
    behaviour: Behaviour
    assessed: Behaviour | None = None
    assess_score: float | None = None
    tactics_offered: list[tuple[str, str, Rating]] = field(default_factory=list)
    tactics_chosen: list[str] = field(default_factory=list)
    plan_score: float | None = None
    option: str | None = None
    option_label: str = ""
    force: list[Force] = field(default_factory=list)
    level: int | None = None
    range: ForceRange | None = None
    verdict: Verdict | None = None
    severity: int = 0
    critical: bool = False
    reportable: bool = False
    rationale: str = ""
    preferred_option: str | None = None
    decision_s: dict[str, float | None] = field(default_factory=dict)
    time_limit_s: float | None = None
    timed_out: bool = False
    timeout_phase: str | None = None
    waited: bool = False  # the timeout was a deliberate wait (no penalty)
    accepted: list[Behaviour] = field(default_factory=list)  # readings scored as exact, when more than one
    firearm: FirearmAct | None = None
    reasons: list[str] = field(default_factory=list)  # reason codes (old logs: none, or English text)
    scores: dict[str, float | None] = field(default_factory=dict)
    competencies: dict[str, float | None] = field(default_factory=dict)  # 0..1 per competency, None: not measured
    feedback: list[str] = field(default_factory=list)


@dataclass
class Debrief:
    scenario_id: str
    scenario_title: str
    difficulty: int | None
    trainee: str
    session_id: str
    score: float = 0.0
    passed: bool = False
    critical_errors: list[dict[str, Any]] = field(default_factory=list)
    community: float | None = None
    ending: str | None = None
    ending_narrative: str = ""
    result: Result | None = None
    injuries: list[Injury] = field(default_factory=list)
    fatal: bool = False
    follow_up_chosen: list[str] = field(default_factory=list)
    situations: list[SituationReport] = field(default_factory=list)
    reportable_actions: list[str] = field(default_factory=list)
    reportable: bool = False  # a report would be required: a reportable act, or force then an injury
    competencies: dict[str, float | None] = field(default_factory=dict)  # 0..100 per competency
    complete: bool = False  # session_ended was recorded (score and passed are final)


def debrief_from_records(
    records: Iterable[logged.LogRecord],
    scenario: Any = None,
    lang: str = "en",
    *,
    sha256: str | None = None,
) -> Debrief:
    """Rebuild the debrief of a session from its log records.

    `scenario` (a Scenario or a LoadedScenario) supplies the texts when it is
    the one the session ran: same id, and same file sha256 where one is known
    (from a LoadedScenario or the `sha256` argument). Otherwise only ids show.
    """
    records = list(records)
    started = next((r for r in records if isinstance(r, logged.SessionStarted)), None)
    info = started.scenario if started is not None else logged.ScenarioInfo(id="")
    model = _matching_scenario(scenario, info, sha256)
    debrief = Debrief(
        scenario_id=info.id,
        scenario_title=model.title.get(lang) if model else str(info.title or ""),
        difficulty=info.difficulty,
        trainee=started.trainee if started is not None else "",
        session_id=started.session_id if started is not None else "",
    )
    builder = _Builder(debrief, model, lang)
    for record in records:
        builder.add(record)
    builder.finish()
    return debrief


def _matching_scenario(scenario: Any, info: logged.ScenarioInfo, sha256: str | None) -> Scenario | None:
    if scenario is None:
        return None
    model = getattr(scenario, "scenario", scenario)
    known_sha = getattr(scenario, "sha256", None) or sha256
    if not isinstance(model, Scenario) or model.id != info.id:
        return None
    if known_sha is not None and info.sha256 not in ("", known_sha):
        return None
    return model


class _Builder:
    def __init__(self, debrief: Debrief, scenario: Scenario | None, lang: str) -> None:
        self.debrief = debrief
        self.scenario = scenario
        self.lang = lang
        self.ended: logged.SessionEnded | None = None
        self._handlers: dict[type[logged.LogRecord], Callable[[Any], None]] = {
            logged.SituationEntered: self._on_situation_entered,
            logged.Assessment: self._on_assessment,
            logged.Plan: self._on_plan,
            logged.Action: self._on_action,
            logged.Timeout: self._on_timeout,
            logged.SituationScored: self._on_situation_scored,
            logged.EndingReached: self._on_ending_reached,
            logged.FollowUp: self._on_follow_up,
            logged.SessionEnded: self._on_session_ended,
        }

    def add(self, record: logged.LogRecord) -> None:
        handler = self._handlers.get(type(record))
        if handler is not None:
            handler(record)

    @property
    def current(self) -> SituationReport:
        return self.debrief.situations[-1]

    def _situation(self, situation_id: str) -> Situation | None:
        return self.scenario.situations.get(situation_id) if self.scenario else None

    def _on_situation_entered(self, r: logged.SituationEntered) -> None:
        situation = self._situation(r.situation)
        report = SituationReport(
            situation=r.situation,
            title=situation.title.get(self.lang) if situation and situation.title else r.situation,
            narrative=situation.narrative.get(self.lang) if situation else "",
            behaviour=Behaviour(r.behaviour),
            time_limit_s=r.time_limit_s,
        )
        if situation:
            report.tactics_offered = [(t.id, t.label.get(self.lang), Rating(t.rating)) for t in situation.tactics]
            report.range = situation.force_range
            preferred = next((o for o in situation.options if o.preferred), None)
            report.preferred_option = preferred.label.get(self.lang) if preferred else None
        else:
            report.range = default_range(report.behaviour)
        self.debrief.situations.append(report)

    def _on_assessment(self, r: logged.Assessment) -> None:
        self.current.accepted = [Behaviour(b) for b in r.accepted or []]
        self.current.assessed = Behaviour(r.chosen)
        self.current.assess_score = r.score
        self.current.decision_s["assess"] = r.decision_s

    def _on_plan(self, r: logged.Plan) -> None:
        self.current.tactics_chosen = list(r.chosen)
        self.current.plan_score = r.score
        self.current.decision_s["plan"] = r.decision_s

    def _on_action(self, r: logged.Action) -> None:
        report = self.current
        report.option = r.option
        report.force = [Force(f) for f in r.force]
        report.level = r.level
        report.range = ForceRange(Force(r.range.min), Force(r.range.max))
        report.verdict = Verdict(r.verdict)
        report.severity = r.severity
        report.critical = r.critical
        report.reportable = r.reportable
        report.firearm = FirearmAct(r.firearm) if r.firearm else None
        report.reasons = list(r.reasons or _legacy_reasons(report))
        report.decision_s["act"] = r.decision_s
        report.option_label = report.option
        option = self._option(report)
        if option:
            report.option_label = option.label.get(self.lang)
            report.rationale = option.rationale.get(self.lang) if option.rationale else ""
        if report.critical:
            reason = report.reasons[0] if report.reasons else ""
            self.debrief.critical_errors.append({"situation": report.situation, "option": report.option,
                                                 "reason": reason})
        if report.reportable:
            self.debrief.reportable_actions.append(report.situation)

    def _on_timeout(self, r: logged.Timeout) -> None:
        self.current.timed_out = True
        self.current.timeout_phase = r.phase
        self.current.waited = bool(r.wait)

    def _on_situation_scored(self, r: logged.SituationScored) -> None:
        self.current.scores = msgspec.structs.asdict(r.scores)
        self.current.competencies = dict(r.competencies or {})
        self.current.feedback = teaching_notes(self._facts(self.current), self.lang)

    def _option(self, report: SituationReport) -> Option | None:
        situation = self._situation(report.situation)
        if situation is None or report.option is None:
            return None
        return next((o for o in situation.options if o.id == report.option), None)

    def _on_ending_reached(self, r: logged.EndingReached) -> None:
        d = self.debrief
        d.ending = r.ending
        d.result = Result(r.result) if r.result else None
        d.injuries = [Injury(i) for i in r.injuries]
        d.fatal = r.fatal
        d.reportable = bool(r.reportable) or bool(d.reportable_actions)
        if self.scenario and d.ending in self.scenario.endings:
            d.ending_narrative = self.scenario.endings[d.ending].narrative.get(self.lang)

    def _on_follow_up(self, r: logged.FollowUp) -> None:
        self.debrief.follow_up_chosen = list(r.chosen)

    def _on_session_ended(self, r: logged.SessionEnded) -> None:
        self.ended = r

    def _facts(self, report: SituationReport) -> StepFacts:
        band = report.range or default_range(report.behaviour)
        situation = self._situation(report.situation)
        overridden = situation.reasonable is not None if situation else band != default_range(report.behaviour)
        option = self._option(report)
        chose_preferred = bool(option and option.preferred)
        quality = {}
        if option and option.quality:
            quality = {k: QualityRating(v) for k, v in (("communication", option.quality.communication),
                                                       ("safety", option.quality.safety)) if v is not None}
        tactical = bool(option and option.tactics and report.verdict is Verdict.REASONABLE
                        and report.level is not None and report.level < band.min.level)
        return StepFacts(
            behaviour=report.behaviour,
            range=band,
            range_overridden=overridden,
            assessed=report.assessed,
            option_label=report.option_label if report.option else None,
            level=report.level,
            verdict=report.verdict,
            severity=report.severity,
            critical=report.critical,
            reportable=report.reportable,
            rationale=report.rationale,
            preferred_label=report.preferred_option,
            chose_preferred=chose_preferred,
            timed_out=report.timed_out,
            timeout_phase=report.timeout_phase,
            accepted=tuple(report.accepted),
            reasons=tuple(report.reasons),
            firearm=report.firearm,
            waited=report.waited,
            tactics=tuple(option.tactics) if tactical and option else (),
            quality=quality,
            author_note=(option.critical.note.get(self.lang)
                         if option and option.critical and option.critical.note else ""),
        )

    def finish(self) -> None:
        d = self.debrief
        if self.ended is not None:
            d.complete = True
            d.score = float(self.ended.score)
            d.passed = self.ended.passed
            d.critical_errors = [msgspec.structs.asdict(e) for e in self.ended.critical_errors]
            d.community = self.ended.community
            d.competencies = dict(self.ended.competencies or {})
        else:  # partial: the score so far; a session that did not end has not passed
            totals = [total for s in d.situations if (total := s.scores.get("total")) is not None]
            d.score = session_score(totals)
            d.passed = False
        if not d.competencies and any(s.competencies for s in d.situations):
            d.competencies = session_competencies([s.competencies for s in d.situations], d.community)
        for error in d.critical_errors:
            error["text"] = reason_text(str(error.get("reason", "")), self.lang)
            mark = self._critical_mark(str(error.get("situation", "")), str(error.get("option", "")))
            if mark is not None and mark.note is not None:
                error["note"] = mark.note.get(self.lang)

    def _critical_mark(self, situation_id: str, option_id: str) -> CriticalMark | None:
        situation = self._situation(situation_id)
        option = next((o for o in situation.options if o.id == option_id), None) if situation else None
        return option.critical if option else None


def _legacy_reasons(report: SituationReport) -> list[str]:
    """Logs written before reason codes: an excessive act's reason, inferred."""
    if report.verdict is not Verdict.EXCESSIVE:
        return []
    return [ReasonCode.LETHAL_EXCESS.value if Force.LETHAL_FORCE in report.force else ReasonCode.EXCESS.value]
