"""Issue 13: the author's live preview (`play FILE --from SITUATION --watch`),
driven by the Pilot: edit the file and see the change, break it and see the
error, fix it and play on, all in one window."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import json
import shutil
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


@pytest.fixture(autouse=True)
def _quit_display():
    yield
    pygame.display.quit()


def save(path: Path, text: str) -> None:
    """Write like an editor, and make sure the modification time moves on even on coarse clocks."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def test_live_preview_edit_break_fix_play_on(tmp_path: Path) -> None:
    path = tmp_path / TEACHING.name
    shutil.copy(TEACHING, path)
    config = PlayConfig(library_dir=None, scenario=load_file(path), trainee="author", log_dir=tmp_path / "logs",
                        seed=3, start_at="talks", watch=True)
    pilot = Pilot(play_app(config, clock=FakeClock(1000.0)))
    flow = pilot.app.flow
    # --from opens at the situation, skipping the briefing.
    assert pilot.screen == "situation" and flow.session.situation_id == "talks"
    first = flow.session

    # Edit: the new narrative is on screen, at the same situation.
    text = path.read_text(encoding="utf-8")
    save(path, text.replace("He tells you the shelter on Queen St closed early.",
                            "He says the Queen St shelter is full."))
    pilot.pump()
    assert pilot.screen == "situation"
    assert flow.session is not first and flow.session.situation_id == "talks"
    assert "He says the Queen St shelter is full." in flow.session.text(flow.session.situation.narrative)
    assert flow.watcher.reloads == 1

    # Break: the errors are on screen, with file:line:col.
    broken = text.replace("    subject:\n      behaviour: cooperative", "    subject:\n      behaviour: cooperatve")
    save(path, broken)
    pilot.pump()
    assert pilot.screen == "preview_errors"
    (problem,) = flow.watcher.problems
    assert f"{path.name}:" in problem and "'cooperatve' is not a known behaviour" in problem

    # Fix: back at the same situation, and the trainee's keys play on to the end.
    save(path, text)
    pilot.pump()
    assert pilot.screen == "situation" and flow.session.situation_id == "talks"
    pilot.press("1")               # call the shelter line
    assert pilot.screen == "ending"
    pilot.press("enter")
    assert pilot.screen == "debrief"

    # Every replaced session is logged as such; the last one completes.
    logs = sorted((tmp_path / "logs").glob("*.jsonl"))
    ends = [json.loads(p.read_text().splitlines()[-1]) for p in logs]
    assert [e["type"] for e in ends].count("session_aborted") == 2
    assert all(e["reason"] == "reloaded" for e in ends if e["type"] == "session_aborted")
    assert sum(e["type"] == "session_ended" for e in ends) == 1


def test_removed_situation_restarts_at_the_start_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / TEACHING.name
    shutil.copy(TEACHING, path)
    config = PlayConfig(library_dir=None, scenario=load_file(path), trainee="author", log_dir=tmp_path / "logs",
                        seed=3, start_at="talks", watch=True)
    pilot = Pilot(play_app(config, clock=FakeClock(1000.0)))
    text = path.read_text(encoding="utf-8").replace("  talks:\n", "  chat:\n").replace("next: talks", "next: chat")
    save(path, text)
    pilot.pump()
    flow = pilot.app.flow
    assert pilot.screen == "situation" and flow.session.situation_id == "shelter"
    assert "'talks' no longer exists" in pilot.app.screen.notice


def test_from_needs_a_known_situation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", str(TEACHING), "--from", "tlaks"]) == 1
    err = capsys.readouterr().err
    assert "--from tlaks: no such situation (did you mean 'talks'?" in err and len(err.strip().splitlines()) == 1
    assert main(["play", str(TEACHING.parent), "--watch"]) == 2


def test_preview_opens_on_a_broken_file_and_starts_once_fixed(tmp_path: Path) -> None:
    path = tmp_path / TEACHING.name
    good = TEACHING.read_text(encoding="utf-8")
    path.write_text(good.replace("\t", "").replace("    title: {en: The shelter", "\ttitle: {en: The shelter"),
                    encoding="utf-8")
    from simulator.scenario import ScenarioError

    with pytest.raises(ScenarioError) as caught:
        load_file(path)
    problems = [str(p) for p in caught.value.problems]
    config = PlayConfig(library_dir=None, scenario=None, trainee="author", log_dir=tmp_path / "logs", seed=3,
                        start_at="talks", watch=True, watch_path=path, watch_problems=problems)
    pilot = Pilot(play_app(config, clock=FakeClock(1000.0)))
    assert pilot.screen == "preview_errors"
    assert "tabs cannot indent YAML; use spaces" in pilot.app.flow.watcher.problems[0]
    save(path, good)
    pilot.pump()
    assert pilot.screen == "situation" and pilot.app.flow.session.situation_id == "talks"
