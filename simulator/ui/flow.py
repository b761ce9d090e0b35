"""The play flow: which screen follows which, and the session in progress.

Screens call the flow; the flow drives the engine through its public API and
then shows the screen for the session's new phase. It is also the App's guard:
told when the window closes or crashes, it aborts the session with a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.engine import Outcome, Phase, Session, SessionSettings, open_session_log
from simulator.scenario import LoadedScenario
from simulator.ui.library import LibraryEntry, library_order, load_entry, scan_library, trainee_progress

if TYPE_CHECKING:
    from simulator.logbook import models
    from simulator.ui.app import App
    from simulator.ui.screens.base import Screen


@dataclass
class PlayConfig:
    """What `uofsim play` was asked for (already validated)."""

    library_dir: Path | None       # the library shown, or None when a single file was given
    scenario: LoadedScenario | None  # the single file given
    trainee: str | None
    log_dir: Path
    log_key: bytes | None = None
    lang: str = "en"
    seed: int | None = None
    time_scale: float = 1.0
    feedback: str | None = None      # "immediate" | "debrief"; None: debrief, and the library may change it
    start_at: str | None = None      # --from: an author's preview opens at this situation
    watch: bool = False              # --watch: reload the file on every save (an author's preview)
    watch_path: Path | None = None   # the watched file (set even when it did not load)
    watch_problems: list[str] = field(default_factory=list)  # its errors, when it did not load
    cohort: str | None = None
    on_log_closed: Callable[[Path], None] | None = None  # play --db: store the session as it ends


class PlayFlow:
    def __init__(self, app: App, config: PlayConfig) -> None:
        self.app = app
        self.config = config
        self.trainee = config.trainee
        self.session: Session | None = None
        self.current_entry: LibraryEntry | None = None
        self.notice: str | None = None   # shown once on the next screen (e.g. a timeout)
        self.sessions_played: list[Path] = []
        self.feedback = config.feedback or "debrief"
        self.watcher = None
        watched = config.scenario.path if config.scenario is not None else config.watch_path
        if config.watch and watched is not None:
            from simulator.ui.preview import Watcher

            self.watcher = Watcher(self, watched, start_at=config.start_at, problems=config.watch_problems)
            app.pollers.append(self.watcher.poll)
        app.guard = self

    @property
    def library_dir(self) -> Path | None:
        return self.config.library_dir

    @property
    def has_library(self) -> bool:
        return self.config.library_dir is not None

    # --- screens before a session -----------------------------------------------------

    def first_screen(self) -> Screen:
        if self.trainee is None:
            return self._signin()
        return self._after_signin()

    def signed_in(self, trainee: str) -> None:
        self.trainee = trainee
        self.app.show(self._after_signin())

    def change_trainee(self) -> None:
        self.app.show(self._signin())

    def _signin(self) -> Screen:
        from simulator.ui.screens.signin import SignInScreen

        return SignInScreen(self, self.trainee or "")

    def _after_signin(self) -> Screen:
        if self.watcher is not None and self.watcher.problems:
            from simulator.ui.screens.preview import PreviewErrorScreen

            return PreviewErrorScreen(self, self.watcher.problems)
        if self.config.scenario is not None:
            entry = LibraryEntry(self.config.scenario.path, self.config.scenario, None)
            return self._start(entry)
        return self.library_screen()

    def library_screen(self) -> Screen:
        from simulator.ui.screens.library import LibraryScreen

        assert self.config.library_dir is not None
        named = {key.removeprefix("call.") for key in self.app.strings.keys() if key.startswith("call.")}
        entries = library_order(scan_library(self.config.library_dir), named)
        progress = trainee_progress(self.config.log_dir, self.trainee) if self.trainee else {}
        return LibraryScreen(self, entries, progress, named)

    def open_entry(self, entry: LibraryEntry) -> None:
        # Re-read the file: an instructor may have edited it since the library was listed.
        fresh = load_entry(entry.path)
        if fresh.loaded is None:
            self.app.show(self.library_screen())
            return
        self.app.show(self._start(fresh))

    # --- the session ----------------------------------------------------------------------

    def toggle_feedback(self) -> None:
        """The library's choice for the next sessions: coaching after every act, or only at the debrief."""
        self.feedback = "debrief" if self.feedback == "immediate" else "immediate"

    def start_preview(self, entry: LibraryEntry, at_situation: str) -> Screen:
        """A fresh session of a reloaded file, opened at the author's position."""
        return self._start(entry, at_situation)

    def _start(self, entry: LibraryEntry, at_situation: str | None = None) -> Screen:
        assert entry.loaded is not None and self.trainee is not None
        settings = SessionSettings(
            trainee=self.trainee, seed=self.config.seed, lang=self.config.lang,
            time_scale=self.config.time_scale, mode="window", feedback=self.feedback, cohort=self.config.cohort,
        )
        clock = self.app.clock
        log = open_session_log(self.config.log_dir, settings, clock, self.config.log_key)
        self.current_entry = entry
        self.session = Session.start(entry.loaded, settings, clock=clock, log=log)
        self.sessions_played.append(log.path)
        at_situation = at_situation or self.config.start_at
        if at_situation is not None:  # an author's preview skips the briefing
            self.session.begin(at_situation)
        return self.screen_for_phase(new_visit=True)

    def changed(self, new_visit: bool = False) -> None:
        """After an input reached the engine: show the screen for the new phase."""
        self.app.show(self.screen_for_phase(new_visit))

    def screen_for_phase(self, new_visit: bool) -> Screen:
        """The screen each phase shows (PHASE_SCREENS); a new screen is one more row there."""
        session = self.session
        assert session is not None
        make = PHASE_SCREENS.get(session.phase)
        if make is None:  # aborted: the session is over
            self._close_log()
            return self.after_session()
        return make(self, session, new_visit)

    # --- one builder per phase ---------------------------------------------------------------

    def _briefing(self, session: Session, new_visit: bool) -> Screen:
        from simulator.ui.screens.briefing import BriefingScreen

        return BriefingScreen(self, session)

    def _situation(self, session: Session, new_visit: bool) -> Screen:
        from simulator.ui.screens.situation import SituationScreen

        current = getattr(self.app, "screen", None)  # none yet when --from opens the first screen
        if not new_visit and isinstance(current, SituationScreen) and current.session is session:
            current.step_changed()
            return current
        return SituationScreen(self, session, notice=self._take_notice())

    def _ending(self, session: Session, new_visit: bool) -> Screen:
        from simulator.ui.screens.ending import EndingScreen

        return EndingScreen(self, session, notice=self._take_notice())

    def _follow_up(self, session: Session, new_visit: bool) -> Screen:
        from simulator.ui.screens.follow_up import FollowUpScreen

        return FollowUpScreen(self, session)

    def _debrief(self, session: Session, new_visit: bool) -> Screen:
        from simulator.ui.screens.debrief import DebriefScreen

        self._close_log()
        lessons = [session.text(lesson) for lesson in session.scenario.key_lessons]
        return DebriefScreen(self, session.debrief, log_path=self._log_path(), lessons=lessons)

    def send(self, engine_call: Callable[[], Outcome]) -> None:
        """Run one engine input, then show the screen for where it led.

        A late input (after the window ran out) makes the engine take the
        timeout instead; the outcome says so, and the next screen tells the trainee.
        """
        session = self.session
        assert session is not None
        outcome = engine_call()
        if outcome.timed_out:
            self.notice = self.app.strings("situation.timed_out")
        if outcome.action is not None and session.settings.feedback == "immediate":
            self.app.show(self._coach(session, outcome.action, lambda: self.changed(new_visit=outcome.new_visit)))
            return
        self.changed(new_visit=outcome.new_visit)

    def _coach(self, session: Session, action: models.Action, then: Callable[[], None]) -> Screen:
        """The feedback screen for the act just recorded (its report rebuilt from the log records)."""
        from simulator.ui.screens.coach import CoachScreen

        report = next(r for r in reversed(session.debrief.situations)
                      if r.situation == action.situation and r.option == action.option)
        situation = session.scenario.situations.get(action.situation)
        option = next((o for o in situation.options if o.id == action.option), None) if situation else None
        return CoachScreen(self, session, report, option, then)

    def timed_out(self) -> None:
        self.notice = self.app.strings("situation.timed_out")
        self.changed(new_visit=True)

    def _take_notice(self) -> str | None:
        notice, self.notice = self.notice, None
        return notice

    def abort(self, reason: str) -> None:
        """Stop the session in progress (quit, window_closed, error); a finished one is left alone."""
        session = self.session
        if session is not None and session.phase not in (Phase.DEBRIEF, Phase.ABORTED):
            session.abort(reason)
        self._close_log()

    def quit_session(self) -> None:
        self.abort("quit")
        self.app.show(self.after_session())

    def after_session(self) -> Screen:
        """Where a finished or abandoned session leads: the library, or the end of the program."""
        if self.has_library:
            return self.library_screen()
        self.app.quit()
        return self.app.screen

    def play_again(self) -> None:
        if self.current_entry is not None:
            self.open_entry(self.current_entry)

    def leave_debrief(self) -> None:
        self.app.show(self.after_session())

    def _close_log(self) -> None:
        if self.session is not None and self.session.log is not None and not self.session.log.closed:
            self.session.log.close()
            if self.config.on_log_closed is not None:
                self.config.on_log_closed(self.session.log.path)

    def _log_path(self) -> Path | None:
        return self.session.log.path if self.session is not None and self.session.log is not None else None


# Which screen each phase of a session shows. Screens import pygame, so each builder
# imports its own lazily; the table itself is plain data.
PHASE_SCREENS: dict[Phase, Callable[[PlayFlow, Session, bool], Screen]] = {
    Phase.BRIEFING: PlayFlow._briefing,
    Phase.ASSESS: PlayFlow._situation,
    Phase.PLAN: PlayFlow._situation,
    Phase.ACT: PlayFlow._situation,
    Phase.ENDING: PlayFlow._ending,
    Phase.FOLLOW_UP: PlayFlow._follow_up,
    Phase.DEBRIEF: PlayFlow._debrief,
}
