"""Per-record cost of SessionLogWriter.write (fsync every record), with and without
a key, as a ratio to a floor measured in the same run: bare os.write + os.fsync
of a line of the same size to a file in the same temporary folder.

Run: python benchmarks/bench_log_write.py [--records N] [--dir DIR]
(--dir: measure on the disk the academy will use; default: a temp dir.)
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.domain import Force, Verdict  # noqa: E402
from simulator.logbook import SessionLogWriter  # noqa: E402
from simulator.logbook.models import Action, ForceBand, RubricInfo, ScenarioInfo, SessionStarted  # noqa: E402

ACTION = Action(
    situation="approach",
    option="verbal",
    force=[Force.COMMUNICATION],
    level=1,
    range=ForceBand(min=Force.COMMUNICATION, max=Force.PHYSICAL_CONTROL_SOFT),
    verdict=Verdict.REASONABLE,
    severity=0,
    critical=False,
    reportable=False,
    decision_s=4.5,
    reasons=[],
)
START = SessionStarted(format=1, session_id="bench", trainee="bench", started_at="2026-01-01T00:00:00.000Z",
                       scenario=ScenarioInfo(id="bench"), rubric=RubricInfo(name="default-2"))


def time_floor(folder: Path, line: bytes, records: int) -> float:
    fd = os.open(folder / "floor.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        start = time.perf_counter()
        for _ in range(records):
            os.write(fd, line)
            os.fsync(fd)
        return (time.perf_counter() - start) / records
    finally:
        os.close(fd)


def time_writer(folder: Path, name: str, key: bytes | None, records: int) -> tuple[float, int]:
    ticks = itertools.count()
    with SessionLogWriter.create(folder, name, clock=lambda: next(ticks) * 0.01, key=key) as writer:
        writer.write(START)
        start = time.perf_counter()
        for _ in range(records):
            writer.write(ACTION)
        elapsed = time.perf_counter() - start
    size = len(writer.path.read_bytes().splitlines()[-1]) + 1
    return elapsed / records, size


def cpu_overhead_us(folder: Path, records: int) -> tuple[float, float]:
    """Writer cost with fsync stubbed out, and bare os.write of the same line: the
    Python-side share of the cost (serialise, self-check, hash, mac)."""
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # type: ignore[assignment]
    try:
        per_write, size = time_writer(folder, "cpu", b"k" * 32, records)
        fd = os.open(folder / "cpu-floor.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        line = b"x" * (size - 1) + b"\n"
        start = time.perf_counter()
        for _ in range(records):
            os.write(fd, line)
        floor = (time.perf_counter() - start) / records
        os.close(fd)
    finally:
        os.fsync = real_fsync
    return per_write * 1e6, floor * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        time_writer(folder, "warmup", None, 20)  # warm up the file system
        # Interleave the three measurements so drift hits all alike; report medians.
        floor: list[float] = []
        plain: list[float] = []
        keyed: list[float] = []
        size_plain = size_keyed = 0
        for round_no in range(3):
            per_plain, size_plain = time_writer(folder, f"plain{round_no}", None, args.records)
            per_keyed, size_keyed = time_writer(folder, f"keyed{round_no}", b"k" * 32, args.records)
            floor.append(time_floor(folder, b"x" * (size_plain - 1) + b"\n", args.records))
            plain.append(per_plain)
            keyed.append(per_keyed)
        cpu_writer, cpu_floor = cpu_overhead_us(folder, args.records * 10)
    base = _median(floor)
    print(f"records per run: {args.records} x 3 runs; line {size_plain} B (no key), {size_keyed} B (with key)")
    print(f"floor  os.write+os.fsync : {base * 1e6:8.1f} us/record")
    for label, runs in (("no key", plain), ("with key", keyed)):
        ratios = ", ".join(f"{p / f:.2f}" for p, f in zip(runs, floor))
        print(f"write  {label:<18}: {_median(runs) * 1e6:8.1f} us/record  "
              f"ratio {_median(runs) / base:.2f} (per run {ratios})")
    print(f"cpu    write, fsync off  : {cpu_writer:8.1f} us/record vs bare os.write {cpu_floor:.1f} us "
          f"(ratio {cpu_writer / cpu_floor:.1f})")


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


if __name__ == "__main__":
    main()
