"""The JSON Schema an editor uses to complete and check scenario files."""

from __future__ import annotations

from typing import Any

from simulator.scenario.model import LANGUAGE_PATTERN, Scenario

SCHEMA_ID = "https://uofsim.invalid/schema/scenario-format-1.json"


def scenario_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    _tighten(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "uofsim scenario (format 1)"
    schema["description"] = (
        "A use-of-force training scenario for uofsim. Cross-references, reachability "
        "and files are checked by `uofsim validate`, not by this schema."
    )
    return schema


def _tighten(node: Any) -> None:
    """Rules pydantic's generator leaves out, so an editor flags them as the validator does.

    - A map whose keys have a pattern (situation and ending ids, variable names,
      language codes) gets it as `propertyNames`: `patternProperties` alone lets
      any other key through unchecked.
    - A situation's `time_limit_s` and `timeout` require each other.
    - A condition's test names at least one of at_least, at_most, equals.
    """
    if isinstance(node, list):
        for item in node:
            _tighten(item)
        return
    if not isinstance(node, dict):
        return
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict) and len(patterns) == 1:
        (pattern,) = patterns
        node["propertyNames"] = {**node.get("propertyNames", {}), "pattern": pattern}
    if node.get("title") == "TextMap":
        node["propertyNames"] = {"pattern": LANGUAGE_PATTERN}
    if node.get("title") == "VariableTest":
        node["minProperties"] = 1  # at least one of at_least, at_most, equals
    if node.get("title") == "Situation":
        node["dependentRequired"] = {"time_limit_s": ["timeout"], "timeout": ["time_limit_s"]}
    for value in node.values():
        _tighten(value)
