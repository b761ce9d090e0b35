"""Pictures for scenarios/bar-fight-multiple.yaml: two men beating a third outside a bar at closing."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W = kit.WIDTH

    def street(s, rng):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 230), (12, 14, 30), (30, 30, 48))
        kit.stars(s, rng, 40, 20)
        pg.draw.rect(s, (60, 44, 40), (120, 40, 420, 190))  # bar front, brick
        for y in range(48, 230, 14):
            pg.draw.line(s, (50, 36, 34), (120, y), (540, y), 1)
        pg.draw.rect(s, (200, 120, 40), (250, 54, 160, 26), border_radius=4)  # sign, no text
        kit.glow(s, (330, 67), 90, (255, 170, 70), 80)
        pg.draw.rect(s, (230, 190, 120), (160, 110, 70, 60))  # windows
        pg.draw.rect(s, (230, 190, 120), (430, 110, 70, 60))
        pg.draw.rect(s, (40, 30, 26), (305, 140, 50, 90))  # door
        pg.draw.rect(s, (70, 70, 76), (0, 230, W, 130))  # sidewalk
        kit.streetlight(s, 40, 300, 200)

    def crowd(s, rng, xs, y, closer=False):
        for i, x in enumerate(xs):
            h = (92 if closer else 78) + (i % 3) * 8
            kit.person(s, x, y + (i % 2) * 8, h, (80 + i * 12 % 80, 70, 90), arm_out=True)
            kit.glow(s, (x + h // 3, y - int(h * 0.72) + (i % 2) * 8), 7, (200, 230, 255), 160)

    white = (225, 225, 225)
    hoodie = (18, 18, 20)
    victim = (140, 100, 60)
    officer = (20, 26, 48)

    def kicking(s, rng):
        street(s, rng)
        crowd(s, rng, (150, 190, 470, 510, 560, 600), 280)
        kit.person_lying(s, 300, 318, 80, victim)
        kit.person(s, 270, 320, 124, white, arm_out=True)
        # the hoodie mid-kick: standing figure with one leg swung out
        kit.person(s, 400, 322, 110, hoodie)
        pg.draw.line(s, hoodie, (404, 272), (372, 300), 9)
        kit.car_side(s, -30, 360, 190, (25, 28, 35), police=True)
        kit.person(s, 150, 356, 118, officer)
        kit.person(s, 190, 358, 116, officer)

    def miss(s, rng):
        street(s, rng)
        crowd(s, rng, (120, 170, 520, 570, 610), 286, closer=True)
        kit.person_lying(s, 430, 318, 80, victim)
        kit.person(s, 270, 330, 128, white, arm_out=True)  # still coming
        pg.draw.line(s, (240, 220, 60), (180, 262), (262, 240), 1)  # a loose CEW wire
        pg.draw.line(s, (240, 220, 60), (180, 262), (230, 330), 1)
        # the hoodie down on one knee under OC
        pg.draw.circle(s, hoodie, (400, 264), 11)
        pg.draw.ellipse(s, hoodie, (386, 276, 28, 36))
        pg.draw.line(s, hoodie, (392, 310), (380, 326), 7)
        kit.glow(s, (400, 266), 34, (240, 200, 120), 90)  # OC mist
        kit.person(s, 170, 356, 122, officer, arm_out=True)
        kit.person(s, 470, 352, 118, officer, arm_out=True)

    def ground(s, rng):
        street(s, rng)
        crowd(s, rng, (120, 170, 230, 380, 430, 520, 570), 300, closer=True)
        kit.person_lying(s, 240, 350, 110, officer)  # recruit on his back
        pg.draw.ellipse(s, white, (262, 290, 70, 46))  # the white shirt on top
        pg.draw.circle(s, white, (300, 280), 13)
        kit.person(s, 420, 350, 118, officer, arm_out=True)  # partner wrestling the hoodie
        kit.person(s, 460, 350, 108, hoodie, arm_out=True)
        kit.person_lying(s, 540, 350, 80, victim)

    def down(s, rng):
        street(s, rng)
        crowd(s, rng, (90, 140, 190, 500, 550, 600), 300, closer=True)
        kit.person(s, 110, 320, 112, (150, 60, 60), arm_out=True)  # the brother pushing forward
        kit.person_lying(s, 240, 340, 110, white)  # white shirt face down
        pg.draw.line(s, (240, 220, 60), (300, 320), (250, 300), 1)  # CEW wires to him
        pg.draw.line(s, (240, 220, 60), (300, 320), (290, 334), 1)
        pg.draw.circle(s, hoodie, (380, 284), 11)  # hoodie kneeling
        pg.draw.ellipse(s, hoodie, (366, 296, 28, 36))
        pg.draw.line(s, hoodie, (372, 330), (360, 344), 7)
        kit.person_lying(s, 440, 338, 80, victim)
        kit.person(s, 300, 350, 118, officer, arm_out=True)
        kit.person(s, 410, 354, 116, officer)

    return {
        "bar_fight_multiple_kicking.png": kicking,
        "bar_fight_multiple_miss.png": miss,
        "bar_fight_multiple_ground.png": ground,
        "bar_fight_multiple_down.png": down,
    }
