"""Reminders on a fake wall clock: SI-gewricht "2 × a day" at 09:00 and 19:00, in Amsterdam.

Every instant is checked in UTC, so a test cannot be fooled by Python comparing two wall times
of one zone without their offsets.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitimer.core.history.rows import SessionRow
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Programme
from sitimer.core.reminders import rules as r
from sitimer.core.reminders.state import QuietHours, ReminderState, ReminderStateStore
from tests.helpers.history_data import session_row

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NEW_YORK = ZoneInfo("America/New_York")
NO_QUIET = ReminderState(quiet=QuietHours(time(0), time(0)))
JUNE = date(2026, 6, 10)


def with_reminders(path: Path, *times: str) -> Programme:
    """The bundled programme as a therapist's tailored copy with reminder times."""
    programme = load_file(path)
    return dataclasses.replace(programme, frequency=dataclasses.replace(programme.frequency, reminders=times))


def at(day: date, hour: int, minute: int = 0, zone: ZoneInfo = AMSTERDAM, fold: int = 0) -> datetime:
    """A wall-clock reading, as the app's clock gives it: aware, in the local zone."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone, fold=fold)


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


@pytest.fixture
def twice_a_day(si_gewricht: Path) -> r.Schedule:
    return r.programme_schedule(with_reminders(si_gewricht, "19:00", "09:00"), first_day=None)


def show(schedule: r.Schedule, state: ReminderState, now: datetime, done: dict[date, int] | None = None):  # type: ignore[no-untyped-def]
    """What the service does when its timer fires: the due reminder, and the state after showing it."""
    found = r.due(schedule, state, now, done or {})
    if found is not None:
        state = r.mark_shown(state, schedule, found, AMSTERDAM)
    return found, state


def test_schedule_takes_the_programmes_times_and_minimum(twice_a_day: r.Schedule) -> None:
    assert twice_a_day.times == (time(9), time(19))
    assert twice_a_day.per_day == 2
    assert twice_a_day.weeks == 4 and twice_a_day.end_day is None  # no session yet: no end


def test_morning_then_evening_then_the_next_morning(twice_a_day: r.Schedule) -> None:
    state = ReminderState()
    assert r.next_moment([twice_a_day], state, at(JUNE, 7, 30), {}) == utc(JUNE, 7)  # 09:00 CEST
    assert r.due(twice_a_day, state, at(JUNE, 8, 59), {}) is None

    morning, state = show(twice_a_day, state, at(JUNE, 9))
    assert morning is not None and morning.time == time(9) and morning.at == utc(JUNE, 7)
    assert r.due(twice_a_day, state, at(JUNE, 9, 1), {}) is None  # one notification per time
    assert r.next_moment([twice_a_day], state, at(JUNE, 9, 1), {}) == utc(JUNE, 17)

    evening, state = show(twice_a_day, state, at(JUNE, 19, 0))
    assert evening is not None and evening.time == time(19)
    tomorrow = JUNE + timedelta(days=1)
    assert r.next_moment([twice_a_day], state, at(JUNE, 19, 5), {}) == utc(tomorrow, 7)


def test_no_reminder_once_the_days_sessions_are_done(twice_a_day: r.Schedule) -> None:
    state = ReminderState()
    assert r.due(twice_a_day, state, at(JUNE, 19), {JUNE: 1}) is not None  # one of two: remind
    assert r.due(twice_a_day, state, at(JUNE, 19), {JUNE: 2}) is None
    tomorrow = JUNE + timedelta(days=1)
    assert r.next_moment([twice_a_day], state, at(JUNE, 12), {"si-gewricht": {JUNE: 2}}) == utc(tomorrow, 7)


def test_travel_to_new_york_follows_the_local_wall_clock(twice_a_day: r.Schedule) -> None:
    _, state = show(twice_a_day, ReminderState(), at(JUNE, 9))  # shown in Amsterdam

    # Landed: 12:00 in New York is 18:00 in Amsterdam. The day's 09:00 was shown already.
    landed = at(JUNE, 12, zone=NEW_YORK)
    assert r.due(twice_a_day, state, landed, {}) is None
    assert r.next_moment([twice_a_day], state, landed, {}) == utc(JUNE, 23)  # 19:00 EDT

    found = r.due(twice_a_day, state, at(JUNE, 19, zone=NEW_YORK), {})
    assert found is not None and found.at == utc(JUNE, 23) and found.day == JUNE
    tomorrow = JUNE + timedelta(days=1)
    state = r.mark_shown(state, twice_a_day, found, NEW_YORK)
    assert r.next_moment([twice_a_day], state, at(JUNE, 20, zone=NEW_YORK), {}) == utc(tomorrow, 13)


def test_spring_forward_keeps_nine_and_moves_a_missing_time_to_the_end_of_the_gap(si_gewricht: Path) -> None:
    schedule = r.programme_schedule(with_reminders(si_gewricht, "02:30", "09:00"), None)
    day = date(2026, 3, 29)  # Europe/Amsterdam: 02:00 CET -> 03:00 CEST
    state = NO_QUIET

    assert r.wall_moment(day, time(2, 30), AMSTERDAM) == utc(day, 1)  # 03:00 CEST
    assert r.next_moment([schedule], state, at(day, 0, 0), {}) == utc(day, 1)
    early, state = show(schedule, state, at(day, 3, 0))
    assert early is not None and early.time == time(2, 30)

    assert r.next_moment([schedule], state, at(day, 3, 1), {}) == utc(day, 7)  # 09:00 CEST
    nine, state = show(schedule, state, at(day, 9))
    assert nine is not None and nine.at.astimezone(AMSTERDAM).time() == time(9)
    assert r.wall_moment(date(2026, 3, 28), time(9), AMSTERDAM) == utc(date(2026, 3, 28), 8)  # CET


def test_fall_back_fires_an_ambiguous_time_once(si_gewricht: Path) -> None:
    schedule = r.programme_schedule(with_reminders(si_gewricht, "02:30", "09:00"), None)
    day = date(2026, 10, 25)  # Europe/Amsterdam: 03:00 CEST -> 02:00 CET, 02:30 happens twice
    state = NO_QUIET

    assert r.next_moment([schedule], state, at(day, 0), {}) == utc(day, 0, 30)  # the first 02:30
    first, state = show(schedule, state, at(day, 2, 30, fold=0))
    assert first is not None and first.at == utc(day, 0, 30)

    again = at(day, 2, 30, fold=1)  # the second 02:30, an hour later
    assert again.astimezone(UTC) == utc(day, 1, 30)
    assert r.due(schedule, state, again, {}) is None
    assert r.next_moment([schedule], state, again, {}) == utc(day, 8)  # 09:00 CET


def test_quiet_hours_hold_an_early_reminder_and_drop_a_late_one(si_gewricht: Path) -> None:
    schedule = r.programme_schedule(with_reminders(si_gewricht, "06:30", "23:00"), None)
    state = ReminderState()  # quiet 22:00-07:00 by default
    assert state.quiet == QuietHours(time(22), time(7))

    assert r.next_moment([schedule], state, at(JUNE, 0), {}) == utc(JUNE, 5)  # 07:00 CEST
    assert r.due(schedule, state, at(JUNE, 6, 30), {}) is None
    held, state = show(schedule, state, at(JUNE, 7))
    assert held is not None and held.time == time(6, 30)

    tomorrow = JUNE + timedelta(days=1)
    assert r.next_moment([schedule], state, at(JUNE, 7, 1), {}) == utc(tomorrow, 5)  # 23:00 never
    assert r.due(schedule, state, at(JUNE, 23), {}) is None


def test_snooze_brings_the_reminder_back_once(twice_a_day: r.Schedule) -> None:
    state = ReminderState()
    morning, state = show(twice_a_day, state, at(JUNE, 9))
    assert morning is not None and morning.can_snooze
    state = r.snooze(state, morning, at(JUNE, 9, 2))

    assert r.due(twice_a_day, state, at(JUNE, 9, 10), {}) is None
    assert r.next_moment([twice_a_day], state, at(JUNE, 9, 10), {}) == utc(JUNE, 7, 17)
    back, state = show(twice_a_day, state, at(JUNE, 9, 17))
    assert back is not None and back.snoozed and not back.can_snooze
    assert r.snooze(state, back, at(JUNE, 9, 18)) == state  # no second snooze
    assert r.due(twice_a_day, state, at(JUNE, 9, 20), {}) is None
    assert r.next_moment([twice_a_day], state, at(JUNE, 9, 20), {}) == utc(JUNE, 17)


def test_snooze_into_the_quiet_hours_is_dropped(si_gewricht: Path) -> None:
    schedule = r.programme_schedule(with_reminders(si_gewricht, "21:50"), None)
    found, state = show(schedule, ReminderState(), at(JUNE, 21, 50))
    assert found is not None
    state = r.snooze(state, found, at(JUNE, 21, 50))  # 22:05 is quiet
    assert r.due(schedule, state, at(JUNE, 22, 5), {}) is None


def test_not_today_silences_the_rest_of_the_day(twice_a_day: r.Schedule) -> None:
    state = ReminderState()
    morning, state = show(twice_a_day, state, at(JUNE, 9))
    assert morning is not None
    state = r.snooze(state, morning, at(JUNE, 9))
    state = r.not_today(state, "si-gewricht", JUNE)

    assert r.due(twice_a_day, state, at(JUNE, 9, 15), {}) is None  # the snooze is gone too
    assert r.due(twice_a_day, state, at(JUNE, 19), {}) is None
    tomorrow = JUNE + timedelta(days=1)
    assert r.next_moment([twice_a_day], state, at(JUNE, 9, 1), {}) == utc(tomorrow, 7)
    assert r.due(twice_a_day, state, at(tomorrow, 9), {}) is not None


def test_reminders_stop_when_the_four_weeks_are_over(si_gewricht: Path) -> None:
    first = date(2026, 3, 2)
    schedule = r.programme_schedule(with_reminders(si_gewricht, "09:00", "19:00"), first_day=first)
    last = date(2026, 3, 29)  # day 28
    assert schedule.end_day == date(2026, 3, 30)
    assert r.due(schedule, ReminderState(), at(last, 19), {}) is not None
    assert r.next_moment([schedule], ReminderState(), at(last, 19, 30), {}) is None
    assert r.due(schedule, ReminderState(), at(date(2026, 3, 30), 9), {}) is None


def test_after_a_not_lessened_review_the_reminders_go_on(si_gewricht: Path) -> None:
    """Seed 000's four weeks are a review, not an end: not better, the exercises (and reminders) go on."""
    first = date(2026, 3, 2)
    programme = with_reminders(si_gewricht, "09:00", "19:00")
    schedule = r.programme_schedule(programme, first_day=first, going_on=True)
    assert schedule.end_day is None and schedule.times == (time(9), time(19))
    assert r.due(schedule, ReminderState(), at(date(2026, 4, 15), 9), {}) is not None  # week 7


