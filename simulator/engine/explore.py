"""Walk every branch of a scenario over its (situation, variables) states.

Nothing here enumerates paths. The best and worst achievable session scores
are optimised over the state graph:

* The trainee controls the assessment, the tactics picked, the option, and
  whether to let the time run out. Assessment and tactics do not change where
  the session goes, so each move's situation score uses the best (or worst)
  assessment and tactics. Random branches are treated as favourable for the
  best score and adversarial for the worst (the report says so).
* The session score is a MEAN over situations visited, so a longest-path DP on
  totals is wrong. On an acyclic state graph we use Dinkelbach's parametric
  method: "is there a path with mean >= x" is a longest path with weights
  (score - x); iterate x to the mean of the best path until no path beats it
  (a few linear passes). A state graph with loops can make the mean approach a
  loop's mean by repeating it; there the search is over sessions of at most
  `loop_cap` situations (default: twice the number of states, at most 300),
  by a DP over (state, situations left), and the result says `loops: true`.
* Critical errors: the best path avoids them when any complete path can; the
  worst path includes one whenever one is reachable (a failed session is
  worse than any mark), via a (state, critical-seen) product graph.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from simulator.domain import Behaviour, Rating
from simulator.engine.scoring import (
    DEFAULT_RUBRIC,
    Rubric,
    appraise,
    assess_score,
    percent,
    score_act,
    score_freeze,
    score_wait,
)
from simulator.scenario.model import Scenario, Situation
from simulator.scenario.statespace import MAX_STATES, State, StateSpace, TooManyStates

LOOP_CAP_MAX = 300
LOOP_WORK_MAX = 1_000_000  # edge relaxations of the loop DP
NEG = -math.inf


# --- per-situation choices the trainee controls ---------------------------------------------


@dataclass(frozen=True)
class SituationChoices:
    """Best and worst assessment and tactics of a situation (they do not steer `next`)."""

    assess_best: Behaviour | None
    assess_worst: Behaviour | None
    plan_best: tuple[str, ...] | None
    plan_worst: tuple[str, ...] | None
    option_best: dict[str, float]  # option id -> situation score with the best assess/plan
    option_worst: dict[str, float]
    option_critical: dict[str, bool]
    timeout_best: float  # letting the time run out: 0 for a freeze, scored for a deliberate wait
    timeout_worst: float


def situation_choices(situation: Situation, rubric: Rubric) -> SituationChoices:
    assess_best = assess_worst = None
    best_assess = worst_assess = None
    if situation.assess:
        readings = situation.subject.acceptable_readings
        ranked = sorted(Behaviour, key=lambda b: (assess_score(rubric, b, readings), -b.rank))
        assess_worst, assess_best = ranked[0], ranked[-1]
        best_assess = assess_score(rubric, assess_best, readings)
        worst_assess = assess_score(rubric, assess_worst, readings)
    plan_best = plan_worst = None
    if situation.tactics:
        plan_best = tuple(t.id for t in situation.tactics if t.rating is not Rating.CONTRAINDICATED)
        plan_worst = tuple(t.id for t in situation.tactics if t.rating is Rating.CONTRAINDICATED)
    option_best, option_worst, option_critical = {}, {}, {}
    for option in situation.options:
        appraisal = appraise(rubric, situation, option)
        option_best[option.id] = score_act(rubric, situation, best_assess, plan_best or (), option, appraisal).total
        option_worst[option.id] = score_act(rubric, situation, worst_assess, plan_worst or (), option, appraisal).total
        option_critical[option.id] = appraisal.critical
    if situation.wait is not None:
        timeout_best = score_wait(rubric, situation, best_assess, plan_best or ()).total
        timeout_worst = min(score_wait(rubric, situation, worst_assess, plan_worst or ()).total,
                            score_wait(rubric, situation, None, ()).total)
    else:
        timeout_best = timeout_worst = score_freeze(rubric, situation).total
    return SituationChoices(assess_best, assess_worst, plan_best, plan_worst, option_best, option_worst,
                            option_critical, timeout_best, timeout_worst)


# --- the state graph -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Edge:
    target: int
    option: str | None  # None: let the time run out
    best: float  # this situation's score on the move, best assessment/tactics
    worst: float
    critical: bool


class StateGraph:
    """Reachable states that can still reach an ending, with scored moves between them."""

    def __init__(self, scenario: Scenario, rubric: Rubric = DEFAULT_RUBRIC, limit: int = MAX_STATES) -> None:
        self.scenario = scenario
        self.rubric = rubric
        self.space = StateSpace(scenario)
        reached, self.complete = self.space.reachable(limit)
        if not self.complete:  # past the budget, scoring every state is not affordable
            raise TooManyStates(self.space.too_many_states())
        self.reached = reached
        self.stuck = self.space.stuck(reached) if self.complete else set()
        self.states: list[State] = sorted((s for s in reached if s not in self.stuck), key=_state_key)
        self.index = {state: i for i, state in enumerate(self.states)}
        self.choices = {sid: situation_choices(sit, rubric) for sid, sit in scenario.situations.items()}
        self.edges: list[list[Edge]] = [self._edges(state) for state in self.states]
        self.is_ending = [scenario.is_ending(state.node) for state in self.states]

    def _edges(self, state: State) -> list[Edge]:
        edges: list[Edge] = []
        choices = self.choices.get(state.node)
        for move in self.space.moves(state):
            assert choices is not None
            if move.option is None:
                best, worst = choices.timeout_best, choices.timeout_worst
                critical = False
                key = None
            else:
                key = move.option.id
                best, worst = choices.option_best[key], choices.option_worst[key]
                critical = choices.option_critical[key]
            for outcome in move.outcomes:
                target = self.index.get(State(outcome.target, move.values))
                if target is not None:
                    edges.append(Edge(target, key, best, worst, critical))
        return edges

    def state_of(self, node: str, variables: dict[str, int]) -> int | None:
        values = self.space.apply(tuple(variables.get(n, 0) for n in self.space.names), {})
        return self.index.get(State(node, values))

    @property
    def start(self) -> int | None:
        return self.index.get(self.space.initial())


def _state_key(state: State) -> tuple[str, tuple[int, ...]]:
    return state.node, state.values


# --- maximising a mean over walks ------------------------------------------------------------------


@dataclass
class Walk:
    """An optimal session: per step the node index and the edge taken."""

    mean: float
    steps: list[tuple[int, Edge]]
    end: int


class MeanSolver:
    """Maximise (sum of edge weights) / (edges) over walks from `start` to a target.

    Nodes are ints; `succ[u]` lists (v, weight, edge). Minimising is maximising
    the negated weights.
    """

    def __init__(self, n: int, succ: list[list[tuple[int, float, Edge]]], targets: list[bool], start: int,
                 loop_cap: int | None = None) -> None:
        self.n, self.succ, self.targets, self.start = n, succ, targets, start
        self.alive = _trim(n, succ, targets, start)
        self.order = _topological(n, succ, self.alive)
        self.looped = self.order is None
        # The loop DP costs loop_cap x moves: keep it within LOOP_WORK_MAX (state budget, lint refuses loops).
        moves = max(1, sum(len(edges) for edges in succ))
        self.loop_cap = loop_cap or max(2, min(2 * sum(self.alive), LOOP_CAP_MAX, LOOP_WORK_MAX // moves))
        self.lam = 0.0
        self.value: list[float] = []
        self.table: list[list[float]] = []

    def solve(self) -> Walk | None:
        if not self.alive[self.start]:
            return None
        return self._bounded() if self.looped else self._dinkelbach()

    # acyclic: Dinkelbach iterations, each a linear pass in reverse topological order
    def _dinkelbach(self) -> Walk:
        assert self.order is not None
        self.lam = self._walk_from_values(self._values(0.0)).mean
        for _ in range(200):
            values = self._values(self.lam)
            walk = self._walk_from_values(values)
            if walk.mean <= self.lam + 1e-12:
                self.value = values
                return self._walk_from_values(values)
            self.lam = walk.mean
        self.value = self._values(self.lam)
        return self._walk_from_values(self.value)

    def _values(self, lam: float) -> list[float]:
        assert self.order is not None
        value = [NEG] * self.n
        for u in reversed(self.order):
            if self.targets[u]:
                value[u] = 0.0
                continue
            best = NEG
            for v, w, _ in self.succ[u]:
                if self.alive[v] and value[v] != NEG:
                    best = max(best, w - lam + value[v])
            value[u] = best
        return value

    def _walk_from_values(self, value: list[float]) -> Walk:
        steps: list[tuple[int, Edge]] = []
        u, total = self.start, 0.0
        while not self.targets[u]:
            v, w, edge = self.pick(u, value, self.lam)
            steps.append((u, edge))
            total += w
            u = v
        return Walk(total / max(1, len(steps)), steps, u)

    def pick(self, u: int, value: list[float], lam: float) -> tuple[int, float, Edge]:
        """The edge out of `u` that an optimal walk takes (first among equals)."""
        best = None
        for v, w, edge in self.succ[u]:
            if self.alive[v] and value[v] != NEG:
                score = w - lam + value[v]
                if best is None or score > best[0] + 1e-12:
                    best = (score, v, w, edge)
        if best is None:
            raise ValueError(f"state {u} has no way to an ending")
        return best[1], best[2], best[3]

    # with loops: DP over (node, situations left) up to loop_cap
    def _bounded(self) -> Walk | None:
        cap = self.loop_cap
        table = [[NEG] * self.n]
        for u in range(self.n):
            if self.targets[u] and self.alive[u]:
                table[0][u] = 0.0
        for k in range(1, cap + 1):
            prev, row = table[k - 1], [NEG] * self.n
            for u in range(self.n):
                if not self.alive[u] or self.targets[u]:
                    continue
                best = NEG
                for v, w, _ in self.succ[u]:
                    if prev[v] != NEG and w + prev[v] > best:
                        best = w + prev[v]
                row[u] = best
            table.append(row)
        self.table = table
        options = [(table[k][self.start] / k, -k, k) for k in range(1, cap + 1) if table[k][self.start] != NEG]
        if self.targets[self.start]:
            return Walk(0.0, [], self.start)
        if not options:
            return None
        mean, _, k = max(options)
        steps: list[tuple[int, Edge]] = []
        u = self.start
        while k > 0:
            v, w, edge = self.pick_bounded(u, k)
            steps.append((u, edge))
            u, k = v, k - 1
        return Walk(mean, steps, u)

    def pick_bounded(self, u: int, k: int) -> tuple[int, float, Edge]:
        prev = self.table[k - 1]
        best = None
        for v, w, edge in self.succ[u]:
            if prev[v] != NEG and (best is None or w + prev[v] > best[0] + 1e-12):
                best = (w + prev[v], v, w, edge)
        if best is None:
            raise ValueError(f"state {u} cannot end within {k} situations")
        return best[1], best[2], best[3]


def _trim(n: int, succ: list[list[tuple[int, float, Edge]]], targets: list[bool], start: int) -> list[bool]:
    """Nodes on some walk from start to a target."""
    forward = [False] * n
    forward[start] = True
    queue = deque([start])
    pred: list[list[int]] = [[] for _ in range(n)]
    while queue:
        u = queue.popleft()
        for v, _, _ in succ[u]:
            pred[v].append(u)
            if not forward[v]:
                forward[v] = True
                queue.append(v)
    backward = [False] * n
    queue = deque(u for u in range(n) if targets[u] and forward[u])
    for u in queue:
        backward[u] = True
    while queue:
        for p in pred[queue.popleft()]:
            if not backward[p]:
                backward[p] = True
                queue.append(p)
    return [forward[u] and backward[u] for u in range(n)]


def _topological(n: int, succ: list[list[tuple[int, float, Edge]]], alive: list[bool]) -> list[int] | None:
    """Kahn's order of the live nodes, or None when they hold a loop."""
    indegree = [0] * n
    for u in range(n):
        if alive[u]:
            for v, _, _ in succ[u]:
                if alive[v]:
                    indegree[v] += 1
    queue = deque(u for u in range(n) if alive[u] and indegree[u] == 0)
    order = []
    while queue:
        u = queue.popleft()
        order.append(u)
        for v, _, _ in succ[u]:
            if alive[v]:
                indegree[v] -= 1
                if indegree[v] == 0:
                    queue.append(v)
    return order if len(order) == sum(alive) else None


