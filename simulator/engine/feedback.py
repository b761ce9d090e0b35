"""Plain-language teaching notes for one situation of a debrief.

The training research asks us to judge perception apart from choice: a trainee
who misreads the subject and acts consistently with the misreading (a
perception error) needs different coaching from one who reads the subject
right and still picks an unreasonable option (a decision error).

Every note comes from the string catalogue, so a French debrief is French
throughout; the log holds reason codes, never sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.domain import Behaviour, FirearmAct, ForceRange, QualityRating, ReasonCode, Verdict, default_range
from simulator.strings import Strings


def behaviour_label(behaviour: Behaviour | str, lang: str = "en") -> str:
    return Strings(lang).name("behaviour", Behaviour(behaviour))


@dataclass(frozen=True)
class StepFacts:
    """What the notes are written from; every field may come from a log alone,
    except the author's texts and ratings, which need the scenario."""

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
    accepted: tuple[Behaviour, ...] = ()  # every reading scored as exact (the authored one first)
    reasons: tuple[str, ...] = ()  # reason codes; an old log may hold English text
    firearm: FirearmAct | None = None
    waited: bool = False  # the timeout was a deliberate wait
    tactics: tuple[str, ...] = ()  # considerations the option carried out, when it was judged a tactical choice
    quality: dict[str, QualityRating] = field(default_factory=dict)  # communication / safety ratings
    author_note: str = ""


def teaching_notes(facts: StepFacts, lang: str = "en") -> list[str]:
    """The notes, in the session's language, from the shared string catalogue."""
    t = Strings(lang)
    notes: list[str] = []
    if facts.waited:
        notes.append(t("feedback.wait"))
    elif facts.timed_out:
        phase = t(f"step.{facts.timeout_phase}") if facts.timeout_phase in ("assess", "plan", "act") else ""
        notes.append(t("feedback.timed_out", phase=phase.lower()))
    notes += _assessment_notes(facts, t)
    notes.append(_range_note(facts, t))
    if facts.option_label is not None and facts.verdict is not None:
        notes.append(_verdict_note(facts, t))
        if facts.tactics:
            names = ", ".join(t.name("consideration", c).lower() for c in facts.tactics)
            notes.append(t("feedback.tactical", tactics=names))
        error = _error_kind(facts, t)
        if error:
            notes.append(error)
        notes += _quality_notes(facts, t)
    if facts.rationale:
        notes.append(t("feedback.why", rationale=facts.rationale))
    if facts.preferred_label and not facts.chose_preferred:
        notes.append(t("feedback.preferred", option=facts.preferred_label))
    notes += _reason_notes(facts, t)
    if facts.firearm in (FirearmAct.DRAW, FirearmAct.POINT):
        notes.append(t(f"feedback.firearm_{facts.firearm.value}"))
    if facts.reportable:
        notes.append(t("feedback.reportable"))
    return notes


def reason_text(reason: str, lang: str = "en") -> str:
    """A logged reason code in words, with its law; text from an old log as it is."""
    try:
        return Strings(lang)(f"reason.{ReasonCode(reason).value}")
    except ValueError:
        return reason


def _assessment_notes(facts: StepFacts, t: Strings) -> list[str]:
    if facts.assessed is None:
        return []
    readings = facts.accepted or (facts.behaviour,)
    perceived = t.name("behaviour", facts.behaviour)
    notes = []
    if facts.assessed in readings:
        notes.append(t("feedback.assessed_right", behaviour=t.name("behaviour", facts.assessed)))
    else:
        notes.append(t("feedback.assessed_wrong", chosen=t.name("behaviour", facts.assessed), behaviour=perceived))
    if len(readings) > 1:
        others = [t.name("behaviour", b) for b in readings if b is not facts.assessed] if facts.assessed in readings \
            else [t.name("behaviour", b) for b in readings[1:]]
        notes.append(t("feedback.accepted", others=" / ".join(others)))
    return notes


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
    if facts.assessed not in (facts.accepted or (facts.behaviour,)):
        if default_range(facts.assessed).contains(facts.level):
            return t("feedback.perception_error", chosen=t.name("behaviour", facts.assessed))
        return t("feedback.perception_and_decision_error")
    return t("feedback.decision_error")


def _quality_notes(facts: StepFacts, t: Strings) -> list[str]:
    weak = (QualityRating.POOR, QualityRating.CONTRAINDICATED)
    return [
        t("feedback.quality", aspect=t(f"competency.{aspect}"), rating=t(f"quality.{rating.value}"))
        for aspect, rating in facts.quality.items()
        if rating in weak
    ]


def _reason_notes(facts: StepFacts, t: Strings) -> list[str]:
    if not facts.reasons:
        return []
    notes = [t("feedback.critical")] if facts.critical else []
    notes.append(t("feedback.reasons"))
    notes += [reason_text(r, t.lang) for r in facts.reasons]
    if facts.author_note:
        notes.append(t("feedback.author_note", note=facts.author_note))
    return notes
