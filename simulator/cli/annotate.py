"""`uofsim annotate SESSION_ID --by INSTRUCTOR (--note TEXT | --remediation TEXT |
--sign-off) [--db URL] [--key-file FILE]`: an instructor's judgement, appended
to the academy store with a hash chain of its own (docs/store.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator.cli.errors import UsageError, UserError
from simulator.cli.import_ import add_db_argument

MAX_TEXT = 10_000


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session_id", metavar="SESSION_ID", help="the session (as `uofsim review` lists it)")
    parser.add_argument("--by", required=True, metavar="INSTRUCTOR", help="who is annotating (an instructor id)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--note", metavar="TEXT", help="a note on the session")
    what.add_argument("--remediation", metavar="TEXT", help="a remediation plan")
    what.add_argument("--sign-off", action="store_true", help="sign the session off")
    add_db_argument(parser)
    parser.add_argument("--key-file", type=Path, metavar="FILE",
                        help="the academy key, to MAC the annotation (default: $UOFSIM_LOG_KEY)")


def run(args: argparse.Namespace) -> int:
    from simulator.logbook import KeyFileError, load_key
    from simulator.logbook.ids import validate_trainee_id
    from simulator.store import StoreError, open_store, store_errors
    from simulator.store.annotations import annotate

    kind, text = _what(args)
    try:
        validate_trainee_id(args.by)  # instructor ids follow the trainee id rules
    except ValueError as exc:
        raise UsageError(f"--by: {exc}") from None
    if len(text) > MAX_TEXT or any(ord(c) < 32 and c not in "\n\t" for c in text):
        raise UsageError(f"--{kind} text must be at most {MAX_TEXT} characters without control characters")
    try:
        key = load_key(args.key_file)
        with store_errors(args.db):
            store = open_store(args.db)
            try:
                row = annotate(store, args.session_id, args.by, kind, text, key)
            finally:
                store.close()
    except (KeyFileError, StoreError) as exc:
        raise UserError(str(exc)) from None
    print(f"annotation {row['position']} ({kind}) on {args.session_id} by {args.by}{' (MACed)' if key else ''}")
    return 0


def _what(args: argparse.Namespace) -> tuple[str, str]:
    if args.sign_off:
        return "sign-off", ""
    if args.note is not None:
        return "note", args.note
    return "remediation", args.remediation
