"""Load a scenario file: YAML -> validated model -> lint, every error positioned."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from simulator.domain import (
    Behaviour,
    CommunityAction,
    Consideration,
    Equipment,
    Factor,
    Force,
    Injury,
    Rating,
    Result,
    SceneObjectKind,
    Verdict,
    Weapon,
)
from simulator.scenario.model import Scenario
from simulator.scenario.problems import Problem, ScenarioError, Severity, sort_problems
from simulator.scenario.source import PathKey, SourceMap, decode, parse, read_limited


@dataclass
class LoadedScenario:
    """A scenario with what an author or the engine needs to know about its file."""

    scenario: Scenario
    path: Path
    sha256: str
    source: SourceMap
    warnings: list[Problem] = field(default_factory=list)


def load_scenario(path: str | Path, *, lint: bool = True) -> Scenario:
    """The validated scenario at `path`; raises ScenarioError listing every error."""
    return load_file(path, lint=lint).scenario


def load_file(path: str | Path, *, lint: bool = True) -> LoadedScenario:
    path = Path(path)
    return load_bytes(read_limited(path, "scenario file"), path, lint=lint)


def load_bytes(raw: bytes, path: Path, *, lint: bool = True) -> LoadedScenario:
    """Load from bytes already read (the engine keeps the bytes it started with)."""
    name = str(path)
    data, source = parse(decode(raw, name), name)
    if not isinstance(data, dict):
        raise ScenarioError([source.problem((), f"expected a mapping of scenario fields, found {_describe(data)}")])
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(validation_problems(exc, data, source)) from None
    loaded = LoadedScenario(scenario, path, hashlib.sha256(raw).hexdigest(), source)
    if lint:
        from simulator.scenario.lint import lint as run_lint

        problems = run_lint(loaded)
        errors = [p for p in problems if p.severity is Severity.ERROR]
        if errors:
            raise ScenarioError(problems)
        loaded.warnings = sort_problems(problems)
    return loaded


# --- turning pydantic's errors into an author's messages ------------------------

MAX_PROBLEMS = 100  # listed per file

_VOCABULARIES: dict[frozenset[str], str] = {
    frozenset(e.value for e in enum): name
    for enum, name in [
        (Behaviour, "behaviour"),
        (Force, "force option"),
        (Consideration, "tactical consideration"),
        (CommunityAction, "community-policing action"),
        (Rating, "rating"),
        (Verdict, "verdict"),
        (Equipment, "equipment"),
        (Injury, "injury"),
        (Result, "result"),
        (Weapon, "weapon"),
        (SceneObjectKind, "object kind"),
        (Factor, "situation factor"),
    ]
}

_PATTERNS = {
    r"^[a-z0-9][a-z0-9-]*$": "an id of lowercase letters, digits and '-'",
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$": "an id of letters, digits, '-', '_' and '.'",
    r"^[a-z_][a-z0-9_]*$": "a variable name of lowercase letters, digits and '_'",
    r"^[a-z]{2}(-[A-Za-z]{2})?$": "a language code such as 'en' or 'fr'",
}

_KINDS = {
    "string_type": "text",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "dict_type": "a mapping",
    "list_type": "a list",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "int_from_float": "a whole number",
}


def model_field_names(*models: type) -> set[str]:
    """Every field name (by alias) of these pydantic models and the models nested in them,
    for "did you mean" on files that are not scenarios (rubrics, answers)."""
    names: set[str] = set()
    todo, seen = list(models), set()
    while todo:
        model = todo.pop()
        if model in seen or not hasattr(model, "model_fields"):
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            todo.extend(_nested_models(info.annotation))
    return names


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    from typing import get_args

    is_model = isinstance(annotation, type) and hasattr(annotation, "model_fields")
    found: list[type[BaseModel]] = [annotation] if is_model else []
    for arg in get_args(annotation):
        found.extend(_nested_models(arg))
    return found


@cache
def _homes() -> dict[str, list[str]]:
    """For each scenario field, the keys under which it is written (e.g. cues -> subject)."""
    from simulator.scenario.model import Scenario

    holders: dict[type[BaseModel], list[str]] = {Scenario: ["the top level"]}
    todo: list[type[BaseModel]] = [Scenario]
    seen: set[type[BaseModel]] = set()
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for field_name, info in model.model_fields.items():
            for nested in _nested_models(info.annotation):
                key = info.alias or field_name
                holders.setdefault(nested, [])
                if key not in holders[nested]:
                    holders[nested].append(key)
                todo.append(nested)
    homes: dict[str, list[str]] = {}
    for model, keys in holders.items():
        for field_name, info in model.model_fields.items():
            for key in keys:
                if key not in homes.setdefault(info.alias or field_name, []):
                    homes[info.alias or field_name].append(key)
    return homes


@cache  # the model's field names never change: computed once, not once per problem
def _field_names() -> set[str]:
    from simulator.scenario import model

    names: set[str] = set()
    for obj in vars(model).values():
        if isinstance(obj, type) and hasattr(obj, "model_fields"):
            names.update(f.alias or n for n, f in obj.model_fields.items())
    return names


def validation_problems(exc: ValidationError, data: Any, source: SourceMap,
                        field_names: Iterable[str] | None = None) -> list[Problem]:
    """One problem per offending node; alternatives of a union become one message.

    `field_names` are the fields "did you mean" may suggest: a rubric or an
    answers file must not be told about scenario fields. Default: the scenario's.
    """
    grouped: dict[PathKey, list[tuple[dict[str, Any], bool]]] = {}
    for details in exc.errors():
        error: dict[str, Any] = dict(details)  # gains a "_key" mark below
        where, is_key = _data_path(error["loc"], data)
        # Unknown fields point at their key; missing ones at the key of their parent.
        grouped.setdefault(where, []).append((error, is_key or error["type"] in ("extra_forbidden", "missing")))
        if is_key:  # a bad mapping key (e.g. a situation id): quote the key alone, not its whole value
            error["input"] = where[-1] if where else error.get("input")
            error["_key"] = True
    names = sorted(set(field_names)) if field_names is not None else None
    problems = []
    for where, errors in list(grouped.items())[:MAX_PROBLEMS]:  # each costs a suggestion search
        is_key = errors[0][1]
        problems.append(source.problem(where, _message(where, [e for e, _ in errors], data, names), at_key=is_key))
    problems = sort_problems(problems)
    if len(grouped) > MAX_PROBLEMS:
        more = len(grouped) - MAX_PROBLEMS
        problems.append(Problem(source.path, None, None, Severity.ERROR,
                                f"and {more:,} more problem{'s' if more != 1 else ''} "
                                f"(only the first {MAX_PROBLEMS} are listed)"))
    return problems


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[PathKey, bool]:
    """Follow pydantic's loc through the data, skipping union-branch labels."""
    where: list[str | int] = []
    node = data
    for part in loc:
        if part == "[key]":
            return tuple(where), True
        if isinstance(node, dict) and part in node:
            where.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            where.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part not in node and _is_field_name(part):
            # A missing or unknown field named by the error itself.
            return tuple(where), False
    return tuple(where), False


