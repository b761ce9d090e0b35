"""Plain-language teaching notes for one situation of a debrief.

The training research asks us to judge perception apart from choice: a trainee
who misreads the subject and acts consistently with the misreading (a
perception error) needs different coaching from one who reads the subject
right and still picks an unreasonable option (a decision error).
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.domain import Behaviour, Force, ForceRange, Verdict, default_range

BEHAVIOUR_LABELS: dict[str, dict[Behaviour, str]] = {
    "en": {
        Behaviour.COOPERATIVE: "Cooperative",
        Behaviour.PASSIVE_RESISTANT: "Passive resistant",
        Behaviour.ACTIVE_RESISTANT: "Active resistant",
        Behaviour.ASSAULTIVE: "Assaultive",
        Behaviour.SERIOUS_BODILY_HARM_OR_DEATH: "Serious bodily harm or death",
    },
    "fr": {
        Behaviour.COOPERATIVE: "Coopératif",
        Behaviour.PASSIVE_RESISTANT: "Résistance passive",
        Behaviour.ACTIVE_RESISTANT: "Résistance active",
        Behaviour.ASSAULTIVE: "Comportement agressif",
        Behaviour.SERIOUS_BODILY_HARM_OR_DEATH: "Lésions corporelles graves ou mort",
    },
}


def behaviour_label(behaviour: Behaviour | str, lang: str = "en") -> str:
    return BEHAVIOUR_LABELS.get(lang, BEHAVIOUR_LABELS["en"])[Behaviour(behaviour)]


def force_label(force: Force | str) -> str:
    return Force(force).value.replace("_", " ")


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


def teaching_notes(facts: StepFacts) -> list[str]:
    notes: list[str] = []
    if facts.timed_out:
        notes.append(
            f"Time ran out during the {facts.timeout_phase or 'decision'} step, so the situation moved on "
            "without you: this situation scores 0. Not deciding is itself a decision."
        )
    notes += _assessment_notes(facts)
    notes.append(_range_note(facts))
    if facts.option_label is not None and facts.verdict is not None:
        notes.append(_verdict_note(facts))
        error = _error_kind(facts)
        if error:
            notes.append(error)
    if facts.rationale:
        notes.append(f"Why: {facts.rationale}")
    if facts.preferred_label and not facts.chose_preferred:
        notes.append(f"The preferred option here: {facts.preferred_label}.")
    if facts.critical:
        notes.append(
            "Critical error: this force is well beyond what the situation justified. Under the Criminal "
            "Code (s. 26) an officer is criminally responsible for any excess of force, and force likely to "
            "cause death or grievous bodily harm needs reasonable grounds that it is necessary to preserve "
            "life (s. 25(3))."
        )
    if facts.reportable:
        notes.append(
            "This choice would require a use-of-force report under O. Reg. 391/23 (drawing or pointing a "
            "firearm, displaying or using a CEW, or using a weapon on a person)."
        )
    return notes


def _assessment_notes(facts: StepFacts) -> list[str]:
    if facts.assessed is None:
        return []
    if facts.assessed is facts.behaviour:
        return [f"You assessed the subject correctly as {behaviour_label(facts.behaviour)}."]
    return [
        f"You assessed the subject as {behaviour_label(facts.assessed)}; a reasonable officer would perceive "
        f"{behaviour_label(facts.behaviour)} here. Look again at the cues and the six situational factors."
    ]


def _range_note(facts: StepFacts) -> str:
    low, high = force_label(facts.range.min), force_label(facts.range.max)
    if facts.range_overridden:
        why = "this situation sets its own range, weighing its circumstances"
    else:
        why = f"the subject is perceived as {behaviour_label(facts.behaviour)}"
    return f"Reasonable range: {low} to {high}, because {why}."


def _verdict_note(facts: StepFacts) -> str:
    assert facts.verdict is not None
    level = "" if facts.level is None else f" (level {facts.level})"
    if facts.verdict is Verdict.REASONABLE:
        return f"Your option, \"{facts.option_label}\"{level}, was within the reasonable range."
    side = "above" if facts.verdict is Verdict.EXCESSIVE else "below"
    levels = "level" if facts.severity == 1 else "levels"
    return (
        f"Your option, \"{facts.option_label}\"{level}, was {facts.verdict.value}: "
        f"{facts.severity} {levels} {side} the reasonable range."
    )


def _error_kind(facts: StepFacts) -> str | None:
    """Perception error vs decision error, for an unreasonable act."""
    if facts.verdict is Verdict.REASONABLE or facts.level is None:
        return None
    if facts.assessed is None:
        return "Decision error: the option chosen does not fit the subject's behaviour as a reasonable officer perceives it."
    if facts.assessed is not facts.behaviour:
        if default_range(facts.assessed).contains(facts.level):
            return (
                f"Perception error: your option fits the subject you saw ({behaviour_label(facts.assessed)}), "
                "so the force went wrong because the assessment did. Work on reading the cues."
            )
        return (
            "Perception and decision error: you misread the subject, and your option does not fit even "
            "your own reading."
        )
    return (
        "Decision error: you read the subject correctly, yet chose an option outside the reasonable range. "
        "Work on matching the option to the behaviour you see."
    )
