"""Plain-language teaching notes for one situation of a debrief.

The training research asks us to judge perception apart from choice: a trainee
who misreads the subject and acts consistently with the misreading (a
perception error) needs different coaching from one who reads the subject
right and still picks an unreasonable option (a decision error).
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.domain import Behaviour, Force, ForceRange, Verdict, default_range
from simulator.strings import Strings

def behaviour_label(behaviour: Behaviour | str, lang: str = "en") -> str:
    return Strings(lang).name("behaviour", Behaviour(behaviour))


def force_label(force: Force | str, lang: str = "en") -> str:
    return Strings(lang).name("force", Force(force))


@dataclass(frozen=True)
class StepFacts:
    """What the notes are written from; every field may come from a log alone."""

    behaviour: Behaviour  # as authored: what a reasonable officer perceives
    range: ForceRange
    range_overridden: bool  # the situation sets its own range
    assessed: Behaviour | None
    option_label: str | None  # None: no option was chosen (time ran out)
    level: int | None
    verdict: Verdict | None
    severity: int
    critical: bool
    reportable: bool
    rationale: str
    preferred_label: str | None
    chose_preferred: bool
    timed_out: bool
    timeout_phase: str | None


def teaching_notes(facts: StepFacts, lang: str = "en") -> list[str]:
    """The notes, in the session's language, from the shared string catalogue."""
    t = Strings(lang)
    notes: list[str] = []
    if facts.timed_out:
        phase = t(f"step.{facts.timeout_phase}") if facts.timeout_phase in ("assess", "plan", "act") else ""
        notes.append(t("feedback.timed_out", phase=phase.lower()))
    notes += _assessment_notes(facts, t)
    notes.append(_range_note(facts, t))
    if facts.option_label is not None and facts.verdict is not None:
        notes.append(_verdict_note(facts, t))
        error = _error_kind(facts, t)
        if error:
            notes.append(error)
    if facts.rationale:
        notes.append(t("feedback.why", rationale=facts.rationale))
    if facts.preferred_label and not facts.chose_preferred:
        notes.append(t("feedback.preferred", option=facts.preferred_label))
    if facts.critical:
        notes.append(t("feedback.critical"))
    if facts.reportable:
        notes.append(t("feedback.reportable"))
    return notes


def _assessment_notes(facts: StepFacts, t: Strings) -> list[str]:
    if facts.assessed is None:
        return []
    perceived = t.name("behaviour", facts.behaviour)
    if facts.assessed is facts.behaviour:
        return [t("feedback.assessed_right", behaviour=perceived)]
    return [t("feedback.assessed_wrong", chosen=t.name("behaviour", facts.assessed), behaviour=perceived)]


def _range_note(facts: StepFacts, t: Strings) -> str:
    low, high = t.name("force", facts.range.min), t.name("force", facts.range.max)
    if facts.range_overridden:
        return t("feedback.range_override", low=low, high=high)
    return t("feedback.range", low=low, high=high, behaviour=t.name("behaviour", facts.behaviour))


def _verdict_note(facts: StepFacts, t: Strings) -> str:
    assert facts.verdict is not None
    level = "" if facts.level is None else t("feedback.level", level=facts.level)
    if facts.verdict is Verdict.REASONABLE:
        return t("feedback.verdict_reasonable", option=facts.option_label, level=level)
    key = "feedback.verdict_excessive" if facts.verdict is Verdict.EXCESSIVE else "feedback.verdict_insufficient"
    return t(key, option=facts.option_label, level=level, severity=facts.severity)


def _error_kind(facts: StepFacts, t: Strings) -> str | None:
    """Perception error vs decision error, for an unreasonable act."""
    if facts.verdict is Verdict.REASONABLE or facts.level is None:
        return None
    if facts.assessed is None:
        return t("feedback.decision_error_unassessed")
    if facts.assessed is not facts.behaviour:
        if default_range(facts.assessed).contains(facts.level):
            return t("feedback.perception_error", chosen=t.name("behaviour", facts.assessed))
        return t("feedback.perception_and_decision_error")
    return t("feedback.decision_error")
