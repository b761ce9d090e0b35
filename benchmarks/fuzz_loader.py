"""Longer fuzz campaigns over the scenario loader and the answers-file reader.

    python benchmarks/fuzz_loader.py [--seconds 60] [--target loader|answers|run|all]

Each target runs hypothesis with a large max_examples under a time budget and
prints examples/second and the outcomes (model / error). Any other outcome (an
exception that is not the project's own error) is a finding: hypothesis shrinks it
and this script exits 1 with the failing input.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz.targets import answers_bytes, check_answers_reader, check_loader, check_run_with_answers, scratch  # noqa: E402


def _base_scenario() -> bytes:
    spec = importlib.util.spec_from_file_location("make_broken", ROOT / "tests" / "fixtures" / "make_broken.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BASE.encode()


@st.composite
def scenario_bytes(draw: st.DrawFn) -> bytes:
    """Random bytes, or a valid scenario with up to 8 byte-level mutations."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=600))
    raw = bytearray(BASE)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(raw)))
        raw[at:at + draw(st.integers(0, 6))] = draw(st.sampled_from(
            [b"", b": ", b"- ", b"&a ", b"*a", b"!!python/object/apply:os.system ", b"{", b"[" * 70, b"\n  x: 1\n",
             b"no", b"~", b"\xef\xbb\xbf", b"\r\n", b"\x00", b"1e999", b"<<: *a"]))
    return bytes(raw)


BASE = _base_scenario()
TARGETS = {
    "loader": (scenario_bytes(), check_loader),
    "answers": (answers_bytes(), check_answers_reader),
    "run": (answers_bytes(), check_run_with_answers),
}


def campaign(name: str, seconds: float) -> int:
    strategy, check = TARGETS[name]
    outcomes: collections.Counter[str] = collections.Counter()
    deadline = time.monotonic() + seconds
    with scratch() as folder:
        # Rounds of 200 fresh examples until the budget is spent (hypothesis has no
        # time budget of its own; without a database every round draws anew).
        @settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate, Phase.shrink],
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def run(raw: bytes) -> None:
            outcomes[check(raw, Path(folder))] += 1

        started = time.monotonic()
        try:
            while time.monotonic() < deadline:
                run()
        except Exception as exc:  # a finding: hypothesis has printed the shrunk input
            print(f"{name}: FINDING {type(exc).__name__}: {exc}")
            return 1
        finally:
            elapsed = time.monotonic() - started
            total = sum(outcomes.values())
            detail = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
            print(f"{name:8} {total:8d} examples in {elapsed:6.1f} s = {total / max(elapsed, 1e-9):8.1f}/s  ({detail})")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget per target (default 60)")
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    args = parser.parse_args()
    names = list(TARGETS) if args.target == "all" else [args.target]
    return max(campaign(name, args.seconds) for name in names)


if __name__ == "__main__":
    sys.exit(main())
