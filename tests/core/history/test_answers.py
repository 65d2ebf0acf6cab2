"""What the patient reports apart from a session: EARS, a missed session's reason, GPE, PSK, the daily
activity ticked off, and effort on Borg CR10 in half steps. Stored at once, checked, read back."""

import sqlite3
from datetime import UTC, date, datetime

import pytest

from sitimer.core.history import scales
from sitimer.core.history.schema import local_date, stamp
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from tests.helpers.history_data import Wall, record_session

MONDAY = date(2026, 11, 16)
GEWRICHT, HERSTEL = "si-gewricht", "si-blokkade-herstel"  # seed 000, seed 002


@pytest.fixture
def store(tmp_path):
    return HistoryStore(tmp_path / "history.db", now=Wall())


def test_a_weeks_ears_scores_agreeing_with_doing_the_exercises_as_adherent(store):
    # completely agree that she does them as often as agreed; completely disagree that she forgets, …
    store.save_ears(GEWRICHT, MONDAY + date.resolution * 3, (0, 4, 4, 0, 4, 0))
    [row] = store.ears(GEWRICHT)
    assert row.week == MONDAY  # a Thursday's answers are the week's
    assert row.scores == (4, 4, 4, 4, 4, 4) and row.total == 24
    store.save_ears(GEWRICHT, MONDAY, (2, 2, 2, 2, 2, 2))  # answered again the same week: the new stands
    [row] = store.ears(GEWRICHT)
    assert row.total == 12
    store.save_ears(GEWRICHT, MONDAY + 7 * date.resolution, (4, 0, 0, 4, 0, 4))
    assert [r.total for r in store.ears(GEWRICHT)] == [12, 0]
    assert store.ears(HERSTEL) == []


@pytest.mark.parametrize(
    "answers", [(0, 1, 2, 3, 4), (0, 1, 2, 3, 4, 5), (0, 1, 2, 3, 4, -1), (0, 1, 2, 3, 4, 1.5)]
)
def test_the_ears_takes_six_answers_from_0_to_4(store, answers):
    with pytest.raises(ValueError, match="6 answers, each 0 to 4"):
        store.save_ears(GEWRICHT, MONDAY, answers)
    assert store.ears(GEWRICHT) == []


def test_a_missed_day_has_one_reason_of_five(store):
    # seed 002, "3–5 × per dag": Tuesday only two sessions
    store.save_missed_reason(HERSTEL, MONDAY + date.resolution, "no_time")
    store.save_missed_reason(HERSTEL, MONDAY + date.resolution, "pain")  # changed her mind: the last stands
    store.save_missed_reason(HERSTEL, MONDAY + 3 * date.resolution, "felt_better")
    assert [(r.day.day, r.reason) for r in store.missed_reasons(HERSTEL)] == [
        (17, "pain"),
        (19, "felt_better"),
    ]
    with pytest.raises(ValueError, match="pain, no_time, forgot, felt_better, other"):
        store.save_missed_reason(HERSTEL, MONDAY, "lazy")
    assert set(scales.MISSED_REASONS) == {"pain", "no_time", "forgot", "felt_better", "other"}
    assert scales.MISSED_REASONS["no_time"].get("nl") == "Geen tijd"


def test_the_gpe_at_the_week_2_and_week_4_check_ins(store):
    # seed 000: after 2 weeks resume running slowly, after 4 weeks the review
    store.save_gpe(GEWRICHT, datetime(2026, 11, 30, 9, tzinfo=UTC), 3)
    store.save_gpe(GEWRICHT, datetime(2026, 12, 14, 9, tzinfo=UTC), 2)
    rows = store.gpe(GEWRICHT)
    assert [(r.at[:10], r.value) for r in rows] == [("2026-11-30", 3), ("2026-12-14", 2)]
    assert [scales.gpe_label(r.value).get("nl") for r in rows] == ["Een beetje verbeterd", "Veel verbeterd"]
    assert scales.gpe_label(1).get("en") == "Completely recovered"
    assert scales.gpe_label(7).get("nl") == "Slechter dan ooit"
    for wrong in (0, 8, 2.5, True):
        with pytest.raises(ValueError, match="1 to 7"):
            store.save_gpe(GEWRICHT, datetime(2026, 12, 14, tzinfo=UTC), wrong)


