"""Poses: the left side is the mirror of the right, blends move smoothly, impossible angles are named."""

from __future__ import annotations

import pytest

from sitimer.core.figure.pose import Base, Pose, angle_problem, blend


def test_the_left_side_swaps_the_limbs_and_turns_sideways_angles() -> None:
    right = Pose.of(Base.BACK, hip_flex_r=90, hip_abd_r=-45, trunk_twist=-30, trunk_flex=20)
    left = right.mirrored()
    assert left.base is Base.BACK
    assert (left.angle("hip_flex_l"), left.angle("hip_abd_l")) == (90, -45)
    assert left.angle("hip_flex_r") == 0
    assert left.angle("trunk_twist") == 30  # turning the other way
    assert left.angle("trunk_flex") == 20  # bending forwards is the same on both sides
    assert left.mirrored() == right


def test_a_blend_starts_and_ends_at_its_poses_and_eases_in_between() -> None:
    a, b = Pose.of(knee_r=0), Pose.of(knee_r=100)
    assert blend(a, b, 0.0) == a
    assert blend(a, b, 1.0) == b
    assert blend(a, b, 0.5).angle("knee_r") == pytest.approx(50)
    assert blend(a, b, 0.1).angle("knee_r") < 10  # eased: slow at the start


def test_a_blend_changes_base_half_way() -> None:
    standing, lying = Pose.of(Base.STAND), Pose.of(Base.BACK)
    assert blend(standing, lying, 0.49).base is Base.STAND
    assert blend(standing, lying, 0.51).base is Base.BACK


def test_an_angle_a_body_cannot_reach_is_named_with_its_range() -> None:
    assert angle_problem("knee_r", 100) is None
    assert angle_problem("knee_r", -20) == "-20° is beyond what a body can do: knee_r goes from 0 to 155°"
    assert angle_problem("wing_r", 10) == "no joint named 'wing_r'"
    with pytest.raises(KeyError, match="wing_r"):
        Pose.of(wing_r=10)
