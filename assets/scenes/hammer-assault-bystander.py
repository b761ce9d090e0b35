"""Pictures for hammer-assault-bystander: a corner store, a hammer attack on the clerk, the turn,
the clerk down, him down."""

from __future__ import annotations

OFFICER = (24, 30, 56)
PARTNER = (34, 42, 74)
MAN = (110, 110, 115)  # grey hoodie
CLERK = (170, 80, 60)
CUSTOMER = (80, 120, 150)
STEEL = (200, 200, 210)


def _store(kit, s, rng) -> None:
    """Inside a corner store: bright ceiling lights, shelves, a counter, a lottery stand."""
    pg = kit.pygame
    pg.draw.rect(s, (225, 225, 215), (0, 0, kit.WIDTH, 230))  # back wall
    for x in (120, 320, 520):
        pg.draw.rect(s, (250, 250, 240), (x - 50, 8, 100, 8))  # ceiling lights
    pg.draw.rect(s, (150, 150, 150), (0, 230, kit.WIDTH, 130))  # tiled floor
    for x in range(0, kit.WIDTH, 40):
        pg.draw.line(s, (135, 135, 135), (x, 230), (x - 60, 360), 1)
    pg.draw.rect(s, (90, 70, 60), (380, 40, 250, 110))  # cigarette shelf behind the counter
    for y in range(50, 150, 18):
        pg.draw.line(s, (60, 45, 40), (380, y), (630, y), 2)
        for x in range(388, 625, 14):
            pg.draw.rect(s, (180 - (x % 60), 120, 80 + (x % 50)), (x, y + 3, 10, 12))
    pg.draw.rect(s, (120, 90, 70), (340, 170, 300, 80))  # the counter
    pg.draw.rect(s, (80, 60, 50), (340, 170, 300, 8))
    pg.draw.rect(s, (60, 140, 190), (350, 120, 30, 50))  # lottery stand
    for x in (20, 170):  # aisle shelves on the left
        pg.draw.rect(s, (200, 200, 205), (x, 120, 120, 120))
        for y in range(130, 240, 22):
            pg.draw.line(s, (160, 160, 165), (x, y), (x + 120, y), 2)
            for px in range(x + 6, x + 114, 16):
                pg.draw.rect(s, ((px * 7) % 200 + 40, (px * 3) % 180 + 40, 90), (px, y - 14, 12, 13))


def _hammer(kit, s, x, y, up: bool = True) -> None:
    pg = kit.pygame
    if up:
        pg.draw.line(s, (120, 80, 40), (x, y), (x, y - 26), 4)
        pg.draw.rect(s, STEEL, (x - 9, y - 32, 18, 7))
    else:
        pg.draw.line(s, (120, 80, 40), (x, y), (x + 26, y), 4)
        pg.draw.rect(s, STEEL, (x + 24, y - 8, 7, 16))


def attack(kit):
    def draw(s, rng) -> None:
        _store(kit, s, rng)
        kit.person(s, 420, 250, 96, CLERK)  # the clerk bent back, arms over her head
        kit.pygame.draw.line(s, CLERK, (410, 170), (420, 150), 5)
        kit.pygame.draw.line(s, CLERK, (430, 170), (424, 150), 5)
        kit.pygame.draw.circle(s, (180, 20, 20), (416, 160), 4)
        kit.person(s, 470, 262, 110, MAN)  # the man, half turned, hammer raised
        kit.pygame.draw.line(s, MAN, (462, 170), (446, 140), 7)
        _hammer(kit, s, 446, 142)
        kit.person(s, 600, 300, 70, CUSTOMER, arm_out=True)  # customer on the phone
        kit.person(s, 70, 356, 110, OFFICER, arm_out=True)
    return draw


def turns(kit):
    def draw(s, rng) -> None:
        _store(kit, s, rng)
        pg = kit.pygame
        kit.person(s, 300, 340, 160, MAN)  # coming down the aisle at you, hammer over his shoulder
        pg.draw.line(s, MAN, (290, 212), (266, 166), 9)
        _hammer(kit, s, 266, 170)
        pg.draw.circle(s, CLERK, (620, 180), 10)  # the clerk crawling out of sight behind the counter
        kit.person(s, 70, 356, 112, OFFICER, arm_out=True)
    return draw


def clerkdown(kit):
    def draw(s, rng) -> None:
        _store(kit, s, rng)
        pg = kit.pygame
        kit.person_lying(s, 380, 262, 110, CLERK)  # the clerk on the floor
        pg.draw.ellipse(s, (150, 20, 20), (366, 256, 30, 8))
        kit.person(s, 470, 262, 110, MAN)  # standing over her, hammer high
        pg.draw.line(s, MAN, (462, 170), (456, 122), 7)
        _hammer(kit, s, 456, 124)
        kit.person(s, 600, 300, 70, CUSTOMER, arm_out=True)
        kit.person(s, 90, 356, 110, OFFICER, arm_out=True)
    return draw


def down(kit):
    def draw(s, rng) -> None:
        _store(kit, s, rng)
        pg = kit.pygame
        kit.person_lying(s, 230, 320, 150, MAN)  # the man down on the tiles
        pg.draw.line(s, (200, 200, 90), (90, 290), (290, 300), 1)  # probe wires connected
        pg.draw.line(s, (200, 200, 90), (90, 292), (320, 306), 1)
        _hammer(kit, s, 150, 340, up=False)  # the hammer on the floor, a little way from him
        _sit = (560, 250)
        pg.draw.circle(s, CLERK, (_sit[0], _sit[1] - 60), 10)  # the clerk sitting against the counter
        pg.draw.rect(s, CLERK, (_sit[0] - 11, _sit[1] - 50, 22, 34), border_radius=7)
        pg.draw.line(s, CLERK, (_sit[0], _sit[1] - 16), (_sit[0] - 34, _sit[1] - 10), 7)
        pg.draw.circle(s, (180, 20, 20), (_sit[0] + 10, _sit[1] - 36), 4)
        kit.person(s, 80, 356, 112, OFFICER, arm_out=True)
        kit.person(s, 420, 356, 108, PARTNER)  # the partner coming in
    return draw


def scenes(kit):
    return {
        "hammer_assault_store_attack.png": attack(kit),
        "hammer_assault_store_turns.png": turns(kit),
        "hammer_assault_store_clerkdown.png": clerkdown(kit),
        "hammer_assault_store_down.png": down(kit),
    }
