"""Pictures for officer-down-multiple: a bar front at closing time, three men on an officer,
the officer down, the end."""

from __future__ import annotations

OFFICER = (24, 30, 56)
PARTNER = (34, 42, 74)
RED = (150, 45, 45)
MEN = [(80, 70, 60), (60, 80, 70)]
PATRONS = [(110, 90, 120), (90, 110, 130), (130, 110, 80)]


def _street(kit, s, rng) -> None:
    """Night sidewalk in front of a bar: dark sky, brick front, a lit window, neon, a streetlight."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 120), (12, 14, 30), (30, 30, 50))
    pg.draw.rect(s, (70, 45, 40), (0, 60, kit.WIDTH, 210))  # brick front
    for y in range(66, 270, 12):
        pg.draw.line(s, (60, 38, 34), (0, y), (kit.WIDTH, y), 1)
    pg.draw.rect(s, (200, 160, 90), (230, 120, 200, 110))  # the bar window, lit from inside
    pg.draw.rect(s, (50, 35, 30), (230, 120, 200, 110), 4)
    kit.glow(s, (330, 110), 70, (255, 60, 160), 120)  # neon sign (no text)
    pg.draw.rect(s, (255, 90, 180), (290, 100, 80, 8), border_radius=4)
    pg.draw.rect(s, (230, 190, 110), (470, 130, 60, 140))  # open door
    kit.glow(s, (500, 200), 80, (255, 220, 150), 90)
    pg.draw.rect(s, (80, 80, 85), (0, 270, kit.WIDTH, 90))  # sidewalk and road
    pg.draw.line(s, (120, 120, 125), (0, 300), (kit.WIDTH, 300), 3)
    kit.streetlight(s, 600, 300, 230)


def _patrons(kit, s, n: int) -> None:
    for i in range(n):
        kit.person(s, 480 + i * 16, 272, 58, PATRONS[i % 3], arm_out=(i == 1))


def approach(kit):
    def draw(s, rng) -> None:
        _street(kit, s, rng)
        _patrons(kit, s, 3)
        kit.person(s, 330, 290, 96, PARTNER, arm_out=True)  # partner grappling at the window
        kit.person(s, 362, 288, 108, MEN[0], arm_out=False)  # the big man
        kit.person(s, 296, 292, 94, RED, arm_out=True)  # punching from behind
        kit.person(s, 388, 296, 92, MEN[1], arm_out=True)  # pulling at the vest
        kit.car_side(s, 10, 350, 200, (230, 230, 235), lights=True, police=True)
        kit.person(s, 190, 352, 104, OFFICER, arm_out=True)
    return draw


def ground(kit):
    def draw(s, rng) -> None:
        _street(kit, s, rng)
        _patrons(kit, s, 3)
        pg = kit.pygame
        kit.person_lying(s, 300, 300, 120, PARTNER)  # partner on his back on the sidewalk
        kit.person(s, 278, 298, 100, RED)  # the kicker, one leg swung at the head
        pg.draw.line(s, RED, (282, 262), (308, 286), 8)
        pg.draw.circle(s, MEN[0], (372, 250), 11)  # kneeling on the chest, hands at the holster
        pg.draw.rect(s, MEN[0], (360, 260, 26, 34), border_radius=8)
        pg.draw.line(s, MEN[0], (362, 270), (352, 290), 5)
        pg.draw.line(s, MEN[0], (384, 270), (356, 292), 5)
        pg.draw.rect(s, (20, 20, 20), (346, 288, 12, 8))  # the holster
        kit.person(s, 430, 300, 92, MEN[1], arm_out=True)
        kit.person(s, 150, 352, 110, OFFICER, arm_out=True)
    return draw


def after(kit):
    def draw(s, rng) -> None:
        _street(kit, s, rng)
        _patrons(kit, s, 5)
        pg = kit.pygame
        kit.person_lying(s, 360, 300, 110, MEN[0])  # the wounded man, still
        pg.draw.ellipse(s, (120, 10, 10), (380, 296, 40, 8))
        pg.draw.rect(s, (20, 20, 20), (430, 300, 14, 6))  # the pistol on the sidewalk
        pg.draw.circle(s, RED, (280, 236), 10)  # kneeling, hands up
        pg.draw.rect(s, RED, (270, 246, 22, 30), border_radius=7)
        pg.draw.line(s, RED, (270, 250), (258, 222), 5)
        pg.draw.line(s, RED, (292, 250), (304, 222), 5)
        pg.draw.rect(s, RED, (266, 276, 30, 14), border_radius=5)
        _sitting(kit, s, 215, 300, PARTNER)  # partner sitting up, dazed
        kit.person_running(s, 580, 320, 80, MEN[1])  # the runner at the alley mouth
        kit.person(s, 140, 352, 110, OFFICER, arm_out=True)
    return draw


def _sitting(kit, s, x, ground_y, colour) -> None:
    pg = kit.pygame
    pg.draw.circle(s, colour, (x, ground_y - 52), 10)
    pg.draw.rect(s, colour, (x - 11, ground_y - 42, 22, 34), border_radius=7)
    pg.draw.line(s, colour, (x, ground_y - 8), (x + 34, ground_y - 4), 7)
    pg.draw.line(s, colour, (x - 10, ground_y - 36), (x - 18, ground_y - 10), 5)


def scatter(kit):
    def draw(s, rng) -> None:
        _street(kit, s, rng)
        _patrons(kit, s, 5)
        kit.person_lying(s, 330, 300, 110, RED)  # the man down, no weapon anywhere
        _sitting(kit, s, 215, 300, PARTNER)
        kit.person(s, 450, 298, 92, MEN[0], arm_out=True)  # backing off, hands open
        kit.person_running(s, 585, 318, 78, MEN[1])  # staggering away
        kit.person(s, 140, 352, 110, OFFICER)
    return draw


def scenes(kit):
    return {
        "officer_down_multiple_approach.png": approach(kit),
        "officer_down_multiple_ground.png": ground(kit),
        "officer_down_multiple_after.png": after(kit),
        "officer_down_multiple_scatter.png": scatter(kit),
    }
