"""Where the figure is at any moment of a session: the session's clock moves it.

The engine says which step runs, how long it has run and how long since the last rep was
counted; from that this module picks the figure's pose. A rep goes from the last rep's end
pose back through the start pose to its own end pose, which it reaches exactly when the rep
is counted (and its count is said); a hold moves into its pose and stays there; changing
sides goes back to the start pose. Pause, skip, back and tempo changes move the figure
exactly as they move the count, because nothing here keeps time of its own.

Fractions are rounded to a fixed number of frames per movement, so a session shows a limited
set of poses that the painter can keep (the frames of one rep are the frames of the next).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from sitimer.core.figure.pose import Pose, blend
from sitimer.core.figure.spec import Figure
from sitimer.core.programme.model import Exercise, Side, Sides
from sitimer.core.programme.plan import Plan, Step, StepKind, StepSide
from sitimer.core.session.engine import SessionEngine, State

FRAMES = 24  # frames per movement from one key pose to the next
BREATHS = 8  # steps of one breath
BREATH_S = 4.0  # one breath, in and out
SETTLE_S = 1.5  # moving into a hold's pose, or back to the start pose on a change of sides


@dataclass(frozen=True)
class FigureFrame:
    """The figure at one moment: its pose (already mirrored for the left side), the side worked,
    how far into a breath it is (0..1; 0 while moving), and the limbs to highlight."""

    pose: Pose
    working: Side | None = None
    breath: float = 0.0
    highlight: frozenset[str] = frozenset()  # "arm_r", "leg_l", ...: the limbs that do the work


_LIMB_JOINTS = {
    "arm": ("shoulder_flex", "shoulder_abd", "elbow", "arm_roll"),
    "leg": ("hip_flex", "hip_abd", "knee", "ankle"),
}


@functools.cache
def working_limbs(figure: Figure, side: Side) -> frozenset[str]:
    """The limbs that move when ``side`` is worked: those whose angles differ between the start
    pose and that side's end pose (a hip drawn up moves both legs). The arms and the leg of a
    diagonal lift are told apart from the arm that only lies there; where no limb moves (a
    curl-up turning to one side), the whole side is highlighted."""
    ends = (figure.hold,) if figure.hold else figure.rep or figure.loop
    start = sided(figure.start, side)
    moving: set[str] = set()
    for end in (sided(p, side) for p in ends if p is not None):
        hike = abs(end.angle("hip_hike") - start.angle("hip_hike")) > 2
        for limb, names in _LIMB_JOINTS.items():
            for s in ("r", "l"):
                if any(abs(end.angle(f"{n}_{s}") - start.angle(f"{n}_{s}")) > 5 for n in names):
                    moving.add(f"{limb}_{s}")
                if hike and limb == "leg":
                    moving.add(f"leg_{s}")
    letter = "r" if side is Side.RIGHT else "l"
    return frozenset(moving) or frozenset({f"arm_{letter}", f"leg_{letter}"})


def _frame(figure: Figure, pose: Pose, working: Side | None, breath: float = 0.0) -> FigureFrame:
    highlight = working_limbs(figure, working) if working else frozenset()
    return FigureFrame(pose, working, breath, highlight)


def _frames(t: float) -> float:
    """``t`` (0..1) rounded down to a whole frame."""
    return math.floor(min(1.0, max(0.0, t)) * FRAMES + 1e-9) / FRAMES


def _breath(seconds: float) -> float:
    phase = (seconds % BREATH_S) / BREATH_S
    level = (1 - math.cos(2 * math.pi * phase)) / 2
    return round(level * BREATHS) / BREATHS


def sided(pose: Pose, side: Side | None) -> Pose:
    """A pose written for the right side, done on ``side``."""
    return pose.mirrored() if side is Side.LEFT else pose


def _along(poses: list[Pose], t: float) -> Pose:
    """The pose ``t`` (0..1) of the way along a path through ``poses``, evenly spaced."""
    if len(poses) == 1:
        return poses[0]
    spans = len(poses) - 1
    at = min(t * spans, spans - 1e-9)
    i = int(at)
    return blend(poses[i], poses[i + 1], _frames(at - i))


def rep_frame(figure: Figure, step: Step, reps_done: int, fraction: float) -> FigureFrame:
    """The figure ``fraction`` (0..1) of the way through the next rep of a work step."""
    count = min(reps_done + 1, step.reps or 1)
    side = step.rep_side(count)
    end = list(figure.rep) or [figure.start]
    previous = sided(end[-1], step.rep_side(count - 1)) if reps_done else figure.start
    path = [previous, sided(figure.start, side), *(sided(p, side) for p in end)]
    if reps_done >= (step.reps or 0):  # all counted: stay at the last rep's end
        return _frame(figure, sided(end[-1], side), side)
    # on the way back from the last rep, that rep's side is still the one highlighted
    returning = reps_done and fraction < 1 / (len(path) - 1)
    return _frame(figure, _along(path, fraction), step.rep_side(count - 1) if returning else side)


def loop_frame(figure: Figure, seconds: float, side: Side | None = None) -> FigureFrame:
    """The figure ``seconds`` into a timed bout: round its loop, once a cycle."""
    poses = [sided(p, side) for p in (figure.loop or (figure.start,))]
    cycle = (seconds % figure.cycle_s) / figure.cycle_s
    return _frame(figure, _along([*poses, poses[0]], cycle), side)


def hold_frame(figure: Figure, seconds: float, side: Side | None) -> FigureFrame:
    """The figure ``seconds`` into a hold: moving into the pose, then still and breathing."""
    held = sided(figure.hold or figure.start, side)
    if seconds < SETTLE_S:
        return _frame(figure, blend(sided(figure.start, side), held, _frames(seconds / SETTLE_S)), side)
    return _frame(figure, held, side, _breath(seconds - SETTLE_S))


def _left_behind(figure: Figure, step: Step) -> Pose:
    """The pose the previous side ended in, for a change of sides."""
    before = step.one_side.other if step.one_side else None
    return sided(figure.hold or (figure.rep[-1] if figure.rep else figure.start), before)


def step_frame(
    figure: Figure, step: Step, elapsed_s: float, since_rep_s: float, reps_done: int, rep_s: float | None
) -> FigureFrame:
    """The figure for any step of an exercise, ``elapsed_s`` into it."""
    if step.kind is StepKind.WORK:
        fraction = since_rep_s / rep_s if rep_s else 0.0
        return rep_frame(figure, step, reps_done, fraction)
    if step.kind is StepKind.HOLD:
        return hold_frame(figure, elapsed_s, step.one_side)
    if step.kind is StepKind.TIMED:
        return loop_frame(figure, elapsed_s, step.one_side)
    side = step.one_side or (step.first_side if step.side is Sides.ALTERNATE else None)
    if step.kind is StepKind.SWITCH and elapsed_s < SETTLE_S:
        return _frame(
            figure, blend(_left_behind(figure, step), figure.start, _frames(elapsed_s / SETTLE_S)), side
        )
    working = side if step.kind is not StepKind.REST else None
    # preparing and resting it waits still; changing sides it breathes, as in the hold before
    breath = _breath(elapsed_s) if step.kind is StepKind.SWITCH else 0.0
    return _frame(figure, figure.start, working, breath)


def session_frame(plan: Plan, engine: SessionEngine) -> FigureFrame | None:
    """The figure now, for the engine's current step; None when the step has no exercise or no figure."""
    step = engine.step
    if step.exercise is None or engine.state is State.FINISHED:
        return None
    figure = plan.programme.exercise(step.exercise).figure
    if figure is None:
        return None
    return step_frame(
        figure, step, engine.elapsed_s(), engine.since_rep_s(), engine.reps_done, engine.rep_s()
    )


