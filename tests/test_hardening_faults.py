"""Faults during a session: SIGKILL at several points, a log folder that cannot be
created or written (disk full, I/O error), and the scenario file edited on disk
while a session is running."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import simulator.logbook.writer as writer_module
from simulator.cli import main
from simulator.logbook import read_log, verify_file
from support.hardening import EXAMPLE, ROOT, TRACEBACK

# Six decisions (assess, plan, act, assess, act, follow-up): 13 records in all.
ANSWERS = """\
- {situation: arrival, assess: serious_bodily_harm_or_death, plan: [cover, backup], act: talk, seconds: 6}
- {situation: lowers-knife, assess: passive_resistant, act: talk-down, seconds: 2}
- {follow_up: [refer]}
"""
RECORDS_IN_FULL_RUN = 13
PACE_S = 0.15


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "scenario"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "example.yaml")
    (folder / "hallway.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    answers = tmp_path / "answers.yaml"
    answers.write_text(ANSWERS)
    return folder / "example.yaml", answers


def _start(scenario: Path, answers: Path, logs: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "simulator", "run", str(scenario), "--answers", str(answers), "--seed", "3",
         "--log-dir", str(logs), "--pace", str(PACE_S)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _wait_for_lines(logs: Path, count: int, timeout: float = 30.0) -> bytes:
    """The log's bytes once it holds at least `count` whole lines."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = list(logs.glob("*.jsonl"))
        if files:
            data = files[0].read_bytes()
            if data.count(b"\n") >= count:
                return data[: data.rfind(b"\n") + 1]
        time.sleep(0.005)
    raise AssertionError(f"the log never reached {count} lines")


def test_full_paced_run_has_the_expected_records(setup: tuple[Path, Path], tmp_path: Path) -> None:
    scenario, answers = setup
    logs = tmp_path / "logs"
    proc = _start(scenario, answers, logs)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    log = read_log(next(logs.glob("*.jsonl")))
    assert log.status == "complete" and len(log.records) == RECORDS_IN_FULL_RUN


# Line counts after which the run waits its pace before the next decision: a kill
# there is certain to land mid-session (after the last one the end follows at once).
PAUSES_AFTER = [2, 3, 4, 7, 8, 11]
KILL_POINTS = sorted(random.Random(2026).sample(PAUSES_AFTER, 5))


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing_written(setup: tuple[Path, Path], tmp_path: Path) -> None:
    scenario, answers = setup
    runs = [(point, tmp_path / f"logs-{point}") for point in KILL_POINTS]
    procs = {point: (logs, _start(scenario, answers, logs)) for point, logs in runs}  # all at once
    seen: dict[int, bytes] = {}
    deadline = time.monotonic() + 60
    try:
        while len(seen) < len(procs) and time.monotonic() < deadline:
            for point, (logs, proc) in procs.items():
                files = [] if point in seen else list(logs.glob("*.jsonl"))
                data = files[0].read_bytes() if files else b""
                if data.count(b"\n") >= point:
                    os.kill(proc.pid, signal.SIGKILL)
                    seen[point] = data[: data.rfind(b"\n") + 1]
            time.sleep(0.002)
    finally:
        for _, proc in procs.values():
            proc.kill()
            proc.communicate()
    assert sorted(seen) == KILL_POINTS
    for point, (logs, proc) in procs.items():
        assert proc.returncode == -signal.SIGKILL, f"run for kill point {point} ended before the kill"
        path = next(logs.glob("*.jsonl"))
        after = path.read_bytes()
        assert after.startswith(seen[point]), f"kill at {point}: bytes seen before the kill changed"
        log = read_log(path)
        assert log.status == "incomplete" and len(log.records) >= point
        assert len(log.records) < RECORDS_IN_FULL_RUN
        assert verify_file(path, None).status == "incomplete", point
        verdict = subprocess.run([sys.executable, "-m", "simulator", "verify", str(path)], cwd=ROOT,
                                 capture_output=True, text=True, timeout=30)
        assert verdict.returncode == 0 and verdict.stdout.strip().endswith(": incomplete"), verdict