def _is_field_name(part: str) -> bool:
    return part.replace("_", "").isalnum() and not part[:1].isupper() and part not in {"str", "int", "float", "list"}


def _value_at(data: Any, where: PathKey) -> Any:
    for part in where:
        data = data[part]
    return data


def _message(where: PathKey, errors: list[dict[str, Any]], data: Any, names: list[str] | None = None) -> str:
    value = errors[0]["input"] if errors[0].get("_key") else _value_at(data, where)
    types = [e["type"] for e in errors]
    if any(t == "extra_forbidden" for t in types):
        return _unknown_field_message(errors, names)
    if any(t == "missing" for t in types):
        missing = sorted({str(e["loc"][-1]) for e in errors if e["type"] == "missing"})
        listed = ", ".join(f"'{m}'" for m in missing)
        return f"missing required field{'s' if len(missing) > 1 else ''} {listed}"
    kinds = [_KINDS[t] for t in types if t in _KINDS]
    if len(errors) > 1 and kinds:
        # A union whose every alternative failed: say what would have fitted.
        expected = " or ".join(dict.fromkeys(kinds))
        return f"expected {expected}, found {_describe(value)}"
    return _single_message(errors[0], value)


def _unknown_field_message(errors: list[dict[str, Any]], names: list[str] | None = None) -> str:
    name = str(next(e["loc"][-1] for e in errors if e["type"] == "extra_forbidden"))
    if names is None and name in _field_names():
        # A real field in the wrong place: almost always a line indented at the wrong level.
        homes = _homes().get(name, [])
        where = " or ".join(f"'{h}'" for h in homes[:3]) or "another part of the file"
        return f"'{name}' is not a field here; it belongs under {where}: check this line's indentation"
    close = difflib.get_close_matches(name, names if names is not None else sorted(_field_names()), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown field '{name}'{hint}"


def _single_message(error: dict[str, Any], value: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "enum":
        allowed = [v.strip(" '") for v in ctx["expected"].replace(" or ", ", ").split(",")]
        vocabulary = _VOCABULARIES.get(frozenset(allowed), "value")
        return f"'{value}' is not a known {vocabulary}; expected one of: {', '.join(allowed)}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}, found {_describe(value)}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not {_PATTERNS.get(ctx.get('pattern', ''), 'in the expected form')}"
    if kind == "bool_type":
        return f"expected true or false, found {_describe(value)} (only true and false are booleans)"
    if kind in _KINDS:
        return f"expected {_KINDS[kind]}, found {_describe(value)}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        sign = {"greater_than": ">", "greater_than_equal": ">=", "less_than": "<", "less_than_equal": "<="}[kind]
        bound = next(iter(ctx.values()))
        return f"must be {sign} {bound}, found {value!r}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item{'s' if ctx.get('min_length') != 1 else ''}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} allowed"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    if kind == "next_kind":
        return f"expected an id, a list of {{if, goto}} branches, or {{random: [...]}}, found {_describe(value)}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value[:40]}'" if value else "an empty string"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
