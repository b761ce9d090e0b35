"""Numbered buttons and the hotspots the mouse (and the Pilot) click."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.text import draw_text, render, text_height


@dataclass
class Hotspot:
    """A clickable area: `label` is what a Pilot (or a screen reader) names it by."""

    rect: pygame.Rect
    label: str
    action: Callable[[float], None]  # called with the input event's clock time


def button_height(theme: Theme, label: str, width: int, key: str | None = None) -> int:
    inner = width - _label_x(theme, key) - theme.pad
    return text_height(label, theme.body(), inner) + theme.pad


def _label_x(theme: Theme, key: str | None) -> int:
    return theme.pad + (theme.base * 2 if key else 0)


def draw_button(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    label: str,
    *,
    key: str | None = None,
    hover: bool = False,
    selected: bool | None = None,
    focus: bool = False,
    muted: bool = False,
) -> None:
    """A button; `selected` is None for plain buttons, else a checkbox is drawn (state not by colour only)."""
    p = theme.palette
    fill = p.button_selected if selected else (p.button_hover if hover else p.button)
    pygame.draw.rect(surface, fill, rect, border_radius=6)
    edge = p.accent if focus or hover else p.panel_edge
    pygame.draw.rect(surface, edge, rect, 3 if (focus or hover) else 1, border_radius=6)
    x = rect.x + theme.pad
    if key:
        badge = pygame.Rect(x, rect.y + theme.pad // 2, int(theme.base * 1.5), theme.body().get_linesize())
        pygame.draw.rect(surface, p.accent, badge, border_radius=4)
        keyimg = render(key, theme.bold(0.9), p.accent_text)
        surface.blit(keyimg, keyimg.get_rect(center=badge.center))
    text_x = rect.x + _label_x(theme, key)
    width = rect.right - text_x - theme.pad
    if selected is not None:
        size = theme.body().get_linesize() - 6
        box = pygame.Rect(rect.right - theme.pad - size, rect.y + theme.pad // 2 + 3, size, size)
        icons.checkbox(surface, p.text, box, bool(selected))
        width -= size + theme.pad
    colour = p.muted if muted else p.text
    draw_text(surface, label, theme.body(), colour, (text_x, rect.y + theme.pad // 2), width)


def layout_column(theme: Theme, labels: Sequence[tuple[str, str | None]], x: int, y: int, width: int,
                  gap: int | None = None) -> list[pygame.Rect]:
    """Rects for buttons stacked from (x, y), each as tall as its wrapped label."""
    gap = theme.pad // 2 if gap is None else gap
    rects = []
    for label, key in labels:
        h = button_height(theme, label, width, key)
        rects.append(pygame.Rect(x, y, width, h))
        y += h + gap
    return rects
