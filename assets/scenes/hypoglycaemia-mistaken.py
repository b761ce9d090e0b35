"""Pictures for scenarios/hypoglycaemia-mistaken.yaml: a driver slumped at a green light at rush hour."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W = kit.WIDTH
    DRIVER = (90, 70, 60)
    OFFICER = (20, 26, 48)
    SEDAN = (150, 150, 155)

    def street(s, rng, green=True):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 210), (250, 190, 140), (200, 200, 215))  # late-day sky
        for x in range(0, W, 80):  # low buildings
            h = 70 + (x * 13) % 60
            pg.draw.rect(s, (150 + x % 30, 135, 125), (x, 210 - h, 74, h))
            pg.draw.rect(s, (210, 215, 220), (x + 10, 210 - h + 14, 54, 18))
        pg.draw.rect(s, (170, 170, 165), (0, 210, W, 20))  # sidewalk
        pg.draw.rect(s, (70, 70, 75), (0, 230, W, 130))  # road
        for x in range(0, W, 70):
            pg.draw.rect(s, (230, 230, 230), (x, 300, 36, 4))
        # traffic signal on the right
        pg.draw.line(s, (50, 50, 55), (600, 230), (600, 90), 5)
        pg.draw.rect(s, (35, 35, 38), (588, 60, 24, 62), border_radius=4)
        for i, colour in enumerate(((90, 30, 30), (90, 80, 30), (40, 220, 90) if green else (30, 70, 40))):
            pg.draw.circle(s, colour, (600, 72 + i * 19), 7)
        if green:
            kit.glow(s, (600, 110), 22, (60, 255, 120), 110)

    def driver_in_car(s, x, slumped=True):
        """A head and shoulders seen through the driver's window of the sedan at x."""
        if slumped:
            pg.draw.circle(s, DRIVER, (x + 118, 238), 10)
            pg.draw.rect(s, DRIVER, (x + 100, 238, 24, 18), border_radius=5)
        else:
            pg.draw.circle(s, DRIVER, (x + 112, 226), 10)
            pg.draw.rect(s, DRIVER, (x + 100, 236, 24, 20), border_radius=5)

    def at_light(s, rng):
        street(s, rng)
        kit.car_side(s, 300, 320, 220, SEDAN, lights=True)
        driver_in_car(s, 300)
        kit.car_side(s, 20, 330, 230, (25, 28, 35), police=True)
        kit.person(s, 270, 350, 118, OFFICER)  # officer walking up
        kit.person(s, 40, 250, 70, (150, 90, 60), arm_out=True)  # the caller on the sidewalk

    def window(s, rng):
        street(s, rng)
        kit.car_side(s, 300, 320, 220, SEDAN)
        driver_in_car(s, 300, slumped=False)
        for i in range(6):  # sweat beads
            pg.draw.circle(s, (200, 220, 240), (406 + (i * 7) % 20, 220 + (i * 5) % 14), 2)
        pg.draw.rect(s, (200, 200, 205), (398, 250, 8, 4))  # bracelet flash at the wrist
        kit.glow(s, (402, 252), 10, (255, 255, 255), 120)
        kit.car_side(s, 20, 330, 230, (25, 28, 35), police=True)
        kit.person(s, 440, 352, 126, OFFICER)  # officer at the door pillar
        kit.person(s, 40, 250, 70, (150, 90, 60), arm_out=True)

    def struggle(s, rng):
        street(s, rng)
        kit.car_side(s, 300, 320, 220, SEDAN, lights=True)
        pg.draw.polygon(s, SEDAN, [(420, 230), (470, 200), (480, 290), (430, 300)])  # open door
        kit.person(s, 420, 330, 112, DRIVER, arm_out=True)  # driver half out, flailing
        pg.draw.line(s, DRIVER, (410, 244), (386, 222), 5)
        kit.person(s, 500, 350, 124, OFFICER)
        kit.car_side(s, 20, 330, 230, (25, 28, 35), police=True)
        for x in (40, 70, 100):  # onlookers filming
            kit.person(s, x, 250, 66, (120 + x % 50, 110, 100), arm_out=True)
            kit.glow(s, (x + 14, 210), 6, (220, 230, 255), 140)

    def paramedics(s, rng):
        street(s, rng)
        kit.car_side(s, 260, 320, 220, SEDAN)
        pg.draw.polygon(s, SEDAN, [(380, 230), (430, 200), (440, 290), (390, 300)])  # open door
        # the driver seated sideways in the doorway, a juice box in hand
        pg.draw.circle(s, DRIVER, (392, 236), 10)
        pg.draw.rect(s, DRIVER, (381, 246, 22, 30), border_radius=6)
        pg.draw.line(s, DRIVER, (400, 274), (420, 290), 7)
        pg.draw.line(s, DRIVER, (420, 290), (420, 318), 6)
        pg.draw.rect(s, (240, 180, 40), (404, 250, 8, 11))  # juice box
        kit.person(s, 450, 345, 118, OFFICER)  # officer crouched close, calm
        # ambulance arriving on the left: white box, red stripe, lights
        pg.draw.rect(s, (240, 240, 240), (10, 220, 200, 100), border_radius=6)
        pg.draw.rect(s, (200, 40, 40), (10, 270, 200, 10))
        pg.draw.circle(s, (25, 25, 28), (50, 322), 16)
        pg.draw.circle(s, (25, 25, 28), (170, 322), 16)
        kit.glow(s, (40, 220), 40, (255, 60, 60), 120)
        kit.glow(s, (180, 220), 40, (255, 60, 60), 120)
        kit.person(s, 240, 345, 116, (40, 70, 110))  # paramedic walking up

    return {
        "hypoglycaemia_light.png": at_light,
        "hypoglycaemia_window.png": window,
        "hypoglycaemia_struggle.png": struggle,
        "hypoglycaemia_paramedics.png": paramedics,
    }
