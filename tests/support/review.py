"""Helpers for the review tests: hand-written logs and real headless sessions."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simulator.cli import main
from simulator.logbook import SessionLogWriter, read_record
from support.logbook import HandWriter

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"


def run_cli(argv: Sequence[str]) -> tuple[int, str, str]:
    """simulator.cli.main in-process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def play(log_dir: Path, scenario: str | Path, trainee: str, *, policy: str | None = None, seed: int = 1,
         answers: Path | None = None) -> Path:
    """Run a real headless session with `uofsim run`; return its log. `scenario` is a
    bundled scenario's id, or a path."""
    path = scenario if isinstance(scenario, Path) else SCENARIOS / f"{scenario}.yaml"
    argv = ["run", str(path), "--seed", str(seed), "--trainee", trainee, "--log-dir", str(log_dir)]
    argv += ["--answers", str(answers)] if answers else ["--policy", policy or "best"]
    with no_fsync():  # test corpora: the same bytes; durability is tested elsewhere
        code, out, err = run_cli(argv)
    assert code == 0, err
    return Path(out.strip().splitlines()[-1].removeprefix("log: "))


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def write_log(
    folder: Path,
    *,
    trainee: str,
    minute: int,
    body: Sequence[tuple[str, dict[str, Any]]],
    scenario: str = "drill",
    difficulty: int = 2,
    fmt: int = 1,
    key: bytes | None = None,
    tag: str = "a",
) -> Path:
    """A log written by hand (hash chain and all; records need not fit the models,
    so review's defences can be tested). The session id starts with
    2026-01-01T10:<minute>, so logs sort by `minute`."""
    session_id = f"20260101T10{minute:02d}00.000Z_hand_{tag}{minute:07d}"
    clock = Clock()
    writer = HandWriter.create(folder, session_id, clock=clock, key=key)
    writer.write(
        "session_started", format=fmt, session_id=session_id, trainee=trainee, workstation="ws-1",
        app_version="0.1.0", started_at=f"2026-01-01T10:{minute:02d}:00.000Z", seed=1, lang="en",
        scenario={"id": scenario, "version": "1.0", "title": f"{scenario} title", "difficulty": difficulty,
                  "sha256": "0" * 64},
        rubric={"name": "default", "sha256": "0" * 64}, mode="headless",
    )
    for type_, fields in body:
        clock.t += 1.0
        writer.write(type_, **fields)
    writer.close()
    return writer.path


def situation(sid: str, behaviour: str, *, assessed: str, plan_score: float, option: str, level: int, verdict: str,
              range_max: str, total: float, seconds: float = 1.0, critical: bool = False) -> list[tuple[str, dict[str,
                                                                                                                  Any]]]:
    """The records of one situation played to the end."""
    return [
        ("situation_entered", {"situation": sid, "behaviour": behaviour, "time_limit_s": None}),
        ("assessment", {"situation": sid, "chosen": assessed, "expected": behaviour,
                        "score": 1.0 if assessed == behaviour else 0.0, "decision_s": seconds}),
        ("plan", {"situation": sid, "chosen": ["cover"], "score": plan_score, "decision_s": seconds}),
        ("action", {"situation": sid, "option": option, "force": ["communication",
                                                                  "lethal_force"] if level == 5 else ["communication"],
                    "level": level, "range": {"min": "communication", "max": range_max}, "verdict": verdict,
                    "severity": 0 if verdict == "reasonable" else 1, "critical": critical, "reportable": level == 5,
                    "decision_s": seconds}),
        ("situation_scored", {"situation": sid, "scores": {"assess": None, "plan": None, "act": None, "time": None,
                                                           "total": total}}),
    ]


def ended(score: float, passed: bool, criticals: int = 0) -> list[tuple[str, dict[str, Any]]]:
    errors = [{"situation": "x", "option": "y", "reason": "z"}] * criticals
    return [("session_ended", {"score": score, "passed": passed, "critical_errors": errors, "community": None,
                               "situations": 1})]