# --- best and worst ------------------------------------------------------------------------------


@dataclass
class Extreme:
    """The best or worst achievable session."""

    score: float
    passes: bool
    critical_error: bool
    loops: bool
    steps: list[dict[str, Any]]  # {situation, variables, option (None: time ran out)}
    ending: str
    solver: MeanSolver = field(repr=False)
    product: bool = field(default=False, repr=False)  # solver nodes are 2 x state + critical-seen

    def node(self, state: int, critical_seen: bool) -> int:
        """The solver's node for a state index."""
        return 2 * state + int(critical_seen) if self.product else state

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "passes": self.passes,
            "critical_error": self.critical_error,
            "loops": self.loops,
            "ending": self.ending,
            "path": self.steps,
        }


def best_session(graph: StateGraph) -> Extreme | None:
    """Highest mean; a path without critical errors when a complete one exists."""
    start = graph.start
    if start is None:
        return None
    n = len(graph.states)
    clean = [[(e.target, e.best, e) for e in edges if not e.critical] for edges in graph.edges]
    solver = MeanSolver(n, clean, graph.is_ending, start)
    critical = False
    if not solver.alive[start]:
        solver = MeanSolver(n, [[(e.target, e.best, e) for e in edges] for edges in graph.edges], graph.is_ending,
                            start)
        critical = any(e.critical for edges in graph.edges for e in edges)
    walk = solver.solve()
    if walk is None:
        return None
    return _extreme(graph, solver, walk, lambda u: u, sign=1.0, critical=critical)


