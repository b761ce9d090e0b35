"""Shared test set-up: headless SDL, and paths to fixtures."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


# --- parallel runs (pytest-xdist: `-n auto --dist loadgroup` in pyproject.toml) --------
#
# Modules whose module-scoped fixtures are costly run on one worker each, so the
# fixture is built once; every other test is a unit of its own, spread over the
# workers. The store's tests are split by backend: the PostgreSQL cluster is
# started on one worker only, and the SQLite half runs beside it.
#
# The groups are made here, from node ids, by a scheduler of our own: xdist's
# loadgroup marks (xdist_group) work by renaming items, which pytest 9 ignores.
GROUPED_MODULES = {
    "test_hardening2_corpus.py",  # every hostile case run once, in one launcher
    "test_review_corpus.py",  # 240 real sessions
    "test_review_figures.py",
    "test_review_report.py",  # a 25-recruit cohort
    "test_review_trust.py",
    "test_store_lrs.py",  # a Ralph server
    "test_library_term.py",
    "test_library_coverage.py",
}


def work_unit(nodeid: str) -> str:
    """The unit of work a test belongs to: its group, or the test itself."""
    module = nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
    if module == "test_store.py":
        return "store-postgresql" if "postgresql" in nodeid else "store-sqlite"
    return module if module in GROUPED_MODULES else nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Groups(LoadScopeScheduling):
        """loadscope over work_unit(); the largest groups are handed out first."""

        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return Groups(config, log)
