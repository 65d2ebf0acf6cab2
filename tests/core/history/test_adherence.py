"""Adherence figures as a patient and a therapist read them."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from sitimer.core.history.adherence import (
    adherence,
    day_doses,
    days,
    dose_percent,
    figures,
    percent,
    streak,
    weekly,
)
from sitimer.core.history.rows import ExerciseDone
from sitimer.core.programme.model import Range
from tests.helpers.history_data import session_row


def session(
    day: date,
    hour: int = 9,
    status: str = "completed",
    per_day: int = 2,
    simulated=False,
    pain=None,
    effort=None,
    offset_min=60,
):
    utc_hour = hour - offset_min // 60
    return session_row(
        started_at=f"{day.isoformat()}T{utc_hour:02d}:00:00.000000Z",
        utc_offset_min=offset_min,
        status=status,
        per_day_min=per_day,
        simulated=simulated,
        pain=pain,
        effort=effort,
    )


MONDAY = date(2026, 11, 16)


def test_twice_a_day_kept_on_days_with_two_completed_sessions():
    history = [session(MONDAY, 9), session(MONDAY, 19), session(MONDAY + timedelta(1), 9)]
    tally = days(history, MONDAY, MONDAY + timedelta(1))
    assert [(d.done, d.kept) for d in tally] == [(2, True), (1, False)]
    assert percent(tally) == pytest.approx(75.0)


def test_three_to_five_a_day_counts_the_minimum_as_fully_kept_and_no_more():
    history = [session(MONDAY, h, per_day=3) for h in (8, 10, 12, 14, 16)]  # five done
    tally = days(history, MONDAY, MONDAY)
    assert tally[0].kept and percent(tally) == 100.0  # extra sessions don't make up for other days


def test_stopped_sessions_and_simulated_runs_do_not_count_as_done():
    history = [
        session(MONDAY, 9, status="stopped"),
        session(MONDAY, 10, simulated=True),
        session(MONDAY, 11, status="interrupted"),
    ]
    [day] = days(history, MONDAY, MONDAY)
    assert day.done == 0 and day.partial == 2


def test_a_late_evening_session_counts_for_the_local_day():
    # 23:30 in Amsterdam in summer is 21:30 UTC the same day; 00:30 local is the day after
    late = replace(session(MONDAY), started_at=f"{MONDAY}T22:30:00.000000Z", utc_offset_min=120)
    [first, second] = days([late], MONDAY, MONDAY + timedelta(1))
    assert (first.done, second.done) == (0, 1)


def test_streak_counts_kept_days_up_to_today_or_yesterday_while_today_is_open():
    history = [session(MONDAY + timedelta(d), h) for d in range(3) for h in (9, 19)]
    tally = days(history, MONDAY, MONDAY + timedelta(3))
    assert streak(tally, MONDAY + timedelta(2)) == 3
    assert streak(tally, MONDAY + timedelta(3)) == 3  # today not done yet: the streak holds
    assert streak(days(history, MONDAY, MONDAY + timedelta(4)), MONDAY + timedelta(4)) == 0


def test_the_figures_at_a_glance_of_a_kept_week():
    today = MONDAY + timedelta(2)  # Wednesday, both sessions done
    history = [session(MONDAY + timedelta(d), h) for d in range(3) for h in (9, 19)]
    history.append(replace(session(today, 21), simulated=True))  # a trial at speed: no one's adherence
    kept = figures(history, 2, today)
    assert (kept.week_percent, kept.streak_days, kept.today_done) == (pytest.approx(100.0), 3, 2)
    assert kept.sessions == 6
    half = figures(history[:-3], 2, today)  # Wednesday not done yet: it is due only as far as done
    assert (half.week_percent, half.streak_days, half.today_done) == (pytest.approx(100.0), 2, 0)


def test_dose_done_against_prescribed_per_exercise():
    planned = {
        "molenwieken": {"sets": 3, "reps": 90, "seconds": 0.0},
        "si-rekken": {"sets": 3, "reps": 0, "seconds": 180.0},
    }
    week = [MONDAY + timedelta(days=n) for n in range(7)]
    done = {
        day: {"molenwieken": ExerciseDone(reps=180), "si-rekken": ExerciseDone(seconds=180.0)} for day in week
    }
    done[week[3]]["molenwieken"] = ExerciseDone(reps=150)  # Thursday: one set of the evening cut short
    figures = dose_percent(done, planned, [(day, 2, planned) for day in week])  # a week of 2 a day
    assert figures["molenwieken"] == pytest.approx(100 * 1230 / 1260)
    assert figures["si-rekken"] == pytest.approx(50.0)


def test_a_day_with_more_than_it_asked_does_not_make_up_for_a_day_missed():
    """Five sessions on Tuesday and none on Wednesday gave the exercises 111 %, where the week's
    sessions (capped per day) gave 72 %: the dose share hid the day missed."""
    planned = {"knieen": {"sets": 3, "reps": 60, "seconds": 0.0}}
    tuesday, wednesday = MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)
    done = {tuesday: {"knieen": ExerciseDone(reps=5 * 60)}}
    due = [(tuesday, 3, planned), (wednesday, 3, planned)]
    assert dose_percent(done, planned, due)["knieen"] == pytest.approx(50.0)  # 180 of 360, not 300


def test_walking_for_as_long_as_it_takes_counts_the_times_it_was_done():
    planned = {"wandelen-fietsen": {"sets": 1, "reps": 0, "seconds": 0.0}}
    days = [MONDAY + timedelta(days=n) for n in range(28)]
    done = {day: {"wandelen-fietsen": ExerciseDone(times=1)} for day in days[:21]}
    assert dose_percent(done, planned, [(d, 1, planned) for d in days])["wandelen-fietsen"] == pytest.approx(
        75.0
    )


def test_weekly_adherence_of_three_to_five_a_day_flags_80_percent_and_shows_the_sessions_above():
    # seed 002, "3–5 × per dag": week 1 five on Monday, two and a skipped-through one on Wednesday,
    # three on every other day; week 2 two a day
    history = [session(MONDAY, h, per_day=3) for h in (7, 9, 11, 13, 15)]
    history += [session(MONDAY + timedelta(1), h, per_day=3) for h in (8, 12, 18)]
    history += [session(MONDAY + timedelta(2), h, per_day=3) for h in (8, 12)]
    history.append(session(MONDAY + timedelta(2), 18, per_day=3, status="partial"))
    for day in range(3, 7):
        history += [session(MONDAY + timedelta(day), h, per_day=3) for h in (8, 12, 18)]
    for day in range(7, 14):
        history += [session(MONDAY + timedelta(day), h, per_day=3) for h in (8, 18)]
    sunday = MONDAY + timedelta(13)
    first, second = weekly(history, 3, MONDAY, sunday, sunday + timedelta(1))  # seen the next Monday
    assert (first.prescribed, first.done, first.above, first.partial) == (21, 20, 2, 1)
    assert first.share == pytest.approx(20 / 21) and first.adherent
    assert (second.prescribed, second.done, second.above, second.partial) == (21, 14, 0, 0)
    assert not second.adherent  # two thirds of the minimum
    # seen on that Sunday evening, its third session may still come: 14 of 20 due so far
    [_, sunday_evening] = weekly(history, 3, MONDAY, sunday, sunday)
    assert (sunday_evening.prescribed, sunday_evening.done) == (20, 14) and not sunday_evening.adherent
    # the same rule as this week's figure everywhere else
    assert adherence(history, 3, MONDAY, sunday, sunday).week_percent == pytest.approx(sunday_evening.percent)


def test_a_week_at_exactly_80_percent_is_adherent_and_below_is_not():
    # seed 000, "2 × per dag" from Monday to Friday: 8 of 10 is adherent, 7 of 10 is not
    friday = MONDAY + timedelta(4)
    history = [session(MONDAY + timedelta(d), h) for d in range(5) for h in (8, 18)]
    saturday = friday + timedelta(1)  # the week seen once Friday is over
    [week] = weekly(history[:8], 2, MONDAY, friday, saturday)
    assert (week.done, week.prescribed, week.adherent) == (8, 10, True)
    [week] = weekly(history[:7], 2, MONDAY, friday, saturday)
    assert (week.done, week.adherent) == (7, False)


def test_a_session_skipped_through_is_counted_apart_not_as_done():
    history = [session(MONDAY, 8), session(MONDAY, 18, status="partial")]
    [day] = days(history, MONDAY, MONDAY)
    assert (day.done, day.partial, day.kept) == (1, 1, False)


def test_this_week_is_flagged_adherent_by_the_same_rule_as_its_percentage():
    # seed 000, "2 × per dag": Monday kept, Tuesday only in the morning, Wednesday morning so far
    history = [session(MONDAY, h) for h in (8, 18)] + [session(MONDAY + timedelta(1), 8)]
    history.append(session(MONDAY + timedelta(2), 8))
    wednesday = MONDAY + timedelta(2)
    kept = adherence(history, 2, MONDAY, wednesday, wednesday)
    assert (kept.this_week.done, kept.this_week.prescribed) == (4, 5)  # Wednesday's evening may still come
    assert kept.this_week.percent == pytest.approx(kept.week_percent) and kept.this_week.adherent  # 80 %


def test_today_is_due_as_far_as_it_is_done_until_it_is_over():
    """A Monday morning has nothing due yet: no "0 % this week" before the patient could do anything.
    Its first session makes it 100 %; the next day, Monday's missing evening counts."""
    history = [session(MONDAY - timedelta(1), h) for h in (8, 18)]  # last week's Sunday, kept
    morning = adherence(history, 2, MONDAY - timedelta(6), MONDAY, MONDAY)
    assert morning.week_percent is None and morning.this_week.prescribed == 0
    assert morning.streak_days == 1  # Sunday's: today is still open
    history.append(session(MONDAY, 8))
    noon = adherence(history, 2, MONDAY - timedelta(6), MONDAY, MONDAY)
    assert noon.week_percent == pytest.approx(100.0) and noon.today_done == 1
    tuesday = MONDAY + timedelta(1)
    next_day = adherence(history, 2, MONDAY - timedelta(6), tuesday, tuesday)
    assert (next_day.this_week.done, next_day.this_week.prescribed) == (1, 2)
    assert next_day.week_percent == pytest.approx(50.0)


