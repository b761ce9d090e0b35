"""Academy review over many session logs (`uofsim review`).

    review = review_logs(paths, key=key, filters=Filters(trainee="r1"),
                         decisions=True, timeline=TimelineBuilder([scenarios_dir()]))
    summary(review)          # every figure as JSON-ready data
    for row in review.sessions: ...   # per-session rows, spooled on disk

One pass over the logs (scan.py), per-log verification on the bytes already
read, tallies whose size does not depend on the number of logs (tallies.py),
and writers for table, csv, json, html and xAPI (render_*.py).
"""

from typing import Any

from simulator.review.readiness import DEFAULT_RULE, Readiness, ReadinessRule, trainee_readiness
from simulator.review.scan import Filters, Review, Tampered, parse_time, review_logs
from simulator.review.sdt import LethalCounts
from simulator.review.summary import summary

__all__ = ["DEFAULT_RULE", "Filters", "LethalCounts", "Readiness", "ReadinessRule", "Review", "Tampered",
           "TimelineBuilder", "parse_time", "review_logs", "summary", "trainee_readiness"]


def __getattr__(name: str) -> Any:
    # TimelineBuilder pulls in the engine (and pydantic): about 0.5 s of start-up
    # that table, csv and xapi never need, so it is imported on first use.
    if name == "TimelineBuilder":
        from simulator.review.timeline import TimelineBuilder

        return TimelineBuilder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
