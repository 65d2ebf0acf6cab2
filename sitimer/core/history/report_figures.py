"""The figures of the therapist's report, one programme at a time, without Qt.

What was prescribed, the period, adherence per week (with the adherent flag, the sessions above
the minimum and those not completed), the dose done per exercise, pain and effort per session and
per week, the patient's notes, and what the patient reported apart from sessions: the EARS week by
week, the GPE and PSK over time, and how often each reason for a missed session was given. The
report (:mod:`sitimer.qt.progress.report_html`) only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sitimer.core.history.adherence import (
    COMPLETED,
    RUNNING,
    Day,
    PlannedDose,
    Week,
    adherence,
    day_doses,
    done_by_day,
    dose_measure,
    dose_percent,
    local_day,
    weeks,
)
from sitimer.core.history.answers import EarsRow, GpeRow, PskRow
from sitimer.core.history.rows import ExerciseDone, HistoryReader, SessionRow
from sitimer.core.history.scales import MISSED_REASONS


@dataclass(frozen=True)
class Dose:
    """One exercise's dose: planned per session, done over the period, and as a percentage."""

    exercise: str
    measure: str  # "reps", "seconds" (holds, bouts) or "times" (as long as it takes)
    sets: float
    per_session: float  # reps, seconds or times in one session
    done: float  # of the measure, over the period
    percent: float
    before: tuple[tuple[float, float, date], ...] = ()  # doses asked earlier: sets, per session, last day


@dataclass(frozen=True)
class Rated:
    """A session's ratings, by its place among the programme's sessions."""

    index: int
    pain: int | None
    effort: float | None
    day: date  # the patient's day of the session


@dataclass(frozen=True)
class WeekRatings:
    """The mean pain and effort of a week's rated sessions, and of the pain given before a session
    (None: none given)."""

    monday: date
    pain: float | None
    effort: float | None
    pain_before: float | None = None


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
    partial: int  # not completed: too little of the dose ("partial"), stopped early or cut off
    doses: tuple[Dose, ...]
    rated: tuple[Rated, ...]
    week_ratings: tuple[WeekRatings, ...]
    notes: tuple[tuple[date, str], ...]
    ears: tuple[EarsRow, ...]  # week by week: the trend of the total (0-24)
    gpe: tuple[GpeRow, ...]  # oldest first
    psk: tuple[PskRow, ...]  # oldest first: the same activities scored again at the check-ins
    missed: tuple[tuple[str, int], ...]  # (reason, times given), in the order of MISSED_REASONS


def _mean(values: list[int] | list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _doses(
    store: HistoryReader, sessions: list[SessionRow], window: list[Day], order: list[str]
) -> tuple[Dose, ...]:
    """The latest session's planned dose, exercise by exercise in ``order`` (others after), done
    against what each day of ``window`` asked."""
    planned = sessions[-1].planned_dose()
    per_session = store.done_by_session([s.id for s in sessions])
    done: dict[str, ExerciseDone] = {}
    for amounts in per_session.values():
        for exercise, amount in amounts.items():
            done[exercise] = done.get(exercise, ExerciseDone()) + amount
    percents = dose_percent(done_by_day(sessions, per_session), planned, day_doses(sessions, window))
    plans = [(local_day(s), s.planned_dose()) for s in sessions]
    lines = []
    for exercise, plan in sorted(
        planned.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
    ):
        measure = dose_measure(plan)
        key = "sets" if measure == "times" else measure
        lines.append(
            Dose(
                exercise,
                measure,
                plan["sets"],
                plan[key],
                done[exercise].amount(measure) if exercise in done else 0,
                percents.get(exercise, 0),
                _earlier(exercise, key, plans),
            )
        )
    return tuple(lines)


def _earlier(
    exercise: str, key: str, plans: list[tuple[date, PlannedDose]]
) -> tuple[tuple[float, float, date], ...]:
    """The doses of ``exercise`` asked before the latest (sets, per session, the last day asked): a
    therapist reading "3 × 40" saw no sign of the 3 × 30 of most of the period."""
    runs: list[tuple[tuple[float, float], date]] = []
    for day, plan in plans:
        if exercise not in plan:
            continue
        dose = (plan[exercise]["sets"], plan[exercise].get(key, 0.0))
        if runs and runs[-1][0] == dose:
            runs[-1] = (dose, day)
        else:
            runs.append((dose, day))
    return tuple((sets, amount, day) for (sets, amount), day in runs[:-1])


def programme_figures(
    store: HistoryReader, sessions: list[SessionRow], order: list[str], today: date
) -> ProgrammeFigures:
    """The figures of one programme's ``sessions`` (oldest first, at least one), from the first
    session's day to ``today`` (still open), as the export's weeks and the progress view count them;
    ``order``: its exercises' ids in the programme's order, for the dose table. (It ended at the last
    session: the weeks after it, with nothing done, were left out, and a patient who had stopped
    looked as if they kept to it.)"""
    first = min(local_day(s) for s in sessions)
    last = max(today, *(local_day(s) for s in sessions))
    latest = sessions[-1]
    kept = adherence(sessions, latest.per_day_min, first - timedelta(days=first.weekday()), last, today)
    window = [d for d in kept.days if d.day >= first]
    by_week = weeks(window)
    while len(by_week) > 1 and not by_week[-1].prescribed:  # a Monday morning: a week with nothing due yet
        by_week.pop()
    week_ratings = []
    for w in by_week:
        week = [s for s in sessions if w.monday <= local_day(s) < w.monday + timedelta(7)]
        pains = [s.pain for s in week if s.pain is not None]
        efforts = [s.effort for s in week if s.effort is not None]
        befores = [s.pain_before for s in week if s.pain_before is not None]
        week_ratings.append(WeekRatings(w.monday, _mean(pains), _mean(efforts), _mean(befores)))
    return ProgrammeFigures(
        title=sessions[0].programme_title or sessions[0].programme,
        per_day_min=latest.per_day_min,
        per_day_max=latest.per_day_max,
        first=first,
        last=last,
        sessions=len(sessions),
        weeks=tuple(by_week),
        partial=sum(1 for s in sessions if s.status not in (COMPLETED, RUNNING)),
        doses=_doses(store, sessions, window, order),
        rated=tuple(
            Rated(i, s.pain, s.effort, local_day(s))
            for i, s in enumerate(sessions)
            if s.pain is not None or s.effort is not None
        ),
        week_ratings=tuple(week_ratings),
        notes=tuple((local_day(s), s.note) for s in sessions if s.note),
        ears=tuple(store.ears(latest.programme, profile=latest.profile)),
        gpe=tuple(store.gpe(latest.programme, profile=latest.profile)),
        psk=tuple(store.psk(latest.programme, profile=latest.profile)),
        missed=_missed(store, latest.programme, latest.profile),
    )


def _missed(store: HistoryReader, programme: str, profile: str) -> tuple[tuple[str, int], ...]:
    """How often each reason for a missed session was given, in the order of the one-tap choice."""
    reasons = [m.reason for m in store.missed_reasons(programme, profile=profile)]
    return tuple((r, reasons.count(r)) for r in MISSED_REASONS if r in reasons)
