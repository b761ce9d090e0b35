"""`uofsim import PATH… [--db URL] [--key-file FILE]`: verify session logs and
store them in the academy store (docs/store.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.cli.errors import UsageError, UserError

PROGRESS_FROM = 1000  # files: below this an import takes a second or two, no bar needed


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="session log files or folders (searched recursively for *.jsonl)")
    add_db_argument(parser)
    parser.add_argument("--key-file", type=Path, metavar="FILE",
                        help="the academy key, to check each record's mac (default: $UOFSIM_LOG_KEY)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help=f"progress bar on standard error (default: on a terminal, from {PROGRESS_FROM} files)")


def add_db_argument(parser: argparse.ArgumentParser, help_text: str = "the academy store") -> None:
    parser.add_argument("--db", metavar="URL",
                        help=f"{help_text}: a file path or sqlite:///PATH, or postgresql://USER@HOST/DB "
                             "(default: $UOFSIM_DB, else ./academy.db)")


def run(args: argparse.Namespace) -> int:
    from simulator.logbook import KeyFileError, LogReadError, load_key
    from simulator.store import StoreError, open_store, resolve_url, store_errors
    from simulator.store.ingest import import_logs

    try:
        key = load_key(args.key_file)
        with store_errors(args.db):
            store = open_store(args.db)
            try:
                # Asked for: always; by default: on a terminal, for long imports only.
                bar = (ProgressBar(sys.stderr, 0 if args.progress else PROGRESS_FROM)
                       if _show_progress(args.progress) else None)
                result = import_logs(store, args.paths, key=key, progress=bar)
                if bar is not None:
                    bar.done()
            finally:
                store.close()
    except (KeyFileError, StoreError, LogReadError) as exc:
        raise UserError(str(exc)) from None
    print(result.line(_shown_db(resolve_url(args.db))))
    return 1 if result.quarantined or result.skipped else 0


def _show_progress(flag: bool | None) -> bool:
    return flag if flag is not None else sys.stderr.isatty()


def _shown_db(url: str) -> str:
    from simulator.store.db import _where

    return _where(url)


class ProgressBar:
    """`[#####.....] 5000/10000 logs` redrawn in place; only when asked or on a terminal."""

    WIDTH = 30

    def __init__(self, out: object, from_files: int = PROGRESS_FROM) -> None:
        self.out = out
        self.from_files = from_files
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.from_files:
            return
        filled = self.WIDTH * done // max(total, 1)
        self.out.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} logs")  # type: ignore[attr-defined]
        self.out.flush()  # type: ignore[attr-defined]
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.out.write("\n")  # type: ignore[attr-defined]


# --- play and run: --cohort, and --db to store the session as it ends ---------------------

MAX_COHORT = 64


def add_store_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cohort", metavar="NAME", help="the trainee's intake or class, logged in session_started")
    parser.add_argument("--db", metavar="URL", help="also store the session in the academy store as it ends "
                        "(the log file stays the record; see docs/store.md)")


def check_cohort(name: str | None) -> str | None:
    if name is None:
        return None
    if not name.strip() or len(name) > MAX_COHORT or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise UsageError(f"--cohort must be 1 to {MAX_COHORT} printable characters")
    return name


def store_session(url: str | None, path: Path, key: bytes | None) -> int:
    """Store a just-written log (play/run --db). The log is already safe on
    disk, so a store that cannot be reached is a one-line error (exit 1) telling
    the instructor to import the log later; nothing is lost."""
    if url is None:
        return 0
    from simulator.store import StoreError, open_store, store_errors
    from simulator.store.ingest import store_one

    try:
        with store_errors(url):
            store = open_store(url)
            try:
                store_one(store, path, key)
            finally:
                store.close()
    except StoreError as exc:
        raise UserError(f"{exc}; the session log {path} is complete: import it later with `uofsim import`") from None
    return 0


class SessionStorer:
    """play --db: store each session as its log closes, without ever stopping
    the window; a failure is kept and reported (one line each, exit 1) when
    the window closes. The log is complete on disk either way."""

    def __init__(self, url: str, key: bytes | None) -> None:
        self.url = url
        self.key = key
        self.failures: list[str] = []

    def __call__(self, path: Path) -> None:
        try:
            store_session(self.url, path, self.key)
        except UserError as exc:
            self.failures.append(str(exc))

    def report(self) -> int:
        for failure in self.failures:
            print(failure, file=sys.stderr)
        return 1 if self.failures else 0
