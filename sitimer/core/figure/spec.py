"""What an exercise's figure does: the view, and the key poses of a rep, a hold or a loop.

A programme file names the poses (from the pose library, or written in place); the loader turns
the names into :class:`~sitimer.core.figure.pose.Pose` values, so everything after loading works
with poses only. Poses are for the right side; the left side is their mirror image.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitimer.core.figure.pose import Pose
from sitimer.core.figure.skeleton import View

DEFAULT_CYCLE_S = 1.2


@dataclass(frozen=True)
class Figure:
    """The animation of one exercise.

    ``start`` is held while preparing, resting and changing sides, and is passed through
    between reps; a rep goes through ``rep`` and reaches its last pose on the count; a hold
    moves into ``hold`` and stays there, breathing; a timed bout (or an activity's preview)
    goes round ``loop``, once every ``cycle_s`` seconds.
    """

    view: View
    start: Pose
    rep: tuple[Pose, ...] = ()
    hold: Pose | None = None
    loop: tuple[Pose, ...] = ()
    cycle_s: float = DEFAULT_CYCLE_S

    def poses(self) -> tuple[Pose, ...]:
        """Every key pose, as written (the right side)."""
        return (self.start, *self.rep, *((self.hold,) if self.hold else ()), *self.loop)
