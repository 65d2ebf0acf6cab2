"""Figures from the history: how well the patient keeps to "2 × a day", and how pain goes.

Rules (also in the user guide):
- a session counts for the day it started, in the patient's local time then;
- a session is done when it is "completed": at least the dose threshold (80 % by
  default) of its prescribed dose was done; one skipped through is "partial", and
  with those stopped early or cut off it is counted apart, never as done;
- a day is kept when its completed sessions reach the prescribed minimum
  (for "3–5 × a day" three is fully kept; a fourth and fifth are shown as sessions
  above the minimum, not hidden, but make up for no other day);
- a week's adherence is the prescribed sessions done, capped per day at the
  minimum, over the prescribed sessions of the days so far; the week is adherent
  at 80 % or more (:data:`ADHERENT_SHARE`);
- today is still open: its sessions are due as far as they are done, all of them
  once the day is over (on a Monday morning nothing is due yet, not 0 % done);
- nothing is due before the programme's first session;
- simulated runs (a faster clock) are never counted.

:func:`adherence` is the one place these figures are made: the progress view, the
kiosk and the home picker (:func:`figures`) and the therapist's report all ask it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sitimer.core.history.rows import ExerciseDone, SessionRow

COMPLETED = "completed"
RUNNING = "in_progress"
ADHERENT_SHARE = 0.8  # a week with this share of its prescribed sessions done is adherent
PlannedDose = dict[str, dict[str, float]]  # one session's dose, per exercise: {"sets": 3, "reps": 90}


def local_day(session: SessionRow) -> date:
    """The patient's calendar day on which a session started."""
    started = datetime.fromisoformat(session.started_at)  # 15x faster than strptime
    return (started + timedelta(minutes=session.utc_offset_min)).date()


@dataclass(frozen=True)
class Day:
    """One calendar day of a programme."""

    day: date
    done: int  # completed sessions
    partial: int  # begun but not completed: partial (too little of the dose), stopped or interrupted
    prescribed: int  # the minimum a day
    open: bool = False  # today: what is not done yet may still be

    @property
    def due(self) -> int:
        """The sessions counted as due: all prescribed, but of a day still open only those done."""
        return min(self.done, self.prescribed) if self.open else self.prescribed

    @property
    def kept(self) -> bool:
        """Whether the day's minimum was reached (a day with nothing prescribed is not "kept")."""
        return self.prescribed > 0 and self.done >= self.prescribed

    @property
    def counted(self) -> bool:
        """Whether the day counts among the days so far: a past one with something due (not one before
        the programme began), or today once it is kept."""
        return self.prescribed > 0 and (not self.open or self.kept)

    @property
    def above(self) -> int:
        """Completed sessions beyond the day's minimum (a fourth and fifth of "3–5 × a day")."""
        return max(0, self.done - self.prescribed)


def days(sessions: Iterable[SessionRow], first: date, last: date, per_day: int | None = None) -> list[Day]:
    """Every day from ``first`` to ``last`` with its tally and the minimum prescribed that day.

    A day is held to the prescription its sessions were done under (recorded with each session; the
    day's last session's, should it change that day), a day without sessions to the one before it:
    a programme changed from 2 to 3 a day asked 3 of the weeks before the change. Days after the last
    session are held to ``per_day`` (the programme's now) where given.
    """
    done: dict[date, int] = {}
    partial: dict[date, int] = {}
    prescribed: dict[date, int] = {}
    for s in sessions:
        if s.simulated:
            continue
        day = local_day(s)
        prescribed[day] = s.per_day_min  # the sessions come oldest first: the day's last one stands
        if s.status == RUNNING:
            continue  # a session still running (maybe in another window) is neither done nor cut off
        tally = done if s.status == COMPLETED else partial
        tally[day] = tally.get(day, 0) + 1
    last_session = max(prescribed, default=None)
    current = prescribed[min(prescribed)] if prescribed else (per_day or 1)
    window = []
    for d in (first + timedelta(days=i) for i in range(max(0, (last - first).days + 1))):
        if last_session is not None and d > last_session and per_day is not None:
            current = per_day
        current = prescribed.get(d, current)
        window.append(Day(d, done.get(d, 0), partial.get(d, 0), current))
    return window


