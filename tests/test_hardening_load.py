"""A shared log folder under load: 16 processes, 1,000 headless sessions, one folder."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.logbook import read_log, verify_file
from support.hardening import ROOT

PROCESSES = 16
SESSIONS = 1000

# Each process plays its share in-process through the real command, cycling through
# the bundled scenarios, policies and seeds, all into the same folder.
WORKER = """
import contextlib, io, sys
from pathlib import Path
from simulator.cli import main
worker, count, log_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
scenarios = sorted(Path("scenarios").glob("*.yaml"))
policies = ["random", "random", "best", "worst"]
for i in range(count):
    argv = ["run", str(scenarios[(worker + i) % len(scenarios)]), "--policy", policies[i % 4],
            "--seed", str(worker * 1000 + i), "--trainee", f"recruit-{worker % 4}", "--log-dir", log_dir]
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    if code != 0:
        sys.exit(f"worker {worker} session {i}: exit {code}")
"""


@pytest.mark.slow
def test_sixteen_processes_share_one_log_folder(tmp_path: Path) -> None:
    logs = tmp_path / "shared"
    shares = [SESSIONS // PROCESSES + (w < SESSIONS % PROCESSES) for w in range(PROCESSES)]
    started = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(w), str(n), str(logs)], cwd=ROOT,
                              stderr=subprocess.PIPE) for w, n in enumerate(shares)]
    errors = [proc.communicate(timeout=600)[1] for proc in procs]
    wall = time.monotonic() - started
    assert all(proc.returncode == 0 for proc in procs), errors
    files = sorted(logs.glob("*.jsonl"))
    assert len(files) == SESSIONS == sum(shares)
    ids, bodies = set(), set()
    for path in files:
        assert verify_file(path, None).status == "ok", path
        log = read_log(path)
        assert log.status == "complete" and not log.warnings
        started_record = log.started
        assert started_record is not None and started_record["session_id"] == path.stem
        ids.add(started_record["session_id"])
        bodies.add(path.read_bytes())
    assert len(ids) == SESSIONS and len(bodies) == SESSIONS
    print(f"\n{SESSIONS} sessions by {PROCESSES} processes into one folder in {wall:.1f} s; all ok")