def test_the_psk_names_up_to_three_activities_scored_0_to_10(store):
    start = (("hardlopen", 8), ("lang zitten", 6), ("traplopen", 4))
    store.save_psk(GEWRICHT, datetime(2026, 11, 16, 9, tzinfo=UTC), start)
    store.save_psk(GEWRICHT, datetime(2026, 12, 14, 9, tzinfo=UTC), (("hardlopen", 3), ("lang zitten", 2)))
    first, review = store.psk(GEWRICHT)
    assert first.items == start and dict(review.items)["hardlopen"] == 3
    bad = [
        (),
        (("a", 1), ("b", 2), ("c", 3), ("d", 4)),
        (("hardlopen", 11),),
        (("", 5),),
        (("hardlopen", 3), ("hardlopen", 4)),
        (("hardlopen",),),
        ((7, 3),),
        "hardlopen",
    ]
    for items in bad:
        with pytest.raises(ValueError, match="PSK"):
            store.save_psk(GEWRICHT, datetime(2026, 12, 14, tzinfo=UTC), items)
    assert len(store.psk(GEWRICHT)) == 2


def test_the_daily_walk_or_ride_is_ticked_off_per_day(store):
    # seed 002, exercise 1: walk or cycle, every day, not a step of the session
    store.tick_activity(HERSTEL, "wandelen-fietsen", MONDAY)
    store.tick_activity(HERSTEL, "wandelen-fietsen", MONDAY)  # twice is once
    assert store.activities_done(HERSTEL, MONDAY) == {"wandelen-fietsen"}
    assert store.activities_done(HERSTEL, MONDAY + date.resolution) == set()
    store.untick_activity(HERSTEL, "wandelen-fietsen", MONDAY)
    assert store.activities_done(HERSTEL, MONDAY) == set()
    store.tick_activity(HERSTEL, "wandelen-fietsen", MONDAY + date.resolution)
    assert store.activity_days(HERSTEL) == [(MONDAY + date.resolution, "wandelen-fietsen")]
    with pytest.raises(ValueError, match="exercise id"):
        store.tick_activity(HERSTEL, "", MONDAY)
    with pytest.raises(ValueError, match="a day is a date"):
        store.tick_activity(HERSTEL, "wandelen-fietsen", "2026-11-16")


def test_answers_are_the_profiles_own(store):
    store.save_gpe(GEWRICHT, datetime(2026, 11, 30, tzinfo=UTC), 4, profile="4711")
    store.tick_activity(HERSTEL, "wandelen-fietsen", MONDAY, profile="4711")
    assert store.gpe(GEWRICHT) == [] and [r.value for r in store.gpe(GEWRICHT, profile="4711")] == [4]
    assert store.activities_done(HERSTEL, MONDAY) == set()


def test_every_answer_is_on_disk_the_moment_it_is_given(store):
    store.save_ears(GEWRICHT, MONDAY, (0, 4, 4, 0, 4, 0))
    store.save_missed_reason(GEWRICHT, MONDAY, "forgot")
    store.save_gpe(GEWRICHT, datetime(2026, 11, 30, tzinfo=UTC), 3)
    store.save_psk(GEWRICHT, datetime(2026, 11, 30, tzinfo=UTC), (("hardlopen", 5),))
    store.tick_activity(HERSTEL, "wandelen-fietsen", MONDAY)
    other = sqlite3.connect(store.path)  # another program, while this store is still open
    tables = ("ears", "missed_reasons", "gpe", "psk", "activities")
    assert [other.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables] == [1, 1, 1, 1, 1]


def test_effort_is_borg_cr10_in_half_steps(store, si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    sid = record_session(store, plan)
    store.rate(sid, pain=3, effort=2.5, note=None, pain_before=4)
    [session] = store.sessions()
    assert (session.pain_before, session.pain, session.effort) == (4, 3, 2.5)
    for wrong in (0.3, 10.5, 11, -0.5, True):
        with pytest.raises(ValueError, match="half steps"):
            store.rate(sid, pain=3, effort=wrong, note=None)
    with pytest.raises(ValueError, match="pain must be a whole number from 0 to 10"):
        store.rate(sid, pain=11, effort=None, note=None)
    assert store.sessions()[0].effort == 2.5
    assert scales.EFFORT_STEPS[:3] == (0.0, 0.5, 1.0) and scales.EFFORT_STEPS[-1] == 10.0
    assert scales.BORG_ANCHORS[0.5].get("nl") == "Heel, heel licht (net merkbaar)"
    assert scales.BORG_ANCHORS[10].get("en") == "Very, very hard (maximal)"


def test_an_answer_given_just_after_midnight_is_on_that_day_not_the_utc_day_before(amsterdam) -> None:
    given = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)  # 00:30 on Monday 7 December in Amsterdam
    assert stamp(given)[:10] == "2026-12-06"
    assert local_date(stamp(given)) == date(2026, 12, 7)
