"""Lint checks that teach authors (issue 13): languages and translations, the
file name, variables changed but never tested, "did you mean" for ids, and
loops with no way out named as loops.

Kept apart from `lint.py` (the format's own rules) so each check is a small
function over the loaded scenario; `lint.CHECKS` lists them.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from simulator.scenario.loader import LoadedScenario
from simulator.scenario.model import Branch, Text, TextMap
from simulator.scenario.problems import Problem, Severity
from simulator.scenario.source import PathKey
from simulator.scenario.statespace import State, StateSpace

WARNING = Severity.WARNING

# ISO 639-1: the two-letter codes a text map may use (a region may follow: fr-CA).
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el
en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu
ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na
nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so
sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())


def did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' when a known name is close, else ''."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --- languages -------------------------------------------------------------------


def known_language(code: str) -> bool:
    return code.split("-", 1)[0] in ISO_639_1


def texts(node: Any, where: PathKey = ()) -> Iterator[tuple[PathKey, Text]]:
    """Every Text in the model, with the path of its value in the file."""
    if isinstance(node, Text):
        yield where, node
    elif isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            if name in node.model_fields_set or getattr(node, name) not in (None, [], {}):
                yield from texts(getattr(node, name), (*where, info.alias or name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from texts(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, (*where, index))


def check_languages(loaded: LoadedScenario) -> Iterator[Problem]:
    """Unknown language codes are errors; with `languages:` declared, every
    text missing one of them is a warning (exit 1 under --strict)."""
    s, src = loaded.scenario, loaded.source
    for index, code in enumerate(s.languages):
        if not known_language(code):
            yield src.problem(("languages", index), f"'{code}' is not a known language code (ISO 639-1, e.g. en, fr)")
    declared = [code for code in s.languages if known_language(code)]
    for where, text in texts(s):
        if isinstance(text.root, TextMap):
            for code in text.root.__pydantic_extra__ or {}:
                if not known_language(code):
                    hint = did_you_mean(code, [c for c in declared if c != "en"] or ["fr"],
                                        cutoff=0.5)  # two letters: one may differ
                    yield src.problem((*where, code), f"'{code}' is not a known language code{hint}", at_key=True)
        missing = [code for code in declared if code not in text.languages()]
        if missing:
            names = ", ".join(f"'{code}'" for code in missing)
            yield src.problem(where, f"text has no {names} translation (the scenario declares languages: "
                                     f"{', '.join(declared)})", severity=WARNING)


# --- the file and its variables ----------------------------------------------------


def check_file_name(loaded: LoadedScenario) -> Iterator[Problem]:
    """The file is named after its id, so a library can be searched by id (replay does)."""
    name = loaded.path.name
    if not name.endswith((".yaml", ".yml")):
        return
    stem = name.rsplit(".", 1)[0]
    if stem != loaded.scenario.id:
        yield loaded.source.problem(("id",), f"the file is named '{name}' but the scenario id is "
                                             f"'{loaded.scenario.id}'; name it '{loaded.scenario.id}.yaml'",
                                    severity=WARNING)


def check_variables_tested(loaded: LoadedScenario) -> Iterator[Problem]:
    s, src = loaded.scenario, loaded.source
    changed = {name for sit in s.situations.values() for o in sit.options for name, d in o.effects.items() if d}
    tested = {name for _, condition in _conditions(s) for name in condition}
    for name in s.variables:
        if name in changed and name not in tested:
            yield src.problem(("variables", name), f"variable '{name}' is changed by options but no 'if' ever "
                                                   f"tests it, so it changes nothing", at_key=True, severity=WARNING)


def _conditions(s: Any) -> Iterator[tuple[str, dict]]:
    for sid, situation in s.situations.items():
        nexts = [o.next for o in situation.options] + ([situation.timeout] if situation.timeout is not None else [])
        for next_ in nexts:
            if isinstance(next_, list):
                for branch in next_:
                    if isinstance(branch, Branch) and branch.when:
                        yield sid, branch.when


# --- loops with no way out -----------------------------------------------------------


def stuck_messages(space: StateSpace, stuck: set[State]) -> list[tuple[str, str]]:
    """(situation id, message) for each situation some stuck state sits in.

    Deterministic: the example state is the first stuck one met in a
    breadth-first walk from the start taking moves in file order, and the
    loop is found by always taking the first way that stays stuck.
    """
    first: dict[str, State] = {}
    for state in _breadth_first(space):
        if state in stuck and state.node not in first:
            first[state.node] = state
    messages = []
    for node in sorted(first):
        state = first[node]
        loop = _loop_from(space, state, stuck)
        example = _example(space, state)
        if node in loop:
            at = loop.index(node)
            loop = loop[at:] + loop[:at]
            text = " → ".join([*loop, loop[0]])
            messages.append((node, f"loop with no exit: {text}; no ending can be reached from situation "
                                   f"'{node}'{example}"))
        else:
            text = " → ".join([*loop, loop[0]])
            messages.append((node, f"no ending can be reached from situation '{node}': every way leads into the "
                                   f"loop {text}{example}"))
    return messages


def _breadth_first(space: StateSpace) -> Iterator[State]:
    start = space.initial()
    seen, queue = {start}, deque([start])
    while queue:
        state = queue.popleft()
        yield state
        for successor in space.successors(state):
            if successor not in seen:
                seen.add(successor)
                queue.append(successor)


def _loop_from(space: StateSpace, state: State, stuck: set[State]) -> list[str]:
    """The situations of the cycle a walk from `state` falls into."""
    path: list[State] = []
    position: dict[State, int] = {}
    while state not in position:
        position[state] = len(path)
        path.append(state)
        following = next((s for s in space.successors(state) if s in stuck), None)
        if following is None:  # cannot happen after the other checks; never loop forever
            return [s.node for s in path]
        state = following
    nodes = [s.node for s in path[position[state]:]]
    # The same situation may recur with other variable values: name each once, in order.
    return list(dict.fromkeys(nodes))


def _example(space: StateSpace, state: State) -> str:
    values = space.as_dict(state.values)
    if not values:
        return ""
    return " (for example with " + ", ".join(f"{k}={v}" for k, v in sorted(values.items())) + ")"


# The file-name check is not here: it is about a file in a library, so
# `library.check_files` (validate) runs it, not every load of a draft.
AUTHORING_CHECKS = [check_languages, check_variables_tested]
