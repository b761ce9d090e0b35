"""Load each bundled scenario file once per test process (installed by tests/conftest.py).

Parsing and linting a scenario costs about 70 ms, and the suite loads the
bundled library thousands of times: every in-process `uofsim review` loads all
of it for its timelines, every `uofsim run` loads its scenario, and many tests
load every file again. A file of scenarios/ and the assets it points at do not
change during a run, so the first load of a (path, lint) pair goes through the
real loader and later loads get the same result back.

Only files directly in the repository's scenarios/ folder are cached, keyed by
the path as given (it is written into the result and its messages), `lint`, and
the file's size and mtime; anything else (tests' own scenarios, hostile and
broken files, copies in temporary folders) always goes through the real loader.
Each caller gets its own LoadedScenario with its own `warnings` list; the
scenario model itself is never modified after loading (nothing in simulator/
assigns to it), so it is shared.

Subprocesses (`python -m simulator ...`) are not affected: they load for real.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = (ROOT / "scenarios").resolve()


def install() -> None:
    import simulator.scenario as package
    import simulator.scenario.library as library
    import simulator.scenario.loader as loader

    real = loader.load_file
    if getattr(real, "_cached_for_tests", False):
        return
    cache: dict[tuple[Any, ...], Any] = {}

    @functools.wraps(real)
    def load_file(path: str | Path, *, lint: bool = True) -> Any:
        try:
            stat = Path(path).resolve().stat()
            bundled = Path(path).resolve().parent == BUNDLED
        except (OSError, RuntimeError, ValueError):
            bundled = False
        if not bundled:
            return real(path, lint=lint)
        key = (str(path), type(path), lint, stat.st_size, stat.st_mtime_ns)
        loaded = cache.get(key)
        if loaded is None:
            loaded = cache[key] = real(path, lint=lint)
        return dataclasses.replace(loaded, warnings=list(loaded.warnings))

    load_file._cached_for_tests = True  # type: ignore[attr-defined]
    loader.load_file = load_file
    package.load_file = load_file
    library.load_file = load_file
