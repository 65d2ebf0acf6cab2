"""A pose: how the body lies and the angle of each joint, in degrees.

Poses are written for the right side ("right knee across to the left"); the figure does the
left side with :meth:`Pose.mirrored`. Every angle has a range a body can reach, so a programme
file that asks for a knee bent backwards is refused with the joint and the range. ``blend``
moves between two poses, which is all the animation needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sitimer.core.said import said


class Base(StrEnum):
    """How the body is placed: standing (or walking), lying on the back, lying face down."""

    STAND = "stand"
    BACK = "back"
    FRONT = "front"


@dataclass(frozen=True)
class Joint:
    """One angle of a pose: its range in degrees and its value at rest (standing straight)."""

    low: float
    high: float
    rest: float = 0.0
    mirror: str | None = None  # the same joint on the other side ("hip_r" <-> "hip_l")
    lateral: bool = False  # a trunk angle towards one side, or a limb's roll: mirroring turns its sign


def _sided(name: str, low: float, high: float, rest: float = 0.0, lateral: bool = False) -> dict[str, Joint]:
    return {
        f"{name}_r": Joint(low, high, rest, mirror=f"{name}_l", lateral=lateral),
        f"{name}_l": Joint(low, high, rest, mirror=f"{name}_r", lateral=lateral),
    }


JOINTS: dict[str, Joint] = {
    # The trunk. Flex bends forward, side towards the right, twist turns the shoulders to the
    # right, arch hollows the lower back (the pelvis tips forward), chest curls the upper back
    # up (a sit-up), hike lifts the right hip towards the right shoulder.
    "trunk_flex": Joint(-30, 110),
    "trunk_side": Joint(-45, 45, lateral=True),
    "trunk_twist": Joint(-80, 80, lateral=True),
    "back_arch": Joint(-15, 25),
    "chest_flex": Joint(-10, 50),
    "hip_hike": Joint(-15, 15, lateral=True),
    "neck_flex": Joint(-40, 60),
    # Arms: flex raises the arm forwards (180: overhead), abd out to the side (90: level with
    # the shoulder), elbow bends the forearm, roll turns that bend about the upper arm.
    **_sided("shoulder_flex", -60, 200),
    **_sided("shoulder_abd", -40, 180),
    **_sided("elbow", 0, 150),
    **_sided("arm_roll", -180, 180, lateral=True),  # the same roll turns the other way on the other arm
    # Legs: flex brings the thigh forwards (the knee to the chest at 120), abd out to the side,
    # minus across the body; knee bends the lower leg back; ankle pulls the toes up.
    **_sided("hip_flex", -30, 140),
    **_sided("hip_abd", -50, 60),
    **_sided("knee", 0, 155),
    **_sided("ankle", -50, 30),
}
"""Every joint a pose may set, with the range a body can reach."""


@dataclass(frozen=True)
class Pose:
    """A whole body: its base and every joint angle (the ones not given are at rest)."""

    base: Base = Base.STAND
    angles: tuple[tuple[str, float], ...] = ()

    @staticmethod
    def of(base: Base = Base.STAND, **angles: float) -> Pose:
        """A pose from keyword angles; unknown joints raise KeyError."""
        if unknown := set(angles) - set(JOINTS):
            raise KeyError(f"no joint named {sorted(unknown)[0]!r}")
        return Pose(base, tuple(sorted(angles.items())))

    def angle(self, joint: str) -> float:
        """The angle of ``joint`` in degrees."""
        return dict(self.angles).get(joint, JOINTS[joint].rest)

    def radians(self, joint: str) -> float:
        """The angle of ``joint`` in radians."""
        return math.radians(self.angle(joint))

    def with_angles(self, **angles: float) -> Pose:
        """This pose with some angles changed."""
        return Pose.of(self.base, **{**dict(self.angles), **angles})

    def mirrored(self) -> Pose:
        """The same pose done on the other side: right and left swap, sideways angles turn."""
        out: dict[str, float] = {}
        for name, value in self.angles:
            joint = JOINTS[name]
            out[joint.mirror or name] = -value if joint.lateral else value
        return Pose(self.base, tuple(sorted(out.items())))


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose ``t`` of the way from ``a`` to ``b`` (0: a, 1: b), eased so it starts and ends slowly.

    A change of base (standing to lying) happens at the half-way point; the angles still move smoothly.
    """
    if t <= 0:
        return a
    if t >= 1:
        return b
    e = t * t * (3 - 2 * t)
    names = {n for n, _ in a.angles} | {n for n, _ in b.angles}
    angles = {n: a.angle(n) + (b.angle(n) - a.angle(n)) * e for n in names}
    return Pose(a.base if t < 0.5 else b.base, tuple(sorted(angles.items())))


def angle_problem(joint: str, value: float) -> str | None:
    """What is wrong with one angle of a pose, in words; None when the body can do it."""
    spec = JOINTS.get(joint)
    if spec is None:
        return said("no joint named {joint!r}", joint=joint)
    if not spec.low <= value <= spec.high:
        return said(
            "{value:g}° is beyond what a body can do: {joint} goes from {low:g} to {high:g}°",
            value=value,
            joint=joint,
            low=spec.low,
            high=spec.high,
        )
    return None
