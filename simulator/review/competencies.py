"""The eight competencies of a session, and their running means.

Logs written since issue 10 carry them: `session_ended.competencies` (0..100,
one decimal, or null) and, per situation, `situation_scored.competencies`
(0..1 or null). Older logs carry neither, so review derives what the decisions
allow (docs/review.md, "Competencies"):

- perception: mean assessment score (1 right, 0.5 one category off, 0 wrong);
- tactics: mean plan score;
- force: share of force choices judged reasonable;
- time: 1 - the share of decision steps that timed out (deliberate waits are
  not timeouts);
- community: the session's community follow-up score;
- communication, safety, authority: not derivable (left blank).

Every value is on 0..100. Per trainee and per scenario a competency is the mean
over the sessions that have a value for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.review.facts import Decision

COMPETENCIES = ("perception", "tactics", "force", "communication", "safety", "authority", "time", "community")
_N = len(COMPETENCIES)


def _number(value: Any) -> float | None:
    return float(value) if type(value) in (int, float) and value == value else None  # NaN is not a value


def from_session_end(values: Any) -> list[float | None] | None:
    """session_ended.competencies (0..100), or None when the log has none."""
    if not isinstance(values, Mapping):
        return None
    return [_clamp(_number(values.get(name))) for name in COMPETENCIES]


def from_situations(per_situation: Sequence[Mapping[str, Any]], community: float | None) -> list[float | None] | None:
    """The mean of situation_scored.competencies (0..1) on 0..100; None when no situation has any."""
    if not per_situation:
        return None
    sums, counts = [0.0] * _N, [0] * _N
    for values in per_situation:
        for i, name in enumerate(COMPETENCIES):
            v = _number(values.get(name))
            if v is not None:
                sums[i] += v * 100
                counts[i] += 1
    out: list[float | None] = [_clamp(s / n) if n else None for s, n in zip(sums, counts)]
    out[_N - 1] = _clamp(community)
    return out


def derived(decisions: Iterable[Decision], community: float | None) -> list[float | None]:
    """What an old log's decisions allow (see the module docstring)."""
    assess = plan = act = reasonable = steps = timeouts = 0
    assess_sum = plan_sum = 0.0
    for d in decisions:
        kind = d.kind
        if kind == "assess":
            assess += 1
            assess_sum += d.score if d.score is not None else float(d.response == d.expected)
        elif kind == "plan":
            plan += 1
            plan_sum += d.score or 0.0
        elif kind == "act":
            act += 1
            reasonable += d.verdict == "reasonable"
        elif kind == "timeout" and not d.wait:
            timeouts += 1
        else:
            continue
        steps += 1
    return [
        100 * assess_sum / assess if assess else None,
        100 * plan_sum / plan if plan else None,
        100 * reasonable / act if act else None,
        None,
        None,
        None,
        100 * (1 - timeouts / steps) if steps else None,
        _clamp(community),
    ]


def _clamp(value: float | None) -> float | None:
    return None if value is None else min(100.0, max(0.0, value))


class CompetencyMeans:
    """Running means of the eight competencies (sums and counts: constant memory)."""

    __slots__ = ("sums", "counts")

    def __init__(self) -> None:
        self.sums = [0.0] * _N
        self.counts = [0] * _N

    def add(self, values: list[float | None] | None) -> None:
        if values is None:
            return
        for i, v in enumerate(values):
            if v is not None:
                self.sums[i] += v
                self.counts[i] += 1

    def means(self) -> dict[str, float | None]:
        return {name: (s / n if n else None) for name, s, n in zip(COMPETENCIES, self.sums, self.counts)}
