"""End to end, exactly as a recruit would: `python -m simulator play SCENARIO
--trainee T` in a real X server (Xvfb), played with xdotool key presses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "tests" / "fixtures" / "contract_example.yaml"

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
                       reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)"),
]


def _free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xserver():
    number = _free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": f":{number}"}
    env.pop("SDL_VIDEODRIVER", None)
    env["SDL_AUDIODRIVER"] = "dummy"
    deadline = time.monotonic() + 10
    while subprocess.run(["xdotool", "getmouselocation"], env=env, capture_output=True).returncode != 0:
        if time.monotonic() > deadline:
            server.kill()
            pytest.skip("Xvfb did not start")
        time.sleep(0.1)
    yield env
    server.terminate()
    server.wait(timeout=10)


def _xdo(env, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30).stdout.strip()


def _records(log_dir: Path) -> list[dict]:
    files = sorted(log_dir.glob("*.jsonl"))
    if not files:
        return []
    return [json.loads(line) for line in files[0].read_text(encoding="utf-8").splitlines() if line.strip()]


def _wait_for(log_dir: Path, count: int, timeout: float = 15) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        recs = _records(log_dir)
        if len(recs) >= count:
            return recs
        time.sleep(0.05)
    return _records(log_dir)


def test_a_recruit_plays_the_scenario_with_key_presses(xserver, tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    game = subprocess.Popen(
        [sys.executable, "-m", "simulator", "play", str(CONTRACT), "--trainee", "T-042", "--log-dir", str(log_dir),
         "--seed", "1"],
        cwd=ROOT, env=xserver, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        # by process id: the title is UTF-8 (an em dash), which xdotool's --name does not match reliably
        window = _xdo(xserver, "search", "--sync", "--pid", str(game.pid)).splitlines()[-1]
        _xdo(xserver, "windowfocus", "--sync", window)

        def key(name: str, expect_records: int | None = None) -> list[dict]:
            time.sleep(0.15)  # a person reads before pressing: every decision takes some time
            _xdo(xserver, "key", "--delay", "30", name)
            return _wait_for(log_dir, expect_records) if expect_records else []

        assert len(_wait_for(log_dir, 1)) == 1            # session_started
        key("Return", 2)                                   # briefing -> arrival
        time.sleep(0.3)                                    # the choices are on screen
        key("5", 3)                                        # serious bodily harm or death
        key("1")
        key("2")
        key("Return", 4)                                   # plan: cover + backup
        key("1", 7)                                        # talk -> lowers-knife
        key("2", 8)                                        # passive resistant
        key("1", 11)                                       # talk-down -> resolved
        key("Return")                                      # ending -> follow-up
        time.sleep(0.3)
        key("1")
        key("Return", 13)                                  # follow-up, session_ended
        key("Return")                                      # leave the debrief: the program ends
        out, err = game.communicate(timeout=20)
    finally:
        if game.poll() is None:
            game.kill()
            game.communicate()
    assert game.returncode == 0, err
    recs = _records(log_dir)
    assert [r["type"] for r in recs] == [
        "session_started", "situation_entered", "assessment", "plan", "action", "situation_scored",
        "situation_entered", "assessment", "action", "situation_scored", "ending_reached", "follow_up",
        "session_ended",
    ]
    assert recs[0]["trainee"] == "T-042" and recs[0]["mode"] == "window"
    assert [r["chosen"] for r in recs if r["type"] == "plan"] == [["cover", "backup"]]
    assert all(r["decision_s"] > 0 for r in recs if "decision_s" in r)
