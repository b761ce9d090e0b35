"""A scenario's branch graph as Mermaid or Graphviz dot text.

Situations are boxes, endings rounded (resolved) or marked (unresolved);
option edges carry the option's label, timeout edges are dashed and random
branches dotted with their weight, so an author can see every way through.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from simulator.safetext import printable
from simulator.scenario.model import RandomNext, Scenario


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    kind: str  # "option" | "timeout" | "random" | "branch"


def edges(scenario: Scenario, lang: str = "en") -> Iterator[Edge]:
    for sid, situation in scenario.situations.items():
        for option in situation.options:
            yield from _next_edges(sid, option.next, _clean(option.label.get(lang), 30), "option")
        if situation.timeout is not None:
            limit = f"timeout {situation.time_limit_s:g}s" if situation.time_limit_s else "timeout"
            yield from _next_edges(sid, situation.timeout, limit, "timeout")


def _next_edges(source: str, next_: object, label: str, kind: str) -> Iterator[Edge]:
    if isinstance(next_, str):
        yield Edge(source, next_, label, kind)
    elif isinstance(next_, list):
        for branch in next_:
            condition = _condition_text(branch.when) if branch.when else "otherwise"
            yield Edge(source, branch.goto, f"{label} [{condition}]", "timeout" if kind == "timeout" else "branch")
    elif isinstance(next_, RandomNext):
        total = sum(p.weight for p in next_.random)
        for pick in next_.random:
            yield Edge(source, pick.goto, f"{label} [{pick.weight}/{total}]",
                       "timeout" if kind == "timeout" else "random")


def _condition_text(condition: dict) -> str:
    parts = []
    for name, test in condition.items():
        if test.equals is not None:
            parts.append(f"{name} = {test.equals}")
        if test.at_least is not None:
            parts.append(f"{name} >= {test.at_least}")
        if test.at_most is not None:
            parts.append(f"{name} <= {test.at_most}")
    return ", ".join(parts)


def _clean(text: str, limit: int = 48) -> str:
    text = printable(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_mermaid(scenario: Scenario, lang: str = "en") -> str:
    def node_id(name: str) -> str:
        return "n_" + name.replace("-", "_")

    def quoted(text: str) -> str:
        return '"' + _clean(text).replace('"', "#quot;") + '"'

    lines = ["flowchart TD"]
    for sid, situation in scenario.situations.items():
        title = situation.title.get(lang) if situation.title else sid
        start = "▶ " if sid == scenario.start else ""
        lines.append(f"    {node_id(sid)}[{quoted(f'{start}{title} ({situation.subject.behaviour.value})')}]")
    for eid, ending in scenario.endings.items():
        marks = "✓" if ending.result.value == "resolved" else "✗"
        injuries = f" injuries: {', '.join(i.value for i in ending.injuries)}" if ending.injuries else ""
        lines.append(f"    {node_id(eid)}([{quoted(f'{marks} {eid}{injuries}')}])")
    arrows = {"option": "-->", "branch": "-->", "timeout": "-.->", "random": "-.->"}
    for edge in edges(scenario, lang):
        lines.append(f"    {node_id(edge.source)} {arrows[edge.kind]}|{quoted(edge.label)}| {node_id(edge.target)}")
    return "\n".join(lines) + "\n"


def to_dot(scenario: Scenario, lang: str = "en") -> str:
    def quoted(text: str) -> str:
        return '"' + _clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"digraph {quoted(scenario.id)} {{", "    rankdir=TB;", "    node [fontname=Helvetica];"]
    for sid, situation in scenario.situations.items():
        title = situation.title.get(lang) if situation.title else sid
        border = ", penwidth=2" if sid == scenario.start else ""
        label = quoted(f"{title} ({situation.subject.behaviour.value})")
        lines.append(f"    {quoted(sid)} [shape=box, label={label}{border}];")
    for eid, ending in scenario.endings.items():
        shape = "doublecircle" if ending.result.value == "resolved" else "octagon"
        lines.append(f"    {quoted(eid)} [shape={shape}, label={quoted(eid)}];")
    styles = {"option": "solid", "branch": "solid", "timeout": "dashed", "random": "dotted"}
    for edge in edges(scenario, lang):
        lines.append(f"    {quoted(edge.source)} -> {quoted(edge.target)} "
                     f"[label={quoted(edge.label)}, style={styles[edge.kind]}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
