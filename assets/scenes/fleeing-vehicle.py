"""Pictures for fleeing-vehicle: a night stop on a residential street, the car speeding off, the house, the backyard."""

from __future__ import annotations

OFFICER = (22, 28, 52)
DRIVER = (140, 104, 86)
MOTHER = (120, 96, 110)
HATCH = (128, 130, 136)


def _houses(kit, s, rng, ground_y: int = 250) -> None:
    """A row of dark houses with a few lit windows, lawns, a sidewalk and the road."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, ground_y), (8, 10, 26), (30, 32, 56))
    kit.stars(s, rng, 120, 30)
    x = -20
    while x < kit.WIDTH:
        w = rng.randrange(110, 150)
        h = rng.randrange(70, 100)
        wall = rng.randrange(36, 56)
        pg.draw.rect(s, (wall, wall - 4, wall + 6), (x, ground_y - h, w, h))
        pg.draw.polygon(s, (24, 22, 30), [(x - 8, ground_y - h), (x + w // 2, ground_y - h - 40),
                                          (x + w + 8, ground_y - h)])
        for wx in (x + 16, x + w - 36):
            lit = rng.random() < 0.35
            pg.draw.rect(s, (230, 200, 120) if lit else (30, 34, 50), (wx, ground_y - h + 18, 20, 18))
        x += w + rng.randrange(30, 50)
    pg.draw.rect(s, (24, 40, 28), (0, ground_y, kit.WIDTH, 14))  # lawns
    pg.draw.rect(s, (70, 70, 76), (0, ground_y + 14, kit.WIDTH, 10))  # sidewalk
    pg.draw.rect(s, (34, 34, 40), (0, ground_y + 24, kit.WIDTH, kit.HEIGHT - ground_y - 24))  # road


def stop(kit):
    def draw(s, rng) -> None:
        _houses(kit, s, rng)
        kit.streetlight(s, 80, 274, 150)
        kit.tree(s, 560, 262, 70, (26, 52, 34))
        kit.car_side(s, 330, 330, 200, HATCH, lights=True)
        kit.car_side(s, 40, 336, 210, (25, 28, 35), police=True)
        kit.person(s, 312, 334, 96, OFFICER)  # at the door pillar
        kit.person(s, 610, 276, 40, (40, 40, 52))  # the dog walker
        kit.pygame.draw.circle(s, (40, 40, 52), (626, 272), 5)
    return draw


def pursuit(kit):
    def draw(s, rng) -> None:
        _houses(kit, s, rng)
        kit.streetlight(s, 420, 274, 150)
        pg = kit.pygame
        kit.car_side(s, 400, 330, 190, HATCH, lights=True)
        for y in (296, 306, 316):  # speed streaks behind it
            pg.draw.line(s, (120, 120, 130), (300, y), (390, y), 2)
        kit.car_side(s, 60, 336, 200, (25, 28, 35), police=True)
        kit.person_running(s, 600, 276, 42, (50, 60, 50))  # a pedestrian hurrying to the curb
        pg.draw.circle(s, (30, 30, 34), (560, 262), 12, 3)  # the cyclist's wheels
        pg.draw.circle(s, (30, 30, 34), (588, 262), 12, 3)
        pg.draw.line(s, (30, 30, 34), (560, 262), (588, 262), 3)
        kit.person(s, 574, 258, 36, (60, 50, 44))
    return draw


def driveway(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 260), (8, 10, 26), (30, 32, 56))
        kit.stars(s, rng, 100, 30)
        pg.draw.rect(s, (52, 48, 58), (150, 120, 300, 140))  # the house
        pg.draw.polygon(s, (26, 22, 30), [(130, 120), (300, 50), (470, 120)])
        pg.draw.rect(s, (230, 200, 120), (190, 140, 34, 26))  # lit upstairs window
        pg.draw.rect(s, (30, 34, 50), (380, 140, 34, 26))
        pg.draw.rect(s, (240, 220, 160), (282, 190, 36, 70))  # open front door, light spilling
        kit.glow(s, (300, 240), 70, (255, 230, 160), 90)
        pg.draw.rect(s, (24, 40, 28), (0, 260, kit.WIDTH, 100))
        pg.draw.rect(s, (60, 60, 66), (470, 260, 170, 100))  # driveway
        kit.car_side(s, 470, 316, 160, HATCH)
        kit.person(s, 300, 262, 60, MOTHER)  # mother in the doorway
        kit.person(s, 318, 252, 58, DRIVER)  # the young man behind her
        kit.person(s, 250, 346, 96, OFFICER)
        kit.person(s, 360, 350, 98, OFFICER)
        kit.streetlight(s, 40, 340, 170)
    return draw


def backyard(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 200), (6, 8, 22), (22, 24, 44))
        kit.stars(s, rng, 90, 25)
        for fx in range(0, kit.WIDTH, 14):  # the back fence
            pg.draw.rect(s, (64, 52, 40), (fx, 150, 12, 90))
        pg.draw.rect(s, (40, 34, 30), (500, 140, 120, 110))  # garden shed
        pg.draw.polygon(s, (30, 26, 24), [(490, 140), (560, 110), (630, 140)])
        pg.draw.rect(s, (20, 34, 22), (0, 240, kit.WIDTH, 120))  # lawn
        kit.glow(s, (80, 210), 120, (255, 220, 150), 70)  # kitchen window light from the left
        kit.person(s, 330, 262, 100, DRIVER)
        # the spade raised over his shoulder
        pg.draw.line(s, (110, 80, 50), (340, 186), (392, 126), 5)
        pg.draw.polygon(s, (150, 150, 160), [(386, 116), (404, 112), (408, 134), (392, 138)])
        kit.person(s, 150, 350, 110, OFFICER, arm_out=True)
        kit.person(s, 500, 352, 106, OFFICER)
    return draw


def scenes(kit):
    return {
        "fleeing_vehicle_stop.png": stop(kit),
        "fleeing_vehicle_pursuit.png": pursuit(kit),
        "fleeing_vehicle_driveway.png": driveway(kit),
        "fleeing_vehicle_backyard.png": backyard(kit),
    }
