"""What a patient sees of their own history at the kiosk, without Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sitimer.core.history.adherence import adherence
from sitimer.core.history.rows import SessionRow


@dataclass(frozen=True)
class Figures:
    """A patient's adherence to one programme, at a glance."""

    sessions: int  # done, ever (not simulated), to the end or stopped early
    week_percent: float | None  # None while nothing is due yet this week (a Monday morning)
    streak_days: int
    today_done: int
    per_day: int


def figures(sessions: list[SessionRow], per_day: int, today: date) -> Figures:
    """This week's adherence, the streak and today's count; nothing is due before the first session."""
    real = [s for s in sessions if not s.simulated]
    monday = today - timedelta(days=today.weekday())
    kept = adherence(real, per_day, min(monday, today - timedelta(days=27)), today, today)
    return Figures(
        sessions=len(real),  # a stopped session counts too: it is on the patient's progress view
        week_percent=kept.week_percent,
        streak_days=kept.streak_days,
        today_done=kept.today_done,
        per_day=per_day,
    )
