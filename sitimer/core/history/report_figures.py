"""The figures of the therapist's report, one programme at a time, without Qt.

What was prescribed, the period, adherence per week, the dose done per exercise,
pain and effort per session and per week, and the patient's notes; the report
(:mod:`sitimer.qt.progress.report_html`) only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sitimer.core.history.adherence import (
    COMPLETED,
    RUNNING,
    Week,
    adherence,
    dose_measure,
    dose_percent,
    local_day,
    weeks,
)
from sitimer.core.history.rows import HistoryReader, SessionRow


@dataclass(frozen=True)
class Dose:
    """One exercise's dose: planned per session, done over the period, and as a percentage."""

    exercise: str
    measure: str  # "reps", "seconds" (holds, bouts) or "times" (as long as it takes)
    sets: float
    per_session: float  # reps, seconds or times in one session
    done: float  # of the measure, over the period
    percent: float


@dataclass(frozen=True)
class Rated:
    """A session's ratings, by its place among the programme's sessions."""

    index: int
    pain: int | None
    effort: float | None


@dataclass(frozen=True)
class WeekRatings:
    """The mean pain and effort of a week's rated sessions (None: none rated)."""

    monday: date
    pain: float | None
    effort: float | None


@dataclass(frozen=True)
class ProgrammeFigures:
    """What the report tells of one programme."""

    title: str  # as recorded with the first session, else the programme's id
    per_day_min: int
    per_day_max: int
    first: date
    last: date
    sessions: int
    weeks: tuple[Week, ...]
    partial: int  # stopped early or cut off
    doses: tuple[Dose, ...]
    rated: tuple[Rated, ...]
    week_ratings: tuple[WeekRatings, ...]
    notes: tuple[tuple[date, str], ...]


def _mean(values: list[int] | list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _doses(store: HistoryReader, sessions: list[SessionRow], due: int, order: list[str]) -> tuple[Dose, ...]:
    """The latest session's planned dose, exercise by exercise in ``order`` (others after)."""
    planned = sessions[-1].planned_dose()
    done = store.done_by_exercise([s.id for s in sessions])
    percents = dose_percent(done, planned, due)
    lines = []
    for exercise, plan in sorted(
        planned.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
    ):
        measure = dose_measure(plan)
        lines.append(
            Dose(
                exercise,
                measure,
                plan["sets"],
                plan["sets"] if measure == "times" else plan[measure],
                done[exercise].amount(measure) if exercise in done else 0,
                percents.get(exercise, 0),
            )
        )
    return tuple(lines)


def programme_figures(store: HistoryReader, sessions: list[SessionRow], order: list[str]) -> ProgrammeFigures:
    """The figures of one programme's ``sessions`` (oldest first, at least one); ``order``: its
    exercises' ids in the programme's order, for the dose table."""
    first = min(local_day(s) for s in sessions)
    last = max(local_day(s) for s in sessions)
    latest = sessions[-1]
    kept = adherence(sessions, latest.per_day_min, first - timedelta(days=first.weekday()), last, last)
    window = [d for d in kept.days if d.day >= first]
    by_week = weeks(window)
    week_ratings = []
    for w in by_week:
        week = [s for s in sessions if w.monday <= local_day(s) < w.monday + timedelta(7)]
        pains = [s.pain for s in week if s.pain is not None]
        efforts = [s.effort for s in week if s.effort is not None]
        week_ratings.append(WeekRatings(w.monday, _mean(pains), _mean(efforts)))
    return ProgrammeFigures(
        title=sessions[0].programme_title or sessions[0].programme,
        per_day_min=latest.per_day_min,
        per_day_max=latest.per_day_max,
        first=first,
        last=last,
        sessions=len(sessions),
        weeks=tuple(by_week),
        partial=sum(1 for s in sessions if s.status not in (COMPLETED, RUNNING)),
        doses=_doses(store, sessions, sum(d.prescribed for d in window), order),
        rated=tuple(
            Rated(i, s.pain, s.effort)
            for i, s in enumerate(sessions)
            if s.pain is not None or s.effort is not None
        ),
        week_ratings=tuple(week_ratings),
        notes=tuple((local_day(s), s.note) for s in sessions if s.note),
    )
