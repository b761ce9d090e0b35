"""The review pass: every log read once, verified, checked, tallied.

Per file: read its bytes once; verify them (as `uofsim verify` does) with
`verify_and_parse`, which hands back the records it decoded, so each line is
parsed once; check every record (schema.py); turn the session into facts (facts.py); fold the facts into the
tallies (tallies.py) and hand the per-session row to a spool on disk (spool.py)
for the session-level output. Nothing per log stays in memory afterwards.

Files are taken in order of their names: a session log is named by its session
id, which starts with the UTC start time, so this is the order in which the
sessions were played, across workstations too.

Duplicates are found by session id across the whole corpus, whatever the files
are called: a first pass hashes every log and notes the id its first line
claims. Byte-identical copies are counted once. Two different contents under
one id are a conflict: every copy is reported and none is counted, since
review cannot tell which one is the session that was played.

Reading is bounded (logbook/reader.py): only regular files within the size,
line and record limits are read; anything else is skipped with one line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from simulator.logbook import (
    FORMAT_VERSION,
    START_TYPE,
    LogReadError,
    LogRecord,
    RecordError,
    iter_log_files,
    number_problem,
    read_log_bytes,
    read_record,
)
from simulator.logbook.models import SessionStarted
from simulator.logbook.reader import MAX_LINE_BYTES, open_log
from simulator.logbook.verify import verify_and_parse
from simulator.review.facts import SessionFacts, session_facts
from simulator.review.sdt import LethalCounts
from simulator.review.spool import SessionSpool
from simulator.review.tallies import ScenarioTally, ScoreHistogram, TraineeTally

MAX_WARNINGS = 500  # kept in full; beyond that only counted


@dataclass(frozen=True)
class Filters:
    trainee: str | None = None
    scenario: str | None = None
    since: datetime | None = None  # aware, UTC

    def keep(self, facts: SessionFacts) -> bool:
        if self.trainee is not None and facts.trainee != self.trainee:
            return False
        if self.scenario is not None and facts.scenario_id != self.scenario:
            return False
        return self.since is None or parse_time(facts.started_at) >= self.since


@dataclass
class Tampered:
    path: str
    first_bad_seq: int | None
    detail: str
    claimed_trainee: str  # what the (untrusted) log says, for finding the workstation
    claimed_session: str


@dataclass
class Review:
    """Everything the outputs show, except the per-session rows (in `sessions`)."""

    trainees: dict[str, TraineeTally] = field(default_factory=dict)
    scenarios: dict[str, ScenarioTally] = field(default_factory=dict)
    lethal: LethalCounts = field(default_factory=LethalCounts)
    histogram: ScoreHistogram = field(default_factory=ScoreHistogram)
    tampered: list[Tampered] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_dropped: int = 0
    files: int = 0
    counted: int = 0
    skipped: int = 0  # unreadable, over a limit, another format version, no usable start record, conflict
    duplicates: int = 0
    conflicts: int = 0  # copies of a session id whose contents differ (also counted in skipped)
    filtered_out: int = 0
    key_used: bool = False
    sessions: SessionSpool = field(default_factory=SessionSpool)
    academy: dict[str, Any] | None = None  # readiness, cohorts, annotations (simulator/academy), when asked for

    def warn(self, message: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)
        else:
            self.warnings_dropped += 1


def parse_time(text: str) -> datetime:
    """An ISO 8601 time or date; naive means UTC."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


Timeline = Callable[[list[LogRecord]], dict[str, Any]]


def review_logs(
    paths: Iterable[Path | str],
    *,
    key: bytes | None = None,
    filters: Filters = Filters(),
    decisions: bool = False,
    timeline: Timeline | None = None,
) -> Review:
    """Review every log under `paths`. `decisions` keeps each session's decisions in
    the spool (csv, json, xapi); `timeline` (records -> dict) adds a debrief
    timeline per session (html, json). Raises LogReadError for a missing path."""
    review = Review(key_used=key is not None)
    files = sorted(iter_log_files(paths), key=lambda p: (p.name, str(p)))
    pass_ = LogPass(review, key, filters, decisions, timeline, _copies_by_id(files))
    for path in files:
        pass_.file(path)
    review.sessions.finish()
    return review


