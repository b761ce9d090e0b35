"""Colours, fonts and sizes for the window: a normal and a high-contrast palette.

Sizes follow the window height and a user scale (Ctrl +/-), so the layout
works from 1024x640 up to full HD. Fonts are the Noto Sans files bundled with
pygame_gui (they cover French accents); pygame's default font is the fallback.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pygame

Colour = tuple[int, int, int]

SCALE_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DEFAULT_SCALE_INDEX = 2


@dataclass(frozen=True)
class Palette:
    background: Colour
    panel: Colour
    panel_edge: Colour
    text: Colour
    muted: Colour
    accent: Colour          # focus, current step
    accent_text: Colour     # text drawn on `accent`
    button: Colour
    button_hover: Colour
    button_selected: Colour
    good: Colour            # reasonable / pass (always paired with a word or icon)
    warn: Colour
    bad: Colour             # excessive / fail / critical
    map_floor: Colour
    map_grid: Colour
    officer: Colour
    partner: Colour
    subject: Colour
    bystander: Colour
    cover: Colour
    obstacle: Colour
    exit: Colour


NORMAL = Palette(
    background=(24, 30, 40), panel=(36, 45, 60), panel_edge=(70, 84, 106),
    text=(236, 240, 245), muted=(170, 182, 198), accent=(255, 196, 61), accent_text=(20, 20, 20),
    button=(50, 63, 84), button_hover=(68, 85, 112), button_selected=(38, 110, 160),
    good=(88, 196, 120), warn=(240, 180, 60), bad=(236, 92, 84),
    map_floor=(46, 56, 72), map_grid=(60, 72, 92), officer=(90, 160, 255), partner=(140, 190, 255),
    subject=(236, 92, 84), bystander=(200, 200, 200), cover=(120, 170, 120), obstacle=(120, 120, 135),
    exit=(255, 196, 61),
)

HIGH_CONTRAST = Palette(
    background=(0, 0, 0), panel=(0, 0, 0), panel_edge=(255, 255, 255),
    text=(255, 255, 255), muted=(235, 235, 235), accent=(255, 255, 0), accent_text=(0, 0, 0),
    button=(0, 0, 0), button_hover=(40, 40, 90), button_selected=(0, 70, 160),
    good=(0, 255, 0), warn=(255, 255, 0), bad=(255, 80, 80),
    map_floor=(0, 0, 0), map_grid=(90, 90, 90), officer=(0, 200, 255), partner=(120, 230, 255),
    subject=(255, 80, 80), bystander=(255, 255, 255), cover=(0, 255, 0), obstacle=(200, 200, 200),
    exit=(255, 255, 0),
)


def _bundled_font(name: str) -> Path | None:
    """A font file shipped in pygame_gui's data folder, found without importing
    pygame_gui (its import costs ~50 ms of start-up for nothing)."""
    spec = importlib.util.find_spec("pygame_gui")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "data" / name
        if path.is_file():
            return path
    return None


REGULAR_FONT = _bundled_font("NotoSans-Regular.ttf")
BOLD_FONT = _bundled_font("NotoSans-Bold.ttf")


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> pygame.font.Font:
    path = BOLD_FONT if bold else REGULAR_FONT
    if path is None:  # pygame's own font; it lacks some glyphs but never fails
        f = pygame.font.Font(None, int(size * 1.3))
        f.set_bold(bold)
        return f
    return pygame.font.Font(str(path), size)


@dataclass(frozen=True)
class Theme:
    palette: Palette = NORMAL
    high_contrast: bool = False
    scale_index: int = DEFAULT_SCALE_INDEX
    window_height: int = 720

    @property
    def scale(self) -> float:
        return SCALE_STEPS[self.scale_index]

    @property
    def base(self) -> int:
        """The body text size in pixels."""
        return max(11, round(self.window_height / 36 * self.scale))

    def size(self, factor: float) -> int:
        return max(8, round(self.base * factor))

    @property
    def pad(self) -> int:
        return max(6, self.base // 2)

    def body(self) -> pygame.font.Font:
        return font(self.base)

    def small(self) -> pygame.font.Font:
        return font(self.size(0.82))

    def bold(self, factor: float = 1.0) -> pygame.font.Font:
        return font(self.size(factor), True)

    def title(self) -> pygame.font.Font:
        return font(self.size(1.45), True)

    def with_height(self, height: int) -> Theme:
        return replace(self, window_height=height)

    def bigger(self) -> Theme:
        return replace(self, scale_index=min(self.scale_index + 1, len(SCALE_STEPS) - 1))

    def smaller(self) -> Theme:
        return replace(self, scale_index=max(self.scale_index - 1, 0))

    def toggled_contrast(self) -> Theme:
        hc = not self.high_contrast
        return replace(self, high_contrast=hc, palette=HIGH_CONTRAST if hc else NORMAL)


def make_theme(height: int, high_contrast: bool = False) -> Theme:
    theme = Theme(window_height=height)
    return theme.toggled_contrast() if high_contrast else theme
