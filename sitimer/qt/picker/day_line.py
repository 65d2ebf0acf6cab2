"""A returning patient's day at a glance, under the programme's name: "Today: 1 of 2 · 5 days in a row".

From the history: the sessions completed today of the day's minimum (with "✓" once it is reached)
and the days kept in a row. Only once the patient has done this programme lately: a new patient, or
a history with nothing of it in the last five weeks, gets no line. A history busy or unreadable is
said, and the line left out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sitimer.core.notices import say
from sitimer.qt.common import figures_text

if TYPE_CHECKING:
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.programme.model import Programme

LOOK_BACK_DAYS = 35  # the days in a row are counted back four weeks at most


def day_line(
    data_dir: Path, open_store: Callable[[], HistoryStore], programme: Programme, today: date
) -> str | None:
    """The line for ``programme`` on ``today``; None when there is nothing of it to count yet."""
    if not (data_dir / "history.db").exists():
        return None  # nothing done yet: no history is made for it until something is
    from sitimer.core.history.adherence import figures  # (the picker's first screen reads no history)
    from sitimer.core.history.errors import HistoryError

    try:
        sessions = open_store().sessions(since=(today - timedelta(days=LOOK_BACK_DAYS)).isoformat())
    except HistoryError as err:  # busy or unreadable: the picker without the day, and why
        say(str(err))
        return None
    own = [s for s in sessions if s.programme == programme.id]
    day = figures(own, int(programme.frequency.sessions_per_day.min), today)
    if not day.sessions:
        return None
    parts = [figures_text.today_text(day) + (" ✓" if day.today_done >= day.per_day else "")]
    if day.streak_days:
        parts.append(figures_text.streak_text(day))
    return " · ".join(parts)
