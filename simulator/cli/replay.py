"""`uofsim replay`: a recorded session, step by step, in the window (read-only)."""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.errors import UserError
from simulator.cli.play import parse_size, require_display


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("log", metavar="SESSION_LOG", help="a session log file (.jsonl)")
    parser.add_argument("--lang", choices=("en", "fr"), help="interface language (default: the session's)")
    parser.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 toggles)")
    parser.add_argument("--high-contrast", action="store_true", help="start with the high-contrast theme (F2 toggles)")
    parser.add_argument("--size", default="1280x720", metavar="WxH", help="window size (default: 1280x720)")


def run(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    path = Path(args.log)
    if not path.is_file():
        raise UserError(f"{path}: no such session log")
    require_display("replay")
    from simulator.ui.run import ReplayError, replay_app

    try:
        app = replay_app(path, size=size, fullscreen=args.fullscreen, high_contrast=args.high_contrast, lang=args.lang)
    except ReplayError as exc:
        raise UserError(str(exc)) from None
    try:
        app.run()
    except Exception as exc:
        raise UserError(f"uofsim replay: the window stopped: {type(exc).__name__}: {exc}") from None
    return 0
