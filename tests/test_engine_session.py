"""The session engine on hand-made scenarios: exact scores, timeouts, seeds, variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine import FakeClock, Phase, Session, SessionSettings, SessionStopped, debrief_from_records
from simulator.logbook.writer import LogWriteError
from support.engine import chain, ending, lines, opt, records_of, sit, start, write_scenario


def _play_clean(session: Session, clock: FakeClock, option: str = "talk") -> None:
    while session.phase in (Phase.ASSESS, Phase.PLAN, Phase.ACT):
        situation = session.situation
        assert situation is not None
        clock.advance(1)
        if session.phase is Phase.ASSESS:
            session.assess(situation.subject.behaviour)
        elif session.phase is Phase.PLAN:
            session.plan([t.id for t in situation.tactics if t.rating == "recommended"])
        else:
            session.act(option)
    if session.phase is Phase.ENDING:
        session.proceed()


def test_clean_scenario_scores_100(tmp_path: Path) -> None:
    tactic = {"id": "cover", "label": "Cover", "consideration": "cover", "rating": "recommended"}
    situations = chain(3)
    situations["s1"]["tactics"] = [tactic]
    session, clock = start(write_scenario(tmp_path, situations, {"end": ending()}))
    _play_clean(session, clock)
    assert session.phase is Phase.DEBRIEF
    ended = lines(session)[-1]
    assert ended["type"] == "session_ended"
    assert (ended["score"], ended["passed"], ended["situations"], ended["community"]) == (100.0, True, 3, None)
    assert [r["type"] for r in lines(session)[:6]] == [
        "session_started", "situation_entered", "assessment", "action", "situation_scored", "situation_entered"]


def test_excessive_lethal_is_critical_and_fails_a_95_point_session(tmp_path: Path) -> None:
    situations = chain(7, "assaultive", opt("control", "physical_control_soft", None))
    for i in range(7):
        situations[f"s{i}"]["options"][0]["next"] = f"s{i + 1}" if i < 6 else "shoot"
    situations["shoot"] = sit("assaultive", [opt("fire", "lethal_force", "end")])
    session, clock = start(write_scenario(tmp_path, situations, {"end": ending()}))
    for _ in range(7):
        session.assess("assaultive")
        session.act("control")
    assert session.situation_id == "shoot"
    session.assess("assaultive")
    session.act("fire")
    action = records_of(session, "action")[-1]
    assert (action["verdict"], action["severity"], action["critical"], action["reportable"]) \
        == ("excessive", 1, True, True)
    scores = records_of(session, "situation_scored")[-1]["scores"]
    assert scores == {"assess": 1.0, "plan": None, "act": 0.3, "time": 1.0, "total": pytest.approx(0.60625)}
    session.proceed()
    ended = lines(session)[-1]
    assert ended["score"] == 95.1  # (7 x 1.0 + 0.60625) / 8
    assert ended["passed"] is False
    assert ended["critical_errors"] == [{"situation": "shoot", "option": "fire", "reason": "lethal_excess"}]


def test_timeout_scores_zero_and_takes_timeout_target(tmp_path: Path) -> None:
    situations = {
        "a": sit("active_resistant", [opt("talk", "communication", "end")], time_limit_s=10, timeout="b",
                 tactics=[{"id": "t", "label": "T", "consideration": "time", "rating": "recommended"}]),
        "b": sit("active_resistant", [opt("talk", "communication", "end")]),
    }
    session, clock = start(write_scenario(tmp_path, situations, {"end": ending()}), time_scale=1.5)
    assert session.time_limit() == 15.0
    clock.advance(5)
    session.assess("active_resistant")
    clock.advance(10)
    assert not session.tick()  # 15.0 s exactly is still within the limit
    clock.advance(0.5)
    assert session.tick()
    timeout = records_of(session, "timeout")[0]
    assert (timeout["situation"], timeout["phase"]) == ("a", "plan")
    assert records_of(session, "situation_scored")[0]["scores"] == {"assess": 0.0, "plan": 0.0, "act": 0.0, "time": 0.0,
                                                                    "total": 0.0}
    assert session.situation_id == "b" and session.phase is Phase.ASSESS
    report = session.debrief.situations[0]
    assert report.timed_out and report.timeout_phase == "plan" and "Time ran out" in report.feedback[0]


def test_late_input_takes_the_timeout(tmp_path: Path) -> None:
    situations = {"a": sit("cooperative", [opt("talk", "communication", "end")], assess=False, time_limit_s=4,
                           timeout="end")}
    session, clock = start(write_scenario(tmp_path, situations, {"end": ending("unresolved")}))
    session.act("talk", at=clock.now() + 5)
    assert records_of(session, "action") == [] and records_of(session, "timeout")[0]["phase"] == "act"
    assert session.phase is Phase.ENDING


def _random_scenario(tmp_path: Path):
    situations = {"a": sit("passive_resistant", [opt("talk", "communication", {"random": [
        {"weight": 1, "goto": "b"}, {"weight": 1, "goto": "c"}, {"weight": 2, "goto": "end"}]})])}
    # b and c end the session: validation refuses loops (a session visits at most 500 situations)
    situations["b"] = sit("passive_resistant", [opt("talk", "communication", "end")])
    situations["c"] = sit("passive_resistant", [opt("talk", "communication", "end")])
    return write_scenario(tmp_path, situations, {"end": ending()})


def _path(loaded, seed: int) -> list[str]:
    session, clock = start(loaded, seed=seed)
    _play_clean(session, clock)
    return [r["situation"] for r in records_of(session, "situation_entered")]


def test_random_branches_reproducible_by_seed(tmp_path: Path) -> None:
    loaded = _random_scenario(tmp_path)
    paths = {seed: _path(loaded, seed) for seed in range(12)}
    assert all(_path(loaded, seed) == paths[seed] for seed in range(12))
    assert len({tuple(p) for p in paths.values()}) > 1  # the seed matters


def test_variables_steer_next(tmp_path: Path) -> None:
    situations = {
        "a": sit("passive_resistant", [
            opt("calm", "communication", "b", effects={"agitation": -1}),
            opt("push", "physical_control_soft", "b", effects={"agitation": 2})]),
        "b": sit("passive_resistant", [opt("talk", "communication", [
            {"if": {"agitation": {"at_most": 1}}, "goto": "calm-end"}, {"goto": "bad-end"}])]),
    }
    loaded = write_scenario(tmp_path, situations, {"calm-end": ending(), "bad-end": ending("unresolved")},
                            variables={"agitation": 2})
    for first, expected in (("calm", "calm-end"), ("push", "bad-end")):
        session, clock = start(loaded)
        session.assess("passive_resistant")
        session.act(first)
        session.assess("passive_resistant")
        session.act("talk")
        assert session.ending_id == expected


def test_wrong_phase_and_unknown_ids_raise(tmp_path: Path) -> None:
    session, _ = start(write_scenario(tmp_path, chain(1), {"end": ending()}))
    with pytest.raises(ValueError):
        session.act("talk")
    with pytest.raises(ValueError):
        session.assess("angry")
    session.assess("passive_resistant")
    with pytest.raises(ValueError):
        session.act("nope")


def test_decision_time_counts_from_shown(tmp_path: Path) -> None:
    session, clock = start(write_scenario(tmp_path, chain(1), {"end": ending()}))
    clock.advance(2)
    session.shown()
    clock.advance(1.25)
    session.assess("passive_resistant")
    assert records_of(session, "assessment")[0]["decision_s"] == 1.25


def test_perception_and_decision_errors_in_feedback(tmp_path: Path) -> None:
    situations = {"a": sit("passive_resistant", [opt("spray", "intermediate_weapons", "b")]),
                  "b": sit("passive_resistant", [opt("strike", "physical_control_hard", "end")])}
    session, _ = start(write_scenario(tmp_path, situations, {"end": ending()}))
    session.assess("assaultive")  # misread; spray fits assaultive
    session.act("spray")
    session.assess("passive_resistant")  # read right, acted wrong
    session.act("strike")
    notes = [" ".join(s.feedback) for s in session.debrief.situations]
    assert "Perception error" in notes[0] and "O. Reg. 391/23" in notes[0]
    assert "Decision error" in notes[1]


def test_follow_up_scores_community(tmp_path: Path) -> None:
    follow = [{"id": "refer", "label": "Refer", "action": "early_intervention", "rating": "recommended"},
              {"id": "none", "label": "None", "action": "enforcement", "rating": "contraindicated"}]
    session, clock = start(write_scenario(tmp_path, chain(1), {"end": ending(follow_up=follow)}))
    _play_clean(session, clock)
    assert session.phase is Phase.FOLLOW_UP and [c.key for c in session.choices()] == [1, 2]
    session.follow_up(["refer", "none"])
    assert records_of(session, "follow_up")[0]["score"] == 0.0
    assert lines(session)[-1]["community"] == 0.0


def test_log_write_error_stops_the_session(tmp_path: Path) -> None:
    class BrokenLog:
        path = tmp_path / "x.jsonl"

        def __init__(self) -> None:
            self.n = 0

        def write(self, type_: str, **fields):
            self.n += 1
            if self.n > 2:
                raise LogWriteError("x.jsonl: disk full")
            return {"type": type_, **fields}

    loaded = write_scenario(tmp_path, chain(2), {"end": ending()})
    session = Session.start(loaded, SessionSettings(trainee="t", seed=1), clock=FakeClock(), log=BrokenLog())  # type: ignore[arg-type]
    session.begin()
    with pytest.raises(SessionStopped):
        session.assess("passive_resistant")
    assert session.phase is Phase.ABORTED


def test_debrief_from_records_matches_live(tmp_path: Path) -> None:
    loaded = _random_scenario(tmp_path)
    session, clock = start(loaded, seed=5)
    _play_clean(session, clock)
    rebuilt = debrief_from_records(session.records, loaded)
    assert rebuilt == session.debrief
    ids_only = debrief_from_records(session.records, None)
    assert ids_only.score == rebuilt.score and ids_only.situations[0].narrative == ""


def test_pause_freezes_the_window_and_is_logged(tmp_path) -> None:
    loaded = write_scenario(
        tmp_path,
        {"a": sit("passive_resistant", [opt("talk", "communication", "end")], time_limit_s=10, timeout="late")},
        {"end": ending(), "late": ending("unresolved")},
    )
    session, clock = start(loaded)
    clock.advance(4)
    session.pause()
    assert session.paused and session.time_left() == 6.0
    clock.advance(100)
    assert session.time_left() == 6.0 and not session.tick()
    with pytest.raises(ValueError, match="paused"):
        session.assess("passive_resistant")
    session.resume()
    assert not session.paused and session.time_left() == 6.0
    clock.advance(1)
    session.assess("passive_resistant")
    assert records_of(session, "assessment")[0]["decision_s"] == 5.0
    assert records_of(session, "resumed")[0]["paused_s"] == 100.0
    clock.advance(5.5)
    assert session.tick()      # 4 + 1 + 5.5 = 10.5 s of decision time: over the limit


def test_inputs_say_what_happened(tmp_path: Path) -> None:
    """The window reads outcomes, never the log: entered, acted, timed out, ended."""
    situations = {"a": sit("passive_resistant", [opt("talk", "communication", "b")]),
                  "b": sit("passive_resistant", [opt("talk", "communication", "end")], time_limit_s=5, timeout="end")}
    session, clock = start(write_scenario(tmp_path, situations, {"end": ending()}))
    assert session.last_situation_id == "a"
    outcome = session.assess("passive_resistant")
    assert not outcome and not outcome.new_visit and outcome.action is None
    outcome = session.act("talk")
    assert outcome.action is not None and outcome.action.option == "talk"
    assert outcome.entered == "b" and outcome.new_visit and not outcome.timed_out
    session.shown()
    clock.advance(6)
    outcome = session.assess("passive_resistant")  # too late: the timeout is taken instead
    assert outcome.timed_out and outcome.ending == "end" and outcome.action is None
    assert session.last_situation_id == "b" and session.situation_id is None
    assert session.proceed().finished
