"""Coverage claims of the bundled scenario library, computed from the files.

Issue 5 promises that the library, taken together, exercises the whole Ontario
model. These tests recompute every claim from scenarios/*.yaml through the
project's own loader, so a later edit cannot quietly break one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from simulator.domain.model import Behaviour, Factor, Force, Verdict
from simulator.engine.scoring import DEFAULT_RUBRIC, ActAppraisal, appraise
from simulator.scenario import Branch, RandomNext, Scenario, Situation, Text, load_scenario
from simulator.scenario.model import Option, next_targets

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_DIR = ROOT / "scenarios"
FILES = sorted(SCENARIO_DIR.glob("*.yaml"))

# Each common call the issue names, and the tag that marks it in a scenario.
CALL_TAGS = {
    "traffic stop": "traffic-stop",
    "shoplifting suspect who flees": "shoplifting",
    "domestic disturbance": "domestic",
    "person in crisis with an edged weapon": "edged-weapon",
    "intoxicated person refusing to leave": "refusing-to-leave",
    "trespasser who goes limp": "trespass",
    "assault in progress": "assault-in-progress",
    "armed robbery just occurred": "armed-robbery",
    "crowd or multiple subjects": "crowd",
    "object in hand turns out harmless": "harmless-object",
    "mental-health apprehension": "apprehension",
    "youth": "youth",
}

MAX_LABEL = 70  # characters that fit on a button


@pytest.fixture(scope="module")
def library() -> dict[str, Scenario]:
    return {path.stem: load_scenario(path) for path in FILES}


# --- helpers ------------------------------------------------------------------------


def judgement(situation: Situation, option: Option) -> ActAppraisal:
    """The rubric's full appraisal (verdict, errors, scores) of an option, as the engine makes it."""
    return appraise(DEFAULT_RUBRIC, situation, option)


def top_force(option: Option) -> Force:
    return max((Force(f) for f in option.force), key=lambda f: f.level)


