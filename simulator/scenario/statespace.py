"""A scenario's states: (node, variable values), and the moves between them.

Both the lint pass (can every state still reach an ending?) and the engine's
explorer walk this space instead of enumerating paths, so loops cost no more
than their distinct states. Variables are unbounded integers; to keep the
space finite, a value further than `window` beyond every threshold any
condition tests is clamped there, where no condition can tell it apart.
"""

from __future__ import annotations

import random as _random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from simulator.scenario.model import Branch, Option, RandomNext, Scenario, condition_holds

# The state budget: past either, the walk stops and the scenario is refused with
# `too_many_states()` (lint, explore). The bundled scenarios have at most 40 states.
MAX_STATES = 10_000
MAX_MOVES = 200_000  # successor states looked at; bounds huge random lists too
# A session visits at most this many situations; lint refuses a scenario whose
# state graph has a loop or a longer path (longest_run), the engine stops there.
MAX_STEPS = 500


class TooManyStates(ValueError):
    """A scenario past the state budget; the message is StateSpace.too_many_states()."""


@dataclass(frozen=True)
class State:
    node: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Outcome:
    target: str
    probability: float


@dataclass(frozen=True)
class Move:
    """One way out of a situation: an option, or the clock running out."""

    option: Option | None  # None: the timeout
    values: tuple[int, ...]  # variables after the option's effects
    outcomes: tuple[Outcome, ...]

    @property
    def is_timeout(self) -> bool:
        return self.option is None


