"""Layout pieces every screen uses: the header bar, the footer hint, panels."""

from __future__ import annotations

import pygame

from simulator.ui.theme import Theme
from simulator.ui.widgets.text import draw_line, draw_text


def header(surface: pygame.Surface, theme: Theme, title: str, right: str = "") -> pygame.Rect:
    """Draw the title bar; returns the content area below it (inside the margins)."""
    p = theme.palette
    w, h = surface.get_size()
    bar_h = theme.title().get_linesize() + theme.pad * 2
    pygame.draw.rect(surface, p.panel, (0, 0, w, bar_h))
    pygame.draw.line(surface, p.panel_edge, (0, bar_h - 1), (w, bar_h - 1), 2)
    right_w = 0
    if right:
        rect = draw_line(surface, right, theme.body(), p.muted, (w - theme.pad * 2, bar_h // 2), "midright",
                         max_width=w // 3)
        right_w = rect.width + theme.pad * 2
    draw_line(surface, title, theme.title(), p.text, (theme.pad * 2, bar_h // 2), "midleft",
              max_width=w - right_w - theme.pad * 4)
    foot_h = theme.small().get_linesize() + theme.pad
    return pygame.Rect(theme.pad * 2, bar_h + theme.pad, w - theme.pad * 4, h - bar_h - foot_h - theme.pad * 2)


def footer(surface: pygame.Surface, theme: Theme, hint: str) -> None:
    p = theme.palette
    w, h = surface.get_size()
    foot_h = theme.small().get_linesize() + theme.pad
    pygame.draw.rect(surface, p.panel, (0, h - foot_h, w, foot_h))
    draw_line(surface, hint, theme.small(), p.muted, (theme.pad * 2, h - foot_h // 2), "midleft",
              max_width=w - theme.pad * 4)


def panel(surface: pygame.Surface, theme: Theme, rect: pygame.Rect, title: str | None = None) -> pygame.Rect:
    """A framed panel; returns the inner rect below its title."""
    p = theme.palette
    pygame.draw.rect(surface, p.panel, rect, border_radius=8)
    pygame.draw.rect(surface, p.panel_edge, rect, 1, border_radius=8)
    inner = rect.inflate(-theme.pad * 2, -theme.pad * 2)
    if title:
        used = draw_text(surface, title, theme.bold(), p.accent, inner.topleft, inner.width, max_lines=1)
        inner = pygame.Rect(inner.x, inner.y + used + theme.pad // 2, inner.width, inner.height - used - theme.pad // 2)
    return inner


def section(surface: pygame.Surface, theme: Theme, x: int, y: int, width: int, title: str, body: str,
            colour=None) -> int:
    """A bold heading and wrapped body text; returns the height used."""
    p = theme.palette
    used = draw_text(surface, title, theme.bold(), p.accent, (x, y), width)
    used += draw_text(surface, body, theme.body(), colour or p.text, (x, y + used), width)
    return used + theme.pad
