"""A short hypothesis campaign over the answers-file reader and `uofsim run --answers`
(the scenario loader's is tests/test_scenario_fuzz.py; longer campaigns:
benchmarks/fuzz_loader.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.targets import answers_bytes, check_answers_reader, check_run_with_answers

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.binary(max_size=300))
def test_answers_reader_random_bytes(tmp_path_factory, raw: bytes) -> None:
    check_answers_reader(raw, tmp_path_factory.mktemp("a"))


@FUZZ
@given(answers_bytes())
def test_answers_reader_structured(tmp_path_factory, raw: bytes) -> None:
    check_answers_reader(raw, tmp_path_factory.mktemp("a"))


@settings(FUZZ, max_examples=60)
@given(answers_bytes())
def test_run_with_fuzzed_answers_is_a_session_or_one_line(tmp_path_factory, raw: bytes) -> None:
    check_run_with_answers(raw, tmp_path_factory.mktemp("r"))
