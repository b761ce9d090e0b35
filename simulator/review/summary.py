"""The review's figures as plain data (what json prints and every output shows)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from simulator.review.readiness import DEFAULT_RULE, ReadinessRule, trainee_readiness
from simulator.review.scan import Review
from simulator.review.tallies import TraineeTally

REPORT_VERSION = 2  # 2: readiness, grid (by_scenario), competencies, timeouts per step, progress


def summary(review: Review, rule: ReadinessRule = DEFAULT_RULE) -> dict[str, Any]:
    """Every figure except the per-session rows, as JSON-ready data. `rule` decides
    readiness (the academy's settings when it has some)."""
    trainees = [review.trainees[k] for k in sorted(review.trainees)]
    scenarios = [review.scenarios[k].as_dict() for k in sorted(review.scenarios)]
    scenario_ids = [s["scenario"] for s in scenarios]
    means = {s["scenario"]: s["mean_score"] for s in scenarios}
    rows = []
    for tally in trainees:
        row = tally.as_dict()
        row["readiness"] = trainee_readiness(row, scenario_ids, rule).as_dict()
        row["progress"] = progress(tally, means)
        rows.append(row)
    data = {
        "report_version": REPORT_VERSION,
        "totals": totals(review),
        "readiness_rule": asdict(rule),
        "trainees": rows,
        "scenarios": scenarios,
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


def progress(tally: TraineeTally, scenario_means: dict[str, float | None]) -> list[dict[str, Any]]:
    """The trainee's complete attempts (the last 50), each with its score against the
    cohort's mean on the same scenario: a hard scenario does not look like a slump."""
    out = []
    for started_at, scenario, score, passed in tally.progress:
        mean = scenario_means.get(scenario)
        out.append({"started_at": started_at, "scenario": scenario, "score": score, "passed": passed,
                    "vs_cohort": None if mean is None else score - mean})
    return out
