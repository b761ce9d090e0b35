"""Reasonable ranges, verdicts, severity and reportability.

These are the rules of scenario-format.md ("Default reasonable ranges") and
ontario-model.md ("The law behind it"), kept as pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from simulator.domain.model import (
    AuthorityAct,
    Behaviour,
    Equipment,
    FirearmAct,
    Force,
    Injury,
    ReasonCode,
    Verdict,
)


@dataclass(frozen=True)
class ForceRange:
    """An inclusive band of force options judged reasonable."""

    min: Force
    max: Force

    def __post_init__(self) -> None:
        if self.min.level > self.max.level:
            raise ValueError(f"range min {self.min} is above max {self.max}")

    def contains(self, level: int) -> bool:
        return self.min.level <= level <= self.max.level

    def as_dict(self) -> dict[str, str]:
        return {"min": self.min.value, "max": self.max.value}


DEFAULT_RANGES: dict[Behaviour, ForceRange] = {
    Behaviour.COOPERATIVE: ForceRange(Force.OFFICER_PRESENCE, Force.PHYSICAL_CONTROL_SOFT),
    Behaviour.PASSIVE_RESISTANT: ForceRange(Force.COMMUNICATION, Force.PHYSICAL_CONTROL_SOFT),
    Behaviour.ACTIVE_RESISTANT: ForceRange(Force.COMMUNICATION, Force.PHYSICAL_CONTROL_HARD),
    Behaviour.ASSAULTIVE: ForceRange(Force.PHYSICAL_CONTROL_SOFT, Force.INTERMEDIATE_WEAPONS),
    Behaviour.SERIOUS_BODILY_HARM_OR_DEATH: ForceRange(Force.INTERMEDIATE_WEAPONS, Force.LETHAL_FORCE),
}


def default_range(behaviour: Behaviour) -> ForceRange:
    return DEFAULT_RANGES[behaviour]


def force_level(forces: Iterable[Force]) -> int:
    """An option's level is the highest level among its force ids."""
    levels = [Force(f).level for f in forces]
    if not levels:
        raise ValueError("an option needs at least one force id")
    return max(levels)


@dataclass(frozen=True)
class Judgement:
    """An option against a range. `level` is the option's own level (the highest
    of its force ids); `judged_level` is the one compared with the range, which
    differs only for a firearm drawn to cover (judged as an intermediate option)."""

    level: int
    judged_level: int
    verdict: Verdict
    severity: int


# Drawing to low ready and challenging covers a threat without using the weapon:
# judged like an intermediate option, so it fits an assaultive subject's range.
_DRAW_JUDGED_LEVEL = Force.INTERMEDIATE_WEAPONS.level


def judge(
    forces: Iterable[Force],
    band: ForceRange,
    override: Verdict | None = None,
    *,
    firearm: FirearmAct | None = None,
    tactical: bool = False,
) -> Judgement:
    """Judge an option against a range; an explicit verdict wins.

    `tactical`: the option carries out a tactic the situation rates well
    (disengage, time, cover...), so below the range it is a tactical choice,
    not insufficient force. Severity is the distance in levels outside the range.
    """
    forces = [Force(f) for f in forces]
    level = force_level(forces)
    judged = level
    if level == Force.LETHAL_FORCE.level and firearm is FirearmAct.DRAW:
        judged = _DRAW_JUDGED_LEVEL
    if judged > band.max.level:
        computed, severity = Verdict.EXCESSIVE, judged - band.max.level
    elif judged < band.min.level and not tactical:
        computed, severity = Verdict.INSUFFICIENT, band.min.level - judged
    else:
        computed, severity = Verdict.REASONABLE, 0
    verdict = override or computed
    if verdict is Verdict.REASONABLE:
        severity = 0
    elif severity == 0:
        # An author's override outside the computed verdict: one level off.
        severity = 1
    return Judgement(level=level, judged_level=judged, verdict=verdict, severity=severity)


