"""The loader may only ever return a model or raise ScenarioError."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.scenario import ScenarioError, load_bytes

_spec = importlib.util.spec_from_file_location("make_broken", Path(__file__).parent / "fixtures" / "make_broken.py")
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
BASE: str = _module.BASE

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_error(raw: bytes, tmp: Path) -> None:
    try:
        load_bytes(raw, tmp / "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.problems, "a ScenarioError must name at least one problem"
        for problem in exc.problems:
            assert problem.message and "\n" not in problem.message


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path_factory, raw: bytes) -> None:
    load_or_error(raw, tmp_path_factory.mktemp("f"))


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n ,?%@`~0") + ["\t", "é", "\x00"]), max_size=200))
def test_yaml_punctuation_soup(tmp_path_factory, text: str) -> None:
    load_or_error(text.encode("utf-8", "surrogatepass"), tmp_path_factory.mktemp("f"))


@FUZZ
@given(st.data())
def test_mutated_valid_scenario(tmp_path_factory, data: st.DataObject) -> None:
    raw = bytearray(BASE.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        kind = data.draw(st.sampled_from(["flip", "delete", "insert", "dup-line"]))
        at = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif kind == "delete":
            del raw[at : at + data.draw(st.integers(1, 20))]
        elif kind == "insert":
            raw[at:at] = data.draw(st.sampled_from([b": ", b"- ", b"&a ", b"*a", b"!!python/name:os.system ", b"{",
                                                    b"\n  x: 1\n", b"no", b"~"]))
        else:
            lines = bytes(raw).split(b"\n")
            index = at % len(lines)
            lines.insert(index, lines[index])
            raw = bytearray(b"\n".join(lines))
        if not raw:
            break
    load_or_error(bytes(raw), tmp_path_factory.mktemp("f"))
