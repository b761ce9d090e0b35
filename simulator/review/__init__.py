"""Academy review over many session logs (`uofsim review`).

    review = review_logs(paths, key=key, filters=Filters(trainee="r1"),
                         decisions=True, timeline=TimelineBuilder([scenarios_dir()]))
    summary(review)          # every figure as JSON-ready data
    for row in review.sessions: ...   # per-session rows, spooled on disk

One pass over the logs (scan.py), per-log verification on the bytes already
read, tallies whose size does not depend on the number of logs (tallies.py),
and writers for table, csv, json, html and xAPI (render_*.py).
"""

from simulator.review.scan import Filters, Review, Tampered, parse_time, review_logs
from simulator.review.sdt import LethalCounts
from simulator.review.summary import summary
from simulator.review.timeline import TimelineBuilder

__all__ = ["Filters", "LethalCounts", "Review", "Tampered", "TimelineBuilder", "parse_time", "review_logs", "summary"]
