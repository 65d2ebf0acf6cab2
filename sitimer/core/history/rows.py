"""History rows as readers get them: one frozen dataclass per kind, and what a history offers them.

The store hands out :class:`SessionRow` and :class:`StepRow`, never a dict to index by
strings; anything that reads the history (the progress view, the report, the kiosk's
figures, reminders, the export) needs only :class:`HistoryReader`, so another store can
stand in for the SQLite one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sitimer.core.history.answers import EarsRow, GpeRow, MissedReason, PskRow


_SENDING = frozenset({"uuid", "rev", "sent_rev", "sent", "station", "received_at", "session_uuid"})


@dataclass(frozen=True)
class SessionRow:
    """One recorded session, with how many of its steps were done (not skipped)."""

    id: int
    profile: str
    programme: str
    programme_title: str
    programme_hash: str
    per_day_min: int
    per_day_max: int
    started_at: str  # UTC, ISO 8601 with a Z
    utc_offset_min: int  # the patient's offset from UTC when it started
    ended_at: str | None
    status: str
    simulated: bool
    steps_planned: int
    dose_planned: str  # JSON: per exercise, one session's sets, reps and seconds
    pain_before: int | None
    pain: int | None
    effort: float | None  # Borg CR10, in half steps
    note: str | None
    steps_done: int
    dose_share: float | None = None  # of its prescribed dose done, 0-1 (None: recorded before it was kept)
    uuid: str | None = None  # the same on every station and the practice's server

    @classmethod
    def of(cls, values: dict[str, Any]) -> SessionRow:
        """The row from a query's columns (``simulated`` is stored as 0 or 1; sending's columns left out)."""
        kept = {k: v for k, v in values.items() if k not in _SENDING or k == "uuid"}
        return cls(**{**kept, "simulated": bool(values["simulated"])})

    def planned_dose(self) -> dict[str, dict[str, float]]:
        """The dose one session of it was planned with, per exercise."""
        dose: dict[str, dict[str, float]] = json.loads(self.dose_planned)
        return dose


@dataclass(frozen=True)
class StepRecord:
    """One finished step of a session."""

    step: int
    kind: str
    exercise: str | None
    set_no: int | None
    side: str | None
    reps: int | None
    seconds: float
    skipped: bool
    ended_at: str


@dataclass(frozen=True)
class StepRow(StepRecord):
    """One finished step of a recorded session, as read back: the record with its ids."""

    id: int
    session_id: int

    @classmethod
    def of(cls, values: dict[str, Any]) -> StepRow:
        """The row from a query's columns (``skipped`` is stored as 0 or 1; sending's columns left out)."""
        kept = {k: v for k, v in values.items() if k not in _SENDING}
        return cls(**{**kept, "skipped": bool(values["skipped"])})


@dataclass(frozen=True)
class LastStarted:
    """When a programme's latest session started."""

    programme: str
    started_at: str  # UTC, ISO 8601 with a Z


@dataclass(frozen=True)
class ExerciseDone:
    """One exercise's completed (not skipped) steps over some sessions."""

    reps: float = 0.0
    seconds: float = 0.0  # of holds and timed bouts
    times: float = 0.0  # how many of its steps

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> ExerciseDone:
        """From a query's sums; a damaged value that reads as no number counts as 0."""
        sums = (values[key] for key in ("reps", "seconds", "times"))
        return cls(*(float(v) if isinstance(v, int | float) else 0.0 for v in sums))

    def __add__(self, other: ExerciseDone) -> ExerciseDone:
        return ExerciseDone(self.reps + other.reps, self.seconds + other.seconds, self.times + other.times)

    def amount(self, measure: str) -> float:
        """What was done in ``measure``: "reps", "seconds" or "times"."""
        return {"reps": self.reps, "seconds": self.seconds, "times": self.times}[measure]


class HistoryReader(Protocol):
    """What readers of the history use of a store."""

    def sessions(
        self, *, profile: str | None = "", include_simulated: bool = False, since: str | None = None
    ) -> list[SessionRow]:
        """Sessions, oldest first; ``profile=None`` means all."""
        ...

    def steps(self, session_id: int) -> list[StepRow]:
        """The step rows of one session, in the order they ended."""
        ...

    def done_by_exercise(self, session_ids: list[int]) -> dict[str, ExerciseDone]:
        """Per exercise: reps, hold and bout seconds, and how many of its steps were done."""
        ...

    def done_by_session(self, session_ids: list[int]) -> dict[int, dict[str, ExerciseDone]]:
        """The same of each session apart."""
        ...

    def answered_programmes(self, *, profile: str = "") -> list[str]:
        """The programmes the profile answered anything for, apart from sessions."""
        ...

    def ears(self, programme_id: str, *, profile: str = "") -> list[EarsRow]:
        """The programme's weekly EARS, week by week."""
        ...

    def missed_reasons(self, programme_id: str, *, profile: str = "") -> list[MissedReason]:
        """Why prescribed sessions were missed, day by day."""
        ...

    def gpe(self, programme_id: str, *, profile: str = "") -> list[GpeRow]:
        """The global perceived effect answers, oldest first."""
        ...

    def psk(self, programme_id: str, *, profile: str = "") -> list[PskRow]:
        """The patient-specific complaints answers, oldest first."""
        ...

    def activity_days(self, programme_id: str, *, profile: str = "") -> list[tuple[date, str]]:
        """Every tick of a daily activity: (day, exercise), oldest first."""
        ...
