"""When to ask the patient's own reports after a session: why a session was missed, and the EARS.

- Missed: after a session, when yesterday had fewer completed sessions than the prescribed
  minimum (and the programme had begun by then), the patient is asked why, with one tap. Asked
  once for that day: an answer or a skip, and it is not asked again.
- EARS (Exercise Adherence Rating Scale): once a week, after the first session of a new week,
  once the patient has had a whole week of the programme to look back on. Skipped, it waits
  for the next week (it can still be filled in from the progress view).

What was asked is kept in the reminder state (:attr:`ReminderState.asked`), per programme and
profile, so a question shows once even when sitimer was closed in between.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from enum import StrEnum

from sitimer.core.history.rows import SessionRow
from sitimer.core.reminders.rules import first_session_day, sessions_done
from sitimer.core.reminders.state import ReminderState


class Question(StrEnum):
    """A question asked apart from a session's own."""

    MISSED = "missed"  # why yesterday's prescribed sessions were not all done
    EARS = "ears"  # the weekly adherence questionnaire


def asked_key(programme: str, profile: str, question: Question) -> str:
    """How a question's last asking is kept in the state: "programme|profile|question"."""
    return f"{programme}|{profile}|{question.value}"


def monday(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def missed_day(
    sessions: Iterable[SessionRow],
    programme: str,
    per_day: int,
    today: date,
    *,
    reasons: Iterable[date] = (),
    asked: str | None = None,
) -> date | None:
    """Yesterday, when its completed sessions fell short of ``per_day`` and no reason was given or
    asked for yet; None otherwise (also before the programme's first day)."""
    rows = list(sessions)
    first = first_session_day(rows, programme)
    yesterday = today - timedelta(days=1)
    if first is None or yesterday < first or per_day < 1:
        return None
    if sessions_done(rows, programme).get(yesterday, 0) >= per_day:
        return None
    if yesterday in set(reasons) or asked == yesterday.isoformat():
        return None
    return yesterday


def ears_week(
    first_day: date | None, today: date, *, answered: Iterable[date] = (), asked: str | None = None
) -> date | None:
    """This week's Monday when the EARS is due: a whole week since the first session, and this week
    neither answered nor asked yet."""
    week = monday(today)
    if first_day is None or today - first_day < timedelta(days=7):
        return None
    if week in {monday(d) for d in answered} or asked == week.isoformat():
        return None
    return week


def mark_asked(state: ReminderState, key: str, day: date) -> ReminderState:
    """The state once a question was shown for ``day`` (a missed day, or an EARS week's Monday)."""
    return replace(state, asked={**state.asked, key: day.isoformat()})
