"""How numbers read in the human formats (table, html)."""

from __future__ import annotations

from typing import Any

NONE = "–"


def pct(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.0f}%"


def score(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f}"


def seconds(value: float | None) -> str:
    return NONE if value is None else f"{value:.1f} s"


def signed(value: float | None, digits: int = 2) -> str:
    return NONE if value is None else f"{value:+.{digits}f}"


def count_of(part: int, whole: int) -> str:
    return f"{part}/{whole}"


def attempts(value: dict[str, int]) -> str:
    return ", ".join(f"{k} ×{n}" for k, n in value.items()) or NONE


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
