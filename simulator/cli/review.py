"""`uofsim review [PATH…] [--db URL] [--format table|csv|json|html|xapi] [-o FILE] [--trainee ID]
[--scenario ID] [--since DATE] [--key-file FILE] [--lang en|fr] [--settings FILE] [--lrs URL …]`:
reports over session logs, or over the academy store.

Each format is one entry of FORMATS: what the pass must keep for it, and the
writer, imported only when that format is asked for (the html writer's Jinja2
and the engine behind timelines cost start-up time the others do not need).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from simulator.cli.errors import UsageError, UserError, refuse_symlink_out

if TYPE_CHECKING:
    from simulator.academy.settings import AcademySettings
    from simulator.review import Filters, ReadinessRule, Review
    from simulator.review.scan import Timeline

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

    write_xapi(review, out, homepage=args.xapi_homepage, accounts=_accounts(args.accounts))


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
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="session log files or folders (searched recursively for *.jsonl); none with --db")
    parser.add_argument("--format", choices=list(FORMATS), default="table", help="output format (default: table)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the report's words and of the timelines "
                        "(default: English; timelines in each session's own language)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE instead of standard output (csv: a folder, required)")
    parser.add_argument("--trainee", metavar="ID", help="only this trainee's sessions")
    parser.add_argument("--scenario", metavar="ID", help="only sessions of this scenario")
    parser.add_argument("--since", metavar="DATE",
                        help="only sessions started on or after DATE (YYYY-MM-DD or ISO 8601 time; UTC unless it says)")
    parser.add_argument("--key-file", type=Path, metavar="FILE",
                        help="the academy key, to check each record's mac (default: $UOFSIM_LOG_KEY)")
    parser.add_argument("--timelines", action="store_true", help="table: also print every session's timeline")
    parser.add_argument(
        "--scenarios", type=Path, nargs="+", metavar="PATH",
        help="scenario files or folders whose texts fill the timelines (default: the bundled library)",
    )
    parser.add_argument(
        "--xapi-homepage", metavar="URL", default=DEFAULT_XAPI_HOMEPAGE,
        help=f"xapi: the academy's URL, for actor accounts and activity ids (default: {DEFAULT_XAPI_HOMEPAGE})",
    )
    _configure_academy(parser)


def _configure_academy(parser: argparse.ArgumentParser) -> None:
    """Issue 14: the academy store, settings (readiness) and delivery to an LRS."""
    parser.add_argument("--db", metavar="URL", help="report from the academy store instead of log files "
                        "(a file path or sqlite:///PATH, or postgresql://USER@HOST/DB; see docs/store.md)")
    parser.add_argument("--settings", type=Path, metavar="FILE",
                        help="academy settings (YAML): required scenarios and the readiness rule")
    parser.add_argument("--lrs", metavar="URL",
                        help="xapi: POST the statements to this LRS (its xAPI base URL) instead of printing them")
    parser.add_argument("--lrs-user", metavar="USER", help="xapi: the LRS user (HTTP basic auth)")
    parser.add_argument("--lrs-password-file", type=Path, metavar="FILE", help="xapi: file holding the LRS password")
    parser.add_argument("--lrs-batch", type=int, default=100, metavar="N",
                        help="xapi: statements per POST (default: 100)")
    parser.add_argument("--accounts", type=Path, metavar="FILE",
                        help="xapi: CSV mapping trainee ids to LMS accounts (trainee,name[,homepage])")


def run(args: argparse.Namespace) -> int:
    from simulator.logbook import KeyFileError, LogReadError, load_key
    from simulator.paths import scenarios_dir
    from simulator.review import Filters, TimelineBuilder, review_logs

    fmt = FORMATS[args.format]
    if fmt.folder and not args.output:
        raise UsageError(f"--format {args.format} writes one file per table: give a folder with -o")
    if not args.paths and not args.db:
        import os

        args.db = os.environ.get("UOFSIM_DB") or None  # no logs named: the academy's store, when it has one
    if bool(args.paths) == bool(args.db):
        raise UsageError("give the logs to review (PATH…) or the store to review (--db URL), one of the two")
    delivery = _delivery(args)
    filters = Filters(args.trainee, args.scenario, _since(args.since))
    args.timeline = None
    if fmt.timelines or args.timelines:
        args.timeline = TimelineBuilder(args.scenarios or [scenarios_dir()], lang=args.lang)
    settings = _settings(args.settings)
    args.rule = readiness_rule(args, settings)
    try:
        key = load_key(args.key_file)
        if args.db:
            review = _review_store(args.db, filters, fmt.decisions, args.timeline, settings)
        else:
            review = review_logs(args.paths, key=key, filters=filters, decisions=fmt.decisions, timeline=args.timeline)
            _add_academy(review, settings, None)
    except (KeyFileError, LogReadError) as exc:
        raise UserError(str(exc)) from None
    if delivery is not None:
        try:
            return _deliver(review, delivery)
        finally:
            review.sessions.close()
    try:
        _write(args, review)
    finally:
        review.sessions.close()
    _report_problems(review)
    return 1 if review.tampered or review.skipped else 0


def readiness_rule(args: argparse.Namespace, settings: AcademySettings | None = None) -> ReadinessRule:
    """Who is ready: the academy's settings file when one is given (its required
    scenarios, pass and competency rules), else the documented default
    (docs/review.md, "Readiness")."""
    from simulator.review import DEFAULT_RULE, ReadinessRule

    if settings is None:
        return DEFAULT_RULE
    rule = settings.readiness
    return ReadinessRule(
        required_scenarios=tuple(settings.required_scenarios) or None,
        latest_must_pass=rule.pass_required,
        max_critical_in_latest=0 if rule.no_critical_in_last else DEFAULT_RULE.max_critical_in_latest,
        min_competency=rule.min_competency,
        name=Path(args.settings).name if args.settings else "academy settings",
    )


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


# --- issue 14: store, settings, LRS ---------------------------------------------------------

def _settings(path: Path | None) -> AcademySettings | None:
    if path is None:
        return None
    from simulator.academy.settings import SettingsError, load_settings

    try:
        return load_settings(path)
    except SettingsError as exc:
        raise UserError(str(exc)) from None


def _review_store(url: str, filters: Filters, decisions: bool, timeline: Timeline | None,
                  settings: AcademySettings | None) -> Review:
    from simulator.store import StoreError, open_store, store_errors
    from simulator.store.annotations import annotations_of
    from simulator.store.report import review_store

    try:
        with store_errors(url):
            store = open_store(url)
            try:
                review = review_store(store, filters=filters, decisions=decisions, timeline=timeline)
                shown = {row["session_id"] for row in review.sessions}
                _add_academy(review, settings, annotations_of(store, shown))
            finally:
                store.close()
    except StoreError as exc:
        raise UserError(str(exc)) from None
    return review


def _add_academy(review: Review, settings: AcademySettings | None, annotations: list[dict[str, Any]] | None) -> None:
    """Readiness, cohorts and annotations, when there is something to say: with a
    settings file, from a store, or when logs name cohorts. Otherwise the report
    is exactly what it was before issue 14."""
    from simulator.academy.readiness import academy_section

    section = academy_section(review.sessions, settings, annotations)
    named = any(c["cohort"] != "(none)" for c in section["cohorts"])
    if settings is not None or annotations is not None or named:
        review.academy = section


def _accounts(path: Path | None) -> dict[str, dict[str, str]] | None:
    if path is None:
        return None
    from simulator.review.render_xapi import AccountsError, load_accounts

    try:
        return load_accounts(path)
    except AccountsError as exc:
        raise UserError(str(exc)) from None


def _delivery(args: argparse.Namespace) -> Any:
    """Check the xAPI options before any log is read (a bad homepage or password
    file is one line, exit 2 or 1, not a report sent halfway)."""
    from simulator.review.render_xapi import HomepageError, check_homepage

    try:
        check_homepage(args.xapi_homepage)
    except HomepageError as exc:
        raise UsageError(str(exc)) from None
    if args.lrs is None:
        if args.lrs_user or args.lrs_password_file:
            raise UsageError("--lrs-user and --lrs-password-file need --lrs URL")
        return None
    if args.format != "xapi":
        raise UsageError("--lrs sends xAPI statements: use it with --format xapi")
    from simulator.review.lrs import LrsError, LrsTarget

    try:
        return LrsTarget.from_options(args.lrs, args.lrs_user, args.lrs_password_file, args.xapi_homepage,
                                      _accounts(args.accounts), args.lrs_batch)
    except LrsError as exc:
        raise UserError(str(exc)) from None


def _deliver(review: Review, target: Any) -> int:
    from simulator.review.lrs import LrsError, send_review

    try:
        sent = send_review(review, target)
    except LrsError as exc:
        raise UserError(str(exc)) from None
    print(f"sent {sent.statements} statement(s) to {target.shown} in {sent.batches} batch(es): "
          f"{sent.stored} stored, {sent.already} already there")
    _report_problems(review)
    return 1 if review.tampered or review.skipped else 0
