"""The scenario layer: the format's model, its loader and its lint pass."""

from simulator.scenario.loader import LoadedScenario, load_bytes, load_file, load_scenario
from simulator.scenario.model import (
    FORMAT_VERSION,
    Branch,
    Ending,
    FollowUp,
    Option,
    RandomNext,
    Scenario,
    Scene,
    Situation,
    Tactic,
    Text,
)
from simulator.scenario.problems import Problem, ScenarioError, Severity

__all__ = [
    "FORMAT_VERSION",
    "Branch",
    "Ending",
    "FollowUp",
    "LoadedScenario",
    "Option",
    "Problem",
    "RandomNext",
    "Scenario",
    "ScenarioError",
    "Scene",
    "Severity",
    "Situation",
    "Tactic",
    "Text",
    "load_bytes",
    "load_file",
    "load_scenario",
]
