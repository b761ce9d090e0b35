"""Session logs written deterministically, to pin the writer's bytes.

`write_golden_logs(folder)` plays a fixed set of headless sessions with fixed
ids, dates, seeds, clocks and keys. The corpus in tests/fixtures/logs-golden was
made by it before the records became typed models (issue 11); tests/test_log_models.py
writes it again and compares byte for byte.

Regenerate (only when the format is meant to change): python -m support.golden
from the tests/ folder.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from simulator.engine import FakeClock, Session, SessionSettings
from simulator.engine import session as session_module
from simulator.engine.answers import FileDecider, load_answers
from simulator.engine.explore import StateGraph
from simulator.engine.policies import ExtremePolicy, RandomPolicy, play_headless
from simulator.engine.scoring import rubric_for
from simulator.logbook import SessionLogWriter
from simulator.scenario import load_file

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "logs-golden"
KEY = b"golden-academy-key"
STARTED = datetime(2026, 11, 30, 8, 0, 0, 123000, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Play:
    scenario: str
    policy: str  # best | worst | random | pause-abort | an answers file under tests/answers
    seed: int = 7
    keyed: bool = False
    lang: str = "en"
    feedback: str = "debrief"
    cohort: str | None = None
    time_scale: float = 1.0


# Chosen to write every record type and every optional key, present and absent
# (tests/test_log_models.py checks that they do).
PLAYS = (
    Play("phone-not-gun", "best"),
    Play("phone-not-gun", "worst", keyed=True),
    Play("phone-not-gun", "random", seed=3, lang="fr", feedback="immediate"),
    Play("suicidal-bridge", "best", cohort="2026-fall"),
    Play("suicidal-bridge", "worst", time_scale=1.5),
    Play("barricaded-residence", "best", keyed=True),
    Play("barricaded-residence", "random", seed=11),
    Play("assault-parking-lot", "worst"),
    Play("care-after-restraint", "best"),
    Play("hypoglycaemia-mistaken", "best"),
    Play("elderly-dementia", "random", seed=5),
    Play("vehicle-as-weapon", "worst"),
    Play("phone-not-gun", "pause-abort", keyed=True),
    Play("barricaded-residence", "barricaded-residence/pass-covers-door-then-waits.yaml"),
)
ANSWERS = Path(__file__).resolve().parents[1] / "answers"


@contextlib.contextmanager
def fixed_date() -> Iterator[None]:
    """Freeze what a session reads from outside: the date and the app version."""
    real = session_module.utc_now, session_module.__version__
    session_module.utc_now, session_module.__version__ = (lambda: STARTED), "golden"
    try:
        yield
    finally:
        session_module.utc_now, session_module.__version__ = real


def write_golden_logs(folder: Path) -> list[Path]:
    """Write every PLAYS session into `folder`; return the logs in PLAYS order."""
    with fixed_date():
        return [_write(folder, n, play) for n, play in enumerate(PLAYS)]


def _write(folder: Path, n: int, play: Play) -> Path:
    loaded = load_file(SCENARIOS / f"{play.scenario}.yaml")
    rubric = rubric_for(loaded)
    trainee = f"golden-{n:02d}"
    settings = SessionSettings(trainee=trainee, seed=play.seed, lang=play.lang, time_scale=play.time_scale,
                               mode="headless", workstation="golden-ws", feedback=play.feedback, cohort=play.cohort)
    clock = FakeClock()
    log = SessionLogWriter.create(folder, f"20261130T080000.123Z_{trainee}_{n:08x}", clock=clock.now,
                                  key=KEY if play.keyed else None)
    with log:
        session = Session.start(loaded, settings, clock=clock, log=log, rubric=rubric)
        if play.policy == "pause-abort":
            session.begin()
            session.shown()
            clock.advance(0.75)
            session.pause()
            clock.advance(12.5)
            session.resume()
            clock.advance(1.0)
            session.abort("quit")
        elif play.policy.endswith(".yaml"):
            path = ANSWERS / play.policy
            play_headless(session, FileDecider(load_answers(path), path), clock)
        else:
            decider = RandomPolicy(play.seed) if play.policy == "random" else ExtremePolicy(
                StateGraph(loaded.scenario, rubric), best=play.policy == "best")
            play_headless(session, decider, clock)
    return log.path


if __name__ == "__main__":
    import shutil

    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path in write_golden_logs(GOLDEN):
        print(path)
