"""The trainee's window, driven headless through the real event loop by the Pilot.

Every test posts real pygame events (keys, text, mouse) and reads back the
session log the engine wrote. Screenshots of every screen go to
/work/main/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import json
import shutil
from pathlib import Path

import pygame
import pytest

from simulator.engine import FakeClock
from simulator.scenario import load_file
from simulator.ui.flow import PlayConfig
from simulator.ui.pilot import Pilot
from simulator.ui.run import play_app

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "tests" / "fixtures" / "contract_example.yaml"
SHOTS = ROOT / "screenshots"


def records(log_dir: Path) -> list[dict]:
    (path,) = sorted(log_dir.glob("*.jsonl"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def of_type(recs: list[dict], type_: str) -> list[dict]:
    return [r for r in recs if r["type"] == type_]


def make_pilot(tmp_path: Path, *, scenario: Path | None = CONTRACT, library: Path | None = None,
               trainee: str | None = None, lang: str = "en", size=(1280, 720), time_scale: float = 1.0):
    config = PlayConfig(library_dir=library, scenario=load_file(scenario) if scenario else None, trainee=trainee,
                        log_dir=tmp_path / "logs", lang=lang, seed=7, time_scale=time_scale)
    clock = FakeClock(1000.0)
    app = play_app(config, clock=clock, size=size)
    return Pilot(app), clock


@pytest.fixture(autouse=True)
def _quit_display():
    yield
    pygame.display.quit()


def shot(pilot: Pilot, name: str) -> None:
    pilot.screenshot(SHOTS / f"{name}.png")


def test_whole_scenario_by_keys(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path)
    assert pilot.screen == "signin"
    pilot.type("recruit-042")
    shot(pilot, "01-signin")
    pilot.press("enter")
    assert pilot.screen == "briefing"
    shot(pilot, "02-briefing")
    pilot.press("enter")
    assert pilot.screen == "situation"
    shot(pilot, "03-situation-assess")
    clock.advance(2.0)
    pilot.press("5")                      # serious bodily harm or death
    shot(pilot, "04-situation-plan")
    clock.advance(1.0)
    pilot.press("1")
    pilot.press("2")
    pilot.press("3")
    pilot.press("3")                      # toggled off again
    shot(pilot, "05-situation-plan-picked")
    clock.advance(0.5)
    pilot.press("enter")
    shot(pilot, "06-situation-act")
    clock.advance(1.5)
    pilot.press("1")                      # talk: agitation 3 -> 2 -> lowers-knife
    assert pilot.screen == "situation"
    shot(pilot, "07-situation-second")
    pilot.press("2")                      # passive resistant
    pilot.press("1")                      # talk-down -> resolved
    assert pilot.screen == "ending"
    shot(pilot, "08-ending")
    pilot.press("enter")
    assert pilot.screen == "follow_up"
    pilot.press("1")
    shot(pilot, "09-follow-up")
    pilot.press("enter")
    assert pilot.screen == "debrief"
    shot(pilot, "10-debrief")
    pilot.press("pagedown")
    shot(pilot, "10b-debrief-scrolled")
    pilot.press("2")
    shot(pilot, "11-debrief-second-situation")

    recs = records(tmp_path / "logs")
    assert [r["type"] for r in recs] == [
        "session_started", "situation_entered", "assessment", "plan", "action", "situation_scored",
        "situation_entered", "assessment", "action", "situation_scored", "ending_reached", "follow_up",
        "session_ended",
    ]
    start = recs[0]
    assert start["trainee"] == "recruit-042" and start["mode"] == "window" and start["seed"] == 7
    first_assess, second_assess = of_type(recs, "assessment")
    assert first_assess["chosen"] == "serious_bodily_harm_or_death" and first_assess["decision_s"] == 2.0
    assert second_assess["chosen"] == "passive_resistant"
    (plan,) = of_type(recs, "plan")
    assert plan["chosen"] == ["cover", "backup"] and plan["decision_s"] == 1.5
    first_action = of_type(recs, "action")[0]
    assert first_action["option"] == "talk" and first_action["verdict"] == "reasonable"
    assert first_action["decision_s"] == 1.5
    assert of_type(recs, "follow_up")[0]["chosen"] == ["refer"]
    assert recs[-1]["type"] == "session_ended"


def test_whole_scenario_by_mouse(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="mouse-user")
    assert pilot.screen == "briefing"
    pilot.click("Start (Enter)")
    clock.advance(3.0)
    pilot.click("Serious bodily harm or death")
    pilot.click("Step back into the stairwell doorway")
    pilot.click("Confirm plan (Enter)")
    clock.advance(0.25)
    pilot.click("Draw your pistol and give the police challenge")
    assert pilot.screen == "situation"     # he advances, 4 s limit
    shot(pilot, "12-situation-advances-mouse")
    pilot.click("Serious bodily harm or death")
    pilot.click("Deploy the CEW")
    pilot.click("Continue (Enter)")
    pilot.click("Refer him to the mobile crisis team")
    pilot.click("Confirm follow-up (Enter)")
    assert pilot.screen == "debrief"
    pilot.click("2. ")                     # the second situation in the timeline
    shot(pilot, "13-debrief-mouse")

    recs = records(tmp_path / "logs")
    assess = of_type(recs, "assessment")[0]
    assert assess["decision_s"] == 3.0 and assess["chosen"] == "serious_bodily_harm_or_death"
    assert of_type(recs, "plan")[0]["chosen"] == ["cover"]
    assert [r["chosen"] for r in of_type(recs, "assessment")] == ["serious_bodily_harm_or_death"] * 2
    options = [r["option"] for r in of_type(recs, "action")]
    assert options == ["challenge", "cew"]
    assert of_type(recs, "action")[0]["decision_s"] == 0.25
    assert of_type(recs, "action")[0]["reportable"] is True
    assert of_type(recs, "follow_up")[0]["chosen"] == ["refer"]
    assert recs[-1]["type"] == "session_ended"


def test_the_timer_runs_out_and_the_next_screen_says_so(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1")
    pilot.press("enter")
    pilot.advance(19.0)
    assert pilot.screen == "situation"
    shot(pilot, "14-situation-timer-low")
    pilot.advance(1.5)                    # past the 20 s window
    recs = records(tmp_path / "logs")
    assert of_type(recs, "timeout") == [{**of_type(recs, "timeout")[0], "situation": "arrival", "phase": "assess"}]
    assert of_type(recs, "situation_entered")[-1]["situation"] == "advances"
    shot(pilot, "15-situation-after-timeout")
    pilot.advance(5.0)                    # 4 s in 'advances' -> officer-cut
    assert pilot.screen == "ending"
    shot(pilot, "16-ending-unresolved")


def test_time_scale_gives_more_time(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1", time_scale=1.5)
    pilot.press("enter")
    pilot.advance(25.0)                   # inside 30 s
    assert not of_type(records(tmp_path / "logs"), "timeout")
    pilot.advance(5.5)
    assert of_type(records(tmp_path / "logs"), "timeout")


def test_escape_then_quit_logs_an_aborted_session(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1")
    pilot.press("enter")
    pilot.press("5")
    pilot.press("escape")
    assert pilot.screen == "pause"
    shot(pilot, "17-pause")
    pilot.press("escape")
    assert pilot.screen == "situation"    # resumed
    pilot.press("escape")
    pilot.press("q")
    recs = records(tmp_path / "logs")
    assert recs[-1]["type"] == "session_aborted" and recs[-1]["reason"] == "quit"
    assert of_type(recs, "assessment")[0]["chosen"] == "serious_bodily_harm_or_death"
    assert not pilot.app.running          # a single file: quitting ends the program


def test_closing_the_window_logs_window_closed(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1")
    pilot.press("enter")
    pilot.close_window()
    recs = records(tmp_path / "logs")
    assert recs[-1] == {**recs[-1], "type": "session_aborted", "reason": "window_closed"}
    assert not pilot.app.running


def test_a_crash_in_the_loop_logs_error_and_keeps_every_decision(tmp_path: Path, monkeypatch) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1")
    pilot.press("enter")
    pilot.press("4")
    from simulator.ui.screens.situation import SituationScreen

    def broken(self, surface, theme):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(SituationScreen, "draw", broken)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    with pytest.raises(RuntimeError, match="drawing failed"):
        pilot.app.run()
    recs = records(tmp_path / "logs")
    assert recs[-1]["type"] == "session_aborted" and recs[-1]["reason"] == "error"
    assert of_type(recs, "assessment")[0]["chosen"] == "assaultive"
    assert of_type(recs, "plan")[0]["chosen"] == []  # the key press reached the engine before the crash


def test_library_lists_a_broken_file_as_unavailable(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(CONTRACT, library / "a-good.yaml")
    (library / "b-broken.yaml").write_text("format: 1\nid: broken\ntitle: Broken\n", encoding="utf-8")
    pilot, clock = make_pilot(tmp_path, scenario=None, library=library, trainee="t1")
    assert pilot.screen == "library"
    assert "b-broken.yaml" in pilot.labels()
    shot(pilot, "18-library-with-broken-file")
    pilot.press("2")                      # unavailable: nothing happens
    assert pilot.screen == "library"
    pilot.press("down")
    pilot.press("up")
    pilot.press("enter")
    assert pilot.screen == "briefing"
    pilot.press("escape")
    pilot.press("2")                      # quit the session -> back to the library
    assert pilot.screen == "library"
    assert records(tmp_path / "logs")[-1]["reason"] == "quit"


def test_bundled_library_and_play_again_remember_the_trainee(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, scenario=None, library=ROOT / "scenarios")
    pilot.type("abc")
    pilot.press("backspace")
    pilot.type(" d")                      # spaces are dropped
    pilot.press("enter")
    assert pilot.screen == "library"
    shot(pilot, "19-library-bundled")
    assert pilot.app.flow.trainee == "abd"


def test_sign_in_refuses_a_bad_id(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path)
    pilot.type(".hidden")
    pilot.press("enter")
    assert pilot.screen == "signin"
    shot(pilot, "20-signin-invalid")


@pytest.mark.parametrize("size", [(1024, 640), (1920, 1080)])
def test_layout_at_the_smallest_and_largest_sizes(tmp_path: Path, size) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1", size=size)
    pilot.press("enter")
    pilot.press("5")
    shot(pilot, f"21-situation-{size[0]}x{size[1]}")
    pilot.press("tab")
    shot(pilot, f"22-situation-factors-{size[0]}x{size[1]}")
    pilot.press("tab")
    pilot.press("enter")
    pilot.press("3")                      # tackle: random branch
    while pilot.screen == "situation":
        pilot.press("1")
    while pilot.screen != "debrief":
        pilot.press("enter")
    shot(pilot, f"23-debrief-{size[0]}x{size[1]}")


def test_resize_text_size_contrast_and_full_screen(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1")
    pilot.press("enter")
    base = pilot.app.theme.base
    pilot.press("=", pygame.KMOD_CTRL)
    pilot.press("=", pygame.KMOD_CTRL)
    assert pilot.app.theme.base > base
    shot(pilot, "24-situation-larger-text")
    pilot.press("-", pygame.KMOD_CTRL)
    pilot.press("-", pygame.KMOD_CTRL)
    pilot.press("-", pygame.KMOD_CTRL)
    assert pilot.app.theme.base < base
    pilot.press("f2")
    assert pilot.app.theme.high_contrast
    shot(pilot, "25-situation-high-contrast-small-text")
    pilot.resize(1100, 700)
    assert pilot.app.window.get_size() == (1100, 700)
    assert pilot.app.theme.window_height == 700
    pilot.press("f11")
    assert pilot.app.fullscreen
    pilot.press("f11")
    assert not pilot.app.fullscreen
    assert of_type(records(tmp_path / "logs"), "situation_entered")  # the session went on regardless


def test_french_interface_and_scenario_text(tmp_path: Path) -> None:
    french = next(p for p in sorted((ROOT / "scenarios").glob("*.yaml"))
                  if "fr" in load_file(p).scenario.title.languages())
    pilot, clock = make_pilot(tmp_path, scenario=french, trainee="t1", lang="fr")
    shot(pilot, "26-briefing-fr")
    assert "Commencer (Entrée)" in pilot.labels()
    pilot.press("enter")
    shot(pilot, "27-situation-fr")
    assert pilot.app.flow.session.settings.lang == "fr"
    if pilot.app.flow.session.phase.value == "assess":
        assert "Comportement agressif" in pilot.labels()


def test_a_window_made_too_small_grows_back_to_the_minimum(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1")
    pilot.press("enter")
    pilot.resize(600, 400)
    assert pilot.app.window.get_size() == (1024, 640)
    assert pilot.screen == "situation"


@pytest.mark.parametrize("scenario", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_scenario_plays_to_its_debrief_at_the_smallest_size(tmp_path: Path, scenario: Path) -> None:
    pilot, clock = make_pilot(tmp_path, scenario=scenario, trainee="t1", size=(1024, 640))
    steps = 0
    while pilot.screen != "debrief" and steps < 60:
        if pilot.screen == "situation" and steps % 3 == 0:
            shot(pilot, f"40-{scenario.stem}-situation-{steps}")
        pilot.advance(1.0)
        pilot.press("1" if pilot.screen == "situation" and pilot.app.flow.session.phase.value != "plan" else "enter")
        steps += 1
    assert pilot.screen == "debrief"
    shot(pilot, f"41-{scenario.stem}-debrief")
    assert records(tmp_path / "logs")[-1]["type"] == "session_ended"


def test_pause_stops_the_decision_clock_and_hides_the_scene(tmp_path: Path) -> None:
    pilot, clock = make_pilot(tmp_path, trainee="t1")
    pilot.press("enter")                  # briefing -> arrival (20 s window)
    clock.advance(5.0)
    pilot.press("escape")
    assert pilot.screen == "pause"
    clock.advance(60.0)                   # far past the limit, but paused
    pilot.advance(0.0)
    assert pilot.screen == "pause"
    shot(pilot, "17b-pause-scene-hidden")
    pilot.press("escape")                 # resume
    assert pilot.screen == "situation"
    clock.advance(2.0)
    pilot.press("5")
    recs = records(tmp_path / "logs")
    assert not of_type(recs, "timeout")
    (paused,), (resumed,) = of_type(recs, "paused"), of_type(recs, "resumed")
    assert (paused["situation"], paused["phase"]) == ("arrival", "assess")
    assert resumed["paused_s"] == 60.0
    assert of_type(recs, "assessment")[0]["decision_s"] == 7.0   # 5 s before the pause + 2 s after


def test_a_critical_error_fails_the_session_and_leads_the_debrief(tmp_path: Path) -> None:
    scenario = ROOT / "scenarios" / "bar-refuses-to-leave.yaml"
    pilot, clock = make_pilot(tmp_path, scenario=scenario, trainee="t1")
    pilot.press("enter")                                  # briefing -> first situation
    clock.advance(1.5)
    pilot.press("5")                                      # misread him as a lethal threat
    clock.advance(1.0)
    pilot.press("enter")                                  # no tactics picked
    session = pilot.app.flow.session
    spray = next(c for c in session.choices() if c.id == "spray")
    clock.advance(1.0)
    pilot.press(str(spray.key))
    for _ in range(6):                                    # ending, follow-up: continue to the debrief
        if pilot.screen == "debrief":
            break
        pilot.press("enter")
    assert pilot.screen == "debrief"
    shot(pilot, "40-debrief-critical")
    ended = of_type(records(tmp_path / "logs"), "session_ended")[0]
    assert ended["passed"] is False
    assert [(e["situation"], e["option"]) for e in ended["critical_errors"]] == [("at-bar", "spray")]
    shown = pilot.app.top.panel.debrief  # what the debrief screen draws
    assert shown.critical_errors[0]["text"].startswith("Excessive force") and "s.26" in shown.critical_errors[0]["text"]
    assert shown.competencies["force"] == 0.0 and shown.competencies["time"] == 100.0


def test_debrief_timeline_scrolls_to_any_situation(tmp_path: Path) -> None:
    import yaml

    steps = 12
    situations = {
        f"s{i}": {"title": f"Step {i + 1}", "narrative": "He still refuses.", "assess": False,
                  "subject": {"behaviour": "passive_resistant"},
                  "options": [{"id": "talk", "label": "Keep talking", "force": ["communication"],
                               "next": f"s{i + 1}" if i + 1 < steps else "done"}]}
        for i in range(steps)
    }
    data = {"format": 1, "id": "long-talk", "title": "Long talk", "start": "s0", "situations": situations,
            "endings": {"done": {"narrative": "He leaves.", "result": "resolved"}}}
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    pilot, clock = make_pilot(tmp_path, scenario=path, trainee="t1")
    pilot.press("enter")
    for _ in range(steps):
        clock.advance(1.0)
        pilot.press("1")
    while pilot.screen != "debrief":
        pilot.press("enter")
    assert "12. Step 12" not in pilot.labels()
    for _ in range(steps - 1):
        pilot.press("down")
    assert "12. Step 12" in pilot.labels() and "1. Step 1" not in pilot.labels()
    shot(pilot, "41-debrief-long-timeline")


def test_library_groups_by_call_type_and_shows_what_the_trainee_passed(tmp_path: Path) -> None:
    from support.review import run_cli

    logs = tmp_path / "logs"
    for policy in ("best", "worst"):  # one pass and one fail of the same scenario
        code, _, _ = run_cli(["run", str(ROOT / "scenarios" / "phone-not-gun.yaml"), "--policy", policy,
                              "--trainee", "rec-7", "--log-dir", str(logs)])
        assert code == 0
    code, _, _ = run_cli(["run", str(ROOT / "scenarios" / "crowd-park-party.yaml"), "--policy", "worst",
                          "--trainee", "rec-7", "--log-dir", str(logs)])
    run_cli(["run", str(ROOT / "scenarios" / "domestic-disturbance.yaml"), "--policy", "best",
             "--trainee", "someone-else", "--log-dir", str(logs)])
    pilot, _ = make_pilot(tmp_path, scenario=None, library=ROOT / "scenarios", trainee="rec-7")
    assert pilot.screen == "library"
    screen = pilot.app.top
    progress = screen.progress
    assert progress["phone-not-gun"].passed and progress["phone-not-gun"].attempts == 2
    assert progress["phone-not-gun"].best == 100.0
    assert not progress["crowd-park-party"].passed
    assert "domestic-disturbance" not in progress  # another trainee's session
    from simulator.ui.library import call_type

    order = [(call_type(e, screen.named_calls), e.loaded.scenario.difficulty) for e in screen.entries if e.available]
    assert order == sorted(order) and len(order) == len(list((ROOT / "scenarios").glob("*.yaml")))
    shot(pilot, "19b-library-progress")
    assert screen._status("phone-not-gun", pilot.app.theme)[0].startswith("Passed")
    assert screen._status("crowd-park-party", pilot.app.theme)[0].startswith("Not passed yet")
    assert screen._status("traffic-stop-night", pilot.app.theme)[0] == "Not tried yet"