def test_a_change_from_two_to_three_a_day_asks_three_only_from_the_change_on():
    """Changed on a Monday in the editor, 2 -> 3 a day: the week before read 52 %, not adherent, no day
    kept, and the streak broke, as if 3 had been asked all along."""
    before = [session(MONDAY - timedelta(days=7 - d), h) for d in range(7) for h in (8, 18)]
    after = [session(MONDAY, h, per_day=3) for h in (8, 13, 18)]
    kept = adherence(before + after, 3, MONDAY - timedelta(days=7), MONDAY, MONDAY)
    week_before = [d for d in kept.days if d.day < MONDAY]
    assert [d.prescribed for d in week_before] == [2] * 7 and all(d.kept for d in week_before)
    assert percent(week_before) == pytest.approx(100.0)
    assert kept.streak_days == 8
    missed = adherence(
        before, 3, MONDAY - timedelta(days=7), MONDAY + timedelta(days=1), MONDAY + timedelta(1)
    )
    assert missed.days[-2].prescribed == 3  # after the last session: the programme's prescription now


def test_a_dose_raised_mid_course_asks_the_old_dose_of_the_sessions_before():
    old = {"brug": {"sets": 2, "reps": 12, "seconds": 0.0}}
    new = {"brug": {"sets": 2, "reps": 20, "seconds": 0.0}}
    sessions = [
        replace(session(MONDAY, 9, per_day=1), dose_planned=json.dumps(old)),
        replace(session(MONDAY + timedelta(days=2), 9, per_day=1), dose_planned=json.dumps(new)),
    ]
    window = days(sessions, MONDAY, MONDAY + timedelta(days=2))
    assert [due for _, due, _ in day_doses(sessions, window)] == [1, 1, 1]
    # Tuesday missed, both others in full
    done = {
        MONDAY: {"brug": ExerciseDone(reps=12)},
        MONDAY + timedelta(days=2): {"brug": ExerciseDone(reps=20)},
    }
    # 12 asked on Monday and on Tuesday, 20 on Wednesday (not 3 x 20: 53 %)
    assert dose_percent(done, new, day_doses(sessions, window))["brug"] == pytest.approx(100 * 32 / 44)


