"""`uofsim review` over many logs: time and peak memory as ratios to a floor
measured in the same run: just reading every log's bytes and JSON-parsing each
line (the least any review must do). Times are CPU time (user + system), so
other work on a shared machine skews the ratios less than wall time would.

Two measures:

* **whole process, every format** (the default, what issue 15 asks): `uofsim
  review CORPUS --format F` run as its own process, against the floor run as
  its own process too (a Python process that lists, reads and JSON-parses the
  same logs). Start-up and imports count, as they do for an academy. CPU time
  and peak memory (max RSS) of each child from os.wait4; best of --repeat.
  Peak memory is reported for a quarter, half and all of the corpus: flat
  means it does not grow with the number of logs.
* **in process** (--in-process): the table review's pass alone against the
  floor in the same process, with tracemalloc peaks (the earlier measure).

Logs are generated fast: a few real headless sessions are played once, then
their records are written again under other trainee ids and start times with
the real SessionLogWriter (fsync switched off while generating: the bytes are
the same, only durability differs), so every generated log has a valid chain.

The review measured is the full table report (one pass, verify on every log,
tallies, the session list from the spool written to /dev/null).
Memory is measured with tracemalloc in separate runs (it slows Python down);
it is reported for several corpus sizes to show it does not grow with the
number of logs beyond the floor's own file list.

Run: python benchmarks/bench_review.py [--logs 2000] [--trainees 25] [--repeat 3] [--in-process]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# Nothing of uofsim is imported at the top: the floor runs as a child process of
# this file and must pay for nothing but reading and parsing.

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))
FORMATS = ("table", "csv", "json", "html", "xapi")
AIMS = {"table": 3.0, "csv": 3.0, "json": 3.0, "xapi": 3.0, "html": 4.0}  # issue 15: x floor, whole process


def templates(folder: Path) -> list[list[dict[str, Any]]]:
    """Records of a few real sessions (every scenario, three policies)."""
    from simulator.cli import main as uofsim

    found = []
    with contextlib.redirect_stdout(io.StringIO()):
        for n, scenario in enumerate(SCENARIOS):
            for policy in ("best", "worst", "random"):
                uofsim(["run", str(ROOT / "scenarios" / f"{scenario}.yaml"), "--policy", policy, "--seed", str(n),
                        "--trainee", "template", "--log-dir", str(folder)])
    for path in sorted(folder.rglob("*.jsonl")):
        found.append([json.loads(line) for line in path.read_bytes().splitlines()])
    return found


def floor(folder: Path) -> int:
    """List the logs, read every log's bytes and JSON-parse each line; nothing else."""
    lines = 0
    for path in sorted(folder.rglob("*.jsonl"), key=lambda p: (p.name, str(p))):
        for line in path.read_bytes().splitlines():
            json.loads(line)
            lines += 1
    return lines


def verify_only(folder: Path) -> int:
    """Read every log and verify it (what `uofsim verify` does): the part of review's
    cost that belongs to the integrity check."""
    from simulator.logbook import iter_log_files, verify_bytes

    ok = 0
    for path in sorted(iter_log_files([folder]), key=lambda p: (p.name, str(p))):
        ok += verify_bytes(path.read_bytes(), None, path).status == "ok"
    return ok


def review(folder: Path) -> int:
    from simulator.review import review_logs
    from simulator.review.render_table import write_table

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


# Runs a module (or this file) as __main__ and, at exit, writes the process's own
# peak RSS (VmHWM: counted from exec, unlike ru_maxrss, which also counts the
# memory the child inherited from this, much larger, process before exec).
_PEAK = (
    "import atexit, runpy, sys\n"
    "out = sys.argv.pop(1)\n"
    "def peak():\n"
    "    with open('/proc/self/status') as f:\n"
    "        kb = next((l.split()[1] for l in f if l.startswith('VmHWM:')), '0')\n"
    "    open(out, 'w').write(kb)\n"
    "atexit.register(peak)\n"
    "target = sys.argv.pop(1)\n"
    "sys.argv[0] = target\n"
    "runpy.run_path(target, run_name='__main__') if target.endswith('.py') "
    "else runpy.run_module(target, run_name='__main__', alter_sys=True)\n"
)


