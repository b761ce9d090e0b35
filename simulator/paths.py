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
    if (checkout / "pyproject.toml").is_file() and (checkout / "scenarios").is_dir():
        return checkout
    installed = Path(sys.prefix) / "share" / "uofsim"
    return installed if installed.is_dir() else checkout


def assets_dir() -> Path:
    return project_root() / "assets"


def images_dir() -> Path:
    return assets_dir() / "images"


def scenarios_dir() -> Path:
    return project_root() / "scenarios"
