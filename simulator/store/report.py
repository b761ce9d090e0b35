"""`uofsim review --db`: the same Review as from files, built from the store.

The sessions are read in session-id order (the order file review takes logs
in, by their names), their facts rebuilt from the rows, and counted by the
review pass's own counting step, so every tally, figure and output is the
file review's. No log is read or verified again: that was done at import.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from simulator.logbook import read_record
from simulator.review.competencies import COMPETENCIES
from simulator.review.facts import Decision, SessionFacts
from simulator.review.scan import Filters, LogPass, Review, Tampered, Timeline
from simulator.store import schema as s
from simulator.store.db import Store

_FETCH = 2000  # rows per round trip from the server
_FACT_COLUMNS = ("path", "session_id", "trainee", "scenario_title", "scenario_version", "difficulty", "started_at",
                 "workstation", "lang", "status", "integrity", "score", "passed", "critical_errors", "community",
                 "situations", "ending", "abort_reason", "duration_s", "cohort", "reportable")


def review_store(store: Store, *, filters: Filters = Filters(), decisions: bool = False,
                 timeline: Timeline | None = None) -> Review:
    """`mac_checked` says whether every stored session was verified with the
    academy key at import (a key given to review --db checks nothing again)."""
    review = Review()
    counting = LogPass(review, None, filters, decisions, timeline)
    with store.reading() as conn:
        unchecked = conn.execute(sa.select(sa.func.count()).where(~s.sessions.c.mac_checked)).scalar_one()
        review.key_used = unchecked == 0 and (
            conn.execute(sa.select(sa.func.count()).select_from(s.sessions)).scalar_one() > 0)
        _quarantined(conn, review)
        for facts, log, warnings in _all_facts(conn, store.dialect, timeline is not None):
            review.files += 1
            for warning in warnings:
                review.warn(warning)
            if not filters.keep(facts):
                review.filtered_out += 1
                continue
            lines = _lines(log) if log is not None else []
            counting._count(facts, [read_record(line) for line in lines], lines)
    review.sessions.finish()
    return review


def _quarantined(conn: sa.Connection, review: Review) -> None:
    q = sa.select(s.quarantine).order_by(s.quarantine.c.path, s.quarantine.c.log_sha256)
    for row in conn.execute(q):
        review.files += 1
        review.tampered.append(Tampered(row.path, row.first_bad_seq, row.detail, row.claimed_trainee,
                                        row.claimed_session))
        line = "" if row.first_bad_seq is None else f"{row.first_bad_seq + 1}:"
        review.warn(f"{row.path}:{line} tampered ({row.detail}); not counted")


def _all_facts(conn: sa.Connection, dialect: str,
               with_log: bool) -> Iterator[tuple[SessionFacts, bytes | None, list[str]]]:
    """Every session's facts, in session-id order, its decisions and scored
    situations merged in from two more ordered queries (three scans in all,
    however many sessions)."""
    columns = [s.sessions.c[name] for name in _FACT_COLUMNS]
    columns += [s.sessions.c.scenario, s.sessions.c.warnings] + ([s.sessions.c.log] if with_log else [])
    # Byte order on every server (PostgreSQL's default collation would not be),
    # so the merge below and Python's string order agree.
    def by_id(table: sa.Table) -> Any:
        return sa.collate(table.c.session_id, "C") if dialect == "postgresql" else table.c.session_id

    sessions = _stream(conn, sa.select(*columns).order_by(by_id(s.sessions)))
    decision_columns = [s.decisions.c[name] for name in _DECISION_COLUMNS]
    decisions = _Grouped(_stream(conn, sa.select(*decision_columns).order_by(by_id(s.decisions), s.decisions.c.seq)))
    scored = _Grouped(_stream(conn, sa.select(s.situation_scores).order_by(
        by_id(s.situation_scores), s.situation_scores.c.position)))
    comps = _Grouped(_stream(conn, sa.select(s.competencies).order_by(by_id(s.competencies))))
    for row in sessions:
        sid = row.session_id
        facts = SessionFacts(
            path=row.path, session_id=sid, trainee=row.trainee, scenario_id=row.scenario,
            scenario_title=row.scenario_title, scenario_version=row.scenario_version, difficulty=row.difficulty,
            started_at=row.started_at, workstation=row.workstation, lang=row.lang, status=row.status,
            integrity=row.integrity, score=row.score, passed=row.passed, critical_errors=row.critical_errors,
            community=row.community, situations=row.situations, ending=row.ending, abort_reason=row.abort_reason,
            duration_s=row.duration_s, cohort=row.cohort,
        )
        facts.decisions = [_decision(d) for d in decisions.take(sid)]
        facts.situation_totals = [(r.situation, r.total) for r in scored.take(sid)]
        measured = {r.competency: r.value for r in comps.take(sid)}
        facts.competencies = [measured.get(name) for name in COMPETENCIES]  # as file review computes them
        facts.reportable = bool(row.reportable)
        yield facts, (row.log if with_log else None), json.loads(row.warnings) if row.warnings else []


# The decision columns in Decision's field order (after session_id), so a row
# unpacks straight into one: this loop runs once per decision in the store.
_DECISION_COLUMNS = ("session_id", "seq", "t", "kind", "situation", "response", "expected", "score", "decision_s",
                     "verdict", "level", "range_max", "severity", "critical", "reportable", "phase", "reasons",
                     "firearm", "wait")


def _decision(row: Any) -> Decision:
    (_, seq, t, kind, situation, response, expected, score, decision_s, verdict, level, range_max, severity,
     critical, reportable, phase, reasons, firearm, wait) = row
    return Decision(seq, t, kind, situation, None if response is None else _response(response), expected, score,
                    decision_s, verdict, level, range_max, severity, bool(critical), bool(reportable), phase,
                    None if reasons is None else _response(reasons), firearm, bool(wait))


@functools.lru_cache(maxsize=65536)
def _response(text: str) -> Any:
    """A stored response (JSON). The same few ids and id lists recur across
    thousands of decisions, so each distinct text is decoded once; lists are
    shared between decisions, which is safe: nothing downstream mutates them."""
    return json.loads(text)


def _lines(log: bytes) -> list[dict[str, Any]]:
    """A stored log's usable records, as parsed (checked at import)."""
    return [json.loads(line) for line in zlib.decompress(log).split(b"\n")]


def _stream(conn: sa.Connection, query: sa.Select[Any]) -> Iterator[Any]:
    """Rows without holding the whole result in memory (a server-side cursor on PostgreSQL)."""
    result = conn.execution_options(stream_results=True, yield_per=_FETCH).execute(query)
    yield from result


class _Grouped:
    """Rows ordered by session id, handed out one session at a time, in step
    with the (identically ordered) sessions."""

    def __init__(self, rows: Iterator[Any]) -> None:
        self.rows = rows
        self.pending = next(rows, None)

    def take(self, session_id: str) -> list[Any]:
        """The rows of `session_id` (each query selects session_id first)."""
        out = []
        pending, rows = self.pending, self.rows
        while pending is not None and pending[0] <= session_id:
            if pending[0] == session_id:
                out.append(pending)
            pending = next(rows, None)
        self.pending = pending
        return out
