"""Every figure of `uofsim review` against values worked out by hand.

Two small sets: real headless sessions of phone-not-gun (the records are known:
see the comments), and logs written by hand with the real writer.
"""

from __future__ import annotations

from pathlib import Path
from statistics import NormalDist

import pytest

from support.review import ended, play, review_json, situation, write_log

z = NormalDist().inv_cdf
# A frozen copy of the bundled scenario as it was when these figures were worked out.
FIXED = Path(__file__).parent / "fixtures" / "review" / "phone-not-gun.yaml"


@pytest.fixture(scope="module")
def engine_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("engine_set")
    # best: every assessment right, plans 1.0, actions: challenge (lethal, allowed) twice,
    # then two level-1 options where lethal is not allowed. Score 100, passed.
    play(folder, FIXED, "h", policy="best", seed=1)
    # worst: every assessment wrong, plans 0.0; sidewalk "follow" (level 0, insufficient,
    # lethal allowed: a miss), turns: timeout in act, identified "keep-aiming" (lethal,
    # not allowed: false alarm, excessive, critical), complies "cuff" (reasonable).
    # Situation totals 0.235, 0, 0.1, 0.46. Score 19.9, failed, 1 critical error.
    play(folder, FIXED, "h", answers=FIXED.with_name("phone-not-gun-worst.yaml"), seed=1)
    return folder


def test_engine_set_trainee_figures(engine_set: Path) -> None:
    code, report, _ = review_json(engine_set)
    assert code == 0
    (h,) = report["trainees"]
    assert h["trainee"] == "h"
    assert (h["sessions"], h["complete"], h["aborted"], h["incomplete"]) == (2, 2, 0, 0)
    assert h["attempts"] == {"phone-not-gun": 2}
    assert h["latest_score"] == 19.9 and h["best_score"] == 100.0
    assert h["pass_rate"] == 0.5 and h["passed"] == 1
    assert h["critical_errors"] == 1
    assert (h["actions"], h["excessive"], h["insufficient"]) == (7, 1, 1)
    assert h["assessment_accuracy"] == 0.5  # 4 right of 8
    assert h["tactic_score"] == 0.5  # four plans at 1.0, four at 0.0
    assert h["median_decision_s"] == 1.0  # 21 decisions at 1.0, two at 1.667
    assert h["timeouts"] == 1
    assert h["trend"] == pytest.approx(19.9 - 100.0) and h["trend_label"] == "declining"


def test_engine_set_scenario_figures(engine_set: Path) -> None:
    _, report, _ = review_json(engine_set)
    (s,) = report["scenarios"]
    assert s["scenario"] == "phone-not-gun" and s["difficulty"] == 4
    assert s["attempts"] == 2 and s["mean_score"] == pytest.approx(59.95) and s["pass_rate"] == 0.5
    lost = {"turns": 1.0, "identified": 0.9, "sidewalk": 0.765}
    total_lost = 1.0 + 0.9 + 0.765 + 0.54
    assert [c["situation"] for c in s["costly_situations"]] == ["turns", "identified", "sidewalk"]
    for c in s["costly_situations"]:
        assert c["share_of_loss"] == pytest.approx(lost[c["situation"]] / total_lost)
        assert c["visits"] == 2 and c["mean_lost"] == pytest.approx(lost[c["situation"]] / 2)
    # four different wrong assessments once each: the tie goes to the first by situation id
    assert s["common_wrong_assessment"] == {"situation": "complies", "expected": "cooperative",
                                            "chosen": "serious_bodily_harm_or_death", "count": 1}
    assert s["common_unreasonable_option"] == {"situation": "identified", "option": "keep-aiming",
                                               "verdict": "excessive", "count": 1}
    assert s["timeouts"] == 1 and s["timeouts_by_phase"] == {"assess": 0, "plan": 0, "act": 1}


def test_engine_set_lethal_force(engine_set: Path) -> None:
    _, report, _ = review_json(engine_set)
    overall = report["lethal_force"]["overall"]
    assert (overall["signal"], overall["hits"], overall["noise"], overall["false_alarms"]) == (3, 2, 4, 1)
    assert (overall["misses"], overall["correct_rejections"]) == (1, 3)
    # log-linear: H = 2.5/4 = 0.625, F = 1.5/5 = 0.3; z(0.625) = 0.3186, z(0.3) = -0.5244
    assert overall["hit_rate"] == 0.625 and overall["false_alarm_rate"] == 0.3
    assert overall["d_prime"] == pytest.approx(0.8430, abs=1e-4)
    assert overall["c"] == pytest.approx(0.1029, abs=1e-4)
    assert report["lethal_force"]["per_trainee"] == [{"trainee": "h", **overall}]


@pytest.fixture(scope="module")
def hand_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hand_set")
    A, S, P = "assaultive", "serious_bodily_harm_or_death", "passive_resistant"
    # ann: drill 40 (fail) then 80 (pass), then an aborted "other"; decision times 2, 4, 6 s.
    write_log(folder, trainee="ann", minute=1, body=[
        *situation("s1", S, assessed=S, plan_score=0.5, option="shoot", level=5, verdict="reasonable",
                   range_max="lethal_force", total=0.4, seconds=2),
        *ended(40, False)])
    write_log(folder, trainee="ann", minute=2, body=[
        *situation("s1", S, assessed=A, plan_score=1.0, option="shoot", level=5, verdict="reasonable",
                   range_max="lethal_force", total=0.8, seconds=4),
        *ended(80, True)])
    write_log(folder, trainee="ann", minute=3, scenario="other", difficulty=5, body=[
        *situation("s9", P, assessed=A, plan_score=0.0, option="shoot", level=5, verdict="excessive",
                   range_max="physical_control_soft", total=0.0, seconds=6, critical=True),
        ("session_aborted", {"reason": "quit"})])
    # bob: drill 90 (pass), then a drill session that never ended (a crash), with a timeout.
    write_log(folder, trainee="bob", minute=4, body=[
        *situation("s1", S, assessed=S, plan_score=1.0, option="talk", level=1, verdict="insufficient",
                   range_max="lethal_force", total=0.9, seconds=3),
        *ended(90, True)])
    write_log(folder, trainee="bob", minute=5, body=[
        ("situation_entered", {"situation": "s1", "behaviour": S, "time_limit_s": 5.0}),
        ("assessment", {"situation": "s1", "chosen": P, "expected": S, "score": 0.0, "decision_s": 5.0}),
        ("timeout", {"situation": "s1", "phase": "plan"})])
    return folder


