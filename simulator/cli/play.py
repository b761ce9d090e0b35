"""`uofsim play`: the trainee's window (pygame, imported only when it runs)."""

from __future__ import annotations

import argparse
import os
import signal
from collections.abc import Callable
from pathlib import Path

from simulator.cli.errors import SEED, TIME_SCALE, UsageError, UserError, check_number
from simulator.cli.import_ import SessionStorer, add_store_arguments, check_cohort

FEEDBACK_MODES = ("immediate", "debrief")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", nargs="?", metavar="SCENARIO_OR_DIR",
                        help="a scenario file (skips the library) or a folder of scenarios "
                             "(default: the bundled library)")
    parser.add_argument("--trainee", metavar="ID", help="trainee id (default: asked on the first screen)")
    parser.add_argument("--log-dir", metavar="DIR", help="log folder (default: $UOFSIM_LOG_DIR or ./sessions)")
    parser.add_argument("--log-key-file", metavar="FILE", help="academy key for log MACs (default: $UOFSIM_LOG_KEY)")
    add_store_arguments(parser)
    parser.add_argument("--lang", default="en",
                        help="language of scenario texts and the interface (one with a catalogue)")
    parser.add_argument("--seed", type=int, help="seed for random branches (default: drawn and logged)")
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 toggles)")
    parser.add_argument("--time-scale", type=float, default=1.0, metavar="X",
                        help="multiply every time limit, e.g. 1.5 for 50%% more time (logged)")
    parser.add_argument("--high-contrast", action="store_true", help="start with the high-contrast theme (F2 toggles)")
    parser.add_argument("--size", default="1280x720", metavar="WxH", help="window size (default: 1280x720)")
    parser.add_argument("--feedback", choices=FEEDBACK_MODES, default=None,
                        help="immediate: coaching after every act; debrief: only at the end "
                             "(default: debrief; the library screen lets an instructor pick)")
    parser.add_argument("--from", dest="from_situation", metavar="SITUATION",
                        help="open the scenario at this situation (authors' preview; needs a scenario file)")
    parser.add_argument("--watch", action="store_true",
                        help="reload the scenario file on every save, keeping the position (authors' preview)")


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size must look like 1280x720, not {text!r}") from None
    if width < 1024 or height < 640 or width > 7680 or height > 4320:
        raise UsageError("--size must be from 1024x640 to 7680x4320")
    return width, height


def run(args: argparse.Namespace) -> int:
    from simulator.logbook.ids import validate_trainee_id
    from simulator.logbook.keys import KeyFileError, load_key, resolve_log_dir
    from simulator.paths import scenarios_dir
    from simulator.scenario import ScenarioError, load_file
    from simulator.strings import language_refusal

    check_number("--time-scale", args.time_scale, TIME_SCALE)
    check_number("--seed", args.seed, SEED)
    refusal = language_refusal(args.lang)
    if refusal:
        raise UsageError(refusal)
    size = parse_size(args.size)
    if args.trainee is not None:
        try:
            validate_trainee_id(args.trainee)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    target = Path(args.target) if args.target else scenarios_dir()
    library_dir, loaded, problems = None, None, []
    if target.is_dir():
        library_dir = target
        if args.from_situation or args.watch:
            raise UsageError("--from and --watch need a scenario file, not a folder")
    elif target.exists():
        try:
            loaded = load_file(target)
        except ScenarioError as exc:
            if not args.watch:
                raise UserError(str(exc)) from None
            # A preview opens on a broken file too: its errors are on screen until a save fixes them.
            problems = [str(p) for p in exc.problems if p.severity.value == "error"] or [str(exc)]
    else:
        raise UserError(f"{target}: no such file or folder")
    if args.from_situation and loaded is not None and args.from_situation not in loaded.scenario.situations:
        raise UserError(unknown_situation(args.from_situation, loaded.scenario))
    try:
        key = load_key(Path(args.log_key_file) if args.log_key_file else None)
    except KeyFileError as exc:
        raise UserError(str(exc)) from None

    from simulator.ui.flow import PlayConfig

    config = PlayConfig(library_dir=library_dir, scenario=loaded, trainee=args.trainee,
                        log_dir=resolve_log_dir(args.log_dir), log_key=key, lang=args.lang,
                        seed=args.seed, time_scale=args.time_scale, feedback=args.feedback,
                        start_at=args.from_situation, watch=args.watch,
                        watch_path=target if args.watch else None, watch_problems=problems,
                        cohort=check_cohort(args.cohort))
    if not args.db:
        return open_window(config, size=size, fullscreen=args.fullscreen, high_contrast=args.high_contrast)
    storer = SessionStorer(args.db, key)
    config.on_log_closed = storer
    status = open_window(config, size=size, fullscreen=args.fullscreen, high_contrast=args.high_contrast)
    return storer.report() or status


def unknown_situation(situation_id: str, scenario) -> str:
    import difflib

    ids = list(scenario.situations)
    close = difflib.get_close_matches(situation_id, ids, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"--from {situation_id}: no such situation ({hint}situations: {', '.join(ids)})"


HEADLESS_DRIVERS = ("offscreen", "dummy")


def require_display(command: str) -> None:
    """Refuse to open a window no one can see.

    With no display SDL quietly falls back to an invisible driver, and the
    program would wait for keys forever. Tests and CI ask for a headless
    driver on purpose (SDL_VIDEODRIVER), which stays allowed.
    """
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    try:
        _without_stderr(pygame.display.init)  # SDL prints its own probe noise there
    except pygame.error as exc:
        raise UserError(f"uofsim {command}: cannot open a window: {exc}") from None
    driver = pygame.display.get_driver()
    if driver in HEADLESS_DRIVERS and os.environ.get("SDL_VIDEODRIVER") != driver:
        raise UserError(f"uofsim {command}: no display found: run it in a desktop session (DISPLAY or WAYLAND_DISPLAY)")


def _without_stderr(action: Callable[[], object]) -> None:
    """Run `action` with file descriptor 2 sent to /dev/null (C libraries write there)."""
    saved, null = os.dup(2), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        action()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def open_window(config, *, size: tuple[int, int], fullscreen: bool, high_contrast: bool) -> int:
    require_display("play")
    from simulator.engine import SessionStopped
    from simulator.logbook.writer import LogWriteError
    from simulator.ui.run import play_app

    def terminated(signum, frame):  # a kill from outside: log the session as quit, not as a crash
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminated)
    try:
        app = play_app(config, size=size, fullscreen=fullscreen, high_contrast=high_contrast)
        app.run()
    except (SessionStopped, LogWriteError) as exc:
        raise UserError(f"uofsim play: session stopped: {exc}") from None
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # the session log already says 'error'; the user gets one line
        raise UserError(f"uofsim play: the window stopped: {type(exc).__name__}: {exc}") from None
    return 0
