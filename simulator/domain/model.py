"""The vocabulary of Ontario's Use of Force Model (2004), in model order.

Pure data: no I/O, no third-party imports. Everything else names things
through these enums so a typo is a type error, not a silent mismatch.
"""

from __future__ import annotations

from enum import StrEnum


class Behaviour(StrEnum):
    """Subject behaviour categories, from least to most threatening."""

    COOPERATIVE = "cooperative"
    PASSIVE_RESISTANT = "passive_resistant"
    ACTIVE_RESISTANT = "active_resistant"
    ASSAULTIVE = "assaultive"
    SERIOUS_BODILY_HARM_OR_DEATH = "serious_bodily_harm_or_death"

    @property
    def rank(self) -> int:
        return list(Behaviour).index(self)


class Force(StrEnum):
    """Use-of-force options on the outer ring; `level` is their intensity."""

    OFFICER_PRESENCE = "officer_presence"
    COMMUNICATION = "communication"
    PHYSICAL_CONTROL_SOFT = "physical_control_soft"
    PHYSICAL_CONTROL_HARD = "physical_control_hard"
    INTERMEDIATE_WEAPONS = "intermediate_weapons"
    LETHAL_FORCE = "lethal_force"

    @property
    def level(self) -> int:
        return list(Force).index(self)

    @classmethod
    def at_level(cls, level: int) -> Force:
        return list(cls)[level]


class Consideration(StrEnum):
    """Tactical considerations: what the officer can do other than force."""

    DISENGAGE = "disengage"
    REPOSITION = "reposition"
    DISTANCE = "distance"
    COVER = "cover"
    BACKUP = "backup"
    CONTAINMENT = "containment"
    TIME = "time"
    SPECIAL_UNITS = "special_units"
    NEGOTIATION = "negotiation"


class Factor(StrEnum):
    """The six situational conditions at the centre of the model."""

    ENVIRONMENT = "environment"
    SUBJECTS = "subjects"
    ABILITIES = "abilities"
    KNOWLEDGE = "knowledge"
    TIME_DISTANCE = "time_distance"
    ATTACK_SIGNS = "attack_signs"


class Quadrant(StrEnum):
    """Areas of the Mobilization & Engagement Model of Community Policing."""

    ENFORCEMENT = "enforcement"
    ENGAGEMENT = "engagement"
    MOBILIZATION = "mobilization"
    CONSULTATION = "consultation"


class CommunityAction(StrEnum):
    """Front-line actions, each belonging to one quadrant."""

    CRIME_ANALYSIS = "crime_analysis"
    ENFORCEMENT = "enforcement"
    MONITOR_CRIME_REDUCTION = "monitor_crime_reduction"
    INITIATE_PROBLEM_SOLVING = "initiate_problem_solving"
    LIAISON = "liaison"
    PUBLIC_EDUCATION = "public_education"
    MONITOR_AT_RISK_GROUPS = "monitor_at_risk_groups"
    EARLY_INTERVENTION = "early_intervention"
    MOBILIZE_PARTNERS = "mobilize_partners"
    PROBLEM_ORIENTED_POLICING = "problem_oriented_policing"
    MONITOR_CRIME_PREVENTION = "monitor_crime_prevention"
    ENGAGE_LEADERS = "engage_leaders"
    CONSULTATION = "consultation"
    MONITOR_HAZARDS = "monitor_hazards"

    @property
    def quadrant(self) -> Quadrant:
        return _ACTION_QUADRANT[self]


_ACTION_QUADRANT: dict[CommunityAction, Quadrant] = {
    **dict.fromkeys(
        [
            CommunityAction.CRIME_ANALYSIS,
            CommunityAction.ENFORCEMENT,
            CommunityAction.MONITOR_CRIME_REDUCTION,
            CommunityAction.INITIATE_PROBLEM_SOLVING,
        ],
        Quadrant.ENFORCEMENT,
    ),
    **dict.fromkeys(
        [
            CommunityAction.LIAISON,
            CommunityAction.PUBLIC_EDUCATION,
            CommunityAction.MONITOR_AT_RISK_GROUPS,
            CommunityAction.EARLY_INTERVENTION,
        ],
        Quadrant.ENGAGEMENT,
    ),
    **dict.fromkeys(
        [
            CommunityAction.MOBILIZE_PARTNERS,
            CommunityAction.PROBLEM_ORIENTED_POLICING,
            CommunityAction.MONITOR_CRIME_PREVENTION,
        ],
        Quadrant.MOBILIZATION,
    ),
    **dict.fromkeys(
        [CommunityAction.ENGAGE_LEADERS, CommunityAction.CONSULTATION, CommunityAction.MONITOR_HAZARDS],
        Quadrant.CONSULTATION,
    ),
}


class Rating(StrEnum):
    """How a tactic or follow-up choice is judged."""

    RECOMMENDED = "recommended"
    ACCEPTABLE = "acceptable"
    CONTRAINDICATED = "contraindicated"


class Verdict(StrEnum):
    REASONABLE = "reasonable"
    EXCESSIVE = "excessive"
    INSUFFICIENT = "insufficient"


class Equipment(StrEnum):
    HANDCUFFS = "handcuffs"
    BATON = "baton"
    OC_SPRAY = "oc_spray"
    CEW = "cew"
    LAUNCHER = "launcher"
    PISTOL = "pistol"
    CARBINE = "carbine"


class Injury(StrEnum):
    OFFICER = "officer"
    PARTNER = "partner"
    SUBJECT = "subject"
    BYSTANDER = "bystander"


class Result(StrEnum):
    RESOLVED = "resolved"
    UNRESOLVED = "unresolved"


class Weapon(StrEnum):
    NONE = "none"
    KNIFE = "knife"
    BLUNT = "blunt"
    FIREARM = "firearm"
    UNKNOWN = "unknown"


class SceneObjectKind(StrEnum):
    WALL = "wall"
    DOOR = "door"
    CAR = "car"
    TABLE = "table"
    COUNTER = "counter"
    TREE = "tree"
    OTHER = "other"
