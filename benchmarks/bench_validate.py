"""Validate 1,000 generated scenarios; report time as a ratio to bare parsing.

Floors, measured in the same run on the same files: parsing with PyYAML's C
loader (yaml.load, CSafeLoader), and composing nodes with it (yaml.compose,
which validate builds on so every error has a line and column). Times are
process CPU time, best of three, so other work on the machine skews less.
Usage: python benchmarks/bench_validate.py [COUNT]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from simulator.scenario.library import check_files

SITUATIONS_PER_SCENARIO = 6


def scenario_text(index: int) -> str:
    parts = [
        "format: 1", f"id: generated-{index}", f"title: Generated scenario {index}", "difficulty: 2",
        "summary: A generated scenario for benchmarking.", "officer:",
        "  equipment: [handcuffs, baton, oc_spray, pistol]",
        "variables:", "  calm: 0", "start: s0", "situations:",
    ]
    for s in range(SITUATIONS_PER_SCENARIO):
        following = f"s{s + 1}" if s + 1 < SITUATIONS_PER_SCENARIO else "done"
        parts += [
            f"  s{s}:",
            f"    title: Step {s}",
            "    narrative: The subject shouts and steps back toward the door, hands visible.",
            "    scene: {width_m: 12, depth_m: 8, officer: [2, 4], subjects: [{at: [7, 4], weapon: none}], "
            "exits: [[0, 4]]}",
            "    subject: {behaviour: active_resistant, cues: [Shouting, Backing away]}",
            "    factors: {environment: Lit corridor, subjects: 1, time_distance: Five metres}",
            "    time_limit_s: 15",
            "    timeout: lost",
            "    tactics:",
            "      - {id: dist, label: Keep distance, consideration: distance, rating: recommended}",
            "      - {id: rush, label: Rush in, consideration: reposition, rating: contraindicated}",
            "    options:",
            "      - id: talk",
            "        label: Tell him to stop",
            "        force: [communication]",
            "        preferred: true",
            "        effects: {calm: 1}",
            f"        next: [{{if: {{calm: {{at_least: 1}}}}, goto: {following}}}, {{goto: lost}}]",
            "        rationale: Communication first.",
            "      - {id: grab, label: Grab his arm, force: [physical_control_soft], next: " + following
            + ", rationale: Reasonable.}",
            "      - {id: spray, label: OC spray, force: [intermediate_weapons], next: lost, "
            "rationale: Excessive here.}",
        ]
    parts += [
        "endings:",
        "  done: {narrative: He complies., result: resolved, "
        "follow_up: [{id: ref, label: Refer, action: liaison, rating: recommended}]}",
        "  lost: {narrative: He gets away., result: unresolved}",
    ]
    return "\n".join(parts) + "\n"


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for i in range(count):
            (root / f"s{i:04d}.yaml").write_text(scenario_text(i))
        files = sorted(root.glob("*.yaml"))

        def parse_only() -> None:
            for path in files:
                yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

        def compose_only() -> None:
            for path in files:
                yaml.compose(path.read_bytes(), Loader=yaml.CSafeLoader)

        def validate() -> None:
            reports = check_files([root])
            assert all(not r.errors for r in reports), reports[0].problems

        floor = best_of(3, parse_only)
        composed = best_of(3, compose_only)
        validated = best_of(3, validate)
    size = statistics.mean(len(scenario_text(i)) for i in range(3))
    print(f"scenarios: {count} x {SITUATIONS_PER_SCENARIO} situations (~{size / 1024:.1f} KiB each)")
    print(f"floor  (PyYAML CSafeLoader parse only): {floor:.3f} s")
    print(f"uofsim validate (parse+model+lint+graph): {validated:.3f} s")
    print(f"floor  (PyYAML CSafeLoader compose only): {composed:.3f} s")
    print(f"ratio validate / parse: {validated / floor:.2f}x")
    print(f"ratio validate / compose: {validated / composed:.2f}x")


if __name__ == "__main__":
    main()
