"""Pictures for scenarios/language-barrier.yaml: a supermarket vestibule, a mother with a stroller."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W = kit.WIDTH

    def vestibule(s, rng):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 250), (200, 210, 215), (225, 230, 232))
        pg.draw.rect(s, (160, 190, 120), (0, 20, W, 24))  # store banner strip, no text
        # outer glass doors on the right, parking lot beyond
        pg.draw.rect(s, (150, 190, 215), (430, 70, 200, 200))
        for x in (430, 530, 630):
            pg.draw.line(s, (90, 95, 100), (x, 70), (x, 270), 4)
        kit.car_side(s, 450, 250, 150, (120, 120, 130))
        # inner doors and shelves on the left
        pg.draw.rect(s, (170, 200, 220), (10, 70, 160, 200))
        for y in range(90, 260, 40):
            pg.draw.rect(s, (200, 120, 80), (24, y, 130, 10))
        pg.draw.rect(s, (190, 185, 175), (0, 270, W, 90))  # floor tiles
        for x in range(0, W, 48):
            pg.draw.line(s, (175, 170, 160), (x, 270), (x, 360), 1)
        pg.draw.rect(s, (120, 110, 100), (220, 250, 110, 12))  # bench

    def stroller(s, x, y, tipped=False):
        frame = (60, 60, 70)
        if tipped:
            pg.draw.polygon(s, (110, 60, 120), [(x, y - 50), (x + 46, y - 30), (x + 30, y), (x - 14, y - 20)])
            pg.draw.circle(s, (230, 190, 150), (x + 14, y - 38), 7)  # child
            pg.draw.circle(s, frame, (x + 30, y), 7)
            pg.draw.line(s, frame, (x, y - 50), (x - 20, y - 78), 4)
        else:
            pg.draw.rect(s, (110, 60, 120), (x - 22, y - 46, 44, 30), border_radius=8)
            pg.draw.circle(s, (230, 190, 150), (x, y - 48), 7)  # child
            for wx in (x - 18, x + 18):
                pg.draw.circle(s, frame, (wx, y - 6), 7)
            pg.draw.line(s, frame, (x - 22, y - 40), (x - 40, y - 70), 4)  # handle

    woman = (70, 90, 80)
    scarf = (150, 60, 70)
    guard = (40, 40, 45)
    officer = (20, 26, 48)

    def mother(s, x, y, height=104, arm_out=False):
        kit.person(s, x, y, height, woman, arm_out=arm_out)
        pg.draw.circle(s, scarf, (x, y - height + height // 9), height // 9 + 2)  # headscarf

    def vestibule_pic(s, rng):
        vestibule(s, rng)
        stroller(s, 400, 330)
        mother(s, 350, 334, arm_out=True)
        pg.draw.rect(s, (250, 250, 245), (382, 254, 10, 14))  # the paper in her hand
        kit.person(s, 470, 336, 116, guard, arm_out=True)  # guard barring the door
        kit.person(s, 70, 350, 116, officer)

    def phone(s, rng):
        vestibule(s, rng)
        stroller(s, 330, 330)
        mother(s, 280, 334)
        kit.person(s, 220, 340, 114, officer, arm_out=True)
        pg.draw.rect(s, (30, 30, 34), (252, 250, 12, 20), border_radius=2)  # phone held out
        kit.glow(s, (258, 258), 24, (170, 210, 255), 130)
        kit.person(s, 560, 336, 108, guard)  # guard off to the side

    def tug(s, rng):
        vestibule(s, rng)
        stroller(s, 430, 330, tipped=True)
        mother(s, 380, 334, arm_out=True)
        kit.person(s, 500, 336, 116, guard, arm_out=True)
        pg.draw.line(s, guard, (500, 262), (452, 256), 5)  # guard's hand on the stroller
        kit.person(s, 260, 346, 116, officer, arm_out=True)  # officer moving in

    def receipt(s, rng):
        vestibule(s, rng)
        # mother seated on the bench with the child on her lap
        pg.draw.circle(s, scarf, (262, 210), 12)
        pg.draw.rect(s, woman, (250, 222, 26, 34), border_radius=6)
        pg.draw.line(s, woman, (254, 256), (246, 290), 6)
        pg.draw.line(s, woman, (272, 256), (280, 290), 6)
        pg.draw.circle(s, (230, 190, 150), (280, 232), 7)  # child
        stroller(s, 340, 332)
        kit.person(s, 190, 342, 114, officer, arm_out=True)
        pg.draw.rect(s, (250, 250, 245), (222, 250, 14, 18))  # the receipt, held up
        pg.draw.rect(s, (30, 30, 34), (170, 262, 10, 16))  # phone on the officer's chest
        kit.glow(s, (175, 270), 16, (170, 210, 255), 110)
        kit.person(s, 590, 336, 104, guard)

    return {
        "language_barrier_vestibule.png": vestibule_pic,
        "language_barrier_phone.png": phone,
        "language_barrier_tug.png": tug,
        "language_barrier_receipt.png": receipt,
    }
