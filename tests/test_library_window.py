"""Every bundled scenario, played once in the real window along its preferred path.

Driven headless through the Pilot (real pygame key events into the real loop),
in English and, where a scenario is translated, in French. The test checks that
the window reaches the debrief with a passing session. Each run's debrief goes
to screenshots/library/ (git-ignored) for a person to look at; with
UOFSIM_SCREENSHOTS=all, every screen of every run does (some 1,400 PNGs: encoding
them took most of this module's time, so they are not written by default).
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path

import pygame
import pytest

from simulator.domain.model import Behaviour, Rating
from simulator.engine import FakeClock
from simulator.scenario import Scenario, load_file
from simulator.ui.flow import PlayConfig
from simulator.ui.pilot import Pilot
from simulator.ui.run import play_app

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
SHOTS = ROOT / "screenshots" / "library"
MAX_SCREENS = 80  # far more than any bundled scenario needs; stops a stuck loop
EVERY_SCREEN = os.environ.get("UOFSIM_SCREENSHOTS") == "all"


def runs() -> list[tuple[Path, str]]:
    """(file, language) pairs: English for all, French where the title is translated."""
    pairs = []
    for path in FILES:
        pairs.append((path, "en"))
        if "fr" in load_file(path).scenario.title.languages():
            pairs.append((path, "fr"))
    return pairs


@pytest.fixture(autouse=True)
def _quit_display():
    yield
    pygame.display.quit()


def answer_situation(pilot: Pilot, scenario: Scenario, situation_id: str, phase: str) -> None:
    """Press the keys a well-trained officer would: right category, recommended tactics, preferred option."""
    situation = scenario.situations[situation_id]
    if phase == "assess":
        pilot.press(str(Behaviour(situation.subject.behaviour).rank + 1))
    elif phase == "plan":
        for number, tactic in enumerate(situation.tactics, start=1):
            if tactic.rating == Rating.RECOMMENDED:
                pilot.press(str(number))
        pilot.press("enter")
    elif phase == "act":
        number = next(n for n, o in enumerate(situation.options, start=1) if o.preferred)
        pilot.press(str(number))
    else:
        pilot.press("enter")


@pytest.mark.parametrize(("path", "lang"), runs(), ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_preferred_path_plays_to_a_pass_in_the_window(path: Path, lang: str, tmp_path: Path) -> None:
    loaded = load_file(path)
    config = PlayConfig(library_dir=None, scenario=loaded, trainee="library-check", log_dir=tmp_path / "logs",
                        lang=lang, seed=11)
    app = play_app(config, clock=FakeClock(1000.0), size=(1280, 720))
    pilot = Pilot(app)
    flow = app.flow  # type: ignore[attr-defined]
    shots = SHOTS / f"{loaded.scenario.id}-{lang}"
    visited: list[str] = []
    for step in range(MAX_SCREENS):
        session = flow.session
        phase = session.phase.value if session is not None else pilot.screen
        where = session.situation_id if session is not None and session.situation_id else pilot.screen
        if EVERY_SCREEN or pilot.screen == "debrief":
            pilot.screenshot(shots / f"{step:02d}-{where}-{phase}.png")
        if pilot.screen == "debrief":
            break
        if pilot.screen == "situation":
            visited.append(where)
            answer_situation(pilot, loaded.scenario, where, phase)
        elif pilot.screen == "follow_up":
            ending = loaded.scenario.endings[session.ending_id]
            for number, choice in enumerate(ending.follow_up, start=1):
                if choice.rating == Rating.RECOMMENDED:
                    pilot.press(str(number))
            pilot.press("enter")
        else:
            pilot.press("enter")
    assert pilot.screen == "debrief", f"stuck on {pilot.screen} after {visited}"
    debrief = flow.session.debrief
    assert debrief.passed and debrief.score == 100.0, (debrief.score, visited)
    assert visited, "no situation was shown"