def percent(window: Iterable[Day]) -> float:
    """Prescribed sessions done (capped per day) over prescribed, 0-100."""
    window = list(window)
    wanted = sum(d.due for d in window)
    if not wanted:
        return 0.0
    return 100.0 * sum(min(d.done, d.prescribed) for d in window) / wanted


def streak(window: list[Day], today: date) -> int:
    """Days kept in a row, ending today (or yesterday, while today is still open)."""
    by_day = {d.day: d for d in window}
    day = today if today in by_day and by_day[today].kept else today - timedelta(days=1)
    count = 0
    while day in by_day and by_day[day].kept:
        count += 1
        day -= timedelta(days=1)
    return count


@dataclass(frozen=True)
class Adherence:
    """How a programme is kept, up to ``today``: the days with what was due, and the figures on them."""

    days: tuple[Day, ...]
    week_percent: float | None  # this week (Monday to today); None while nothing is due yet
    streak_days: int
    today_done: int
    this_week: Week  # Monday to today: due, done, adherent, above the minimum, not completed


def adherence(sessions: list[SessionRow], per_day: int, first: date, last: date, today: date) -> Adherence:
    """Every day from ``first`` to ``last`` with its sessions due from the first session on (nothing
    before it; each day as :func:`days` holds it, ``per_day`` after the last session), and from them
    this week's adherence (its percentage, and the week with its adherent flag), the streak and
    today's count."""
    real = [s for s in sessions if not s.simulated]
    started = min((local_day(s) for s in real), default=today)
    window = tuple(
        Day(d.day, d.done, d.partial, d.prescribed if d.day >= started else 0, open=d.day == today)
        for d in days(real, first, last, per_day)
    )
    monday = today - timedelta(days=today.weekday())
    week = [d for d in window if monday <= d.day <= today]
    return Adherence(
        days=window,
        week_percent=percent(week) if any(d.due for d in week) else None,
        streak_days=streak(list(window), today),
        today_done=next((d.done for d in window if d.day == today), 0),
        this_week=next(iter(weeks(week)), Week(monday, 0, 0, 0, 0)),
    )


@dataclass(frozen=True)
class Figures:
    """A patient's adherence to one programme at a glance, as the kiosk and the home picker show it."""

    sessions: int  # done, ever (not simulated), to the end or stopped early
    week_percent: float | None  # None while nothing is due yet this week (a Monday morning)
    streak_days: int
    today_done: int
    per_day: int


def figures(sessions: list[SessionRow], per_day: int, today: date) -> Figures:
    """This week's adherence, the streak and today's count; nothing is due before the first session."""
    real = [s for s in sessions if not s.simulated]
    monday = today - timedelta(days=today.weekday())
    kept = adherence(real, per_day, min(monday, today - timedelta(days=27)), today, today)
    return Figures(
        sessions=len(real),  # a stopped session counts too: it is on the patient's progress view
        week_percent=kept.week_percent,
        streak_days=kept.streak_days,
        today_done=kept.today_done,
        per_day=per_day,
    )


def dose_measure(plan: dict[str, float]) -> str:
    """What an exercise's dose is counted in: "reps", "seconds" (holds, bouts) or "times"."""
    if plan.get("reps"):
        return "reps"
    return "seconds" if plan.get("seconds") else "times"


def day_doses(sessions: Iterable[SessionRow], window: Iterable[Day]) -> list[tuple[date, int, PlannedDose]]:
    """Each day, its sessions due and the dose one session was planned with then: as recorded with the
    day's last session, a day without sessions the day before's (the first recorded, before any)."""
    by_day = {local_day(s): s.planned_dose() for s in sessions if not s.simulated}
    current = by_day[min(by_day)] if by_day else {}
    doses = []
    for d in window:
        current = by_day.get(d.day, current)
        doses.append((d.day, d.due, current))
    return doses


