"""A pose done on the left is drawn as the mirror image of the right: every library pose, every joint."""

from __future__ import annotations

import pytest

from sitimer.core.figure.library import library
from sitimer.core.figure.skeleton import View, draw


def _other(name: str) -> str:
    return name[:-1] + {"r": "l", "l": "r"}[name[-1]] if name[-2:] in ("_r", "_l") else name


@pytest.mark.parametrize("name", sorted(library()))
def test_the_left_side_is_the_mirror_image_of_the_right(name: str) -> None:
    pose = library()[name]
    for view, across in ((View.ABOVE, 1), (View.FRONT, 0)):  # the body's left-right on the page: y, x
        right, left = draw(pose, view).points, draw(pose.mirrored(), view).points
        for joint, point in right.items():
            flipped = tuple(-c if i == across else c for i, c in enumerate(point))
            mirror = left[_other(joint)]
            assert mirror == pytest.approx(flipped, abs=1e-6), (view, joint)  # hands stay behind the head
