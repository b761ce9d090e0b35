"""Pictures for edged-weapon-public: a civic plaza at noon, a man with a knife, the CEW, the crowd closing in."""

from __future__ import annotations

OFFICER = (24, 30, 56)
PARTNER = (34, 42, 74)
MAN = (70, 60, 55)
CROWD = [(150, 60, 60), (60, 100, 150), (90, 90, 90), (170, 140, 60), (60, 120, 90), (120, 80, 130)]


def _plaza(kit, s, rng) -> None:
    """A civic square at noon: glass towers, paving, a fountain, planters, food trucks."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 190), (120, 170, 220), (200, 220, 235))
    for x, w, h in ((0, 110, 150), (120, 90, 180), (420, 120, 170), (550, 90, 140)):
        pg.draw.rect(s, (120, 140, 160), (x, 190 - h, w, h))
        for wy in range(190 - h + 8, 186, 14):
            pg.draw.line(s, (170, 190, 210), (x + 4, wy), (x + w - 4, wy), 2)
    pg.draw.rect(s, (190, 185, 175), (0, 190, kit.WIDTH, 170))  # paving
    for y in range(200, 360, 18):
        pg.draw.line(s, (175, 170, 160), (0, y), (kit.WIDTH, y), 1)
    pg.draw.ellipse(s, (150, 150, 155), (250, 200, 160, 40))  # fountain
    pg.draw.ellipse(s, (110, 170, 210), (262, 206, 136, 28))
    pg.draw.rect(s, (230, 230, 235), (326, 180, 8, 30))
    pg.draw.rect(s, (120, 90, 60), (40, 300, 110, 30))  # planter (cover)
    for dx in range(50, 150, 18):
        pg.draw.circle(s, (60, 130, 60), (dx, 298), 12)
    pg.draw.rect(s, (230, 200, 60), (470, 170, 110, 50), border_radius=6)  # food truck
    pg.draw.circle(s, (30, 30, 30), (495, 222), 10)
    pg.draw.circle(s, (30, 30, 30), (555, 222), 10)


def _knife(kit, s, x, y) -> None:
    kit.pygame.draw.line(s, (225, 225, 235), (x, y), (x + 16, y - 12), 3)


def plaza(kit):
    def draw(s, rng) -> None:
        _plaza(kit, s, rng)
        for i, x in enumerate((380, 404, 428, 452)):  # people filming behind him
            kit.person(s, x, 236, 44, CROWD[i])
        kit.person(s, 330, 270, 84, MAN, arm_out=True)
        _knife(kit, s, 368, 214)
        kit.person(s, 250, 286, 70, CROWD[3])  # the woman with the stroller
        kit.pygame.draw.rect(s, (40, 40, 60), (262, 262, 22, 16), border_radius=5)
        kit.person(s, 120, 356, 110, OFFICER, arm_out=True)
        kit.person(s, 60, 350, 104, PARTNER, arm_out=True)
    return draw


def close(kit):
    def draw(s, rng) -> None:
        _plaza(kit, s, rng)
        kit.person(s, 420, 236, 44, CROWD[1])
        layer = kit.pygame.Surface((kit.WIDTH, kit.HEIGHT), kit.pygame.SRCALPHA)
        kit.person_running(layer, 390, 330, 150, MAN)  # drawn heading right, then mirrored
        _knife(kit, layer, 430, 214)
        s.blit(kit.pygame.transform.flip(layer, True, False), (0, 0))  # coming at you, three metres
        pg = kit.pygame
        pg.draw.line(s, (200, 200, 90), (150, 300), (250, 268), 1)  # a probe wire hanging loose
        pg.draw.line(s, (200, 200, 90), (150, 302), (232, 330), 1)
        kit.person(s, 120, 356, 120, OFFICER, arm_out=True)
        kit.person(s, 40, 352, 112, PARTNER, arm_out=True)
    return draw


def down(kit):
    def draw(s, rng) -> None:
        _plaza(kit, s, rng)
        for i, x in enumerate((400, 424, 448)):
            kit.person(s, x, 240, 46, CROWD[i])
        kit.person_lying(s, 250, 330, 110, MAN)
        pg = kit.pygame
        pg.draw.line(s, (200, 200, 90), (150, 300), (290, 316), 1)  # probe wires connected
        pg.draw.line(s, (200, 200, 90), (150, 302), (310, 322), 1)
        _knife(kit, s, 380, 334)  # the knife on the paving stones
        kit.person(s, 150, 352, 112, OFFICER, arm_out=True)
        kit.person(s, 70, 350, 108, PARTNER, arm_out=True)
    return draw


def crowd(kit):
    def draw(s, rng) -> None:
        _plaza(kit, s, rng)
        for i in range(14):  # the ring of onlookers closing in
            x = 180 + i * 30 + rng.randrange(-6, 6)
            feet = 270 + (i % 3) * 14
            kit.person(s, x, feet, 60 + (i % 3) * 8, CROWD[i % len(CROWD)], arm_out=(i % 2 == 0))
            if i % 2 == 0:
                kit.glow(s, (x + 20, feet - 50), 8, (220, 235, 255), 170)
        kit.person(s, 470, 340, 100, CROWD[0], arm_out=True)  # the man shouting close by
        pg = kit.pygame
        pg.draw.circle(s, MAN, (260, 320), 10)  # cuffed, face down
        pg.draw.ellipse(s, MAN, (268, 312, 70, 18))
        pg.draw.line(s, MAN, (334, 322), (384, 326), 8)
        kit.person(s, 220, 352, 112, OFFICER)
        kit.person(s, 390, 352, 110, PARTNER)
    return draw


def scenes(kit):
    return {
        "edged_weapon_public_plaza.png": plaza(kit),
        "edged_weapon_public_close.png": close(kit),
        "edged_weapon_public_down.png": down(kit),
        "edged_weapon_public_crowd.png": crowd(kit),
    }
