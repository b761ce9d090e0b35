"""SessionLogWriter: format, chain, MAC, durability and failure behaviour."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.logbook import LogWriteError, SessionLogWriter, read_log, verify_bytes, verify_file
from simulator.logbook.models import Plan, SessionAborted, SessionEnded, Timeout
from support.logbook import KEY, independent_check, start_record, step_clock, write_sample_log

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("key", [None, KEY])
def test_chain_and_mac_match_an_independent_recomputation(tmp_path: Path, key: bytes | None) -> None:
    path = write_sample_log(tmp_path, key)
    records = independent_check(path.read_bytes(), key)
    assert [r["type"] for r in records][0] == "session_started"
    assert records[-1]["type"] == "session_ended"
    assert verify_file(path, key).status == "ok"


def test_record_layout_and_return_value(tmp_path: Path) -> None:
    with SessionLogWriter.create(tmp_path, "s1", clock=lambda: 1.23456) as w:
        returned = w.write(Timeout(situation="s", phase="plan"))
        assert w.last_record == returned
    line = w.path.read_bytes()
    assert line == (
        b'{"seq":0,"t":1.235,"type":"timeout","situation":"s","phase":"plan","prev":"' + b"0" * 64 + b'"}\n'
    )
    assert returned == Timeout(seq=0, t=1.235, situation="s", phase="plan")
    assert w.path == tmp_path / "s1.jsonl"


def test_t_is_rounded_to_ms_and_never_goes_back(tmp_path: Path) -> None:
    times = iter([0.0004, 2.0006, 1.5])
    with SessionLogWriter.create(tmp_path, "s", clock=lambda: next(times)) as w:
        ts = [w.write(Timeout(situation="s", phase="act")).t for i in range(3)]
    assert ts == [0.0, 2.001, 2.001]


def test_creates_missing_folders_and_never_overwrites(tmp_path: Path) -> None:
    log_dir = tmp_path / "a" / "b"
    with SessionLogWriter.create(log_dir, "same", clock=step_clock()) as w:
        w.write(start_record(w.path.stem))
    before = w.path.read_bytes()
    with pytest.raises(LogWriteError, match=r"same\.jsonl.*already exists"):
        SessionLogWriter.create(log_dir, "same", clock=step_clock())
    assert w.path.read_bytes() == before


def test_unwritable_folder_is_a_log_write_error_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(LogWriteError) as info:
        SessionLogWriter.create(blocker / "sessions", "s", clock=step_clock())
    message = str(info.value)
    assert "not-a-dir" in message and "s.jsonl" in message and "\n" not in message


def test_disk_full_is_a_log_write_error_and_the_writer_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w = SessionLogWriter.create(tmp_path, "full", clock=step_clock())
    w.write(start_record(w.path.stem))

    def no_space(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", no_space)
    with pytest.raises(LogWriteError, match=r"full\.jsonl.*No space left"):
        w.write(Timeout(situation="a", phase="act"))
    monkeypatch.undo()
    # The chain state did not advance, and the writer refuses to go on.
    with pytest.raises(LogWriteError, match="earlier write failed"):
        w.write(SessionAborted(reason="error"))
    w.close()
    assert verify_file(w.path, None).status == "incomplete"


def test_short_write_and_fsync_failure_are_log_write_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    w = SessionLogWriter.create(tmp_path, "short", clock=step_clock())
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, data[:5]))
    with pytest.raises(LogWriteError, match="short write"):
        w.write(start_record(w.path.stem))
    w.close()
    assert read_log(w.path).warnings == [f"{w.path}:1: torn last line skipped (no newline)"]

    monkeypatch.undo()
    w2 = SessionLogWriter.create(tmp_path, "nofsync", clock=step_clock())

    def eio(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", eio)
    with pytest.raises(LogWriteError, match="Input/output error"):
        w2.write(start_record(w2.path.stem))


def test_bad_calls_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="file name"):
        SessionLogWriter.create(tmp_path, "../escape", clock=step_clock())
    with SessionLogWriter.create(tmp_path, "s", clock=step_clock()) as w:
        with pytest.raises(ValueError, match="surrogate"):
            w.write(Timeout(situation="\ud800", phase="act"))
        with pytest.raises(ValueError):
            w.write(Plan(situation="s", chosen=[], score=float("nan"), decision_s=None))
        with pytest.raises(ValueError, match="read back"):  # what format 1 cannot hold is refused
            w.write(Timeout(situation="s", phase="later"))
        with pytest.raises(ValueError, match="read back"):
            w.write(SessionEnded(score=101, passed=True, critical_errors=[], community=None, situations=1))
        assert w.path.read_bytes() == b""
        w.write(start_record(w.path.stem))
        w.write(SessionAborted(reason="quit"))
        with pytest.raises(ValueError, match="already ended"):
            w.write(Timeout(situation="a", phase="act"))
    with pytest.raises(ValueError, match="closed"):
        w.write(Timeout(situation="a", phase="act"))
    assert verify_file(w.path, None).status == "ok"


_text = st.text()  # any Unicode text (hypothesis excludes lone surrogates, which the writer refuses)
_number = st.integers(-(10**9), 10**9) | st.floats(allow_nan=False, allow_infinity=False)
_plans = st.builds(Plan, situation=_text, chosen=st.lists(_text, max_size=3), score=st.none() | _number,
                   decision_s=st.none() | _number)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(trainee=_text, plans=st.lists(_plans, max_size=4), use_key=st.booleans())
def test_any_field_contents_round_trip_and_verify(tmp_path: Path, trainee: str, plans: list[Plan],
                                                  use_key: bool) -> None:
    key = KEY if use_key else None
    folder = tmp_path / os.urandom(6).hex()
    with SessionLogWriter.create(folder, "h", clock=step_clock(0.0015), key=key) as w:
        w.write(msgspec.structs.replace(start_record("h"), trainee=trainee))
        for plan in plans:
            w.write(plan)
        w.write(SessionAborted(reason="quit"))
    data = w.path.read_bytes()
    records = independent_check(data, key)
    assert records[0]["trainee"] == trainee
    for written, plan in zip(records[1:], plans):
        assert {k: written[k] for k in ("situation", "chosen", "score", "decision_s")} == plan.fields()
    assert read_log(w.path).records == records
    assert verify_bytes(data, key).status == "ok"


def test_record_survives_sigkill_right_after_write_returns(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal, itertools
        from pathlib import Path
        from simulator.logbook import SessionLogWriter
        from simulator.logbook.models import Timeout
        from support.logbook import start_record
        ticks = itertools.count()
        w = SessionLogWriter.create(Path({str(tmp_path)!r}), "killed", clock=lambda: next(ticks) * 0.5)
        w.write(start_record("killed"))
        for i in range(4):
            w.write(Timeout(situation=f"s{{i}}", phase="act"))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, timeout=60, env=env)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    log = read_log(tmp_path / "killed.jsonl")
    assert [r["seq"] for r in log.records] == [0, 1, 2, 3, 4]
    assert log.status == "incomplete" and log.warnings == []
    assert verify_file(log.path, None).status == "incomplete"
