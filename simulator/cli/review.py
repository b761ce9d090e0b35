"""`uofsim review PATH… [--format table|csv|json|html|xapi] [-o FILE] [--trainee ID]
[--scenario ID] [--since DATE] [--key-file FILE] [--lang en|fr]`: reports over session logs.

Each format is one entry of FORMATS: what the pass must keep for it, and the
writer, imported only when that format is asked for (the html writer's Jinja2
and the engine behind timelines cost start-up time the others do not need).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from simulator.cli.errors import UsageError, UserError, refuse_symlink_out

if TYPE_CHECKING:
    from simulator.review import ReadinessRule, Review

LANGUAGES = ("en", "fr")  # the string catalogue's languages (simulator.strings.LANGUAGES, not imported: start-up time)

DEFAULT_XAPI_HOMEPAGE = "https://academy.example"


@dataclass(frozen=True)
class Format:
    """One output format: what the review pass keeps for it, and how it is written."""

    write: Callable[[argparse.Namespace, Review, TextIO], None]
    decisions: bool = False  # keep every decision of every session (spooled)
    timelines: bool = False  # rebuild every session's debrief timeline (needs the engine)
    folder: bool = False  # writes several files into the folder given with -o


def _write_table(args: argparse.Namespace, review: Review, out: TextIO) -> None:
    from simulator.review.render_table import write_table

    write_table(review, out, timelines=args.timelines, lang=args.lang or "en", rule=args.rule)


def _write_json(args: argparse.Namespace, review: Review, out: TextIO) -> None:
    from simulator.review.render_json import write_json

    write_json(review, out, rule=args.rule)


def _write_html(args: argparse.Namespace, review: Review, out: TextIO) -> None:
    from simulator.review.render_html import write_html

    texts = args.timeline.texts if args.timeline is not None else None
    write_html(review, out, lang=args.lang or "en", rule=args.rule, scenario_texts=texts)


def _write_xapi(args: argparse.Namespace, review: Review, out: TextIO) -> None:
    from simulator.review.render_xapi import write_xapi

    write_xapi(review, out, homepage=args.xapi_homepage)


def _write_csv(args: argparse.Namespace, review: Review, out: TextIO) -> None:
    from simulator.review.render_csv import FILES, write_csv

    for name in FILES:
        refuse_symlink_out(Path(args.output) / name)
    write_csv(review, Path(args.output), rule=args.rule)


FORMATS: dict[str, Format] = {
    "table": Format(_write_table),
    "csv": Format(_write_csv, decisions=True, folder=True),
    "json": Format(_write_json, decisions=True, timelines=True),
    "html": Format(_write_html, timelines=True),
    "xapi": Format(_write_xapi, decisions=True),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="session log files or folders (searched recursively for *.jsonl)")
    parser.add_argument("--format", choices=list(FORMATS), default="table", help="output format (default: table)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the report's words and of the timelines "
                        "(default: English; timelines in each session's own language)")
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

    fmt = FORMATS[args.format]
    if fmt.folder and not args.output:
        raise UsageError(f"--format {args.format} writes one file per table: give a folder with -o")
    filters = Filters(args.trainee, args.scenario, _since(args.since))
    args.timeline = None
    if fmt.timelines or args.timelines:
        args.timeline = TimelineBuilder(args.scenarios or [scenarios_dir()], lang=args.lang)
    args.rule = readiness_rule(args)
    try:
        key = load_key(args.key_file)
        review = review_logs(args.paths, key=key, filters=filters, decisions=fmt.decisions, timeline=args.timeline)
    except (KeyFileError, LogReadError) as exc:
        raise UserError(str(exc)) from None
    try:
        _write(args, review)
    finally:
        review.sessions.close()
    _report_problems(review)
    return 1 if review.tampered or review.skipped else 0


def readiness_rule(args: argparse.Namespace) -> ReadinessRule:
    """The rule that decides who is ready: the documented default (docs/review.md,
    "Readiness"). An academy's own settings (issue 14's store, `--db`) plug in
    here, as a ReadinessRule built from them."""
    from simulator.review import DEFAULT_RULE

    return DEFAULT_RULE


def _write(args: argparse.Namespace, review: Review) -> None:
    fmt = FORMATS[args.format]
    if fmt.folder:
        try:
            fmt.write(args, review, sys.stdout)
        except OSError as exc:
            raise UserError(f"{args.output}: cannot write {args.format} files ({exc.strerror or exc})") from None
        return
    with _output(args.output) as out:
        fmt.write(args, review, out)


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