def every_text(node: object) -> Iterator[Text]:
    """Every text field anywhere inside a loaded scenario."""
    if isinstance(node, Text):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from every_text(getattr(node, name))
    elif isinstance(node, dict):
        for value in node.values():
            yield from every_text(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from every_text(item)


def transitions(situation: Situation) -> Iterator[str]:
    for option in situation.options:
        yield from next_targets(option.next)
    if situation.timeout is not None:
        yield from next_targets(situation.timeout)


def has_down_move(scenario: Scenario) -> bool:
    """Some transition leads to a situation with a lower-ranked behaviour."""
    for situation in scenario.situations.values():
        here = Behaviour(situation.subject.behaviour).rank
        for target in transitions(situation):
            after = scenario.situations.get(target)
            if after is not None and Behaviour(after.subject.behaviour).rank < here:
                return True
    return False


def branches_on_state(scenario: Scenario) -> bool:
    """Declares variables and has a conditional or random `next` somewhere."""
    if not scenario.variables:
        return False
    for situation in scenario.situations.values():
        nexts = [o.next for o in situation.options] + [situation.timeout]
        for next_ in nexts:
            if isinstance(next_, RandomNext):
                return True
            if isinstance(next_, list) and any(isinstance(b, Branch) and b.when for b in next_):
                return True
    return False


def fully_french(scenario: Scenario) -> bool:
    return all("fr" in text.languages() for text in every_text(scenario))


# --- library-wide claims ---------------------------------------------------------------


def test_library_has_at_least_twelve_scenarios(library: dict[str, Scenario]) -> None:
    assert len(library) >= 12


def test_file_name_is_the_scenario_id(library: dict[str, Scenario]) -> None:
    for stem, scenario in library.items():
        assert scenario.id == stem


def test_each_behaviour_is_perceived_in_three_situations(library: dict[str, Scenario]) -> None:
    seen = Counter(
        Behaviour(situation.subject.behaviour)
        for scenario in library.values()
        for situation in scenario.situations.values()
    )
    short = {b.value: seen[b] for b in Behaviour if seen[b] < 3}
    assert not short, f"behaviours perceived in fewer than three situations: {short}"


def test_each_force_option_is_both_reasonable_and_unreasonable_somewhere(library: dict[str, Scenario]) -> None:
    reasonable: set[Force] = set()
    unreasonable: set[Force] = set()
    for scenario in library.values():
        for situation in scenario.situations.values():
            for option in situation.options:
                target = reasonable if judgement(situation,
                                                 option).judgement.verdict is Verdict.REASONABLE else unreasonable
                target.add(top_force(option))
    assert set(Force) - reasonable == set(), "never reasonable"
    assert set(Force) - unreasonable == set(), "never unreasonable"


def test_at_least_three_scenarios_move_down(library: dict[str, Scenario]) -> None:
    down = [sid for sid, s in library.items() if has_down_move(s)]
    assert len(down) >= 3, down


def test_at_least_three_scenarios_are_fully_french(library: dict[str, Scenario]) -> None:
    french = [sid for sid, s in library.items() if fully_french(s)]
    assert len(french) >= 3, french


def test_at_least_four_scenarios_branch_on_variables(library: dict[str, Scenario]) -> None:
    branching = [sid for sid, s in library.items() if branches_on_state(s)]
    assert len(branching) >= 4, branching


def test_at_least_six_scenarios_use_pictures(library: dict[str, Scenario]) -> None:
    pictured = [sid for sid, s in library.items() if any(sit.image for sit in s.situations.values())]
    assert len(pictured) >= 6, pictured


def test_every_common_call_is_covered(library: dict[str, Scenario]) -> None:
    tags = {tag for scenario in library.values() for tag in scenario.tags}
    missing = {call: tag for call, tag in CALL_TAGS.items() if tag not in tags}
    assert not missing


def test_community_follow_up_appears_in_most_scenarios(library: dict[str, Scenario]) -> None:
    with_follow_up = [sid for sid, s in library.items() if any(e.follow_up for e in s.endings.values())]
    assert len(with_follow_up) >= len(library) - 1


# --- per-scenario quality rules ------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_scenario_meets_the_authoring_rules(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.summary and scenario.objectives and scenario.briefing
    for sid, situation in scenario.situations.items():
        assert situation.scene is not None, f"{sid}: no tactical scene"
        assert 2 <= len(situation.options) <= 6, f"{sid}: {len(situation.options)} options"
        preferred = [o for o in situation.options if o.preferred]
        assert len(preferred) == 1, f"{sid}: needs exactly one preferred option"
        assert judgement(situation,
                         preferred[0]).judgement.verdict is Verdict.REASONABLE, f"{sid}: preferred is not reasonable"
        assert situation.subject.cues, f"{sid}: no cues"
        missing = set(Factor) - set(situation.factors)
        assert not missing, f"{sid}: factors without {sorted(missing)}"
        for option in situation.options:
            assert option.rationale is not None, f"{sid}.{option.id}: no rationale"
            for lang in option.label.languages():
                assert len(option.label.get(lang)) <= MAX_LABEL, f"{sid}.{option.id}: label too long ({lang})"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_scenario_has_a_critical_mistake_to_make(path: Path) -> None:
    """Without one, the worst path could pass; explore checks the paths themselves."""
    scenario = load_scenario(path)
    critical = [
        (sid, option.id)
        for sid, situation in scenario.situations.items()
        for option in situation.options
        if judgement(situation, option).critical
    ]
    assert critical


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_overrides_are_explained(path: Path) -> None:
    """A `verdict` or `reasonable` override must say why in the rationale."""
    scenario = load_scenario(path)
    for sid, situation in scenario.situations.items():
        for option in situation.options:
            overridden = option.verdict is not None or (situation.reasonable is not None and option.preferred)
            if overridden:
                assert option.rationale is not None
                assert "override" in option.rationale.get("en").lower(), f"{sid}.{option.id}"


# --- the checks themselves must be able to fail ------------------------------------------------


def test_down_move_detector_sees_only_real_down_moves(library: dict[str, Scenario]) -> None:
    scenario = library["crisis-knife-apartment"]
    assert has_down_move(scenario)
    upward_only = scenario.model_copy(
        update={"situations": {k: v for k, v in scenario.situations.items() if k in {"hallway", "closes-in"}}}
    )
    assert not has_down_move(upward_only)


def test_french_detector_notices_an_english_only_field(library: dict[str, Scenario]) -> None:
    scenario = library["traffic-stop-night"]
    assert fully_french(scenario)
    assert not fully_french(scenario.model_copy(update={"summary": Text("English only")}))
