"""`--format html`: one self-contained file (no external files or scripts).

Rendered by Jinja2 with autoescape on, so every text from a log is escaped;
charts are inline SVG images (charts.py). Streamed: the sessions (with their
timelines, shown with <details>) come from the spool one at a time.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from simulator.review import formatting
from simulator.review.scan import Review
from simulator.review.summary import summary

TEMPLATES = Path(__file__).parent / "templates"


def write_html(review: Review, out: TextIO) -> None:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from simulator import __version__
    from simulator.review import charts

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        pct=formatting.pct, score=formatting.score, seconds=formatting.seconds, signed=formatting.signed,
        attempts=formatting.attempts, situations=formatting.situation_list,
        wrong=formatting.wrong_assessment, unreasonable=formatting.unreasonable_option,
    )
    data = summary(review)
    template = env.get_template("review.html.j2")
    stream = template.generate(
        data=data,
        sessions=iter(review.sessions),
        session_count=len(review.sessions),
        histogram_chart=charts.score_distribution(data["score_histogram"]),
        progress_chart=charts.trainee_progress(list(review.trainees.values())),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        none=formatting.NONE,
    )
    for chunk in stream:
        out.write(chunk)
