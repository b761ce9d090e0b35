"""Shared helpers for the second hardening round (no tests here).

`run_cases` runs many `uofsim` commands, each in its own process, under the
issue's limits: one launcher started with `prlimit --as=3 GiB` imports the
program once and forks a child per case (so the children inherit the
address-space limit), and a child still running after CASE_TIMEOUT_S is
killed and reported. Forking from a warm parent keeps 40 cases to a couple
of seconds instead of a second of start-up each.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulator.logbook.records import ZERO_HASH, line_hash
from support.logbook import chained_line

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile2"
SCENARIOS = ROOT / "scenarios"
TRACEBACK = "Traceback (most recent call last)"
ADDRESS_SPACE = 3 * 1024**3  # 3 GiB, as `prlimit --as=3221225472`
CASE_TIMEOUT_S = 15.0
_VALIDATE_SUMMARY = re.compile(r"\d+ files? checked: \d+ errors?, \d+ warnings?$")
# validate points from a scenario to its broken rubric file, then gives the rubric's own line:col
_RUBRIC_POINTER = re.compile(r".*: error: rubric file '[^']+' has \d+ errors?$")


@dataclass
class Case:
    name: str
    argv: list[str]
    cwd: str = str(ROOT)
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    code: int | None  # None: killed after CASE_TIMEOUT_S
    out: str
    err: str
    seconds: float


_SERVER = r"""
import io, json, os, signal, sys, tempfile, time, traceback
os.environ.setdefault("SDL_VIDEODRIVER", "dummy"); os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
from simulator.cli import main
import simulator.cli.validate, simulator.cli.verify, simulator.cli.review, simulator.cli.run  # warm imports
import simulator.cli.explore, simulator.cli.new, simulator.cli.schema, simulator.scenario.lint, simulator.review
import simulator.engine, simulator.review.render_html, simulator.review.render_xapi, pygame  # noqa
cases, timeout = json.load(sys.stdin), float(sys.argv[1])
results = []
for case in cases:
    out_file, err_file = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.dup2(out_file.fileno(), 1); os.dup2(err_file.fileno(), 2)
        null = os.open(os.devnull, os.O_RDONLY); os.dup2(null, 0)
        sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", closefd=False), encoding="utf-8", line_buffering=True)
        sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", closefd=False), encoding="utf-8", line_buffering=True)
        os.chdir(case["cwd"]); os.environ.update(case["env"])
        try:
            code = main(case["argv"])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc(); code = 99
        sys.stdout.flush(); sys.stderr.flush()
        os._exit(code or 0)
    code = None
    while time.monotonic() - started < timeout:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status); break
        time.sleep(0.005)
    else:
        os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0)
    seconds = time.monotonic() - started
    texts = []
    for handle in (out_file, err_file):
        handle.seek(0); texts.append(handle.read().decode("utf-8", "replace"))
    results.append({"code": code, "out": texts[0], "err": texts[1], "seconds": seconds})
json.dump(results, sys.stdout)
"""


def run_cases(cases: list[Case]) -> dict[str, Result]:
    """Every case's outcome, by name, each run as described in the module docstring."""
    payload = json.dumps([{"argv": c.argv, "cwd": c.cwd, "env": c.env} for c in cases])
    proc = subprocess.run(
        ["prlimit", f"--as={ADDRESS_SPACE}", sys.executable, "-c", _SERVER, str(CASE_TIMEOUT_S)],
        input=payload, capture_output=True, text=True, cwd=ROOT, timeout=CASE_TIMEOUT_S * len(cases) + 60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = [Result(**r) for r in json.loads(proc.stdout)]
    return {case.name: result for case, result in zip(cases, results, strict=True)}


def assert_one_line_refusal(result: Result, *, stream: str = "err", codes: tuple[int, ...] = (1, 2),
                            contains: str = "") -> str:
    """The issue's bar: exit 1 or 2, in time, no traceback, exactly one line."""
    assert result.code is not None, f"killed after {CASE_TIMEOUT_S} s"
    assert result.code in codes, result
    assert TRACEBACK not in result.err and TRACEBACK not in result.out, result.err[-3000:]
    text = result.err if stream == "err" else result.out
    # validate's closing count ("1 file checked: 1 error, 0 warnings") is not a second problem
    lines = [line for line in text.strip("\n").split("\n")
             if not _VALIDATE_SUMMARY.match(line) and not _RUBRIC_POINTER.match(line)
             and ": warning: " not in line]  # the hostile part is the error; a warning is not a second problem
    assert len(lines) == 1 and lines[0], result
    assert contains in lines[0], (contains, lines[0][:500])
    return lines[0]


# --- logs --------------------------------------------------------------------------------


def rechain(records: list[dict[str, Any]], key: bytes | None = None) -> bytes:
    """`records` as a log that verifies: seq renumbered, prev, digest and (with `key`)
    mac recomputed with the writer's own rules. What an attacker with the key, or
    anyone without one, can do to a log."""
    prev, lines = ZERO_HASH, []
    for seq, record in enumerate(records):
        line = chained_line(record, seq, prev, key)
        prev = line_hash(line)
        lines.append(line)
    return b"".join(line + b"\n" for line in lines)


def records_of(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.splitlines()]


def real_log(log_dir: Path, scenario: str = "phone-not-gun", seed: int = 1, policy: str = "best") -> Path:
    """A genuine log from a headless session, in process."""
    from support.review import play

    return play(log_dir, scenario, "h2", policy=policy, seed=seed)
