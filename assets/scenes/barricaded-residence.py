"""Pictures for scenarios/barricaded-residence.yaml: a house on a night crescent."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W = kit.WIDTH

    def street(s, rng, dawn=False):
        top, bottom = ((30, 34, 60), (70, 70, 95)) if dawn else ((6, 10, 26), (28, 32, 58))
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 220), top, bottom)
        kit.stars(s, rng, 150, 25 if not dawn else 8)
        pg.draw.rect(s, (22, 34, 24), (0, 220, W, 90))  # lawns
        pg.draw.rect(s, (44, 44, 50), (0, 300, W, 60))  # street
        pg.draw.rect(s, (70, 70, 74), (0, 296, W, 6))  # curb
        kit.tree(s, 600, 230, 70, (18, 40, 26))

    def house(s, lit=True, broken=False, door_open=False):
        body = pg.Rect(210, 110, 240, 120)
        pg.draw.rect(s, (92, 80, 72), body)
        pg.draw.polygon(s, (52, 40, 38), [(195, 112), (330, 45), (465, 112)])
        pg.draw.rect(s, (60, 58, 56), (300, 230, 60, 10))  # porch step
        pg.draw.rect(s, (40, 34, 30) if not door_open else (250, 220, 150), (312, 160, 36, 70))
        win = (255, 214, 130) if lit else (30, 30, 36)
        for x in (228, 378):
            pg.draw.rect(s, win, (x, 140, 56, 44))
            pg.draw.rect(s, (40, 34, 30), (x, 140, 56, 44), 3)
            if lit:
                kit.glow(s, (x + 28, 162), 50, (255, 210, 140), 45)
        pg.draw.rect(s, win, (300, 68, 60, 26))
        if broken:
            pg.draw.rect(s, (18, 16, 20), (228, 140, 56, 44))
            for pts in ([(228, 140), (246, 140), (236, 160)], [(284, 184), (262, 184), (278, 166)],
                        [(284, 140), (270, 140), (284, 156)]):
                pg.draw.polygon(s, (180, 200, 215), pts)
            for i in range(26):
                gx = 214 + (i * 37) % 90
                gy = 236 + (i * 13) % 40
                pg.draw.line(s, (190, 210, 225), (gx, gy), (gx + 3, gy + 1), 2)

    def cruiser_angle(s):
        kit.car_side(s, 18, 342, 190, (25, 28, 35), police=True)

    def brick_corner(s):
        pg.draw.rect(s, (120, 60, 45), (0, 150, 70, 160))
        for y in range(154, 310, 12):
            off = 0 if (y // 12) % 2 else 10
            for x in range(-10 + off, 70, 22):
                pg.draw.rect(s, (96, 46, 36), (x, y, 20, 10), 1)

    def gunman_at_window(s):
        kit.person(s, 256, 196, 58, (20, 16, 18))
        pg.draw.line(s, (15, 12, 12), (240, 182), (276, 146), 4)  # long gun across the chest
        pg.draw.rect(s, (92, 80, 72), (228, 187, 56, 12))  # wall below the sill hides his legs

    def at_window(s, rng):
        street(s, rng)
        house(s)
        gunman_at_window(s)
        kit.streetlight(s, 560, 300, 150)
        cruiser_angle(s)
        kit.person(s, 170, 318, 62, (12, 16, 30))  # officer behind the engine block

    def window_broken(s, rng):
        street(s, rng)
        house(s, broken=True)
        kit.streetlight(s, 560, 300, 150)
        kit.car_side(s, 90, 342, 190, (25, 28, 35), police=True)
        brick_corner(s)
        kit.person(s, 84, 300, 62, (12, 16, 30))  # officer at the brick corner

    def lawn_running(s, rng):
        street(s, rng, dawn=True)
        house(s, lit=False, door_open=True)
        for x in (318, 342, 480, 500):
            kit.person(s, x, 238 if x < 400 else 262, 56, (30, 36, 30))  # tactical officers
        kit.glow(s, (420, 200), 160, (240, 240, 255), 50)  # floodlight
        layer = pg.Surface((120, 100), pg.SRCALPHA)
        kit.person_running(layer, 60, 90, 64, (90, 70, 60))
        s.blit(pg.transform.flip(layer, True, False), (140, 182))  # Gord, running left toward the post
        brick_corner(s)
        kit.person(s, 94, 290, 64, (12, 16, 30))
        kit.person(s, 124, 296, 64, (12, 16, 30))
        pg.draw.rect(s, (150, 150, 146), (40, 282, 160, 10))  # concrete retaining wall

    def lawn_ground(s, rng):
        street(s, rng, dawn=True)
        house(s, lit=False, door_open=True)
        kit.glow(s, (420, 200), 160, (240, 240, 255), 50)
        pg.draw.rect(s, (150, 150, 146), (40, 282, 160, 10))
        kit.person_lying(s, 140, 276, 70, (90, 70, 60))  # Gord on the grass
        kit.person(s, 128, 276, 48, (12, 16, 30))  # officers kneeling beside him
        kit.person(s, 226, 276, 48, (12, 16, 30))
        for x in (290, 312):
            kit.person_running(s, x, 262, 56, (30, 36, 30))  # arrest team coming

    return {
        "barricaded_residence_house.png": at_window,
        "barricaded_residence_window.png": window_broken,
        "barricaded_residence_lawn.png": lawn_running,
        "barricaded_residence_ground.png": lawn_ground,
    }
