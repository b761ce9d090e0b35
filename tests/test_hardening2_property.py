"""Property (issue 12): random type, value and order mutations of genuine logs,
re-chained so that they verify, never crash `review` in any format nor the
replay loader. Every outcome is a report, a one-line warning, or ReplayError.
"""

from __future__ import annotations

import atexit
import copy
import functools
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.logbook import verify_bytes
from simulator.ui.run import ReplayError, load_replay
from support.hardening2 import SCENARIOS, real_log, rechain, records_of
from support.review import run_cli

FIXED = ("seq", "prev", "digest", "mac")  # rechain rewrites these anyway

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
# Values a buggy or hostile writer would pick: the edges of every range review and replay use.
EXTREMES = st.sampled_from([
    1e308, -1e308, 1e-308, 2**63, -(2**63), 10**12, -1, 0, 5, 6, 101, -0.0, "", "x" * 300, "\x1b[2J", "lethal_force",
    "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "not a time", [], {}, [None], {"min": "x", "max": 9},
])


@functools.cache
def _genuine() -> tuple[Path, tuple[tuple[dict[str, Any], ...], ...]]:
    """A scenario folder for the timelines and a few genuine logs' records (made once)."""
    folder = Path(tempfile.mkdtemp(prefix="h2prop-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "scenarios").mkdir()
    for name in ("phone-not-gun", "crisis-knife-apartment"):
        shutil.copy(SCENARIOS / f"{name}.yaml", folder / "scenarios")
    logs = [
        real_log(folder / "a", "phone-not-gun", seed=1, policy="best"),
        real_log(folder / "b", "crisis-knife-apartment", seed=2, policy="worst"),
        real_log(folder / "c", "crisis-knife-apartment", seed=3, policy="random"),
    ]
    return folder / "scenarios", tuple(tuple(records_of(log.read_bytes())) for log in logs)


@st.composite
def mutated_logs(draw: st.DrawFn) -> list[dict[str, Any]]:
    _, genuine = _genuine()
    records = copy.deepcopy(list(draw(st.sampled_from(genuine))))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["type", "value", "order"]))
        if kind == "order" and len(records) > 1:
            _reorder(draw, records)
            continue
        record = records[draw(st.integers(0, len(records) - 1))]
        keys = [k for k in record if k not in FIXED]
        key = draw(st.sampled_from(keys))
        target, key = _maybe_nested(draw, record, key)
        target[key] = draw(JSON if kind == "type" else EXTREMES)
    return records


def _maybe_nested(draw: st.DrawFn, record: dict[str, Any], key: str) -> tuple[dict[str, Any], str]:
    """Sometimes one level down (scenario, range, scores, critical errors)."""
    value = record[key]
    if isinstance(value, dict) and value and draw(st.booleans()):
        return value, draw(st.sampled_from(sorted(value)))
    if isinstance(value, list) and value and isinstance(value[0], dict) and value[0] and draw(st.booleans()):
        return value[0], draw(st.sampled_from(sorted(value[0])))
    return record, key


def _reorder(draw: st.DrawFn, records: list[dict[str, Any]]) -> None:
    i = draw(st.integers(0, len(records) - 1))
    j = draw(st.integers(0, len(records) - 1))
    how = draw(st.sampled_from(["swap", "delete", "duplicate", "move"]))
    if how == "swap":
        records[i], records[j] = records[j], records[i]
    elif how == "delete":
        del records[i]
    elif how == "duplicate":
        records.insert(j, copy.deepcopy(records[i]))
    else:
        records.insert(j, records.pop(i))


def _review_and_replay(records: list[dict[str, Any]], formats: tuple[str, ...]) -> None:
    scenarios, _ = _genuine()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        log = folder / "logs" / "mutated.jsonl"
        log.parent.mkdir()
        log.write_bytes(rechain(records))
        for fmt in formats:
            out = ["-o", str(folder / "csv")] if fmt == "csv" else []
            code, _, err = run_cli(["review", str(log.parent), "--format", fmt, "--scenarios", str(scenarios), *out])
            assert code in (0, 1), (fmt, err)
            assert all(line.startswith("warning: ") for line in err.splitlines()), (fmt, err)
        try:
            load_replay(log)
        except ReplayError as exc:
            assert "\n" not in str(exc)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_logs())
def test_mutated_logs_never_crash_review_or_replay(records: list[dict[str, Any]]) -> None:
    _review_and_replay(records, ("table", "csv", "json", "xapi"))


# html draws its charts with matplotlib (about 1 s a report), so fewer examples.
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_logs())
def test_mutated_logs_never_crash_the_html_review(records: list[dict[str, Any]]) -> None:
    _review_and_replay(records, ("html",))


def test_the_mutations_keep_logs_verifiable() -> None:
    """The property is only as strong as the logs it feeds: re-chained, they verify."""
    _, genuine = _genuine()
    for records in genuine:
        assert verify_bytes(rechain(list(records)), None).status == "ok"
