"""When the patient's own reports are asked: a missed session's reason, and the weekly EARS."""

from __future__ import annotations

from datetime import date

from sitimer.core.history.rows import SessionRow
from sitimer.core.reminders.questions import Question, asked_key, ears_week, mark_asked, missed_day, monday
from sitimer.core.reminders.state import ReminderState
from tests.helpers.history_data import session_row

MONDAY = date(2026, 3, 2)  # SI-gewricht's first session: "2x/dag", so two are due a day


def twice_a_day_on(*days_and_counts: tuple[date, int], status: str = "completed") -> list[SessionRow]:
    return [
        session_row(
            programme="si-gewricht",
            started_at=f"{day.isoformat()}T{7 + 9 * n:02d}:00:00.000000Z",
            status=status,
        )
        for day, count in days_and_counts
        for n in range(count)
    ]


def test_yesterday_with_one_of_the_two_sessions_is_asked_about_once() -> None:
    rows = twice_a_day_on((MONDAY, 2), (date(2026, 3, 3), 1))
    today = date(2026, 3, 4)
    assert missed_day(rows, "si-gewricht", 2, today) == date(2026, 3, 3)
    assert missed_day(rows, "si-gewricht", 2, today, reasons=[date(2026, 3, 3)]) is None  # answered
    assert missed_day(rows, "si-gewricht", 2, today, asked="2026-03-03") is None  # skipped: not again
    assert missed_day(rows, "si-gewricht", 2, date(2026, 3, 3)) is None  # Monday's two were done


def test_a_day_with_no_session_at_all_counts_and_nothing_is_asked_before_the_start() -> None:
    rows = twice_a_day_on((MONDAY, 2))
    assert missed_day(rows, "si-gewricht", 2, date(2026, 3, 6)) == date(2026, 3, 5)
    assert missed_day(rows, "si-gewricht", 2, MONDAY) is None  # yesterday was before the first session
    assert missed_day([], "si-gewricht", 2, MONDAY) is None


def test_a_session_skipped_through_is_partial_and_does_not_keep_the_day() -> None:
    rows = twice_a_day_on((MONDAY, 2)) + twice_a_day_on((date(2026, 3, 3), 2), status="partial")
    assert missed_day(rows, "si-gewricht", 2, date(2026, 3, 4)) == date(2026, 3, 3)


def test_the_ears_comes_once_a_week_after_the_first_whole_week() -> None:
    assert ears_week(MONDAY, date(2026, 3, 8)) is None  # day 7 of the first week: not a whole week yet
    assert ears_week(MONDAY, date(2026, 3, 9)) == date(2026, 3, 9)  # the next Monday
    assert ears_week(MONDAY, date(2026, 3, 12)) == date(2026, 3, 9)  # the week's Monday, any day
    assert ears_week(MONDAY, date(2026, 3, 12), answered=[date(2026, 3, 10)]) is None
    assert ears_week(MONDAY, date(2026, 3, 12), asked="2026-03-09") is None  # skipped this week
    assert ears_week(MONDAY, date(2026, 3, 16), asked="2026-03-09") == date(2026, 3, 16)  # asked again
    assert ears_week(None, date(2026, 3, 16)) is None


def test_what_was_asked_is_kept_in_the_reminder_state_and_forgotten_after_a_week() -> None:
    key = asked_key("si-gewricht", "", Question.EARS)
    assert key == "si-gewricht||ears"
    state = mark_asked(ReminderState(), key, monday(date(2026, 3, 12)))
    assert state.asked == {key: "2026-03-09"}
    assert state.pruned(date(2026, 3, 17)).asked == {key: "2026-03-09"}
    assert state.pruned(date(2026, 3, 18)).asked == {}