def review_json(*paths: Path | str, extra: Sequence[str] = ()) -> tuple[int, dict[str, Any], str]:
    code, out, err = run_cli(["review", *map(str, paths), "--format", "json", *extra])
    return code, json.loads(out), err


# The cohort the review report was designed and measured at (issue 15: 25 recruits x 12
# scenarios): the first twelve of the library, fixed, so figures do not move as it grows.
COHORT_SCENARIOS = sorted([
    "armed-robbery-suspect", "assault-parking-lot", "bar-refuses-to-leave", "crisis-knife-apartment",
    "crowd-park-party", "domestic-disturbance", "mental-health-apprehension", "phone-not-gun",
    "shoplifter-flees", "traffic-stop-night", "trespasser-goes-limp", "youth-transit-platform",
])


def cohort(folder: Path, trainees: int = 25, *, templates_dir: Path | None = None) -> Path:
    """A cohort of `trainees` recruits over the bundled scenarios, fast: each scenario is
    played for real once per policy (best, random, worst), then those records are
    written again, with the real writer, under each recruit's id and start time.
    Recruits differ: some pass everything (ready), some have scenarios left (not
    yet), some keep failing or make critical errors (need help); most improve."""
    templates_dir = templates_dir or folder.parent / f"{folder.name}-templates"
    with no_fsync():
        _cohort(folder, trainees, templates_dir)
    return folder


@contextlib.contextmanager
def no_fsync() -> Any:
    """fsync off while generating: the bytes are the same, only durability differs (and it is slow)."""
    import os

    real = os.fsync
    os.fsync = lambda fd: None
    try:
        yield
    finally:
        os.fsync = real


def _cohort(folder: Path, trainees: int, templates_dir: Path) -> None:
    played: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for n, scenario in enumerate(COHORT_SCENARIOS):
        for policy in ("best", "random", "worst"):
            log = play(templates_dir / policy, scenario, "template", policy=policy, seed=n + 1)
            played[(scenario, policy)] = [json.loads(line) for line in log.read_bytes().splitlines()]
    minute = 0
    for k in range(trainees):
        trainee = f"recruit-{k + 1:02d}"
        done = len(COHORT_SCENARIOS) - (k % 5 == 3) * (1 + k % 4)  # every fifth recruit has scenarios left
        for j, scenario in enumerate(COHORT_SCENARIOS[:done]):
            for policy in _attempts(k, j):
                minute += 1
                _rewrite(folder / f"ws{k % 3}", played[(scenario, policy)], trainee, minute)


def _attempts(k: int, j: int) -> list[str]:
    """The policies of recruit k's attempts at scenario j, in order."""
    if k % 10 == 8:
        return ["random", "best"]
    if k % 5 == 0:
        return ["best"] if (j + k) % 3 else ["random", "best"]
    if k % 5 == 1:
        return ["worst", "random", "best"] if j % 2 else ["random", "best"]
    if k % 5 == 2:
        return ["best", "worst"] if j % 4 == 0 else ["random", "best"]
    return ["worst", "random"] if (j + k) % 3 == 0 else ["random", "best"]


def _rewrite(folder: Path, records: list[dict[str, Any]], trainee: str, minute: int) -> None:
    day, rest = divmod(minute, 24 * 60)
    hour, mins = divmod(rest, 60)
    stamp = f"2026-02-{day + 1:02d}T{hour:02d}:{mins:02d}:00.000Z"
    session_id = f"202602{day + 1:02d}T{hour:02d}{mins:02d}00.000Z_{trainee}_{minute:08x}"
    clock = Clock()
    writer = SessionLogWriter.create(folder, session_id, clock=clock)
    for record in records:
        if record["type"] == "session_started":
            record = {**record, "session_id": session_id, "trainee": trainee, "started_at": stamp}
        clock.t = record["t"]
        writer.write(read_record(record))
    writer.close()
