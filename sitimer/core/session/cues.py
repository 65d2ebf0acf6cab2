"""The cue schedule: which sound or phrase belongs to which moment of a step.

Pure data: a :class:`Cue` says *what* moment it is (a rep with its side, 10
seconds left, the next exercise); the Qt layer decides how it sounds and words
it in the user's language. Timed cues carry their offset from the step start;
rep cues are made by the engine as reps are counted, since tempo can change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sitimer.core.programme.model import Side
from sitimer.core.programme.plan import Plan, Step, StepKind

COUNTDOWN_FROM = 3  # pips at 3, 2, 1 seconds before a timed step ends
COUNTDOWN_MIN_S = 5.0  # shorter steps get no pips: they would crowd the start cue
HALFWAY_MIN_S = 20.0  # a hold this long gets a "halfway" cue
TEN_LEFT_MIN_S = 20.0  # a rest longer than this gets "10 seconds left"


class CueKind(StrEnum):
    """A moment the patient must hear."""

    EXERCISE = "exercise"  # an exercise begins: its name (and first side)
    NEXT = "next"  # during the rest before it: the next exercise's name
    START = "start"  # work, hold, timed bout or activity begins
    REP = "rep"  # one rep counted, with its side
    HALFWAY = "halfway"  # halfway a long hold
    TEN_LEFT = "ten_left"  # ten seconds left of a rest
    COUNTDOWN = "countdown"  # a pip: 3, 2, 1
    END = "end"  # work, hold or bout is over
    REST = "rest"  # a rest begins, with its length
    SWITCH = "switch"  # change sides, to `side`
    COMPLETE = "complete"  # the session is done


@dataclass(frozen=True)
class Cue:
    """One cue of one step; ``offset_s`` is from the step's start."""

    kind: CueKind
    step: int
    offset_s: float
    exercise: str | None = None
    side: Side | None = None
    count: int | None = None  # rep number, or the countdown number
    seconds: float | None = None  # the length announced (rest, hold, bout)
    set: int | None = None
    sets: int | None = None


def _side(step: Step) -> Side | None:
    return Side(step.side) if step.side in ("left", "right") else None


def starts_exercise(plan: Plan, step: Step) -> bool:
    """Whether an exercise begins at this step (it gets the EXERCISE cue, its name said)."""
    if not step.exercise or step.kind in (StepKind.REST, StepKind.DONE):
        return False
    # The step before, rests passed over (never more than two in a row: no slice of the whole plan).
    steps = plan.steps
    earlier = next(
        (steps[i] for i in range(step.index - 1, -1, -1) if steps[i].kind is not StepKind.REST), None
    )
    return earlier is None or earlier.exercise != step.exercise


def _next_exercise(plan: Plan, step: Step) -> str | None:
    """For a rest before a new exercise: that exercise's id."""
    steps = plan.steps
    later = next(
        (steps[i] for i in range(step.index + 1, len(steps)) if steps[i].kind is not StepKind.REST), None
    )
    if later and later.exercise and later.exercise != step.exercise:
        return later.exercise
    return None


def step_cues(plan: Plan, index: int) -> list[Cue]:
    """The cues of step ``index`` that fall at a set time, in the order they are due."""
    step = plan.steps[index]
    cues: list[Cue] = []

    def add(kind: CueKind, offset_s: float, **data: object) -> None:
        cues.append(Cue(kind, index, offset_s, exercise=step.exercise, set=step.set, sets=step.sets, **data))  # type: ignore[arg-type]

    if starts_exercise(plan, step):
        first = (_side(step) or step.first_side) if step.side else None
        add(CueKind.EXERCISE, 0.0, side=first)
    d = step.duration_s
    if step.kind is StepKind.REST:
        add(CueKind.REST, 0.0, seconds=d)
        upcoming = _next_exercise(plan, step)
        if upcoming:
            cues.append(Cue(CueKind.NEXT, index, 0.0, exercise=upcoming))
        if d is not None and d > TEN_LEFT_MIN_S:
            add(CueKind.TEN_LEFT, d - 10.0)
    elif step.kind is StepKind.SWITCH:
        add(CueKind.SWITCH, 0.0, side=_side(step))
    elif step.is_exercise:
        add(CueKind.START, 0.0, side=_side(step), seconds=d)
        if step.kind is StepKind.HOLD and d is not None and d >= HALFWAY_MIN_S:
            add(CueKind.HALFWAY, d / 2)
    elif step.kind is StepKind.DONE:
        add(CueKind.COMPLETE, 0.0)
    if d is not None and d >= COUNTDOWN_MIN_S and step.kind is not StepKind.WORK:
        for n in range(COUNTDOWN_FROM, 0, -1):
            add(CueKind.COUNTDOWN, d - n, count=n)
    if d is not None and step.kind in (StepKind.HOLD, StepKind.TIMED, StepKind.ACTIVITY):
        add(CueKind.END, d)
    return sorted(cues, key=lambda c: c.offset_s)


def rep_cue(step: Step, count: int, offset_s: float) -> Cue:
    """The cue for rep number ``count`` of a work step, with its side."""
    return Cue(
        CueKind.REP,
        step.index,
        offset_s,
        exercise=step.exercise,
        side=step.rep_side(count),
        count=count,
        set=step.set,
        sets=step.sets,
    )


def end_cue(step: Step, offset_s: float) -> Cue:
    """The cue that closes a work step whose end was not set in advance."""
    return Cue(CueKind.END, step.index, offset_s, exercise=step.exercise, set=step.set, sets=step.sets)
