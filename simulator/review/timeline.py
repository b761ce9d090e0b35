"""The per-session timeline: the window's debrief, rebuilt from the log.

Texts (titles, narratives, option labels, rationales) come from the scenario
the session ran when a scenario file with the same id and the same sha256 is
found among `scenario_paths` (default: the bundled library); otherwise the
timeline shows ids only, exactly as the debrief does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from simulator.engine import debrief_from_records


class TimelineBuilder:
    """records -> timeline dict; scenario files loaded lazily, once each."""

    def __init__(self, scenario_paths: Iterable[Path]) -> None:
        self._paths = list(scenario_paths)
        self._by_sha: dict[str, Any] | None = None

    def __call__(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        start = records[0]
        sha = str(start["scenario"].get("sha256", ""))
        loaded = self._scenarios().get(sha)
        debrief = debrief_from_records(records, loaded, str(start.get("lang", "en")))
        timeline = dataclasses.asdict(debrief)
        for situation in timeline["situations"]:
            band = situation.get("range")
            situation["range"] = band if band is None else {"min": str(band["min"]), "max": str(band["max"])}
            situation["tactics_offered"] = [
                {"id": t[0], "label": t[1], "rating": str(t[2])} for t in situation["tactics_offered"]
            ]
        return timeline

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
