"""Pictures for duty-to-intervene: a lane at dusk, a cuffed man, a partner who goes too far."""

from __future__ import annotations

OFFICER = (24, 30, 56)
PARTNER = (34, 40, 70)
MAN = (120, 96, 80)


def _lane(kit, s, rng) -> None:
    """A back lane at dusk: brick wall, balcony with a resident filming, bins, a cruiser."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 120), (70, 60, 110), (210, 130, 90))
    pg.draw.rect(s, (110, 60, 48), (0, 40, kit.WIDTH, 250))  # brick wall
    for y in range(44, 290, 14):
        offset = 0 if (y // 14) % 2 else 20
        for x in range(-offset, kit.WIDTH, 40):
            pg.draw.rect(s, (95, 50, 40), (x, y, 38, 12), 1)
    pg.draw.rect(s, (60, 60, 66), (430, 110, 150, 8))  # balcony
    for x in range(434, 580, 12):
        pg.draw.line(s, (60, 60, 66), (x, 118), (x, 140), 2)
    pg.draw.rect(s, (245, 220, 150), (470, 50, 46, 58))  # lit window behind the balcony
    kit.person(s, 520, 112, 56, (30, 28, 36), arm_out=True)  # resident filming
    kit.glow(s, (553, 70), 10, (200, 220, 255), 200)
    pg.draw.rect(s, (70, 68, 72), (0, 290, kit.WIDTH, 70))  # pavement
    for x in (600, 560):
        pg.draw.rect(s, (40, 70, 50), (x - 18, 246, 36, 46), border_radius=4)  # bins
    kit.car_side(s, 10, 300, 190, (25, 28, 35), police=True)


def _prone(kit, s, x, ground_y, colour) -> None:
    """A man face down, head at x, hands cuffed behind his back."""
    pg = kit.pygame
    pg.draw.circle(s, colour, (x, ground_y - 9), 9)
    pg.draw.ellipse(s, colour, (x + 8, ground_y - 16, 62, 16))
    pg.draw.line(s, (170, 170, 178), (x + 46, ground_y - 16), (x + 54, ground_y - 16), 3)
    pg.draw.line(s, colour, (x + 66, ground_y - 8), (x + 112, ground_y - 4), 7)
    pg.draw.line(s, colour, (x + 66, ground_y - 6), (x + 110, ground_y - 16), 7)


def _kneel_on(kit, s, x, ground_y, colour) -> None:
    """An officer with one knee down at x, leaning over to the left."""
    pg = kit.pygame
    pg.draw.circle(s, colour, (x + 4, ground_y - 70), 10)
    pg.draw.line(s, colour, (x + 6, ground_y - 58), (x + 18, ground_y - 26), 16)
    pg.draw.line(s, colour, (x + 18, ground_y - 24), (x - 4, ground_y - 14), 8)  # knee on the neck
    pg.draw.line(s, colour, (x + 18, ground_y - 24), (x + 38, ground_y - 2), 8)
    pg.draw.line(s, colour, (x + 8, ground_y - 52), (x - 10, ground_y - 30), 6)


def cuffed(kit):
    def draw(s, rng) -> None:
        _lane(kit, s, rng)
        _prone(kit, s, 300, 340, MAN)
        kit.person(s, 270, 336, 100, OFFICER)
        kit.person(s, 340, 330, 108, PARTNER, arm_out=True)  # the partner standing over him
    return draw


def knee(kit):
    def draw(s, rng) -> None:
        _lane(kit, s, rng)
        _prone(kit, s, 300, 340, MAN)
        _kneel_on(kit, s, 300, 340, PARTNER)
        kit.person(s, 250, 338, 100, OFFICER, arm_out=True)  # the recruit reaching in
    return draw


def between(kit):
    def draw(s, rng) -> None:
        _lane(kit, s, rng)
        kit.pygame.draw.circle(s, MAN, (230, 302), 9)  # the man sitting by the wall
        kit.pygame.draw.ellipse(s, MAN, (220, 308, 24, 34))
        kit.pygame.draw.line(s, MAN, (236, 338), (270, 342), 7)
        kit.person(s, 320, 344, 104, OFFICER, arm_out=True)  # the recruit, palms out
        kit.person(s, 372, 340, 112, PARTNER)
        kit.glow(s, (640, 300), 120, (230, 40, 40), 60)  # the second car's lights turning in
    return draw


def scenes(kit):
    return {
        "duty_to_intervene_cuffed.png": cuffed(kit),
        "duty_to_intervene_knee.png": knee(kit),
        "duty_to_intervene_between.png": between(kit),
    }
