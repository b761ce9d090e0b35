"""Every rule of the default rubric (scenario-format.md), with exact numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.domain import Behaviour, Rating
from simulator.engine.scoring import (
    DEFAULT_RUBRIC as R,
)
from simulator.engine.scoring import (
    assess_score,
    load_rubric,
    percent,
    rated_score,
    session_score,
    situation_total,
)
from simulator.scenario import ScenarioError


def test_assess_exact_one_off_else() -> None:
    expected = Behaviour.ASSAULTIVE
    assert assess_score(R, Behaviour.ASSAULTIVE, expected) == 1.0
    assert assess_score(R, Behaviour.ACTIVE_RESISTANT, expected) == 0.5
    assert assess_score(R, Behaviour.SERIOUS_BODILY_HARM_OR_DEATH, expected) == 0.5
    assert assess_score(R, Behaviour.PASSIVE_RESISTANT, expected) == 0.0
    assert assess_score(R, Behaviour.COOPERATIVE, expected) == 0.0


OFFERED = [("a", Rating.RECOMMENDED), ("b", Rating.RECOMMENDED), ("c", Rating.ACCEPTABLE),
           ("d", Rating.CONTRAINDICATED)]


@pytest.mark.parametrize(
    ("chosen", "score"),
    [([], 0.0), (["a"], 0.5), (["a", "b"], 1.0), (["a", "c"], 0.75), (["a", "b", "c"], 1.0),  # clipped
     (["a", "d"], 0.0), (["a", "b", "d"], 0.5), (["c"], 0.25), (["d"], 0.0)],
)
def test_plan_with_recommended(chosen: list[str], score: float) -> None:
    assert rated_score(R, OFFERED, chosen) == score


def test_plan_without_recommended() -> None:
    offered = [("c", Rating.ACCEPTABLE), ("d", Rating.CONTRAINDICATED), ("e", Rating.CONTRAINDICATED)]
    assert rated_score(R, offered, []) == 1.0
    assert rated_score(R, offered, ["c"]) == 1.0
    assert rated_score(R, offered, ["d"]) == 0.5
    assert rated_score(R, offered, ["d", "e"]) == 0.0


def test_situation_total_weights_over_parts_present() -> None:
    assert situation_total(R, {"assess": 1.0, "plan": 1.0, "act": 1.0, "time": 1.0}) == 1.0
    assert situation_total(R, {"assess": 0.5, "plan": 0.5, "act": 0.8, "time": 1.0}) == pytest.approx(0.685)
    # no plan: (0.25*1 + 0.45*0.3 + 0.10*1) / 0.80
    assert situation_total(R, {"assess": 1.0, "plan": None, "act": 0.3, "time": 1.0}) == pytest.approx(0.60625)
    assert situation_total(R, {"assess": None, "plan": None, "act": 0.8, "time": 1.0}) == pytest.approx(0.46 / 0.55)


def test_session_score_mean_times_100_one_decimal() -> None:
    assert session_score([1.0, 0.5]) == 75.0
    assert session_score([1.0, 1.0, 0.0]) == 66.7
    assert session_score([0.60625] + [1.0] * 7) == 95.1
    assert percent(0.12345) == 12.3 and percent(0.12355) == 12.4  # half up


def test_rubric_file_changes_numbers(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("name: strict\nassess: {one_off: 0.25}\npass_mark: 80\nweights: {time: 0}\n")
    rubric = load_rubric(path)
    assert rubric.name == "strict" and rubric.pass_mark == 80.0 and rubric.assess.one_off == 0.25
    assert rubric.assess.exact == 1.0 and rubric.weights.time == 0.0
    assert len(rubric.sha256) == 64 and rubric.sha256 != R.sha256


@pytest.mark.parametrize(
    ("text", "where"),
    [("name: x\npass_mark: high\n", ":2:12:"), ("name: x\nact: {prefered: 1}\n", ":2:7:"),
     ("name: x\nname: y\n", ":2:1:"), ("pass_mark: 50\n", ":1:1:")],
)
def test_rubric_file_errors_have_line_and_column(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioError) as caught:
        load_rubric(path)
    assert where in str(caught.value)