@dataclass
class _Copies:
    """The copies of one session id in the corpus."""

    first: str  # the path of the first copy, in review order
    digests: set[bytes] = field(default_factory=set)

    @property
    def conflict(self) -> bool:
        return len(self.digests) > 1


def _copies_by_id(files: list[Path]) -> dict[str, _Copies]:
    """Session id (as the first line claims it) -> its copies, for every id that more
    than one file claims. Only each file's first line is read here; the few ids with
    several files are then hashed whole, so the common corpus is read once, by the pass."""
    claims: dict[str, list[Path]] = {}
    for path in files:
        session_id = _claimed_id(path)
        if session_id is not None:
            claims.setdefault(session_id, []).append(path)
    copies: dict[str, _Copies] = {}
    for session_id, paths in claims.items():
        if len(paths) < 2:
            continue
        entry = copies[session_id] = _Copies(str(paths[0]))
        for path in paths:
            try:
                entry.digests.add(hashlib.sha256(read_log_bytes(path)).digest())
            except LogReadError:
                continue  # the main pass reports it
    return copies


def _claimed_id(path: Path) -> str | None:
    """The session id a log's first line claims, reading no more than one line's worth."""
    try:
        with open_log(path) as handle:
            head = handle.read(MAX_LINE_BYTES + 1)
    except (LogReadError, OSError):
        return None  # the main pass reports it
    session_id = _first_record(head).get("session_id")
    return session_id if isinstance(session_id, str) else None


