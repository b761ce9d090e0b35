"""Rubric default-2 (issue 10), rule by rule, on small scenarios played through the engine."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from simulator.domain import Verdict
from simulator.engine import FakeClock, Session, SessionSettings, debrief_from_records
from simulator.engine.scoring import DEFAULT_RUBRIC
from simulator.strings import Strings
from support.engine import ending, opt, records_of, sit, start, write_scenario


def play_one(tmp_path: Path, situation: dict[str, Any], option: str, assess: str | None = None,
             plan: list[str] | None = None, end: dict[str, Any] | None = None, **top: Any) -> Session:
    """One situation, one act, straight to an ending."""
    loaded = write_scenario(tmp_path, {"s": situation}, {"end": end or ending()}, **top)
    session, _ = start(loaded)
    if situation.get("assess", True):
        session.assess(assess or situation["subject"]["behaviour"])
    if situation.get("tactics"):
        session.plan(plan or [])
    session.act(option)
    session.proceed()
    return session


def ended(session: Session) -> dict[str, Any]:
    return records_of(session, "session_ended")[0]


def test_default_rubric_is_named_default_2(tmp_path: Path) -> None:
    session = play_one(tmp_path, sit("cooperative", [opt("talk", "communication", "end")]), "talk")
    assert records_of(session, "session_started")[0]["rubric"]["name"] == "default-2"
    assert DEFAULT_RUBRIC.critical_severity == 1


def test_one_level_of_excess_fails_a_session_that_averages_high(tmp_path: Path) -> None:
    # Nine perfect situations, then hard control on a passive subject: one level too much.
    situations = {f"s{i}": sit("passive_resistant", [opt("talk", "communication", f"s{i + 1}")]) for i in range(9)}
    situations["s9"] = sit("passive_resistant", [opt("knee", "physical_control_hard", "end")])
    session, _ = start(write_scenario(tmp_path, situations, {"end": ending()}))
    for _ in range(9):
        session.assess("passive_resistant")
        session.act("talk")
    session.assess("passive_resistant")
    session.act("knee")
    session.proceed()
    action = records_of(session, "action")[-1]
    assert (action["verdict"], action["severity"], action["critical"], action["reasons"]) \
        == ("excessive", 1, True, ["excess"])
    end = ended(session)
    assert end["score"] > 90 and end["passed"] is False
    assert end["critical_errors"] == [{"situation": "s9", "option": "knee", "reason": "excess"}]
    note = "\n".join(session.debrief.situations[-1].feedback)
    assert "s.26" in note and "s.25(3)" not in note  # excess in general is s.26; s.25(3) is for lethal force


def test_a_rubric_file_may_relax_the_excess_rule(tmp_path: Path) -> None:
    (tmp_path / "relaxed.yaml").write_text("name: relaxed\ncritical_severity: 2\n", encoding="utf-8")
    session = play_one(tmp_path, sit("passive_resistant", [opt("knee", "physical_control_hard", "end")]), "knee",
                       rubric="relaxed.yaml")
    assert records_of(session, "action")[0]["critical"] is False
    assert ended(session)["critical_errors"] == []


def test_author_critical_insufficient_option_fails(tmp_path: Path) -> None:
    walk_away = opt("leave", "officer_presence", "end", critical={"reason": "abandons_victim",
                                                                  "note": "She is still inside."})
    session = play_one(tmp_path, sit("assaultive", [walk_away, opt("control", "physical_control_soft", "end")]),
                       "leave")
    action = records_of(session, "action")[0]
    assert action["verdict"] == "insufficient" and action["critical"] is True
    assert action["reasons"] == ["abandons_victim"]
    assert ended(session)["passed"] is False
    notes = session.debrief.situations[0].feedback
    assert any("She is still inside." in n for n in notes) and any("preserving life" in n for n in notes)


def test_no_authority_plus_force_fails_and_cites_25_1(tmp_path: Path) -> None:
    arrest = opt("arrest", "physical_control_soft", "end", without_authority="arrest")
    session = play_one(tmp_path, sit("passive_resistant", [arrest, opt("talk", "communication", "end")]), "arrest")
    action = records_of(session, "action")[0]
    assert action["verdict"] == "reasonable" and action["critical"] is True and action["reasons"] == ["no_authority"]
    scored = records_of(session, "situation_scored")[0]
    assert scored["scores"]["act"] == 0.0 and scored["competencies"]["authority"] == 0.0
    assert any("s.25(1)" in n for n in session.debrief.situations[0].feedback)


def test_no_authority_without_force_is_a_decision_error_not_critical(tmp_path: Path) -> None:
    order = opt("order", "communication", "end", without_authority="detention")
    session = play_one(tmp_path, sit("cooperative", [order, opt("talk", "communication", "end")]), "order")
    action = records_of(session, "action")[0]
    assert action["critical"] is False and action["reasons"] == ["no_authority"]
    assert records_of(session, "situation_scored")[0]["scores"]["act"] == 0.0


def test_apprehension_without_grounds_cites_the_mental_health_act(tmp_path: Path) -> None:
    take = opt("take", "physical_control_soft", "end", without_authority="apprehension")
    session = play_one(tmp_path, sit("passive_resistant", [take]), "take")
    assert records_of(session, "action")[0]["reasons"] == ["mha_apprehension"]
    assert any("s.17" in n for n in session.debrief.situations[0].feedback)


def test_an_alternative_accepted_assessment_scores_1(tmp_path: Path) -> None:
    bottle = sit("assaultive", [opt("cew", "intermediate_weapons", "end")])
    bottle["subject"]["accepted"] = ["serious_bodily_harm_or_death"]
    session = play_one(tmp_path, bottle, "cew", assess="serious_bodily_harm_or_death")
    assessment = records_of(session, "assessment")[0]
    assert assessment["score"] == 1.0 and assessment["accepted"] == ["assaultive", "serious_bodily_harm_or_death"]
    notes = "\n".join(session.debrief.situations[0].feedback)
    assert "Assaultive" in notes  # the debrief names the other accepted reading


def test_contraindicated_communication_lowers_the_act(tmp_path: Path) -> None:
    calm = opt("explain", "communication", "end")
    threat = opt("threaten", "communication", "end", quality={"communication": "contraindicated"})
    scores = {}
    for option in ("explain", "threaten"):
        folder = tmp_path / option
        folder.mkdir()
        session = play_one(folder, sit("passive_resistant", [calm, threat]), option)
        scores[option] = records_of(session, "situation_scored")[0]
    assert scores["explain"]["scores"]["act"] == 1.0  # no option preferred: reasonable is 1.0
    assert scores["threaten"]["scores"]["act"] == 0.0
    assert scores["threaten"]["competencies"]["communication"] == 0.0
    assert scores["threaten"]["competencies"]["force"] == 1.0  # the level itself was in range


def test_poor_safety_caps_an_in_range_option(tmp_path: Path) -> None:
    close = opt("close-in", "communication", "end", quality={"safety": "poor"}, preferred=False)
    session = play_one(tmp_path, sit("passive_resistant", [close, opt("talk", "communication", "end", preferred=True)]),
                       "close-in")
    assert records_of(session, "situation_scored")[0]["scores"]["act"] == pytest.approx(0.3)


def test_an_options_own_tactics_count(tmp_path: Path) -> None:
    tactics = [{"id": "step-back", "label": "Step back", "consideration": "disengage", "rating": "recommended"},
               {"id": "close", "label": "Close in", "consideration": "reposition", "rating": "contraindicated"}]
    withdraw = opt("withdraw", "officer_presence", "end", tactics=["disengage"])
    situation = sit("serious_bodily_harm_or_death", [withdraw, opt("cew", "intermediate_weapons", "end")],
                    tactics=tactics)
    session = play_one(tmp_path, situation, "withdraw", plan=[])
    action = records_of(session, "action")[0]
    assert action["verdict"] == "reasonable"  # a tactical option, not "officer presence, insufficient"
    scored = records_of(session, "situation_scored")[0]
    assert scored["scores"]["plan"] == 1.0  # the plan step picked nothing, the option disengaged
    assert records_of(session, "plan")[0]["score"] == 0.0  # the plan record keeps the step's own score


def wait_scenario(tmp_path: Path, wait: bool) -> Session:
    calm = sit("passive_resistant", [opt("talk", "communication", "end")], time_limit_s=10, timeout="end",
               tactics=[{"id": "slow", "label": "Slow down", "consideration": "time", "rating": "recommended"}])
    if wait:
        calm["wait"] = {"effects": {"agitation": -1}}
    loaded = write_scenario(tmp_path, {"s": calm}, {"end": ending()}, variables={"agitation": 2})
    session, clock = start(loaded)
    session.shown()
    session.assess("passive_resistant")
    clock.advance(11)
    assert session.tick()
    return session


def test_a_wait_timeout_is_not_penalised(tmp_path: Path) -> None:
    session = wait_scenario(tmp_path, wait=True)
    assert records_of(session, "timeout")[0]["wait"] is True
    scored = records_of(session, "situation_scored")[0]
    assert scored["scores"] == {"assess": 1.0, "plan": 1.0, "act": 1.0, "time": 1.0, "total": 1.0}
    assert session.variables["agitation"] == 1  # the wait's effects apply
    assert any("deliberate" in n for n in session.debrief.situations[0].feedback)


def test_a_freeze_timeout_still_counts_zero(tmp_path: Path) -> None:
    (tmp_path / "f").mkdir()
    session = wait_scenario(tmp_path / "f", wait=False)
    scored = records_of(session, "situation_scored")[0]
    assert scored["scores"]["total"] == 0.0
    assert "wait" not in records_of(session, "timeout")[0]


def test_firearm_acts_draw_point_discharge(tmp_path: Path) -> None:
    draw = opt("draw", ["communication", "lethal_force"], "end", firearm="draw")
    fire = opt("fire", "lethal_force", "end")
    results = {}
    for option in ("draw", "fire"):
        folder = tmp_path / option
        folder.mkdir()
        results[option] = records_of(play_one(folder, sit("assaultive", [draw, fire]), option), "action")[0]
    assert (results["draw"]["verdict"], results["draw"]["firearm"], results["draw"]["reportable"]) \
        == ("reasonable", "draw", True)
    assert results["draw"]["level"] == 5  # the option's level is still level 5; it is judged as covering
    assert (results["fire"]["verdict"], results["fire"]["firearm"], results["fire"]["reasons"]) \
        == ("excessive", "discharge", ["lethal_excess"])


def test_a_draw_is_still_excessive_against_a_passive_subject(tmp_path: Path) -> None:
    draw = opt("draw", ["communication", "lethal_force"], "end", firearm="draw")
    action = records_of(play_one(tmp_path, sit("passive_resistant", [draw]), "draw"), "action")[0]
    assert action["verdict"] == Verdict.EXCESSIVE.value and action["critical"] is True


def test_an_injury_makes_physical_force_reportable(tmp_path: Path) -> None:
    control = opt("takedown", "physical_control_hard", "end")
    hurt = ending(injuries=["subject"], follow_up=[{"id": "f", "label": "Check on him", "action": "liaison",
                                                    "rating": "recommended"}])
    session = play_one(tmp_path, sit("active_resistant", [control]), "takedown", end=hurt)
    assert records_of(session, "action")[0]["reportable"] is False  # a takedown alone is not
    assert records_of(session, "ending_reached")[0]["reportable"] is True  # the injury makes it so
    assert session.debrief.reportable


def test_session_competencies_are_logged(tmp_path: Path) -> None:
    session = play_one(tmp_path, sit("passive_resistant", [opt("talk", "communication", "end")]), "talk")
    competencies = ended(session)["competencies"]
    assert list(competencies) == ["perception", "tactics", "force", "communication", "safety", "authority", "time",
                                  "community"]
    assert competencies["perception"] == 100.0 and competencies["tactics"] is None and competencies["community"] is None


ENGLISH_WORDS = re.compile(r"\b(the|you|your|was|with|this|is|Why|level|range|error)\b")


def test_french_debriefs_hold_no_english(tmp_path: Path) -> None:
    options = [opt("knee", "physical_control_hard", "end", rationale={"en": "Too much.", "fr": "Trop."}),
               opt("arrest", "physical_control_soft", "end", without_authority="arrest"),
               opt("walk", "officer_presence", "end",
                   critical={"reason": "abandons_victim",
                             "note": {"en": "Still inside.", "fr": "Encore à l'intérieur."}}),
               opt("threat", "communication", "end", quality={"communication": "contraindicated", "safety": "poor"}),
               opt("draw", ["communication", "lethal_force"], "end", firearm="draw")]
    for option in options:
        option["label"] = {"en": "An option", "fr": "Un choix"}
    situation = sit("passive_resistant", options, title={"en": "Door", "fr": "Porte"},
                    narrative={"en": "He sits.", "fr": "Il s'assoit."})
    situation["subject"]["accepted"] = ["active_resistant"]
    for choice in ("knee", "arrest", "walk", "threat", "draw"):
        folder = tmp_path / choice
        folder.mkdir()
        loaded = write_scenario(folder, {"s": situation}, {"end": ending(narrative={"en": "Over.", "fr": "Fini."})},
                                title={"en": "T", "fr": "T"})
        clock = FakeClock()
        session = Session.start(loaded, SessionSettings(trainee="t", seed=1, mode="headless", lang="fr"), clock=clock,
                                log=None)
        session.begin()
        session.assess("cooperative")
        session.act(choice)
        session.proceed()
        debrief = debrief_from_records(session.records, loaded, "fr")
        texts = [*debrief.situations[0].feedback, *(e["text"] for e in debrief.critical_errors)]
        assert texts
        for text in texts:
            assert not ENGLISH_WORDS.search(text), f"{choice}: English in a French debrief: {text}"
    # and every key the notes use exists in French
    assert set(Strings("en")._own) <= set(Strings("fr")._own)


def test_a_discharge_counts_for_signal_detection_and_a_draw_does_not(tmp_path: Path) -> None:
    from support.review import review_json

    logs = tmp_path / "logs"
    options = [opt("draw", ["communication", "lethal_force"], "end", firearm="draw"),
               opt("point", "lethal_force", "end", firearm="point"),
               opt("fire", "lethal_force", "end")]
    loaded = write_scenario(tmp_path, {"s": sit("assaultive", options)}, {"end": ending()})
    from simulator.engine import open_session_log

    for choice in ("draw", "point", "fire"):
        clock = FakeClock()
        settings = SessionSettings(trainee="t", seed=1, mode="headless")
        session = Session.start(loaded, settings, clock=clock, log=open_session_log(logs, settings, clock))
        session.begin()
        session.assess("assaultive")
        session.act(choice)
        session.proceed()
    _, report, _ = review_json(logs)
    overall = report["lethal_force"]["overall"]
    # Lethal force is not allowed against an assaultive subject: three noise trials, one false alarm (the shot).
    assert (overall["noise"], overall["false_alarms"], overall["signal"]) == (3, 1, 0)


def test_a_carried_tactic_counts_as_the_best_rated_of_its_kind(tmp_path: Path) -> None:
    tactics = [{"id": "slow", "label": "Slow down", "consideration": "time", "rating": "recommended"},
               {"id": "stall", "label": "Stand over him and wait", "consideration": "time",
                "rating": "contraindicated"}]
    wait = opt("wait", "communication", "end", tactics=["time"])
    session = play_one(tmp_path, sit("passive_resistant", [wait], tactics=tactics), "wait", plan=[])
    assert records_of(session, "situation_scored")[0]["scores"]["plan"] == 1.0  # credited with "slow" only


def test_the_authors_note_reaches_the_run_output(tmp_path: Path) -> None:
    from support.review import run_cli

    leave = opt("leave", "officer_presence", "end", critical={"reason": "abandons_victim",
                                                              "note": "She is still inside."})
    write_scenario(tmp_path, {"s": sit("assaultive", [leave])}, {"end": ending()})
    answers = tmp_path / "a.yaml"
    answers.write_text("- {situation: s, assess: assaultive, act: leave}\n", encoding="utf-8")
    code, out, _ = run_cli(["run", str(tmp_path / "s.yaml"), "--answers", str(answers), "--log-dir",
                            str(tmp_path / "logs")])
    assert code == 0 and "critical error: s/leave: abandons_victim: " in out
    assert "author's note: She is still inside." in out
