"""Pictures for scenarios/suicidal-bridge.yaml: a bridge over a river at night, in the rain."""

from __future__ import annotations


def scenes(kit):
    pg = kit.pygame
    W, H = kit.WIDTH, kit.HEIGHT
    WOMAN = (130, 130, 140)  # grey jacket
    OFFICER = (20, 26, 48)
    RAIL = (150, 155, 165)
    STEEL = (200, 200, 210)

    def bridge(s, rng, rail_y=210):
        kit.vertical_gradient(s, pg.Rect(0, 0, W, 170), (8, 10, 26), (30, 36, 60))
        for x in range(0, W, 55):  # far shore lights
            pg.draw.rect(s, (40, 44, 66), (x, 130 - (x * 3) % 30, 40, 40 + (x * 3) % 30))
            kit.glow(s, (x + 20, 150), 10, (255, 220, 150), 60)
        pg.draw.rect(s, (12, 18, 34), (0, 170, W, 40))  # river far below
        for _ in range(40):
            x, y = rng.randrange(W), rng.randrange(172, 208)
            pg.draw.line(s, (60, 70, 100), (x, y), (x + 12, y), 1)
        pg.draw.rect(s, (70, 70, 76), (0, rail_y + 10, W, H - rail_y - 10))  # deck
        pg.draw.rect(s, (95, 95, 100), (0, rail_y + 10, W, 40))  # sidewalk
        pg.draw.line(s, (120, 120, 124), (0, rail_y + 50), (W, rail_y + 50), 3)  # curb
        pg.draw.line(s, RAIL, (0, rail_y - 40), (W, rail_y - 40), 5)  # top rail
        pg.draw.line(s, RAIL, (0, rail_y - 15), (W, rail_y - 15), 3)
        for x in range(0, W, 32):
            pg.draw.line(s, RAIL, (x, rail_y - 40), (x, rail_y + 10), 3)
        kit.streetlight(s, 90, rail_y + 10, 150)
        kit.streetlight(s, 470, rail_y + 10, 150)
        for _ in range(160):  # rain
            x, y = rng.randrange(W), rng.randrange(H)
            pg.draw.line(s, (140, 150, 175), (x, y), (x - 2, y + 8), 1)

    def ledge(s, rng):
        bridge(s, rng)
        # the woman outside the railing: drawn smaller, standing on the ledge beyond the rail
        kit.person(s, 420, 205, 84, WOMAN)
        pg.draw.line(s, RAIL, (380, 170), (460, 170), 5)  # top rail redrawn in front of her
        pg.draw.line(s, WOMAN, (410, 160), (404, 170), 4)  # hand on the rail
        kit.car_side(s, -40, 350, 230, (25, 28, 35), police=True)
        kit.person(s, 230, 340, 120, OFFICER)  # officer stopped well back

    def knife(s, rng):
        bridge(s, rng)
        kit.person(s, 60, 300, 110, OFFICER, arm_out=True)  # partner covering over the trunk
        kit.car_side(s, 10, 350, 240, (25, 28, 35), police=True)
        kit.person(s, 270, 340, 124, OFFICER)  # officer at the hood
        kit.person(s, 470, 262, 108, WOMAN, arm_out=True)  # the woman on the sidewalk, walking in
        pg.draw.line(s, STEEL, (503, 178), (516, 170), 3)  # the blade

    def curb(s, rng):
        bridge(s, rng)
        kit.person(s, 200, 320, 96, OFFICER)  # officer behind the hood
        kit.person(s, 40, 318, 92, (90, 60, 80))  # negotiator crouched by the trunk
        kit.car_side(s, 10, 350, 240, (25, 28, 35), police=True)
        # the woman seated on the curb, knees up
        pg.draw.circle(s, WOMAN, (470, 226), 11)
        pg.draw.rect(s, WOMAN, (460, 237, 22, 28), border_radius=6)
        pg.draw.line(s, WOMAN, (480, 262), (500, 248), 7)
        pg.draw.line(s, WOMAN, (500, 248), (504, 268), 6)
        pg.draw.line(s, STEEL, (486, 252), (496, 250), 2)  # knife in her lap

    def down(s, rng):
        bridge(s, rng)
        kit.car_side(s, 10, 350, 240, (25, 28, 35), police=True)
        kit.person_lying(s, 380, 300, 110, WOMAN)
        pg.draw.line(s, STEEL, (520, 310), (536, 306), 3)  # knife clear of her hand
        pg.draw.line(s, (230, 200, 40), (300, 250), (400, 286), 1)  # CEW wires
        pg.draw.line(s, (230, 200, 40), (300, 252), (420, 290), 1)
        kit.person(s, 300, 330, 124, OFFICER, arm_out=True)
        kit.person(s, 580, 330, 120, OFFICER)

    return {
        "suicidal_bridge_ledge.png": ledge,
        "suicidal_bridge_knife.png": knife,
        "suicidal_bridge_curb.png": curb,
        "suicidal_bridge_down.png": down,
    }
