"""The per-session timeline: the window's debrief, rebuilt from the log.

Texts (titles, narratives, option labels, rationales) come from the scenario
the session ran when a scenario file with the same id and the same sha256 is
found among `scenario_paths` (default: the bundled library); otherwise the
timeline shows ids only, exactly as the debrief does.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from simulator.logbook.models import LogRecord, SessionStarted


class TimelineBuilder:
    """records -> timeline dict; scenario files loaded lazily, once each."""

    def __init__(self, scenario_paths: Iterable[Path], lang: str | None = None) -> None:
        self._paths = list(scenario_paths)
        self._lang = lang  # None: each session in its own language
        self._by_sha: dict[str, Any] | None = None

    def __call__(self, records: list[LogRecord]) -> dict[str, Any]:
        start = records[0]
        assert isinstance(start, SessionStarted)
        loaded = self._scenarios().get(start.scenario.sha256)
        # The engine is costly to import: only when timelines are asked for.
        from simulator.engine import debrief_from_records

        debrief = debrief_from_records(records, loaded, self._lang or start.lang)
        return _debrief_dict(debrief)

    def texts(self, scenario_id: str, lang: str) -> dict[str, Any] | None:
        """Titles and labels of a scenario with this id among the files found (any version)."""
        for loaded in self._scenarios().values():
            if loaded.scenario.id == scenario_id:
                return scenario_texts(loaded, lang)
        return None

    def _scenarios(self) -> dict[str, Any]:
        if self._by_sha is None:
            self._by_sha = _load_scenarios(self._paths)
        return self._by_sha


def _load_scenarios(paths: list[Path]) -> dict[str, Any]:
    """sha256 of the file -> LoadedScenario, for every scenario file that loads."""
    from simulator.scenario.library import scenario_files
    from simulator.scenario.loader import load_file

    found: dict[str, Any] = {}
    for path in scenario_files([p for p in paths if p.exists()]):
        try:
            loaded = load_file(path, lint=False)
        except Exception:  # a broken scenario file only costs its texts in timelines
            continue
        found[loaded.sha256] = loaded
    return found


def _value(item: Any) -> Any:
    """An enum member as its plain value (None stays None)."""
    return getattr(item, "value", item)


def _debrief_dict(debrief: Any) -> dict[str, Any]:
    """The debrief as plain JSON data, built field by field: dataclasses.asdict
    deep-copies every value and took 60% of the json report's time."""
    out = dict(vars(debrief))
    out["result"] = _value(debrief.result)
    out["injuries"] = [_value(i) for i in debrief.injuries]
    out["critical_errors"] = [dict(e) for e in debrief.critical_errors]
    out["follow_up_chosen"] = list(debrief.follow_up_chosen)
    out["reportable_actions"] = list(debrief.reportable_actions)
    out["situations"] = [_situation_dict(s) for s in debrief.situations]
    return out


def _situation_dict(report: Any) -> dict[str, Any]:
    out = dict(vars(report))
    out["behaviour"] = _value(report.behaviour)
    out["assessed"] = _value(report.assessed)
    out["verdict"] = _value(report.verdict)
    out["force"] = [_value(f) for f in report.force]
    band = report.range
    out["range"] = None if band is None else {"min": _value(band.min), "max": _value(band.max)}
    out["tactics_offered"] = [{"id": t[0], "label": t[1], "rating": _value(t[2])} for t in report.tactics_offered]
    out["tactics_chosen"] = list(report.tactics_chosen)
    out["decision_s"] = dict(report.decision_s)
    out["scores"] = dict(report.scores)
    out["feedback"] = list(report.feedback)
    return out


def scenario_texts(loaded: Any, lang: str) -> dict[str, Any]:
    """Human texts of one loaded scenario: its title, situation titles and option labels."""
    model = loaded.scenario
    situations: dict[str, str] = {}
    options: dict[tuple[str, str], str] = {}
    for sid, situation in model.situations.items():
        situations[sid] = situation.title.get(lang) if situation.title else sid
        for option in situation.options:
            options[(sid, option.id)] = option.label.get(lang)
    return {"title": model.title.get(lang), "situations": situations, "options": options}
