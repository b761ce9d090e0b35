"""Pictures for scenarios/elderly-dementia.yaml: a confused older man in a neighbour's kitchen."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W, H = kit.WIDTH, kit.HEIGHT
    OLD = (150, 140, 120)  # cardigan
    OFFICER = (20, 26, 48)
    CANE = (110, 70, 40)

    def kitchen(s, rng):
        pg.draw.rect(s, (226, 220, 200), (0, 0, W, 250))  # wall
        for x in range(0, W, 40):  # tile floor
            pg.draw.line(s, (200, 200, 205), (x, 250), (x - 40, H), 1)
        pg.draw.rect(s, (212, 212, 216), (0, 250, W, 110))
        for y in range(262, H, 22):
            pg.draw.line(s, (190, 190, 196), (0, y), (W, y), 1)
        pg.draw.rect(s, (150, 110, 80), (360, 170, 280, 80))  # lower cabinets
        pg.draw.rect(s, (90, 90, 95), (360, 164, 280, 8))  # counter top
        pg.draw.rect(s, (150, 110, 80), (380, 40, 240, 70))  # upper cabinets
        pg.draw.rect(s, (170, 200, 220), (250, 60, 90, 70))  # window
        kit.glow(s, (295, 95), 60, (255, 250, 220), 60)
        pg.draw.rect(s, (120, 90, 60), (590, 110, 50, 140))  # back door, open
        pg.draw.rect(s, (200, 215, 225), (600, 120, 34, 130))
        pg.draw.rect(s, (0, 0, 0), (0, 0, 120, 250))  # dark hall on the left
        pg.draw.rect(s, (60, 50, 45), (0, 0, 120, 250), 0)

    def table(s):
        pg.draw.rect(s, (140, 100, 70), (200, 250, 130, 12))
        pg.draw.line(s, (110, 80, 55), (210, 262), (210, 310), 5)
        pg.draw.line(s, (110, 80, 55), (320, 262), (320, 310), 5)

    def cane_up(s, x, feet):  # cane raised from the hand at shoulder height
        pg.draw.line(s, CANE, (x + 12, feet - 80), (x + 40, feet - 130), 5)

    def kitchen_swing(s, rng):
        kitchen(s, rng)
        table(s)
        kit.person(s, 470, 320, 118, OLD, arm_out=True)  # the man, stooped, arm up
        cane_up(s, 470, 320)
        kit.person(s, 370, 325, 128, (70, 90, 130))  # Dev, reaching in
        pg.draw.line(s, (70, 90, 130), (360, 238), (420, 230), 5)
        kit.person(s, 90, 350, 140, OFFICER)  # officer in the hall

    def counter(s, rng):
        kitchen(s, rng)
        table(s)
        kit.person(s, 500, 300, 112, OLD)  # leaning on the counter
        pg.draw.line(s, OLD, (486, 218), (456, 238), 5)  # hand braced on the counter
        pg.draw.line(s, CANE, (515, 240), (530, 300), 4)  # cane lowered
        kit.person(s, 160, 345, 136, OFFICER)  # officer at distance, hands open
        pg.draw.line(s, OFFICER, (140, 265), (120, 250), 5)

    def steps(s, rng):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 200), (150, 160, 175), (190, 195, 200))
        pg.draw.rect(s, (226, 220, 200), (0, 0, 330, 260))  # house wall, left
        pg.draw.rect(s, (120, 90, 60), (240, 90, 90, 170))  # open back door
        pg.draw.rect(s, (60, 55, 50), (250, 100, 70, 160))
        pg.draw.rect(s, (70, 90, 60), (330, 200, W - 330, 160))  # wet lawn
        for i in range(3):  # concrete steps
            pg.draw.rect(s, (165, 165, 160), (300 + i * 40, 260 + i * 28, 140, 28))
            pg.draw.line(s, (130, 130, 125), (300 + i * 40, 260 + i * 28), (440 + i * 40, 260 + i * 28), 2)
        pg.draw.rect(s, (120, 115, 110), (0, 260, 300, 100))
        kit.person_running(s, 330, 262, 110, OLD)  # pitching forward
        pg.draw.line(s, CANE, (300, 250), (350, 262), 4)  # cane tangled at the door
        kit.person(s, 230, 262, 128, OFFICER, arm_out=True)  # officer reaching
        kit.person(s, 520, 345, 130, OFFICER)  # partner below the steps

    def daughter(s, rng):
        kitchen(s, rng)
        table(s)
        pg.draw.rect(s, (140, 100, 70), (340, 230, 40, 8))  # chair seat
        pg.draw.line(s, (110, 80, 55), (378, 180), (378, 300), 4)
        pg.draw.ellipse(s, OLD, (325, 160, 30, 30))  # Walter seated: head
        pg.draw.rect(s, OLD, (322, 190, 36, 48), border_radius=10)
        pg.draw.line(s, OLD, (330, 236), (305, 240), 8)  # thighs
        pg.draw.line(s, OLD, (305, 240), (305, 298), 7)  # shins
        pg.draw.line(s, CANE, (290, 236), (350, 228), 4)  # cane across his knees
        kit.person(s, 250, 300, 120, (150, 50, 70), arm_out=True)  # Lena, kneeling close
        kit.person(s, 560, 330, 134, OFFICER)  # officer standing back
        kit.person(s, 60, 340, 130, (70, 90, 130))  # Dev in the hall

    return {
        "elderly_dementia_kitchen.png": kitchen_swing,
        "elderly_dementia_counter.png": counter,
        "elderly_dementia_steps.png": steps,
        "elderly_dementia_daughter.png": daughter,
    }
