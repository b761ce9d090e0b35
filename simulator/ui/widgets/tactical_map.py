"""The tactical map drawn from a situation's `scene` (metres, origin top-left):
officer, partner, subjects with weapon marks, bystanders, objects (cover
hatched), exits, the officer-subject distance and a scale bar. Each kind has
its own shape, named in a legend under the map, so nothing relies on colour."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from simulator.domain import Weapon
from simulator.scenario.model import Scene
from simulator.strings import Strings
from simulator.ui.theme import Theme
from simulator.ui.widgets.text import draw_line, render

NICE_LENGTHS = (1, 2, 5, 10, 20, 50, 100, 200, 500)
MARK_SIZE_M = 0.8  # objects without a size


def nearest_subject_distance(scene: Scene) -> float | None:
    if not scene.subjects:
        return None
    return min(math.dist(scene.officer, s.at) for s in scene.subjects)


def draw_map(surface: pygame.Surface, theme: Theme, strings: Strings, rect: pygame.Rect, scene: Scene,
             lang: str = "en") -> None:
    p = theme.palette
    small = theme.small()
    line = small.get_linesize()
    legend_h = line * 3 + theme.pad // 2
    room = rect.inflate(-theme.pad * 2, -theme.pad * 2)
    room.height -= legend_h
    scale = min(room.width / scene.width_m, room.height / scene.depth_m)
    floor = pygame.Rect(0, 0, int(scene.width_m * scale), int(scene.depth_m * scale))
    floor.midtop = (room.centerx, room.y)

    def at(point) -> tuple[int, int]:
        return (int(floor.x + point[0] * scale), int(floor.y + point[1] * scale))

    pygame.draw.rect(surface, p.map_floor, floor)
    grid = 1.0 if scale >= 12 else 5.0
    for i in range(1, int(scene.width_m / grid) + 1):
        x = floor.x + int(i * grid * scale)
        pygame.draw.line(surface, p.map_grid, (x, floor.y), (x, floor.bottom))
    for i in range(1, int(scene.depth_m / grid) + 1):
        y = floor.y + int(i * grid * scale)
        pygame.draw.line(surface, p.map_grid, (floor.x, y), (floor.right, y))
    pygame.draw.rect(surface, p.panel_edge, floor, 2)

    for obj in scene.objects:
        w, h = obj.size or (MARK_SIZE_M, MARK_SIZE_M)
        corner = obj.at if obj.size else (obj.at[0] - w / 2, obj.at[1] - h / 2)
        box = pygame.Rect(at(corner), (max(3, int(w * scale)), max(3, int(h * scale))))
        pygame.draw.rect(surface, p.cover if obj.cover else p.obstacle, box)
        if obj.cover:
            _hatch(surface, p.background, box)
            pygame.draw.rect(surface, p.text, box, 1)

    marker = max(8, min(int(scale * 0.6), theme.base))
    for point in scene.exits:
        _exit(surface, p.exit, at(point), marker)
    for point, label in scene.bystander_marks():
        _bystander(surface, p.bystander, at(point), marker)
        if label is not None:  # a named bystander (issue 13), tagged like a subject
            _tag(surface, theme, label.get(lang), at(point), marker, floor)
    officer = at(scene.officer)
    nearest = min(scene.subjects, key=lambda s: math.dist(scene.officer, s.at)) if scene.subjects else None
    if nearest is not None:
        _dashed(surface, p.text, officer, at(nearest.at))
    for subject in scene.subjects:
        _subject(surface, p.subject, p.text, at(subject.at), marker, Weapon(subject.weapon))
        name = subject.label.get(lang) if subject.label else ""
        if subject.weapon != Weapon.NONE:
            weapon = strings.name("weapon", subject.weapon)
            name = f"{name} ({weapon})" if name else weapon
        if name:
            _tag(surface, theme, name, at(subject.at), marker, floor)
    if scene.partner is not None:
        _person(surface, p.partner, at(scene.partner), marker, hollow=True)
    _person(surface, p.officer, officer, marker)

    # under the map: distance and scale bar, then the legend of shapes
    y = floor.bottom + theme.pad // 2 + line // 2
    x = _scale_bar(surface, theme, strings, floor.x, y, scale, floor.width)
    distance = nearest_subject_distance(scene)
    if distance is not None:
        draw_line(surface, strings("map.distance", d=f"{distance:.1f}"), theme.bold(0.82), p.text,
                  (x + theme.pad * 2, y), "midleft", max_width=max(10, rect.right - x - theme.pad * 3))
    entries: list[tuple[Callable[..., None], str]] = [
        (lambda s, c, m: _person(s, p.officer, c, m), strings("map.officer")),
    ]
    if scene.partner is not None:
        entries.append((lambda s, c, m: _person(s, p.partner, c, m, hollow=True), strings("map.partner")))
    if scene.subjects:
        entries.append((lambda s, c, m: _subject(s, p.subject, p.text, c, m, Weapon.NONE), strings("map.subject")))
    if scene.bystanders:
        entries.append((lambda s, c, m: _bystander(s, p.bystander, c, m), strings("map.bystander")))
    if any(o.cover for o in scene.objects):
        entries.append((lambda s, c, m: _cover_sample(s, theme, c, m), strings("map.cover")))
    if scene.exits:
        entries.append((lambda s, c, m: _exit(s, p.exit, c, m), strings("map.exit")))
    _legend(surface, theme, entries, rect.x + theme.pad, y + line // 2 + theme.pad // 4, rect.right - theme.pad)


def _legend(surface, theme: Theme, entries, x: int, y: int, right: int) -> None:
    small = theme.small()
    line = small.get_linesize()
    size = line - 6
    cx = x
    for draw, text in entries:
        img = render(text, small, theme.palette.text)
        width = size + 4 + img.get_width() + theme.pad
        if cx + width > right and cx > x:  # wrap onto a second row, never past the panel
            cx, y = x, y + line
        draw(surface, (cx + size // 2, y + line // 2), size)
        surface.blit(img, (cx + size + 4, y))
        cx += width


def _tag(surface, theme: Theme, text: str, centre, marker: int, floor: pygame.Rect) -> None:
    small = theme.small()
    img = render(text, small, theme.palette.text)
    box = img.get_rect(midbottom=(centre[0], centre[1] - marker // 2 - 3))
    if box.top < floor.top:
        box.midtop = (centre[0], centre[1] + marker // 2 + 3)
    box.clamp_ip(floor)
    pygame.draw.rect(surface, theme.palette.panel, box.inflate(4, 0))
    surface.blit(img, box)


def _person(surface, colour, centre, size, hollow: bool = False) -> None:
    radius = size // 2
    if hollow:
        pygame.draw.circle(surface, colour, centre, radius, 3)
    else:
        pygame.draw.circle(surface, colour, centre, radius)
        pygame.draw.circle(surface, (0, 0, 0), centre, radius, 1)


def _subject(surface, colour, mark_colour, centre, size, weapon: Weapon) -> None:
    x, y = centre
    s = size // 2 + 1
    points = [(x, y - s), (x + s, y + s), (x - s, y + s)]
    pygame.draw.polygon(surface, colour, points)
    pygame.draw.polygon(surface, (0, 0, 0), points, 1)
    if weapon is not Weapon.NONE:  # a slash beside the figure marks a weapon
        pygame.draw.line(surface, mark_colour, (x + s, y), (x + s + size // 2, y - size // 2), 3)


def _bystander(surface, colour, centre, size) -> None:
    pygame.draw.circle(surface, colour, centre, size // 2, 2)
    pygame.draw.line(surface, colour, (centre[0] - size // 3, centre[1]), (centre[0] + size // 3, centre[1]), 2)


def _exit(surface, colour, centre, size) -> None:
    half = size // 2
    pygame.draw.rect(surface, colour, (centre[0] - half, centre[1] - half, size, size), 3)
    pygame.draw.line(surface, colour, (centre[0] - half + 3, centre[1]), (centre[0] + half - 3, centre[1]), 2)


def _cover_sample(surface, theme: Theme, centre, size) -> None:
    box = pygame.Rect(0, 0, size, size)
    box.center = centre
    pygame.draw.rect(surface, theme.palette.cover, box)
    _hatch(surface, theme.palette.background, box)
    pygame.draw.rect(surface, theme.palette.text, box, 1)


def _hatch(surface, colour, box: pygame.Rect) -> None:
    clip = surface.get_clip()
    surface.set_clip(box.clip(clip))
    for offset in range(-box.height, box.width, 6):
        pygame.draw.line(surface, colour, (box.x + offset, box.bottom), (box.x + offset + box.height, box.y))
    surface.set_clip(clip)


def _dashed(surface, colour, start, end, dash: int = 6) -> None:
    length = math.dist(start, end)
    if length < 1:
        return
    dx, dy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    for d in range(0, int(length), dash * 2):
        a = (start[0] + dx * d, start[1] + dy * d)
        b = (start[0] + dx * min(d + dash, length), start[1] + dy * min(d + dash, length))
        pygame.draw.line(surface, colour, a, b, 2)


def _scale_bar(surface, theme: Theme, strings: Strings, x: int, y: int, scale: float, floor_width: int) -> int:
    """Draws the bar; returns the x where its label ends."""
    p = theme.palette
    target = floor_width / 6 / scale
    metres = next((n for n in NICE_LENGTHS if n >= target), NICE_LENGTHS[-1])
    length = int(metres * scale)
    pygame.draw.line(surface, p.text, (x, y), (x + length, y), 3)
    for end in (x, x + length):
        pygame.draw.line(surface, p.text, (end, y - 5), (end, y + 5), 2)
    return draw_line(surface, strings("map.scale", n=metres), theme.small(), p.text, (x + length + theme.pad, y),
                     "midleft").right
