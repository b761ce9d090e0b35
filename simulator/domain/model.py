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
        return _BEHAVIOUR_RANK[self]


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
        return FORCE_LEVELS[self]


# Explicit numbers, not list positions: logs record `level`, so inserting an
# option must never renumber the old ones.
FORCE_LEVELS: dict[Force, int] = {
    Force.OFFICER_PRESENCE: 0,
    Force.COMMUNICATION: 1,
    Force.PHYSICAL_CONTROL_SOFT: 2,
    Force.PHYSICAL_CONTROL_HARD: 3,
    Force.INTERMEDIATE_WEAPONS: 4,
    Force.LETHAL_FORCE: 5,
}
_BEHAVIOUR_RANK: dict[Behaviour, int] = {b: i for i, b in enumerate(Behaviour)}


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


class QualityRating(StrEnum):
    """How an option is carried out (what is said; position, distance, cover)."""

    RECOMMENDED = "recommended"
    ACCEPTABLE = "acceptable"
    POOR = "poor"
    CONTRAINDICATED = "contraindicated"


class FirearmAct(StrEnum):
    """Level 5 is three very different acts; only a discharge is a shot."""

    DRAW = "draw"  # drawn to low ready, with the police challenge
    POINT = "point"
    DISCHARGE = "discharge"


class AuthorityAct(StrEnum):
    """What an option does without lawful authority (Criminal Code s.25(1))."""

    ARREST = "arrest"
    DETENTION = "detention"
    ENTRY = "entry"
    SEARCH = "search"
    APPREHENSION = "apprehension"  # Mental Health Act s.17 grounds missing


class ReasonCode(StrEnum):
    """Why an act is an error. Logged as codes; each language's catalogue words
    them and cites the law (`reason.<code>`)."""

    EXCESS = "excess"  # s.26
    LETHAL_EXCESS = "lethal_excess"  # s.25(3)
    FLEEING = "fleeing"  # s.25(4)
    CEW_THRESHOLD = "cew_threshold"  # O. Reg. 391/23, Table 2
    CEW_HAZARD = "cew_hazard"  # service cautions: falls, water, rails, vulnerable people
    NO_AUTHORITY = "no_authority"  # s.25(1)
    MHA_APPREHENSION = "mha_apprehension"  # Mental Health Act s.17
    UNSAFE_POSITION = "unsafe_position"
    EDGED_WEAPON_EMPTY_HAND = "edged_weapon_empty_hand"
    ABANDONS_VICTIM = "abandons_victim"
    NECK_RESTRAINT = "neck_restraint"  # s.26
    PUNITIVE_FORCE = "punitive_force"  # s.26
    OTHER = "other"


class Competency(StrEnum):
    """What the debrief and review score apart, in display order."""

    PERCEPTION = "perception"
    TACTICS = "tactics"
    FORCE = "force"
    COMMUNICATION = "communication"
    SAFETY = "safety"
    AUTHORITY = "authority"
    TIME = "time"
    COMMUNITY = "community"


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
