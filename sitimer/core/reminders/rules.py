"""Reminders: when the next one is due, and whether one due now should show.

Pure: the wall clock comes in as an aware datetime in the patient's local zone (``zoneinfo``),
and every instant is compared in UTC. The rules (also in the user guide):

- a reminder time is local wall time: 09:00 stays 09:00 on the days the clocks change, and
  follows the patient to another time zone;
- a time that does not exist that day (spring forward: 02:30 in Amsterdam on the last Sunday
  of March) fires at the first moment after the gap (03:00); one that exists twice (autumn)
  fires once, at the first;
- a reminder that falls in the quiet hours waits until they end when that is the same day,
  and is left out when it is not (22:00-07:00: 06:30 shows at 07:00, 23:00 never);
- it shows only while that day's sessions are not done, not on a day the patient said
  "not today", and once: "in 15 minutes" brings it back once;
- the programme's ``weeks`` are its review, not its end: at the review week the reminders make
  way for the review's own (daily, until answered); answered "not lessened", they go on as
  before (the exercises go on while the patient sees the sports physician); "lessened" leads
  to the offer of one reminder a day, or none;
- a reminder missed by more than :data:`GRACE` (the computer was off or asleep) is not shown late.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sitimer.core.history.adherence import COMPLETED, local_day
from sitimer.core.history.rows import SessionRow
from sitimer.core.programme.model import Programme
from sitimer.core.reminders.state import QuietHours, ReminderState, hhmm, parse_hhmm

SNOOZE = timedelta(minutes=15)
GRACE = timedelta(hours=2)
LOOKAHEAD_DAYS = 8  # a week and a day: past any "not today" and any single day left out
CHECKIN = "#checkin"  # a check-in reminder's schedule is its programme's id with this after it


@dataclass(frozen=True)
class Schedule:
    """One programme's reminders: at which times of day, how many sessions, for how long."""

    programme: str  # the programme's id
    times: tuple[time, ...]  # local times of day, sorted
    per_day: int  # the prescribed minimum: once that many are done, the day is quiet
    first_day: date | None = None  # the day of the first session: the period starts then
    weeks: float | None = None  # until the review; None: until the patient turns reminders off

    @property
    def end_day(self) -> date | None:
        """The review day: reminders make way for the review's own from then (until it is answered)."""
        if self.first_day is None or self.weeks is None:
            return None
        return self.first_day + timedelta(days=round(self.weeks * 7))

    def runs_on(self, day: date) -> bool:
        """Whether ``day`` is within the period (always, before the first session)."""
        end = self.end_day
        return end is None or day < end


FIRST_TIME = time(9, 0)  # the suggested times spread over the day from here ...
LAST_TIME = time(19, 0)  # ... to here


def suggested_times(programme: Programme) -> tuple[str, ...]:
    """The times to offer the patient: the therapist's, else spread as the prescription says.

    Once a day: the evening; twice: morning and evening; three to five times (the minimum
    prescribed): spread evenly from morning to evening, on the half hour.
    """
    if programme.frequency.reminders:
        return tuple(sorted({hhmm(parse_hhmm(t)) for t in programme.frequency.reminders}))
    count = min(5, max(1, int(programme.frequency.sessions_per_day.min)))
    if count == 1:
        return (hhmm(LAST_TIME),)
    first = FIRST_TIME.hour * 60 + FIRST_TIME.minute
    span = LAST_TIME.hour * 60 + LAST_TIME.minute - first
    minutes = [first + round(span * i / (count - 1) / 30) * 30 for i in range(count)]
    return tuple(f"{m // 60:02d}:{m % 60:02d}" for m in minutes)


