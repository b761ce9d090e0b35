"""Small vector icons, so meaning never rests on colour alone (and on no font glyph)."""

from __future__ import annotations

import math

import pygame

from simulator.ui.theme import Colour


def check(surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int) -> None:
    x, y = center
    s = size / 2
    points = [(x - s * 0.8, y), (x - s * 0.2, y + s * 0.6), (x + s * 0.9, y - s * 0.7)]
    pygame.draw.lines(surface, colour, False, points, max(2, size // 6))


def cross(surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int) -> None:
    x, y = center
    s = size * 0.4
    w = max(2, size // 6)
    pygame.draw.line(surface, colour, (x - s, y - s), (x + s, y + s), w)
    pygame.draw.line(surface, colour, (x - s, y + s), (x + s, y - s), w)


def warning(surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int) -> None:
    x, y = center
    s = size / 2
    pygame.draw.polygon(surface, colour, [(x, y - s), (x + s, y + s * 0.8), (x - s, y + s * 0.8)], max(2, size // 8))
    pygame.draw.line(surface, colour, (x, y - s * 0.3), (x, y + s * 0.3), max(2, size // 8))
    pygame.draw.circle(surface, colour, (x, int(y + s * 0.55)), max(1, size // 12))


def clock(surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int) -> None:
    radius = size // 2
    pygame.draw.circle(surface, colour, center, radius, max(2, size // 8))
    x, y = center
    pygame.draw.line(surface, colour, center, (x, y - radius * 0.6), 2)
    pygame.draw.line(surface, colour, center, (x + radius * 0.5, y), 2)


def diamond(surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int, width: int = 0) -> None:
    x, y = center
    s = size / 2
    pygame.draw.polygon(surface, colour, [(x, y - s), (x + s, y), (x, y + s), (x - s, y)], width)


def dot(surface: pygame.Surface, colour: Colour, center: tuple[int, int], size: int, width: int = 0) -> None:
    pygame.draw.circle(surface, colour, center, max(2, size // 2), width)


def checkbox(surface: pygame.Surface, colour: Colour, rect: pygame.Rect, ticked: bool) -> None:
    pygame.draw.rect(surface, colour, rect, max(2, rect.width // 10))
    if ticked:
        check(surface, colour, rect.center, int(rect.width * 0.8))


def arrow(surface: pygame.Surface, colour: Colour, start: tuple[float, float], end: tuple[float, float]) -> None:
    pygame.draw.line(surface, colour, start, end, 2)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    for turn in (2.6, -2.6):
        tip = (end[0] + 8 * math.cos(angle + turn), end[1] + 8 * math.sin(angle + turn))
        pygame.draw.line(surface, colour, end, tip, 2)
