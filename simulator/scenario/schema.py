"""The JSON Schema an editor uses to complete and check scenario files."""

from __future__ import annotations

from typing import Any

from simulator.scenario.model import Scenario

SCHEMA_ID = "https://uofsim.invalid/schema/scenario-format-1.json"


def scenario_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "uofsim scenario (format 1)"
    schema["description"] = (
        "A use-of-force training scenario for uofsim. Cross-references, reachability "
        "and files are checked by `uofsim validate`, not by this schema."
    )
    return schema
