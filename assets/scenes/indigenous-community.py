"""Pictures for indigenous-community: a yard by the lake at dusk, a carving shed, a smudge, then the porch."""

from __future__ import annotations

OFFICER = (22, 28, 52)
JORDAN = (120, 92, 72)
MARION = (96, 70, 86)
DALE = (70, 86, 70)
CEDAR = (196, 140, 96)


def _yard(kit, s, rng) -> None:
    """Dusk over the lake, spruce on the far shore, a grassy yard."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 170), (60, 56, 96), (226, 150, 110))
    kit.vertical_gradient(s, pg.Rect(0, 170, kit.WIDTH, 30), (120, 110, 140), (80, 84, 110))  # the lake
    for x in range(0, kit.WIDTH, 18):  # spruce line on the far shore
        h = rng.randrange(24, 46)
        pg.draw.polygon(s, (28, 44, 36), [(x, 172), (x + 9, 172 - h), (x + 18, 172)])
    pg.draw.rect(s, (54, 76, 48), (0, 200, kit.WIDTH, 160))


def _shed(kit, s, x: int, ground_y: int, open_door: bool = True) -> None:
    pg = kit.pygame
    pg.draw.rect(s, (104, 78, 58), (x, ground_y - 130, 200, 130))
    pg.draw.polygon(s, (70, 52, 40), [(x - 12, ground_y - 130), (x + 100, ground_y - 176), (x + 212, ground_y - 130)])
    if open_door:
        pg.draw.rect(s, (40, 30, 24), (x + 70, ground_y - 104, 64, 104))
        kit.glow(s, (x + 102, ground_y - 60), 50, (255, 210, 140), 70)  # a work lamp inside


def _smoke(kit, s, x: int, y: int) -> None:
    pg = kit.pygame
    layer = pg.Surface((kit.WIDTH, kit.HEIGHT), pg.SRCALPHA)
    for i in range(7):
        pg.draw.circle(layer, (220, 220, 225, 70 - i * 8), (x + (i % 2) * 6 - 3 + i * 3, y - i * 10), 6 + i)
    s.blit(layer, (0, 0))


def _seated(kit, s, x: int, ground_y: int, colour) -> None:
    """A figure sitting on a low stool or step, knees forward to the right."""
    pg = kit.pygame
    pg.draw.circle(s, colour, (x, ground_y - 62), 9)
    pg.draw.line(s, colour, (x, ground_y - 52), (x + 2, ground_y - 26), 14)
    pg.draw.line(s, colour, (x + 2, ground_y - 24), (x + 26, ground_y - 24), 8)  # thigh
    pg.draw.line(s, colour, (x + 26, ground_y - 24), (x + 28, ground_y), 7)  # shin
    pg.draw.line(s, colour, (x + 2, ground_y - 46), (x + 24, ground_y - 32), 5)  # arm to the work


def smudge(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        _yard(kit, s, rng)
        pg.draw.rect(s, (150, 146, 130), (20, 150, 200, 100))  # the house
        pg.draw.polygon(s, (90, 70, 60), [(10, 150), (120, 104), (230, 150)])
        pg.draw.rect(s, (236, 206, 140), (50, 178, 36, 28))
        _shed(kit, s, 380, 280)
        _seated(kit, s, 452, 276, JORDAN)  # inside the doorway, carving
        pg.draw.line(s, CEDAR, (470, 246), (520, 236), 5)  # the paddle across his knees
        kit.person(s, 540, 292, 84, MARION)
        pg.draw.ellipse(s, (230, 220, 210), (520, 236, 18, 8))  # the shell
        _smoke(kit, s, 528, 232)
        kit.person(s, 150, 340, 100, OFFICER)  # waiting by the car
        kit.person(s, 200, 342, 96, DALE)
        kit.car_side(s, -40, 352, 180, (25, 28, 35), police=False)
    return draw


def shed(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        _yard(kit, s, rng)
        _shed(kit, s, 220, 290)
        _seated(kit, s, 296, 286, JORDAN)
        pg.draw.line(s, CEDAR, (314, 256), (366, 246), 5)
        for _ in range(12):  # shavings on the step
            pg.draw.circle(s, CEDAR, (260 + rng.randrange(120), 290 + rng.randrange(6)), 2)
        pg.draw.rect(s, (110, 90, 60), (180, 320, 30, 24))  # the crate
        _seated(kit, s, 188, 320, OFFICER)  # sitting low, at his level
        _seated(kit, s, 420, 310, MARION)  # on the step beside
        kit.person(s, 90, 346, 96, DALE)
    return draw


def standing(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        _yard(kit, s, rng)
        _shed(kit, s, 220, 290)
        kit.person(s, 310, 292, 104, JORDAN)
        pg.draw.line(s, (190, 190, 196), (300, 244), (298, 258), 3)  # the blade, held low
        kit.person(s, 336, 294, 84, MARION, arm_out=False)
        pg.draw.line(s, MARION, (330, 238), (316, 236), 5)  # her hand on his arm
        kit.person(s, 150, 350, 104, OFFICER)
        kit.person(s, 70, 346, 96, DALE)
    return draw


def porch(kit):
    def draw(s, rng) -> None:
        pg = kit.pygame
        _yard(kit, s, rng)
        pg.draw.rect(s, (150, 146, 130), (140, 130, 360, 150))  # the house
        pg.draw.polygon(s, (90, 70, 60), [(124, 130), (320, 70), (516, 130)])
        pg.draw.rect(s, (236, 206, 140), (180, 160, 44, 34))
        pg.draw.rect(s, (236, 206, 140), (420, 160, 44, 34))
        pg.draw.rect(s, (80, 64, 50), (296, 196, 50, 84))  # the door
        pg.draw.rect(s, (120, 100, 80), (250, 280, 140, 16))  # the step
        _seated(kit, s, 290, 282, JORDAN)
        _seated(kit, s, 330, 282, MARION)
        kit.person(s, 200, 350, 100, OFFICER)
        kit.person(s, 470, 350, 96, DALE)
        kit.glow(s, (320, 200), 120, (255, 220, 160), 50)
    return draw


def scenes(kit):
    return {
        "indigenous_community_smudge.png": smudge(kit),
        "indigenous_community_shed.png": shed(kit),
        "indigenous_community_standing.png": standing(kit),
        "indigenous_community_porch.png": porch(kit),
    }