def test_the_exported_weeks_name_the_prescription_each_week_was_held_to(tmp_path):
    """`history --csv --table weeks` labelled the weeks before a change with the new prescription
    (3, 3) while counting them at 2 a day."""
    from sitimer.core.history.measures import measure_rows
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.programme.loader import load_file
    from sitimer.core.programme.plan import build_plan
    from tests.conftest import REPO
    from tests.helpers.history_data import record_session

    plan = build_plan(load_file(REPO / "programmes" / "si-gewricht.yaml"))  # 2 a day
    now = [datetime(2026, 11, 16, 8, tzinfo=UTC)]
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    for day in range(7):
        for hour in (8, 18):
            now[0] = datetime(2026, 11, 16 + day, hour, tzinfo=UTC)
            record_session(store, plan)
    frequency = replace(plan.programme.frequency, sessions_per_day=Range(3, 3))
    three = replace(plan, programme=replace(plan.programme, frequency=frequency))  # changed in the editor
    now[0] = datetime(2026, 11, 23, 8, tzinfo=UTC)
    record_session(store, three)
    weeks = measure_rows(store, today=date(2026, 11, 23))["weeks"]
    assert [(w["per_day_min"], w["prescribed"], w["done"]) for w in weeks] == [(2, 14, 14), (3, 1, 1)]