class StateSpace:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.names = tuple(scenario.variables)
        self._bounds = {name: self._clamp_bounds(name) for name in self.names}
        self._successors: dict[State, tuple[State, ...]] = {}

    # --- construction ---------------------------------------------------------
    def _clamp_bounds(self, name: str) -> tuple[int, int]:
        thresholds = [self.scenario.variables[name]]
        largest_step = 1
        for situation in self.scenario.situations.values():
            if situation.wait is not None:
                largest_step = max(largest_step, abs(situation.wait.effects.get(name, 0)))
            for option in situation.options:
                largest_step = max(largest_step, abs(option.effects.get(name, 0)))
                for condition in _conditions(option.next):
                    test = condition.get(name)
                    if test is not None:
                        thresholds += [v for v in (test.at_least, test.at_most, test.equals) if v is not None]
            for condition in _conditions(situation.timeout):
                test = condition.get(name)
                if test is not None:
                    thresholds += [v for v in (test.at_least, test.at_most, test.equals) if v is not None]
        window = largest_step * 2
        return min(thresholds) - window, max(thresholds) + window

    # --- queries ----------------------------------------------------------------
    def initial(self) -> State:
        return State(self.scenario.start, tuple(self.scenario.variables.values()))

    def as_dict(self, values: tuple[int, ...]) -> dict[str, int]:
        return dict(zip(self.names, values, strict=True))

    def apply(self, values: tuple[int, ...], effects: dict[str, int]) -> tuple[int, ...]:
        result = []
        for name, value in zip(self.names, values, strict=True):
            low, high = self._bounds[name]
            result.append(min(high, max(low, value + effects.get(name, 0))))
        return tuple(result)

    def moves(self, state: State) -> list[Move]:
        situation = self.scenario.situations.get(state.node)
        if situation is None:
            return []
        moves = []
        for option in situation.options:
            values = self.apply(state.values, option.effects)
            moves.append(Move(option, values, resolve(option.next, self.as_dict(values))))
        if situation.timeout is not None:
            # A deliberate wait may change variables (time calms, or lets things escalate).
            values = self.apply(state.values, situation.wait.effects) if situation.wait else state.values
            moves.append(Move(None, values, resolve(situation.timeout, self.as_dict(values))))
        return moves

    def successors(self, state: State) -> tuple[State, ...]:
        cached = self._successors.get(state)
        if cached is None:
            cached = tuple(
                State(outcome.target, move.values) for move in self.moves(state) for outcome in move.outcomes
            )
            self._successors[state] = cached
        return cached

    def reachable(self, limit: int = MAX_STATES, moves: int = MAX_MOVES) -> tuple[set[State], bool]:
        """Every state reachable from the start; False if `limit` states or `moves`
        successors looked at cut it short."""
        start = self.initial()
        seen = {start}
        queue = deque([start])
        while queue:
            successors = self.successors(queue.popleft())
            moves -= len(successors)
            if moves < 0:
                return seen, False
            for successor in successors:
                if successor not in seen:
                    if len(seen) >= limit:
                        return seen, False
                    seen.add(successor)
                    queue.append(successor)
        return seen, True

    def too_many_states(self) -> str:
        """The one line for a scenario past the state budget, naming what multiplies."""
        ranges = ", ".join(f"{name} {low}..{high}" for name, (low, high) in self._bounds.items())
        count = len(self.names)
        what = f"{count} variable{'s' if count != 1 else ''}" + (f" with ranges {ranges}" if ranges else "")
        situations = len(self.scenario.situations)
        return (f"too many states: {what} over {situations} situation{'s' if situations != 1 else ''} "
                f"(more than {MAX_STATES:,} states or {MAX_MOVES:,} moves); reduce the ranges or add bounds")

    def longest_run(self, states: set[State]) -> tuple[list[State], bool] | None:
        """A run of states a session can take that visits more than MAX_STEPS
        situations: (the states of a loop, closing on its first, True) or (a path
        that long, False); None when every session ends within MAX_STEPS.
        Iterative DFS, linear in the states and moves."""
        depth: dict[State, int] = {}  # situations visited from here to an ending, longest
        on_path: dict[State, int] = {}  # the DFS path: state -> its index in `path`
        path: list[State] = []
        for root in sorted(states, key=lambda st: (st.node, st.values)):
            if root in depth:
                continue
            stack = [(root, iter(self.successors(root)))]
            on_path[root] = 0
            path.append(root)
            while stack:
                state, children = stack[-1]
                child = next(children, None)
                if child is None:
                    stack.pop()
                    path.pop()
                    del on_path[state]
                    own = 0 if self.scenario.is_ending(state.node) else 1
                    depth[state] = own + max((depth.get(c, 0) for c in self.successors(state) if c in states),
                                             default=0)
                elif child in on_path:
                    return path[on_path[child]:] + [child], True
                elif child in states and child not in depth:
                    on_path[child] = len(path)
                    path.append(child)
                    stack.append((child, iter(self.successors(child))))
        start = self.initial()
        if depth.get(start, 0) <= MAX_STEPS:
            return None
        run = [start]
        while depth.get(run[-1], 0) > 0 and not self.scenario.is_ending(run[-1].node):
            run.append(max((c for c in self.successors(run[-1]) if c in states), key=lambda c: depth.get(c, 0)))
        return run, False

    def stuck(self, states: set[State]) -> set[State]:
        """States (among `states`) from which no ending can be reached."""
        predecessors: dict[State, list[State]] = {}
        for state in states:
            for successor in self.successors(state):
                predecessors.setdefault(successor, []).append(state)
        good = {s for s in states if self.scenario.is_ending(s.node)}
        queue = deque(good)
        while queue:
            for previous in predecessors.get(queue.popleft(), []):
                if previous not in good:
                    good.add(previous)
                    queue.append(previous)
        return {s for s in states if s not in good}


def resolve(next_: str | list[Branch] | RandomNext, variables: dict[str, int]) -> tuple[Outcome, ...]:
    """Where a `next` leads with these variables: one target, or a weighted draw."""
    if isinstance(next_, str):
        return (Outcome(next_, 1.0),)
    if isinstance(next_, list):
        for branch in next_:
            if branch.when is None or condition_holds(branch.when, variables):
                return (Outcome(branch.goto, 1.0),)
        return ()  # lint rejects a branch list without a final unconditional branch
    total = sum(pick.weight for pick in next_.random)
    return tuple(Outcome(pick.goto, pick.weight / total) for pick in next_.random)


def choose(outcomes: tuple[Outcome, ...], rng: _random.Random) -> str:
    """Draw one target; a single outcome draws nothing, so seeds stay stable."""
    if len(outcomes) == 1:
        return outcomes[0].target
    return rng.choices([o.target for o in outcomes], weights=[o.probability for o in outcomes])[0]


def _conditions(next_: object) -> Iterator[dict]:
    if isinstance(next_, list):
        for branch in next_:
            if branch.when:
                yield branch.when
