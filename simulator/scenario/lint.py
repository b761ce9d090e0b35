"""Checks that need the whole scenario: references, ids, files, the graph.

Runs after the model has validated every field, like Ren'Py's lint pass
after parsing. Each check is a small function yielding positioned problems.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from simulator.domain import Consideration, Force, Rating, Verdict, missing_equipment
from simulator.scenario.assets import AssetError, resolve_image, resolve_rubric
from simulator.scenario.judging import judge_option
from simulator.scenario.lint_authoring import AUTHORING_CHECKS, did_you_mean, stuck_messages
from simulator.scenario.loader import LoadedScenario
from simulator.scenario.model import NO_ACTION, Branch, RandomNext, Scenario, Situation
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
        # Both judge the scenario as a whole, so they need it sound first (a min above max has no range).
        problems.extend(check_teaching(loaded))
        problems.extend(check_graph(loaded))
    return problems


# --- references and ids ----------------------------------------------------------


def check_ids(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    for ending_id in s.endings:
        if ending_id in s.situations:
            yield src.problem(("endings", ending_id), f"id '{ending_id}' is used by a situation and an ending",
                              at_key=True)
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
        hint = hint or did_you_mean(s.start, s.situations)
        yield src.problem(("start",), f"start '{s.start}' is not a situation id{hint}")
    for sid, situation in s.situations.items():
        for index, option in enumerate(situation.options):
            yield from _check_next(src, ("situations", sid, "options", index, "next"), option.next, known, s)
        if situation.timeout is not None:
            yield from _check_next(src, ("situations", sid, "timeout"), situation.timeout, known, s)


def _check_next(src: Any, where: PathKey, next_: Any, known: set[str], s: Scenario) -> Iterator[Problem]:
    for target_where, target in _targets_with_paths(where, next_):
        if target not in known:
            yield src.problem(target_where, f"'{target}' is not a situation or ending id{did_you_mean(target, known)}")
    if isinstance(next_, list):
        last = len(next_) - 1
        if next_[last].when is not None:
            yield src.problem((*where, last), "the last branch must have no 'if', so some branch is always taken")
        for index, branch in enumerate(next_[:last]):
            if branch.when is None:
                yield src.problem((*where, index),
                                  "a branch without 'if' must come last; the branches after it are never tried")
        for index, branch in enumerate(next_):
            for name in branch.when or {}:
                if name not in s.variables:
                    yield src.problem((*where, index, "if", name),
                                      f"variable '{name}' is not declared under 'variables'", at_key=True)


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
            yield src.problem((*here, "time_limit_s"),
                              "time_limit_s needs a 'timeout': where the scenario goes when time runs out", at_key=True)
        if situation.timeout is not None and situation.time_limit_s is None:
            yield src.problem((*here, "timeout"), "timeout needs a 'time_limit_s'", at_key=True)
        band = situation.reasonable
        if band is not None and Force(band.min).level > Force(band.max).level:
            yield src.problem((*here, "reasonable", "min"), f"reasonable min '{band.min}' is above max '{band.max}'")
        for index, option in enumerate(situation.options):
            for name in option.effects:
                if name not in s.variables:
                    yield src.problem((*here, "options", index, "effects", name),
                                      f"variable '{name}' is not declared under 'variables'", at_key=True)
            lacking = missing_equipment(option.force, s.officer.equipment)
            if lacking:
                names = ", ".join(f.value for f in lacking)
                yield src.problem((*here, "options", index, "force"),
                                  f"option '{option.id}' uses {names} but the officer carries no equipment for it",
                                  severity=WARNING)


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
        for i, item in enumerate(scene.bystanders):  # a point, or {at, label} (issue 13)
            points.append(((*here, "bystanders", i), item) if isinstance(item, list) else
                          ((*here, "bystanders", i, "at"), item.at))
        points += [((*here, "objects", i, "at"), o.at) for i, o in enumerate(scene.objects)]
        points += [((*here, "exits", i), p) for i, p in enumerate(scene.exits)]
        for where, point in points:
            if not scene.contains(point):
                yield src.problem(where,
                                  f"point {point} lies outside the {scene.width_m:g} x {scene.depth_m:g} m scene")


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
    changed |= {name for sit in s.situations.values() if sit.wait for name, d in sit.wait.effects.items() if d}
    for name in s.variables:
        if name not in changed:
            yield src.problem(("variables", name), f"variable '{name}' is never changed by any option's effects",
                              at_key=True, severity=WARNING)


# --- teaching (issue 10): a scenario that teaches the wrong lesson ----------------------------


def check_teaching(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    for sid, situation in s.situations.items():
        here = ("situations", sid)
        preferred = [(i, o) for i, o in enumerate(situation.options) if o.preferred]
        if len(preferred) > 1:
            ids = ", ".join(o.id for _, o in preferred)
            yield src.problem((*here, "options"),
                              f"more than one preferred option ({ids}); mark the one a trainee should learn",
                              at_key=True, severity=WARNING)
        for index, option in enumerate(situation.options):
            where = (*here, "options", index)
            judgement, errors = judge_option(situation, option)  # rubric default-2's judgement
            verdict = judgement.verdict
            if option.preferred and verdict is not Verdict.REASONABLE:
                yield src.problem((*where, "preferred"),
                                  f"preferred option '{option.id}' is judged {verdict.value}, not reasonable",
                                  severity=WARNING)
            if option.preferred and errors.critical:
                yield src.problem((*where, "preferred"), f"preferred option '{option.id}' is a critical error",
                                  severity=WARNING)
            carried = {Consideration.DISENGAGE, Consideration.TIME} & set(option.tactics)
            if carried and verdict is Verdict.INSUFFICIENT and option.verdict is None and option.rationale is None:
                names = ", ".join(sorted(c.value for c in carried))
                yield src.problem(where, f"option '{option.id}' carries out {names} but is judged insufficient; "
                                         "rate that tactic under 'tactics', set 'verdict', "
                                         "or explain it in a 'rationale'", severity=WARNING)
            if option.firearm is None and Force.LETHAL_FORCE in option.force:
                yield src.problem((*where, "force"),
                                  f"option '{option.id}' uses lethal_force without saying how; add 'firearm: draw', "
                                  "'point' or 'discharge' (left out, it counts as a shot)", severity=WARNING)
            if option.firearm is not None and Force.LETHAL_FORCE not in option.force:
                yield src.problem((*where, "firearm"),
                                  f"option '{option.id}' says how a firearm is used but its force has no lethal_force")
        if situation.timeout is not None and situation.wait is None and _recommends_time(situation):
            yield src.problem((*here, "timeout"),
                              "this situation's tactics recommend taking time, yet running out of time is punished; "
                              "add 'wait:' to make the timeout a deliberate wait", at_key=True, severity=WARNING)
        if situation.wait is not None and situation.timeout is None:
            yield src.problem((*here, "wait"), "'wait' needs a 'time_limit_s' and a 'timeout'", at_key=True)
        for name in situation.wait.effects if situation.wait else {}:
            if name not in s.variables:
                yield src.problem((*here, "wait", "effects", name),
                                  f"variable '{name}' is not declared under 'variables'", at_key=True)
    for eid, ending in s.endings.items():
        here = ("endings", eid)
        for index, follow_up in enumerate(ending.follow_up):
            if follow_up.action != NO_ACTION and _says_no_follow_up(follow_up.label.get("en")):
                yield src.problem((*here, "follow_up", index, "action"),
                                  f"follow-up '{follow_up.id}' is no front-line action at all; "
                                  f"tag it 'action: none', not '{follow_up.action}'", severity=WARNING)
        if (ending.injuries or ending.fatal) and not ending.follow_up:
            yield src.problem(here, f"ending '{eid}' has injuries or a death but no follow-up step", at_key=True,
                              severity=WARNING)


def _recommends_time(situation: Situation) -> bool:
    return any(t.consideration is Consideration.TIME and t.rating is Rating.RECOMMENDED for t in situation.tactics)


_NO_FOLLOW_UP = re.compile(r"^\s*(no (further )?follow[- ]?up|close the file|nothing further|no further action)\b",
                           re.IGNORECASE)


def _says_no_follow_up(label: str) -> bool:
    return bool(_NO_FOLLOW_UP.search(label))


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
            yield src.problem(("situations", sid), f"situation '{sid}' cannot be reached from start", at_key=True,
                              severity=WARNING)
    for eid in s.endings:
        if eid not in reached:
            yield src.problem(("endings", eid), f"ending '{eid}' cannot be reached from start", at_key=True,
                              severity=WARNING)
    stuck = space.stuck(states)
    # Named as a loop, with a deterministic example (lint_authoring, issue 13).
    for node, message in stuck_messages(space, stuck):
        yield src.problem(("situations", node), message, at_key=True)
    if not stuck:  # a loop with no exit is already named above
        yield from _endless_runs(loaded, space, states)


def _endless_runs(loaded: LoadedScenario, space: StateSpace, states: set) -> Iterator[Problem]:
    """A loop (or a path) that lets a session visit more than MAX_STEPS situations."""
    found = space.longest_run(states)
    if found is None:
        return
    run, is_loop = found
    names = [state.node for state in run]
    shown = " -> ".join(names if len(names) <= 12 else [*names[:6], "...", *names[-5:]])
    what = (f"a loop lets a session go on without end: {shown}" if is_loop
            else f"a path visits more than {MAX_STEPS} situations: {shown}")
    yield loaded.source.problem(("situations", run[0].node), f"{what} (a session may visit at most {MAX_STEPS})",
                                at_key=True)


CHECKS: list[Check] = [check_ids, check_references, check_situations, check_scenes, check_files, check_variables,
                       *AUTHORING_CHECKS]

__all__ = ["lint", "Branch"]
