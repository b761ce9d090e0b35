"""The decision timer: a bar that shortens and changes colour, with the seconds
left written beside it (the number carries the meaning, not the colour)."""

from __future__ import annotations

import math

import pygame

from simulator.strings import Strings
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.text import draw_line


def timer_colour(theme: Theme, fraction: float):
    p = theme.palette
    if fraction > 0.5:
        return p.good
    if fraction > 0.25:
        return p.warn
    return p.bad


def draw_timer(surface: pygame.Surface, theme: Theme, strings: Strings, rect: pygame.Rect,
               left: float | None, limit: float | None) -> None:
    p = theme.palette
    size = rect.height
    icons.clock(surface, p.text, (rect.x + size // 2, rect.centery), size - 4)
    x = rect.x + size + theme.pad
    if left is None or not limit:
        draw_line(surface, strings("situation.no_limit"), theme.body(), p.muted, (x, rect.centery), "midleft")
        return
    label = strings("situation.timer", s=max(0, math.ceil(left)))
    label_w = theme.bold().size(strings("situation.timer", s=888))[0] + theme.pad
    bar = pygame.Rect(x, rect.y + 3, rect.right - x - label_w - theme.pad, rect.height - 6)
    fraction = max(0.0, min(1.0, left / limit))
    pygame.draw.rect(surface, p.panel, bar, border_radius=4)
    filled = bar.copy()
    filled.width = int(bar.width * fraction)
    pygame.draw.rect(surface, timer_colour(theme, fraction), filled, border_radius=4)
    pygame.draw.rect(surface, p.panel_edge, bar, 1, border_radius=4)
    draw_line(surface, label, theme.bold(), p.text, (rect.right, rect.centery), "midright")
