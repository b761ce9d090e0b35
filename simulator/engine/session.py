"""One trainee's run through a scenario: the assess-plan-act loop as a state machine.

The phases are a `transitions.Machine` (auto_transitions=False) whose triggers
are named here in code; nothing in a scenario file can name a trigger. Time
limits are not machine states: `tick()` compares the injected clock with the
situation's decision window. Every event is written to the session log as it
happens, and the debrief is rebuilt from those same records.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

from transitions import Machine

from simulator import __version__
from simulator.domain import Behaviour, Force, outcome_reportable
from simulator.engine.clock import Clock
from simulator.engine.debrief import Debrief, debrief_from_records
from simulator.engine.feedback import behaviour_label
from simulator.engine.scoring import (
    Rubric,
    SituationScore,
    appraise,
    assess_score,
    passed,
    percent,
    rated_score,
    rubric_for,
    score_act,
    score_freeze,
    score_wait,
    session_competencies,
    session_score,
)
from simulator.logbook import models as logged
from simulator.logbook.ids import new_session_id
from simulator.logbook.writer import LogWriteError, SessionLogWriter
from simulator.scenario.loader import LoadedScenario
from simulator.scenario.model import Ending, Scenario, Situation, Text
from simulator.scenario.statespace import MAX_STEPS, choose, resolve

LOG_FORMAT = 1


class Phase(StrEnum):
    BRIEFING = "briefing"
    ASSESS = "assess"
    PLAN = "plan"
    ACT = "act"
    ENDING = "ending"
    FOLLOW_UP = "follow_up"
    DEBRIEF = "debrief"
    ABORTED = "aborted"


DECISION_PHASES = (Phase.ASSESS, Phase.PLAN, Phase.ACT)
_LIVE = [Phase.BRIEFING, Phase.ASSESS, Phase.PLAN, Phase.ACT, Phase.ENDING, Phase.FOLLOW_UP]

# Every legal phase change, by trigger name. Only these can happen.
TRANSITIONS: list[dict[str, Any]] = [
    {"trigger": "enter_assess", "source": [Phase.BRIEFING, *DECISION_PHASES], "dest": Phase.ASSESS},
    {"trigger": "enter_plan", "source": [Phase.BRIEFING, *DECISION_PHASES], "dest": Phase.PLAN},
    {"trigger": "enter_act", "source": [Phase.BRIEFING, *DECISION_PHASES], "dest": Phase.ACT},
    {"trigger": "reach_ending", "source": [Phase.BRIEFING, *DECISION_PHASES], "dest": Phase.ENDING},
    {"trigger": "ask_follow_up", "source": Phase.ENDING, "dest": Phase.FOLLOW_UP},
    {"trigger": "finish", "source": [Phase.ENDING, Phase.FOLLOW_UP], "dest": Phase.DEBRIEF},
    {"trigger": "stop", "source": _LIVE, "dest": Phase.ABORTED},
]


class SessionStopped(Exception):
    """The session log could not be written, so the session stopped (phase ABORTED)."""


@dataclass(frozen=True)
class Outcome:
    """What one input led to, so the window never reads the log to find out."""

    timed_out: bool = False  # the decision window had run out: the timeout was taken instead
    waited: bool = False  # ... and the author counts running out as a deliberate wait
    action: logged.Action | None = None  # the act recorded, as written to the log
    entered: str | None = None  # the situation that began
    ending: str | None = None  # the ending reached
    finished: bool = False  # the session ended (debrief)

    @property
    def new_visit(self) -> bool:
        """The screen moves on to another situation, an ending, or past a timeout."""
        return self.timed_out or self.entered is not None or self.ending is not None

    def __bool__(self) -> bool:  # `if session.tick():` reads "if time ran out"
        return self.timed_out

    @classmethod
    def of(cls, records: Iterable[logged.LogRecord]) -> Outcome:
        timeout = action = entered = ending = None
        finished = False
        for record in records:
            if isinstance(record, logged.Timeout):
                timeout = record
            elif isinstance(record, logged.Action):
                action = record
            elif isinstance(record, logged.SituationEntered):
                entered = record.situation
            elif isinstance(record, logged.EndingReached):
                ending = record.ending
            elif isinstance(record, logged.SessionEnded):
                finished = True
        return cls(
            timed_out=timeout is not None,
            waited=bool(timeout and timeout.wait),
            action=action,
            entered=entered,
            ending=ending,
            finished=finished,
        )


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    key: int  # 1..9


@dataclass(frozen=True)
class SessionSettings:
    trainee: str
    seed: int | None = None
    lang: str = "en"
    time_scale: float = 1.0
    mode: str = "window"
    workstation: str = field(default_factory=socket.gethostname)
    feedback: str = "debrief"  # issue 13: "immediate" coaches after every act; logged
    cohort: str | None = None  # issue 14: logged in session_started only when given

    def __post_init__(self) -> None:
        if not self.time_scale > 0:
            raise ValueError("time_scale must be above 0")
        if self.mode not in ("window", "headless"):
            raise ValueError("mode must be 'window' or 'headless'")
        if self.feedback not in ("immediate", "debrief"):
            raise ValueError("feedback must be 'immediate' or 'debrief'")


class _Phases:
    """The model `transitions` drives; kept apart so triggers never clash with Session's API.

    The Machine adds one method per trigger in TRANSITIONS; they are declared
    here so readers (and type checkers) can see them.
    """

    state: Phase
    enter_assess: Callable[[], bool]
    enter_plan: Callable[[], bool]
    enter_act: Callable[[], bool]
    reach_ending: Callable[[], bool]
    ask_follow_up: Callable[[], bool]
    finish: Callable[[], bool]
    stop: Callable[[], bool]


@dataclass
class _Visit:
    """The situation in progress."""

    situation_id: str
    situation: Situation
    window_start: float
    first_step: bool = True
    steps: int = 0  # decision steps entered in this visit so far
    step_started: float = 0.0
    shown_at: float | None = None
    assess_score: float | None = None
    picked: list[str] = field(default_factory=list)


def utc_now() -> datetime:
    """The wall-clock start of a session (`started_at`); the one place the engine reads the date."""
    return datetime.now(timezone.utc)


def open_session_log(log_dir: Path, settings: SessionSettings, clock: Clock,
                     key: bytes | None = None) -> SessionLogWriter:
    """A new log for a session starting now: `t` in its records counts from this call."""
    origin = clock.now()
    return SessionLogWriter.create(
        log_dir, new_session_id(settings.trainee), clock=lambda: clock.now() - origin, key=key
    )


class Session:
    def __init__(
        self,
        loaded: LoadedScenario,
        settings: SessionSettings,
        clock: Clock,
        log: SessionLogWriter | None,
        rubric: Rubric,
    ) -> None:
        self.loaded = loaded
        self.scenario: Scenario = loaded.scenario
        self.settings = settings
        self.clock = clock
        self.log = log
        self.rubric = rubric
        self.seed = settings.seed if settings.seed is not None else random.SystemRandom().randrange(2**32)
        self.rng = random.Random(self.seed)
        self.session_id = log.path.stem if log is not None else new_session_id(settings.trainee)
        self.variables: dict[str, int] = dict(self.scenario.variables)
        self.situation_id: str | None = None
        self.last_situation_id: str | None = None  # kept once an ending is reached (e.g. for a live preview)
        self.ending_id: str | None = None
        self.records: list[logged.LogRecord] = []
        self._origin = clock.now()
        self._visit: _Visit | None = None
        self._totals: list[float] = []
        self._competencies: list[dict[str, float | None]] = []
        self._levels_used: list[int] = []
        self._any_reportable = False
        self._critical_errors: list[dict[str, str]] = []
        self._follow_up_started = 0.0
        self._follow_up_shown: float | None = None
        self._paused_at: float | None = None
        self._phases = _Phases()
        Machine(
            model=self._phases,
            states=Phase,
            transitions=TRANSITIONS,
            initial=Phase.BRIEFING,
            auto_transitions=False,
        )

    # --- starting --------------------------------------------------------------------
    @classmethod
    def start(
        cls,
        loaded: LoadedScenario,
        settings: SessionSettings,
        *,
        clock: Clock,
        log: SessionLogWriter | None,
        rubric: Rubric | None = None,
    ) -> Session:
        """A new session in BRIEFING, its session_started record written."""
        session = cls(loaded, settings, clock, log, rubric or rubric_for(loaded))
        s = session.scenario
        session._write(logged.SessionStarted(
            format=LOG_FORMAT,
            session_id=session.session_id,
            trainee=settings.trainee,
            workstation=settings.workstation,
            app_version=__version__,
            started_at=utc_now().isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            seed=session.seed,
            lang=settings.lang,
            scenario=logged.ScenarioInfo(
                id=s.id, version=s.version, title=s.title.get("en"), difficulty=s.difficulty, sha256=loaded.sha256
            ),
            rubric=logged.RubricInfo(**session.rubric.identity()),
            mode=settings.mode,
            time_scale=settings.time_scale,
            feedback=settings.feedback,
            cohort=settings.cohort or None,
        ))
        return session

    # --- what the UI shows ---------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self._phases.state

    @property
    def situation(self) -> Situation | None:
        return self.scenario.situations[self.situation_id] if self.situation_id else None

    @property
    def ending(self) -> Ending | None:
        return self.scenario.endings[self.ending_id] if self.ending_id else None

    def text(self, t: Text | None) -> str:
        return t.get(self.settings.lang) if t is not None else ""

    def choices(self) -> list[Choice]:
        phase, lang = self.phase, self.settings.lang
        if phase is Phase.ASSESS:
            pairs = [(b.value, behaviour_label(b, lang)) for b in Behaviour]
        elif phase is Phase.PLAN and self.situation:
            pairs = [(t.id, self.text(t.label)) for t in self.situation.tactics]
        elif phase is Phase.ACT and self.situation:
            pairs = [(o.id, self.text(o.label)) for o in self.situation.options]
        elif phase is Phase.FOLLOW_UP and self.ending:
            pairs = [(f.id, self.text(f.label)) for f in self.ending.follow_up]
        else:
            pairs = []
        return [Choice(id=i, label=label, key=n) for n, (i, label) in enumerate(pairs, start=1)]

    def time_limit(self) -> float | None:
        situation = self.situation
        if situation is None or situation.time_limit_s is None or self.phase not in DECISION_PHASES:
            return None
        return situation.time_limit_s * self.settings.time_scale

    def time_left(self) -> float | None:
        limit = self.time_limit()
        if limit is None or self._visit is None:
            return None
        now = self._paused_at if self._paused_at is not None else self.clock.now()
        return max(0.0, limit - (now - self._visit.window_start))

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def debrief(self) -> Debrief:
        return debrief_from_records(self.records, self.loaded, self.settings.lang)

    # --- inputs --------------------------------------------------------------------------
    def begin(self, at_situation: str | None = None) -> Outcome:
        """Leave the briefing for the start (or, for an author's preview, `at_situation`)."""
        self._require(Phase.BRIEFING)
        if at_situation is not None and at_situation not in self.scenario.situations:
            raise ValueError(f"unknown situation {at_situation!r}")
        return self._outcome(lambda: self._enter(at_situation or self.scenario.start))

    def shown(self, at: float | None = None) -> None:
        at = self._at(at)
        if self.phase is Phase.FOLLOW_UP and self._follow_up_shown is None:
            self._follow_up_shown = at
        visit = self._visit
        if self.phase in DECISION_PHASES and visit is not None and visit.shown_at is None:
            visit.shown_at = at
            if visit.first_step:  # the window opens when the first choices appear
                visit.window_start = at

    def assess(self, behaviour: Behaviour | str, at: float | None = None) -> Outcome:
        self._require(Phase.ASSESS)
        try:
            chosen = Behaviour(behaviour)
        except ValueError:
            raise ValueError(f"unknown behaviour {behaviour!r}") from None
        at = self._at(at)
        return self._outcome(lambda: self._assess(chosen, at))

    def plan(self, tactic_ids: Iterable[str], at: float | None = None) -> Outcome:
        self._require(Phase.PLAN)
        chosen = _unique_ids(tactic_ids, [t.id for t in self._current().tactics], "tactic")
        at = self._at(at)
        return self._outcome(lambda: self._plan(chosen, at))

    def act(self, option_id: str, at: float | None = None) -> Outcome:
        self._require(Phase.ACT)
        situation = self._current()
        try:
            situation.option(option_id)
        except KeyError:
            raise ValueError(f"unknown option {option_id!r} in situation '{self.situation_id}'") from None
        at = self._at(at)
        return self._outcome(lambda: self._act(option_id, at))

    def tick(self, now: float | None = None) -> Outcome:
        """Take the timeout if the decision window has run out (the outcome is then true)."""
        if self.paused or self.phase not in DECISION_PHASES or not self._expired(self._at(now)):
            return Outcome()
        return self._outcome(self._timeout)

    def proceed(self) -> Outcome:
        return self._outcome(self._proceed)

    def _proceed(self) -> None:
        self._require(Phase.ENDING)
        ending = self.ending
        assert ending is not None
        if ending.follow_up:
            self._phases.ask_follow_up()
            self._follow_up_started = self.clock.now()
            self._follow_up_shown = None
        else:
            self._finish(None)

    def follow_up(self, ids: Iterable[str], at: float | None = None) -> Outcome:
        return self._outcome(lambda: self._follow_up(ids, at))

    def _follow_up(self, ids: Iterable[str], at: float | None) -> None:
        self._require(Phase.FOLLOW_UP)
        ending = self.ending
        assert ending is not None
        chosen = _unique_ids(ids, [f.id for f in ending.follow_up], "follow-up")
        at = self._at(at)
        score = rated_score(self.rubric, [(f.id, f.rating) for f in ending.follow_up], chosen)
        started = self._follow_up_shown if self._follow_up_shown is not None else self._follow_up_started
        self._write(logged.FollowUp(chosen=chosen, score=score, decision_s=_seconds(at - started)))
        self._finish(percent(score))

    def pause(self, at: float | None = None) -> None:
        """Stop the decision clock (the pause menu). Time paused never counts
        against the trainee; the log keeps a `paused` record for the audit."""
        if self.paused or self.phase not in _LIVE:
            return
        self._paused_at = self._at(at)
        self._write(logged.Paused(situation=self.situation_id, phase=self.phase.value))

    def resume(self, at: float | None = None) -> None:
        """Restart the clock where it stopped: every open timer moves on by the pause."""
        if self._paused_at is None:
            return
        gap = max(0.0, self._at(at) - self._paused_at)
        self._paused_at = None
        visit = self._visit
        if visit is not None:
            visit.window_start += gap
            visit.step_started += gap
            if visit.shown_at is not None:
                visit.shown_at += gap
        self._follow_up_started += gap
        if self._follow_up_shown is not None:
            self._follow_up_shown += gap
        if self.phase in _LIVE:
            self._write(logged.Resumed(situation=self.situation_id, phase=self.phase.value, paused_s=_seconds(gap)))

    def abort(self, reason: str) -> None:
        """Stop the session (quit, window_closed, error...). A finished session is left as it is."""
        if self.phase in (Phase.DEBRIEF, Phase.ABORTED):
            return
        try:
            self._write(logged.SessionAborted(reason=reason))
        except SessionStopped:
            return
        self._phases.stop()

    # --- the loop ----------------------------------------------------------------------------
    def _enter(self, node_id: str) -> None:
        if self.scenario.is_ending(node_id):
            self._reach(node_id)
            return
        if len(self._totals) >= MAX_STEPS:  # lint refuses such scenarios; this is the backstop
            self.abort("step_cap")
            return
        situation = self.scenario.situations[node_id]
        self.situation_id = self.last_situation_id = node_id
        self._write(logged.SituationEntered(
            situation=node_id,
            behaviour=situation.subject.behaviour,
            time_limit_s=None if situation.time_limit_s is None else situation.time_limit_s * self.settings.time_scale,
        ))
        now = self.clock.now()
        self._visit = _Visit(node_id, situation, window_start=now)
        if situation.assess:
            self._step(Phase.ASSESS)
        elif situation.tactics:
            self._step(Phase.PLAN)
        else:
            self._step(Phase.ACT)

    def _step(self, phase: Phase) -> None:
        visit = self._visit
        assert visit is not None
        # Only this visit's own earlier steps count: the phase may still be the
        # previous situation's ACT, yet the new window must open when shown.
        if visit.steps:
            visit.first_step = False
        visit.steps += 1
        {Phase.ASSESS: self._phases.enter_assess, Phase.PLAN: self._phases.enter_plan,
         Phase.ACT: self._phases.enter_act}[phase]()
        visit.step_started = self.clock.now()
        visit.shown_at = None

    def _assess(self, chosen: Behaviour, at: float) -> None:
        if self._late(at):
            return
        situation, visit = self._current(), self._visit
        assert visit is not None
        expected = situation.subject.behaviour
        readings = situation.subject.acceptable_readings
        score = assess_score(self.rubric, chosen, readings)
        visit.assess_score = score
        self._write(logged.Assessment(
            situation=visit.situation_id,
            chosen=chosen,
            expected=expected,
            score=score,
            decision_s=self._decision_s(at),
            accepted=list(readings) if len(readings) > 1 else None,
        ))
        self._step(Phase.PLAN if situation.tactics else Phase.ACT)

    def _plan(self, chosen: list[str], at: float) -> None:
        if self._late(at):
            return
        situation, visit = self._current(), self._visit
        assert visit is not None
        score = rated_score(self.rubric, [(t.id, t.rating) for t in situation.tactics], chosen)
        visit.picked = chosen
        self._write(logged.Plan(situation=visit.situation_id, chosen=chosen, score=score,
                                 decision_s=self._decision_s(at)))
        self._step(Phase.ACT)

    def _act(self, option_id: str, at: float) -> None:
        if self._late(at):
            return
        situation, visit = self._current(), self._visit
        assert visit is not None
        option = situation.option(option_id)
        appraisal = appraise(self.rubric, situation, option)
        judgement, errors = appraisal.judgement, appraisal.errors
        band = situation.force_range
        self._write(logged.Action(
            situation=visit.situation_id,
            option=option.id,
            force=list(option.force),
            level=judgement.level,
            range=logged.ForceBand(min=band.min, max=band.max),
            verdict=judgement.verdict,
            severity=judgement.severity,
            critical=errors.critical,
            reportable=appraisal.reportable,
            decision_s=self._decision_s(at),
            firearm=(option.firearm or "discharge") if Force.LETHAL_FORCE in option.force else None,
            reasons=[r.value for r in errors.reasons],
        ))
        if errors.critical:
            self._critical_errors.append(
                {"situation": visit.situation_id, "option": option.id, "reason": str(errors.primary)}
            )
        self._levels_used.append(judgement.level)
        self._any_reportable = self._any_reportable or appraisal.reportable
        self._apply(option.effects)
        self._score(score_act(self.rubric, situation, visit.assess_score, visit.picked, option, appraisal))
        self._enter(choose(resolve(option.next, self.variables), self.rng))

    def _timeout(self) -> None:
        situation, visit = self._current(), self._visit
        assert visit is not None and situation.timeout is not None  # lint: time_limit_s requires timeout
        wait = situation.wait
        self._write(logged.Timeout(situation=visit.situation_id, phase=self.phase.value, wait=True if wait else None))
        if wait is not None:
            self._apply(wait.effects)
            self._score(score_wait(self.rubric, situation, visit.assess_score, visit.picked))
        else:
            self._score(score_freeze(self.rubric, situation))
        self._enter(choose(resolve(situation.timeout, self.variables), self.rng))

    def _apply(self, effects: dict[str, int]) -> None:
        for name, delta in effects.items():
            self.variables[name] = self.variables.get(name, 0) + delta

    def _score(self, scored: SituationScore) -> None:
        self._totals.append(scored.total)
        self._competencies.append(scored.competencies)
        visit = self._visit
        assert visit is not None
        scores = logged.Scores(**scored.parts, total=scored.total)
        self._write(logged.SituationScored(situation=visit.situation_id, scores=scores,
                                           competencies=scored.competencies))

    def _reach(self, ending_id: str) -> None:
        ending = self.scenario.endings[ending_id]
        self.situation_id, self._visit, self.ending_id = None, None, ending_id
        self._write(logged.EndingReached(
            ending=ending_id,
            result=ending.result.value,
            injuries=[i.value for i in ending.injuries],
            fatal=ending.fatal,
            reportable=outcome_reportable(self._levels_used, self._any_reportable, ending.injuries),
        ))
        self._phases.reach_ending()

    def _finish(self, community: float | None) -> None:
        score = session_score(self._totals)
        self._write(logged.SessionEnded(
            score=score,
            passed=passed(self.rubric, score, self._critical_errors),
            critical_errors=[logged.CriticalError(**e) for e in self._critical_errors],
            community=community,
            situations=len(self._totals),
            competencies=session_competencies(self._competencies, community),
        ))
        self._phases.finish()

    # --- helpers -------------------------------------------------------------------------------
    def _outcome(self, step: Callable[[], None]) -> Outcome:
        mark = len(self.records)
        step()
        return Outcome.of(self.records[mark:])

    def _current(self) -> Situation:
        situation = self.situation
        if situation is None:
            raise ValueError("no situation in progress")
        return situation

    def _require(self, *phases: Phase) -> None:
        if self.paused:
            raise ValueError("the session is paused; resume it first")
        if self.phase not in phases:
            wanted = " or ".join(p.value for p in phases)
            raise ValueError(f"this input needs phase {wanted}; the session is in {self.phase.value}")

    def _at(self, at: float | None) -> float:
        return self.clock.now() if at is None else float(at)

    def _expired(self, at: float) -> bool:
        limit = self.time_limit()
        # A nanosecond of slack so simulated times that add up to exactly the limit stay inside it.
        return limit is not None and self._visit is not None and at - self._visit.window_start > limit + 1e-9

    def _late(self, at: float) -> bool:
        """An input that arrived after the window closed: the timeout is taken instead."""
        if self._expired(at):
            self._timeout()
            return True
        return False

    def _decision_s(self, at: float) -> float:
        visit = self._visit
        assert visit is not None
        start = visit.shown_at if visit.shown_at is not None else visit.step_started
        return _seconds(at - start)

    def _write(self, record: logged.LogRecord) -> None:
        if self.log is None:
            t = round(max(0.0, self.clock.now() - self._origin), 3)
            self.records.append(record.stamped(len(self.records), t))
            return
        try:
            self.records.append(self.log.write(record))
        except LogWriteError as exc:
            if self.phase is not Phase.ABORTED:
                self._phases.stop()
            raise SessionStopped(str(exc)) from exc


def _seconds(value: float) -> float:
    return round(max(0.0, value), 3)


def _unique_ids(ids: Iterable[str], known: list[str], what: str) -> list[str]:
    if isinstance(ids, str):
        raise ValueError(f"expected a list of {what} ids, not one string")
    chosen: list[str] = []
    for choice_id in ids:
        if choice_id not in known:
            raise ValueError(f"unknown {what} {choice_id!r}")
        if choice_id not in chosen:
            chosen.append(choice_id)
    return chosen
