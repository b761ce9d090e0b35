"""Running tallies: the only state review keeps across logs.

Each tally is updated once per session and holds counts, sums and small
bounded structures (a centisecond histogram for medians, the last few scores
for the progress chart), so memory grows with the number of trainees,
scenarios and situations, never with the number of logs.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from simulator.review.competencies import CompetencyMeans
from simulator.review.facts import Decision, SessionFacts
from simulator.review.sdt import LethalCounts

PROGRESS_POINTS = 50  # scores kept per trainee for the progress chart
HISTOGRAM_BINS = 20  # score distribution: 0-5, 5-10, ..., 95-100
PHASES = ("assess", "plan", "act")  # the decision steps, in order


class MedianTimer:
    """Median of decision times to the nearest 0.01 s from a histogram of centiseconds."""

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()
        self.n = 0

    def add(self, seconds: float) -> None:
        self.counts[round(seconds * 100)] += 1
        self.n += 1

    def median(self) -> float | None:
        if not self.n:
            return None
        lower = self._kth((self.n - 1) // 2)
        upper = self._kth(self.n // 2)
        return (lower + upper) / 200

    def _kth(self, k: int) -> int:
        seen = 0
        for value in sorted(self.counts):
            seen += self.counts[value]
            if seen > k:
                return value
        raise IndexError(k)


@dataclass
class Slope:
    """Least-squares slope of score over attempt number (1, 2, ...), kept as sums."""

    n: int = 0
    sx: float = 0.0
    sy: float = 0.0
    sxy: float = 0.0
    sxx: float = 0.0

    def add(self, score: float) -> None:
        self.n += 1
        x = float(self.n)
        self.sx += x
        self.sy += score
        self.sxy += x * score
        self.sxx += x * x

    def slope(self) -> float | None:
        if self.n < 2:
            return None
        return (self.n * self.sxy - self.sx * self.sy) / (self.n * self.sxx - self.sx * self.sx)


@dataclass
class Outcomes:
    """Session counts by status, and final scores of complete sessions."""

    complete: int = 0
    aborted: int = 0
    incomplete: int = 0
    passed: int = 0
    score_sum: float = 0.0

    def add(self, facts: SessionFacts) -> None:
        setattr(self, facts.status, getattr(self, facts.status) + 1)
        if facts.status == "complete" and facts.score is not None:
            self.score_sum += facts.score
            self.passed += bool(facts.passed)

    @property
    def sessions(self) -> int:
        return self.complete + self.aborted + self.incomplete

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.complete if self.complete else None

    @property
    def mean_score(self) -> float | None:
        return self.score_sum / self.complete if self.complete else None


@dataclass(slots=True)
class Cell:
    """One trainee on one scenario: the trainee x scenario grid."""

    attempts: int = 0
    complete: int = 0
    passed: int = 0
    best: float | None = None
    latest: float | None = None
    latest_at: str = ""
    latest_passed: bool | None = None
    latest_critical: int = 0  # critical errors in the latest complete attempt
    critical_errors: int = 0  # in every attempt
    latest_competencies: list[float | None] | None = None  # of the latest complete attempt

    def add(self, facts: SessionFacts) -> None:
        self.attempts += 1
        self.critical_errors += facts.critical_errors
        if facts.status != "complete" or facts.score is None:
            return
        self.complete += 1
        self.passed += bool(facts.passed)
        self.best = facts.score if self.best is None else max(self.best, facts.score)
        if facts.started_at >= self.latest_at:
            self.latest_at, self.latest, self.latest_passed = facts.started_at, facts.score, bool(facts.passed)
            self.latest_critical = facts.critical_errors
            self.latest_competencies = facts.competencies

    def as_dict(self) -> dict[str, Any]:
        return {
            "attempts": self.attempts,
            "complete": self.complete,
            "passed": self.passed,
            "best_score": self.best,
            "latest_score": self.latest,
            "latest_passed": self.latest_passed,
            "latest_critical_errors": self.latest_critical,
            "critical_errors": self.critical_errors,
        }


@dataclass
class TraineeTally:
    trainee: str
    outcomes: Outcomes = field(default_factory=Outcomes)
    cells: dict[str, Cell] = field(default_factory=dict)  # scenario id -> the grid cell
    latest_score: float | None = None
    latest_at: str = ""  # started_at of the latest complete session
    best_score: float | None = None
    critical_errors: int = 0
    actions: int = 0
    excessive: int = 0
    insufficient: int = 0
    assessments: int = 0
    assessed_right: int = 0
    plans: int = 0
    plan_score_sum: float = 0.0
    timeouts: Counter[str] = field(default_factory=Counter)  # step -> count (deliberate waits left out)
    timer: MedianTimer = field(default_factory=MedianTimer)
    slopes: dict[str, Slope] = field(default_factory=dict)  # per scenario
    lethal: LethalCounts = field(default_factory=LethalCounts)
    competencies: CompetencyMeans = field(default_factory=CompetencyMeans)
    progress: deque[tuple[str, str, float, bool]] = field(default_factory=lambda: deque(maxlen=PROGRESS_POINTS))

    def add(self, facts: SessionFacts) -> None:
        self.outcomes.add(facts)
        cell = self.cells.get(facts.scenario_id)
        if cell is None:
            cell = self.cells[facts.scenario_id] = Cell()
        cell.add(facts)
        self.critical_errors += facts.critical_errors
        self.competencies.add(facts.competencies)
        if facts.status == "complete" and facts.score is not None:
            if facts.started_at >= self.latest_at:
                self.latest_at, self.latest_score = facts.started_at, facts.score
            self.best_score = facts.score if self.best_score is None else max(self.best_score, facts.score)
            self.slopes.setdefault(facts.scenario_id, Slope()).add(facts.score)
            self.progress.append((facts.started_at, facts.scenario_id, facts.score, bool(facts.passed)))
        for decision in facts.decisions:
            self._add_decision(decision)

    def _add_decision(self, d: Decision) -> None:
        if d.decision_s is not None and d.kind in ("assess", "plan", "act"):
            self.timer.add(d.decision_s)
        if d.kind == "assess":
            self.assessments += 1
            self.assessed_right += d.assessed_right
        elif d.kind == "plan":
            self.plans += 1
            self.plan_score_sum += d.score or 0.0
        elif d.kind == "act":
            self.actions += 1
            self.excessive += d.verdict == "excessive"
            self.insufficient += d.verdict == "insufficient"
            self.lethal.add(d.lethal_allowed, d.lethal_chosen)
        elif d.kind == "timeout" and not d.wait:
            self.timeouts[str(d.phase)] += 1

    @property
    def assessment_accuracy(self) -> float | None:
        return self.assessed_right / self.assessments if self.assessments else None

    @property
    def tactic_score(self) -> float | None:
        return self.plan_score_sum / self.plans if self.plans else None

    def latest_competencies(self) -> dict[str, float | None]:
        """Competencies now: the mean, over scenarios, of the latest complete attempt at each
        (what readiness checks; the all-session means show the history)."""
        means = CompetencyMeans()
        for cell in self.cells.values():
            means.add(cell.latest_competencies)
        return means.means()

    @property
    def trend(self) -> float | None:
        """Points gained per repeat of the same scenario: the plain mean, over the
        scenarios completed at least twice, of each one's least-squares slope (as
        docs/review.md says; each scenario counts once however often it was
        repeated). Comparing a scenario with itself keeps difficulty out of it."""
        slopes = [v for v in (s.slope() for s in self.slopes.values() if s.n >= 2) if v is not None]
        return sum(slopes) / len(slopes) if slopes else None

    def as_dict(self) -> dict[str, Any]:
        o = self.outcomes
        trend = self.trend
        return {
            "trainee": self.trainee,
            "sessions": o.sessions,
            "complete": o.complete,
            "aborted": o.aborted,
            "incomplete": o.incomplete,
            "attempts": {k: self.cells[k].attempts for k in sorted(self.cells)},
            "by_scenario": {k: self.cells[k].as_dict() for k in sorted(self.cells)},
            "latest_score": self.latest_score,
            "best_score": self.best_score,
            "mean_score": o.mean_score,
            "passed": o.passed,
            "pass_rate": o.pass_rate,
            "critical_errors": self.critical_errors,
            "actions": self.actions,
            "excessive": self.excessive,
            "insufficient": self.insufficient,
            "assessments": self.assessments,
            "assessment_accuracy": self.assessment_accuracy,
            "tactic_score": self.tactic_score,
            "timeouts": sum(self.timeouts.values()),
            "timeouts_by_phase": {p: self.timeouts.get(p, 0) for p in PHASES},
            "median_decision_s": self.timer.median(),
            "trend": trend,
            "trend_label": trend_label(trend),
            "competencies": self.competencies.means(),
            "latest_competencies": self.latest_competencies(),
        }


def trend_label(trend: float | None) -> str:
    """Plain words for a trend in points per repeat attempt."""
    if trend is None:
        return "not enough repeats"
    if trend >= 2:
        return "improving"
    if trend <= -2:
        return "declining"
    return "steady"


@dataclass
class SituationTally:
    visits: int = 0  # scored visits
    lost: float = 0.0  # sum of (1 - situation total), i.e. points lost out of 1 per visit


@dataclass
class ScenarioTally:
    scenario: str
    title: str = ""
    difficulty: int | None = None
    versions: set[str] = field(default_factory=set)
    outcomes: Outcomes = field(default_factory=Outcomes)
    trainees: set[str] = field(default_factory=set)
    timeouts: Counter[str] = field(default_factory=Counter)  # phase -> count
    situations: dict[str, SituationTally] = field(default_factory=dict)
    # (situation, expected, chosen)
    wrong_assessments: Counter[tuple[str | None, str, str]] = field(default_factory=Counter)
    unreasonable: Counter[tuple[str | None, str, str]] = field(default_factory=Counter)  # (situation, option, verdict)
    competencies: CompetencyMeans = field(default_factory=CompetencyMeans)

    def add(self, facts: SessionFacts) -> None:
        self.title = facts.scenario_title or self.title
        if facts.difficulty is not None:
            self.difficulty = facts.difficulty
        if facts.scenario_version and len(self.versions) < 20:
            self.versions.add(facts.scenario_version)
        self.outcomes.add(facts)
        self.trainees.add(facts.trainee)
        self.competencies.add(facts.competencies)
        for situation, total in facts.situation_totals:
            tally = self.situations.setdefault(situation, SituationTally())
            tally.visits += 1
            tally.lost += 1.0 - total
        for d in facts.decisions:
            if d.kind == "timeout":
                if not d.wait:
                    self.timeouts[str(d.phase)] += 1
            elif d.kind == "assess" and not d.assessed_right:
                self.wrong_assessments[(d.situation, str(d.expected), str(d.response))] += 1
            elif d.kind == "act" and d.verdict != "reasonable":
                self.unreasonable[(d.situation, str(d.response), str(d.verdict))] += 1

    def costly_situations(self, top: int = 3) -> list[dict[str, Any]]:
        """The situations where most points are lost in total (share of all points lost)."""
        all_lost = sum(s.lost for s in self.situations.values())
        ranked = sorted(self.situations.items(), key=lambda kv: (-kv[1].lost, kv[0]))[:top]
        return [
            {
                "situation": sid,
                "visits": s.visits,
                "mean_lost": s.lost / s.visits if s.visits else 0.0,
                "share_of_loss": s.lost / all_lost if all_lost > 0 else None,
            }
            for sid, s in ranked
            if s.lost > 0
        ]

    def as_dict(self) -> dict[str, Any]:
        o = self.outcomes
        wrong = _most_common(self.wrong_assessments)
        unreasonable = _most_common(self.unreasonable)
        return {
            "scenario": self.scenario,
            "title": self.title,
            "difficulty": self.difficulty,
            "versions": sorted(self.versions),
            "attempts": o.sessions,
            "complete": o.complete,
            "aborted": o.aborted,
            "incomplete": o.incomplete,
            "trainees": len(self.trainees),
            "mean_score": o.mean_score,
            "passed": o.passed,
            "pass_rate": o.pass_rate,
            "costly_situations": self.costly_situations(),
            "common_wrong_assessment": None
            if wrong is None
            else {"situation": wrong[0][0], "expected": wrong[0][1], "chosen": wrong[0][2], "count": wrong[1]},
            "common_unreasonable_option": None
            if unreasonable is None
            else {"situation": unreasonable[0][0], "option": unreasonable[0][1], "verdict": unreasonable[0][2],
                  "count": unreasonable[1]},
            "timeouts": sum(self.timeouts.values()),
            "timeouts_by_phase": {p: self.timeouts.get(p, 0) for p in PHASES},
            "competencies": self.competencies.means(),
        }


def _most_common(counter: Counter[tuple[str | None, str, str]]) -> tuple[tuple[str | None, str, str], int] | None:
    """The most frequent key; ties broken by key order so reports are stable."""
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))


class ScoreHistogram:
    """Final scores of complete sessions in 5-point bins, passed and failed apart."""

    def __init__(self) -> None:
        self.passed = [0] * HISTOGRAM_BINS
        self.failed = [0] * HISTOGRAM_BINS

    def add(self, facts: SessionFacts) -> None:
        if facts.status != "complete" or facts.score is None:
            return
        index = min(int(facts.score // (100 / HISTOGRAM_BINS)), HISTOGRAM_BINS - 1)
        (self.passed if facts.passed else self.failed)[index] += 1

    def as_dict(self) -> dict[str, int | list[int]]:
        return {"bin_width": 100 // HISTOGRAM_BINS, "passed": list(self.passed), "failed": list(self.failed)}
