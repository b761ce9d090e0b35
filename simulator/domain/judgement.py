"""Reasonable ranges, verdicts, severity and reportability.

These are the rules of scenario-format.md ("Default reasonable ranges") and
ontario-model.md ("The law behind it"), kept as pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from simulator.domain.model import Behaviour, Equipment, Force, Verdict


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
    level: int
    verdict: Verdict
    severity: int
    critical: bool


def judge(forces: Iterable[Force], band: ForceRange, override: Verdict | None = None) -> Judgement:
    """Judge an option against a range; an explicit verdict wins.

    Severity is the distance in levels outside the range (0 inside it).
    Critical: excessive with severity >= 2, or excessive lethal force.
    """
    forces = [Force(f) for f in forces]
    level = force_level(forces)
    if level > band.max.level:
        computed, severity = Verdict.EXCESSIVE, level - band.max.level
    elif level < band.min.level:
        computed, severity = Verdict.INSUFFICIENT, band.min.level - level
    else:
        computed, severity = Verdict.REASONABLE, 0
    verdict = override or computed
    if verdict is Verdict.REASONABLE:
        severity = 0
    elif severity == 0:
        # An author's override outside the computed verdict: one level off.
        severity = 1
    critical = verdict is Verdict.EXCESSIVE and (severity >= 2 or Force.LETHAL_FORCE in forces)
    return Judgement(level=level, verdict=verdict, severity=severity, critical=critical)


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


def is_reportable(forces: Iterable[Force], injuries_needing_care: bool = False) -> bool:
    """Would the choice need an Ontario use-of-force report (O. Reg. 391/23)?

    Drawing, pointing or firing a firearm, and displaying or using a CEW or
    any other weapon on a person, are reportable; so is force that injures
    someone badly enough to need medical care.
    """
    forces = set(forces)
    return bool(forces & {Force.LETHAL_FORCE, Force.INTERMEDIATE_WEAPONS}) or injuries_needing_care
