"""`uofsim verify PATH… [--key-file FILE]`: integrity of session logs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.safetext import printable
from simulator.cli.errors import UserError

if TYPE_CHECKING:
    from simulator.logbook import Verification


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="session log files or folders (searched for *.jsonl)")
    parser.add_argument(
        "--key-file",
        type=Path,
        metavar="FILE",
        help="the academy key, to check each record's mac (default: $UOFSIM_LOG_KEY, else chain only)",
    )


def run(args: argparse.Namespace) -> int:
    from simulator.logbook import KeyFileError, LogReadError, iter_log_files, load_key, verify_file

    try:
        key = load_key(args.key_file)
        files = list(iter_log_files(args.paths))
    except (KeyFileError, LogReadError) as exc:
        raise UserError(str(exc)) from None
    if not files:
        print("uofsim verify: no session logs (*.jsonl) found", file=sys.stderr)
    failed = False
    for file in files:
        result = verify_file(file, key)
        print(printable(f"{_shown(file)}: {_verdict(result)}"), flush=True)
        failed |= result.status in ("tampered", "unreadable", "skipped")
    return 1 if failed else 0


def _verdict(result: Verification) -> str:
    if result.status == "tampered":
        return f"tampered at seq {result.first_bad_seq} ({result.detail})"
    if result.status in ("unreadable", "skipped"):
        return f"{result.status} ({result.detail})"
    return result.status


def _shown(path: Path) -> str:
    """The path, with control characters escaped so a file name cannot forge output lines."""
    text = str(path)
    return ascii(text)[1:-1] if any(ord(c) < 32 or c == "\x7f" for c in text) else text
