"""What each cell of the overview says about one code: the week, the programme, pain, effort, the last
session. Words only; the figures themselves come from the server (core/practice/overview.py), made
by the adherence rules of core/history/adherence.py.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from sitimer.core.history.adherence import ADHERENT_SHARE
from sitimer.core.practice.overview import CodeLine
from sitimer.qt.common.dose_text import one_decimal

SAME_WITHIN = 0.5  # a 14-day mean of pain or effort that moved less than half a point is "the same"
RECENT_DAYS = 14  # "3 days ago" up to this; a date after it


def tr(text: str) -> str:
    """Translate in the "OverviewCells" context."""
    return QCoreApplication.translate("OverviewCells", text)


def behind(line: CodeLine) -> bool:
    """Whether the code's week is under the adherent share (nothing due is not behind)."""
    percent = line.week_percent
    return percent is not None and percent < ADHERENT_SHARE * 100


def week_text(line: CodeLine) -> str:
    """ "3 of 8 (38 %) · behind", or "nothing due yet"."""
    percent = line.week_percent
    if percent is None:
        return tr("nothing due yet")
    text = tr("{0} of {1} ({2} %)").format(line.week_done, line.week_due, round(percent))
    return tr("{0} · behind").format(text) if behind(line) else text


def total_text(line: CodeLine) -> str:
    """ "72 %" over the whole programme, or "—" when nothing is due."""
    percent = line.total_percent
    return "—" if percent is None else tr("{0} %").format(round(percent))


def total_tip(line: CodeLine) -> str:
    """ "45 of 62 sessions since the first one"."""
    return tr("{0} of {1} sessions since the first one").format(line.total_done, line.total_due)


def trend_text(pair: tuple[float | None, float | None], *, pain: bool, lang: str = "en") -> str:
    """The 14 days before and the last 14 days' mean, and which way it went, by an arrow and a word:
    "5.0 → 3.0 ↓ better". Pain: lower is better. Effort: lower is easier (the same dose felt lighter).
    """
    now, before = pair
    if now is None:
        return "—" if before is None else tr("{0} → —").format(one_decimal(before, lang))
    if before is None:
        return one_decimal(now, lang)
    if abs(now - before) < SAME_WITHIN:
        word = tr("= the same")
    elif now < before:
        word = tr("↓ better") if pain else tr("↓ easier")
    else:
        word = tr("↑ worse") if pain else tr("↑ harder")
    return tr("{0} → {1} {2}").format(one_decimal(before, lang), one_decimal(now, lang), word)


def trend_tip(pair: tuple[float | None, float | None], lang: str = "en") -> str:
    """Both means spelled out: "the last 14 days: 3.0; the 14 days before: 5.0"."""
    now, before = (("—" if value is None else one_decimal(value, lang)) for value in pair)
    return tr("the last 14 days: {0}; the 14 days before: {1}").format(now, before)


def last_text(started: str | None, now: datetime) -> str:
    """When the last session began, in ``now``'s time zone: "today 09:12", "yesterday 18:40",
    "3 days ago", a date; "never"."""
    if started is None:
        return tr("never")
    when = datetime.fromisoformat(started).astimezone(now.tzinfo)
    days = (now.date() - when.date()).days
    clock = when.strftime("%H:%M")
    if days <= 0:
        return tr("today {0}").format(clock)
    if days == 1:
        return tr("yesterday {0}").format(clock)
    if days <= RECENT_DAYS:
        return tr("{0} days ago").format(days)
    return when.date().isoformat()