def done_by_day(
    sessions: Iterable[SessionRow], per_session: Mapping[int, Mapping[str, ExerciseDone]]
) -> dict[date, dict[str, ExerciseDone]]:
    """What was done of each exercise, day by day (``per_session``: the store's ``done_by_session``)."""
    days: dict[date, dict[str, ExerciseDone]] = {}
    for s in sessions:
        day = days.setdefault(local_day(s), {})
        for exercise, amount in per_session.get(s.id, {}).items():
            day[exercise] = day.get(exercise, ExerciseDone()) + amount
    return days


def dose_percent(
    done: Mapping[date, Mapping[str, ExerciseDone]],
    planned: PlannedDose,
    due: Iterable[tuple[date, int, PlannedDose]],
) -> dict[str, float]:
    """Per exercise of ``planned`` (one session's dose, the latest): reps (or hold seconds) done, as a
    percentage of the dose prescribed over the same period.

    ``due``: each day's sessions due and the dose planned for them then (:func:`day_doses`): a dose
    raised from 6 reps to 10 asked 6 of the sessions before. ``done``: the totals of completed steps,
    day by day (:func:`done_by_day`), each **capped at what its day asked**, as sessions are in a
    week's adherence: a fifth session on Tuesday does not make up for Wednesday (the share went
    over 100 % and hid the days missed). An exercise with neither reps nor timed seconds (walking or
    cycling for as long as it takes) counts the times it was done against its sets.
    """
    due = list(due)
    result: dict[str, float] = {}
    for exercise, plan in planned.items():
        measure = dose_measure(plan)
        key = "sets" if measure == "times" else measure
        wanted = got = 0.0
        for day, sessions, dose in due:
            asked = sessions * dose.get(exercise, {}).get(key, 0.0)
            wanted += asked
            day_done = done.get(day, {}).get(exercise)
            got += min(asked, day_done.amount(measure)) if day_done else 0.0
        result[exercise] = 100.0 * got / wanted if wanted else 0.0
    return result


@dataclass(frozen=True)
class Week:
    """One week (Monday to Sunday, or part of it) of a programme."""

    monday: date
    done: int  # completed sessions, capped per day at the minimum
    prescribed: int  # the minimum a day times the days due (today: as far as done)
    days_kept: int
    days: int  # the days so far (today once kept)
    above: int = 0  # completed sessions beyond each day's minimum, shown apart
    partial: int = 0  # begun but not completed (partial, stopped, interrupted), counted apart

    @property
    def percent(self) -> float:
        """Prescribed sessions done, 0-100."""
        return 100.0 * self.done / self.prescribed if self.prescribed else 0.0

    @property
    def share(self) -> float:
        """Prescribed sessions done, 0-1."""
        return self.done / self.prescribed if self.prescribed else 0.0

    @property
    def adherent(self) -> bool:
        """Whether at least 80 % of the week's prescribed sessions were done (nothing due: not adherent)."""
        return self.prescribed > 0 and self.share >= ADHERENT_SHARE


def weeks(window: list[Day]) -> list[Week]:
    """The days grouped into calendar weeks."""
    grouped: dict[date, list[Day]] = {}
    for d in window:
        grouped.setdefault(d.day - timedelta(days=d.day.weekday()), []).append(d)
    return [
        Week(
            monday,
            sum(min(d.done, d.prescribed) for d in ds),
            sum(d.due for d in ds),
            sum(d.kept for d in ds),
            sum(d.counted for d in ds),
            above=sum(d.above for d in ds),
            partial=sum(d.partial for d in ds),
        )
        for monday, ds in sorted(grouped.items())
    ]


def weekly(sessions: list[SessionRow], per_day: int, first: date, last: date, today: date) -> list[Week]:
    """Per calendar week from ``first`` to ``last``: what :func:`adherence` finds due and done on
    ``today`` (the same rule), with the sessions above the minimum and those not completed shown apart."""
    return weeks(list(adherence(sessions, per_day, first, last, today).days))