def preview_frame(exercise: Exercise, seconds: float) -> FigureFrame | None:
    """The figure doing the exercise on its own, ``seconds`` in, for the picker and the editor.

    Reps go round at their tempo (alternating sides as the exercise does), a hold moves in,
    stays a moment and lets go, a timed bout or an activity goes round its loop.
    """
    figure = exercise.figure
    if figure is None:
        return None
    if figure.loop:
        return loop_frame(figure, seconds)
    first = exercise.first_side if exercise.sides is not Sides.NONE else None
    if figure.hold is not None:
        cycle = 3 * SETTLE_S + 2.0
        n, t = divmod(seconds, cycle)
        side = first.other if first and exercise.sides is not Sides.NONE and n % 2 else first
        held = sided(figure.hold, side)
        if t < SETTLE_S + 2.0:
            return hold_frame(figure, t, side) if t < SETTLE_S else _frame(figure, held, side)
        back = _frames(min(1.0, (t - SETTLE_S - 2.0) / SETTLE_S))
        return _frame(figure, blend(held, sided(figure.start, side), back), side)
    tempo = exercise.tempo_s or 2.0
    n, t = divmod(seconds, tempo)
    alternate: StepSide | None = Sides.ALTERNATE if exercise.sides is not Sides.NONE else None
    step = Step(
        index=0,
        kind=StepKind.WORK,
        exercise=exercise.id,
        set=1,
        sets=1,
        side=alternate,
        reps=1000,  # round and round
        duration_s=None,
        start_s=0.0,
        planned_s=0.0,
        tempo_s=tempo,
        first_side=exercise.first_side,
    )
    return rep_frame(figure, step, int(n) % 1000, t / tempo)


@dataclass(frozen=True)
class KeyFrame:
    """A still for the handout: which moment it shows, and the figure then."""

    moment: str  # "start", "end" (both sides at once), "right", "left"; "then" (a loop's other half)
    frame: FigureFrame


def key_frames(exercise: Exercise) -> tuple[KeyFrame, ...]:
    """The 2 to 4 stills that show an exercise on paper: the start, then the end position per side."""
    figure = exercise.figure
    if figure is None:
        return ()
    if figure.loop:
        half = figure.cycle_s / 2
        return (KeyFrame("start", loop_frame(figure, 0.0)), KeyFrame("then", loop_frame(figure, half)))
    end = figure.hold or (figure.rep[-1] if figure.rep else figure.start)
    frames = [KeyFrame("start", FigureFrame(figure.start))]
    if exercise.sides is Sides.NONE:
        frames += [KeyFrame("end", FigureFrame(p)) for p in (*figure.rep[:-1], end) if p != figure.start][:3]
        return tuple(frames)
    first = exercise.first_side
    for side in (first, first.other):
        frames.append(KeyFrame(side.value, _frame(figure, sided(end, side), side)))
    return tuple(frames)
