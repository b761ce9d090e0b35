"""Scenario images, resolved only through the scenario layer and scaled to fit."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pygame

from simulator.scenario.assets import AssetError, resolve_image


@lru_cache(maxsize=16)
def _load(path: Path) -> pygame.Surface | None:
    try:
        return pygame.image.load(str(path)).convert()
    except (pygame.error, OSError):
        return None


@lru_cache(maxsize=32)
def _scaled(path: Path, size: tuple[int, int]) -> pygame.Surface | None:
    image = _load(path)
    if image is None:
        return None
    w, h = image.get_size()
    factor = min(size[0] / w, size[1] / h)
    return pygame.transform.smoothscale(image, (max(1, int(w * factor)), max(1, int(h * factor))))


def scenario_image(name: str, scenario_file: Path, size: tuple[int, int]) -> pygame.Surface | None:
    """The image `name` of the scenario at `scenario_file`, fitted into `size`; None if unusable."""
    try:
        path = resolve_image(name, scenario_file)
    except AssetError:
        return None
    return _scaled(path, size)
