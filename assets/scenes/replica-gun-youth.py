"""Pictures for replica-gun-youth: a park in the afternoon, a boy pointing a replica, turning, the gun on the grass."""

from __future__ import annotations

OFFICER = (24, 30, 56)
PARTNER = (34, 42, 74)
BOY = (60, 110, 160)
FRIEND = (170, 120, 50)
MOTHER = (150, 70, 110)
PARENTS = [(120, 90, 120), (90, 120, 100), (140, 110, 80)]
GUN = (20, 20, 22)


def _park(kit, s, rng) -> None:
    """Afternoon park: sky, trees, grass, a picnic shelter, a playground far back."""
    pg = kit.pygame
    kit.vertical_gradient(s, pg.Rect(0, 0, kit.WIDTH, 170), (130, 180, 230), (210, 225, 235))
    pg.draw.rect(s, (95, 150, 80), (0, 170, kit.WIDTH, 190))
    for x in (40, 520, 600):
        kit.tree(s, x, 180, 70, (60, 110, 60))
    pg.draw.polygon(s, (120, 70, 50), [(300, 120), (420, 120), (440, 145), (280, 145)])  # shelter roof
    pg.draw.rect(s, (90, 60, 45), (292, 145, 6, 50))
    pg.draw.rect(s, (90, 60, 45), (422, 145, 6, 50))
    pg.draw.rect(s, (140, 100, 70), (320, 172, 80, 8))  # picnic table
    pg.draw.line(s, (200, 60, 60), (480, 150), (480, 185), 3)  # swing frame, far back
    pg.draw.line(s, (200, 60, 60), (540, 150), (540, 185), 3)
    pg.draw.line(s, (200, 60, 60), (476, 150), (544, 150), 3)
    pg.draw.line(s, (80, 80, 80), (500, 150), (500, 172), 1)
    pg.draw.line(s, (80, 80, 80), (522, 150), (522, 172), 1)
    for i, x in enumerate((470, 556)):
        kit.person(s, x, 188, 34, PARENTS[i])
    kit.person(s, 512, 184, 20, PARENTS[2])  # a child on the swing


def _gun(kit, s, x, y, toward_left: bool = False) -> None:
    dx = -16 if toward_left else 16
    kit.pygame.draw.line(s, GUN, (x, y), (x + dx, y), 5)
    kit.pygame.draw.line(s, GUN, (x + (0 if not toward_left else 0), y), (x, y + 7), 4)


def park(kit):
    def draw(s, rng) -> None:
        _park(kit, s, rng)
        kit.person(s, 330, 240, 70, BOY, arm_out=True)  # the boy, arm out toward his friend
        _gun(kit, s, 356, 212)
        kit.person(s, 384, 244, 62, FRIEND, arm_out=True)  # the friend filming
        kit.glow(s, (404, 214), 8, (220, 235, 255), 170)
        kit.car_side(s, -40, 352, 260, (230, 230, 235), lights=True, police=True)
        kit.person(s, 250, 356, 108, OFFICER, arm_out=True)  # at the engine block, pistol out
    return draw


def turns(kit):
    def draw(s, rng) -> None:
        _park(kit, s, rng)
        kit.person(s, 352, 262, 96, BOY)  # facing the officers, arm half out toward them
        kit.pygame.draw.line(s, BOY, (340, 196), (318, 210), 5)
        _gun(kit, s, 316, 208, toward_left=True)
        kit.person(s, 430, 250, 62, FRIEND)
        kit.car_side(s, -40, 352, 260, (230, 230, 235), lights=True, police=True)
        kit.person(s, 210, 356, 108, OFFICER, arm_out=True)
        kit.person(s, 560, 356, 104, PARTNER, arm_out=True)  # at the oak, second angle
    return draw


def dropped(kit):
    def draw(s, rng) -> None:
        _park(kit, s, rng)
        pg = kit.pygame
        kit.person(s, 352, 262, 96, BOY)  # hands up
        pg.draw.line(s, BOY, (340, 196), (330, 166), 5)
        pg.draw.line(s, BOY, (364, 196), (374, 166), 5)
        _gun(kit, s, 330, 276)  # the replica on the grass in front of him
        kit.person(s, 430, 250, 62, FRIEND)
        pg.draw.line(s, FRIEND, (422, 210), (414, 192), 4)
        pg.draw.line(s, FRIEND, (438, 210), (446, 192), 4)
        kit.car_side(s, -40, 352, 260, (230, 230, 235), police=True)
        kit.person(s, 210, 356, 108, OFFICER)  # pistol lowered
        kit.person(s, 560, 356, 104, PARTNER, arm_out=True)
    return draw


def mother(kit):
    def draw(s, rng) -> None:
        _park(kit, s, rng)
        pg = kit.pygame
        for i, x in enumerate((440, 466, 492, 518)):  # onlookers filming
            kit.person(s, x, 250, 56, PARENTS[i % 3], arm_out=True)
            kit.glow(s, (x + 14, 216), 7, (220, 235, 255), 160)
        kit.car_side(s, 20, 340, 250, (230, 230, 235), police=True)
        kit.person(s, 300, 350, 80, BOY)  # the boy, small beside the adults
        kit.person(s, 360, 352, 104, MOTHER, arm_out=True)  # the mother, arm out, shouting
        kit.person(s, 260, 356, 108, OFFICER)
        kit.person(s, 180, 354, 104, PARTNER, arm_out=True)
        pg.draw.rect(s, GUN, (220, 278, 18, 6))  # the replica, held up by the partner
        pg.draw.rect(s, GUN, (220, 278, 5, 12))
    return draw


def scenes(kit):
    return {
        "replica_gun_youth_park.png": park(kit),
        "replica_gun_youth_turns.png": turns(kit),
        "replica_gun_youth_dropped.png": dropped(kit),
        "replica_gun_youth_mother.png": mother(kit),
    }