def worst_session(graph: StateGraph) -> Extreme | None:
    """Lowest mean, through a critical error whenever one is reachable."""
    start = graph.start
    if start is None:
        return None
    n = len(graph.states)
    # product graph: node 2u + seen, seen = a critical error has happened
    succ: list[list[tuple[int, float, Edge]]] = [[] for _ in range(2 * n)]
    for u, edges in enumerate(graph.edges):
        for e in edges:
            succ[2 * u].append((2 * e.target + int(e.critical), -e.worst, e))
            succ[2 * u + 1].append((2 * e.target + 1, -e.worst, e))
    targets = [graph.is_ending[i // 2] and i % 2 == 1 for i in range(2 * n)]
    solver = MeanSolver(2 * n, succ, targets, 2 * start)
    if solver.alive[2 * start]:
        walk = solver.solve()
        assert walk is not None
        return _extreme(graph, solver, walk, lambda i: i // 2, sign=-1.0, critical=True, product=True)
    plain = [[(e.target, -e.worst, e) for e in edges] for edges in graph.edges]
    solver = MeanSolver(n, plain, graph.is_ending, start)
    walk = solver.solve()
    if walk is None:
        return None
    return _extreme(graph, solver, walk, lambda u: u, sign=-1.0, critical=False)


def _extreme(graph: StateGraph, solver: MeanSolver, walk: Walk, state_of: Callable[[int], int],
             sign: float, critical: bool, product: bool = False) -> Extreme:
    steps = []
    for node, edge in walk.steps:
        state = graph.states[state_of(node)]
        steps.append({"situation": state.node, "variables": graph.space.as_dict(state.values), "option": edge.option})
    score = percent(sign * walk.mean) + 0.0 if walk.steps else 0.0  # + 0.0: no "-0.0"
    return Extreme(
        score=score,
        passes=not critical and score >= graph.rubric.pass_mark,
        critical_error=critical,
        loops=solver.looped,
        steps=steps,
        ending=graph.states[state_of(walk.end)].node,
        solver=solver,
        product=product,
    )


# --- the report -----------------------------------------------------------------------------------


@dataclass
class Exploration:
    scenario_id: str
    states: int
    complete: bool  # False: more than MAX_STATES states, the walk was cut short
    situations_reached: list[str]
    situations_unreached: list[str]
    endings_reached: list[str]
    endings_unreached: list[str]
    stuck: list[dict[str, Any]]  # {situation, variables}
    best: Extreme | None
    worst: Extreme | None

    @property
    def graph_error(self) -> bool:
        return bool(self.stuck) or self.best is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario_id,
            "states": self.states,
            "complete": self.complete,
            "situations": {"reached": self.situations_reached, "unreached": self.situations_unreached},
            "endings": {"reached": self.endings_reached, "unreached": self.endings_unreached},
            "stuck": self.stuck,
            "random_branches": "favourable for best, adversarial for worst",
            "best": self.best.as_dict() if self.best else None,
            "worst": self.worst.as_dict() if self.worst else None,
            "graph_error": self.graph_error,
        }


def explore(scenario: Scenario, rubric: Rubric = DEFAULT_RUBRIC) -> Exploration:
    """Raises TooManyStates past the state budget (nothing past it is affordable)."""
    graph = StateGraph(scenario, rubric)
    nodes = {state.node for state in graph.reached}
    stuck = sorted(graph.stuck, key=_state_key)
    return Exploration(
        scenario_id=scenario.id,
        states=len(graph.reached),
        complete=graph.complete,
        situations_reached=[s for s in scenario.situations if s in nodes],
        situations_unreached=[s for s in scenario.situations if s not in nodes],
        endings_reached=[e for e in scenario.endings if e in nodes],
        endings_unreached=[e for e in scenario.endings if e not in nodes],
        stuck=[{"situation": s.node, "variables": graph.space.as_dict(s.values)} for s in stuck],
        best=best_session(graph),
        worst=worst_session(graph),
    )
