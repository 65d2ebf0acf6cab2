"""Programme -> Plan: the flat list of steps one session walks through.

Each exercise becomes: a prepare step (get into position), then its sets —
each set one work/hold/timed step, or for ``sides: each`` the first side, a
switch and the other side — with rests between sets and an optional rest
before the next exercise. The session ends with a ``done`` step. Activities
(a walk, a ride) are no step of a session: the leaflet prescribes them once a
day, so the plan lists them apart, in ``daily_activities``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from sitimer.core.programme.dose_words import leaflet_dose
from sitimer.core.programme.model import Exercise, Kind, Pacing, Programme, Range, Side, Sides


class StepKind(StrEnum):
    """What happens in one step of a session."""

    PREPARE = "prepare"
    WORK = "work"
    HOLD = "hold"
    TIMED = "timed"
    REST = "rest"
    SWITCH = "switch"
    DONE = "done"


EXERCISE_STEPS = {
    StepKind.WORK: Kind.REPS,
    StepKind.HOLD: Kind.HOLD,
    StepKind.TIMED: Kind.TIMED,
}
_STEP_FOR_KIND = {kind: step for step, kind in EXERCISE_STEPS.items()}

StepSide = Side | Literal[Sides.ALTERNATE]
"""The side a step works: one side of the body, or ``Sides.ALTERNATE`` for reps that alternate."""


@dataclass(frozen=True)
class Step:
    """One step of a session, with its planned place on the session's time line."""

    index: int
    kind: StepKind
    exercise: str | None
    set: int | None
    sets: int | None
    side: StepSide | None  # None: both sides at once, or no side at all
    reps: int | None
    duration_s: float | None  # fixed length; None: until the patient says done
    start_s: float
    planned_s: float  # duration_s, or the expected length when it is open-ended
    tempo_s: float | None = None
    paced: bool = True
    first_side: Side = Side.RIGHT

    @property
    def is_exercise(self) -> bool:
        """Whether the patient is exercising in this step (not preparing or resting)."""
        return self.kind in EXERCISE_STEPS

    @property
    def one_side(self) -> Side | None:
        """The one side this step works, or None (both sides at once, alternating, no side)."""
        return self.side if isinstance(self.side, Side) else None

    def rep_side(self, count: int) -> Side | None:
        """The side of rep number ``count`` (1-based): alternating reps start on first_side."""
        if self.side is Sides.ALTERNATE:
            return self.first_side if count % 2 else self.first_side.other
        return self.one_side

    def to_json(self) -> dict[str, Any]:
        """The step as in the `sitimer plan --json` contract."""
        return {
            "kind": self.kind.value,
            "exercise": self.exercise,
            "set": self.set,
            "sets": self.sets,
            "side": self.side.value if self.side else None,
            "reps": self.reps,
            "duration_s": self.duration_s,
            # the patient decides the length: the planning estimate the next step's start_s counts on
            "estimate_s": round(self.planned_s, 6) if self.duration_s is None else None,
            "start_s": round(self.start_s, 6),
        }


def session_minutes(total_s: float) -> int:
    """A session's length as said to people ("about 22 min"): whole minutes, rounded up, at least 1.

    The one rounding for every place that states a length (validate, the picker, the editor, the
    handout), so none can say 21 where another says 22. Up, so a patient keeps enough time free.
    """
    return max(1, math.ceil(total_s / 60 - 1e-9))


@dataclass(frozen=True)
class Plan:
    """The steps of one session of a programme, and the activities done once a day apart from it."""

    programme: Programme
    steps: tuple[Step, ...]
    daily_activities: tuple[Exercise, ...] = ()

    @property
    def total_s(self) -> float:
        """Planned length of the session in seconds."""
        return self.steps[-1].start_s if self.steps else 0.0

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """The exercises the session walks, in order (daily activities not among them)."""
        walked = {s.exercise for s in self.steps}
        return tuple(e for e in self.programme.exercises if e.id in walked)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The plan as in the `sitimer plan --json` contract, with the keys added since."""
        p = self.programme
        per_day = p.frequency.sessions_per_day
        daily = daily_time_s(self)
        return {
            "programme": {
                "id": p.id,
                "title": p.title.get(lang),
                "sessions_per_day": {"min": int(per_day.min), "max": int(per_day.max)},
                "weeks": p.frequency.weeks,
                "check_ins": [
                    {"week": c.week, "review": c.review, "note": c.note.get(lang)}
                    for c in p.frequency.check_ins
                ],
            },
            "total_s": round(self.total_s, 6),
            "daily_time_s": {"min": round(daily.min, 6), "max": round(daily.max, 6)},
            "steps": [s.to_json() for s in self.steps],
            "exercises": [_exercise_json(e, lang) for e in self.exercises],
            "daily_activities": [
                {**_exercise_json(e, lang), "estimate_s": e.estimate_s} for e in self.daily_activities
            ],
        }


def _exercise_json(e: Exercise, lang: str) -> dict[str, Any]:
    """One exercise as `plan --json` lists it: our number, the card's, and the dose in the leaflet's words."""
    return {
        "id": e.id,
        "number": e.number,
        "card": e.card,
        "name": e.name.get(lang),
        "leaflet_dose": leaflet_dose(e).get(lang),
    }


def daily_time_s(plan: Plan) -> Range:
    """The session's planned length times the sessions a day, fewest to most (activities not counted)."""
    per_day = plan.programme.frequency.sessions_per_day
    return Range(plan.total_s * per_day.min, plan.total_s * per_day.max)


