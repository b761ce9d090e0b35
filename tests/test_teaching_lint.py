"""Validation's teaching checks (issue 10): a scenario that would teach the wrong lesson is warned about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from simulator.scenario import ScenarioError
from support.engine import ending, opt, sit, write_scenario

FOLLOW_UP = [{"id": "f", "label": "Check on him", "action": "liaison", "rating": "recommended"}]


def warnings_of(tmp_path: Path, situations: dict[str, Any], endings: dict[str, Any] | None = None,
                **top: Any) -> list[str]:
    loaded = write_scenario(tmp_path, situations, endings or {"end": ending()}, **top)
    return [p.message for p in loaded.warnings]


def test_a_sound_scenario_has_no_teaching_warning(tmp_path: Path) -> None:
    assert warnings_of(tmp_path, {"s": sit("passive_resistant", [opt("talk", "communication", "end",
                                                                     preferred=True)])}) == []


def test_preferred_not_reasonable(tmp_path: Path) -> None:
    spray = opt("spray", "intermediate_weapons", "end", preferred=True)
    messages = warnings_of(tmp_path, {"s": sit("passive_resistant", [spray])})
    assert any("preferred option 'spray' is judged excessive" in m for m in messages)
    assert any("preferred option 'spray' is a critical error" in m for m in messages)


def test_preferred_and_critical_by_the_author(tmp_path: Path) -> None:
    option = opt("go", "communication", "end", preferred=True, critical={"reason": "unsafe_position"})
    messages = warnings_of(tmp_path, {"s": sit("passive_resistant", [option])})
    assert messages == ["preferred option 'go' is a critical error"]


def test_more_than_one_preferred(tmp_path: Path) -> None:
    options = [opt("a", "communication", "end", preferred=True), opt("b", "communication", "end", preferred=True)]
    messages = warnings_of(tmp_path, {"s": sit("passive_resistant", options)})
    assert any("more than one preferred option (a, b)" in m for m in messages)


def test_disengage_judged_insufficient_without_override_or_rationale(tmp_path: Path) -> None:
    leave = opt("leave", "officer_presence", "end", tactics=["disengage"])
    messages = warnings_of(tmp_path, {"s": sit("assaultive", [leave, opt("hold", "physical_control_soft", "end")])})
    assert any("carries out disengage but is judged insufficient" in m for m in messages)
    explained = opt("leave", "officer_presence", "end", tactics=["disengage"], rationale="Backing off is fine here.")
    assert warnings_of(tmp_path, {"s": sit("assaultive", [explained, opt("hold", "physical_control_soft", "end")])}) \
        == []


def test_punished_wait_where_tactics_recommend_time(tmp_path: Path) -> None:
    tactics = [{"id": "slow", "label": "Slow down", "consideration": "time", "rating": "recommended"}]
    situation = sit("passive_resistant", [opt("talk", "communication", "end")], tactics=tactics, time_limit_s=20,
                    timeout="end")
    assert any("recommend taking time" in m for m in warnings_of(tmp_path, {"s": situation}))
    assert warnings_of(tmp_path, {"s": {**situation, "wait": {}}}) == []


def test_no_follow_up_tagged_as_an_action(tmp_path: Path) -> None:
    follow_up = [*FOLLOW_UP, {"id": "x", "label": "No follow-up needed", "action": "enforcement",
                              "rating": "contraindicated"}]
    messages = warnings_of(tmp_path, {"s": sit("cooperative", [opt("talk", "communication", "end")])},
                           {"end": ending(follow_up=follow_up)})
    assert messages == ["follow-up 'x' is no front-line action at all; tag it 'action: none', not 'enforcement'"]
    follow_up[1]["action"] = "none"
    assert warnings_of(tmp_path, {"s": sit("cooperative", [opt("talk", "communication", "end")])},
                       {"end": ending(follow_up=follow_up)}) == []


def test_harmful_ending_without_follow_up(tmp_path: Path) -> None:
    messages = warnings_of(tmp_path, {"s": sit("cooperative", [opt("talk", "communication", "end")])},
                           {"end": ending(injuries=["subject"])})
    assert messages == ["ending 'end' has injuries or a death but no follow-up step"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("firearm", "draw", "says how a firearm is used but its force has no lethal_force"),
])
def test_firearm_needs_lethal_force(tmp_path: Path, field: str, value: str, message: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        write_scenario(tmp_path, {"s": sit("assaultive", [opt("x", "communication", "end", **{field: value})])},
                       {"end": ending()})
    assert message in str(caught.value)


def test_wait_needs_a_time_limit(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        write_scenario(tmp_path, {"s": sit("cooperative", [opt("x", "communication", "end")], wait={})},
                       {"end": ending()})
    assert "'wait' needs a 'time_limit_s' and a 'timeout'" in str(caught.value)


def test_strict_validate_fails_on_a_teaching_warning(tmp_path: Path) -> None:
    from support.review import run_cli

    write_scenario(tmp_path, {"s": sit("passive_resistant", [opt("spray", "intermediate_weapons", "end",
                                                                 preferred=True)])},
                   {"end": ending()})
    code, out, _ = run_cli(["validate", "--strict", str(tmp_path / "s.yaml")])
    assert code == 1 and "warning: preferred option 'spray' is judged excessive" in out


def test_lethal_force_must_say_which_act(tmp_path: Path) -> None:
    messages = warnings_of(tmp_path, {"s": sit("serious_bodily_harm_or_death", [opt("gun", "lethal_force", "end")])})
    assert messages == ["option 'gun' uses lethal_force without saying how; "
                        "add 'firearm: draw', 'point' or 'discharge' (left out, it counts as a shot)"]
