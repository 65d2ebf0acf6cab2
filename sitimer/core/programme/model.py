"""The programme model: what a therapist prescribes, as immutable data.

A programme is a list of exercises with their dose (sets, reps, holds, rests,
sides, tempo), how often a day and for how many weeks, and optional phases
that a therapist switches on as the patient recovers. Loading and checking
YAML lives in :mod:`sitimer.core.programme.loader`; this module is only the shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from sitimer.core.figure.spec import Figure

LANGUAGES = ("nl", "en")


class Kind(StrEnum):
    """What the patient does in one exercise."""

    REPS = "reps"  # counted repetitions, paced by the app or tapped by the patient
    HOLD = "hold"  # a held position, timed
    TIMED = "timed"  # a bout of movement for a set time (walking on the heels)
    ACTIVITY = "activity"  # a free daily activity with no count (a walk, a ride), not a session step


class Sides(StrEnum):
    """How an exercise uses the left and right side."""

    NONE = "none"  # both sides at once, or no side at all
    ALTERNATE = "alternate"  # reps alternate right, left, right ... within one set
    EACH = "each"  # every set: the first side, switch, then the other side


class Side(StrEnum):
    """One side of the body, as counted and spoken."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        """The opposite side."""
        return Side.LEFT if self is Side.RIGHT else Side.RIGHT


class Pacing(StrEnum):
    """Who sets the beat of counted reps."""

    PACED = "paced"  # the app counts at the tempo
    SELF = "self"  # the patient taps each rep


@dataclass(frozen=True)
class Text:
    """A sentence in Dutch and English; either may be missing, never both."""

    nl: str | None = None
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``, or in the other language when that one is missing."""
        own = self.nl if lang == "nl" else self.en
        return own or self.en or self.nl or ""


@dataclass(frozen=True)
class Range:
    """A prescribed figure given as a range, such as 3-5 sessions a day."""

    min: float
    max: float


@dataclass(frozen=True)
class Phase:
    """A stage of a programme; exercises of a phase that is off are left out."""

    id: str
    title: Text
    enabled: bool = True
    note: Text | None = None


@dataclass(frozen=True)
class Exercise:
    """One exercise with its dose; every duration is in seconds."""

    id: str
    name: Text
    kind: Kind
    instructions: Text
    spoken: Text | None = None
    number: str | None = None
    phase: str | None = None
    enabled: bool = True
    sets: int = 1
    reps: int | None = None  # the count in one set, over both sides (30 for 15 per side)
    counted_per_side: bool = False  # the prescription counts reps per side (``reps_per_side``)
    sides: Sides = Sides.NONE
    first_side: Side = Side.RIGHT
    tempo_s: float | None = None  # seconds per rep
    pacing: Pacing = Pacing.PACED
    hold_s: float | None = None
    duration_s: Range | None = None  # timed bouts; the step runs to the upper figure
    estimate_s: float | None = None  # activity: how long it usually takes, a planning aid only
    rest_s: float = 0.0  # between sets
    rest_after_s: float = 0.0  # after the last set, before the next exercise
    prepare_s: float = 10.0  # get into position, read the instructions
    switch_s: float = 5.0  # change sides
    card: str | None = None  # the leaflet's own number where it differs from ``number`` ("oef. 6")
    side_meaning: tuple[tuple[Side, Text], ...] = ()  # what "right" means where it is not the body side
    figure: Figure | None = None  # the animated figure that does the exercise
    media: str | None = None  # the therapist's own photo or video instead: a path beside the programme file
    media_problem: str | None = None  # why the media file is missing or broken; the text still shows

    def side_means(self, side: Side) -> Text | None:
        """What ``side`` means for this exercise ("rechterhand naar linkervoet"), if the programme says."""
        return next((text for own, text in self.side_meaning if own is side), None)

    @property
    def spoken_name(self) -> Text:
        """The short name said aloud: ``spoken`` when given, else the name."""
        return self.spoken or self.name

    def reps_per_block(self) -> int | None:
        """Reps in one work step: the whole set, or one side's half for ``each``."""
        if self.reps is None:
            return None
        return self.reps // 2 if self.sides is Sides.EACH else self.reps


@dataclass(frozen=True)
class CheckIn:
    """A moment, in weeks from the start, to take stock; ``review`` marks the therapist's review point."""

    week: float
    note: Text
    review: bool = False


@dataclass(frozen=True)
class Frequency:
    """How often a day the programme is done, and when progress is checked.

    ``weeks`` is the week of the review with the therapist, not an end date: the exercises
    are usually kept up after it. ``check_ins`` are the moments the leaflet names on the way.
    """

    sessions_per_day: Range
    weeks: float | None = None
    reminders: tuple[str, ...] = ()  # "HH:MM", local time
    check_ins: tuple[CheckIn, ...] = ()  # by week


@dataclass(frozen=True)
class Programme:
    """A whole home programme as a therapist prescribes it."""

    id: str
    title: Text
    frequency: Frequency
    exercises: tuple[Exercise, ...]
    phases: tuple[Phase, ...] = ()
    source: str | None = None
    description: Text | None = None
    path: str | None = field(default=None, compare=False)

    def phase(self, phase_id: str | None) -> Phase | None:
        """The phase with this id, if any."""
        return next((p for p in self.phases if p.id == phase_id), None)

    def is_active(self, exercise: Exercise, all_phases: bool = False) -> bool:
        """Whether an exercise belongs in today's session."""
        if all_phases:
            return True
        phase = self.phase(exercise.phase)
        return exercise.enabled and (phase is None or phase.enabled)

    def active_exercises(self, all_phases: bool = False) -> tuple[Exercise, ...]:
        """The exercises switched on, in programme order (daily activities among them: the session
        walks :attr:`Plan.exercises`)."""
        return tuple(e for e in self.exercises if self.is_active(e, all_phases))

    def has_session(self) -> bool:
        """Whether there is a session to do: an exercise switched on that is not a daily activity."""
        return any(e.kind is not Kind.ACTIVITY for e in self.active_exercises())

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id."""
        return next(e for e in self.exercises if e.id == exercise_id)
