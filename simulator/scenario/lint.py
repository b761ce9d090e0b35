"""Checks that need the whole scenario: references, ids, files, the graph.

Runs after the model has validated every field, like Ren'Py's lint pass
after parsing. Each check is a small function yielding positioned problems.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from simulator.domain import Force, missing_equipment
from simulator.scenario.assets import AssetError, resolve_image, resolve_rubric
from simulator.scenario.loader import LoadedScenario
from simulator.scenario.model import Branch, RandomNext, Scenario
from simulator.scenario.problems import Problem, Severity
from simulator.scenario.source import PathKey
from simulator.scenario.statespace import MAX_STEPS, StateSpace

WARNING = Severity.WARNING
Check = Callable[[LoadedScenario], Iterator[Problem]]


def lint(loaded: LoadedScenario) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(loaded))
    if not any(p.severity is Severity.ERROR for p in problems):
        problems.extend(check_graph(loaded))
    return problems


# --- references and ids ----------------------------------------------------------


def check_ids(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    for ending_id in s.endings:
        if ending_id in s.situations:
            yield src.problem(("endings", ending_id), f"id '{ending_id}' is used by a situation and an ending", at_key=True)
    for sid, situation in s.situations.items():
        yield from _unique(src, ("situations", sid, "options"), [o.id for o in situation.options], "option")
        yield from _unique(src, ("situations", sid, "tactics"), [t.id for t in situation.tactics], "tactic")
    for eid, ending in s.endings.items():
        yield from _unique(src, ("endings", eid, "follow_up"), [f.id for f in ending.follow_up], "follow-up")


def _unique(src: Any, where: PathKey, ids: list[str], what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            yield src.problem((*where, index, "id"), f"{what} id '{item_id}' is used twice in this list")
        seen.add(item_id)


def check_references(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    known = set(s.situations) | set(s.endings)
    if s.start not in s.situations:
        hint = " (it is an ending; start must be a situation)" if s.start in s.endings else ""
        yield src.problem(("start",), f"start '{s.start}' is not a situation id{hint}")
    for sid, situation in s.situations.items():
        for index, option in enumerate(situation.options):
            yield from _check_next(src, ("situations", sid, "options", index, "next"), option.next, known, s)
        if situation.timeout is not None:
            yield from _check_next(src, ("situations", sid, "timeout"), situation.timeout, known, s)


def _check_next(src: Any, where: PathKey, next_: Any, known: set[str], s: Scenario) -> Iterator[Problem]:
    for target_where, target in _targets_with_paths(where, next_):
        if target not in known:
            yield src.problem(target_where, f"'{target}' is not a situation or ending id")
    if isinstance(next_, list):
        last = len(next_) - 1
        if next_[last].when is not None:
            yield src.problem((*where, last), "the last branch must have no 'if', so some branch is always taken")
        for index, branch in enumerate(next_[:last]):
            if branch.when is None:
                yield src.problem((*where, index), "a branch without 'if' must come last; the branches after it are never tried")
        for index, branch in enumerate(next_):
            for name in branch.when or {}:
                if name not in s.variables:
                    yield src.problem((*where, index, "if", name), f"variable '{name}' is not declared under 'variables'", at_key=True)


def _targets_with_paths(where: PathKey, next_: Any) -> Iterator[tuple[PathKey, str]]:
    if isinstance(next_, str):
        yield where, next_
    elif isinstance(next_, list):
        for index, branch in enumerate(next_):
            yield (*where, index, "goto"), branch.goto
    elif isinstance(next_, RandomNext):
        for index, pick in enumerate(next_.random):
            yield (*where, "random", index, "goto"), pick.goto


# --- situations ----------------------------------------------------------------


def check_situations(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    for sid, situation in s.situations.items():
        here = ("situations", sid)
        if situation.time_limit_s is not None and situation.timeout is None:
            yield src.problem((*here, "time_limit_s"), "time_limit_s needs a 'timeout': where the scenario goes when time runs out", at_key=True)
        if situation.timeout is not None and situation.time_limit_s is None:
            yield src.problem((*here, "timeout"), "timeout needs a 'time_limit_s'", at_key=True)
        band = situation.reasonable
        if band is not None and Force(band.min).level > Force(band.max).level:
            yield src.problem((*here, "reasonable", "min"), f"reasonable min '{band.min}' is above max '{band.max}'")
        for index, option in enumerate(situation.options):
            for name in option.effects:
                if name not in s.variables:
                    yield src.problem((*here, "options", index, "effects", name), f"variable '{name}' is not declared under 'variables'", at_key=True)
            lacking = missing_equipment(option.force, s.officer.equipment)
            if lacking:
                names = ", ".join(f.value for f in lacking)
                yield src.problem((*here, "options", index, "force"), f"option '{option.id}' uses {names} but the officer carries no equipment for it", severity=WARNING)


def check_scenes(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    for sid, situation in s.situations.items():
        scene = situation.scene
        if scene is None:
            continue
        here = ("situations", sid, "scene")
        points: list[tuple[PathKey, list[float]]] = [((*here, "officer"), scene.officer)]
        if scene.partner is not None:
            points.append(((*here, "partner"), scene.partner))
        points += [((*here, "subjects", i, "at"), subject.at) for i, subject in enumerate(scene.subjects)]
        points += [((*here, "bystanders", i), p) for i, p in enumerate(scene.bystanders)]
        points += [((*here, "objects", i, "at"), o.at) for i, o in enumerate(scene.objects)]
        points += [((*here, "exits", i), p) for i, p in enumerate(scene.exits)]
        for where, point in points:
            if not scene.contains(point):
                yield src.problem(where, f"point {point} lies outside the {scene.width_m:g} x {scene.depth_m:g} m scene")


def check_files(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    for sid, situation in s.situations.items():
        if situation.image is not None:
            try:
                resolve_image(situation.image, loaded.path)
            except AssetError as exc:
                yield src.problem(("situations", sid, "image"), f"image {exc}")
    if s.rubric is not None:
        try:
            resolve_rubric(s.rubric, loaded.path)
        except AssetError as exc:
            yield src.problem(("rubric",), f"rubric {exc}")


def check_variables(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    changed = {name for sit in s.situations.values() for o in sit.options for name, d in o.effects.items() if d}
    for name in s.variables:
        if name not in changed:
            yield src.problem(("variables", name), f"variable '{name}' is never changed by any option's effects", at_key=True, severity=WARNING)


# --- the graph -------------------------------------------------------------------


def check_graph(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    space = StateSpace(s)
    states, complete = space.reachable()
    if not complete:  # past the state budget nothing below is affordable
        yield src.problem(("situations",), space.too_many_states(), at_key=True)
        return
    reached = {state.node for state in states}
    for sid in s.situations:
        if sid not in reached:
            yield src.problem(("situations", sid), f"situation '{sid}' cannot be reached from start", at_key=True, severity=WARNING)
    for eid in s.endings:
        if eid not in reached:
            yield src.problem(("endings", eid), f"ending '{eid}' cannot be reached from start", at_key=True, severity=WARNING)
    yield from _endless_runs(loaded, space, states)
    stuck_by_node: dict[str, list[dict[str, int]]] = {}
    for state in space.stuck(states):
        stuck_by_node.setdefault(state.node, []).append(space.as_dict(state.values))
    for node, variable_sets in sorted(stuck_by_node.items()):
        detail = ""
        if variable_sets[0]:
            shown = ", ".join(f"{k}={v}" for k, v in sorted(variable_sets[0].items()))
            detail = f" (for example with {shown})"
        yield src.problem(("situations", node), f"no ending can be reached from situation '{node}'{detail}", at_key=True)


def _endless_runs(loaded: LoadedScenario, space: StateSpace, states: set) -> Iterator[Problem]:
    """A loop (or a path) that lets a session visit more than MAX_STEPS situations."""
    found = space.longest_run(states)
    if found is None:
        return
    run, is_loop = found
    names = [state.node for state in run]
    shown = " -> ".join(names if len(names) <= 12 else [*names[:6], "...", *names[-5:]])
    what = f"a loop lets a session go on without end: {shown}" if is_loop else f"a path visits more than {MAX_STEPS} situations: {shown}"
    yield loaded.source.problem(("situations", run[0].node), f"{what} (a session may visit at most {MAX_STEPS})", at_key=True)


CHECKS: list[Check] = [check_ids, check_references, check_situations, check_scenes, check_files, check_variables]

__all__ = ["lint", "Branch"]
