"""An option judged in its situation: the verdict and the errors, as the author wrote them.

The domain's rules (`judge`, `find_errors`) applied to the scenario model, so the
teaching lint (this layer) and the engine's rubric (the layer above) judge an
option in exactly one way. Scores are the engine's business (engine/scoring.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from simulator.domain import Consideration, ErrorFinding, Judgement, Rating, find_errors, judge
from simulator.scenario.model import Option, Situation

_RATING_ORDER = {Rating.RECOMMENDED: 0, Rating.ACCEPTABLE: 1, Rating.CONTRAINDICATED: 2}


def carried_tactics(situation: Situation, carried: Iterable[Consideration | str]) -> set[str]:
    """The offered tactic each carried consideration counts as: the best-rated one of that
    kind (an option that disengages is not also credited with a contraindicated disengage)."""
    ids = set()
    for consideration in {Consideration(c) for c in carried}:
        matching = [t for t in situation.tactics if t.consideration is consideration]
        if matching:
            ids.add(min(matching, key=lambda t: _RATING_ORDER[Rating(t.rating)]).id)
    return ids


def is_tactical(situation: Situation, option: Option) -> bool:
    """The option carries out a tactic this situation rates recommended or acceptable."""
    chosen = carried_tactics(situation, option.tactics)
    return any(t.id in chosen and t.rating is not Rating.CONTRAINDICATED for t in situation.tactics)


def judge_option(situation: Situation, option: Option, critical_severity: int = 1) -> tuple[Judgement, ErrorFinding]:
    """The verdict of `option` in `situation`, and why it is an error (if it is).
    `critical_severity` is the rubric's (default-2: 1, any excess fails)."""
    judgement = judge(option.force, situation.force_range, option.verdict,
                      firearm=option.firearm, tactical=is_tactical(situation, option))
    errors = find_errors(
        judgement,
        option.force,
        firearm=option.firearm,
        author_reason=option.critical.reason if option.critical else None,
        without_authority=option.without_authority,
        critical_severity=critical_severity,
    )
    return judgement, errors
