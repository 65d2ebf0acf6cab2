"""Check-ins from the leaflets: SI-gewricht's week 2 and its review at week 4, maintenance once pain-free."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from sitimer.core.programme.loader import load_file
from sitimer.core.reminders.checkin import (
    Answer,
    CheckIn,
    after_review,
    answer_key,
    answered,
    checkin_due,
    pain_free,
    pain_trend,
    pains,
    progress_key,
    progress_point,
    progress_seen,
    review_answer,
    review_point,
    review_reached,
)
from tests.helpers.history_data import session_row

FIRST = date(2026, 3, 2)  # the first session
AFTER_FOUR_WEEKS = date(2026, 3, 30)


def test_si_gewricht_asks_after_four_weeks_not_before(si_gewricht: Path) -> None:
    programme = load_file(si_gewricht)
    week_two_seen = {2.0}  # the week-2 check-in comes before (its own test)
    assert checkin_due(programme, FIRST, AFTER_FOUR_WEEKS - timedelta(days=1), {}, seen=week_two_seen) is None
    assert not review_reached(programme, FIRST, AFTER_FOUR_WEEKS - timedelta(days=1))
    assert checkin_due(programme, FIRST, AFTER_FOUR_WEEKS, {}) is CheckIn.REVIEW
    assert checkin_due(programme, FIRST, date(2026, 6, 1), {}) is CheckIn.REVIEW  # asked until answered
    assert checkin_due(programme, None, AFTER_FOUR_WEEKS, {}) is None  # never started: nothing to ask


def test_answered_review_is_not_asked_again(si_gewricht: Path) -> None:
    programme = load_file(si_gewricht)
    done = {CheckIn.REVIEW: Answer.NOT_LESSENED}
    assert checkin_due(programme, FIRST, AFTER_FOUR_WEEKS, done) is None
    assert after_review(Answer.NOT_LESSENED) is None  # the advice: contact the sports physician
    assert after_review(Answer.LESSENED) is CheckIn.MAINTENANCE


def test_pain_free_in_the_middle_of_the_four_weeks_waits_for_the_review(si_gewricht: Path) -> None:
    programme = load_file(si_gewricht)
    pain = [6, 5, 3, 0, 0, 0]
    week_two_seen = {2.0}  # the week-2 check-in answered: nothing else is due until the review
    assert checkin_due(programme, FIRST, FIRST + timedelta(days=14), {}, pain, week_two_seen) is None
    assert checkin_due(programme, FIRST, AFTER_FOUR_WEEKS, {}, pain) is CheckIn.REVIEW
    reviewed = {CheckIn.REVIEW: Answer.LESSENED}
    assert checkin_due(programme, FIRST, AFTER_FOUR_WEEKS, reviewed, pain) is CheckIn.MAINTENANCE
    reviewed[CheckIn.MAINTENANCE] = Answer.DECLINED
    assert checkin_due(programme, FIRST, AFTER_FOUR_WEEKS, reviewed, pain) is None


def test_si_blokkade_offers_maintenance_once_pain_free(si_blokkade: Path) -> None:
    programme = load_file(si_blokkade)  # no weeks: "until full recovery"
    day = FIRST + timedelta(days=40)
    assert checkin_due(programme, FIRST, day, {}, [7, 5, 3, 1, 0, 0]) is None
    assert checkin_due(programme, FIRST, day, {}, [7, 5, 3, 1, 0, 0, 0]) is CheckIn.MAINTENANCE
    assert checkin_due(programme, FIRST, day, {}, [0, 0, 0, 2]) is None  # pain came back
    accepted = {CheckIn.MAINTENANCE: Answer.MAINTENANCE}
    assert checkin_due(programme, FIRST, day, accepted, [0, 0, 0]) is None


@pytest.mark.parametrize(
    ("pain", "free"),
    [([], False), ([0, 0], False), ([0, 0, 0], True), ([4, 0, 0, 0], True), ([0, 1, 0], False)],
)
def test_pain_free_means_the_last_three_rated_sessions_at_zero(pain: list[int], free: bool) -> None:
    assert pain_free(pain) is free


def test_pain_trend_compares_the_first_and_last_sessions() -> None:
    assert pain_trend([6]) is None
    trend = pain_trend([6, 6, 6, 5, 4, 3, 3, 3, 3])
    assert trend is not None and (trend.start, trend.recent, trend.sessions) == (6.0, 3.0, 9)
    assert trend.change == -3.0
    short = pain_trend([5, 2])
    assert short is not None and (short.start, short.recent) == (5.0, 2.0)


def test_pains_and_answers_from_history_rows_and_state() -> None:
    rows = [
        session_row(programme="si-gewricht", simulated=0, pain=4),
        session_row(programme="si-gewricht", simulated=0, pain=None),
        session_row(programme="si-gewricht", simulated=1, pain=9),
        session_row(programme="si-blokkade-herstel", simulated=0, pain=1),
        session_row(programme="si-gewricht", simulated=0, pain=2),
    ]
    assert pains(rows, "si-gewricht") == [4, 2]
    state = {answer_key("si-gewricht", CheckIn.REVIEW): "lessened", "si-gewricht|maintenance": "??"}
    assert answered(state, "si-gewricht") == {CheckIn.REVIEW: Answer.LESSENED}


def test_si_gewricht_takes_stock_at_week_two_with_the_leaflets_advice(si_gewricht: Path) -> None:
    """Seed 000: "after 2 weeks most are clearly better; start running again, gently"."""
    programme = load_file(si_gewricht)
    day_13, day_14 = FIRST + timedelta(days=13), FIRST + timedelta(days=14)
    assert checkin_due(programme, FIRST, day_13, {}) is None
    assert checkin_due(programme, FIRST, day_14, {}) is CheckIn.PROGRESS
    point = progress_point(programme, FIRST, day_14)
    assert point is not None and point.week == 2 and not point.review
    assert "hardlopen" in point.note.get("nl") and "rustig" in point.note.get("nl")
    assert checkin_due(programme, FIRST, day_14, {}, seen={2.0}) is None  # answered: not again
    # not asked late: once week 4 has come, the review takes its place
    assert progress_point(programme, FIRST, AFTER_FOUR_WEEKS) is None
    assert checkin_due(programme, FIRST, AFTER_FOUR_WEEKS, {}) is CheckIn.REVIEW


def test_the_review_is_the_check_in_marked_review_at_week_four_and_not_an_end(si_gewricht: Path) -> None:
    review = review_point(load_file(si_gewricht))
    assert review is not None and (review.week, review.review) == (4, True)
    assert "sportarts" in review.note.get("nl") and "blijf de oefeningen" in review.note.get("nl")


def test_the_gpe_decides_whether_the_complaints_lessened() -> None:
    """GPE 1-3 (completely recovered, much or slightly improved) is lessened; 4 (no change) to 7 not."""
    assert [review_answer(v) for v in range(1, 8)] == [Answer.LESSENED] * 3 + [Answer.NOT_LESSENED] * 4


def test_progress_answers_are_kept_per_week() -> None:
    state = {
        progress_key("si-gewricht", 2): "seen",
        "si-gewricht|progress-x": "seen",
        "other|progress-2": "seen",
    }
    assert progress_key("si-gewricht", 2.0) == "si-gewricht|progress-2"
    assert progress_seen(state, "si-gewricht") == {2.0}
    assert answered(state, "si-gewricht") == {}