def _failing_after(limit: int, error: int, real=os.write):  # noqa: ANN001, ANN202
    calls = {"n": 0}

    def write(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] > limit:
            raise OSError(error, os.strerror(error))
        return real(fd, data)

    return write


@pytest.mark.parametrize("records_before_failure", [0, 1, 5, RECORDS_IN_FULL_RUN - 1])
@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EIO])
def test_disk_full_or_failing_stops_the_session(setup: tuple[Path, Path], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str], records_before_failure: int,
                                                error: int) -> None:
    scenario, answers = setup
    logs = tmp_path / "logs"
    monkeypatch.setattr(writer_module.os, "write", _failing_after(records_before_failure, error))
    code = main(["run", str(scenario), "--answers", str(answers), "--log-dir", str(logs)])
    out, err = capsys.readouterr()
    monkeypatch.undo()
    assert code == 1 and TRACEBACK not in err
    assert len(err.strip().splitlines()) == 1 and os.strerror(error) in err, err
    assert "score:" not in out, "the session carried on unrecorded"
    path = next(logs.glob("*.jsonl"))
    assert read_log(path).records.__len__() == records_before_failure
    assert verify_file(path, None).status == "incomplete"


def test_fsync_failure_stops_the_session(setup: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    scenario, answers = setup

    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(writer_module.os, "fsync", fsync)
    code = main(["run", str(scenario), "--answers", str(answers), "--log-dir", str(tmp_path / "logs")])
    _, err = capsys.readouterr()
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Input/output error" in err


@pytest.mark.parametrize("kind", ["under-a-file", "is-a-file"])
def test_log_folder_that_cannot_be_created(setup: tuple[Path, Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str], kind: str) -> None:
    scenario, answers = setup
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file")
    logs = blocker / "logs" if kind == "under-a-file" else blocker
    code = main(["run", str(scenario), "--answers", str(answers), "--log-dir", str(logs)])
    out, err = capsys.readouterr()
    assert code == 1 and "score:" not in out
    assert len(err.strip().splitlines()) == 1 and "cannot create session log" in err, err
    assert "already exists" not in err


def test_scenario_edited_mid_session_keeps_the_bytes_it_started_with(setup: tuple[Path, Path], tmp_path: Path) -> None:
    scenario, answers = setup
    original = scenario.read_bytes()
    logs = tmp_path / "logs"
    proc = _start(scenario, answers, logs)
    _wait_for_lines(logs, 2)  # started, first situation entered
    # An instructor saves a different version, then a broken one, while the trainee plays.
    scenario.write_bytes(original.replace(b"id: talk\n", b"id: shout\n"))
    scenario.write_bytes(b"format: [this is not a scenario")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    log = read_log(next(logs.glob("*.jsonl")))
    assert log.status == "complete" and len(log.records) == RECORDS_IN_FULL_RUN
    assert log.records[0]["scenario"]["sha256"] == hashlib.sha256(original).hexdigest()
    assert any(r.get("option") == "talk" for r in log.records)


def test_engine_reads_the_scenario_file_once(setup: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    scenario, answers = setup
    reads: list[str] = []
    real_open = open

    def counting_open(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if str(file) == str(scenario):
            reads.append(str(file))
        return real_open(file, *args, **kwargs)

    real_read_bytes = Path.read_bytes

    def counting_read_bytes(self: Path) -> bytes:
        if str(self) == str(scenario):
            reads.append(str(self))
        return real_read_bytes(self)

    monkeypatch.setattr("builtins.open", counting_open)
    monkeypatch.setattr(Path, "read_bytes", counting_read_bytes)
    assert main(["run", str(scenario), "--answers", str(answers), "--log-dir", str(tmp_path / "logs")]) == 0
    capsys.readouterr()
    assert len(reads) == 1, reads
