"""`uofsim review PATH… [--format table|csv|json|html|xapi] [-o FILE] [--trainee ID]
[--scenario ID] [--since DATE] [--key-file FILE]`: reports over session logs."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from simulator.cli.errors import UsageError, UserError, refuse_symlink_out

if TYPE_CHECKING:
    from simulator.review import Review

FORMATS = ("table", "csv", "json", "html", "xapi")
DEFAULT_XAPI_HOMEPAGE = "https://academy.example"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="session log files or folders (searched recursively for *.jsonl)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output (csv: a folder, required)")
    parser.add_argument("--trainee", metavar="ID", help="only this trainee's sessions")
    parser.add_argument("--scenario", metavar="ID", help="only sessions of this scenario")
    parser.add_argument("--since", metavar="DATE", help="only sessions started on or after DATE (YYYY-MM-DD or ISO 8601 time; UTC unless it says)")
    parser.add_argument("--key-file", type=Path, metavar="FILE", help="the academy key, to check each record's mac (default: $UOFSIM_LOG_KEY)")
    parser.add_argument("--timelines", action="store_true", help="table: also print every session's timeline")
    parser.add_argument(
        "--scenarios", type=Path, nargs="+", metavar="PATH",
        help="scenario files or folders whose texts fill the timelines (default: the bundled library)",
    )
    parser.add_argument(
        "--xapi-homepage", metavar="URL", default=DEFAULT_XAPI_HOMEPAGE,
        help=f"xapi: the academy's URL, for actor accounts and activity ids (default: {DEFAULT_XAPI_HOMEPAGE})",
    )


def run(args: argparse.Namespace) -> int:
    from simulator.logbook import KeyFileError, LogReadError, load_key
    from simulator.paths import scenarios_dir
    from simulator.review import Filters, TimelineBuilder, review_logs

    if args.format == "csv" and not args.output:
        raise UsageError("--format csv writes one file per level: give a folder with -o")
    filters = Filters(args.trainee, args.scenario, _since(args.since))
    timeline = None
    if args.format in ("html", "json") or args.timelines:
        timeline = TimelineBuilder(args.scenarios or [scenarios_dir()])
    try:
        key = load_key(args.key_file)
        review = review_logs(args.paths, key=key, filters=filters, decisions=args.format in ("csv", "json", "xapi"), timeline=timeline)
    except (KeyFileError, LogReadError) as exc:
        raise UserError(str(exc)) from None
    try:
        _write(args, review)
    finally:
        review.sessions.close()
    _report_problems(review)
    return 1 if review.tampered or review.skipped else 0


def _write(args: argparse.Namespace, review: Review) -> None:
    from simulator.review.render_csv import FILES, write_csv

    if args.format == "csv":
        for name in FILES:
            refuse_symlink_out(Path(args.output) / name)
        try:
            write_csv(review, Path(args.output))
        except OSError as exc:
            raise UserError(f"{args.output}: cannot write csv files ({exc.strerror or exc})") from None
        return
    with _output(args.output) as out:
        if args.format == "table":
            from simulator.review.render_table import write_table

            write_table(review, out, timelines=args.timelines)
        elif args.format == "json":
            from simulator.review.render_json import write_json

            write_json(review, out)
        elif args.format == "html":
            from simulator.review.render_html import write_html

            write_html(review, out)
        else:
            from simulator.review.render_xapi import write_xapi

            write_xapi(review, out, homepage=args.xapi_homepage)


@contextlib.contextmanager
def _output(target: str | None) -> Iterator[TextIO]:
    if not target:
        yield sys.stdout
        sys.stdout.flush()
        return
    refuse_symlink_out(Path(target))
    try:
        handle = open(target, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UserError(f"{target}: cannot write report ({exc.strerror or exc})") from None
    with handle:
        yield handle


def _since(text: str | None) -> datetime | None:
    from simulator.review import parse_time

    if text is None:
        return None
    try:
        return parse_time(text)
    except ValueError:
        raise UsageError(f"--since {text!r} is not a date (YYYY-MM-DD) or ISO 8601 time") from None


def _report_problems(review: Review) -> None:
    """Warnings (tampered logs among them) on stderr, whatever the format, one line each."""
    from simulator.review.text import clean

    for warning in review.warnings:
        print(f"warning: {clean(warning)}", file=sys.stderr)
    dropped = review.warnings_dropped
    if dropped:
        print(f"warning: {dropped} more warning(s) not shown", file=sys.stderr)
