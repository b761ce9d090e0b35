"""The author's reference must hold a complete example that validates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from simulator.cli import main

DOCS = Path(__file__).parent.parent / "docs"


def test_scenario_format_example_passes_strict_validation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (DOCS / "scenario-format.md").read_text(encoding="utf-8")
    example = re.search(r"## A complete example.*?```yaml\n(.*?)```", text, re.S)
    assert example, "docs/scenario-format.md lost its complete example"
    scenario_id = re.search(r"^id: ([a-z0-9-]+)", example.group(1), re.M).group(1)
    path = tmp_path / f"{scenario_id}.yaml"  # validate wants the file named after its id
    path.write_text(example.group(1), encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 0, capsys.readouterr().out