def child(argv: list[str]) -> tuple[float, int]:
    """(CPU seconds, peak RSS bytes) of one child process running `argv` (a module
    or script, then its arguments)."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        proc = subprocess.Popen([sys.executable, "-c", _PEAK, peak.name, *argv], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        _, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} failed ({code})")
        kb = peak.read().strip()
    return usage.ru_utime + usage.ru_stime, int(kb or 0) * 1024


def best_child(argv: list[str], repeat: int) -> tuple[float, int]:
    runs = [child(argv) for _ in range(repeat)]
    return min(t for t, _ in runs), max(m for _, m in runs)


def review_argv(fmt: str, corpus: Path, out: Path) -> list[str]:
    argv = ["simulator", "review", str(corpus), "--format", fmt]
    return argv + ["-o", str(out / fmt)] if fmt == "csv" else argv


def whole_process(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sessions = templates(base / "templates")
        sizes = sorted({max(1, args.logs // 4), max(1, args.logs // 2), args.logs})
        corpus, out = base / "logs", base / "out"
        out.mkdir()
        previous, peaks, times = 0, {}, {}
        floor_argv = [str(Path(__file__).resolve()), "--floor-only", str(corpus)]
        verify_argv = ["simulator", "verify", str(corpus)]
        for size in sizes:
            _generate_range(corpus, previous, size, args.trainees, sessions)
            previous = size
            peaks[size] = {"floor": best_child(floor_argv, 1)[1]}
            for fmt in FORMATS:
                peaks[size][fmt] = best_child(review_argv(fmt, corpus, out), 1)[1]
        # The machine is shared: each review run is paired with a floor run right
        # before it, and the ratio reported is the median of the pairs' ratios.
        ratios: dict[str, float] = {}
        floors: list[float] = []
        for name, argv in (("verify", verify_argv), *((fmt, review_argv(fmt, corpus, out)) for fmt in FORMATS)):
            pairs = []
            for _ in range(args.repeat):
                f_s, r_s = child(floor_argv)[0], child(argv)[0]
                floors.append(f_s)
                pairs.append((r_s / f_s, r_s))
            ratios[name] = statistics.median(r for r, _ in pairs)
            times[name] = statistics.median(t for _, t in pairs)
        floor_s = statistics.median(floors)
        print(f"whole process, {args.logs} logs ({args.trainees} trainees, {len(SCENARIOS)} scenarios); "
              f"floor {floor_s:.2f} s CPU (median; list, read and JSON-parse every log)")
        print(f"{'format':<7} {'cpu s':>6} {'x floor':>8} {'aim':>5}  peak MiB at "
              + " / ".join(str(s) for s in sizes) + " logs")
        times["floor"], ratios["floor"] = floor_s, 1.0
        for name in ("floor", *FORMATS):
            ratio = ratios[name]
            aim = AIMS.get(name)
            mark = "" if aim is None else (" ok" if ratio <= aim else " over")
            mems = " / ".join(f"{peaks[s][name] / 2**20:.0f}" for s in sizes)
            print(f"{name:<7} {times[name]:>6.2f} {ratio:>8.2f} {aim or '':>5}{mark:<5} {mems}")
        verify_s = times["verify"]
        print(f"(uofsim verify on the same logs, which every review does first: {verify_s:.2f} s, "
              f"{ratios['verify']:.2f} x floor)")
        print("x floor: median over --repeat pairs of (review CPU / floor CPU run just before it)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=2_000)
    parser.add_argument("--trainees", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--in-process", action="store_true", help="the older in-process measure of the table pass")
    parser.add_argument("--floor-only", type=Path, help=argparse.SUPPRESS)  # the floor, as a child process
    args = parser.parse_args()
    if args.floor_only:
        floor(args.floor_only)
        return
    if not args.in_process:
        whole_process(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sessions = templates(base / "templates")
        sizes = sorted({max(1, args.logs // 4), max(1, args.logs // 2), args.logs})
        started = time.perf_counter()
        previous = 0
        corpus = base / "logs"
        print(f"{'logs':>7} {'floor cpu':>9} {'verify x':>9} {'review cpu':>10} {'time x':>7} "
              f"{'floor MiB':>10} {'review MiB':>11} {'mem x':>6} {'extra MiB':>10}")
        for size in sizes:
            _generate_range(corpus, previous, size, args.trainees, sessions)  # larger sizes contain the smaller
            previous = size
            t_floor = best_time(floor, corpus, args.repeat)
            t_verify = best_time(verify_only, corpus, args.repeat)
            t_review = best_time(review, corpus, args.repeat)
            m_floor = peak_memory(floor, corpus)
            m_review = peak_memory(review, corpus)
            print(f"{size:>7} {t_floor:>9.2f} {t_verify / t_floor:>9.2f} {t_review:>10.2f} {t_review / t_floor:>7.2f} "
                  f"{m_floor / 2**20:>10.2f} {m_review / 2**20:>11.2f} {m_review / m_floor:>6.2f} "
                  f"{(m_review - m_floor) / 2**20:>10.2f}")
        lines = floor(corpus)
        print("verify x = reading + verify_bytes alone, as a ratio to the floor (part of review's time x)")
        print("extra MiB = review peak - floor peak: what review keeps beyond the file list both hold")
        print(f"({args.logs} logs, {lines} lines, {args.trainees} trainees; corpus generated and measured in "
              f"{time.perf_counter() - started:.0f} s)")


def _generate_range(corpus: Path, start: int, end: int, trainees: int, sessions: list[list[dict[str, Any]]]) -> None:
    """Write logs number start..end-1 with the real writer (fsync off while generating)."""
    from simulator.logbook import SessionLogWriter  # noqa: F401  (imported before fsync is switched off)

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
    from simulator.logbook import SessionLogWriter, read_record

    clock = {"t": 0.0}
    writer = SessionLogWriter.create(corpus / f"ws{i % 4}", session_id, clock=lambda: clock["t"])
    for record in records:
        if record["type"] == "session_started":
            record = {**record, "session_id": session_id, "trainee": trainee,
                      "started_at": f"2026-01-{day:02d}T{hour % 24:02d}:{minute:02d}:{second:02d}.000Z"}
        clock["t"] = record["t"]
        writer.write(read_record(record))
    writer.close()


if __name__ == "__main__":
    main()
