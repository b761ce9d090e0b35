"""A shared log folder under load: 16 processes, 1,000 headless sessions, one folder."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from simulator.logbook import read_log, verify_file
from support.hardening import ROOT

PROCESSES = 16
SESSIONS = 1000

# One launcher imports the program and loads every bundled scenario once, then forks
# the 16 processes; each plays its share in-process through the real command,
# cycling through the bundled scenarios, policies and seeds, all into the same
# folder. (Started one by one, each process spent more time importing and parsing
# scenarios than playing; what is under test is the shared folder.)
LAUNCHER = """
import contextlib, io, json, os, sys, traceback
from pathlib import Path
sys.path.insert(0, "tests")
from support import scenario_cache
scenario_cache.install()
from simulator.cli import main
from simulator.scenario import load_file
shares, log_dir = json.loads(sys.argv[1]), sys.argv[2]
scenarios = sorted(Path("scenarios").glob("*.yaml"))
policies = ["random", "random", "best", "worst"]
for path in scenarios:
    load_file(str(path))


def play(worker, count):
    for i in range(count):
        argv = ["run", str(scenarios[(worker + i) % len(scenarios)]), "--policy", policies[i % 4],
                "--seed", str(worker * 1000 + i), "--trainee", f"recruit-{worker % 4}", "--log-dir", log_dir]
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(argv)
        if code != 0:
            sys.exit(f"worker {worker} session {i}: exit {code}")


pids = []
for worker, count in enumerate(shares):
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            play(worker, count)
        except SystemExit as stop:
            print(stop.code, file=sys.stderr)
            status = 1
        except BaseException:
            traceback.print_exc()
            status = 1
        sys.stderr.flush()
        os._exit(status)
    pids.append(pid)
failed = [w for w, pid in enumerate(pids) if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
sys.exit(f"processes {failed} failed" if failed else 0)
"""


@pytest.mark.slow
def test_sixteen_processes_share_one_log_folder(tmp_path: Path) -> None:
    logs = tmp_path / "shared"
    shares = [SESSIONS // PROCESSES + (w < SESSIONS % PROCESSES) for w in range(PROCESSES)]
    started = time.monotonic()
    launcher = subprocess.run([sys.executable, "-c", LAUNCHER, json.dumps(shares), str(logs)], cwd=ROOT,
                              stderr=subprocess.PIPE, timeout=600)
    wall = time.monotonic() - started
    assert launcher.returncode == 0, launcher.stderr.decode(errors="replace")[-3000:]
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
