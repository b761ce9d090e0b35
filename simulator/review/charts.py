"""The html report's charts, drawn with matplotlib (imported here only, lazily).

Charts are SVG, embedded as base64 `data:` images: an image-loaded SVG never
runs scripts, and labels from log files are drawn with mathtext off so a `$`
in a trainee id is just a character.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import Any

from simulator.review.tallies import TraineeTally
from simulator.review.text import clean

MAX_PROGRESS_LINES = 12
_INK, _PASS, _FAIL, _GRID = "#1f2937", "#2f7d4f", "#b23b3b", "#d8dde3"


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "text.parse_math": False,
            "font.size": 9,
            "axes.edgecolor": _GRID,
            "axes.labelcolor": _INK,
            "xtick.color": _INK,
            "ytick.color": _INK,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.fonttype": "path",
            "svg.hashsalt": "uofsim",  # stable ids, so the same logs give the same file
        }
    )
    return plt


def _data_uri(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def score_distribution(histogram: dict[str, Any]) -> str | None:
    """Stacked bars of final scores (complete sessions) in 5-point bins, passed and failed."""
    passed: Sequence[int] = histogram["passed"]
    failed: Sequence[int] = histogram["failed"]
    if not any(passed) and not any(failed):
        return None
    plt = _pyplot()
    width = histogram["bin_width"]
    lefts = [i * width for i in range(len(passed))]
    figure, axes = plt.subplots(figsize=(6.4, 2.8))
    axes.bar(lefts, failed, width=width * 0.92, align="edge", color=_FAIL, label="failed")
    axes.bar(lefts, passed, width=width * 0.92, align="edge", bottom=failed, color=_PASS, label="passed")
    axes.set_xlim(0, 100)
    axes.set_xlabel("final score")
    axes.set_ylabel("sessions")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.grid(axis="y", color=_GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    axes.legend(frameon=False, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2)
    uri = _data_uri(figure)
    plt.close(figure)
    return uri


def trainee_progress(trainees: list[TraineeTally]) -> str | None:
    """Final score by attempt for the most active trainees (the last 50 attempts each)."""
    chosen = sorted((t for t in trainees if t.progress), key=lambda t: (-t.outcomes.complete, t.trainee))[:MAX_PROGRESS_LINES]
    if not chosen:
        return None
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(6.4, 3.2))
    colours = plt.get_cmap("tab20").colors
    for n, tally in enumerate(chosen):
        scores = [score for _, _, score in tally.progress]
        axes.plot(range(1, len(scores) + 1), scores, marker="o", markersize=3, linewidth=1.4,
                  color=colours[(2 * n) % 20 if n < 10 else (2 * n + 1) % 20], label=clean(tally.trainee)[:24])
    axes.set_ylim(0, 100)
    axes.set_xlabel("completed attempt (any scenario)")
    axes.set_ylabel("final score")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.grid(axis="y", color=_GRID, linewidth=0.6)
    axes.legend(frameon=False, fontsize=7, loc="center left", bbox_to_anchor=(1.0, 0.5))
    uri = _data_uri(figure)
    plt.close(figure)
    return uri
