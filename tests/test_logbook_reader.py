"""read_log / iter_records / iter_log_files."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.logbook import LogReadError, SessionLogWriter, iter_log_files, iter_records, read_log
from simulator.logbook.models import SessionAborted
from support.logbook import start_record, step_clock, write_sample_log


def test_complete_log(tmp_path: Path) -> None:
    log = read_log(write_sample_log(tmp_path))
    assert log.status == "complete" and log.warnings == []
    assert log.started is not None and log.started["scenario"]["title"] == "Contrôle routier « nuit »"
    assert [r["seq"] for r in log.records] == list(range(6))


def test_aborted_and_incomplete(tmp_path: Path) -> None:
    with SessionLogWriter.create(tmp_path, "ab", clock=step_clock()) as w:
        w.write(start_record(w.path.stem))
        w.write(SessionAborted(reason="window_closed"))
    assert read_log(w.path).status == "aborted"
    assert read_log(write_sample_log(tmp_path, end=False)).status == "incomplete"
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert (read_log(empty).status, read_log(empty).started) == ("incomplete", None)


def test_torn_last_line_without_newline_is_skipped_with_a_warning(tmp_path: Path) -> None:
    path = write_sample_log(tmp_path, end=False)
    with open(path, "ab") as f:
        f.write(b'{"seq":5,"t":6.1,"type":"ti')
    log = read_log(path)
    assert len(log.records) == 5 and log.status == "incomplete"
    assert log.warnings == [f"{path}:6: torn last line skipped (no newline)"]


def test_unparseable_last_line_is_torn_and_bad_middle_lines_are_malformed(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"seq":0,"type":"session_started"}\nnot json\n[1]\n\n\xff\xfe\n'
                     b'{"seq":1,"type":"session_ended"}\n{"se\n')
    log = read_log(path)
    assert [r["seq"] for r in log.records] == [0, 1]
    assert log.status == "complete"  # the torn line after the end record is not a record
    assert log.warnings == [
        f"{path}:2: malformed line skipped (not JSON)",
        f"{path}:3: malformed line skipped (not a JSON object)",
        f"{path}:4: malformed line skipped (empty line)",
        f"{path}:5: malformed line skipped (not UTF-8)",
        f"{path}:7: torn last line skipped (not JSON)",
    ]


def test_iter_records_is_lazy(tmp_path: Path) -> None:
    path = write_sample_log(tmp_path)
    records = iter_records(path)
    line_no, first = next(records)
    assert (line_no, first["type"]) == (1, "session_started")
    records.close()


def test_unreadable_file_is_a_log_read_error(tmp_path: Path) -> None:
    with pytest.raises(LogReadError, match="nope.jsonl"):
        read_log(tmp_path / "nope.jsonl")


def test_iter_log_files_recurses_sorts_and_dedupes(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    for name in ["b/deep/2.jsonl", "b/1.jsonl", "a/3.jsonl", "a/notes.txt", "0.jsonl"]:
        (tmp_path / name).write_text("")
    explicit = tmp_path / "a" / "notes.txt"
    found = list(iter_log_files([tmp_path, explicit, tmp_path / "0.jsonl"]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "0.jsonl", "a/3.jsonl", "b/1.jsonl", "b/deep/2.jsonl", "a/notes.txt",
    ]
    with pytest.raises(LogReadError, match="missing: no such file"):
        list(iter_log_files([tmp_path / "missing"]))