def daily_minutes(plan: Plan) -> Range:
    """The day as said to people: the session's minutes as said (``session_minutes``) times the
    sessions a day, so "about 11 min × 3–5 = 33–55 min" adds up wherever it is shown."""
    per_day = plan.programme.frequency.sessions_per_day
    minutes = session_minutes(plan.total_s)
    return Range(minutes * per_day.min, minutes * per_day.max)


class _Builder:
    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.at_s = 0.0

    def add(
        self,
        kind: StepKind,
        exercise: Exercise | None,
        duration_s: float | None,
        *,
        planned_s: float | None = None,
        set_no: int | None = None,
        side: StepSide | None = None,
        reps: int | None = None,
    ) -> None:
        planned = duration_s if duration_s is not None else planned_s or 0.0
        if kind in (StepKind.PREPARE, StepKind.REST, StepKind.SWITCH) and planned <= 0:
            return
        paced = exercise is None or exercise.kind is not Kind.REPS or exercise.pacing is Pacing.PACED
        self.steps.append(
            Step(
                index=len(self.steps),
                kind=kind,
                exercise=exercise.id if exercise else None,
                set=set_no,
                sets=exercise.sets if exercise and set_no else None,
                side=side,
                reps=reps,
                duration_s=duration_s,
                start_s=self.at_s,
                planned_s=planned,
                tempo_s=exercise.tempo_s if exercise else None,
                paced=paced,
                first_side=exercise.first_side if exercise else Side.RIGHT,
            )
        )
        self.at_s += planned


def _blocks(e: Exercise) -> list[StepSide | None]:
    """The sides of the exercise steps in one set."""
    if e.sides is Sides.EACH:
        return [e.first_side, e.first_side.other]
    return [Sides.ALTERNATE if e.sides is Sides.ALTERNATE else None]


def _add_exercise(b: _Builder, e: Exercise) -> None:
    kind = _STEP_FOR_KIND[e.kind]
    blocks = _blocks(e)
    b.add(StepKind.PREPARE, e, e.prepare_s, set_no=1, side=blocks[0])
    for set_no in range(1, e.sets + 1):
        for i, side in enumerate(blocks):
            if i:
                b.add(StepKind.SWITCH, e, e.switch_s, set_no=set_no, side=side)
            if e.kind is Kind.REPS:
                reps = e.reps_per_block() or 0
                assert e.tempo_s is not None
                length = reps * e.tempo_s
                b.add(
                    kind,
                    e,
                    length if e.pacing is Pacing.PACED else None,
                    planned_s=length,
                    set_no=set_no,
                    side=side,
                    reps=reps,
                )
            elif e.kind is Kind.HOLD:
                b.add(kind, e, e.hold_s, set_no=set_no, side=side)
            else:
                assert e.duration_s is not None
                b.add(kind, e, e.duration_s.max, set_no=set_no, side=side)
        if set_no < e.sets:
            if e.rest_s > 0:
                b.add(StepKind.REST, e, e.rest_s, set_no=set_no)
            elif len(blocks) > 1:
                b.add(StepKind.SWITCH, e, e.switch_s, set_no=set_no + 1, side=blocks[0])


def build_plan(programme: Programme, all_phases: bool = False) -> Plan:
    """Expand a programme into the steps of one session; its activities go to ``daily_activities``."""
    b = _Builder()
    active = programme.active_exercises(all_phases)
    exercises = [e for e in active if e.kind is not Kind.ACTIVITY]
    for n, exercise in enumerate(exercises):
        _add_exercise(b, exercise)
        if n < len(exercises) - 1:
            b.add(StepKind.REST, exercise, exercise.rest_after_s)
    b.add(StepKind.DONE, None, 0.0)
    activities = tuple(e for e in active if e.kind is Kind.ACTIVITY)
    return Plan(programme=programme, steps=tuple(b.steps), daily_activities=activities)
