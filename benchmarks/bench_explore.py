"""Explore on generated scenarios of 50, 200 and 1,000 situations.

Prints explore's time as a ratio to the time of merely loading (parse +
validate + lint) the same scenario in the same run, so the figures compare
across machines. Each generated situation has three options (one with a
variable effect, conditional and random `next`), a time limit and tactics.

    python benchmarks/bench_explore.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.engine.explore import explore  # noqa: E402
from simulator.scenario import load_file, source  # noqa: E402

# Real scenario files are capped at 512 KiB (docs/reliability.md); the
# 1,000-situation stress scenario is larger, and this script measures the
# explorer's scaling, not the input limits, so it lifts the cap for itself.
source.MAX_FILE_BYTES = 16 * 1024 * 1024

BEHAVIOURS = ["cooperative", "passive_resistant", "active_resistant", "assaultive", "serious_bodily_harm_or_death"]
FORCES = ["officer_presence", "communication", "physical_control_soft", "physical_control_hard",
          "intermediate_weapons", "lethal_force"]


def generate(n: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    ids = [f"s{i}" for i in range(n)]

    # Strides grow with size so no path visits more than a session may (500 situations).
    low = max(1, n // 300)

    def ahead(i: int) -> str:
        j = i + rng.randint(low, low + 2)
        return ids[j] if j < n else rng.choice(["resolved", "unresolved"])

    situations = {}
    for i, sid in enumerate(ids):
        options = [
            {"id": "talk", "label": "Talk", "force": ["communication"], "preferred": True,
             "effects": {"agitation": -1},
             "next": [{"if": {"agitation": {"at_most": 1}}, "goto": ahead(i)}, {"goto": ahead(i)}]},
            {"id": "control", "label": "Control", "force": [rng.choice(FORCES[2:5])],
             "effects": {"agitation": 1},
             "next": {"random": [{"weight": 2, "goto": ahead(i)}, {"weight": 1, "goto": ahead(i)}]}},
            {"id": "force", "label": "Force", "force": [rng.choice(FORCES)], "next": ahead(i)},
        ]
        situations[sid] = {
            "narrative": f"Situation {i}.",
            "subject": {"behaviour": rng.choice(BEHAVIOURS)},
            "time_limit_s": 10, "timeout": ahead(i),
            "tactics": [{"id": "cover", "label": "Cover", "consideration": "cover", "rating": "recommended"},
                        {"id": "rush", "label": "Rush", "consideration": "reposition", "rating": "contraindicated"}],
            "options": options,
        }
    return {"format": 1, "id": f"generated-{n}", "title": f"Generated {n}", "start": "s0",
            "officer": {"equipment": ["baton", "oc_spray", "cew", "pistol"]},
            "variables": {"agitation": 2}, "situations": situations,
            "endings": {"resolved": {"narrative": "Done.", "result": "resolved"},
                        "unresolved": {"narrative": "Not done.", "result": "unresolved"}}}


def best_of(fn, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'situations':>10} {'states':>8} {'load s':>8} {'explore s':>10} {'explore/load':>13}")
        for n in (50, 200, 1000):
            path = Path(folder) / f"gen{n}.yaml"
            path.write_text(yaml.safe_dump(generate(n), sort_keys=False))
            loaded = load_file(path)
            load_s = best_of(partial(load_file, path))
            explore_s = best_of(partial(explore, loaded.scenario))
            states = explore(loaded.scenario).states
            print(f"{n:>10} {states:>8} {load_s:>8.3f} {explore_s:>10.3f} {explore_s / load_s:>13.2f}")


if __name__ == "__main__":
    main()
