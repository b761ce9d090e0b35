"""How numbers are rounded and read in the human formats (table, html) and CSV.

One place for the rounding of every figure (docs/review.md, "Rounding"), so
a CSV cell holds exactly the number the report shows:

| figure | rounded to | shown as |
|---|---|---|
| scores (0-100), mean scores | 0.1 | 78.4 |
| rates and shares (pass rate, accuracy, tactic score, H, F) | 0.01 as a fraction | 67% |
| seconds (decision times, durations) | 0.01 s | 1.25 s |
| d', c | 0.01 | +0.84 |
| trend (points per repeat) | 0.1 | +2.3 |
| competencies (0-100) | 1 | 67 |
"""

from __future__ import annotations

from typing import Any

NONE = "–"

DIGITS = {"score": 1, "fraction": 2, "seconds": 2, "index": 2, "trend": 1, "competency": 0}


def rounded(value: float | None, kind: str) -> float | int | None:
    """`value` rounded as `kind` is shown (DIGITS); None stays None."""
    if value is None:
        return None
    digits = DIGITS[kind]
    return int(round(value)) if digits == 0 else round(float(value), digits) + 0.0  # + 0.0: no "-0.0"


def pct(value: float | None) -> str:
    return NONE if value is None else f"{rounded(value, 'fraction') * 100:.0f}%"  # type: ignore[operator]


def score(value: float | None) -> str:
    return NONE if value is None else f"{rounded(value, 'score'):.1f}"


def seconds(value: float | None) -> str:
    return NONE if value is None else f"{rounded(value, 'seconds'):.2f} s"


def signed(value: float | None, digits: int = 2) -> str:
    return NONE if value is None else f"{round(value, digits) + 0.0:+.{digits}f}"


def trend(value: float | None) -> str:
    return signed(value, DIGITS["trend"])


def competency(value: float | None) -> str:
    return NONE if value is None else str(rounded(value, "competency"))


def rate_with_counts(rate: float | None, part: int, whole: int) -> str:
    """A pass rate with the counts it rests on: "67% (2/3)"."""
    return f"{pct(rate)} ({part}/{whole})" if whole else NONE


def situation_list(items: list[dict[str, Any]]) -> str:
    return "; ".join(f"{s['situation']} ({pct(s['share_of_loss'])} of points lost)" for s in items) or NONE


def wrong_assessment(item: dict[str, Any] | None) -> str:
    if not item:
        return NONE
    return f"{item['situation']}: {item['chosen']} for {item['expected']} ×{item['count']}"


def unreasonable_option(item: dict[str, Any] | None) -> str:
    if not item:
        return NONE
    return f"{item['situation']}: {item['option']} ({item['verdict']}) ×{item['count']}"
