"""The answers file of `uofsim run --answers`: a YAML list, one entry per situation
visited, `{situation, assess, plan: [ids], act, seconds}`, optionally ending with
`{follow_up: [ids]}` (cli.md). Parsed with the project's safe YAML parser, so
every error has file:line:col."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, TypeAdapter, ValidationError

from simulator.domain import Behaviour
from simulator.scenario.problems import ScenarioError

if TYPE_CHECKING:
    from simulator.engine.scoring import Rubric
    from simulator.engine.session import Session, SessionSettings
    from simulator.scenario.loader import LoadedScenario

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
    from simulator.scenario.loader import model_field_names, validation_problems
    from simulator.scenario.source import decode, parse, read_limited

    name = str(path)
    raw = read_limited(path, "answers file")  # bounded: a FIFO or /dev/zero cannot exhaust memory
    data, source = parse(decode(raw, name), name)
    if not isinstance(data, list) or not data:
        raise ScenarioError([source.problem((), "expected a non-empty list of answers, one per situation")])
    try:
        parsed = _FILE.validate_python(data)
    except ValidationError as exc:
        raise ScenarioError(validation_problems(exc, data, source, model_field_names(_Entry, _FollowUp))) from None
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


class AnswerError(ValueError):
    """An answer does not fit the session as played. One line, naming the entry."""


# --- fitting the answers to the scenario -------------------------------------------------------


class FileDecider:
    """Feeds an answers file to a headless session, checking each entry against
    the situation actually reached. Its messages use the answers file's own
    words (situation, assess, plan, act, follow_up) and list the real choices."""

    def __init__(self, answers: Answers, path: str) -> None:
        self.answers, self.path, self.next = answers, path, 0

    def decide(self, session: Session) -> Answer:
        reached = session.situation_id
        situation = session.situation
        assert reached is not None and situation is not None
        if self.next >= len(self.answers.entries):
            raise AnswerError(f"{self.path}: the file ends, but the session reached situation '{reached}': "
                              f"add an entry {{situation: {reached}, ...}}")
        answer = self.answers.entries[self.next]
        self.next += 1
        if answer.situation != reached:
            known = session.scenario.situations
            hint = "" if answer.situation in known else \
                f" ('{answer.situation}' is not a situation of this scenario{_close(answer.situation, known)})"
            raise AnswerError(f"{answer.where}: situation '{answer.situation}' but the session reached "
                              f"'{reached}' here{hint}")
        _check_asked(answer, "assess", answer.assess is not None, situation.assess)
        _check_asked(answer, "plan", answer.plan is not None, bool(situation.tactics))
        if answer.assess is not None:
            _check_choice(answer, "assess", answer.assess, [b.value for b in Behaviour], "a behaviour", "behaviours")
        for tactic in answer.plan or []:
            _check_choice(answer, "plan", tactic, [t.id for t in situation.tactics],
                          f"a tactic of '{reached}'", "tactics")
        if answer.act is not None:
            _check_choice(answer, "act", answer.act, [o.id for o in situation.options],
                          f"an option of '{reached}'", "options")
        elif not _times_out(session, answer):
            options = ", ".join(o.id for o in situation.options)
            raise AnswerError(f"{answer.where}: no 'act' for situation '{reached}' and its 'seconds' stay within "
                              f"the time limit (options: {options})")
        return answer

    def follow_up(self, session: Session) -> list[str]:
        # The entry is optional (cli.md): left out, no follow-up is chosen and the session ends normally.
        chosen = self.answers.follow_up or []
        ending = session.ending
        assert ending is not None
        for follow_id in chosen:
            if follow_id not in [f.id for f in ending.follow_up]:
                raise AnswerError(f"{self.answers.follow_up_where}: follow_up '{follow_id}' is not a choice of "
                                  f"ending '{session.ending_id}' "
                                  f"(choices: {', '.join(f.id for f in ending.follow_up)})")
        return chosen

    def finish(self, session: Session) -> None:
        if self.next < len(self.answers.entries):
            extra = self.answers.entries[self.next]
            raise AnswerError(f"{extra.where}: an answer for situation '{extra.situation}' after the session "
                              f"ended at '{session.ending_id}'; remove it and the entries after it")
        if self.answers.follow_up is not None and session.ending is not None and not session.ending.follow_up:
            raise AnswerError(f"{self.answers.follow_up_where}: the ending '{session.ending_id}' has no follow-up "
                              f"step; remove the {{follow_up: [...]}} entry")


def _check_asked(answer: Answer, part: str, given: bool, asked: bool) -> None:
    if asked and not given:
        raise AnswerError(f"{answer.where}: situation '{answer.situation}' asks for '{part}' but the entry has none")
    if given and not asked:
        raise AnswerError(f"{answer.where}: situation '{answer.situation}' does not ask for '{part}'; remove it")


def _check_choice(answer: Answer, part: str, value: str, known: list[str], what: str, plural: str) -> None:
    if value not in known:
        raise AnswerError(f"{answer.where}: {part} '{value}' is not {what} ({plural}: {', '.join(known)})")


def _close(name: str, known: Any) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _times_out(session: Session, answer: Answer) -> bool:
    limit = session.time_limit()
    return limit is not None and answer.seconds > limit


def rehearse(loaded: LoadedScenario, answers: Answers, path: str, settings: SessionSettings, rubric: Rubric) -> None:
    """Play the whole file in memory (no log) with the run's own seed, so a file
    that does not fit the path fails here, before any log exists. Raises AnswerError."""
    from simulator.engine.clock import FakeClock
    from simulator.engine.policies import play_headless

    clock = FakeClock()
    from simulator.engine.session import Session

    session = Session.start(loaded, settings, clock=clock, log=None, rubric=rubric)
    play_headless(session, FileDecider(answers, path), clock)


__all__ = ["Answer", "AnswerError", "Answers", "FileDecider", "load_answers", "rehearse"]
