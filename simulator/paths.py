"""Where the project's bundled folders live, installed or in a checkout."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def project_root() -> Path:
    """The folder holding `scenarios/` and `assets/`.

    In a checkout (or an editable install) that is the package's parent; a
    regular install puts them under `<prefix>/share/uofsim`.
    """
    checkout = Path(__file__).resolve().parent.parent
    for candidate in (checkout, Path(sys.prefix) / "share" / "uofsim"):
        if (candidate / "scenarios").is_dir() or (candidate / "assets").is_dir():
            return candidate
    return checkout


def assets_dir() -> Path:
    return project_root() / "assets"


def images_dir() -> Path:
    return assets_dir() / "images"


def scenarios_dir() -> Path:
    return project_root() / "scenarios"
