"""Pictures for care-after-restraint: a city street at night, a man cuffed face down, then on his side."""

from __future__ import annotations

OFFICER = (22, 28, 52)
MAN = (150, 112, 92)


def _street(kit, s, rng) -> None:
    """Downtown street at 2 a.m.: dark storefronts, lit windows, four lanes, a sidewalk."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 200), (10, 12, 28), (38, 36, 60))
    x = 0
    while x < kit.WIDTH:
        w = rng.randrange(70, 120)
        h = rng.randrange(110, 190)
        shade = rng.randrange(28, 48)
        pg.draw.rect(s, (shade, shade, shade + 10), (x, 200 - h, w, h))
        for wy in range(200 - h + 12, 190, 22):
            for wx in range(x + 8, x + w - 14, 18):
                if rng.random() < 0.3:
                    pg.draw.rect(s, (230, 200, 120), (wx, wy, 9, 12))
        x += w + 4
    pg.draw.rect(s, (60, 58, 62), (0, 200, kit.WIDTH, 16))  # far sidewalk
    pg.draw.rect(s, (38, 38, 44), (0, 216, kit.WIDTH, 94))  # road
    for lx in range(0, kit.WIDTH, 70):
        pg.draw.rect(s, (200, 200, 190), (lx, 262, 36, 3))
    pg.draw.rect(s, (88, 86, 90), (0, 310, kit.WIDTH, 50))  # near sidewalk
    pg.draw.line(s, (120, 118, 122), (0, 310), (kit.WIDTH, 310), 3)
    kit.streetlight(s, 120, 312, 170)
    kit.streetlight(s, 470, 312, 170)


def _kneeling(kit, s, x, ground_y, colour) -> None:
    """An officer kneeling, one knee down, leaning forward to the left."""
    pg = kit.pygame
    pg.draw.circle(s, colour, (x - 10, ground_y - 62), 9)
    pg.draw.line(s, colour, (x - 6, ground_y - 52), (x + 6, ground_y - 22), 14)
    pg.draw.line(s, colour, (x + 6, ground_y - 20), (x - 14, ground_y - 4), 7)  # thigh to knee
    pg.draw.line(s, colour, (x + 6, ground_y - 20), (x + 24, ground_y - 2), 7)  # shin
    pg.draw.line(s, colour, (x - 6, ground_y - 46), (x - 26, ground_y - 20), 5)  # arm reaching down


def _prone(kit, s, x, ground_y, colour) -> None:
    """A man lying face down, head at x, hands behind his back."""
    pg = kit.pygame
    pg.draw.circle(s, colour, (x, ground_y - 9), 9)
    pg.draw.ellipse(s, colour, (x + 8, ground_y - 16, 62, 16))
    pg.draw.line(s, (170, 170, 178), (x + 46, ground_y - 16), (x + 54, ground_y - 16), 3)  # cuffs
    pg.draw.line(s, colour, (x + 66, ground_y - 8), (x + 112, ground_y - 4), 7)
    pg.draw.line(s, colour, (x + 66, ground_y - 6), (x + 110, ground_y - 16), 7)


def roadway(kit):
    def draw(s, rng) -> None:
        _street(kit, s, rng)
        kit.car_side(s, 380, 286, 190, (120, 120, 128), lights=True)
        kit.car_side(s, 20, 318, 200, (25, 28, 35), police=True)
        kit.person(s, 300, 282, 84, MAN, arm_out=True)
        kit.person(s, 230, 330, 92, OFFICER)
        kit.person(s, 200, 336, 96, OFFICER)
        kit.person(s, 600, 312, 48, (30, 30, 40))  # the clerk at the store door
    return draw


def prone(kit):
    def draw(s, rng) -> None:
        _street(kit, s, rng)
        kit.car_side(s, 20, 300, 200, (25, 28, 35), police=True)
        _prone(kit, s, 250, 344, MAN)
        _kneeling(kit, s, 300, 340, OFFICER)  # knee across his shoulders
        kit.person(s, 400, 344, 92, OFFICER)
        for x in (560, 590, 612):
            kit.person(s, x, 318, 50, (32, 32, 44))  # onlookers filming
            kit.glow(s, (x + 8, 286), 8, (200, 220, 255), 160)
    return draw


def recovery(kit):
    def draw(s, rng) -> None:
        _street(kit, s, rng)
        kit.car_side(s, 20, 300, 200, (25, 28, 35), police=True)
        kit.car_side(s, 400, 300, 220, (225, 225, 220), lights=True)  # the ambulance arriving
        kit.pygame.draw.rect(s, (200, 60, 30), (404, 262, 212, 8))  # the ambulance's stripe
        kit.glow(s, (500, 232), 70, (230, 40, 40), 90)
        kit.person_lying(s, 250, 346, 100, MAN)  # on his side
        kit.person(s, 360, 346, 92, OFFICER)
        _kneeling(kit, s, 240, 346, OFFICER)  # kneeling at his head, watching him breathe
    return draw


def scenes(kit):
    return {
        "care_after_restraint_roadway.png": roadway(kit),
        "care_after_restraint_prone.png": prone(kit),
        "care_after_restraint_recovery.png": recovery(kit),
    }