def test_turned_off_means_no_reminder(twice_a_day: r.Schedule) -> None:
    off = ReminderState(enabled=False)
    assert r.due(twice_a_day, off, at(JUNE, 9), {}) is None
    assert r.next_moment([twice_a_day], off, at(JUNE, 8), {}) is None


def test_a_computer_that_slept_shows_only_the_latest_missed_reminder(si_gewricht: Path) -> None:
    schedule = r.programme_schedule(with_reminders(si_gewricht, "09:00", "10:00", "19:00"), None)
    found, state = show(schedule, ReminderState(), at(JUNE, 10, 30))
    assert found is not None and found.time == time(10)
    assert r.due(schedule, state, at(JUNE, 10, 31), {}) is None  # 09:00 is not shown after it
    assert r.due(schedule, ReminderState(), at(JUNE, 12, 1), {}) is None  # more than 2 h late: dropped


def test_maintenance_is_one_reminder_a_day_without_end(si_gewricht: Path) -> None:
    programme = with_reminders(si_gewricht, "09:00", "19:00")
    schedule = r.programme_schedule(programme, date(2026, 3, 2), maintenance="19:00")
    assert (schedule.times, schedule.per_day, schedule.end_day) == ((time(19),), 1, None)
    assert r.due(schedule, ReminderState(), at(date(2027, 1, 5), 19), {date(2027, 1, 5): 1}) is None
    assert r.due(schedule, ReminderState(), at(date(2027, 1, 5), 19), {}) is not None