def test_hand_set_trainees(hand_set: Path) -> None:
    code, report, _ = review_json(hand_set)
    assert code == 0
    ann, bob = report["trainees"]
    assert (ann["sessions"], ann["complete"], ann["aborted"], ann["incomplete"]) == (3, 2, 1, 0)
    assert ann["attempts"] == {"drill": 2, "other": 1}
    assert (ann["latest_score"], ann["best_score"], ann["pass_rate"]) == (80, 80, 0.5)
    assert ann["critical_errors"] == 1  # from the aborted session's action
    assert (ann["excessive"], ann["insufficient"], ann["actions"]) == (1, 0, 3)
    assert ann["assessment_accuracy"] == pytest.approx(1 / 3)
    assert ann["tactic_score"] == pytest.approx(0.5)
    assert ann["median_decision_s"] == 4.0  # 2,2,2,4,4,4,6,6,6
    assert ann["trend"] == pytest.approx(40.0) and ann["trend_label"] == "improving"
    assert (bob["sessions"], bob["complete"], bob["aborted"], bob["incomplete"]) == (2, 1, 0, 1)
    assert (bob["latest_score"], bob["best_score"], bob["pass_rate"]) == (90, 90, 1.0)
    assert bob["assessment_accuracy"] == 0.5 and bob["timeouts"] == 1
    assert bob["median_decision_s"] == 3.0  # 3,3,3,5
    assert bob["trend"] is None and bob["trend_label"] == "not enough repeats"


def test_hand_set_scenarios_and_lethal(hand_set: Path) -> None:
    _, report, _ = review_json(hand_set)
    drill, other = report["scenarios"]
    assert (drill["attempts"], drill["complete"], drill["incomplete"], drill["trainees"]) == (4, 3, 1, 2)
    assert drill["mean_score"] == pytest.approx(70.0) and drill["pass_rate"] == pytest.approx(2 / 3)
    assert drill["difficulty"] == 2 and other["difficulty"] == 5
    assert drill["timeouts_by_phase"] == {"assess": 0, "plan": 1, "act": 0}
    assert drill["common_wrong_assessment"]["chosen"] in ("assaultive", "passive_resistant")
    assert drill["common_unreasonable_option"] == {"situation": "s1", "option": "talk", "verdict": "insufficient",
                                                   "count": 1}
    assert (other["attempts"], other["aborted"], other["mean_score"], other["pass_rate"]) == (1, 1, None, None)
    overall = report["lethal_force"]["overall"]
    # signal: ann 2 hits, bob 1 miss; noise: ann 1 false alarm
    assert (overall["signal"], overall["hits"], overall["noise"], overall["false_alarms"]) == (3, 2, 1, 1)
    per = {r["trainee"]: r for r in report["lethal_force"]["per_trainee"]}
    assert per["bob"]["noise"] == 0 and per["bob"]["d_prime"] is None and per["bob"]["c"] is None
    h, f = 2.5 / 3, 1.5 / 2
    assert per["ann"]["d_prime"] == pytest.approx(z(h) - z(f))
    assert per["ann"]["c"] == pytest.approx(-(z(h) + z(f)) / 2)
    assert report["score_histogram"]["passed"][16] == 1 and report["score_histogram"]["passed"][18] == 1
    assert report["score_histogram"]["failed"][8] == 1


def test_filters(hand_set: Path) -> None:
    _, report, _ = review_json(hand_set, extra=["--trainee", "bob"])
    assert [t["trainee"] for t in report["trainees"]] == ["bob"] and report["totals"]["filtered_out"] == 3
    _, report, _ = review_json(hand_set, extra=["--scenario", "other"])
    assert report["totals"]["sessions"] == 1
    _, report, _ = review_json(hand_set, extra=["--since", "2026-01-01T10:03:00Z"])
    assert report["totals"]["sessions"] == 3
    _, report, _ = review_json(hand_set, extra=["--since", "2026-01-02"])
    assert report["totals"]["sessions"] == 0 and report["trainees"] == []


def test_sessions_and_timelines(hand_set: Path) -> None:
    _, report, _ = review_json(hand_set)
    sessions = report["sessions"]
    assert [s["trainee"] for s in sessions] == ["ann", "ann", "ann", "bob", "bob"]
    assert [s["status"] for s in sessions] == ["complete", "complete", "aborted", "complete", "incomplete"]
    assert sessions[2]["abort_reason"] == "quit"
    first = sessions[0]["timeline"]["situations"][0]
    assert (first["situation"], first["assessed"], first["verdict"], first["level"]) \
        == ("s1", "serious_bodily_harm_or_death", "reasonable", 5)
    assert [d["kind"] for d in sessions[4]["decisions"]] == ["assess", "timeout"]
