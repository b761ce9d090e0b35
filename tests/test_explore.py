"""`uofsim explore`: reachability, stuck states, best/worst over the state graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.cli import main
from simulator.engine import FakeClock, Session, SessionSettings
from simulator.engine.explore import explore
from simulator.engine.policies import RandomPolicy, play_headless
from simulator.scenario import ScenarioError, load_file
from support.engine import ending, opt, sit, write_scenario

EXAMPLE = Path(__file__).resolve().parent / "fixtures" / "contract_example.yaml"


def test_contract_example_best_and_worst() -> None:
    result = explore(load_file(EXAMPLE, lint=False).scenario)
    assert result.situations_unreached == [] and result.endings_unreached == [] and result.stuck == []
    assert result.best and (result.best.score, result.best.passes) == (100.0, True)
    assert result.worst and (result.worst.score, result.worst.passes) == (0.0, False)
    assert [s["option"] for s in result.worst.steps] == [None, None]  # letting time run out twice


def test_best_avoids_and_worst_seeks_critical_errors(tmp_path: Path) -> None:
    situations = {
        "a": sit("assaultive", [opt("control", "physical_control_soft", "b"), opt("shoot", "lethal_force", "end")]),
        "b": sit("assaultive", [opt("push", "communication", "end")]),  # insufficient: 0.3
    }
    result = explore(write_scenario(tmp_path, situations, {"end": ending()}).scenario)
    assert result.best and result.best.critical_error is False
    # best: (1.0 + 0.60625) / 2 -> 80.3 (avoiding the critical path's (0.60625) / 1)
    assert result.best.score == 80.3 and result.best.passes
    assert result.worst and result.worst.critical_error and not result.worst.passes
    assert [s["option"] for s in result.worst.steps] == ["shoot"]


def test_mean_not_total_decides(tmp_path: Path) -> None:
    # the long way has the larger total but the smaller mean: best must take the short way
    situations = {
        "a": sit("passive_resistant", [opt("short", "communication", "end"), opt("long", "communication", "b")]),
        "b": sit("passive_resistant", [opt("meh", "physical_control_hard", "c")]),
        "c": sit("passive_resistant", [opt("talk", "communication", "end")]),
    }
    result = explore(write_scenario(tmp_path, situations, {"end": ending()}).scenario)
    assert result.best and result.best.score == 100.0 and [s["option"] for s in result.best.steps] == ["short"]
    # worst: every assessment wrong; a and c (0.45 + 0.10) / 0.80, b (0.45 x 0.3 + 0.10) / 0.80 -> mean 55.6
    assert result.worst and result.worst.score == 55.6


def test_loops_are_bounded(tmp_path: Path) -> None:
    situations = {
        "a": sit("passive_resistant", [opt("again", "communication", "a"),
                                       opt("strike", "physical_control_hard", "end")]),
    }
    with pytest.raises(ScenarioError, match="a loop lets a session go on without end: a -> a"):
        write_scenario(tmp_path, situations, {"end": ending()})  # validation refuses it...
    result = explore(load_file(tmp_path / "s.yaml", lint=False).scenario)  # ...explore still bounds it
    assert result.best and result.best.loops
    assert result.best.score > 90.0 and result.best.steps[-1]["option"] == "strike"


def test_stuck_state_is_a_graph_error(tmp_path: Path, capsys) -> None:
    situations = {"a": sit("passive_resistant", [opt("x", "communication", "b"), opt("y", "communication", "end")]),
                  "b": sit("passive_resistant", [opt("loop", "communication", "b")])}
    path = tmp_path / "stuck.yaml"
    write_scenario(tmp_path,
                   {"a": situations["a"], "b": {**situations["b"], "options": [opt("z", "communication", "end")]}},
                   {"end": ending()}, name="stuck.yaml")
    text = path.read_text().replace("next: end\n  endings", "next: b\n  endings")
    path.write_text(text.replace("- id: z", "- id: z").replace("next: end\nendings", "next: b\nendings"))
    code = main(["explore", str(path), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and out["stuck"] == [{"situation": "b", "variables": {}}] and out["graph_error"]


def test_cli_text_says_how_random_is_treated(capsys) -> None:
    assert main(["explore", str(EXAMPLE)]) in (0, 1)  # the image may be missing from assets/
    out = capsys.readouterr()
    assert "favourable" in out.out or "hallway.png" in out.err


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_random_sessions_lie_between_worst_and_best(seed: int) -> None:
    loaded = load_file(EXAMPLE, lint=False)
    result = explore(loaded.scenario)
    clock = FakeClock()
    session = Session.start(loaded, SessionSettings(trainee="t", seed=seed, mode="headless"), clock=clock, log=None)
    play_headless(session, RandomPolicy(seed), clock)
    assert result.worst and result.best
    assert result.worst.score <= session.debrief.score <= result.best.score
