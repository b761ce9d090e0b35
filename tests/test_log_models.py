"""The typed record models (logbook/models.py) are the one definition of format 1:
the writer's bytes are unchanged by them, every line ever written reads back
into them, and the lists of types that used to be written by hand come from them."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from simulator.logbook import SessionLogWriter, verify_file
from simulator.logbook.models import (
    END_TYPES,
    RECORD_MODELS,
    RECORD_TYPES,
    Action,
    LogRecord,
    RecordError,
    SessionAborted,
    Timeout,
    read_record,
)
from simulator.logbook.records import canonical_json
from support.golden import GOLDEN, PLAYS, write_golden_logs

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = [FIXTURES / "logs-v0", GOLDEN]


def _lines(folder: Path) -> list[str]:
    return [line for path in sorted(folder.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_writer_writes_todays_bytes(tmp_path: Path) -> None:
    """The golden logs were written before the records were models: same sessions, same bytes."""
    written = write_golden_logs(tmp_path)
    assert len(written) == len(PLAYS) == len(list(GOLDEN.glob("*.jsonl")))
    for path in written:
        assert path.read_bytes() == (GOLDEN / path.name).read_bytes(), path.name


def test_golden_logs_verify_ok() -> None:
    for path in sorted(GOLDEN.glob("*.jsonl")):
        key = b"golden-academy-key" if b'"mac":' in path.read_bytes() else None
        assert verify_file(path, key).status == "ok", path.name


def test_golden_corpus_covers_every_type_and_optional_key() -> None:
    """So the byte test above pins every record type, with each optional key both written and left out."""
    seen: dict[str, set[str]] = {}
    for line in _lines(GOLDEN):
        data = json.loads(line)
        seen.setdefault(data["type"], set()).add(",".join(sorted(data)))
    assert set(seen) == RECORD_TYPES
    for type_, model in RECORD_MODELS.items():
        for name in model.OMIT_IF_NONE:
            key_sets = [keys.split(",") for keys in seen[type_]]
            assert any(name in keys for keys in key_sets), f"{type_}.{name} never written"
            if name not in {"feedback", "reasons", "competencies", "decision_s", "reportable"}:  # always written now
                assert any(name not in keys for keys in key_sets), f"{type_}.{name} never left out"


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_every_line_reads_into_its_model_and_writes_back_the_same(corpus: Path) -> None:
    """Old logs (before reason codes and competencies) included: no key is lost or reordered."""
    for line in _lines(corpus):
        data = json.loads(line)
        record = read_record(data)
        assert type(record) is RECORD_MODELS[data["type"]]
        envelope = {k: data[k] for k in ("prev", "digest", "mac") if k in data}
        again = {**record.line(), **envelope}
        assert canonical_json(again) == line


def test_types_come_from_the_models() -> None:
    assert END_TYPES == {"session_ended", "session_aborted"}
    assert {cls.__struct_config__.tag for cls in RECORD_MODELS.values()} == RECORD_TYPES
    assert all(issubclass(cls, LogRecord) and cls.__struct_config__.frozen for cls in RECORD_MODELS.values())
    for cls in RECORD_MODELS.values():  # every key left out when None is a field that may be None
        names = {f.name for f in msgspec.structs.fields(cls)}
        assert set(cls.OMIT_IF_NONE) <= names, cls


def test_records_are_frozen() -> None:
    record = SessionAborted(reason="quit")
    with pytest.raises(AttributeError):
        record.reason = "error"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"seq": 1, "t": 1.0, "type": "levitation"}, "unknown record type 'levitation'"),
        ({"seq": 1, "t": 1.0}, "unknown record type None"),
        ({"seq": 1, "t": 1.0, "type": ["action"]}, "unknown record type ['action']"),
        ({"seq": 1, "t": 1.0, "type": "session_started", "format": 1, "session_id": "s", "trainee": "t",
          "started_at": "2026-13-01T00:00:00Z", "scenario": {"id": "x"}}, "session_started: started_at is not an ISO"),
        ({"seq": 1, "t": 1.0, "type": "session_started", "format": 2, "session_id": "s", "trainee": "t",
          "started_at": "2026-12-01T00:00:00Z", "scenario": {"id": "x"}}, "format version 2"),
        ({"seq": 1, "t": "soon", "type": "session_aborted", "reason": "quit"}, "session_aborted: t is not a number"),
        ({"seq": 1, "t": 1.0, "type": "session_aborted"}, "session_aborted: missing reason"),
        ({"seq": 1, "t": 1.0, "type": "session_aborted", "reason": ""}, "session_aborted: reason has the wrong type"),
        ({"seq": 1, "t": 1.0, "type": "timeout", "situation": "s", "phase": "nap"},
         "timeout: phase has the wrong type"),
        ({"seq": 1, "t": 1.0, "type": "timeout", "situation": "s", "phase": "act", "wait": 1},
         "timeout: wait has the wrong type"),
    ],
)
def test_a_bad_record_is_named_in_one_line(data: dict, problem: str) -> None:
    with pytest.raises(RecordError) as refused:
        read_record(data)
    assert str(refused.value).startswith(problem)


def test_the_writer_takes_models_and_refuses_after_the_end(tmp_path: Path) -> None:
    clock = iter([0.5, 1.25, 2.0])
    with SessionLogWriter.create(tmp_path, "s1", clock=lambda: next(clock)) as log:
        timeout = log.write(Timeout(situation="s", phase="act"))
        assert (timeout.seq, timeout.t) == (0, 0.5)
        log.write(SessionAborted(reason="quit"))
        with pytest.raises(ValueError, match="already ended"):
            log.write(Action(situation="s", option="o", force=[], level=0, range={"min": "communication",
                             "max": "communication"}, verdict="reasonable", severity=0, critical=False,
                             reportable=False, decision_s=None))
    lines = (tmp_path / "s1.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('{"seq":0,"t":0.5,"type":"timeout","situation":"s","phase":"act","prev":')
