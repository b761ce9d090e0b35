"""Shared test set-up: headless SDL, and paths to fixtures."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from support import scenario_cache

# CI replays the same examples every run, so a landing never hangs on a new
# random find; developers' runs keep exploring fresh examples (and
# benchmarks/fuzz_loader.py runs long campaigns).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Set before anything imports pygame, so no test ever opens a real window or sound device.
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

# Each bundled scenario is parsed and linted once per test process, not on every
# in-process `uofsim review`/`run` (tests/support/scenario_cache.py says why it is safe).
scenario_cache.install()

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _restore_sigterm() -> Iterator[None]:
    """`uofsim play` run in-process turns SIGTERM into KeyboardInterrupt for its
    window; put the handler back so a worker's own shutdown stays quiet."""
    handler = signal.getsignal(signal.SIGTERM)
    yield
    if signal.getsignal(signal.SIGTERM) is not handler:
        signal.signal(signal.SIGTERM, handler)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def contract_example() -> Path:
    return FIXTURES / "contract_example.yaml"


# --- parallel runs (pytest-xdist, `--dist loadgroup` in pyproject.toml) -----------------
#
# Modules whose module-scoped fixtures are costly run on one worker each, so
# the fixture is built once; the rest are spread test by test. The store's tests
# are split by backend: the PostgreSQL cluster is started on one worker only,
# and the SQLite half runs beside it.
GROUPED_MODULES = {
    "test_hardening2_corpus.py",  # every hostile case run once, in one launcher
    "test_review_corpus.py",  # 240 real sessions
    "test_review_figures.py",
    "test_review_report.py",  # a 25-recruit cohort
    "test_review_trust.py",
    "test_store_lrs.py",  # a Ralph server
    "test_ui_xvfb.py",  # an X server
}


def _group(item: pytest.Item) -> str | None:
    module = item.path.name
    if module == "test_store.py":
        return "store-postgresql" if "postgresql" in item.nodeid else "store-sqlite"
    return module.removesuffix(".py") if module in GROUPED_MODULES else None


@pytest.hookimpl(tryfirst=True)  # before xdist reads the marks
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        group = _group(item)
        if group is not None and item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(group))