def is_discharge(forces: Iterable[Force], firearm: FirearmAct | None) -> bool:
    """A shot: lethal force that is not only a draw or a point (the default act is a discharge)."""
    return Force.LETHAL_FORCE in set(forces) and firearm in (None, FirearmAct.DISCHARGE)


@dataclass(frozen=True)
class ErrorFinding:
    """Why an act is an error, most specific reason first, and whether it fails the session."""

    reasons: tuple[ReasonCode, ...]
    critical: bool

    @property
    def primary(self) -> ReasonCode | None:
        return self.reasons[0] if self.reasons else None


def find_errors(
    judgement: Judgement,
    forces: Iterable[Force],
    *,
    firearm: FirearmAct | None = None,
    author_reason: ReasonCode | None = None,
    without_authority: AuthorityAct | None = None,
    critical_severity: int = 1,
) -> ErrorFinding:
    """The one critical-error rule (rubric default-2, scenario-format.md as amended):

    * an act judged excessive at `critical_severity` levels or more (default 1:
      any excess; s.26), and always an excessive discharge (s.25(3));
    * any option the author marks critical, whatever its verdict;
    * physical force used for an act without lawful authority (s.25(1)); the
      act itself is a decision error at any level.
    """
    forces = [Force(f) for f in forces]
    reasons: list[ReasonCode] = []
    critical = False
    if author_reason is not None:
        reasons.append(author_reason)
        critical = True
    if without_authority is not None:
        code = (ReasonCode.MHA_APPREHENSION if without_authority is AuthorityAct.APPREHENSION
                else ReasonCode.NO_AUTHORITY)
        if code not in reasons:
            reasons.append(code)
        critical = critical or judgement.level >= Force.PHYSICAL_CONTROL_SOFT.level
    if judgement.verdict is Verdict.EXCESSIVE:
        lethal = is_discharge(forces, firearm)
        reasons.append(ReasonCode.LETHAL_EXCESS if lethal else ReasonCode.EXCESS)
        critical = critical or lethal or judgement.severity >= critical_severity
    return ErrorFinding(reasons=tuple(reasons), critical=critical)


def behaviour_distance(chosen: Behaviour, expected: Behaviour) -> int:
    return abs(Behaviour(chosen).rank - Behaviour(expected).rank)


# Equipment any one of which makes a force option possible.
EQUIPMENT_FOR_FORCE: dict[Force, frozenset[Equipment]] = {
    Force.INTERMEDIATE_WEAPONS: frozenset(
        {Equipment.OC_SPRAY, Equipment.CEW, Equipment.BATON, Equipment.LAUNCHER}
    ),
    Force.LETHAL_FORCE: frozenset({Equipment.PISTOL, Equipment.CARBINE}),
}


def missing_equipment(forces: Iterable[Force], equipment: Iterable[Equipment]) -> list[Force]:
    """Force ids the officer has no equipment for."""
    have = set(equipment)
    return [f for f in forces if f in EQUIPMENT_FOR_FORCE and not EQUIPMENT_FOR_FORCE[f] & have]


def is_reportable(forces: Iterable[Force]) -> bool:
    """Would this option need an Ontario use-of-force report (O. Reg. 391/23)?

    Drawing, pointing or discharging a firearm, and displaying or using a CEW or
    any other weapon on a person, are reportable whatever happens next.
    """
    return bool(set(forces) & {Force.LETHAL_FORCE, Force.INTERMEDIATE_WEAPONS})


# Injuries that force by the officer can cause to someone needing care.
_FORCE_INJURIES = frozenset({Injury.SUBJECT, Injury.BYSTANDER})


def outcome_reportable(levels_used: Iterable[int], any_reportable_act: bool, injuries: Iterable[Injury]) -> bool:
    """A report is needed for a reportable act, or for physical force followed by an
    injury that needs a physician, nurse or paramedic (the ending's injuries)."""
    if any_reportable_act:
        return True
    physical = any(level >= Force.PHYSICAL_CONTROL_SOFT.level for level in levels_used)
    return physical and bool(_FORCE_INJURIES & {Injury(i) for i in injuries})
