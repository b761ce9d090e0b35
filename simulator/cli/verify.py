"""`uofsim verify PATH… [--key-file FILE]`: integrity of session logs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.cli.errors import UsageError, UserError
from simulator.safetext import printable

if TYPE_CHECKING:
    from simulator.logbook import Verification


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="session log files or folders (searched for *.jsonl)")
    parser.add_argument(
        "--key-file",
        type=Path,
        metavar="FILE",
        help="the academy key, to check each record's mac (default: $UOFSIM_LOG_KEY, else chain only)",
    )
    parser.add_argument("--db", metavar="URL", help="also compare each log with what the academy store saw at import "
                        "(a log cut short since) and check the store's annotation chain (docs/store.md)")


def run(args: argparse.Namespace) -> int:
    from simulator.logbook import KeyFileError, LogReadError, iter_log_files, load_key, verify_file

    if not args.paths and not args.db:
        raise UsageError("give the logs to verify (PATH…), or --db URL to check the store's annotations")

    try:
        key = load_key(args.key_file)
        files = list(iter_log_files(args.paths))
    except (KeyFileError, LogReadError) as exc:
        raise UserError(str(exc)) from None
    if not files and not args.db:
        print("uofsim verify: no session logs (*.jsonl) found", file=sys.stderr)
    results = [verify_file(file, key) for file in files]
    cut = _store_checks(args.db, results, key) if args.db else None
    failed = cut is not None and cut[1]
    for result in results:
        verdict = cut[0].get(result.path) if cut else None
        print(printable(f"{_shown(result.path)}: {verdict or _verdict(result)}"), flush=True)
        failed |= result.status in ("tampered", "unreadable", "skipped") or verdict is not None
    return 1 if failed else 0


def _store_checks(url: str, results: list[Verification], key: bytes | None) -> tuple[dict[Path, str], bool]:
    """(truncated logs, annotation chain broken) from the academy store; the chain's verdict is printed."""
    from simulator.store import StoreError, open_store, store_errors
    from simulator.store.annotations import check_chain
    from simulator.store.checks import truncations

    try:
        with store_errors(url):
            store = open_store(url)
            try:
                cut = truncations(store, results)
                count, problems = check_chain(store, key)
            finally:
                store.close()
    except StoreError as exc:
        raise UserError(str(exc)) from None
    for problem in problems:
        print(printable(f"annotations: tampered at #{problem.position} ({problem.detail})"))
    if not problems:
        print(f"annotations: ok ({count}{', MACs checked' if key and count else ''})")
    return cut, bool(problems)


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
