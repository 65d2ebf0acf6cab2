"""How a patient's own figures read, at the kiosk and in the home picker: "Today: 1 of 2", "5 days in a row".

The words go through Qt's translator, context "Figures".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # the picker's first screen reads no history
    from sitimer.core.history.adherence import Figures


def tr(text: str) -> str:
    """Translate in the "Figures" context."""
    return QCoreApplication.translate("Figures", text)


def today_text(figures: Figures) -> str:
    """Today's sessions done of the day's minimum: "Today: 1 of 2"."""
    return tr("Today: {0} of {1}").format(figures.today_done, figures.per_day)


def streak_text(figures: Figures) -> str:
    """The days kept in a row: "1 day in a row", "5 days in a row" (today counts once it is kept)."""
    days = tr("1 day in a row") if figures.streak_days == 1 else tr("{0} days in a row")
    return days.format(figures.streak_days)


def week_text(figures: Figures) -> str | None:
    """This week's adherence, "This week: 80 %"; None on a Monday morning, when nothing is due yet."""
    if figures.week_percent is None:
        return None
    return tr("This week: {0} %").format(round(figures.week_percent))
