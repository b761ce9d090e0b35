"""Is a trainee ready? One small rule, applied to the figures of the review.

    status = trainee_readiness(trainee_row, scenario_ids, DEFAULT_RULE)

`trainee_row` is a trainee as `summary()` gives it (the dict of
TraineeTally.as_dict). The rule is data, so an academy's own settings (issue
14's store) can replace DEFAULT_RULE without touching this code: build a
ReadinessRule from them and pass it to `summary(review, rule=...)`.

The default rule (docs/review.md, "Readiness"):

- every scenario in the report (or the rule's `required_scenarios`) has been
  completed at least once, else **not yet**: the trainee is still working
  through them, nothing is wrong;
- the latest complete attempt of each scenario passed, with no critical error,
  and no competency is below `min_competency` (60) in those latest attempts
  (the mean over scenarios of each one's latest attempt: readiness is about
  now, not the early attempts), else **needs help**, with every reason and where;
- otherwise **ready**.

Reasons are codes with their values, worded in the report's language by the
renderers (strings `review.why.<code>`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from simulator.review.competencies import COMPETENCIES

READY, NOT_YET, NEEDS_HELP = "ready", "not_yet", "needs_help"
STATUSES = (NEEDS_HELP, NOT_YET, READY)  # the order a training officer reads them in


@dataclass(frozen=True)
class ReadinessRule:
    """What "ready" means. Defaults: docs/review.md, "Readiness"."""

    required_scenarios: tuple[str, ...] | None = None  # None: every scenario in the report
    latest_must_pass: bool = True  # the latest complete attempt of each scenario passed
    max_critical_in_latest: int = 0  # critical errors allowed in the latest complete attempt of a scenario
    min_competency: float | None = 60.0  # every competency mean with a value at least this (0..100); None: not checked
    name: str = "default"  # shown in the report, so a reader knows which rule was applied


DEFAULT_RULE = ReadinessRule()


@dataclass(frozen=True)
class Reason:
    """Why a trainee is not ready: a code, where (scenario or competency), and the figure."""

    code: str  # not_attempted | latest_failed | latest_critical | competency_low
    where: str
    value: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "where": self.where, "value": self.value}


@dataclass(frozen=True)
class Readiness:
    status: str  # ready | not_yet | needs_help
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "reasons": [r.as_dict() for r in self.reasons]}


def trainee_readiness(trainee: Mapping[str, Any], scenarios: Iterable[str],
                      rule: ReadinessRule = DEFAULT_RULE) -> Readiness:
    """The readiness of one trainee (a summary() trainee row) against `rule`.
    `scenarios`: the scenario ids in the report, used when the rule names none."""
    required = rule.required_scenarios if rule.required_scenarios is not None else tuple(scenarios)
    cells: Mapping[str, Mapping[str, Any]] = trainee.get("by_scenario", {})
    missing = [Reason("not_attempted", s) for s in required if not cells.get(s, {}).get("complete")]
    problems = [*_scenario_problems(cells, required, rule),
                *_competency_problems(trainee.get("latest_competencies", {}), rule)]
    if problems:
        return Readiness(NEEDS_HELP, tuple(problems + missing))
    if missing:
        return Readiness(NOT_YET, tuple(missing))
    return Readiness(READY)


def _scenario_problems(cells: Mapping[str, Mapping[str, Any]], required: Iterable[str],
                       rule: ReadinessRule) -> list[Reason]:
    found = []
    for scenario in required:
        cell = cells.get(scenario)
        if not cell or not cell.get("complete"):
            continue
        if rule.latest_must_pass and not cell.get("latest_passed"):
            found.append(Reason("latest_failed", scenario, cell.get("latest_score")))
        if cell.get("latest_critical_errors", 0) > rule.max_critical_in_latest:
            found.append(Reason("latest_critical", scenario, cell.get("latest_critical_errors")))
    return found


def _competency_problems(means: Mapping[str, float | None], rule: ReadinessRule) -> list[Reason]:
    if rule.min_competency is None:
        return []
    return [
        Reason("competency_low", name, means[name])
        for name in COMPETENCIES
        if means.get(name) is not None and means[name] < rule.min_competency  # type: ignore[operator]
    ]
