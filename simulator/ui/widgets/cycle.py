"""ASSESS -> PLAN -> ACT drawn as one cycle, the current step highlighted
(filled and marked 'now'; done steps ticked), with 'Step n of N' in words."""

from __future__ import annotations

import pygame

from simulator.strings import Strings
from simulator.ui.theme import Theme
from simulator.ui.widgets import icons
from simulator.ui.widgets.text import draw_line, render

STEPS = ("assess", "plan", "act")


def cycle_height(theme: Theme) -> int:
    return theme.bold().get_linesize() + theme.small().get_linesize() + theme.pad * 2


def draw_cycle(surface: pygame.Surface, theme: Theme, strings: Strings, rect: pygame.Rect,
               steps: list[str], current: str | None) -> None:
    """`steps`: the steps this situation asks (in order); `current`: the active one or None (all done)."""
    p = theme.palette
    font = theme.bold()
    box_h = font.get_linesize() + theme.pad // 2
    arrow_w = theme.base
    widths = [font.size(strings(f"step.{s}").upper())[0] + theme.pad * 2 + theme.base for s in STEPS]
    total = sum(widths) + arrow_w * 2
    x = x0 = rect.right - total
    y = rect.y
    done = True
    centres = []
    for step, width in zip(STEPS, widths):
        box = pygame.Rect(x, y, width, box_h)
        asked = step in steps
        is_now = step == current
        if is_now:
            done = False
        fill = p.accent if is_now else p.panel
        pygame.draw.rect(surface, fill, box, border_radius=box_h // 2)
        pygame.draw.rect(surface, p.accent if asked else p.panel_edge, box, 2, border_radius=box_h // 2)
        colour = p.accent_text if is_now else (p.text if asked else p.muted)
        text = render(strings(f"step.{step}").upper(), font, colour)
        surface.blit(text, text.get_rect(midleft=(box.x + theme.pad, box.centery)))
        mark = (box.right - theme.base // 2 - theme.pad // 2, box.centery)
        if asked and done and current is not None:
            icons.check(surface, p.good, mark, theme.base - 4)
        elif asked and current is None:
            icons.check(surface, p.good, mark, theme.base - 4)
        elif is_now:
            icons.dot(surface, p.accent_text, mark, theme.base // 2)
        centres.append(box)
        x = box.right + arrow_w
    for left, right in zip(centres, centres[1:]):
        icons.arrow(surface, p.text, (left.right + 2, left.centery), (right.x - 2, right.centery))
    # the loop back from ACT to ASSESS: the cycle keeps turning
    loop_y = y + box_h + theme.pad // 2
    a, b = centres[0], centres[-1]
    pygame.draw.lines(surface, p.muted, False,
                      [(b.centerx, b.bottom), (b.centerx, loop_y), (a.centerx, loop_y)], 2)
    icons.arrow(surface, p.muted, (a.centerx, loop_y), (a.centerx, a.bottom + 1))
    if current is not None and current in steps:
        words = strings("step.of", n=steps.index(current) + 1, total=len(steps), name=strings(f"step.{current}"))
        draw_line(surface, words, theme.small(), p.muted, (x0 - theme.pad, y + box_h // 2), "midright",
                  max_width=max(10, x0 - theme.pad - rect.x))
