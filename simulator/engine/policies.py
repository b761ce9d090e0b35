"""Who answers in a headless run: an answers file, or a best / worst / random policy,
and the loop that feeds their answers to a Session against a FakeClock."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Protocol

from simulator.domain import Behaviour, Rating
from simulator.engine.answers import Answer, AnswerError
from simulator.engine.clock import FakeClock
from simulator.engine.explore import Extreme, StateGraph, best_session, worst_session
from simulator.engine.session import DECISION_PHASES, Phase, Session

POLICY_STEP_S = 1.0  # simulated seconds a policy takes per step


class Decider(Protocol):
    def decide(self, session: Session) -> Answer: ...
    def follow_up(self, session: Session) -> list[str]: ...
    def finish(self, session: Session) -> None: ...


def steps_of(session: Session) -> list[Phase]:
    """The decision steps a situation asks for, in order."""
    situation = session.situation
    assert situation is not None
    return [p for p, asked in ((Phase.ASSESS, situation.assess), (Phase.PLAN, bool(situation.tactics)),
                               (Phase.ACT, True)) if asked]


def policy_seconds(session: Session, timeout: bool = False) -> float:
    """1 s per step, kept inside the limit; past it when the policy lets time run out."""
    limit = session.time_limit()
    seconds = POLICY_STEP_S * len(steps_of(session))
    if timeout:
        assert limit is not None
        return limit + POLICY_STEP_S
    if limit is not None and seconds > limit:
        seconds = limit / 2
    return seconds


# --- policies ---------------------------------------------------------------------------------


class ExtremePolicy:
    """Plays the best (or worst) session explore finds, re-planning after random draws."""

    def __init__(self, graph: StateGraph, best: bool) -> None:
        self.graph, self.best = graph, best
        self.extreme: Extreme | None = best_session(graph) if best else worst_session(graph)
        self.critical_seen = False
        self.remaining = len(self.extreme.steps) if self.extreme else 0

    def decide(self, session: Session) -> Answer:
        sid = session.situation_id
        assert sid is not None
        choices = self.graph.choices[sid]
        option = self._option(session)
        if option is not None:
            judged = choices.option_critical[option]
            self.critical_seen = self.critical_seen or judged
        self.remaining -= 1
        return Answer(
            situation=sid,
            assess=(choices.assess_best if self.best else choices.assess_worst),
            plan=(list((choices.plan_best if self.best else choices.plan_worst) or [])
                  if session.situation and session.situation.tactics else None),
            act=option,
            seconds=policy_seconds(session, timeout=option is None),
            where="policy",
        )

    def _option(self, session: Session) -> str | None:
        ex, sid = self.extreme, session.situation_id
        assert sid is not None
        state = self.graph.state_of(sid, session.variables)
        if ex is not None and state is not None:
            node = ex.node(state, self.critical_seen)
            solver = ex.solver
            if node < len(solver.alive) and solver.alive[node]:
                if not solver.looped:
                    return solver.pick(node, solver.value, solver.lam)[2].option
                for k in [self.remaining, *range(1, solver.loop_cap + 1)]:
                    if 0 < k <= solver.loop_cap and solver.table[k][node] != float("-inf"):
                        self.remaining = k
                        return solver.pick_bounded(node, k)[2].option
        # off the planned graph (a random draw went elsewhere): the best or worst option here
        scores = self.graph.choices[sid].option_best if self.best else self.graph.choices[sid].option_worst
        return (max if self.best else min)(scores, key=lambda o: scores[o])

    def follow_up(self, session: Session) -> list[str]:
        assert session.ending is not None
        wanted = (lambda r: r is not Rating.CONTRAINDICATED) if self.best else (lambda r: r is Rating.CONTRAINDICATED)
        return [f.id for f in session.ending.follow_up if wanted(f.rating)]

    def finish(self, session: Session) -> None:
        pass


class RandomPolicy:
    """Uniformly random answers (never lets time run out), reproducible from the seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"uofsim-random-policy:{seed}")

    def decide(self, session: Session) -> Answer:
        situation = session.situation
        assert situation is not None and session.situation_id is not None
        return Answer(
            situation=session.situation_id,
            assess=self.rng.choice(list(Behaviour)).value if situation.assess else None,
            plan=[t.id for t in situation.tactics if self.rng.random() < 0.5] if situation.tactics else None,
            act=self.rng.choice(situation.options).id,
            seconds=policy_seconds(session),
            where="policy",
        )

    def follow_up(self, session: Session) -> list[str]:
        assert session.ending is not None
        return [f.id for f in session.ending.follow_up if self.rng.random() < 0.5]

    def finish(self, session: Session) -> None:
        pass


# --- the headless loop ---------------------------------------------------------------------------


def play_headless(session: Session, decider: Decider, clock: FakeClock,
                  between: Callable[[], None] | None = None) -> None:
    """Play to the end. `between` runs before every decision (e.g. a real-time pace)."""
    if session.phase is Phase.BRIEFING:
        session.begin()
    while session.phase in DECISION_PHASES:
        answer = decider.decide(session)
        _play_situation(session, clock, answer, between)
    if session.phase is Phase.ENDING:
        session.proceed()
    if session.phase is Phase.FOLLOW_UP:
        ids = decider.follow_up(session)
        if between:
            between()
        session.shown()
        clock.advance(POLICY_STEP_S)
        _input(session.follow_up, ids, "policy")
    decider.finish(session)


def _play_situation(session: Session, clock: FakeClock, answer: Answer, between: Callable[[], None] | None) -> None:
    """Spread the answer's seconds evenly over the situation's steps; past the limit, time runs out."""
    situation_id, steps = session.situation_id, steps_of(session)
    origin = clock.now()
    for i, phase in enumerate(steps, start=1):
        if between:
            between()
        session.shown()
        clock.advance(max(0.0, origin + answer.seconds * i / len(steps) - clock.now()))
        if session.tick():
            return
        if phase is Phase.ASSESS:
            _input(session.assess, answer.assess, answer.where)
        elif phase is Phase.PLAN:
            _input(session.plan, answer.plan or [], answer.where)
        else:
            if answer.act is None:
                raise AnswerError(f"{answer.where}: no 'act' for situation '{situation_id}' "
                                  "and its time did not run out")
            _input(session.act, answer.act, answer.where)


def _input(method: Callable[..., object], value: object, where: str) -> None:
    try:
        method(value)
    except ValueError as exc:
        if isinstance(exc, AnswerError):
            raise
        raise AnswerError(f"{where}: {exc}") from None


def real_pace(seconds: float) -> Callable[[], None] | None:
    """A real sleep between decisions (the `--pace` demo and crash-test aid)."""
    return (lambda: time.sleep(seconds)) if seconds > 0 else None
