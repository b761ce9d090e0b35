"""Speech bubbles: a situation's dialogue lines, each with its speaker's name."""

from __future__ import annotations

import pygame

from simulator.ui.theme import Theme
from simulator.ui.widgets.text import draw_text, text_height


def bubble_height(theme: Theme, speaker: str, text: str, width: int) -> int:
    inner = width - theme.pad * 2 - theme.pad
    return theme.bold(0.85).get_linesize() + text_height(f"“{text}”", theme.body(), inner) + theme.pad


def draw_bubble(surface: pygame.Surface, theme: Theme, x: int, y: int, width: int, speaker: str, text: str,
                max_height: int) -> int:
    """One bubble with a tail on its left, clipped to `max_height`; returns the height used (0 if none fits)."""
    p = theme.palette
    name_font, body = theme.bold(0.85), theme.body()
    tail = theme.pad
    inner_w = width - tail - theme.pad * 2
    lines = max(0, (max_height - name_font.get_linesize() - theme.pad) // body.get_linesize())
    if lines == 0:
        return 0
    quoted = f"“{text}”"  # quotation marks read as speech in both English and French windows
    height = min(bubble_height(theme, speaker, text, width),
                 name_font.get_linesize() + lines * body.get_linesize() + theme.pad)
    box = pygame.Rect(x + tail, y, width - tail, height)
    pygame.draw.rect(surface, p.panel, box, border_radius=10)
    pygame.draw.rect(surface, p.panel_edge, box, 1, border_radius=10)
    mid = box.y + min(box.height // 2, name_font.get_linesize())
    pygame.draw.polygon(surface, p.panel, [(x, mid), (box.x + 1, mid - tail // 2), (box.x + 1, mid + tail // 2)])
    pygame.draw.line(surface, p.panel_edge, (x, mid), (box.x, mid - tail // 2))
    pygame.draw.line(surface, p.panel_edge, (x, mid), (box.x, mid + tail // 2))
    ty = box.y + theme.pad // 2
    ty += draw_text(surface, speaker, name_font, p.accent, (box.x + theme.pad, ty), inner_w, max_lines=1)
    draw_text(surface, quoted, body, p.text, (box.x + theme.pad, ty), inner_w, max_lines=lines)
    return height + theme.pad // 2
