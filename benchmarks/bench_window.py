"""Benchmark of the trainee's window (not a test; prints figures).

1. Frame time (draw + flip, median and 99th percentile), the interval between
   frames while the decision timer animates, and CPU use while animating and
   while idle, over a scripted session of the contract example played through
   the real loop (`App.step(block=True)`, the same call `App.run` makes).
2. Start-up: wall time from spawning `python -m simulator play SCENARIO` to its
   first drawn frame, as a ratio to a bare pygame window (init, set_mode,
   fill, flip) spawned the same way in the same run.

Both use SDL's dummy video driver unless BENCH_DISPLAY=1 and $DISPLAY is set.
Usage: python benchmarks/bench_window.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not (os.environ.get("BENCH_DISPLAY") and os.environ.get("DISPLAY")):
    os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

SCENARIO = ROOT / "tests" / "fixtures" / "contract_example.yaml"
BARE_WINDOW = (
    "import os, sys, pygame\n"
    "pygame.display.init(); pygame.font.init()\n"
    "s = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)\n"
    "s.fill((24, 30, 40)); pygame.display.flip()\n"
    "print('uofsim: first frame drawn', file=sys.stderr, flush=True)\n"
    "pygame.event.wait()\n"
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run_for(app, seconds: float) -> tuple[int, float, float]:
    """Run the real loop for `seconds`; returns (frames, wall s, cpu s)."""
    frames0, wall0, cpu0 = app.frames, time.perf_counter(), time.process_time()
    while time.perf_counter() - wall0 < seconds:
        app.step(block=True)
    return app.frames - frames0, time.perf_counter() - wall0, time.process_time() - cpu0


def press(key: int) -> None:
    import pygame

    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))


def scripted_session() -> None:
    import pygame

    from simulator.scenario import load_file
    from simulator.ui.flow import PlayConfig
    from simulator.ui.run import play_app

    with tempfile.TemporaryDirectory() as logs:
        config = PlayConfig(library_dir=None, scenario=load_file(SCENARIO), trainee="bench", log_dir=Path(logs), seed=1)
        app = play_app(config, size=(1280, 720))
        app.frame_log = []
        run_for(app, 0.5)                                 # briefing (idle)
        press(pygame.K_RETURN)
        animated = [run_for(app, 3.0)]                    # arrival: the timer bar animates
        press(pygame.K_5)
        animated.append(run_for(app, 2.0))
        for key in (pygame.K_1, pygame.K_2, pygame.K_RETURN):
            press(key)
        animated.append(run_for(app, 2.0))
        intervals_end = len(app.frame_log)
        press(pygame.K_1)                                 # talk -> lowers-knife: no time limit
        idle = [run_for(app, 2.0)]
        for key in (pygame.K_2, pygame.K_1):
            press(key)
        idle.append(run_for(app, 1.0))                    # ending
        for key in (pygame.K_RETURN, pygame.K_1, pygame.K_RETURN):
            press(key)
        idle.append(run_for(app, 2.0))                    # debrief
        screen = app.screen_name
        frame_ms = [t * 1000 for t in app.frame_log]
        pygame.display.quit()

    frames = sum(f for f, _, _ in animated)
    wall = sum(w for _, w, _ in animated)
    cpu = sum(c for _, _, c in animated)
    idle_frames = sum(f for f, _, _ in idle)
    idle_wall = sum(w for _, w, _ in idle)
    idle_cpu = sum(c for _, _, c in idle)
    print(f"scripted session ended on: {screen}")
    print(f"frames drawn: {len(frame_ms)} (animating: {frames} in {wall:.1f} s = {frames / wall:.1f} fps; "
          f"idle screens: {idle_frames} in {idle_wall:.1f} s)")
    print(f"frame time (draw+flip): median {statistics.median(frame_ms):.2f} ms, "
          f"p99 {percentile(frame_ms, 0.99):.2f} ms, "
          f"max {max(frame_ms):.2f} ms (budget at 60 fps: 16.67 ms)")
    animated_ms = frame_ms[:intervals_end]
    print(f"  while the timer animates: median {statistics.median(animated_ms):.2f} ms, "
          f"p99 {percentile(animated_ms, 0.99):.2f} ms")
    print(f"CPU while animating: {100 * cpu / wall:.1f}% of one core; while idle: {100 * idle_cpu / idle_wall:.1f}%")


def time_to_first_frame(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stderr:
            if "first frame drawn" in line:
                return time.perf_counter() - started
        raise RuntimeError(f"{argv[:4]} ended without drawing a frame")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def startup(runs: int) -> None:
    env = {**os.environ, "UOFSIM_REPORT_FIRST_FRAME": "1"}
    play, bare = [], []
    with tempfile.TemporaryDirectory() as logs:
        for _ in range(runs):  # interleaved, so both see the same machine load
            bare.append(time_to_first_frame([sys.executable, "-c", BARE_WINDOW], env))
            play.append(time_to_first_frame([sys.executable, "-m", "simulator", "play", str(SCENARIO),
                                             "--trainee", "bench", "--log-dir", logs], env))
    p, b = statistics.median(play), statistics.median(bare)
    print(f"start-up to first frame ({runs} runs each, medians): uofsim play {p * 1000:.0f} ms, "
          f"bare pygame window {b * 1000:.0f} ms, ratio {p / b:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-up runs of each program (default 5)")
    args = parser.parse_args()
    print(f"video driver: {os.environ.get('SDL_VIDEODRIVER', 'default')}")
    scripted_session()
    startup(args.runs)


if __name__ == "__main__":
    main()
