"""Fuzz targets and input strategies. The only allowed outcomes are a model (or a
finished run) or the project's own one-line error; anything else is a finding."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import yaml
from hypothesis import strategies as st

from simulator.cli import main
from simulator.engine.answers import load_answers
from simulator.scenario import ScenarioError, load_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "contract_example.yaml"
SITUATIONS = ["arrival", "lowers-knife", "advances", "nowhere", ""]
IDS = ["serious_bodily_harm_or_death", "passive_resistant", "cover", "backup", "rush", "talk", "challenge",
       "tackle", "talk-down", "fire", "cew", "refer", "nothing", "x", ""]
KEYS = ["situation", "assess", "plan", "act", "seconds", "follow_up", "extra"]

_scalar = st.one_of(st.sampled_from(IDS + SITUATIONS), st.integers(-5, 10**6), st.floats(allow_nan=True),
                    st.booleans(), st.none(), st.text(max_size=8))
_value = st.recursive(_scalar,
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner,
                                                                                  max_size=3),
                      max_leaves=8)
_entry = st.fixed_dictionaries(
    {"situation": st.sampled_from(SITUATIONS)},
    optional={"assess": st.sampled_from(IDS), "plan": st.lists(st.sampled_from(IDS), max_size=3),
              "act": st.sampled_from(IDS), "seconds": st.one_of(st.integers(0, 30), st.floats(0, 30)),
              "extra": _value},
)
answers_data = st.one_of(
    st.lists(st.one_of(_entry, st.fixed_dictionaries({"follow_up": st.lists(st.sampled_from(IDS), max_size=2)})),
             min_size=1, max_size=5),
    _value,
)


@st.composite
def answers_bytes(draw: st.DrawFn) -> bytes:
    """YAML answers files: structured ones, sometimes with a few bytes mutated."""
    text = yaml.safe_dump(draw(answers_data), default_flow_style=draw(st.booleans()), allow_unicode=True)
    raw = bytearray(text.encode())
    for _ in range(draw(st.integers(0, 3))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        raw[at:at + draw(st.integers(0, 3))] = draw(st.sampled_from([b"", b": ", b"- ", b"&a ", b"*a",
                                                                     b"!!python/name:os.system ",
                                                                     b"[", b"{", b"\x00", b"\xff", b"\n  "]))
    return bytes(raw)


def check_answers_reader(raw: bytes, folder: Path) -> str:
    """load_answers: a result or ScenarioError whose problems are one line each."""
    path = folder / "answers.yaml"
    path.write_bytes(raw)
    try:
        load_answers(path)
    except ScenarioError as exc:
        assert exc.problems and all(p.message and "\n" not in p.message for p in exc.problems)
        return "error"
    return "model"


def check_run_with_answers(raw: bytes, folder: Path) -> str:
    """`uofsim run --answers` end to end: exit 0, or exit 1 with exactly one line."""
    path = folder / "answers.yaml"
    path.write_bytes(raw)
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["run", str(EXAMPLE), "--answers", str(path), "--seed", "1", "--log-dir", str(folder / "logs")])
    assert code in (0, 1), code
    if code == 1:
        assert len(err.getvalue().strip().splitlines()) == 1, err.getvalue()
    return "ran" if code == 0 else "error"


def check_loader(raw: bytes, folder: Path) -> str:
    """load_bytes: a model or ScenarioError (the CI campaign is tests/test_scenario_fuzz.py)."""
    try:
        load_bytes(raw, folder / "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.problems and all(p.message and "\n" not in p.message for p in exc.problems)
        return "error"
    return "model"


def scratch() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="uofsim-fuzz-")
