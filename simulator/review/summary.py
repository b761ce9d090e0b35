"""The review's figures as plain data (what json prints and every output shows)."""

from __future__ import annotations

from typing import Any

from simulator.review.scan import Review

REPORT_VERSION = 1


def summary(review: Review) -> dict[str, Any]:
    """Every figure except the per-session rows, as JSON-ready data."""
    trainees = [review.trainees[k] for k in sorted(review.trainees)]
    data = {
        "report_version": REPORT_VERSION,
        "totals": totals(review),
        "trainees": [t.as_dict() for t in trainees],
        "scenarios": [review.scenarios[k].as_dict() for k in sorted(review.scenarios)],
        "lethal_force": {
            "overall": review.lethal.as_dict(),
            "per_trainee": [{"trainee": t.trainee, **t.lethal.as_dict()} for t in trainees],
            "correction": "log-linear: H = (hits + 0.5) / (signal + 1), F = (false alarms + 0.5) / (noise + 1)",
        },
        "score_histogram": review.histogram.as_dict(),
        "tampered": [vars(t) for t in review.tampered],
        "warnings": list(review.warnings),
        "warnings_not_shown": review.warnings_dropped,
    }
    if review.academy is not None:  # only when asked for: other reports stay as they were
        data["academy"] = review.academy
    return data


def totals(review: Review) -> dict[str, Any]:
    complete = sum(t.outcomes.complete for t in review.trainees.values())
    aborted = sum(t.outcomes.aborted for t in review.trainees.values())
    return {
        "files": review.files,
        "sessions": review.counted,
        "complete": complete,
        "aborted": aborted,
        "incomplete": review.counted - complete - aborted,
        "tampered": len(review.tampered),
        "skipped": review.skipped,
        "duplicates": review.duplicates,
        "filtered_out": review.filtered_out,
        "trainees": len(review.trainees),
        "scenarios": len(review.scenarios),
        "mac_checked": review.key_used,
        "warnings": len(review.warnings) + review.warnings_dropped,
    }
