"""The therapist's report figures carry the adherence measures: weekly adherence with the adherent
flag, the sessions above the minimum and those not completed, the EARS trend, GPE and PSK over time,
and how often each reason for a missed session was given."""

from datetime import datetime, timedelta

import pytest

from sitimer.core.history.report_figures import programme_figures
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.recorder import session_start
from tests.helpers.history_data import FIRST_DAY, two_weeks

GEWRICHT = "si-gewricht"
MONDAY = FIRST_DAY.date()
PRINTED = MONDAY + timedelta(14)  # the report made the Monday after the two weeks


@pytest.fixture
def store(tmp_path, si_gewricht):
    """Seed 000's two weeks of "2 × per dag" (one session missed each week), and the patient's answers."""
    store = two_weeks(tmp_path / "history.db", si_gewricht)
    latest = store.sessions()[-1]
    store.end(latest.id, "partial", dose_share=0.3)  # week 2's last session, skipped through
    store.save_ears(GEWRICHT, MONDAY, (0, 4, 4, 0, 4, 0))  # 24
    store.save_ears(GEWRICHT, MONDAY + timedelta(7), (1, 3, 2, 1, 3, 1))  # 17: keeping it up less well
    store.save_missed_reason(GEWRICHT, MONDAY + timedelta(3), "no_time")
    store.save_missed_reason(GEWRICHT, MONDAY + timedelta(9), "no_time")
    store.save_missed_reason(GEWRICHT, MONDAY + timedelta(13), "pain")
    store.save_gpe(GEWRICHT, FIRST_DAY + timedelta(days=13, hours=20), 3)
    store.save_psk(GEWRICHT, FIRST_DAY + timedelta(hours=6), (("hardlopen", 8),))
    store.save_psk(GEWRICHT, FIRST_DAY + timedelta(days=13, hours=20), (("hardlopen", 5),))
    return store


def test_the_report_shows_each_week_adherent_or_not_with_the_sessions_not_completed_apart(store):
    figures = programme_figures(store, store.sessions(), [], PRINTED)
    week1, week2 = figures.weeks
    assert (week1.done, week1.prescribed, week1.adherent) == (13, 14, True)
    assert (week2.done, week2.partial, week2.adherent) == (12, 1, True)  # 86 %
    assert figures.partial == 1


def test_a_week_under_80_percent_is_flagged(store, si_gewricht):
    sessions = store.sessions()
    for session in sessions[-4:]:  # the last two days of week 2 only partly done
        store.end(session.id, "partial", dose_share=0.5)
    [_, week2] = programme_figures(store, store.sessions(), [], PRINTED).weeks
    assert (week2.done, week2.partial, week2.adherent) == (9, 4, False)  # 9 of 14: 64 %


def test_a_report_made_the_same_day_counts_that_day_as_far_as_it_is_done(store):
    """Printed on the Sunday of week 2, after its morning session: the evening may still come, so
    week 2 is 12 of 13 so far, not 12 of 14."""
    sunday = MONDAY + timedelta(13)
    sessions = [s for s in store.sessions() if not s.started_at.startswith(f"{sunday}T18")]
    later = programme_figures(store, sessions, [], PRINTED)
    same_day = programme_figures(store, sessions, [], sunday)
    assert (later.weeks[1].done, later.weeks[1].prescribed) == (12, 14)
    assert (same_day.weeks[1].done, same_day.weeks[1].prescribed) == (12, 13)


def test_three_to_five_a_day_shows_the_sessions_above_the_minimum(tmp_path, si_blokkade):
    # seed 002, "3–5 × per dag": five on Monday, three on Tuesday
    store = HistoryStore(tmp_path / "history.db", now=lambda: FIRST_DAY)
    start = session_start(build_plan(load_file(si_blokkade)), simulated=False)
    for day, hours in ((0, (7, 9, 11, 13, 15)), (1, (7, 12, 17))):
        for hour in hours:
            sid = store.begin(start, at=FIRST_DAY + timedelta(days=day, hours=hour))
            store.end(sid, "completed", at=FIRST_DAY + timedelta(days=day, hours=hour, minutes=40))
    [week] = programme_figures(store, store.sessions(), [], MONDAY + timedelta(1)).weeks  # on the Tuesday
    assert (week.prescribed, week.done, week.above, week.adherent) == (6, 6, 2, True)


def test_the_weeks_after_the_last_session_are_counted_up_to_the_day_of_the_report(tmp_path, si_blokkade):
    """Two days done, then nothing: printed two weeks on, the report ended at the last session and
    showed a good week, where the export (and the progress view) counted the days missed since."""
    store = HistoryStore(tmp_path / "history.db", now=lambda: FIRST_DAY)
    start = session_start(build_plan(load_file(si_blokkade)), simulated=False)
    for day in (0, 1):
        for hour in (7, 12, 17):
            sid = store.begin(start, at=FIRST_DAY + timedelta(days=day, hours=hour))
            store.end(sid, "completed", at=FIRST_DAY + timedelta(days=day, hours=hour, minutes=40))
    figures = programme_figures(store, store.sessions(), [], MONDAY + timedelta(9))  # Wednesday, week 2
    assert figures.last == MONDAY + timedelta(9)
    week1, week2 = figures.weeks
    assert (week1.done, week1.prescribed, week1.adherent) == (6, 21, False)
    assert (week2.done, week2.prescribed) == (0, 6)  # Monday and Tuesday missed; Wednesday still open


def test_the_report_has_the_ears_trend_gpe_psk_and_the_reasons_given(store):
    figures = programme_figures(store, store.sessions(), [], PRINTED)
    assert [(e.week, e.total) for e in figures.ears] == [(MONDAY, 24), (MONDAY + timedelta(7), 17)]
    assert [g.value for g in figures.gpe] == [3]
    assert [p.items for p in figures.psk] == [(("hardlopen", 8),), (("hardlopen", 5),)]
    assert figures.missed == (("pain", 1), ("no_time", 2))  # in the order the patient chooses from
    assert datetime.fromisoformat(figures.gpe[0].at) == FIRST_DAY + timedelta(days=13, hours=20)
