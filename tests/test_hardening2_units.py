"""Issue 12 in process: the pieces behind the hostile corpus, and the documented gaps."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from simulator.engine import FakeClock, Session, SessionSettings
from simulator.engine.policies import RandomPolicy, play_headless
from simulator.logbook import (
    MAX_LINE_BYTES,
    LogLimitError,
    number_problem,
    order_problem,
    read_log,
    verify_bytes,
)
from simulator.scenario import load_file
from simulator.scenario.assets import image_size
from simulator.scenario.source import parse
from simulator.scenario.statespace import MAX_STEPS
from support.engine import lines
from support.hardening2 import HOSTILE, real_log, rechain, records_of
from support.review import run_cli

KEY = b"academy-key-for-h2"


def test_a_genuine_log_is_in_order_and_in_range(tmp_path: Path) -> None:
    records = records_of(real_log(tmp_path).read_bytes())
    assert order_problem(records) is None
    assert not any(number_problem(r) for r in records)


@pytest.mark.parametrize(("record", "expected"), [
    ({"type": "action", "decision_s": 1e308}, "decision_s 1e+308 is out of range"),
    ({"type": "situation_scored", "scores": {"total": -2e9}}, "scores.total -2000000000.0 is out of range"),
    ({"type": "session_started", "seed": 2**64 - 1, "started_at": "2026-01-01T00:00:00Z"}, ""),
    ({"type": "session_started", "seed": 2**64, "started_at": "2026-01-01T00:00:00Z"}, "seed"),
    ({"type": "session_started", "seed": 1, "started_at": "9999-12-31T23:59:59Z"}, "started_at year 9999"),
])
def test_numbers_in_logs_are_bounded(record: dict, expected: str) -> None:
    problem = number_problem(record)
    assert (expected in problem) if expected else problem == ""


def test_order_names_the_first_record_out_of_place(tmp_path: Path) -> None:
    records = records_of(real_log(tmp_path).read_bytes())
    no_ending = [r for r in records if r["type"] != "ending_reached"]
    assert order_problem(no_ending) is not None  # a follow-up (or the end) with no ending before it
    moved = [records[0], *records[2:], records[1]]  # situation_entered after the end
    line, why = order_problem(moved)  # type: ignore[misc]
    assert line == 2 and why.endswith("before any situation"), why


def test_the_streaming_reader_caps_line_length(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(b"{}\n" + b"x" * (MAX_LINE_BYTES + 1) + b"\n")
    with pytest.raises(LogLimitError, match=r"wide.jsonl:2: line longer than 65,536 bytes"):
        read_log(path)


def test_identical_copies_under_other_names_are_counted_once(tmp_path: Path) -> None:
    data = real_log(tmp_path / "src").read_bytes()
    for i, where in enumerate(["x", "y/z", "w"]):
        (tmp_path / "corpus" / where).mkdir(parents=True)
        (tmp_path / "corpus" / where / f"copy-{i}.jsonl").write_bytes(data)
    code, out, err = run_cli(["review", str(tmp_path / "corpus"), "--format", "json"])
    totals = json.loads(out)["totals"]
    assert code == 0 and (totals["sessions"], totals["duplicates"]) == (1, 2), err
    assert err.count("counted once") == 2


def test_a_cut_tail_of_a_keyed_log_looks_like_a_crash(tmp_path: Path) -> None:
    """The documented gap (docs/reliability.md): the key proves each line, not that the log is whole."""
    records = records_of(real_log(tmp_path).read_bytes())
    whole = rechain(records, KEY)
    assert verify_bytes(whole, KEY).status == "ok"
    lines = whole.splitlines(keepends=True)
    for cut in (1, 3):
        assert verify_bytes(b"".join(lines[:-cut]), KEY).status == "incomplete"
    doc = (Path(__file__).parent.parent / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert "verify --db" in doc and "looks exactly like a" in doc


def test_the_engine_stops_a_session_at_the_step_cap(tmp_path: Path) -> None:
    """Validation refuses loops; a scenario loaded without lint still cannot run for ever."""
    loaded = load_file(HOSTILE / "self-loop-random.yaml", lint=False)
    clock = FakeClock()
    session = Session.start(loaded, SessionSettings(trainee="t", seed=1, mode="headless"), clock=clock, log=None)
    play_headless(session, RandomPolicy(1), clock)
    entered = [r for r in lines(session) if r["type"] == "situation_entered"]
    assert len(entered) == MAX_STEPS and lines(session)[-1] == {**lines(session)[-1], "reason": "step_cap"}


def test_jpeg_and_png_sizes_come_from_the_header(tmp_path: Path) -> None:
    jpeg = tmp_path / "a.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + struct.pack(">H", 4) + b"xx"
                     + b"\xff\xc2" + struct.pack(">HBHH", 11, 8, 480, 640))
    assert image_size(jpeg) == (640, 480)
    assert image_size(HOSTILE / "huge-image" / "huge.png") == (40_000, 40_000)
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # no header to read: left to the decoder
    assert image_size(tmp_path / "b.png") is None


def test_positions_are_found_without_scanning_every_key() -> None:
    text = "".join(f"k{i}: {i}\n" for i in range(20_000))
    _, source = parse(text, "x.yaml")
    assert [source.key((f"k{i}",)) for i in (0, 9_999, 19_999)] == [(1, 1), (10_000, 1), (20_000, 1)]
    assert len(source._keys) == 1  # the root mapping, indexed once
