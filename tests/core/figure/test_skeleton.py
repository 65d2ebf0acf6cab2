"""The figure's geometry, checked where a person would look: feet on the floor, faces and sides right."""

from __future__ import annotations

import math

import pytest

from sitimer.core.figure.pose import Base, Pose
from sitimer.core.figure.skeleton import HEAD_R, View, draw, joints


def test_a_standing_figure_stands_on_the_floor_with_its_head_on_top() -> None:
    d = draw(Pose.of(), View.SIDE)
    _, bottom, _, top = d.bounds()
    assert bottom == pytest.approx(0.0, abs=1e-9)
    assert top == pytest.approx(1.75, abs=0.03)
    assert d.points["head"][1] > d.points["chest"][1] > d.points["pelvis"][1] > d.points["knee_r"][1]


def test_seen_from_the_side_the_figure_faces_right_and_its_right_side_is_nearer() -> None:
    d = draw(Pose.of(shoulder_flex_r=90), View.SIDE)
    assert d.points["toe_r"][0] > d.points["heel_r"][0]
    assert d.points["hand_r"][0] > d.points["shoulder_r"][0] + 0.5  # the arm raised forwards
    nearness = {(s.part, s.side, s.points): s.nearness for s in d.shapes}
    right = [n for (part, side, _), n in nearness.items() if side == "right"]
    left = [n for (part, side, _), n in nearness.items() if side == "left"]
    assert min(right) > max(left)
    sides = [s.side for s in d.shapes]
    assert sides.index("right") > sides.index("left")  # painted over the left


def test_seen_from_the_front_the_right_arm_is_on_the_left_of_the_page() -> None:
    d = draw(Pose.of(shoulder_abd_r=90), View.FRONT)
    assert d.points["hand_r"][0] < d.points["shoulder_r"][0] - 0.5
    assert d.points["hand_l"][0] > d.points["shoulder_l"][0] - 0.05  # the left arm still hangs


def test_lying_on_the_back_the_head_is_on_the_left_and_the_knees_come_up() -> None:
    flat = draw(Pose.of(Base.BACK), View.SIDE)
    assert flat.points["head"][0] < flat.points["pelvis"][0] < flat.points["ankle_r"][0]
    assert flat.points["head"][1] == pytest.approx(HEAD_R, abs=0.01)  # the head rests on the floor
    knees = draw(Pose.of(Base.BACK, hip_flex_r=60, knee_r=100), View.SIDE)
    assert knees.points["knee_r"][1] > 0.3


def test_from_above_the_right_side_of_a_lying_figure_is_at_the_bottom() -> None:
    d = draw(Pose.of(Base.BACK, shoulder_abd_r=90, shoulder_abd_l=90), View.ABOVE)
    assert d.points["head"][0] < d.points["pelvis"][0]
    assert d.points["hand_r"][1] < d.points["chest"][1] - 0.4 < d.points["hand_l"][1] - 0.8


def test_a_hip_hike_draws_the_leg_up_towards_the_shoulder() -> None:
    rest, hiked = joints(Pose.of(Base.BACK)), joints(Pose.of(Base.BACK, hip_hike=14))
    assert hiked["ankle_r"][1] > rest["ankle_r"][1] + 0.04  # towards the head
    assert hiked["ankle_l"][1] < rest["ankle_l"][1] - 0.04  # the other leg pushed away


def test_a_breath_fills_the_chest_without_moving_a_joint() -> None:
    still, breathing = draw(Pose.of(), View.SIDE, 0.0), draw(Pose.of(), View.SIDE, 1.0)
    assert still.points == breathing.points
    trunk = [s.radius for s in still.shapes if s.part.value == "trunk"]
    fuller = [s.radius for s in breathing.shapes if s.part.value == "trunk"]
    assert fuller[0] > trunk[0]


def test_every_limb_keeps_its_length_in_any_pose() -> None:
    a = joints(Pose.of(Base.BACK, hip_flex_r=120, hip_abd_r=-40, knee_r=130, shoulder_abd_l=150, elbow_l=90))
    b = joints(Pose.of())
    limbs = (("hip_r", "knee_r"), ("knee_r", "ankle_r"), ("shoulder_l", "elbow_l"), ("elbow_l", "hand_l"))
    for x, y in limbs:
        assert math.dist(a[x], a[y]) == pytest.approx(math.dist(b[x], b[y]))
