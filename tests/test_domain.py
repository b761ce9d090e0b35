from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.domain import (
    Behaviour,
    CommunityAction,
    Equipment,
    ErrorFinding,
    Force,
    ForceRange,
    Injury,
    Quadrant,
    ReasonCode,
    Verdict,
    behaviour_distance,
    default_range,
    find_errors,
    is_reportable,
    judge,
    missing_equipment,
    outcome_reportable,
)


def test_behaviours_and_forces_are_in_model_order() -> None:
    assert [b.value for b in Behaviour] == [
        "cooperative", "passive_resistant", "active_resistant", "assaultive", "serious_bodily_harm_or_death",
    ]
    assert [(f.value, f.level) for f in Force] == [
        ("officer_presence", 0), ("communication", 1), ("physical_control_soft", 2),
        ("physical_control_hard", 3), ("intermediate_weapons", 4), ("lethal_force", 5),
    ]


@pytest.mark.parametrize(
    ("behaviour", "low", "high"),
    [
        (Behaviour.COOPERATIVE, Force.OFFICER_PRESENCE, Force.PHYSICAL_CONTROL_SOFT),
        (Behaviour.PASSIVE_RESISTANT, Force.COMMUNICATION, Force.PHYSICAL_CONTROL_SOFT),
        (Behaviour.ACTIVE_RESISTANT, Force.COMMUNICATION, Force.PHYSICAL_CONTROL_HARD),
        (Behaviour.ASSAULTIVE, Force.PHYSICAL_CONTROL_SOFT, Force.INTERMEDIATE_WEAPONS),
        (Behaviour.SERIOUS_BODILY_HARM_OR_DEATH, Force.INTERMEDIATE_WEAPONS, Force.LETHAL_FORCE),
    ],
)
def test_default_ranges_match_the_contract(behaviour: Behaviour, low: Force, high: Force) -> None:
    assert default_range(behaviour) == ForceRange(low, high)


def test_verdicts_and_severity() -> None:
    passive = default_range(Behaviour.PASSIVE_RESISTANT)
    assert judge([Force.COMMUNICATION], passive).verdict is Verdict.REASONABLE
    hard = judge([Force.PHYSICAL_CONTROL_HARD], passive)
    assert (hard.verdict, hard.severity) == (Verdict.EXCESSIVE, 1)
    assert find_errors(hard, [Force.PHYSICAL_CONTROL_HARD]).critical  # default-2: one level of excess fails
    assert not find_errors(hard, [Force.PHYSICAL_CONTROL_HARD], critical_severity=2).critical  # a relaxed rubric
    oc = judge([Force.INTERMEDIATE_WEAPONS], passive)
    assert (oc.verdict, oc.severity) == (Verdict.EXCESSIVE, 2)
    assert find_errors(oc, [Force.INTERMEDIATE_WEAPONS], critical_severity=2).critical
    presence = judge([Force.OFFICER_PRESENCE], passive)
    assert (presence.verdict, presence.severity) == (Verdict.INSUFFICIENT, 1)
    assert find_errors(presence, [Force.OFFICER_PRESENCE]) == ErrorFinding((), False)


def test_level_is_the_highest_force_listed() -> None:
    result = judge([Force.COMMUNICATION, Force.LETHAL_FORCE], default_range(Behaviour.SERIOUS_BODILY_HARM_OR_DEATH))
    assert result.level == 5 and result.verdict is Verdict.REASONABLE


def test_excessive_lethal_force_is_always_critical() -> None:
    band = ForceRange(Force.COMMUNICATION, Force.INTERMEDIATE_WEAPONS)
    result = judge([Force.LETHAL_FORCE], band)
    finding = find_errors(result, [Force.LETHAL_FORCE], critical_severity=5)
    assert result.severity == 1 and finding.critical and finding.reasons == (ReasonCode.LETHAL_EXCESS,)


def test_author_verdict_overrides_computed_one() -> None:
    band = default_range(Behaviour.SERIOUS_BODILY_HARM_OR_DEATH)
    result = judge([Force.PHYSICAL_CONTROL_HARD], band, Verdict.INSUFFICIENT)
    assert result.verdict is Verdict.INSUFFICIENT and result.severity == 1
    forced_reasonable = judge([Force.LETHAL_FORCE], default_range(Behaviour.COOPERATIVE), Verdict.REASONABLE)
    assert (forced_reasonable.verdict, forced_reasonable.severity) == (Verdict.REASONABLE, 0)
    assert not find_errors(forced_reasonable, [Force.LETHAL_FORCE]).critical


@given(st.sampled_from(list(Behaviour)), st.lists(st.sampled_from(list(Force)), min_size=1, max_size=4))
def test_severity_is_the_distance_outside_the_range(behaviour: Behaviour, forces: list[Force]) -> None:
    band = default_range(behaviour)
    result = judge(forces, band)
    level = max(f.level for f in forces)
    assert result.severity == max(0, level - band.max.level, band.min.level - level)
    assert (result.verdict is Verdict.REASONABLE) == (result.severity == 0)


def test_behaviour_distance() -> None:
    assert behaviour_distance(Behaviour.ASSAULTIVE, Behaviour.ASSAULTIVE) == 0
    assert behaviour_distance(Behaviour.COOPERATIVE, Behaviour.SERIOUS_BODILY_HARM_OR_DEATH) == 4


def test_missing_equipment() -> None:
    assert missing_equipment([Force.INTERMEDIATE_WEAPONS], [Equipment.HANDCUFFS]) == [Force.INTERMEDIATE_WEAPONS]
    assert missing_equipment([Force.INTERMEDIATE_WEAPONS, Force.LETHAL_FORCE], [Equipment.CEW, Equipment.CARBINE]) == []
    assert missing_equipment([Force.PHYSICAL_CONTROL_HARD], []) == []


def test_reportable_choices() -> None:
    assert is_reportable([Force.COMMUNICATION, Force.LETHAL_FORCE])
    assert is_reportable([Force.INTERMEDIATE_WEAPONS])
    assert not is_reportable([Force.PHYSICAL_CONTROL_HARD])
    # The outcome counts too: physical force followed by an injury needing care.
    assert outcome_reportable([3], False, [Injury.SUBJECT])
    assert not outcome_reportable([1], False, [Injury.SUBJECT])  # words injure no one
    assert not outcome_reportable([3], False, [Injury.OFFICER])  # the officer's injury is not the officer's force
    assert outcome_reportable([1], True, [])


def test_every_front_line_action_has_its_quadrant() -> None:
    counts = {q: sum(1 for a in CommunityAction if a.quadrant is q) for q in Quadrant}
    assert counts == {Quadrant.ENFORCEMENT: 4, Quadrant.ENGAGEMENT: 4, Quadrant.MOBILIZATION: 3,
                      Quadrant.CONSULTATION: 3}
