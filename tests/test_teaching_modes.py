"""Issue 13: the two feedback modes and the teaching fields, driven through the
real window by the Pilot and read back from the session log; --lang refusal."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import json
from pathlib import Path

import pygame
import pytest

from simulator.cli import main
from simulator.engine import FakeClock
from simulator.scenario import load_file
from simulator.ui.flow import PlayConfig
from simulator.ui.pilot import Pilot
from simulator.ui.run import play_app

ROOT = Path(__file__).resolve().parent.parent
TEACHING = ROOT / "tests" / "fixtures" / "teaching" / "bus-shelter-refusal.yaml"
CONTRACT = ROOT / "tests" / "fixtures" / "contract_example.yaml"


@pytest.fixture(autouse=True)
def _quit_display():
    yield
    pygame.display.quit()


def pilot_for(tmp_path: Path, scenario: Path | None = TEACHING, *, feedback: str | None = None, lang: str = "en",
              library: Path | None = None) -> tuple[Pilot, FakeClock]:
    config = PlayConfig(library_dir=library, scenario=load_file(scenario) if scenario else None, trainee="t1",
                        log_dir=tmp_path / "logs", lang=lang, seed=7, feedback=feedback)
    clock = FakeClock(1000.0)
    return Pilot(play_app(config, clock=clock)), clock


def records(tmp_path: Path) -> list[dict]:
    (path,) = sorted((tmp_path / "logs").glob("*.jsonl"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def of_type(recs: list[dict], type_: str) -> list[dict]:
    return [r for r in recs if r["type"] == type_]


def drawn_text(pilot: Pilot) -> str:
    """Every string the current screen draws, in drawing order (wrapped lines joined by spaces),
    gathered by spying on the one text-rendering function every widget uses."""
    import sys

    from simulator.ui.widgets import text as text_module

    original = text_module.render
    seen: list[str] = []

    def spy(text, font, colour):
        seen.append(text)
        return original(text, font, colour)

    users = [m for m in list(sys.modules.values())
             if getattr(m, "__name__", "").startswith("simulator.ui") and getattr(m, "render", None) is original]
    for module in users:
        module.render = spy
    try:
        pilot.app._draw()
    finally:
        for module in users:
            module.render = original
    return " ".join(seen)


# --- immediate feedback --------------------------------------------------------------------


def test_immediate_feedback_shows_verdict_consequence_reflection_and_is_logged(tmp_path: Path) -> None:
    pilot, _ = pilot_for(tmp_path, feedback="immediate")
    pilot.press("enter")           # briefing -> first situation
    pilot.press("2")               # assess: passive resistant
    pilot.press("1")               # act: ask about his night
    assert pilot.screen == "feedback"
    shown = drawn_text(pilot)
    assert "Reasonable" in shown
    assert "He looks up, surprised." in shown                       # consequence
    assert "What did asking about his night" in shown                # reflection question
    assert "Think about it" in shown
    assert "Continue (Enter)" in pilot.labels()
    pilot.press("enter")
    assert pilot.screen == "situation"
    started = records(tmp_path)[0]
    assert started["type"] == "session_started" and started["feedback"] == "immediate"


def test_decision_clock_is_stopped_while_feedback_is_read(tmp_path: Path) -> None:
    pilot, clock = pilot_for(tmp_path, CONTRACT, feedback="immediate")
    pilot.press("enter")
    pilot.press("5")               # assess: serious bodily harm or death
    pilot.press("enter")           # plan: nothing
    pilot.press("2")               # act: challenge -> 'advances' (4 s limit)
    assert pilot.screen == "feedback"
    pilot.advance(60)              # a long read, far past the next 4 s window
    assert pilot.screen == "feedback"
    pilot.press("enter")
    assert pilot.screen == "situation"
    session = pilot.app.flow.session
    assert session.situation_id == "advances"
    assert session.time_left() == pytest.approx(4.0)       # the window opens when the choices are shown
    pilot.advance(2)
    assert session.time_left() == pytest.approx(2.0)
    recs = records(tmp_path)
    assert not of_type(recs, "timeout")


def test_debrief_mode_goes_straight_on_and_is_the_default(tmp_path: Path) -> None:
    pilot, _ = pilot_for(tmp_path)
    pilot.press("enter")
    pilot.press("2")
    pilot.press("1")
    assert pilot.screen == "situation"          # no feedback screen between acts
    assert records(tmp_path)[0]["feedback"] == "debrief"


def test_library_lets_the_instructor_pick_the_mode(tmp_path: Path) -> None:
    library = TEACHING.parent
    pilot, _ = pilot_for(tmp_path, None, library=library)
    assert pilot.screen == "library"
    label = next(text for text in pilot.labels() if text.startswith("Feedback:"))
    assert "at the debrief" in label
    pilot.press("f")
    label = next(text for text in pilot.labels() if text.startswith("Feedback:"))
    assert "after every decision" in label
    pilot.press("1")               # open the only scenario
    assert pilot.screen == "briefing"
    assert records(tmp_path)[0]["feedback"] == "immediate"


def test_run_records_the_feedback_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(TEACHING), "--policy", "best", "--seed", "1", "--feedback", "immediate",
                 "--log-dir", str(tmp_path / "logs")]) == 0
    assert records(tmp_path)[0]["feedback"] == "immediate"


# --- teaching fields in both languages ----------------------------------------------------------

WORDS = {
    "en": {"introduction": "This scenario is about passive resistance", "speaker": "Supervisor",
           "speech": "He's been here since midnight", "bystander": "Supervisor", "lesson": "Ask about the person",
           "consequence": "He looks up, surprised", "reflection": "What did asking about his night"},
    "fr": {"introduction": "Ce scénario porte sur la résistance passive", "speaker": "Superviseur",
           "speech": "Il est là depuis minuit", "bystander": "Superviseur", "lesson": "Intéressez-vous à la personne",
           "consequence": "Il lève les yeux, surpris", "reflection": "Qu'est-ce que votre question"},
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_teaching_fields_are_shown_in_the_session_language(tmp_path: Path, lang: str) -> None:
    words = WORDS[lang]
    pilot, _ = pilot_for(tmp_path, feedback="immediate", lang=lang)
    assert words["introduction"] in drawn_text(pilot)                     # briefing
    pilot.press("enter")
    situation = drawn_text(pilot)
    assert words["speaker"] in situation and words["speech"] in situation   # dialogue
    assert words["bystander"] in situation                                 # labelled bystander on the map
    pilot.press("2")
    pilot.press("1")
    coach = drawn_text(pilot)
    assert words["consequence"] in coach and words["reflection"] in coach
    pilot.press("enter")           # -> talks (no assess)
    pilot.press("1")               # call the shelter line
    pilot.press("enter")           # feedback -> ending
    pilot.press("enter")           # ending -> debrief
    assert pilot.screen == "debrief"
    assert words["lesson"] in drawn_text(pilot)


# --- languages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["play", "run"])
def test_lang_without_a_catalogue_is_refused_in_one_line(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [command, str(TEACHING), "--lang", "de"] + (["--policy", "best"] if command == "run" else [])
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "--lang de" in err and "en, fr" in err


def test_playable_languages_come_from_the_catalogue_files() -> None:
    from importlib import resources

    from simulator.strings import LANGUAGES

    files = {p.name.removesuffix(".yaml") for p in resources.files("simulator.strings").iterdir()
             if p.name.endswith(".yaml")}
    assert set(LANGUAGES) == files and LANGUAGES[0] == "en"
