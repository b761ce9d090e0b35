"""`--format html`: one self-contained file for a training officer.

Rendered by Jinja2 with autoescape on, so every text from a log is escaped;
the charts are inline SVG written from numbers (charts.py); the one script
(the filter box) is ours, and a Content-Security-Policy allows that script
alone (by its hash), so even a text that slipped through could not run.
Streamed: the sessions come from the spool, trainee by trainee, one at a time.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from simulator.review import charts
from simulator.review import formatting as f
from simulator.review.competencies import COMPETENCIES, CompetencyMeans
from simulator.review.labels import Labels, ScenarioTexts, why_lines
from simulator.review.readiness import DEFAULT_RULE, NEEDS_HELP, STATUSES, ReadinessRule
from simulator.review.scan import Review
from simulator.review.summary import summary

TEMPLATES = Path(__file__).parent / "templates"

# The filter box: show only the trainees whose id contains the text typed (and
# who have the status chosen). Small, inline, and the only script in the file.
FILTER_SCRIPT = """
(function () {
  var box = document.getElementById("filter"), status = document.getElementById("status");
  function apply() {
    var q = box.value.trim().toLowerCase(), s = status.value;
    document.querySelectorAll("[data-trainee]").forEach(function (el) {
      var show = el.getAttribute("data-trainee").toLowerCase().indexOf(q) !== -1;
      if (s && el.hasAttribute("data-status")) { show = show && el.getAttribute("data-status") === s; }
      el.hidden = !show;
    });
  }
  box.addEventListener("input", apply);
  status.addEventListener("change", apply);
})();
""".strip()
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(FILTER_SCRIPT.encode("utf-8")).digest()).decode("ascii")


def write_html(review: Review, out: TextIO, *, lang: str = "en", rule: ReadinessRule = DEFAULT_RULE,
               scenario_texts: ScenarioTexts | None = None) -> None:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from simulator import __version__

    data = summary(review, rule)
    labels = Labels(lang, scenario_texts, {s["scenario"]: s["title"] for s in data["scenarios"] if s["title"]})
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(pct=f.pct, score=f.score, seconds=f.seconds, signed=f.signed, trend=f.trend,
                       competency=f.competency)
    trainees = data["trainees"]
    status_of = {t["trainee"]: t["readiness"]["status"] for t in trainees}
    stream = env.get_template("review.html.j2").generate(
        data=data,
        t=labels,
        labels=labels,
        rule=rule,
        statuses=STATUSES,
        status_counts=Counter(status_of.values()),
        why={t["trainee"]: why_lines(t["readiness"], labels, rule) for t in trainees},
        sparks={t["trainee"]: charts.progress_spark(t["progress"], label=t["trainee"]) for t in trainees},
        big_sparks={t["trainee"]: charts.progress_spark(t["progress"], width=240, height=56, label=t["trainee"])
                    for t in trainees},
        competencies=COMPETENCIES,
        cohort_competencies=_cohort_competencies(review),
        histogram_chart=charts.score_distribution(
            data["score_histogram"], passed_label=labels("passed"), failed_label=labels("failed"),
            axis_label=labels("final_score")),
        groups=_groups(review, status_of),
        session_count=len(review.sessions),
        cell_class=cell_class,
        cell_title=lambda c: _cell_title(c, labels),
        comp_class=comp_class,
        steps_line=lambda by_phase: _steps_line(by_phase, labels),
        assess_mark=assess_mark,
        tactic_labels=tactic_labels,
        # Words every session repeats, looked up once (a call per word per session was a third of the time).
        W=_Words(labels),
        BEH=_Names(labels, "behaviour"),
        FORCE=_Names(labels, "force"),
        VERDICT=_Names(labels, "verdict"),
        injuries=lambda items: ", ".join(labels.strings.name("injury", i) for i in items),
        script=FILTER_SCRIPT,
        script_hash=SCRIPT_HASH,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        none=f.NONE,
    )
    # Jinja yields hundreds of thousands of small chunks: write them in batches.
    batch: list[str] = []
    for chunk in stream:
        batch.append(chunk)
        if len(batch) >= 2000:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch))


def cell_class(cell: dict[str, Any] | None) -> str:
    """The colour of a grid cell: the latest complete attempt's outcome."""
    if not cell:
        return "none"
    if not cell["complete"]:
        return "open"
    if cell["latest_critical_errors"]:
        return "critical"
    return "pass" if cell["latest_passed"] else "fail"


def comp_class(value: float | None) -> str:
    if value is None:
        return ""
    return "pass" if value >= 75 else "fail" if value < 60 else "open"


def assess_mark(situation: dict[str, Any]) -> str:
    """right (as authored, or a reading the situation accepts: score 1), close (one
    category off: a part score) or wrong."""
    score = situation.get("assess_score")
    if situation.get("assessed") == situation.get("behaviour") or (score is not None and score >= 1.0):
        return "pass"
    return "close" if score is not None and score > 0 else "fail"


def tactic_labels(situation: dict[str, Any]) -> str:
    """The tactics chosen, by their labels when the scenario file was found."""
    offered = {t["id"]: t["label"] for t in situation.get("tactics_offered") or ()}
    return ", ".join(offered.get(tid) or tid for tid in situation.get("tactics_chosen") or ())


def _cell_title(cell: dict[str, Any] | None, labels: Labels) -> str:
    if not cell:
        return labels("cell.none")
    return labels("cell.title", attempts=cell["attempts"], complete=cell["complete"], passed=cell["passed"],
                  latest=f.score(cell["latest_score"]), best=f.score(cell["best_score"]),
                  critical=cell["critical_errors"])


def _steps_line(by_phase: dict[str, int], labels: Labels) -> str:
    return " · ".join(f"{labels.step(p)} {n}" for p, n in by_phase.items() if n)


def _cohort_competencies(review: Review) -> dict[str, float | None]:
    """Every session's competencies (the mean over sessions, as per trainee): the
    trainees' sums added up, so nothing is read twice."""
    total = CompetencyMeans()
    for tally in review.trainees.values():
        for i in range(len(COMPETENCIES)):
            total.sums[i] += tally.competencies.sums[i]
            total.counts[i] += tally.competencies.counts[i]
    return total.means()


class _Words(dict[str, str]):
    """review.<key> strings, each worded once, on first use."""

    def __init__(self, labels: Labels) -> None:
        super().__init__()
        self._labels = labels

    def __missing__(self, key: str) -> str:
        self[key] = word = self._labels(key)
        return word


class _Names(dict[Any, str]):
    """Display names of one vocabulary (behaviour, force, verdict), each looked up once."""

    def __init__(self, labels: Labels, kind: str) -> None:
        super().__init__()
        self._labels, self._kind = labels, kind

    def __missing__(self, key: Any) -> str:
        self[key] = name = self._labels.name(self._kind, key) if key is not None else ""
        return name


class _Group:
    def __init__(self, trainee: str, status: str, count: int, rows: Iterator[dict[str, Any]]) -> None:
        self.trainee, self.status, self.count, self.rows = trainee, status, count, rows


def _groups(review: Review, status_of: dict[str, str]) -> Iterator[_Group]:
    """Sessions by trainee (sorted), each trainee's in the order played; rows read lazily."""
    for trainee in review.sessions.trainees():
        tally = review.trainees.get(trainee)
        count = tally.outcomes.sessions if tally else 0
        yield _Group(trainee, status_of.get(trainee, NEEDS_HELP), count, review.sessions.of_trainee(trainee))
