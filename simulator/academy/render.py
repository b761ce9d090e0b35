"""The academy section (readiness, cohorts, annotations) in the table and csv reports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from simulator.review.text import clean


def write_academy_table(academy: dict[str, Any], out: TextIO) -> None:
    if academy.get("readiness") is not None:
        out.write("\nReadiness\n")
        for r in academy["readiness"]:
            unmeasured = f" (not measured: {', '.join(r['not_measured'])})" if r["not_measured"] else ""
            out.write(clean(f"  {r['trainee']}: {r['answer']}{unmeasured}") + "\n")
    out.write("\nCohorts\n")
    for c in academy["cohorts"]:
        ready = "" if c["ready"] is None else f", {c['ready']} ready"
        out.write(clean(f"  {c['cohort']}: {c['trainees']} trainee(s), {c['sessions']} session(s), "
                        f"pass {_pct(c['pass_rate'])}, mean score {_num(c['mean_score'])}, "
                        f"{c['critical_errors']} critical error(s){ready}") + "\n")
    if academy.get("annotations"):
        out.write("\nInstructor annotations\n")
        for a in academy["annotations"]:
            text = f": {a['text']}" if a["text"] else ""
            out.write(clean(f"  {a['at']} {a['session_id']} {a['kind']} by {a['by']}{text}") + "\n")


def academy_csv_tables(academy: dict[str, Any]) -> Iterator[tuple[str, list[dict[str, Any]], list[str]]]:
    if academy.get("readiness") is not None:
        rows = [{**r, "reasons": "; ".join(r["reasons"]), "not_measured": "; ".join(r["not_measured"]),
                 "competencies": "; ".join(f"{k}: {v:g}" for k, v in r["competencies"].items())}
                for r in academy["readiness"]]
        yield "readiness.csv", rows, ["trainee", "cohort", "ready", "answer", "reasons", "not_measured", "competencies"]
    yield "cohorts.csv", academy["cohorts"], ["cohort", "trainees", "sessions", "complete", "pass_rate", "mean_score",
                                              "critical_errors", "ready"]
    if academy.get("annotations") is not None:
        yield "annotations.csv", academy["annotations"], ["position", "at", "session_id", "kind", "by", "text"]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