def test_a_week_begun_mid_week_counts_only_the_days_from_the_first_session(tmp_path):
    """First session on a Saturday: `history --table weeks` said days=7 (prescribed 4), while the
    report said "Days kept 0/2": the days before the programme began were counted as days."""
    from sitimer.core.history.measures import measure_rows
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.programme.loader import load_file
    from sitimer.core.programme.plan import build_plan
    from tests.conftest import REPO
    from tests.helpers.history_data import record_session

    plan = build_plan(load_file(REPO / "programmes" / "si-gewricht.yaml"))  # 2 a day
    now = [datetime(2026, 12, 5, 9, tzinfo=UTC)]  # a Saturday
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    record_session(store, plan)
    [week] = measure_rows(store, today=date(2026, 12, 7))["weeks"][:1]
    assert (week["week"], week["days"], week["prescribed"], week["days_kept"]) == ("2026-11-30", 2, 4, 0)
    # the first session on the day itself: nothing due yet, so no figure (it said 0 % and not adherent)
    [today] = measure_rows(store, today=date(2026, 12, 5))["weeks"]
    assert (today["prescribed"], today["share"], today["adherent"]) == (1, 1.0, True)  # today: as far as done
    stopped = HistoryStore(tmp_path / "stopped.db", now=lambda: now[0])
    record_session(stopped, plan, status="stopped")
    [nothing] = measure_rows(stopped, today=date(2026, 12, 5))["weeks"]
    assert (nothing["days"], nothing["prescribed"], nothing["share"], nothing["adherent"]) == (
        0,
        0,
        None,
        None,
    )
