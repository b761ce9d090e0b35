"""The answers file of `uofsim run --answers`: a YAML list, one entry per situation
visited, `{situation, assess, plan: [ids], act, seconds}`, optionally ending with
`{follow_up: [ids]}` (cli.md). Parsed with the project's safe YAML parser, so
every error has file:line:col."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, TypeAdapter, ValidationError

from simulator.scenario.problems import ScenarioError


MAX_ANSWER_SECONDS = 86_400.0


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class _Entry(_Strict):
    situation: str
    assess: str | None = None
    plan: list[str] | None = None
    act: str | None = None  # may be left out when `seconds` runs past the limit
    # Finite and at most a day: an inf or absurd simulated time is a typo, not an answer.
    seconds: float = Field(1.0, ge=0, le=MAX_ANSWER_SECONDS, allow_inf_nan=False)


class _FollowUp(_Strict):
    follow_up: list[str]


def _kind(value: Any) -> str:
    # Capitalised tags: the loader's error mapper skips them as union labels.
    return "FollowUp" if isinstance(value, dict) and "follow_up" in value else "Entry"


_FILE = TypeAdapter(
    list[Annotated[Annotated[_Entry, Tag("Entry")] | Annotated[_FollowUp, Tag("FollowUp")], Discriminator(_kind)]]
)


@dataclass(frozen=True)
class Answer:
    situation: str
    assess: str | None
    plan: list[str] | None
    act: str | None
    seconds: float
    where: str  # path:line:col of the entry, for error messages


@dataclass(frozen=True)
class Answers:
    entries: list[Answer]
    follow_up: list[str] | None
    follow_up_where: str | None


def load_answers(path: str | Path) -> Answers:
    from simulator.scenario.loader import validation_problems
    from simulator.scenario.source import decode, parse, read_limited

    name = str(path)
    raw = read_limited(path, "answers file")  # bounded: a FIFO or /dev/zero cannot exhaust memory
    data, source = parse(decode(raw, name), name)
    if not isinstance(data, list) or not data:
        raise ScenarioError([source.problem((), "expected a non-empty list of answers, one per situation")])
    try:
        parsed = _FILE.validate_python(data)
    except ValidationError as exc:
        raise ScenarioError(validation_problems(exc, data, source)) from None
    entries: list[Answer] = []
    follow_up: list[str] | None = None
    follow_up_where: str | None = None
    for i, item in enumerate(parsed):
        if follow_up is not None:
            raise ScenarioError([source.problem((i,), "nothing may follow the {follow_up: [...]} entry")])
        where = _where(source.value((i,)), name)
        if isinstance(item, _FollowUp):
            follow_up, follow_up_where = item.follow_up, where
        else:
            entries.append(Answer(item.situation, item.assess, item.plan, item.act, item.seconds, where))
    return Answers(entries, follow_up, follow_up_where)


def _where(position: tuple[int | None, int | None], path: str) -> str:
    line, col = position
    return path if line is None else f"{path}:{line}:{col}"


__all__ = ["Answer", "Answers", "load_answers"]


class AnswerError(ValueError):
    """An answer does not fit the session as played. One line, naming the entry."""
