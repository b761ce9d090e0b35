"""Resolve files a scenario names, never letting a path leave its folders."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from simulator import paths


class AssetError(ValueError):
    """A file reference that is missing or escapes the folders it may use."""


def resolve_asset(name: str, scenario_dir: Path, fallback_dir: Path) -> Path:
    """The file `name` in `scenario_dir`, else in `fallback_dir`.

    Absolute paths, `..` escapes and symlinks pointing outside are refused:
    a scenario from an untrusted author must not read arbitrary files.
    """
    if not name or "\\" in name or "\x00" in name:
        raise AssetError(f"'{name}' is not a valid relative file path")
    relative = PurePosixPath(name)
    if relative.is_absolute() or ":" in relative.parts[0]:
        raise AssetError(f"'{name}' must be a path relative to the scenario's folder, not absolute")
    searched = []
    for base in (scenario_dir, fallback_dir):
        base = base.resolve()
        candidate = (base / relative).resolve()
        if not candidate.is_relative_to(base):
            raise AssetError(f"'{name}' leaves its folder ({base})")
        if candidate.is_file():
            return candidate
        searched.append(str(base))
    raise AssetError(f"file '{name}' not found (looked in {' and '.join(searched)})")


def resolve_image(name: str, scenario_file: Path) -> Path:
    return resolve_asset(name, scenario_file.parent, paths.images_dir())


def resolve_rubric(name: str, scenario_file: Path) -> Path:
    return resolve_asset(name, scenario_file.parent, paths.assets_dir())
