"""Shared helpers for the logbook tests (no tests here)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from simulator.logbook import END_TYPES, ZERO_HASH, SessionLogWriter, new_session_id
from simulator.logbook.models import (
    Action,
    Assessment,
    CriticalError,
    ForceBand,
    RubricInfo,
    ScenarioInfo,
    Scores,
    SessionEnded,
    SessionStarted,
    SituationEntered,
    SituationScored,
)
from simulator.logbook.records import canonical_json, compute_mac, line_hash, with_digest

KEY = b"academy-secret-key"


def step_clock(step: float = 1.2345) -> Callable[[], float]:
    ticks = itertools.count()
    return lambda: next(ticks) * step


def start_record(session_id: str, trainee: str = "recrue-07") -> SessionStarted:
    """A session_started record like the ones `uofsim run` writes, with non-ASCII text."""
    return SessionStarted(
        format=1, session_id=session_id, trainee=trainee, workstation="ws-3", app_version="0.1.0",
        started_at="2026-11-25T11:39:12.123Z", seed=7, lang="fr",
        scenario=ScenarioInfo(id="traffic-stop", version="2", title="Contrôle routier « nuit »", difficulty=2,
                              sha256="ab" * 32),
        rubric=RubricInfo(name="default", sha256="cd" * 32), mode="headless",
    )


def write_sample_log(log_dir: Path, key: bytes | None = None, *, end: bool = True) -> Path:
    """A small log written by the real writer, shaped like the ones `uofsim run` writes."""
    with SessionLogWriter.create(log_dir, new_session_id("recrue-07"), clock=step_clock(), key=key) as w:
        w.write(start_record(w.path.stem))
        w.write(SituationEntered(situation="approach", behaviour="passive_resistant", time_limit_s=20))
        w.write(Assessment(situation="approach", chosen="passive_resistant", expected="passive_resistant",
                           score=1.0, decision_s=3.25))
        w.write(Action(situation="approach", option="verbal", force=["communication"], level=1,
                       range=ForceBand(min="communication", max="physical_control_soft"), verdict="insufficient",
                       severity=0, critical=False, reportable=False, decision_s=4.5))
        w.write(SituationScored(situation="approach",
                                scores=Scores(assess=1.0, plan=None, act=1.0, time=0.9, total=0.97)))
        if end:
            w.write(SessionEnded(score=97, passed=True,
                                 critical_errors=[CriticalError(situation="approach", option="x", reason="é")],
                                 community=None, situations=1))
    return w.path


def independent_check(data: bytes, key: bytes | None) -> list[dict]:
    """Recompute chain and MACs by hand, without the logbook's helpers."""
    lines = data.split(b"\n")
    assert lines[-1] == b"", "file must end in a newline"
    prev = "0" * 64
    records = []
    for seq, line in enumerate(lines[:-1]):
        record = json.loads(line)
        assert record["seq"] == seq
        assert record["prev"] == prev
        keys = list(record)
        assert keys[:3] == ["seq", "t", "type"]
        # End records carry a keyless self-digest right after prev (docs/reliability.md).
        ends = record["type"] in ("session_ended", "session_aborted")
        tail = ["prev", *(["digest"] if ends else []), *(["mac"] if key is not None else [])]
        assert keys[-len(tail):] == tail
        body = dict(record)
        if key is not None:
            mac = body.pop("mac")
            body_bytes = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            assert line == body_bytes[:-1] + b',"mac":"' + mac.encode() + b'"}'
            assert mac == hmac.new(key, body_bytes, hashlib.sha256).hexdigest()
        if ends:
            digest = body.pop("digest")
            bare = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            assert digest == hashlib.sha256(bare).hexdigest()
        prev = hashlib.sha256(line).hexdigest()
        records.append(record)
    return records


def chained_line(record: dict[str, Any], seq: int, prev: str, key: bytes | None) -> bytes:
    """`record` as line `seq` after a line hashing to `prev`, by the writer's own rules
    (canonical JSON, digest on end records, mac with `key`), whatever its fields hold."""
    body = {k: v for k, v in record.items() if k not in ("seq", "t", "type", "prev", "digest", "mac")}
    text = canonical_json({"seq": seq, "t": record.get("t", 0), "type": record.get("type"), **body, "prev": prev})
    if isinstance(record.get("type"), str) and record["type"] in END_TYPES:
        text = with_digest(text)
    line = text.encode("utf-8")
    if key is not None:
        line = line[:-1] + b',"mac":"' + compute_mac(key, line).encode() + b'"}'
    return line


class HandWriter:
    """A log written by hand: any records, valid or not, with a chain, digests and
    MACs that verify. What a buggy writer, or anyone re-chaining a log, can produce;
    the real writer (SessionLogWriter) only takes the record models."""

    def __init__(self, path: Path, clock: Callable[[], float], key: bytes | None) -> None:
        self.path = path
        self._clock = clock
        self._key = key
        self._prev = ZERO_HASH
        self._seq = 0
        self._handle = path.open("wb")

    @classmethod
    def create(cls, folder: Path, session_id: str, *, clock: Callable[[], float],
               key: bytes | None = None) -> HandWriter:
        folder.mkdir(parents=True, exist_ok=True)
        return cls(folder / f"{session_id}.jsonl", clock, key)

    def write(self, type_: str, /, **fields: Any) -> dict[str, Any]:
        line = chained_line({"t": round(float(self._clock()), 3), "type": type_, **fields}, self._seq, self._prev,
                            self._key)
        self._handle.write(line + b"\n")
        self._prev = line_hash(line)
        self._seq += 1
        return json.loads(line)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> HandWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
