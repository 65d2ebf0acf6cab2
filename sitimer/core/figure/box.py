"""One frame for all of an exercise's figure: the box every pose it takes fits in.

A figure scaled to each pose on its own would grow and shrink as it moves; scaled to one box
for the whole exercise it stays put, and only the body moves. The box holds the key poses on
both sides, breathing in, and the poses on the way between them (an arm going from the side to
overhead reaches further forward half-way than at either end).
"""

from __future__ import annotations

import itertools

from sitimer.core.figure.pose import Pose, blend
from sitimer.core.figure.skeleton import draw
from sitimer.core.figure.spec import Figure

Box = tuple[float, float, float, float]  # left, bottom, right, top in metres
BETWEEN = (0.25, 0.5, 0.75)  # the poses looked at on the way from one key pose to another


def figure_box(figure: Figure) -> Box:
    """Left, bottom, right, top (metres) of everything ``figure`` paints, right and left side."""
    keys = list(dict.fromkeys(p for pose in figure.poses() for p in (pose, pose.mirrored())))
    poses: list[Pose] = list(keys)
    for a, b in itertools.combinations(keys, 2):
        poses += [blend(a, b, t) for t in BETWEEN]
    bounds = [draw(pose, figure.view, 1.0).bounds() for pose in poses]
    return (
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    )