def row(
    day: date, hour: int, status: str = "completed", programme: str = "si-gewricht", **more: object
) -> SessionRow:
    """A history row as HistoryStore.sessions gives it, started at ``hour`` local time in CET."""
    started = datetime(day.year, day.month, day.day, hour, tzinfo=UTC) - timedelta(hours=1)
    base = {"programme": programme, "status": status, "simulated": 0, "pain": None}
    at = {"started_at": started.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "utc_offset_min": 60}
    return session_row(**base | at | more)


def test_sessions_done_and_the_first_day_come_from_the_history() -> None:
    day = date(2026, 3, 2)
    rows = [
        row(day, 0, status="stopped"),  # 00:00 local: already the 2nd, though 23:00 UTC the 1st
        row(day, 9),
        row(day, 19),
        row(day + timedelta(days=1), 9, simulated=1),  # a demonstration: never counted
        row(day + timedelta(days=1), 10, programme="si-blokkade-herstel"),
    ]
    assert r.sessions_done(rows, "si-gewricht") == {day: 2}
    assert r.first_session_day(rows, "si-gewricht") == day
    assert r.first_session_day(rows, "other") is None


# -- the state file ------------------------------------------------------------------------------
def test_state_survives_a_restart_readable_by_the_owner_only(tmp_path: Path, twice_a_day: r.Schedule) -> None:
    store = ReminderStateStore.in_folder(tmp_path)
    morning, state = show(twice_a_day, ReminderState(), at(JUNE, 9))
    assert morning is not None
    state = r.snooze(state, morning, at(JUNE, 9))
    state = dataclasses.replace(state, quiet=QuietHours(time(21, 30), time(8)), maintenance={"x": "19:00"})
    store.save(state)

    assert (tmp_path / "reminders.json").stat().st_mode & 0o777 == 0o600
    assert store.load() == state
    assert store.notices.latest is None


