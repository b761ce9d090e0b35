"""Unit and property tests of review's small parts: text safety, CSV cells, SDT, medians."""

from __future__ import annotations

from statistics import NormalDist, median

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.review.sdt import LethalCounts
from simulator.review.tallies import MedianTimer, Slope
from simulator.review.text import clean, csv_cell


@given(st.text())
def test_clean_leaves_no_control_characters(text: str) -> None:
    cleaned = clean(text)
    assert "\x1b" not in cleaned and "\n" not in cleaned and "\r" not in cleaned
    assert all(ord(c) >= 32 and not 0x7F <= ord(c) <= 0x9F for c in cleaned)


def test_clean_removes_whole_escape_sequences() -> None:
    assert clean("\x1b[1;31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07") == "red link"
    assert clean("plain é ü 名") == "plain é ü 名"
    assert clean(None) == "" and clean(12) == "12"


@given(st.text())
def test_csv_cells_never_start_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert not str(cell).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_cell_keeps_numbers() -> None:
    assert csv_cell(-3.5) == -3.5 and csv_cell(True) == "true" and csv_cell(None) == "" and csv_cell("-1") == "'-1"


@given(st.integers(0, 50), st.integers(0, 50), st.integers(1, 50), st.integers(1, 50))
def test_sdt_rates_stay_inside_0_1_and_d_prime_is_finite(hits: int, fas: int, extra_s: int, extra_n: int) -> None:
    counts = LethalCounts(signal=hits + extra_s - 1, noise=fas + extra_n - 1, hits=hits, false_alarms=fas)
    if counts.signal == 0 or counts.noise == 0:
        return
    assert 0 < counts.hit_rate < 1 and 0 < counts.false_alarm_rate < 1  # type: ignore[operator]
    z = NormalDist().inv_cdf
    assert counts.d_prime == pytest.approx(z(counts.hit_rate) - z(counts.false_alarm_rate))  # type: ignore[arg-type]


def test_sdt_perfect_discrimination_is_positive_and_unbiased() -> None:
    counts = LethalCounts(signal=10, noise=10, hits=10, false_alarms=0)
    assert counts.d_prime == pytest.approx(2 * NormalDist().inv_cdf(10.5 / 11))
    assert counts.criterion == pytest.approx(0.0)
    trigger_happy = LethalCounts(signal=10, noise=10, hits=10, false_alarms=9)
    assert trigger_happy.criterion < 0  # type: ignore[operator]
    assert LethalCounts(signal=3).d_prime is None


@given(st.lists(st.integers(0, 100_000), min_size=1, max_size=200))
def test_median_timer_matches_statistics_median(centiseconds: list[int]) -> None:
    timer = MedianTimer()
    for value in centiseconds:
        timer.add(value / 100)
    assert timer.median() == pytest.approx(median(centiseconds) / 100)


def test_slope_of_scores_over_attempts() -> None:
    slope = Slope()
    for score in (40, 50, 60, 70):
        slope.add(score)
    assert slope.slope() == pytest.approx(10.0)
