"""Draw the bundled scene pictures for the scenario library.

Every picture in assets/images/ is made by this script with pygame's drawing
primitives: no photographs, no third-party art. Re-run it to remake them all:

    SDL_VIDEODRIVER=dummy python assets/make_images.py

Pictures are flat illustrations, 640x360, deliberately without faces or
text so they suit any language and do not stereotype anyone.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402  (the driver must be chosen before import)

WIDTH, HEIGHT = 640, 360
OUT_DIR = Path(__file__).resolve().parent / "images"

Color = tuple[int, int, int]


def vertical_gradient(surface: pygame.Surface, rect: pygame.Rect, top: Color, bottom: Color) -> None:
    """Fill rect with a top-to-bottom colour blend."""
    for y in range(rect.height):
        t = y / max(1, rect.height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        pygame.draw.line(surface, colour, (rect.x, rect.y + y), (rect.right - 1, rect.y + y))


def glow(surface: pygame.Surface, centre: tuple[int, int], radius: int, colour: Color, strength: int = 90) -> None:
    """A soft light pool: concentric translucent circles."""
    layer = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
    for r in range(radius, 0, -4):
        alpha = round(strength * (1 - r / radius) ** 1.5)
        pygame.draw.circle(layer, (*colour, alpha), centre, r)
    surface.blit(layer, (0, 0))


def light_cone(surface: pygame.Surface, top: tuple[int, int], half_width: int, floor_y: int, colour: Color) -> None:
    layer = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
    steps = 12
    for i in range(steps, 0, -1):
        w = half_width * i / steps
        pygame.draw.polygon(
            layer, (*colour, 10), [(top[0] - 6, top[1]), (top[0] + 6, top[1]), (top[0] + w, floor_y),
                                   (top[0] - w, floor_y)]
        )
    surface.blit(layer, (0, 0))


def person(surface: pygame.Surface, x: int, feet_y: int, height: int, colour: Color, arm_out: bool = False) -> None:
    """A simple faceless figure standing with its feet at (x, feet_y)."""
    head_r = max(3, height // 9)
    body_top = feet_y - height + 2 * head_r
    body_w = max(6, height // 4)
    pygame.draw.circle(surface, colour, (x, feet_y - height + head_r), head_r)
    pygame.draw.rect(surface, colour, (x - body_w // 2, body_top, body_w, int(height * 0.45)),
                     border_radius=body_w // 3)
    leg_top = body_top + int(height * 0.42)
    pygame.draw.line(surface, colour, (x - body_w // 4, leg_top), (x - body_w // 3, feet_y), max(2, body_w // 3))
    pygame.draw.line(surface, colour, (x + body_w // 4, leg_top), (x + body_w // 3, feet_y), max(2, body_w // 3))
    arm_w = max(2, body_w // 4)
    if arm_out:
        pygame.draw.line(surface, colour, (x + body_w // 2, body_top + 4),
                         (x + body_w + height // 6, body_top + height // 8), arm_w)
    else:
        pygame.draw.line(surface, colour, (x + body_w // 2, body_top + 4),
                         (x + body_w // 2 + 2, body_top + int(height * 0.4)), arm_w)
    pygame.draw.line(surface, colour, (x - body_w // 2, body_top + 4),
                     (x - body_w // 2 - 2, body_top + int(height * 0.4)), arm_w)


def person_running(surface: pygame.Surface, x: int, feet_y: int, height: int, colour: Color) -> None:
    """A faceless figure in mid-stride, heading right."""
    head_r = max(3, height // 9)
    lean = height // 10
    hip = (x, feet_y - int(height * 0.45))
    neck = (x + lean, feet_y - height + 2 * head_r)
    width = max(3, height // 8)
    pygame.draw.circle(surface, colour, (neck[0] + 2, neck[1] - head_r), head_r)
    pygame.draw.line(surface, colour, neck, hip, width + 3)
    pygame.draw.line(surface, colour, hip, (x + height // 4, feet_y - height // 6), width)  # front thigh
    pygame.draw.line(surface, colour, (x + height // 4, feet_y - height // 6), (x + height // 5, feet_y), width)
    pygame.draw.line(surface, colour, hip, (x - height // 5, feet_y - height // 8), width)  # back leg
    pygame.draw.line(surface, colour, (x - height // 5, feet_y - height // 8), (x - height // 3, feet_y - height // 5),
                     width)
    shoulder = (neck[0], neck[1] + 6)
    pygame.draw.line(surface, colour, shoulder, (x + height // 4, neck[1] + height // 5), max(2, width - 1))
    pygame.draw.line(surface, colour, shoulder, (x - height // 5, neck[1] + height // 4), max(2, width - 1))


def person_lying(surface: pygame.Surface, x: int, ground_y: int, length: int, colour: Color) -> None:
    """A faceless figure curled on the ground, head at x."""
    head_r = max(3, length // 9)
    pygame.draw.circle(surface, colour, (x, ground_y - head_r), head_r)
    pygame.draw.ellipse(surface, colour, (x + head_r, ground_y - 2 * head_r - 2, int(length * 0.5), 2 * head_r + 2))
    knee = (x + head_r + int(length * 0.62), ground_y - 3 * head_r)
    pygame.draw.line(surface, colour, (x + head_r + int(length * 0.45), ground_y - head_r), knee, max(3, head_r))
    pygame.draw.line(surface, colour, knee, (x + head_r + int(length * 0.8), ground_y - 2), max(3, head_r))


def car_side(surface: pygame.Surface, x: int, ground_y: int, length: int, body: Color, lights: bool = False,
             police: bool = False) -> None:
    """A side-on sedan: body, cabin, windows, wheels."""
    h = length // 5
    pygame.draw.rect(surface, body, (x, ground_y - h - 10, length, h), border_radius=10)
    cabin = [(x + length * 0.22, ground_y - h - 10), (x + length * 0.32, ground_y - h * 2 - 4),
             (x + length * 0.68, ground_y - h * 2 - 4), (x + length * 0.8, ground_y - h - 10)]
    pygame.draw.polygon(surface, body, cabin)
    glass = (70, 90, 110)
    pygame.draw.polygon(surface, glass, [(x + length * 0.26, ground_y - h - 12),
                                         (x + length * 0.34, ground_y - h * 2 + 1),
                                         (x + length * 0.49, ground_y - h * 2 + 1),
                                         (x + length * 0.49, ground_y - h - 12)])
    pygame.draw.polygon(surface, glass, [(x + length * 0.52, ground_y - h - 12),
                                         (x + length * 0.52, ground_y - h * 2 + 1),
                                         (x + length * 0.66, ground_y - h * 2 + 1),
                                         (x + length * 0.76, ground_y - h - 12)])
    for wx in (x + length * 0.2, x + length * 0.8):
        pygame.draw.circle(surface, (25, 25, 28), (int(wx), ground_y - 10), h // 2 + 2)
        pygame.draw.circle(surface, (120, 120, 125), (int(wx), ground_y - 10), h // 4)
    if lights:
        glow(surface, (x + length - 4, ground_y - h), 60, (255, 240, 200), 110)
        glow(surface, (x + 4, ground_y - h), 30, (255, 60, 60), 120)
    if police:
        pygame.draw.rect(surface, (240, 240, 240), (x + length * 0.05, ground_y - h - 4, length * 0.9, h // 3))
        bar_y = ground_y - h * 2 - 10
        pygame.draw.rect(surface, (230, 40, 40), (x + length * 0.38, bar_y, length * 0.12, 6))
        pygame.draw.rect(surface, (40, 90, 240), (x + length * 0.5, bar_y, length * 0.12, 6))
        glow(surface, (int(x + length * 0.44), bar_y), 80, (230, 40, 40), 70)
        glow(surface, (int(x + length * 0.56), bar_y), 80, (40, 90, 240), 70)


def tree(surface: pygame.Surface, x: int, ground_y: int, size: int, leaf: Color) -> None:
    pygame.draw.rect(surface, (60, 45, 35), (x - size // 10, ground_y - size, size // 5, size))
    for dx, dy, r in ((0, -size, size // 2), (-size // 3, -size * 0.8, size // 3), (size // 3, -size * 0.8, size // 3)):
        pygame.draw.circle(surface, leaf, (int(x + dx), int(ground_y + dy)), int(r))


def streetlight(surface: pygame.Surface, x: int, ground_y: int, height: int) -> None:
    pygame.draw.line(surface, (60, 62, 70), (x, ground_y), (x, ground_y - height), 4)
    pygame.draw.line(surface, (60, 62, 70), (x, ground_y - height), (x + 24, ground_y - height), 4)
    pygame.draw.ellipse(surface, (255, 236, 170), (x + 16, ground_y - height, 18, 7))
    light_cone(surface, (x + 25, ground_y - height + 6), 90, ground_y + 10, (255, 230, 150))
    glow(surface, (x + 25, ground_y - height + 4), 40, (255, 236, 170), 120)


def stars(surface: pygame.Surface, rng: random.Random, bottom: int, count: int = 40) -> None:
    for _ in range(count):
        x, y = rng.randrange(WIDTH), rng.randrange(bottom)
        shade = rng.randrange(150, 230)
        surface.set_at((x, y), (shade, shade, shade))


# ---------------------------------------------------------------- scenes


def hallway(s: pygame.Surface, rng: random.Random) -> None:
    """Apartment hallway in one-point perspective."""
    vx, vy = 320, 170  # vanishing point
    s.fill((205, 200, 185))
    far = pygame.Rect(vx - 60, vy - 55, 120, 110)
    pygame.draw.polygon(s, (185, 180, 165), [(0, 0), (far.left, far.top), (far.left, far.bottom), (0, HEIGHT)])
    pygame.draw.polygon(s, (190, 186, 170), [(WIDTH, 0), (far.right, far.top), (far.right, far.bottom),
                                             (WIDTH, HEIGHT)])
    pygame.draw.polygon(s, (235, 232, 222), [(0, 0), (WIDTH, 0), (far.right, far.top), (far.left, far.top)])
    pygame.draw.polygon(s, (120, 95, 80), [(0, HEIGHT), (WIDTH, HEIGHT), (far.right, far.bottom),
                                           (far.left, far.bottom)])
    pygame.draw.rect(s, (170, 165, 150), far)
    pygame.draw.rect(s, (150, 185, 210), (vx - 25, vy - 35, 50, 40))  # end window
    # carpet runner
    pygame.draw.polygon(s, (140, 60, 55), [(180, HEIGHT), (460, HEIGHT), (vx + 25, far.bottom), (vx - 25, far.bottom)])
    # ceiling lights
    for t in (0.25, 0.55, 0.8):
        y = int(far.top * t)
        w = int(60 * (1 - t) + 10)
        pygame.draw.ellipse(s, (255, 250, 225), (vx - w // 2, y, w, max(4, w // 5)))
        glow(s, (vx, y + 3), 70, (255, 250, 220), 40)

    def door(side: int, near: float, far_t: float, colour: Color, open_door: bool = False) -> None:
        def at(t: float, y_frac: float) -> tuple[int, int]:
            x_edge = 0 if side < 0 else WIDTH
            x_far = far.left if side < 0 else far.right
            x = x_edge + (x_far - x_edge) * t
            top = 0 + (far.top - 0) * t
            bottom = HEIGHT + (far.bottom - HEIGHT) * t
            return int(x), int(top + (bottom - top) * y_frac)
        poly = [at(near, 0.22), at(far_t, 0.22), at(far_t, 1.0), at(near, 1.0)]
        pygame.draw.polygon(s, (40, 30, 25) if open_door else colour, poly)
        pygame.draw.polygon(s, (90, 70, 55), poly, 3)
        if not open_door:
            kx, ky = at(far_t - (far_t - near) * 0.15, 0.62)
            pygame.draw.circle(s, (210, 190, 120), (kx, ky), 3)

    door(-1, 0.18, 0.32, (150, 110, 80))
    door(-1, 0.58, 0.66, (150, 110, 80))
    door(1, 0.30, 0.44, (150, 110, 80), open_door=True)
    door(1, 0.70, 0.76, (150, 110, 80))
    glow(s, (505, 270), 90, (255, 220, 160), 50)  # light spilling from the open door
    person(s, 470, 290, 120, (45, 50, 70))  # figure at the open door


def street_car_night(s: pygame.Surface, rng: random.Random) -> None:
    """Dark rural road with a stopped car and a cruiser behind it."""
    vertical_gradient(s, pygame.Rect(0, 0, WIDTH, 230), (8, 12, 30), (35, 40, 70))
    stars(s, rng, 200)
    pygame.draw.circle(s, (235, 235, 210), (540, 60), 18)
    pygame.draw.circle(s, (30, 35, 65), (548, 55), 16)
    # distant tree line
    for x in range(-20, WIDTH + 20, 26):
        h = rng.randrange(30, 60)
        pygame.draw.ellipse(s, (14, 22, 24), (x, 230 - h, 44, h + 20))
    pygame.draw.rect(s, (22, 30, 26), (0, 230, WIDTH, 40))
    pygame.draw.rect(s, (40, 40, 46), (0, 262, WIDTH, 70))
    pygame.draw.rect(s, (55, 52, 50), (0, 330, WIDTH, 30))
    for x in range(0, WIDTH, 60):
        pygame.draw.rect(s, (210, 190, 90), (x, 295, 32, 4))
    car_side(s, 330, 320, 200, (110, 30, 35), lights=True)
    car_side(s, 70, 322, 210, (25, 28, 35), police=True)
    person(s, 300, 318, 70, (15, 18, 30))


def convenience_store(s: pygame.Surface, rng: random.Random) -> None:
    """Inside a corner store: shelves, counter, door."""
    s.fill((232, 232, 226))
    pygame.draw.rect(s, (200, 205, 200), (0, 250, WIDTH, 110))
    for x in range(0, WIDTH, 40):
        pygame.draw.line(s, (185, 190, 185), (x, 250), (x - 60, HEIGHT), 1)
    # fluorescent tubes
    for x in (80, 300, 520):
        pygame.draw.rect(s, (255, 255, 245), (x, 12, 90, 8), border_radius=3)
        glow(s, (x + 45, 16), 60, (255, 255, 240), 40)
    # shelves with goods
    colours = [(200, 60, 60), (60, 120, 200), (240, 190, 60), (80, 170, 90), (230, 120, 40), (150, 90, 170)]
    for sx in (20, 190):
        pygame.draw.rect(s, (150, 155, 160), (sx, 70, 150, 185))
        for row in range(4):
            y = 82 + row * 44
            pygame.draw.rect(s, (110, 115, 120), (sx + 5, y + 34, 140, 5))
            x = sx + 8
            while x < sx + 138:
                w = rng.randrange(10, 18)
                h = rng.randrange(18, 32)
                pygame.draw.rect(s, rng.choice(colours), (x, y + 34 - h, w, h), border_radius=2)
                x += w + 3
    # glass door with the night outside
    pygame.draw.rect(s, (30, 40, 60), (380, 60, 100, 195))
    pygame.draw.rect(s, (120, 125, 130), (380, 60, 100, 195), 6)
    pygame.draw.line(s, (120, 125, 130), (430, 60), (430, 255), 4)
    glow(s, (410, 110), 30, (255, 220, 150), 60)
    person(s, 608, 250, 160, (70, 80, 120))  # clerk, legs hidden behind the counter
    # counter with till
    pygame.draw.rect(s, (120, 80, 55), (470, 170, 170, 110))
    pygame.draw.rect(s, (150, 105, 75), (462, 160, 178, 16))
    pygame.draw.rect(s, (50, 55, 60), (495, 128, 50, 32), border_radius=4)
    pygame.draw.rect(s, (120, 200, 160), (503, 134, 34, 12))
    person(s, 350, 300, 120, (40, 40, 45), arm_out=True)  # customer heading for the door


def apartment_kitchen(s: pygame.Surface, rng: random.Random) -> None:
    """A small apartment kitchen: cabinets, stove, table."""
    s.fill((236, 222, 196))
    pygame.draw.rect(s, (180, 150, 120), (0, 270, WIDTH, 90))
    for x in range(0, WIDTH, 48):
        pygame.draw.line(s, (165, 135, 105), (x, 270), (x, HEIGHT), 2)
    # upper cabinets
    for x in range(20, 360, 85):
        pygame.draw.rect(s, (120, 150, 140), (x, 40, 80, 80), border_radius=4)
        pygame.draw.circle(s, (230, 220, 190), (x + 70, 108), 3)
    # counter and lower cabinets
    pygame.draw.rect(s, (120, 150, 140), (20, 190, 340, 80))
    pygame.draw.rect(s, (210, 205, 195), (14, 178, 352, 14))
    for x in range(20, 360, 85):
        pygame.draw.rect(s, (100, 130, 120), (x + 4, 198, 76, 66), 2, border_radius=3)
    # stove and sink
    pygame.draw.rect(s, (60, 60, 64), (150, 166, 70, 12))
    pygame.draw.rect(s, (170, 175, 180), (260, 172, 60, 8))
    pygame.draw.line(s, (170, 175, 180), (300, 172), (300, 150), 4)
    # window
    vertical_gradient(s, pygame.Rect(420, 40, 150, 110), (150, 190, 225), (205, 225, 240))
    pygame.draw.ellipse(s, (240, 245, 250), (440, 70, 50, 16))  # a cloud; neither day nor night is implied
    pygame.draw.rect(s, (250, 248, 240), (420, 40, 150, 110), 6)
    pygame.draw.line(s, (250, 248, 240), (495, 40), (495, 150), 4)
    # table with chairs
    pygame.draw.rect(s, (150, 100, 60), (400, 220, 180, 14))
    pygame.draw.rect(s, (130, 85, 50), (410, 234, 10, 50))
    pygame.draw.rect(s, (130, 85, 50), (560, 234, 10, 50))
    pygame.draw.rect(s, (130, 85, 50), (600, 190, 10, 95))
    pygame.draw.rect(s, (130, 85, 50), (585, 230, 35, 8))
    pygame.draw.circle(s, (245, 245, 245), (470, 214), 8)  # a mug
    # hanging light
    pygame.draw.line(s, (80, 80, 80), (490, 0), (490, 160 - 130), 2)
    pygame.draw.polygon(s, (230, 120, 60), [(470, 40), (510, 40), (500, 28), (480, 28)])
    glow(s, (490, 45), 110, (255, 220, 160), 45)
    person(s, 230, 300, 130, (80, 60, 70))
    person(s, 520, 300, 110, (60, 90, 110))


def park_night(s: pygame.Surface, rng: random.Random) -> None:
    """A city park after dark: trees, path, lamp, a gathering."""
    vertical_gradient(s, pygame.Rect(0, 0, WIDTH, 200), (10, 14, 36), (40, 50, 80))
    stars(s, rng, 160)
    for x in range(0, WIDTH, 70):  # skyline
        h = rng.randrange(40, 110)
        pygame.draw.rect(s, (20, 24, 40), (x, 200 - h, 60, h))
        for wy in range(200 - h + 8, 196, 14):
            for wx in range(x + 6, x + 56, 12):
                if rng.random() < 0.3:
                    pygame.draw.rect(s, (230, 200, 120), (wx, wy, 5, 6))
    pygame.draw.rect(s, (20, 45, 30), (0, 200, WIDTH, 160))
    pygame.draw.polygon(s, (90, 85, 75), [(250, HEIGHT), (390, HEIGHT), (350, 200), (320, 200)])
    for x, size in ((60, 110), (160, 80), (520, 120), (610, 90)):
        tree(s, x, 260 if size > 90 else 240, size, (24, 60, 36))
    streetlight(s, 420, 300, 170)
    # bench
    pygame.draw.rect(s, (100, 70, 45), (450, 270, 80, 8))
    pygame.draw.rect(s, (100, 70, 45), (450, 255, 80, 6))
    for i, x in enumerate((170, 200, 230, 262, 290, 470, 500)):
        person(s, x, 300 + (i % 2) * 6, 70 + (i % 3) * 6, (10, 12, 20), arm_out=(i == 2))


def transit_platform(s: pygame.Surface, rng: random.Random) -> None:
    """An underground platform with the yellow edge line and tracks."""
    s.fill((70, 75, 85))
    pygame.draw.rect(s, (215, 210, 195), (0, 0, WIDTH, 60))
    for x in range(0, WIDTH, 160):
        pygame.draw.rect(s, (255, 255, 240), (x + 30, 20, 100, 8), border_radius=3)
        glow(s, (x + 80, 24), 80, (255, 255, 230), 40)
    # tiled wall
    for y in range(60, 200, 20):
        for x in range(0, WIDTH, 40):
            pygame.draw.rect(s, (180, 195, 200), (x + (10 if (y // 20) % 2 else 0), y, 38, 18))
    pygame.draw.rect(s, (40, 110, 170), (0, 120, WIDTH, 14))
    pygame.draw.rect(s, (60, 60, 70), (230, 70, 180, 40))  # sign board, left blank on purpose
    pygame.draw.rect(s, (90, 90, 100), (230, 70, 180, 40), 3)
    # platform floor
    pygame.draw.rect(s, (150, 150, 150), (0, 200, WIDTH, 90))
    pygame.draw.rect(s, (240, 200, 40), (0, 276, WIDTH, 10))
    # track bed
    pygame.draw.rect(s, (30, 28, 30), (0, 290, WIDTH, 70))
    for x in range(0, WIDTH, 30):
        pygame.draw.rect(s, (75, 60, 50), (x, 318, 18, 30))
    for y in (322, 342):
        pygame.draw.line(s, (170, 170, 180), (0, y), (WIDTH, y), 4)
    # bench and people
    pygame.draw.rect(s, (120, 90, 60), (480, 225, 110, 10))
    person(s, 140, 270, 100, (40, 45, 60))
    person(s, 330, 272, 80, (180, 60, 60))  # a young person in a red jacket near the edge
    person(s, 540, 260, 95, (60, 60, 80))


def parking_lot(s: pygame.Surface, rng: random.Random) -> None:
    """A big-box store parking lot at night, seen from across the lot (no people)."""
    vertical_gradient(s, pygame.Rect(0, 0, WIDTH, 170), (6, 8, 22), (30, 34, 60))
    stars(s, rng, 140, 30)
    pygame.draw.rect(s, (60, 58, 62), (80, 90, 480, 80))  # store front
    pygame.draw.rect(s, (90, 40, 40), (80, 90, 480, 12))  # sign band, left blank on purpose
    pygame.draw.rect(s, (240, 230, 200), (260, 120, 120, 50))
    glow(s, (320, 140), 120, (255, 240, 200), 50)
    pygame.draw.rect(s, (45, 45, 50), (0, 170, WIDTH, 190))
    for i in range(-6, 8):  # parking lines in perspective
        pygame.draw.line(s, (150, 150, 145), (320 + i * 40, 185), (320 + i * 110, HEIGHT), 2)
    streetlight(s, 120, 300, 190)
    streetlight(s, 500, 300, 190)
    car_side(s, 40, 290, 170, (50, 80, 120))
    car_side(s, 400, 300, 190, (160, 160, 165))


def parking_lot_night(s: pygame.Surface, rng: random.Random) -> None:
    """The lot with one figure running toward the back fence."""
    parking_lot(s, rng)
    for start, end in ((0, 80), (560, WIDTH)):  # chain-link fence beside the store
        for x in range(start, end - 8, 12):
            pygame.draw.line(s, (110, 115, 120), (x, 140), (x + 10, 170), 1)
            pygame.draw.line(s, (110, 115, 120), (x + 10, 140), (x, 170), 1)
        pygame.draw.line(s, (130, 135, 140), (start, 140), (end, 140), 2)
    person_running(s, 330, 300, 86, (15, 15, 22))


def parking_lot_assault(s: pygame.Surface, rng: random.Random) -> None:
    """The lot with one figure standing over another who is curled on the ground."""
    parking_lot(s, rng)
    person(s, 290, 306, 90, (15, 15, 22), arm_out=True)
    person_lying(s, 312, 318, 96, (85, 75, 95))
    for x in (560, 585):  # onlookers at a distance
        person(s, x, 236, 40, (25, 25, 35))


def bar_interior(s: pygame.Surface, rng: random.Random) -> None:
    """A pub at closing time: bar, stools, bottles."""
    vertical_gradient(s, pygame.Rect(0, 0, WIDTH, 250), (70, 40, 30), (110, 65, 40))
    pygame.draw.rect(s, (60, 35, 25), (0, 250, WIDTH, 110))
    # back shelf with bottles
    for y in (60, 120):
        pygame.draw.rect(s, (90, 55, 35), (60, y + 40, 520, 6))
        x = 70
        while x < 570:
            w = rng.randrange(10, 16)
            h = rng.randrange(24, 38)
            colour = rng.choice([(40, 110, 60), (150, 90, 30), (200, 200, 210), (120, 30, 40)])
            pygame.draw.rect(s, colour, (x, y + 40 - h, w, h), border_radius=3)
            pygame.draw.rect(s, colour, (x + w // 3, y + 40 - h - 8, w // 3, 8))
            x += w + 6
    glow(s, (320, 80), 200, (255, 200, 120), 45)
    # bar counter
    pygame.draw.rect(s, (95, 55, 30), (0, 200, WIDTH, 90))
    pygame.draw.rect(s, (140, 85, 45), (0, 190, WIDTH, 14))
    for x in (120, 220, 420, 520):
        pygame.draw.circle(s, (170, 40, 40), (x, 296), 20)
        pygame.draw.line(s, (50, 50, 50), (x, 300), (x, 350), 5)
    person(s, 300, 330, 140, (40, 50, 60), arm_out=True)
    person(s, 560, 190, 80, (220, 220, 220))  # staff behind the bar


SCENES: dict[str, Callable[[pygame.Surface, random.Random], None]] = {
    "hallway.png": hallway,
    "street_car_night.png": street_car_night,
    "convenience_store.png": convenience_store,
    "apartment_kitchen.png": apartment_kitchen,
    "park_night.png": park_night,
    "transit_platform.png": transit_platform,
    "parking_lot_night.png": parking_lot_night,
    "parking_lot_assault.png": parking_lot_assault,
    "bar_interior.png": bar_interior,
}


PLUGINS = Path(__file__).resolve().parent / "scenes"


def _plugin_scenes() -> dict[str, Callable[[pygame.Surface, random.Random], None]]:
    """Pictures drawn in assets/scenes/*.py, so each scenario's author keeps a file of their own.

    Each file defines `scenes(kit)` returning {file name: drawer}; `kit` holds this
    module's primitives (person, car_side, glow, ..., WIDTH, HEIGHT, pygame), so every
    picture is drawn the same way.
    """
    kit = SimpleNamespace(**{k: v for k, v in globals().items() if not k.startswith("_")})
    found: dict[str, Callable[[pygame.Surface, random.Random], None]] = {}
    for path in sorted(PLUGINS.glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"uofsim_scenes_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, drawer in module.scenes(kit).items():
            if name in SCENES or name in found:
                raise ValueError(f"{path.name}: picture {name} is drawn twice")
            found[name] = drawer
    return found


SCENES.update(_plugin_scenes())


def render(name: str) -> pygame.Surface:
    """Draw one picture; seeded by its name, so every run gives the same pixels."""
    surface = pygame.Surface((WIDTH, HEIGHT))
    SCENES[name](surface, random.Random(name))
    return surface


def write_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCENES:
        target = out_dir / name
        pygame.image.save(render(name), str(target))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the scenario library's scene pictures.")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=f"folder to write to (default {OUT_DIR})")
    args = parser.parse_args(argv)
    for path in write_all(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
