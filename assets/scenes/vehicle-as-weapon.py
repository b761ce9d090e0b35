"""Pictures for scenarios/vehicle-as-weapon.yaml: a RIDE check on an icy road at night."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W = kit.WIDTH
    OFFICER = (14, 18, 34)
    SEDAN = (120, 124, 130)

    def road(s, rng):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 210), (6, 8, 22), (26, 30, 50))
        kit.stars(s, rng, 160, 30)
        for x in range(-10, W + 20, 30):  # dark tree line
            h = rng.randrange(30, 70)
            pg.draw.ellipse(s, (10, 16, 18), (x, 210 - h, 46, h + 20))
        pg.draw.rect(s, (215, 220, 228), (0, 210, W, 36))  # snowbank
        pg.draw.rect(s, (46, 46, 52), (0, 246, W, 90))  # road
        pg.draw.rect(s, (170, 190, 205), (0, 330, W, 30))  # icy shoulder
        for x in range(0, W, 64):
            pg.draw.rect(s, (210, 190, 90), (x, 288, 30, 4))

    def cone(s, x, y, down=False):
        if down:
            pg.draw.polygon(s, (240, 110, 30), [(x - 10, y), (x + 12, y - 4), (x + 12, y + 4)])
        else:
            pg.draw.polygon(s, (240, 110, 30), [(x, y - 22), (x - 8, y), (x + 8, y)])
            pg.draw.rect(s, (240, 240, 240), (x - 5, y - 12, 10, 4))

    def checkpoint(s):
        kit.car_side(s, 8, 322, 170, (25, 28, 35), police=True)
        kit.glow(s, (200, 240), 120, (255, 255, 230), 40)  # work light

    def ride(s, rng):
        road(s, rng)
        checkpoint(s)
        for x in (430, 470, 510, 560):
            cone(s, x, 334)
        kit.car_side(s, 240, 322, 190, SEDAN, lights=True)
        kit.person(s, 300, 326, 96, OFFICER)  # you, at the driver's door
        kit.person(s, 452, 324, 92, OFFICER)  # Singh, near the front fender
        kit.car_side(s, 560, 300, 80, (25, 28, 35), police=True)  # second cruiser far ahead

    def moving(s, rng):
        road(s, rng)
        checkpoint(s)
        cone(s, 440, 334, down=True)
        for x in (500, 580):
            cone(s, x, 334)
        kit.car_side(s, 300, 322, 190, SEDAN, lights=True)
        for y in (270, 290, 305):  # motion lines
            pg.draw.line(s, (200, 200, 210), (240, y), (290, y), 2)
        kit.person_running(s, 560, 344, 90, OFFICER)  # Singh, getting out of the path
        kit.person(s, 230, 330, 96, OFFICER, arm_out=True)  # you, stepping back

    def boxed(s, rng):
        road(s, rng)
        checkpoint(s)
        kit.car_side(s, 250, 322, 190, SEDAN)
        kit.car_side(s, 440, 326, 180, (25, 28, 35), police=True)  # block, nose to nose
        for gx, gy in ((318, 262), (326, 270), (384, 258), (392, 268)):
            pg.draw.line(s, (210, 230, 245), (gx, gy), (gx + 5, gy - 4), 2)  # glass
        kit.person(s, 300, 328, 96, OFFICER, arm_out=True)
        kit.person(s, 392, 332, 92, OFFICER, arm_out=True)
        kit.person(s, 620, 330, 92, OFFICER)

    def pinned(s, rng):
        road(s, rng)
        checkpoint(s)
        cone(s, 470, 340, down=True)
        kit.car_side(s, 270, 322, 190, SEDAN, lights=True)
        kit.person_lying(s, 470, 342, 80, OFFICER)  # Singh down in front of the bumper
        kit.person(s, 250, 330, 96, OFFICER, arm_out=True)  # you, at an angle to the driver

    return {
        "vehicle_as_weapon_ride.png": ride,
        "vehicle_as_weapon_moving.png": moving,
        "vehicle_as_weapon_boxed.png": boxed,
        "vehicle_as_weapon_pinned.png": pinned,
    }
