"""The broken-scenario corpus: every rule of the contract, with exact positions.

Files are made by tests/fixtures/make_broken.py; each names the line:col and
message fragment its first line expects (or a .expect file beside it).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import main

BROKEN = Path(__file__).parent / "fixtures" / "broken"
FILES = sorted(BROKEN.glob("*.yaml"))


def expectation(path: Path) -> tuple[str, str]:
    side = path.with_suffix(".expect")
    text = side.read_text().strip() if side.exists() else path.read_text().splitlines()[0].removeprefix("# expect: ")
    position, _, message = text.partition(": error: ")
    return position, message


def test_the_corpus_is_large_enough() -> None:
    assert len(FILES) >= 40


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_broken_file_is_reported_at_its_exact_position(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    position, message = expectation(path)
    status = main(["validate", str(path)])
    out = capsys.readouterr().out
    assert status == 1
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert any(line.startswith(f"{path}:{position}: error: ") and message in line for line in errors), out


def test_errors_never_show_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "validate", *map(str, FILES)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.count(": error: ") >= len(FILES)
