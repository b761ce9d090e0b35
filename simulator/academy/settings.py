"""The academy settings file (YAML), loaded with the scenario loader's own
machinery: core-schema YAML, limits, and file:line:col for every problem.

    required_scenarios: [phone-not-gun, crisis-knife-apartment]
    readiness:
      pass_required: true        # passed every required scenario at least once
      no_critical_in_last: 3     # no critical error in the trainee's last 3 attempts (0: no such rule)
      min_competency: 70         # each measured competency at least 70 in the latest measure (null: no such rule)
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from simulator.scenario.problems import ScenarioError
from simulator.scenario.source import decode, parse, read_limited

_ID = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Readiness(_Strict):
    pass_required: bool = True
    no_critical_in_last: int = Field(3, ge=0, le=1000)
    min_competency: float | None = Field(70.0, ge=0, le=100, allow_inf_nan=False)


class AcademySettings(_Strict):
    required_scenarios: list[Annotated[str, StringConstraints(pattern=_ID)]] = Field(default_factory=list,
                                                                                     max_length=1000)
    readiness: Readiness = Field(default_factory=Readiness)


class SettingsError(Exception):
    """The settings file cannot be used; the message is one line (file:line:col: error: …)."""


def load_settings(path: str | Path) -> AcademySettings:
    name = str(path)
    try:
        data, source = parse(decode(read_limited(path, "settings file"), name), name)
        if not isinstance(data, dict):
            raise ScenarioError([source.problem((), "expected a mapping of academy settings")])
        try:
            return AcademySettings.model_validate(data)
        except ValidationError as exc:
            from simulator.scenario.loader import validation_problems

            raise ScenarioError(validation_problems(exc, data, source)) from None
    except ScenarioError as exc:
        raise SettingsError(str(exc.problems[0]) if exc.problems else f"{name}: invalid settings file") from None
