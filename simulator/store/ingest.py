"""`uofsim import`: verify logs and store them, once per session id.

Each log goes through the review pass itself (scan.LogPass): the same read,
verify (with MACs when a key is given), record checks and facts as
`uofsim review`, so the store holds exactly what a file review would count.
Only the last step differs: the facts are stored instead of tallied.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from simulator.logbook import END_TYPES, LogRecord, iter_log_files
from simulator.logbook.models import SituationScored
from simulator.logbook.records import canonical_json
from simulator.review.competencies import COMPETENCIES
from simulator.review.facts import SessionFacts
from simulator.review.scan import Filters, LogPass, Review
from simulator.store.db import Prepared, Store

BATCH = 500  # logs per transaction: few commits, and a crash loses at most one batch of work (re-run import)
_RETRIES = 5


@dataclass
class ImportResult:
    files: int = 0
    new: int = 0
    known: int = 0  # already in the store (or a second copy in this run)
    upgraded: int = 0  # held as incomplete, now seen further along
    quarantined: int = 0  # tampered (new to the quarantine table or not)
    skipped: int = 0  # unreadable, another format, no usable start record

    def line(self, where: str) -> str:
        return (f"imported {self.files} file(s) into {where}: {self.new} new session(s), {self.known} already stored, "
                f"{self.upgraded} updated (seen ending), {self.quarantined} tampered (quarantined, not counted), "
                f"{self.skipped} skipped")


class _Importer(LogPass):
    """The review pass, storing each counted session instead of tallying it."""

    def __init__(self, key: bytes | None) -> None:
        super().__init__(Review(key_used=key is not None), key, Filters(), True, None)
        self.prepared: list[Prepared] = []
        self.quarantined: list[dict[str, Any]] = []
        self.messages: list[str] = []  # tampered and skipped logs, for stderr

    def file(self, path: Path) -> None:
        review = self.review
        review.warnings = []  # per file: they are stored with the session
        before = (review.skipped, len(review.tampered))
        super().file(path)
        if (review.skipped, len(review.tampered)) != before:
            self.messages.extend(review.warnings)

    def _tampered(self, shown: str, data: bytes, seq: int | None, detail: str) -> None:
        count = len(self.review.tampered)
        super()._tampered(shown, data, seq, detail)
        if len(self.review.tampered) > count:
            t = self.review.tampered[-1]
            self.quarantined.append({
                "log_sha256": hashlib.sha256(data).hexdigest(), "path": t.path, "first_bad_seq": t.first_bad_seq,
                "detail": t.detail, "claimed_trainee": t.claimed_trainee, "claimed_session": t.claimed_session,
                "imported_at": _now(),
            })

    def _count(self, facts: SessionFacts, records: list[LogRecord], lines: list[dict[str, Any]]) -> None:
        item = prepare(facts, records, lines, list(self.review.warnings))
        item.session["mac_checked"] = self.key is not None  # verify demands every mac when given a key
        self.prepared.append(item)


def prepare(facts: SessionFacts, records: list[LogRecord], lines: list[dict[str, Any]],
            warnings: list[str]) -> Prepared:
    """Rows for one session from its facts (and, for what facts leave out, its records;
    `lines` are the same records as parsed, envelope included: the log kept)."""
    last = lines[-1]
    session = facts.row()
    session.pop("competencies")
    session.update(
        scenario_version=facts.scenario_version,
        lang=facts.lang,
        records=last["seq"] + 1,
        end_digest=last.get("digest") if last["type"] in END_TYPES else None,
        warnings=json.dumps(warnings, ensure_ascii=False) if warnings else None,
        log=zlib.compress("\n".join(map(canonical_json, lines)).encode("utf-8"), 1),  # fast: read rarely (timelines)
        imported_at=_now(),
    )
    sid = facts.session_id
    decisions = [{**_decision_row(d), "session_id": sid} for d in facts.decisions]
    scored = [r for r in records if isinstance(r, SituationScored) and r.scores.total is not None]
    situations = [
        {"session_id": sid, "position": n, "situation": situation, "total": total,
         "competencies": _json_or_none(record.competencies)}
        for n, ((situation, total), record) in enumerate(zip(facts.situation_totals, scored))
    ]
    competencies = [  # the measured ones (file review's own figures, old logs' derived ones included)
        {"session_id": sid, "competency": name, "value": float(value)}
        for name, value in zip(COMPETENCIES, facts.competencies or ()) if value is not None
    ]
    return Prepared(session, decisions, situations, competencies)


def _decision_row(d: Any) -> dict[str, Any]:
    return {
        "seq": d.seq, "t": d.t, "kind": d.kind, "situation": d.situation,
        "response": None if d.response is None else json.dumps(d.response, ensure_ascii=False),
        "expected": d.expected, "score": d.score, "decision_s": d.decision_s, "verdict": d.verdict, "level": d.level,
        "range_max": d.range_max, "severity": d.severity, "critical": d.critical, "reportable": d.reportable,
        "phase": d.phase, "firearm": d.firearm, "wait": d.wait,
        "reasons": None if d.reasons is None else json.dumps(d.reasons),
    }


def _json_or_none(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, dict) else None


def import_logs(store: Store, paths: Iterable[Path | str], *, key: bytes | None,
                progress: Callable[[int, int], None] | None = None,
                messages: TextIO | None = None) -> ImportResult:
    """Verify and store every log under `paths` (LogReadError for a missing path)."""
    files = sorted(iter_log_files(paths), key=lambda p: (p.name, str(p)))
    result = ImportResult(files=len(files))
    importer = _Importer(key)
    for start in range(0, len(files), BATCH):
        for path in files[start:start + BATCH]:
            importer.file(path)
        _flush(store, importer, result)
        for message in importer.messages:
            print(f"warning: {message}", file=messages or sys.stderr)
        importer.messages.clear()
        if progress is not None:
            progress(min(start + BATCH, len(files)), len(files))
    result.skipped = importer.review.skipped
    result.known += importer.review.duplicates
    return result


def store_one(store: Store, path: Path, key: bytes | None) -> ImportResult:
    """Store one log just written (play/run --db)."""
    return import_logs(store, [path], key=key)


def _flush(store: Store, importer: _Importer, result: ImportResult) -> None:
    batch = sorted(importer.prepared, key=lambda p: p.session_id)  # one lock order for every importer
    done = _retrying(lambda: store.store(batch))
    result.new += done.new
    result.known += done.known
    result.upgraded += done.upgraded
    result.quarantined += len(importer.quarantined)
    rows = importer.quarantined
    _retrying(lambda: store.quarantine(rows))
    importer.prepared = []
    importer.quarantined = []


def _retrying(action: Callable[[], Any]) -> Any:
    """Run a write transaction again when the server gave up on it for a
    concurrency reason (a deadlock or serialization failure between importers);
    everything in it is idempotent."""
    import sqlalchemy as sa

    for attempt in range(_RETRIES):
        try:
            return action()
        except sa.exc.OperationalError as exc:
            code = getattr(getattr(exc, "orig", None), "sqlstate", None)
            if code not in ("40001", "40P01") or attempt == _RETRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)
    return None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