def programme_schedule(
    programme: Programme,
    first_day: date | None,
    maintenance: str | None = None,
    chosen: list[str] | None = None,
    *,
    going_on: bool = False,
) -> Schedule:
    """The schedule of a programme; with ``maintenance`` ("HH:MM") one reminder a day, without end.

    ``chosen``: the times the patient chose on the settings page; without them (None), the
    programme's own (the therapist's). ``going_on``: the review was answered "not lessened", so the
    reminders go on past it, without end.
    """
    if maintenance:
        return Schedule(programme.id, (parse_hhmm(maintenance),), per_day=1)
    times = programme.frequency.reminders if chosen is None else chosen
    return Schedule(
        programme.id,
        tuple(sorted({parse_hhmm(t) for t in times})),
        max(1, int(programme.frequency.sessions_per_day.min)),
        first_day,
        None if going_on else programme.frequency.weeks,
    )


def checkin_schedule(schedule: Schedule) -> Schedule:
    """The check-in's own reminder after the period: daily at the first reminder time, until answered."""
    return Schedule(schedule.programme + CHECKIN, schedule.times[:1], per_day=1)


def reminder_key(programme: str, day: date, at: time) -> str:
    """How a reminder is known in the state: "programme|YYYY-MM-DD|HH:MM"."""
    return f"{programme}|{day.isoformat()}|{hhmm(at)}"


@dataclass(frozen=True)
class Reminder:
    """One reminder: a programme's time of day on one local day, and the instant it fires."""

    programme: str
    day: date  # the patient's local day it belongs to
    time: time  # as the programme sets it
    at: datetime  # when it fires, in UTC (later than ``time`` after a gap or quiet hours)
    snoozed: bool = False  # the return of a snoozed reminder: it cannot be snoozed again

    @property
    def key(self) -> str:
        """Its key in the state."""
        return reminder_key(self.programme, self.day, self.time)

    @property
    def can_snooze(self) -> bool:
        """ "In 15 minutes" is offered once per reminder."""
        return not self.snoozed


