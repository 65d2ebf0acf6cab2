"""The cue schedule: which sound or phrase belongs to which moment of a step.

Pure data: a :class:`Cue` says *what* moment it is (a rep with its side, 10
seconds left, the next exercise) and carries all its consumers need to word and
sound it (the exercise's spoken name, what its side means, the kind of step,
whether the step begins an exercise or follows a rest), so they never look back
into the plan. The Qt
layer decides how it sounds and :mod:`sitimer.words.phrases` words it in the
user's language. Timed cues carry their offset from the step start; rep cues
are made by the engine as reps are counted, since tempo can change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from sitimer.core.programme.model import Kind, Side, Sides, Text
from sitimer.core.programme.plan import Plan, Step, StepKind

COUNTDOWN_FROM = 3  # pips at 3, 2, 1 seconds before a timed step ends
COUNTDOWN_MIN_S = 5.0  # shorter steps get no pips: they would crowd the start cue
HALFWAY_MIN_S = 20.0  # a hold this long gets a "halfway" cue
TEN_LEFT_MIN_S = 20.0  # a rest longer than this gets "10 seconds left"


class CueKind(StrEnum):
    """A moment the patient must hear."""

    EXERCISE = "exercise"  # an exercise begins: its name (and first side)
    NEXT = "next"  # during the rest before it: the next exercise's name
    START = "start"  # work, hold or timed bout begins
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
    exercise: str | None = None  # the exercise's id (NEXT: the exercise that comes next)
    side: Side | None = None
    side_meaning: Text | None = None  # what `side` means where it is not the body side (the programme's)
    count: int | None = None  # rep number, or the countdown number
    seconds: float | None = None  # the length announced (rest, hold, bout)
    set: int | None = None
    sets: int | None = None
    spoken_name: Text | None = None  # what the voice calls `exercise` (cues of the schedule)
    step_kind: StepKind | None = None  # the kind of step the cue belongs to
    alternating: bool = False  # the step's reps alternate sides (`side` is then the first side)
    starts_exercise: bool = False  # an exercise begins at this step: its EXERCISE cue says name and set
    follows_rest: bool = False  # the step comes straight after a rest
    follows_prepare: bool = False  # the step comes straight after its exercise's prepare step
    starts_set: bool = False  # a change of sides that begins the next set (no rest between sets)
    reps: int | None = None  # EXERCISE: the reps of one set (of one side, done per side), said with the name
    beat_s: float | None = None  # counted reps: the programme's seconds a rep (the room a start has)


def _starts_exercise(plan: Plan, step: Step) -> bool:
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


def _spoken_name(plan: Plan, exercise_id: str | None) -> Text | None:
    return plan.programme.exercise(exercise_id).spoken_name if exercise_id else None


def _step_cue(plan: Plan, step: Step, starts: bool) -> Cue:
    """What every cue of ``step`` carries: its exercise's spoken name and where the step stands."""
    before = plan.steps[step.index - 1] if step.index > 0 else None
    return replace(
        _cue(step, CueKind.START, 0.0),
        spoken_name=_spoken_name(plan, step.exercise),
        starts_exercise=starts,
        follows_rest=before is not None and before.kind is StepKind.REST,
        follows_prepare=before is not None
        and before.kind is StepKind.PREPARE
        and before.exercise == step.exercise,
        starts_set=step.kind is StepKind.SWITCH
        and before is not None
        and before.exercise == step.exercise
        and before.set != step.set,
    )


def step_cues(plan: Plan, index: int) -> list[Cue]:
    """The cues of step ``index`` that fall at a set time, in the order they are due."""
    step = plan.steps[index]
    cues: list[Cue] = []
    starts = _starts_exercise(plan, step)
    exercise = plan.programme.exercise(step.exercise) if step.exercise else None
    base = _step_cue(plan, step, starts)

    def add(
        kind: CueKind,
        offset_s: float,
        *,
        side: Side | None = None,
        count: int | None = None,
        seconds: float | None = None,
        reps: int | None = None,
        beat_s: float | None = None,
    ) -> None:
        meaning = exercise.side_means(side) if exercise and side else None
        cues.append(
            replace(
                base,
                kind=kind,
                offset_s=offset_s,
                side=side,
                side_meaning=meaning,
                count=count,
                seconds=seconds,
                reps=reps,
                beat_s=beat_s,
            )
        )

    if starts:
        first = (step.one_side or step.first_side) if step.side else None
        counted = exercise.reps_per_block() if exercise and exercise.kind is Kind.REPS else None
        beat = exercise.tempo_s if counted is not None and exercise is not None else None
        add(CueKind.EXERCISE, 0.0, side=first, reps=counted, beat_s=beat)
    d = step.duration_s
    if step.kind is StepKind.REST:
        add(CueKind.REST, 0.0, seconds=d)
        upcoming = _next_exercise(plan, step)
        if upcoming:
            cues.append(
                Cue(CueKind.NEXT, index, 0.0, exercise=upcoming, spoken_name=_spoken_name(plan, upcoming))
            )
        if d is not None and d > TEN_LEFT_MIN_S:
            add(CueKind.TEN_LEFT, d - 10.0)
    elif step.kind is StepKind.SWITCH:
        add(CueKind.SWITCH, 0.0, side=step.one_side)
    elif step.is_exercise:  # alternating reps: with the side they start on
        side = step.rep_side(1) if step.kind is StepKind.WORK else step.one_side
        add(
            CueKind.START,
            0.0,
            side=side,
            seconds=d,
            beat_s=step.tempo_s if step.kind is StepKind.WORK else None,
        )
        if step.kind is StepKind.HOLD and d is not None and d >= HALFWAY_MIN_S:
            add(CueKind.HALFWAY, d / 2)
    elif step.kind is StepKind.DONE:
        add(CueKind.COMPLETE, 0.0)
    if d is not None and d >= COUNTDOWN_MIN_S and step.kind is not StepKind.WORK:
        for n in range(COUNTDOWN_FROM, 0, -1):
            add(CueKind.COUNTDOWN, d - n, count=n)
    if d is not None and step.kind in (StepKind.HOLD, StepKind.TIMED):
        add(CueKind.END, d)
    return sorted(cues, key=lambda c: c.offset_s)


def _cue(
    step: Step, kind: CueKind, offset_s: float, *, side: Side | None = None, count: int | None = None
) -> Cue:
    """A cue of ``step`` with what every cue of a step says of it."""
    return Cue(
        kind,
        step.index,
        offset_s,
        exercise=step.exercise,
        side=side,
        count=count,
        set=step.set,
        sets=step.sets,
        step_kind=step.kind,
        alternating=step.side is Sides.ALTERNATE,
    )


def rep_cue(step: Step, count: int, offset_s: float) -> Cue:
    """The cue for rep number ``count`` of a work step, with its side."""
    return _cue(step, CueKind.REP, offset_s, side=step.rep_side(count), count=count)


def end_cue(step: Step, offset_s: float) -> Cue:
    """The cue that closes a work step whose end was not set in advance."""
    return _cue(step, CueKind.END, offset_s)
