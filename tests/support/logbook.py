"""Shared helpers for the logbook tests (no tests here)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import Callable
from pathlib import Path

from simulator.logbook import SessionLogWriter, new_session_id

KEY = b"academy-secret-key"


def step_clock(step: float = 1.2345) -> Callable[[], float]:
    ticks = itertools.count()
    return lambda: next(ticks) * step


def write_sample_log(log_dir: Path, key: bytes | None = None, *, end: bool = True) -> Path:
    """A small log shaped like the ones `uofsim run` writes, with non-ASCII text."""
    with SessionLogWriter.create(log_dir, new_session_id("recrue-07"), clock=step_clock(), key=key) as w:
        w.write(
            "session_started", format=1, session_id=w.path.stem, trainee="recrue-07", workstation="ws-3",
            app_version="0.1.0", started_at="2026-11-25T11:39:12.123Z", seed=7, lang="fr",
            scenario={"id": "traffic-stop", "version": 2, "title": "Contrôle routier « nuit »",
                      "difficulty": "basic", "sha256": "ab" * 32},
            rubric={"name": "default", "sha256": "cd" * 32}, mode="headless",
        )
        w.write("situation_entered", situation="approach", behaviour="passive_resistant", time_limit_s=20)
        w.write("assessment", situation="approach", chosen="passive_resistant", expected="passive_resistant",
                score=1.0, decision_s=3.25)
        w.write("action", situation="approach", option="verbal", force=["communication"], level=1,
                range={"min": 1, "max": 2}, verdict="appropriate", severity=0, critical=False,
                reportable=False, decision_s=4.5)
        w.write("situation_scored", situation="approach",
                scores={"assess": 1.0, "plan": None, "act": 1.0, "time": 0.9, "total": 0.97})
        if end:
            w.write("session_ended", score=97, passed=True,
                    critical_errors=[{"situation": "approach", "option": "x", "reason": "é"}],
                    community=None, situations=1)
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
