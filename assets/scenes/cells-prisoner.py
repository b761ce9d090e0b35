"""Pictures for cells-prisoner: the booking desk, the cell, the ligature, the cell floor after the rescue."""

from __future__ import annotations

OFFICER = (22, 28, 52)
PRISONER = (150, 118, 96)
SHIRT = (200, 200, 190)


def _cell(kit, s) -> None:
    """A bare concrete cell: block walls, a bench on the left, the steel door with its hatch on the right."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 280), (150, 150, 146), (118, 118, 116))
    for y in range(20, 280, 30):  # block courses
        pg.draw.line(s, (130, 130, 126), (0, y), (kit.WIDTH, y), 1)
    pg.draw.rect(s, (92, 92, 94), (0, 280, kit.WIDTH, 80))  # concrete floor
    pg.draw.rect(s, (104, 104, 106), (40, 220, 300, 22))  # the bench
    pg.draw.rect(s, (84, 84, 88), (40, 242, 300, 38))
    pg.draw.rect(s, (70, 78, 86), (430, 60, 150, 220))  # steel door
    pg.draw.rect(s, (50, 56, 62), (430, 60, 150, 220), 4)
    pg.draw.rect(s, (40, 44, 50), (470, 140, 70, 36))  # the hatch
    pg.draw.rect(s, (160, 160, 150), (466, 150, 6, 14))  # hatch hinge
    kit.glow(s, (300, 0), 160, (255, 250, 230), 70)  # ceiling light


def booking(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 260), (176, 178, 172), (150, 152, 148))
        pg.draw.rect(s, (110, 110, 112), (0, 260, kit.WIDTH, 100))
        pg.draw.rect(s, (70, 80, 96), (520, 50, 90, 210))  # the door to the cells
        pg.draw.rect(s, (40, 44, 52), (545, 80, 40, 50))
        kit.person(s, 260, 250, 92, OFFICER)  # booking officer behind the desk
        pg.draw.rect(s, (96, 84, 70), (120, 200, 300, 70))  # the counter
        pg.draw.rect(s, (120, 106, 90), (110, 192, 320, 12))
        pg.draw.rect(s, (30, 30, 34), (300, 168, 60, 26))  # monitor
        # Ray, arms folded, swaying
        kit.person(s, 240, 344, 112, PRISONER)
        pg.draw.line(s, PRISONER, (224, 274), (258, 274), 8)  # folded arms
        kit.person(s, 120, 350, 116, OFFICER)
        pg.draw.rect(s, (200, 200, 200), (150, 182, 20, 12))  # the property bag on the counter
        kit.glow(s, (320, 0), 200, (255, 255, 240), 60)
    return draw


def cell(kit):
    def draw(s, rng) -> None:
        _cell(kit, s)
        kit.person_lying(s, 90, 222, 170, PRISONER)  # on the bench, facing the wall
        kit.person(s, 600, 350, 110, OFFICER)  # at the door, outside the frame edge
    return draw


def ligature(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        _cell(kit, s)
        # standing on the end of the bench near the door, shirtless
        kit.person(s, 320, 222, 120, PRISONER)
        # the twisted shirt from his neck to the hatch hinge
        pg.draw.line(s, SHIRT, (320, 128), (469, 156), 5)
        pg.draw.circle(s, SHIRT, (320, 126), 10, 4)
    return draw


def floor(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        _cell(kit, s)
        pg.draw.rect(s, (70, 78, 86), (430, 60, 150, 220))  # door open: a dark gap at its edge
        pg.draw.rect(s, (30, 32, 36), (560, 60, 40, 220))
        kit.person_lying(s, 220, 330, 170, PRISONER)  # on his side on the floor
        for x in (200, 380):  # two officers kneeling beside him
            pg.draw.circle(s, OFFICER, (x, 250), 11)
            pg.draw.line(s, OFFICER, (x, 262), (x + 4, 300), 18)
            pg.draw.line(s, OFFICER, (x + 4, 300), (x + 30, 326), 9)
            pg.draw.line(s, OFFICER, (x, 270), (x + 26, 306), 6)
        pg.draw.line(s, (200, 200, 190), (500, 330), (540, 326), 3)  # the cut cord on the floor
    return draw


def scenes(kit):
    return {
        "cells_prisoner_booking.png": booking(kit),
        "cells_prisoner_cell.png": cell(kit),
        "cells_prisoner_ligature.png": ligature(kit),
        "cells_prisoner_floor.png": floor(kit),
    }
