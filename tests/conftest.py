"""Shared test set-up: headless SDL, and paths to fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI replays the same examples every run, so a landing never hangs on a new
# random find; developers' runs keep exploring fresh examples (and
# benchmarks/fuzz_loader.py runs long campaigns).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Set before anything imports pygame, so no test ever opens a real window or sound device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def contract_example() -> Path:
    return FIXTURES / "contract_example.yaml"
