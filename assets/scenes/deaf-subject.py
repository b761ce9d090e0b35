"""Pictures for scenarios/deaf-subject.yaml: a rainy intersection after a rear-end collision."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W, H = kit.WIDTH, kit.HEIGHT

    def rainy_street(s, rng):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 200), (120, 128, 140), (160, 165, 172))
        for x in range(0, W, 90):  # storefronts
            h = 80 + (x * 7) % 50
            pg.draw.rect(s, (96 + x % 40, 92, 100), (x, 200 - h, 84, h))
            pg.draw.rect(s, (190, 200, 205), (x + 10, 200 - h + 14, 60, 24))
        pg.draw.rect(s, (80, 82, 88), (0, 200, W, 160))  # wet road
        for x in range(0, W, 70):
            pg.draw.rect(s, (200, 200, 200), (x, 300, 36, 4))
        for _ in range(220):  # rain
            x, y = rng.randrange(W), rng.randrange(H)
            pg.draw.line(s, (200, 205, 215), (x, y), (x - 3, y + 10), 1)

    def crash(s):
        kit.car_side(s, 330, 290, 170, (200, 60, 50))  # hatchback, struck
        kit.car_side(s, 150, 292, 200, (40, 60, 90))  # pickup behind it
        pg.draw.line(s, (30, 30, 30), (332, 262), (345, 270), 3)  # crumpled bumper

    def collision(s, rng):
        rainy_street(s, rng)
        crash(s)
        # the driver, crouched at his rear bumper, back to the viewer: a short figure
        kit.person(s, 520, 300, 58, (60, 70, 60))
        kit.person(s, 120, 340, 92, (110, 80, 40))  # Tyler, walking toward the officer
        kit.person(s, 40, 350, 104, (20, 26, 48))  # officer, near left edge

    def facing(s, rng):
        rainy_street(s, rng)
        crash(s)
        kit.person(s, 470, 330, 110, (60, 70, 60), arm_out=True)  # the driver, facing, one arm signing
        pg.draw.line(s, (60, 70, 60), (458, 250), (444, 236), 5)  # other hand raised
        pg.draw.circle(s, (220, 200, 170), (458, 232), 3)  # hearing aid
        kit.person(s, 360, 342, 116, (20, 26, 48))  # officer
        kit.person(s, 110, 330, 92, (110, 80, 40))  # Tyler, off to the side

    def writing(s, rng):
        rainy_street(s, rng)
        kit.car_side(s, 20, 340, 220, (25, 28, 35), police=True)
        crash(s)
        kit.person(s, 460, 336, 110, (60, 70, 60))
        kit.person(s, 400, 340, 114, (20, 26, 48), arm_out=True)
        pg.draw.rect(s, (245, 245, 235), (430, 262, 22, 16))  # notebook between them
        pg.draw.rect(s, (30, 30, 34), (470, 240, 26, 34), border_radius=3)  # tablet
        kit.glow(s, (483, 257), 30, (170, 210, 255), 120)
        kit.person(s, 120, 320, 86, (110, 80, 40))

    return {
        "deaf_subject_collision.png": collision,
        "deaf_subject_facing.png": facing,
        "deaf_subject_writing.png": writing,
    }
