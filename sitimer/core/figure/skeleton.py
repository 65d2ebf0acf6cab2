"""From a pose to a picture: joint positions in 3-D, then shapes on the page, seen from one side.

The body is measured in metres (1.75 m tall) in its own frame: x to its left, y to its head,
z to its front. The pose's base turns that frame into the room (standing, on the back, face
down); the view looks at the room from the side (the figure faces right), the front, or from
above (a lying figure with its head on the left). The lowest point rests on the floor.

The result is a list of shapes, farthest first, that the Qt layer only has to paint: thick
rounded limbs (capsules), the trunk as a rounded polygon, the head as a circle. Pure geometry:
no Qt, so tests can ask where the right hand is when the count is said.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sitimer.core.figure.pose import Base, Pose

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]  # rows


class View(StrEnum):
    """Where the figure is seen from."""

    SIDE = "side"
    FRONT = "front"
    ABOVE = "above"


# Lengths in metres, radii of the limbs as drawn.
HIP_HALF, SHOULDER_HALF = 0.09, 0.18
LOWER_TRUNK, UPPER_TRUNK, NECK, HEAD_R = 0.25, 0.27, 0.07, 0.115
UPPER_ARM, FOREARM = 0.30, 0.33  # the forearm reaches to the fingertips
THIGH, SHANK, FOOT, HEEL = 0.45, 0.44, 0.19, 0.05
HIKE_REACH = 0.25  # how far a hip moves along the body per unit of sin(hip_hike): drawn larger than life
TRUNK_R, ARM_R, FOREARM_R, THIGH_R, SHANK_R, FOOT_R = 0.095, 0.048, 0.040, 0.066, 0.052, 0.035


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + b[0] * k, a[1] + b[1] * k, a[2] + b[2] * k)


def _mul(m: Mat, v: Vec) -> Vec:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def _dot(m: Mat, n: Mat) -> Mat:
    cols = [(n[0][j], n[1][j], n[2][j]) for j in range(3)]
    rows = [_mul(m, c) for c in cols]  # m times each column of n
    return (
        (rows[0][0], rows[1][0], rows[2][0]),
        (rows[0][1], rows[1][1], rows[2][1]),
        (rows[0][2], rows[1][2], rows[2][2]),
    )


def _forward(deg: float) -> Mat:
    """Turn about x so that y (up) goes towards z (the front): a bend forwards."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def _about_z(deg: float) -> Mat:
    """Turn about z (front-back): y towards -x (the body's right) for a positive angle."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _about_y(deg: float) -> Mat:
    """Turn about y (head-feet): the front towards +x (the body's left) for a positive angle."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def _turn(v: Vec, axis: Vec, deg: float) -> Vec:
    """``v`` turned about the unit ``axis`` (Rodrigues)."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    cross = (
        axis[1] * v[2] - axis[2] * v[1],
        axis[2] * v[0] - axis[0] * v[2],
        axis[0] * v[1] - axis[1] * v[0],
    )
    along = sum(a * b for a, b in zip(axis, v, strict=True)) * (1 - c)
    return (
        v[0] * c + cross[0] * s + axis[0] * along,
        v[1] * c + cross[1] * s + axis[1] * along,
        v[2] * c + cross[2] * s + axis[2] * along,
    )


_SIDES = (("r", -1.0), ("l", 1.0))  # suffix, and which way is outwards on x


def joints(pose: Pose) -> dict[str, Vec]:
    """Every joint of the body in its own frame (metres; the pelvis at the origin)."""
    a = pose.angle
    p: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    lower = _dot(_forward(a("trunk_flex") + a("back_arch")), _about_z(a("trunk_side")))
    upper = _dot(lower, _dot(_forward(a("chest_flex") - 2 * a("back_arch")), _about_y(-a("trunk_twist"))))
    head = _dot(upper, _forward(a("neck_flex")))
    p["waist"] = _mul(lower, (0.0, LOWER_TRUNK, 0.0))
    p["chest"] = _add(p["waist"], _mul(upper, (0.0, UPPER_TRUNK, 0.0)))
    p["neck"] = _add(p["chest"], _mul(head, (0.0, NECK, 0.0)))
    # the head a little to the front, so that lying on the back the head and the back both touch the floor
    p["head"] = _add(p["neck"], _mul(head, (0.0, HEAD_R * 0.95, HEAD_R - TRUNK_R)))
    p["face"] = _mul(head, (0.0, 0.0, 1.0))  # which way the face looks (a direction)
    hike = math.sin(math.radians(a("hip_hike"))) * HIKE_REACH
    for side, out in _SIDES:
        p[f"hip_{side}"] = (out * HIP_HALF, -out * hike, 0.0)  # the right hip up towards the shoulder
        p[f"waist_{side}"] = _add(p["waist"], _mul(lower, (out * (HIP_HALF + SHOULDER_HALF) / 2, 0.0, 0.0)))
        p[f"shoulder_{side}"] = _add(p["chest"], _mul(upper, (out * SHOULDER_HALF, 0.0, 0.0)))
        arm = _dot(
            upper, _dot(_forward(-a(f"shoulder_flex_{side}")), _about_z(out * a(f"shoulder_abd_{side}")))
        )
        _limb(
            p,
            arm,
            (f"shoulder_{side}", f"elbow_{side}", f"hand_{side}"),
            (UPPER_ARM, FOREARM),
            a(f"elbow_{side}"),
            a(f"arm_roll_{side}"),
            bend=1.0,
        )
        leg = _dot(_forward(-a(f"hip_flex_{side}")), _about_z(out * a(f"hip_abd_{side}")))
        shank, front = _limb(
            p,
            leg,
            (f"hip_{side}", f"knee_{side}", f"ankle_{side}"),
            (THIGH, SHANK),
            a(f"knee_{side}"),
            0.0,
            bend=-1.0,
        )
        foot = _along(front, (-shank[0], -shank[1], -shank[2]), math.radians(a(f"ankle_{side}")))
        p[f"heel_{side}"] = _add(p[f"ankle_{side}"], foot, -HEEL)
        p[f"toe_{side}"] = _add(p[f"ankle_{side}"], foot, FOOT)
    return p


def _along(u: Vec, b: Vec, angle: float) -> Vec:
    """``u`` turned by ``angle`` radians towards ``b`` (both unit and square to each other)."""
    c, s = math.cos(angle), math.sin(angle)
    return (u[0] * c + b[0] * s, u[1] * c + b[1] * s, u[2] * c + b[2] * s)


def _limb(
    p: dict[str, Vec],
    frame: Mat,
    names: tuple[str, str, str],
    lengths: tuple[float, float],
    bent: float,
    roll: float,
    bend: float,
) -> tuple[Vec, Vec]:
    """Place the middle and end joint of an arm or leg; the lower part's direction and its front.

    The joint bends the lower part towards the limb's front (``bend`` 1: an elbow) or its back
    (-1: a knee), turned by ``roll`` degrees about the upper part.
    """
    root, middle, end = names
    upper = _mul(frame, (0.0, -1.0, 0.0))
    towards = _turn(_mul(frame, (0.0, 0.0, bend)), upper, roll)
    lower = _along(upper, towards, math.radians(bent))
    front = _along(upper, towards, math.radians(bent) - math.pi / 2)
    p[middle] = _add(p[root], upper, lengths[0])
    p[end] = _add(p[middle], lower, lengths[1])
    return lower, front


# -- into the room, and onto the page --------------------------------------------------------

# body (x left, y head, z front) -> room (right on the page seen from the side, up, towards that viewer)
_ROOM = {
    Base.STAND: lambda v: (v[2], v[1], -v[0]),
    Base.BACK: lambda v: (-v[1], v[2], -v[0]),
    Base.FRONT: lambda v: (v[1], -v[2], -v[0]),
}
_PAGE = {  # room -> (across the page, up the page, nearness)
    View.SIDE: lambda w: (w[0], w[1], w[2]),
    View.FRONT: lambda w: (-w[2], w[1], w[0]),
    View.ABOVE: lambda w: (w[0], -w[2], w[1]),
}


class Part(StrEnum):
    """What a shape is, so the painter can shade it."""

    TRUNK = "trunk"
    HEAD = "head"
    LIMB = "limb"


@dataclass(frozen=True)
class Shape:
    """One thing to paint: a line of points with a thickness, on the page (metres, y up)."""

    part: Part
    points: tuple[
        tuple[float, float], ...
    ]  # a limb: two points; the trunk: its outline; the head: its centre
    radius: float
    side: str | None  # "right", "left", or None for the trunk and head
    nearness: float  # larger is nearer the viewer: paint the smallest first
    limb: str | None = None  # "arm_r", "leg_l", ...: which limb a part belongs to


@dataclass(frozen=True)
class Drawing:
    """A pose seen from one side, its lowest point on the floor (y = 0)."""

    view: View
    shapes: tuple[Shape, ...]  # farthest first
    face: tuple[float, float]  # which way the face looks, on the page (for a nose)
    points: dict[str, tuple[float, float]]  # every joint on the page, by name

    def bounds(self) -> tuple[float, float, float, float]:
        """Left, bottom, right, top of everything painted, thickness included."""
        xs = [x + s * sh.radius for sh in self.shapes for x, _ in sh.points for s in (-1, 1)]
        ys = [y + s * sh.radius for sh in self.shapes for _, y in sh.points for s in (-1, 1)]
        return min(xs), min(ys), max(xs), max(ys)


_LIMBS = (  # from, to, radius, limb
    ("shoulder", "elbow", ARM_R, "arm"),
    ("elbow", "hand", FOREARM_R, "arm"),
    ("hip", "knee", THIGH_R, "leg"),
    ("knee", "ankle", SHANK_R, "leg"),
    ("heel", "toe", FOOT_R, "leg"),
)
_RADIUS = {  # how far the painted body reaches around each joint
    "shoulder": ARM_R,
    "elbow": FOREARM_R,
    "hand": FOREARM_R,
    "hip": THIGH_R,
    "knee": SHANK_R,
    "ankle": SHANK_R,
    "heel": FOOT_R,
    "toe": FOOT_R,
    "head": HEAD_R,
    "neck": TRUNK_R * 0.6,
}


def draw(pose: Pose, view: View, breath: float = 0.0) -> Drawing:
    """The pose seen from ``view``: shapes farthest first, the lowest point on the floor.

    ``breath`` (0..1) fills the chest a little, so a figure holding still is seen to breathe.
    """
    body = joints(pose)
    face_dir = body.pop("face")
    room = {name: _ROOM[pose.base](v) for name, v in body.items()}
    floor = min(w[1] - _RADIUS.get(name.split("_")[0], TRUNK_R) for name, w in room.items())
    page = {name: _PAGE[view]((w[0], w[1] - floor, w[2])) for name, w in room.items()}
    flat = {name: (v[0], v[1]) for name, v in page.items()}
    shapes: list[Shape] = []
    outline = ("hip_r", "waist_r", "shoulder_r", "shoulder_l", "waist_l", "hip_l")
    chest = TRUNK_R * (1 + 0.08 * breath)
    shapes.append(Shape(Part.TRUNK, tuple(flat[n] for n in outline), chest, None, page["pelvis"][2]))
    shapes.append(Shape(Part.LIMB, (flat["chest"], flat["neck"]), TRUNK_R * 0.6, None, page["chest"][2]))
    shapes.append(Shape(Part.HEAD, (flat["head"],), HEAD_R, None, page["head"][2]))
    for side, word in (("r", "right"), ("l", "left")):
        for a, b, radius, limb in _LIMBS:
            near = (page[f"{a}_{side}"][2] + page[f"{b}_{side}"][2]) / 2
            ends = (flat[f"{a}_{side}"], flat[f"{b}_{side}"])
            shapes.append(Shape(Part.LIMB, ends, radius, word, near, f"{limb}_{side}"))
    shapes.sort(key=lambda s: s.nearness)
    face3 = _PAGE[view](_ROOM[pose.base](face_dir))
    return Drawing(view, tuple(shapes), (face3[0], face3[1]), flat)
