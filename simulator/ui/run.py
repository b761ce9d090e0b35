"""Build the window for `uofsim play` and `uofsim replay`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from simulator.engine import MonotonicClock
from simulator.logbook.models import LogRecord, RecordError, SessionStarted, read_record
from simulator.strings import Strings
from simulator.ui.app import App, Clock
from simulator.ui.flow import PlayConfig, PlayFlow
from simulator.ui.library import find_scenario
from simulator.ui.screens.replay import ReplayData, ReplayScreen


def play_app(config: PlayConfig, *, clock: Clock | None = None, size: tuple[int, int] = (1280, 720),
             fullscreen: bool = False, high_contrast: bool = False) -> App:
    holder: dict[str, PlayFlow] = {}

    def first(app: App):
        flow = PlayFlow(app, config)
        holder["flow"] = flow
        return flow.first_screen()

    app = App(first, strings=Strings(config.lang), clock=clock or MonotonicClock(), size=size,
              fullscreen=fullscreen, high_contrast=high_contrast)
    app.flow = holder["flow"]  # type: ignore[attr-defined]
    return app


class ReplayError(Exception):
    """The log cannot be replayed; the message is one line naming the file."""


def load_replay(log_path: Path, strings_lang: str | None = None) -> ReplayData:
    """Read a session log and find its scenario (by id, in the log's folder, then
    the bundled library); a changed scenario file (sha256) means ids only."""
    from simulator.engine import debrief_from_records
    from simulator.logbook.reader import LogReadError, read_log
    from simulator.paths import scenarios_dir

    try:
        log = read_log(log_path)
    except LogReadError as exc:
        raise ReplayError(str(exc)) from None
    if log.started is None:
        raise ReplayError(f"{log_path}: not a session log (no session_started record)")
    records = _checked_records(log_path, log.records)
    started = records[0]
    assert isinstance(started, SessionStarted)  # order_problem puts it first
    info = started.scenario
    lang = strings_lang or started.lang or "en"
    strings = Strings(lang)
    entry = find_scenario(info.id, [log_path.parent, scenarios_dir()]) if info.id else None
    loaded, problem = None, None
    if entry is None or entry.loaded is None:
        problem = strings("replay.missing", id=info.id)
    elif entry.loaded.sha256 != info.sha256:
        problem = strings("replay.mismatch")
    else:
        loaded = entry.loaded
    try:
        debrief = debrief_from_records(records, loaded, lang)
    except (KeyError, IndexError, TypeError, ValueError) as exc:  # a shape the checks above did not foresee
        raise ReplayError(f"{log_path}: cannot be replayed ({type(exc).__name__}: {exc})") from None
    return ReplayData(records=records, debrief=debrief, scenario=loaded, problem=problem,
                      warnings=list(log.warnings), status=log.status, lang=lang)


def _checked_records(log_path: Path, lines: list[dict[str, Any]]) -> list[LogRecord]:
    """The log's records as models. ReplayError (one line, file:line) unless every
    record fits its model (logbook/models.py), numbers are in range, and records
    come in the writer's order: a re-chained log can hold anything, and the window
    must not be the one to find out."""
    from simulator.logbook.checks import number_problem, order_problem

    records: list[LogRecord] = []
    for line, data in enumerate(lines, start=1):
        try:
            records.append(read_record(data))
        except RecordError as exc:
            raise ReplayError(f"{log_path}:{line}: {exc}; cannot replay") from None
        problem = number_problem(data)
        if problem:
            raise ReplayError(f"{log_path}:{line}: {problem}; cannot replay")
    out_of_order = order_problem(lines)
    if out_of_order is not None:
        raise ReplayError(f"{log_path}:{out_of_order[0]}: {out_of_order[1]}; cannot replay")
    return records


def replay_app(log_path: Path, *, clock: Clock | None = None, size: tuple[int, int] = (1280, 720),
               fullscreen: bool = False, high_contrast: bool = False, lang: str | None = None) -> App:
    data = load_replay(log_path, lang)
    return App(lambda app: ReplayScreen(app, data), strings=Strings(data.lang), clock=clock or MonotonicClock(),
               size=size, fullscreen=fullscreen, high_contrast=high_contrast)