def test_a_broken_state_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    path.write_text("{ not json")
    store = ReminderStateStore(path)
    assert store.load() == ReminderState()
    assert store.notices.latest and "moved to reminders.json.broken-" in store.notices.latest
    assert not path.exists() and len(list(tmp_path.glob("reminders.json.broken-*"))) == 1


def test_wrong_values_fall_back_to_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    path.write_text('{"enabled": "yes", "quiet": {"start": "25:99", "end": "7"}, "shown": [1, "a|b|c"]}')
    state = ReminderStateStore(path).load()
    assert state.enabled is True and state.quiet == QuietHours()
    assert state.shown == frozenset({"a|b|c"})


def test_one_wrong_time_leaves_the_patients_other_times_of_that_programme(tmp_path: Path) -> None:
    """ "qa-short": ["08:00", "25:00"] lost the 08:00 with the 25:00, and the file was written back
    without either: the patient's chosen time gone without a word."""
    path = tmp_path / "reminders.json"
    path.write_text('{"times": {"kort": ["08:00", "25:00"], "geen": [], "mis": ["x", 7], "half": ["9:30"]}}')
    state = ReminderStateStore(path).load()
    assert state.times == {"kort": ["08:00"], "geen": [], "half": ["09:30"]}  # "mis": its own times hold


def test_old_days_are_forgotten(twice_a_day: r.Schedule) -> None:
    _, state = show(twice_a_day, ReminderState(), at(JUNE, 9))
    state = r.not_today(state, "si-gewricht", JUNE)
    assert state.pruned(JUNE + timedelta(days=3)) == state
    assert state.pruned(JUNE + timedelta(days=4)) == ReminderState()


def test_suggested_times_follow_the_prescription(si_gewricht: Path) -> None:
    twice = load_file(si_gewricht)  # 2 × a day, no times of its own
    assert not twice.frequency.reminders
    assert r.suggested_times(twice) == ("09:00", "19:00")  # morning and evening
    herstel = load_file(si_gewricht.with_name("si-blokkade-herstel.yaml"))  # 3-5 × a day
    assert r.suggested_times(herstel) == ("09:00", "14:00", "19:00")  # spread over the day
    four = dataclasses.replace(
        twice,
        frequency=dataclasses.replace(
            twice.frequency, sessions_per_day=dataclasses.replace(twice.frequency.sessions_per_day, min=4)
        ),
    )
    assert r.suggested_times(four) == ("09:00", "12:30", "15:30", "19:00")
    once = dataclasses.replace(
        twice,
        frequency=dataclasses.replace(
            twice.frequency, sessions_per_day=dataclasses.replace(twice.frequency.sessions_per_day, min=1)
        ),
    )
    assert r.suggested_times(once) == ("19:00",)
    # The therapist's times are the suggestion when the programme has them.
    assert r.suggested_times(with_reminders(si_gewricht, "19:30", "08:00")) == ("08:00", "19:30")


def test_the_patients_times_win_over_the_programmes(si_gewricht: Path) -> None:
    therapist = with_reminders(si_gewricht, "09:00", "19:00")
    assert r.programme_schedule(therapist, None).times == (time(9), time(19))
    mine = r.programme_schedule(therapist, None, chosen=["07:30", "21:00"])
    assert mine.times == (time(7, 30), time(21)) and mine.per_day == 2
    assert r.programme_schedule(therapist, None, chosen=[]).times == ()  # "no reminders"
    plain = r.programme_schedule(load_file(si_gewricht), None, chosen=["08:00"])
    assert plain.times == (time(8),)  # a programme without times gets the patient's


def test_chosen_times_and_offers_are_kept(tmp_path: Path) -> None:
    store = ReminderStateStore(tmp_path / "reminders.json")
    store.save(
        ReminderState(times={"si-gewricht": ["08:00", "19:00"], "other": []}, offered=frozenset({"x"}))
    )
    loaded = store.load()
    assert loaded.times == {"si-gewricht": ["08:00", "19:00"], "other": []}
    assert loaded.offered == frozenset({"x"})
    (tmp_path / "reminders.json").write_text('{"times": {"a": ["25:00"], "b": ["7:05"], "c": "09:00"}}')
    assert store.load().times == {"b": ["07:05"]}  # what is not a list of times is left out
