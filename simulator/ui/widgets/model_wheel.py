"""The use-of-force model as a wheel, drawn by the project (not a copy of any
official figure): the situation and assess-plan-act at the centre, the five
behaviours around it, perception and tactical considerations, and the force
options on the outside. It marks the trainee's assessment (diamond), the
chosen option (dot) and, in the debrief, the reasonable range (a hatched band)
and the authored behaviour (a tick) — shapes as well as colours."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pygame

from simulator.domain import Behaviour, Force, ForceRange
from simulator.strings import Strings
from simulator.ui.theme import Theme, font
from simulator.ui.widgets import icons
from simulator.ui.widgets.text import render, wrap

START = -math.pi / 2  # twelve o'clock


@dataclass(frozen=True)
class WheelMarks:
    assessed: Behaviour | None = None
    authored: Behaviour | None = None   # debrief only
    option_level: int | None = None     # the chosen option's force level
    reasonable: ForceRange | None = None  # debrief only
    step: str | None = None             # assess / plan / act: the centre highlights it


def wedge(surface, colour, centre, r0: float, r1: float, a0: float, a1: float, width: int = 0) -> None:
    """An annular sector between radii r0..r1 and angles a0..a1 (radians)."""
    steps = max(6, int(abs(a1 - a0) * r1 / 6))
    outer = [(centre[0] + r1 * math.cos(a0 + (a1 - a0) * i / steps),
              centre[1] + r1 * math.sin(a0 + (a1 - a0) * i / steps)) for i in range(steps + 1)]
    inner = [(centre[0] + r0 * math.cos(a1 - (a1 - a0) * i / steps),
              centre[1] + r0 * math.sin(a1 - (a1 - a0) * i / steps)) for i in range(steps + 1)]
    pygame.draw.polygon(surface, colour, outer + inner, width)


def _polar(centre, r: float, a: float) -> tuple[int, int]:
    return int(centre[0] + r * math.cos(a)), int(centre[1] + r * math.sin(a))


def _fit(text: str, max_width: int, max_height: int, size: int) -> tuple[pygame.font.Font, tuple[str, ...]]:
    """The largest font (from `size` down) whose wrapped lines fit without splitting a word."""
    longest = max(text.split(), key=len) if text.split() else text
    for candidate in range(size, 6, -1):
        f = font(candidate)
        lines = wrap(text, f, max(10, max_width))
        if f.size(longest)[0] <= max_width and len(lines) * f.get_linesize() <= max_height:
            return f, lines
    f = font(7)
    return f, wrap(text, f, max(10, max_width))


@lru_cache(maxsize=512)
def _fit_sector(text: str, radial: int, tangential: int, size: int) -> tuple[int, tuple[str, ...]]:
    """The largest font size (<= size) and wrapping whose block, laid along the
    arc, fits the ring's thickness (radial) and the sector's arc (tangential)."""
    words = text.split()
    for candidate in range(size, 8, -1):
        f = font(candidate)
        if max((f.size(w)[0] for w in words), default=0) > tangential:
            continue
        lines = wrap(text, f, tangential)
        if len(lines) * f.get_linesize() <= radial:
            return candidate, lines
    # Nothing fits: the smallest size, one word a line, never a word cut in two.
    return 9, tuple(words) or (text,)


@lru_cache(maxsize=256)
def _ring_label(text: str, size: int, lines: tuple[str, ...], colour, angle: float) -> pygame.Surface:
    """The label block rotated so it runs along the arc, never upside down."""
    f = font(size)
    height = f.get_linesize()
    block = pygame.Surface((max(f.size(line)[0] for line in lines), height * len(lines)), pygame.SRCALPHA)
    for i, line in enumerate(lines):
        img = f.render(line, True, colour)
        block.blit(img, img.get_rect(midtop=(block.get_width() // 2, i * height)))
    degrees = -(math.degrees(angle) + 90)
    if math.sin(angle) > 0.01:  # the lower half: turn round so the text reads left to right
        degrees += 180
    degrees = (degrees + 180) % 360 - 180
    return pygame.transform.rotate(block, degrees) if abs(degrees) > 0.5 else block


def _label(surface, text: str, centre_xy, max_width: int, size: int, colour, max_height: int = 10_000,
           fitted: tuple[int, tuple[str, ...]] | None = None) -> None:
    if fitted is not None:
        f, lines = font(fitted[0]), fitted[1]
    else:
        f, lines = _fit(text, max_width, max_height, size)
    height = len(lines) * f.get_linesize()
    y = centre_xy[1] - height // 2
    for line in lines:
        img = render(line, f, colour)
        surface.blit(img, img.get_rect(midtop=(centre_xy[0], y)))
        y += f.get_linesize()


def draw_wheel(surface: pygame.Surface, theme: Theme, strings: Strings, rect: pygame.Rect,
               marks: WheelMarks = WheelMarks()) -> None:
    p = theme.palette
    radius = min(rect.width, rect.height) // 2 - 4
    if radius < 40:
        return
    centre = rect.center
    r_core, r_behaviour, r_perception, r_force = radius * 0.28, radius * 0.59, radius * 0.67, radius * 0.93
    text_size = max(9, min(theme.size(0.78), int(radius / 10)))
    edge = p.panel_edge
    n, m = len(Force), len(Behaviour)
    # The first sector of each ring is centred at twelve o'clock, so no label sits in a sliver.
    force_angle = lambda level: START - math.pi / n + 2 * math.pi * level / n  # noqa: E731
    behaviour_angle = lambda rank: START - math.pi / m + 2 * math.pi * rank / m  # noqa: E731
    labels: list[tuple[str, tuple[int, int], int, int, int, tuple[int, int, int]]] = []
    ring_labels: list[tuple[str, str, tuple[int, int], float, float, float, float]] = []

    # 1. fills, outside in
    for force in Force:
        a0, a1 = force_angle(force.level), force_angle(force.level + 1)
        chosen = marks.option_level == force.level
        wedge(surface, p.button_selected if chosen else p.button, centre, r_perception, r_force, a0, a1)
        wedge(surface, edge, centre, r_perception, r_force, a0, a1, 1)
        ring_labels.append(("force", strings.name("force", force), centre, r_perception, r_force, a0, a1))
    if marks.reasonable is not None:
        a0, a1 = force_angle(marks.reasonable.min.level), force_angle(marks.reasonable.max.level + 1)
        band_r0, band_r1 = r_force + 2, radius + 3
        wedge(surface, p.good, centre, band_r0, band_r1, a0, a1)
        for tick in range(int(math.degrees(a1 - a0)) // 10):  # ticks: the band reads without colour
            a = a0 + math.radians(tick * 10 + 5)
            pygame.draw.line(surface, p.background, _polar(centre, band_r0, a), _polar(centre, band_r1, a), 1)
    for index in range(2):  # perception | tactical considerations
        a0 = START + math.pi * index
        wedge(surface, p.panel, centre, r_behaviour, r_perception, a0, a0 + math.pi)
        wedge(surface, edge, centre, r_behaviour, r_perception, a0, a0 + math.pi, 1)
    for behaviour in Behaviour:
        a0, a1 = behaviour_angle(behaviour.rank), behaviour_angle(behaviour.rank + 1)
        assessed = marks.assessed == behaviour
        wedge(surface, p.button_selected if assessed else p.map_floor, centre, r_core, r_behaviour, a0, a1)
        wedge(surface, edge, centre, r_core, r_behaviour, a0, a1, 1)
        ring_labels.append(("behaviour", strings.name("behaviour", behaviour), centre, r_core, r_behaviour, a0, a1))
    pygame.draw.circle(surface, p.panel, centre, int(r_core))
    pygame.draw.circle(surface, edge, centre, int(r_core), 1)
    for index, step in enumerate(("assess", "plan", "act")):
        a0 = START - math.pi / 3 + 2 * math.pi * index / 3
        if marks.step == step:
            wedge(surface, p.accent, centre, r_core * 0.62, r_core, a0, a0 + 2 * math.pi / 3)
        colour = p.accent_text if marks.step == step else p.muted
        labels.append((strings(f"step.{step}"), _polar(centre, r_core * 0.81, a0 + math.pi / 3),
                       int(r_core * 0.8), int(r_core * 0.36), max(8, text_size - 2), colour))
    labels.append((strings("wheel.situation"), centre, int(r_core * 1.15), int(r_core * 0.5), text_size, p.text))

    # 2. highlights (outlines and shapes, not colour alone)
    if marks.option_level is not None:
        a0, a1 = force_angle(marks.option_level), force_angle(marks.option_level + 1)
        wedge(surface, p.accent, centre, r_perception, r_force, a0, a1, 3)
        icons.dot(surface, p.accent, _polar(centre, (r_perception + r_force) / 2, a0 + (a1 - a0) * 0.1), text_size)
    for behaviour in Behaviour:
        a0, a1 = behaviour_angle(behaviour.rank), behaviour_angle(behaviour.rank + 1)
        if marks.assessed == behaviour:
            wedge(surface, p.accent, centre, r_core, r_behaviour, a0, a1, 3)
            icons.diamond(surface, p.accent, _polar(centre, r_core + (r_behaviour - r_core) * 0.7,
                                                    a0 + (a1 - a0) * 0.11),
                          text_size)
        if marks.authored == behaviour:
            icons.check(surface, p.good, _polar(centre, r_core + (r_behaviour - r_core) * 0.3, a0 + (a1 - a0) * 0.12),
                        text_size + 2)

    # 3. labels last, so no fill covers them
    for ring in ("force", "behaviour"):
        items = [item for item in ring_labels if item[0] == ring]
        geometry = [(text, int((r1 - r0) * 0.95), int((r0 + r1) / 2 * (a1 - a0) * 0.7),
                     round((a0 + a1) / 2 + (a1 - a0) * 0.08, 3), r0, r1)
                    for _, text, _, r0, r1, a0, a1 in items]
        for text, rad, tan, ang, r0, r1 in geometry:
            fitted_size, lines = _fit_sector(text, rad, tan, text_size)
            image = _ring_label(text, fitted_size, lines, p.text, ang)
            surface.blit(image, image.get_rect(center=_polar(centre, (r0 + r1) / 2, ang)))
    for text, at, width, height, size, colour in labels:
        _label(surface, text, at, width, size, colour, height)
    for index, key in enumerate(("wheel.perception", "wheel.tactics")):
        _arc_text(surface, strings(key), centre, (r_behaviour + r_perception) / 2,
                  START + math.pi * index + math.pi / 2,
                  max(8, int((r_perception - r_behaviour) * 0.7)), p.muted)


def _arc_text(surface, text: str, centre, r: float, mid: float, size: int, colour) -> None:
    """Letters placed one by one along an arc, centred on angle `mid`."""
    f = font(size)
    widths = [f.size(ch)[0] for ch in text]
    total = sum(widths) / r
    a = mid - total / 2
    for ch, w in zip(text, widths):
        step = w / r
        angle = a + step / 2
        img = render(ch, f, colour)
        img = pygame.transform.rotate(img, -math.degrees(angle) - 90)
        surface.blit(img, img.get_rect(center=_polar(centre, r, angle)))
        a += step


def draw_wheel_legend(surface: pygame.Surface, theme: Theme, strings: Strings, x: int, y: int,
                      with_range: bool, max_right: int = 10_000) -> int:
    """The legend under the wheel; returns the height used."""
    p = theme.palette
    f = theme.small()
    line = f.get_linesize()
    items = [("diamond", strings("wheel.legend_assessed")), ("dot", strings("wheel.legend_option"))]
    if with_range:
        items.append(("band", strings("wheel.range")))
    cx, top = x, y
    for shape, text in items:
        needed = line + 4 + f.size(text)[0]
        if cx > x and cx + needed > max_right:
            cx, y = x, y + line
        c = (cx + line // 2, y + line // 2)
        if shape == "diamond":
            icons.diamond(surface, p.accent, c, line - 6)
        elif shape == "dot":
            icons.dot(surface, p.accent, c, line - 6)
        else:
            pygame.draw.rect(surface, p.good, (cx, y + 4, line, line - 8))
        img = render(text, f, p.text)
        surface.blit(img, (cx + line + 4, y))
        cx += line + 4 + img.get_width() + theme.pad * 2
    return y + line - top
