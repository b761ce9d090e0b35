"""The engine: the assess-plan-act session, scoring, debriefs and the branch explorer.

Never imports pygame. The public API is fixed in notes/engine-api.md.
"""

from simulator.engine.clock import Clock, FakeClock, MonotonicClock
from simulator.engine.debrief import Debrief, SituationReport, debrief_from_records
from simulator.engine.scoring import DEFAULT_RUBRIC, Rubric, load_rubric
from simulator.engine.session import (
    Choice,
    Outcome,
    Phase,
    Session,
    SessionSettings,
    SessionStopped,
    open_session_log,
)

__all__ = [
    "DEFAULT_RUBRIC",
    "Choice",
    "Outcome",
    "Clock",
    "Debrief",
    "FakeClock",
    "MonotonicClock",
    "Phase",
    "Rubric",
    "Session",
    "SessionSettings",
    "SessionStopped",
    "SituationReport",
    "debrief_from_records",
    "load_rubric",
    "open_session_log",
]
