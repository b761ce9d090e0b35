"""Shared helpers for the hardening tests (no tests here)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "contract_example.yaml"
TRACEBACK = "Traceback (most recent call last)"


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    peak_rss_mb: float  # this child's own peak resident set size


# Forks and execs the command, waits for it with wait4 and writes its peak RSS (KB)
# to a file. Linux carries a process's high-water RSS across exec, so a child
# forked straight from pytest would report pytest's own size; this small
# launcher's child starts from a few MB.
_LAUNCHER = """
import os, sys
rss_file, argv = sys.argv[1], sys.argv[2:]
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "simulator", *argv])
_, status, usage = os.wait4(pid, 0)
with open(rss_file, "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status) & 0xFF)
"""


def uofsim(*argv: str, timeout: float = 30.0, env: dict[str, str] | None = None) -> Outcome:
    """Run `python -m simulator ARGV`; its own peak RSS is measured with wait4."""
    with tempfile.TemporaryDirectory() as scratch:
        rss_file = Path(scratch) / "rss"
        proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(rss_file), *argv], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                env={**os.environ, **(env or {})}, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise AssertionError(f"uofsim {' '.join(argv)} took more than {timeout} s") from None
        peak_kb = int(rss_file.read_text()) if rss_file.exists() else 0
    return Outcome(proc.returncode, out.decode(errors="replace"), err.decode(errors="replace"), peak_kb / 1024)
