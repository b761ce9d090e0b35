"""The html report's charts: small inline SVG, written directly.

matplotlib took about 1.3 s to start for two charts; these are a few lines of
SVG text each, written in microseconds, and they scale crisply on screen and
in print. Only numbers and the report's own (escaped) labels go into them:
nothing from a log file is written into an SVG unescaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from simulator.review.text import clean

PASS, FAIL, INK, GRID, MUTED = "#2f7d4f", "#b23b3b", "#1f2937", "#d8dde3", "#5b6675"


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def progress_spark(points: Sequence[dict[str, Any]], *, width: int = 130, height: int = 34, span: float = 50.0,
                   label: str = "") -> str:
    """One trainee's complete attempts, in order, as points above or below the
    cohort's mean on the same scenario (the zero line), clipped to +-span.
    Green dots passed, red failed; a line joins them so the direction shows."""
    usable = [p for p in points if p.get("vs_cohort") is not None]
    if not usable:
        return ""
    pad = 3.0
    step = (width - 2 * pad) / max(1, len(usable) - 1)
    mid = height / 2

    def y(value: float) -> float:
        clipped = max(-span, min(span, value))
        return mid - clipped / span * (mid - pad)

    coords = [(pad + i * step if len(usable) > 1 else width / 2, y(p["vs_cohort"])) for i, p in enumerate(usable)]
    line = " ".join(f"{_num(x)},{_num(yy)}" for x, yy in coords)
    dots = "".join(
        f'<circle cx="{_num(x)}" cy="{_num(yy)}" r="2" fill="{PASS if p.get("passed") else FAIL}"/>'
        for (x, yy), p in zip(coords, usable)
    )
    return (
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'preserveAspectRatio="none" role="img" aria-label="{escape(clean(label))}">'
        f'<line x1="0" x2="{width}" y1="{_num(mid)}" y2="{_num(mid)}" stroke="{GRID}"/>'
        f'<polyline points="{line}" fill="none" stroke="{MUTED}" stroke-width="1"/>{dots}</svg>'
    )


def score_distribution(histogram: dict[str, Any], *, passed_label: str, failed_label: str, axis_label: str,
                       width: int = 560, height: int = 170) -> str:
    """Stacked bars of final scores (complete sessions) in 5-point bands, failed under passed."""
    passed: Sequence[int] = histogram["passed"]
    failed: Sequence[int] = histogram["failed"]
    top = max((p + f for p, f in zip(passed, failed)), default=0)
    if not top:
        return ""
    left, right, upper, lower = 34, 8, 18, 30
    plot_w, plot_h = width - left - right, height - upper - lower
    bar = plot_w / len(passed)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(axis_label)}">']
    for tick in _ticks(top):
        ty = upper + plot_h - tick / top * plot_h
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{_num(ty)}" y2="{_num(ty)}" stroke="{GRID}"/>'
                     f'<text x="{left - 4}" y="{_num(ty + 3)}" text-anchor="end">{tick}</text>')
    for i, (p, f) in enumerate(zip(passed, failed)):
        x = left + i * bar + 1
        hf, hp = f / top * plot_h, p / top * plot_h
        base = upper + plot_h
        if f:
            parts.append(f'<rect x="{_num(x)}" y="{_num(base - hf)}" width="{_num(bar - 2)}" height="{_num(hf)}" '
                         f'fill="{FAIL}"/>')
        if p:
            parts.append(f'<rect x="{_num(x)}" y="{_num(base - hf - hp)}" width="{_num(bar - 2)}" '
                         f'height="{_num(hp)}" fill="{PASS}"/>')
    for score in range(0, 101, 20):
        tx = left + score / 100 * plot_w
        parts.append(f'<text x="{_num(tx)}" y="{height - lower + 14}" text-anchor="middle">{score}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.0f}" y="{height - 3}" text-anchor="middle">{escape(axis_label)}</text>')
    parts.append(f'<rect x="{left}" y="2" width="10" height="10" fill="{PASS}"/>'
                 f'<text x="{left + 14}" y="11">{escape(passed_label)}</text>'
                 f'<rect x="{left + 110}" y="2" width="10" height="10" fill="{FAIL}"/>'
                 f'<text x="{left + 124}" y="11">{escape(failed_label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _ticks(top: int) -> list[int]:
    """Up to five round gridline values from 0 to top."""
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = candidate
        if top / candidate <= 4:
            break
    return list(range(0, top + 1, step))
