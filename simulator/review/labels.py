"""Human words for the report, in its language, from the one string catalogue.

Ids from logs (behaviours, verdicts, force options, reason codes, competencies,
scenario situations and options) are shown by their label when one is known:
the catalogue for the vocabulary of the model, the scenario file (when found)
for situations and options. An id with no label is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from simulator.review import formatting as f
from simulator.review.readiness import ReadinessRule
from simulator.strings import Strings

ScenarioTexts = Callable[[str, str], "dict[str, Any] | None"]


class Labels:
    def __init__(self, lang: str = "en", scenario_texts: ScenarioTexts | None = None,
                 titles: dict[str, str] | None = None) -> None:
        self.strings = Strings(lang)
        self.lang = self.strings.lang
        self._scenario_texts = scenario_texts
        self._texts: dict[str, dict[str, Any] | None] = {}
        self._titles = titles or {}

    def __call__(self, key: str, **values: object) -> str:
        """A review string: review.<key>."""
        return self.strings(f"review.{key}", **values)

    def name(self, kind: str, value: Any) -> str:
        """behaviour, verdict, force, step, competency, reason, rating, injury…: the catalogue's word, capitalised."""
        if value is None:
            return ""
        text = self.strings.name(kind, value)
        return text[:1].upper() + text[1:]

    def step(self, phase: str | None) -> str:
        return self.name("step", phase)

    def scenario(self, scenario_id: str) -> str:
        texts = self._scenario(scenario_id)
        return (texts or {}).get("title") or self._titles.get(scenario_id) or scenario_id

    def situation(self, scenario_id: str, situation_id: str | None) -> str:
        if situation_id is None:
            return ""
        texts = self._scenario(scenario_id)
        return texts["situations"].get(situation_id, situation_id) if texts else situation_id

    def option(self, scenario_id: str, situation_id: str, option_id: str) -> str:
        texts = self._scenario(scenario_id)
        return texts["options"].get((situation_id, option_id), option_id) if texts else option_id

    def _scenario(self, scenario_id: str) -> dict[str, Any] | None:
        if self._scenario_texts is None:
            return None
        if scenario_id not in self._texts:
            self._texts[scenario_id] = self._scenario_texts(scenario_id, self.lang)
        return self._texts[scenario_id]


WHY_ORDER = ("latest_critical", "latest_failed", "not_attempted", "competency_low")
WHY_NAMES = 1  # scenarios named per reason (then "and N more"): one line each; the grid beside it shows every one


def why_lines(readiness: dict[str, Any], labels: Labels, rule: ReadinessRule) -> list[str]:
    """The reasons, one short line per kind, worst first: "Critical error: A, B and 2 more".
    A scenario with a critical error in its latest attempt is not listed again as failed."""
    grouped: dict[str, list[str]] = {}
    critical = {r["where"] for r in readiness["reasons"] if r["code"] == "latest_critical"}
    for reason in readiness["reasons"]:
        code, where, value = reason["code"], reason["where"], reason["value"]
        if code == "latest_failed" and where in critical:
            continue
        if code == "competency_low":
            item = f"{labels.name('competency_short', where)} {f.competency(value)}"
        elif code == "latest_failed":
            item = f"{labels.scenario(where)} ({f.score(value)})"
        else:
            item = labels.scenario(where)
        grouped.setdefault(code, []).append(item)
    minimum = f.competency(rule.min_competency) if rule.min_competency is not None else f.NONE
    lines = []
    for code in WHY_ORDER:
        items = grouped.get(code)
        if not items:
            continue
        shown = items if code == "competency_low" else items[:WHY_NAMES]
        text = ", ".join(shown)
        if len(shown) < len(items):
            text = labels("why.more", list=text, n=len(items) - len(shown))
        lines.append(labels(f"why.{code}", list=text, min=minimum))
    return lines
