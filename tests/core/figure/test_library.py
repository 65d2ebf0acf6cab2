"""The shared pose library: every pose can be built, and the poses do what the leaflets describe."""

from __future__ import annotations

import math

import pytest

from sitimer.core.figure.library import build_poses, library
from sitimer.core.figure.pose import Pose
from sitimer.core.figure.skeleton import View, draw, joints


def _gap(pose: str, a: str, b: str) -> float:
    j = joints(library()[pose])
    return math.dist(j[a], j[b])


def test_the_windmill_brings_the_right_hand_to_the_left_foot_and_the_left_arm_up() -> None:
    assert _gap("windmill-right-hand-left-foot", "hand_r", "toe_l") < 0.05
    d = draw(library()["windmill-right-hand-left-foot"], View.FRONT)
    assert d.points["hand_l"][1] > d.points["head"][1]


def test_si_stretch_the_left_hand_holds_the_right_knee_pushed_across_and_the_right_arm_lies_out() -> None:
    assert _gap("knee-across", "hand_l", "knee_r") < 0.05
    d = draw(library()["knee-across"], View.ABOVE)
    assert d.points["knee_r"][1] > d.points["pelvis"][1] + 0.2  # across to the left (up the page)
    assert d.points["hand_r"][1] < d.points["shoulder_r"][1] - 0.5  # the right arm out to the side


@pytest.mark.parametrize("pose", ["knee-to-chest", "knee-to-other-shoulder"])
def test_both_hands_hold_the_knee_that_is_pulled_up(pose: str) -> None:
    for hand in ("hand_r", "hand_l"):
        assert _gap(pose, hand, "knee_r") < 0.15
    assert _gap(pose, "knee_r", "chest") < _gap("lie-back-knees-up", "knee_r", "chest") - 0.2


def test_hands_behind_the_head_and_a_curl_up_lifts_the_shoulders_not_the_pelvis() -> None:
    assert _gap("hands-behind-head", "hand_r", "head") < 0.12
    flat, up = draw(library()["arms-crossed"], View.SIDE), draw(library()["curl-up"], View.SIDE)
    assert up.points["shoulder_r"][1] > flat.points["shoulder_r"][1] + 0.1
    assert up.points["pelvis"][1] == pytest.approx(flat.points["pelvis"][1], abs=0.03)


def test_walking_on_the_heels_lifts_the_toes() -> None:
    d = draw(library()["heel-walk-right-forward"], View.SIDE)
    assert d.points["toe_r"][1] > d.points["heel_r"][1] + 0.05


def test_likes_build_in_any_order_and_a_loop_of_likes_is_refused() -> None:
    poses = build_poses({"b": {"like": "a", "knee_r": 30}, "a": {"base": "back", "hip_flex_r": 40}}, {})
    assert poses["b"] == Pose.of(poses["a"].base, hip_flex_r=40, knee_r=30)
    with pytest.raises(ValueError, match="loop"):
        build_poses({"a": {"like": "b"}, "b": {"like": "a"}}, {})
