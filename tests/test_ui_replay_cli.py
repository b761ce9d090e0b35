"""Replay in the window, the `play`/`replay` command lines, and the string catalogue."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from simulator.cli import main
from simulator.engine import FakeClock
from simulator.scenario import load_file
from simulator.strings import Strings, keys
from simulator.ui.flow import PlayConfig
from simulator.ui.pilot import Pilot
from simulator.ui.run import ReplayError, load_replay, play_app, replay_app

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "tests" / "fixtures" / "contract_example.yaml"
SHOTS = ROOT / "screenshots"


@pytest.fixture(autouse=True)
def _quit_display():
    yield
    pygame.display.quit()


def play_session(tmp_path: Path, scenario: Path = CONTRACT) -> Path:
    """A real session played through the window; returns its log."""
    config = PlayConfig(library_dir=None, scenario=load_file(scenario), trainee="r1", log_dir=tmp_path / "logs", seed=3)
    clock = FakeClock()
    pilot = Pilot(play_app(config, clock=clock))
    pilot.press("enter")
    clock.advance(2.5)
    for key in ("4", "3", "enter", "2"):     # assaultive; rush; challenge -> advances
        pilot.press(key)
    pilot.press("5")
    pilot.press("1")                          # fire -> shot
    pilot.press("enter")                      # ending (no follow-up) -> debrief
    assert pilot.screen == "debrief"
    pygame.display.quit()
    (log,) = (tmp_path / "logs").glob("*.jsonl")
    return log


def test_replay_walks_the_session_forward_and_back(tmp_path: Path) -> None:
    log = play_session(tmp_path)
    assert load_replay(log).problem == Strings("en")("replay.missing", id="knife-crisis-hallway")
    shutil.copy(CONTRACT, log.parent / "scenario.yaml")   # found next to the log, same bytes
    data = load_replay(log)
    assert data.problem is None and data.scenario is not None
    assert data.debrief.situations[1].option_label == "Fire"
    pilot = Pilot(replay_app(log, clock=FakeClock()))
    seen = [pilot.screen]
    for n in range(8):
        pilot.screenshot(SHOTS / f"30-replay-{n}-{pilot.screen.split(':')[1]}.png")
        if pilot.screen == "replay:debrief":
            break
        pilot.press("right" if n % 2 else "enter")
        seen.append(pilot.screen)
    assert seen == ["replay:intro", "replay:situation", "replay:situation", "replay:ending", "replay:debrief"]
    pilot.press("left")
    assert pilot.screen == "replay:ending"
    pilot.click("Back (Left)")
    assert pilot.screen == "replay:situation"
    pilot.press("escape")
    assert not pilot.app.running


def test_replay_of_a_changed_scenario_shows_ids_only(tmp_path: Path) -> None:
    changed = tmp_path / "logs"
    changed.mkdir()
    text = CONTRACT.read_text(encoding="utf-8").replace("Person in crisis with a knife", "Edited title")
    (changed / "knife.yaml").write_text(text, encoding="utf-8")
    log = play_session(tmp_path, changed / "knife.yaml")
    (changed / "knife.yaml").write_text(text.replace("Edited title", "Edited again"), encoding="utf-8")
    data = load_replay(log)
    assert data.scenario is None and data.problem == Strings("en")("replay.mismatch")
    assert data.debrief.situations[0].option == "challenge"
    pilot = Pilot(replay_app(log, clock=FakeClock()))
    pilot.screenshot(SHOTS / "31-replay-changed-scenario.png")
    pilot.press("enter")
    pilot.screenshot(SHOTS / "32-replay-ids-only-situation.png")
    assert pilot.screen == "replay:situation"


def test_replay_refuses_a_file_that_is_not_a_session_log(tmp_path: Path) -> None:
    bogus = tmp_path / "x.jsonl"
    bogus.write_text('{"seq": 0, "type": "other"}\n', encoding="utf-8")
    with pytest.raises(ReplayError, match="not a session log"):
        load_replay(bogus)
    assert main(["replay", str(bogus)]) == 1
    assert main(["replay", str(tmp_path / "missing.jsonl")]) == 1


@pytest.mark.parametrize("argv, status", [
    (["play", "--trainee", ".bad"], 2),
    (["play", "--time-scale", "0"], 2),
    (["play", "--lang", "de"], 2),
    (["play", "--size", "800x600"], 2),
    (["play", "/no/such/scenario.yaml"], 1),
])
def test_play_rejects_bad_input_in_one_line(argv, status, capsys) -> None:
    assert main(argv) == status  # --lang is checked against the catalogue files, not an argparse choice list
    err = capsys.readouterr().err.strip()
    assert err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_play_names_the_first_error_of_an_invalid_scenario(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: Broken Id\n", encoding="utf-8")
    assert main(["play", str(broken), "--trainee", "t"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"{broken}:") and ": error: " in line


def test_validate_never_imports_pygame() -> None:
    code = "import sys; from simulator.cli import build_parser; build_parser(); print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_both_catalogues_have_the_same_keys_and_all_format_cleanly() -> None:
    assert keys("en") == keys("fr")
    fr = Strings("fr")
    assert "Entrée" in fr("briefing.start") and "É" in fr("step.assess").upper()


def test_every_interface_string_the_code_asks_for_exists() -> None:
    import re

    used: set[str] = set()
    for path in (ROOT / "simulator" / "ui").rglob("*.py"):
        used |= set(re.findall(r'(?:self\.t|strings|self\.app\.strings|t)\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text()))
    missing = used - keys("en")
    assert not missing, missing


@pytest.mark.parametrize("command", [["play", "--trainee", "t1"], ["replay", "LOG"]])
def test_without_a_display_the_window_commands_say_so_in_one_line(command: list[str], tmp_path: Path) -> None:
    import subprocess
    import sys

    log = tmp_path / "x.jsonl"
    log.write_text("{}\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    argv = [str(log) if part == "LOG" else part for part in command]
    result = subprocess.run([sys.executable, "-m", "simulator", *argv, "--size", "1024x640"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"uofsim {command[0]}: no display found: run it in a desktop session (DISPLAY or WAYLAND_DISPLAY)"]