def _wall(instant: datetime, zone: tzinfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


def wall_moment(day: date, at: time, zone: tzinfo) -> datetime:
    """The first instant (UTC) at which clocks in ``zone`` show ``at`` on ``day``, or later.

    Ambiguous (autumn): the first of the two. Nonexistent (spring): the end of the gap.
    """
    naive = datetime.combine(day, at)
    # zoneinfo: fold=0 takes the offset before a transition, fold=1 the one after.
    first, second = sorted(naive.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1))
    if _wall(first, zone) == naive:
        return first
    if _wall(second, zone) == naive:
        return second
    # In a gap: wall(first) is before ``at`` and wall(second) after; find where the clocks jump.
    low, high = int(first.timestamp()), int(second.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if _wall(datetime.fromtimestamp(middle, UTC), zone) >= naive:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def _after_quiet(instant: datetime, day: date, zone: tzinfo, quiet: QuietHours) -> datetime | None:
    """``instant``, or the end of the quiet hours it falls in when that is still ``day``; else None."""
    wall = _wall(instant, zone)
    if not quiet.contains(wall.time()):
        return instant
    if wall.date() != day or quiet.silences(wall.time()):  # the quiet hours end tomorrow
        return None
    return wall_moment(day, quiet.end, zone)


def occurrence(schedule: Schedule, day: date, at: time, zone: tzinfo, quiet: QuietHours) -> Reminder | None:
    """The reminder for ``at`` on ``day`` in ``zone``, or None when quiet hours leave it out."""
    instant = _after_quiet(wall_moment(day, at, zone), day, zone, quiet)
    return None if instant is None else Reminder(schedule.programme, day, at, instant)


def _zone(now: datetime) -> tzinfo:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("the wall clock must give aware datetimes in the local zone")
    return now.tzinfo


def _day_open(schedule: Schedule, state: ReminderState, day: date, done: Mapping[date, int]) -> bool:
    """Whether reminders may show on ``day``: on, in the period, not "not today", sessions not done."""
    return (
        state.enabled
        and schedule.runs_on(day)
        and state.not_today.get(schedule.programme) != day.isoformat()
        and done.get(day, 0) < schedule.per_day
    )


def _snoozed(schedule: Schedule, state: ReminderState, zone: tzinfo) -> Iterator[Reminder]:
    for key, until in state.snoozes.items():
        programme, day_text, time_text = key.split("|")
        if programme != schedule.programme:
            continue
        try:
            day, at = date.fromisoformat(day_text), parse_hhmm(time_text)
            instant = datetime.fromisoformat(until).astimezone(UTC)
        except ValueError:
            continue
        back = _after_quiet(instant, day, zone, state.quiet)
        if back is not None:
            yield Reminder(programme, day, at, back, snoozed=True)


def _candidates(
    schedule: Schedule, state: ReminderState, now: datetime, done: Mapping[date, int], days: int
) -> Iterator[Reminder]:
    """Reminders that may still show, from today on ``days`` days, and snoozed ones."""
    zone = _zone(now)
    today = now.date()
    for offset in range(days):
        day = today + timedelta(days=offset)
        for at in schedule.times:
            found = occurrence(schedule, day, at, zone, state.quiet)
            if found is not None and found.key not in state.shown:
                yield found
    yield from _snoozed(schedule, state, zone)


def due(schedule: Schedule, state: ReminderState, now: datetime, done: Mapping[date, int]) -> Reminder | None:
    """The reminder to show at ``now``, if any (the latest, when the computer slept through several)."""
    moment = now.astimezone(UTC)
    ready = [
        r
        for r in _candidates(schedule, state, now, done, days=1)
        if r.at <= moment < r.at + GRACE and r.day == now.date() and _day_open(schedule, state, r.day, done)
    ]
    return max(ready, key=lambda r: r.at, default=None)


def next_moment(
    schedules: Iterable[Schedule],
    state: ReminderState,
    now: datetime,
    done: Mapping[str, Mapping[date, int]],
) -> datetime | None:
    """The next instant (UTC) after ``now`` at which a reminder may show; None when none will."""
    moment = now.astimezone(UTC)
    soonest: datetime | None = None
    for schedule in schedules:
        tally = done.get(schedule.programme, {})
        for r in _candidates(schedule, state, now, tally, days=LOOKAHEAD_DAYS):
            if r.at > moment and _day_open(schedule, state, r.day, tally):
                soonest = r.at if soonest is None else min(soonest, r.at)
    return soonest


def mark_shown(state: ReminderState, schedule: Schedule, reminder: Reminder, zone: tzinfo) -> ReminderState:
    """The state once ``reminder`` has shown: it, and any missed earlier that day, will not show again."""
    shown = set(state.shown) | {reminder.key}
    for at in schedule.times:
        earlier = occurrence(schedule, reminder.day, at, zone, state.quiet)
        if earlier is not None and earlier.at <= reminder.at:
            shown.add(earlier.key)
    snoozes = {k: v for k, v in state.snoozes.items() if k != reminder.key}
    return replace(state, shown=frozenset(shown), snoozes=snoozes)


def snooze(state: ReminderState, reminder: Reminder, now: datetime) -> ReminderState:
    """ "In 15 minutes": the reminder comes back once; a second snooze is not offered and does nothing."""
    if not reminder.can_snooze:
        return state
    until = (now.astimezone(UTC) + SNOOZE).isoformat()
    return replace(state, shown=state.shown | {reminder.key}, snoozes={**state.snoozes, reminder.key: until})


def not_today(state: ReminderState, programme: str, day: date) -> ReminderState:
    """ "Not today": no more reminders of this programme until tomorrow."""
    prefix = f"{programme}|{day.isoformat()}|"
    return replace(
        state,
        not_today={**state.not_today, programme: day.isoformat()},
        snoozes={k: v for k, v in state.snoozes.items() if not k.startswith(prefix)},
    )


def sessions_done(sessions: Iterable[SessionRow], programme: str) -> dict[date, int]:
    """Completed sessions of a programme per local day (history rows; simulated runs never count)."""
    done: dict[date, int] = {}
    for s in sessions:
        if s.programme == programme and s.status == COMPLETED and not s.simulated:
            day = local_day(s)
            done[day] = done.get(day, 0) + 1
    return done


def first_session_day(sessions: Iterable[SessionRow], programme: str) -> date | None:
    """The day of the programme's first session, real or stopped early: its period starts then."""
    days = [local_day(s) for s in sessions if s.programme == programme and not s.simulated]
    return min(days, default=None)
