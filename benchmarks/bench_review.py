"""`uofsim review` over many logs: time and peak memory as ratios to a floor
measured in the same run: just reading every log's bytes and JSON-parsing each
line (the least any review must do). Times are CPU time of this process
(time.process_time, user + system), so other work on a shared machine does not
skew the ratios.

Logs are generated fast: a few real headless sessions are played once, then
their records are written again under other trainee ids and start times with
the real SessionLogWriter (fsync switched off while generating: the bytes are
the same, only durability differs), so every generated log has a valid chain.

The review measured is the full table report (one pass, verify on every log,
tallies, the session list from the spool written to /dev/null).
Memory is measured with tracemalloc in separate runs (it slows Python down);
it is reported for several corpus sizes to show it does not grow with the
number of logs beyond the floor's own file list.

Run: python benchmarks/bench_review.py [--logs 10000] [--trainees 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.cli import main as uofsim  # noqa: E402
from simulator.logbook import SessionLogWriter, iter_log_files, verify_bytes  # noqa: E402
from simulator.review import review_logs  # noqa: E402
from simulator.review.render_table import write_table  # noqa: E402

SCENARIOS = ["phone-not-gun", "crisis-knife-apartment", "shoplifter-flees", "trespasser-goes-limp", "bar-refuses-to-leave"]
ROOT = Path(__file__).resolve().parents[1]


def templates(folder: Path) -> list[list[dict[str, Any]]]:
    """Records of a few real sessions (every scenario, three policies)."""
    found = []
    with contextlib.redirect_stdout(io.StringIO()):
        for n, scenario in enumerate(SCENARIOS):
            for policy in ("best", "worst", "random"):
                uofsim(["run", str(ROOT / "scenarios" / f"{scenario}.yaml"), "--policy", policy, "--seed", str(n),
                        "--trainee", "template", "--log-dir", str(folder)])
    for path in sorted(folder.glob("*.jsonl")):
        found.append([json.loads(line) for line in path.read_bytes().splitlines()])
    return found


def floor(folder: Path) -> int:
    """Read every log's bytes and JSON-parse each line; nothing else."""
    lines = 0
    for path in sorted(iter_log_files([folder]), key=lambda p: (p.name, str(p))):
        for line in path.read_bytes().splitlines():
            json.loads(line)
            lines += 1
    return lines


def verify_only(folder: Path) -> int:
    """Read every log and verify it (what `uofsim verify` does): the part of review's
    cost that belongs to the integrity check."""
    ok = 0
    for path in sorted(iter_log_files([folder]), key=lambda p: (p.name, str(p))):
        ok += verify_bytes(path.read_bytes(), None, path).status == "ok"
    return ok


def review(folder: Path) -> int:
    result = review_logs([folder])
    with open(os.devnull, "w", encoding="utf-8") as sink:
        write_table(result, sink)
    result.sessions.close()
    return result.counted


def best_time(fn: Callable[[Path], int], folder: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()  # CPU time: the machine may be shared
        fn(folder)
        times.append(time.process_time() - start)
    return min(times)


def peak_memory(fn: Callable[[Path], int], folder: Path) -> int:
    gc.collect()
    tracemalloc.start()
    fn(folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=10_000)
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sessions = templates(base / "templates")
        sizes = sorted({max(1, args.logs // 4), max(1, args.logs // 2), args.logs})
        started = time.perf_counter()
        previous = 0
        corpus = base / "logs"
        print(f"{'logs':>7} {'floor cpu':>9} {'verify x':>9} {'review cpu':>10} {'time x':>7} {'floor MiB':>10} {'review MiB':>11} {'mem x':>6} {'extra MiB':>10}")
        for size in sizes:
            _generate_range(corpus, previous, size, args.trainees, sessions)  # larger sizes contain the smaller
            previous = size
            t_floor = best_time(floor, corpus, args.repeat)
            t_verify = best_time(verify_only, corpus, args.repeat)
            t_review = best_time(review, corpus, args.repeat)
            m_floor = peak_memory(floor, corpus)
            m_review = peak_memory(review, corpus)
            print(f"{size:>7} {t_floor:>9.2f} {t_verify / t_floor:>9.2f} {t_review:>10.2f} {t_review / t_floor:>7.2f} "
                  f"{m_floor / 2**20:>10.2f} {m_review / 2**20:>11.2f} {m_review / m_floor:>6.2f} {(m_review - m_floor) / 2**20:>10.2f}")
        lines = floor(corpus)
        print("verify x = reading + verify_bytes alone, as a ratio to the floor (part of review's time x)")
        print("extra MiB = review peak - floor peak: what review keeps beyond the file list both hold")
        print(f"({args.logs} logs, {lines} lines, {args.trainees} trainees; corpus generated and measured in "
              f"{time.perf_counter() - started:.0f} s)")


def _generate_range(corpus: Path, start: int, end: int, trainees: int, sessions: list[list[dict[str, Any]]]) -> None:
    """Write logs number start..end-1 with the real writer (fsync off while generating)."""
    real_fsync = os.fsync
    os.fsync = lambda fd: None
    try:
        for i in range(start, end):
            _write_one(corpus, i, trainees, sessions)
    finally:
        os.fsync = real_fsync


def _write_one(corpus: Path, i: int, trainees: int, sessions: list[list[dict[str, Any]]]) -> None:
    records = sessions[i % len(sessions)]
    trainee = f"recruit-{i % trainees:04d}"
    hour, rest = divmod(i, 3600)
    minute, second = divmod(rest, 60)
    day = 1 + hour // 24
    stamp = f"202601{day:02d}T{hour % 24:02d}{minute:02d}{second:02d}.000Z"
    session_id = f"{stamp}_{trainee}_{i:08x}"
    clock = {"t": 0.0}
    writer = SessionLogWriter.create(corpus / f"ws{i % 4}", session_id, clock=lambda: clock["t"])
    for record in records:
        fields = {k: v for k, v in record.items() if k not in ("seq", "t", "type", "prev", "digest", "mac")}
        if record["type"] == "session_started":
            fields.update(session_id=session_id, trainee=trainee,
                          started_at=f"2026-01-{day:02d}T{hour % 24:02d}:{minute:02d}:{second:02d}.000Z")
        clock["t"] = record["t"]
        writer.write(record["type"], **fields)
    writer.close()


if __name__ == "__main__":
    main()