class LogPass:
    """One pass over logs: read, verify, check, extract facts, count. The academy store
    subclasses it to store each counted session instead (simulator/store/ingest.py)."""

    def __init__(self, review: Review, key: bytes | None, filters: Filters, decisions: bool, timeline: Timeline | None,
                 copies: dict[str, _Copies] | None = None) -> None:
        self.review = review
        self.key = key
        self.filters = filters
        self.decisions = decisions
        self.timeline = timeline
        self.copies = copies or {}  # session id -> its copies over the corpus (file review's conflict check)
        self.counted: dict[str, str] = {}  # session id -> path of the copy counted

    def file(self, path: Path) -> None:
        review = self.review
        review.files += 1
        shown = str(path)
        try:
            data = read_log_bytes(path)
        except LogReadError as exc:
            review.skipped += 1
            review.warn(f"{exc}; skipped")
            return
        verdict, parsed = verify_and_parse(data, self.key, path)
        if parsed is None:  # tampered
            self._tampered(shown, data, verdict.first_bad_seq, verdict.detail)
            return
        torn = bool(data) and not data.endswith(b"\n")
        usable = self._records(shown, parsed, torn)
        if usable is None:
            review.skipped += 1
            return
        records, lines = usable
        facts = session_facts(shown, _integrity(verdict.status, verdict.detail), records)
        if not self.filters.keep(facts):
            review.filtered_out += 1
            return
        if self._copy_problem(shown, facts.session_id):
            return
        self.counted[facts.session_id] = shown
        self._count(facts, records, lines)

    def _copy_problem(self, shown: str, session_id: str) -> bool:
        """True (with a warning) for a conflicting copy or a copy already counted."""
        copies = self.copies.get(session_id)
        if copies is not None and copies.conflict:
            self.review.skipped += 1
            self.review.conflicts += 1
            other = copies.first if copies.first != shown else "another copy"
            self.review.warn(f"{shown}: session {session_id} has different contents in {other} "
                             f"({len(copies.digests)} versions); conflict, not counted")
            return True
        first = self.counted.get(session_id)
        if first is not None:
            self.review.duplicates += 1
            self.review.warn(f"{shown}: same session as {first}; counted once")
            return True
        return False

    def _tampered(self, shown: str, data: bytes, seq: int | None, detail: str) -> None:
        start = _first_record(data)
        fmt = start.get("format") if start.get("type") == "session_started" else None
        if seq == 0 and fmt is not None and fmt != FORMAT_VERSION:
            # Another format version is not tampering: a newer (or older) writer.
            self.review.skipped += 1
            self.review.warn(f"{shown}:1: session log format {fmt!r}, "
                             f"this review reads format {FORMAT_VERSION}; skipped")
            return
        self.review.tampered.append(
            Tampered(shown, seq, detail, str(start.get("trainee", "")), str(start.get("session_id", "")))
        )
        line = "" if seq is None else f"{seq + 1}:"
        self.review.warn(f"{shown}:{line} tampered ({detail}); not counted")

    def _records(self, shown: str, parsed: list[dict[str, Any]],
                 torn: bool) -> tuple[list[LogRecord], list[dict[str, Any]]] | None:
        """The usable records among `parsed` (verify's records of the newline-ended
        lines, line number = index + 1) as models, with their lines as parsed,
        warning (file:line) about every one that is not usable; None when the log
        has no usable session_started."""
        records: list[LogRecord] = []
        lines: list[dict[str, Any]] = []
        for number, line in enumerate(parsed, start=1):
            try:
                record = read_record(line)
            except RecordError as exc:
                if number == 1 and line.get("type") == START_TYPE:
                    self.review.warn(f"{shown}:1: {exc}; log skipped")
                    return None
                self.review.warn(f"{shown}:{number}: {exc}; line skipped")
                continue
            out_of_range = number_problem(line)
            if out_of_range:
                # Intact but absurd (a re-chained 1e308): no figure from this log can be trusted.
                self.review.warn(f"{shown}:{number}: {out_of_range}; log skipped")
                return None
            records.append(record)
            lines.append(line)
        if torn:
            self.review.warn(f"{shown}:{len(parsed) + 1}: torn last line skipped (crash while writing)")
        if not records or not isinstance(records[0], SessionStarted):
            self.review.warn(f"{shown}:1: no session_started record; log skipped")
            return None
        return records, lines

    def _count(self, facts: SessionFacts, records: list[LogRecord], lines: list[dict[str, Any]]) -> None:
        """Count one usable session (`lines` are its records as parsed, envelope included)."""
        review = self.review
        review.counted += 1
        trainee = review.trainees.get(facts.trainee) or review.trainees.setdefault(facts.trainee,
                                                                                   TraineeTally(facts.trainee))
        trainee.add(facts)
        scenario = review.scenarios.get(facts.scenario_id) or review.scenarios.setdefault(
            facts.scenario_id, ScenarioTally(facts.scenario_id)
        )
        scenario.add(facts)
        review.histogram.add(facts)
        for d in facts.decisions:
            if d.kind == "act":
                review.lethal.add(d.lethal_allowed, d.lethal_chosen)
        row = facts.row()
        if self.decisions:
            row["decisions"] = [d.as_dict() for d in facts.decisions]
        if self.timeline is not None:
            row["timeline"] = self._timeline(facts.path, records)
        review.sessions.add(row)


    def _timeline(self, shown: str, records: list[LogRecord]) -> dict[str, Any] | None:
        assert self.timeline is not None
        try:
            return self.timeline(records)
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            # Records in an order no writer produces (e.g. an action before any
            # situation): the figures still count, only the timeline is left out.
            self.review.warn(f"{shown}: timeline cannot be rebuilt ({type(exc).__name__}: {exc}); left out")
            return None


def _integrity(status: str, detail: str) -> str:
    return f"{status} ({detail})" if detail else status


_decode = json.JSONDecoder().decode  # json.loads minus its per-call encoding sniffing


def _parse(line: bytes) -> tuple[dict[str, Any] | None, str]:
    try:
        value = _decode(line.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None, "malformed line (not JSON)" if line.strip() else "empty line"
    if not isinstance(value, dict):
        return None, "not a JSON object"
    return value, ""


def _first_record(data: bytes) -> dict[str, Any]:
    record, _ = _parse(data.split(b"\n", 1)[0])
    return record or {}
