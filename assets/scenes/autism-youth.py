"""Pictures for scenarios/autism-youth.yaml: a mall food court, a young man in sensory overload."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W = kit.WIDTH

    def mall(s, rng):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 220), (210, 205, 190), (235, 230, 215))
        for x in range(0, W, 128):  # storefronts on the upper wall
            pg.draw.rect(s, (150 + x % 60, 120, 110), (x + 6, 40, 116, 110))
            pg.draw.rect(s, (240, 235, 200), (x + 18, 60, 92, 60))
        for x in range(40, W, 160):  # ceiling lights
            kit.glow(s, (x, 12), 40, (255, 250, 220), 120)
        pg.draw.rect(s, (180, 175, 168), (0, 220, W, 140))  # tiled floor
        for x in range(0, W, 40):
            pg.draw.line(s, (165, 160, 152), (x, 220), (x - 60, 360), 1)
        # fountain and planter, right of centre
        pg.draw.ellipse(s, (120, 150, 170), (330, 220, 180, 40))
        for i in range(9):
            x = 360 + i * 14
            pg.draw.line(s, (200, 225, 240), (x, 236), (x + rng.randrange(-4, 5), 190 + rng.randrange(10)), 2)
        pg.draw.rect(s, (110, 90, 70), (280, 262, 90, 30))  # planter
        pg.draw.circle(s, (70, 120, 70), (300, 258), 14)
        pg.draw.circle(s, (70, 130, 70), (335, 254), 17)

    def table(s, x, y):
        pg.draw.rect(s, (200, 200, 205), (x, y, 60, 8))
        pg.draw.line(s, (120, 120, 125), (x + 30, y + 8), (x + 30, y + 40), 4)

    def crouched(s, x, y, colour, hands_up=True):
        """A crouched figure: head, a short hunched body, arms up to the ears."""
        pg.draw.circle(s, colour, (x, y - 46), 9)
        pg.draw.ellipse(s, colour, (x - 14, y - 38, 28, 32))
        pg.draw.line(s, colour, (x - 8, y - 8), (x - 16, y), 6)
        pg.draw.line(s, colour, (x + 8, y - 8), (x + 16, y), 6)
        if hands_up:
            pg.draw.line(s, colour, (x - 12, y - 32), (x - 10, y - 50), 5)
            pg.draw.line(s, colour, (x + 12, y - 32), (x + 10, y - 50), 5)

    youth = (70, 110, 150)
    guard = (40, 40, 45)
    officer = (20, 26, 48)

    def food_court(s, rng):
        mall(s, rng)
        table(s, 60, 270)
        table(s, 520, 280)
        crouched(s, 330, 320, youth)
        kit.person(s, 290, 340, 104, guard, arm_out=True)  # guards standing over him
        kit.person(s, 380, 338, 106, guard)
        pg.draw.rect(s, (30, 30, 30), (392, 256, 5, 12))  # radio
        for i, x in enumerate((470, 500, 540, 575, 610)):  # crowd filming
            kit.person(s, x, 330 + (i % 2) * 6, 88 + (i % 3) * 6, (120 + i * 20, 90, 100), arm_out=True)
            kit.glow(s, (x + 20, 264 + (i % 2) * 6), 8, (200, 230, 255), 150)
        kit.person(s, 70, 352, 112, officer)

    def space(s, rng):
        mall(s, rng)
        table(s, 60, 270)
        crouched(s, 330, 320, youth)
        pg.draw.rect(s, (250, 250, 240), (336, 286, 10, 13))  # the card on its lanyard
        crouched(s, 240, 330, officer, hands_up=False)  # officer crouched side-on, at a distance
        kit.person(s, 60, 330, 92, guard)  # guards back by the tables
        kit.person(s, 100, 332, 90, guard)

    def mother(s, rng):
        mall(s, rng)
        crouched(s, 330, 320, youth, hands_up=False)
        pg.draw.circle(s, (160, 60, 90), (360, 282), 9)  # mother kneeling beside him
        pg.draw.ellipse(s, (160, 60, 90), (348, 290, 26, 30))
        pg.draw.line(s, (160, 60, 90), (350, 298), (336, 292), 5)  # arm round him
        pg.draw.rect(s, (230, 200, 120), (380, 306, 18, 16))  # shopping bag
        kit.person(s, 200, 340, 110, officer)
        kit.person(s, 70, 336, 96, guard)

    def down(s, rng):
        mall(s, rng)
        # the escalator on the left, stopped
        pg.draw.polygon(s, (140, 140, 150), [(40, 340), (120, 340), (260, 120), (200, 120)])
        for i in range(10):
            y = 330 - i * 21
            pg.draw.line(s, (100, 100, 110), (45 + i * 15, y), (115 + i * 15, y), 2)
        kit.person_lying(s, 150, 350, 90, youth)
        pg.draw.circle(s, (150, 20, 20), (146, 346), 5)  # blood by his head
        kit.person(s, 280, 352, 112, officer)
        for x in (230, 250):  # people filming from the upper level
            kit.person(s, x, 112, 50, (120, 90, 100), arm_out=True)

    return {
        "autism_youth_food_court.png": food_court,
        "autism_youth_space.png": space,
        "autism_youth_mother.png": mother,
        "autism_youth_down.png": down,
    }
