"""Helpers for the engine tests: scenarios built as data, played headless."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from simulator.engine import FakeClock, Session, SessionSettings
from simulator.scenario import LoadedScenario, load_file


def opt(id: str, force: str | list[str], next: Any, **extra: Any) -> dict[str, Any]:
    forces = [force] if isinstance(force, str) else force
    return {"id": id, "label": id.replace("-", " "), "force": forces, "next": next, **extra}


def sit(behaviour: str, options: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"narrative": "Something happens.", "subject": {"behaviour": behaviour}, "options": options, **extra}


def ending(result: str = "resolved", **extra: Any) -> dict[str, Any]:
    return {"narrative": "It ends.", "result": result, **extra}


def write_scenario(folder: Path, situations: dict[str, Any], endings: dict[str, Any], *,
                   start: str | None = None, name: str = "s.yaml", **top: Any) -> LoadedScenario:
    data = {"format": 1, "id": "test-scenario", "title": "Test", "start": start or next(iter(situations)),
            "officer": {"equipment": ["handcuffs", "baton", "oc_spray", "cew", "pistol"]},
            **top, "situations": situations, "endings": endings}
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_file(path)


def start(loaded: LoadedScenario, seed: int = 1, **settings: Any) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session.start(loaded, SessionSettings(trainee="tester", seed=seed, mode="headless", **settings),
                            clock=clock, log=None)
    session.begin()
    return session, clock


def chain(n: int, behaviour: str = "passive_resistant", option: dict[str, Any] | None = None) -> dict[str, Any]:
    """n situations in a row, each with one communication option (assess asked)."""
    return {f"s{i}": sit(behaviour, [dict(option) if option else opt("talk", "communication",
                                                                     f"s{i + 1}" if i + 1 < n else "end")])
            for i in range(n)}


def lines(session: Session) -> list[dict[str, Any]]:
    """The session's records as their log lines hold them (without the envelope)."""
    return [r.line() for r in session.records]


def records_of(session: Session, type_: str) -> list[dict[str, Any]]:
    return [r for r in lines(session) if r["type"] == type_]
