"""The history view, as a patient glances at it."""

from datetime import date

from sitimer.core.loader import load_file
from sitimer.qt.history_view import HistoryView
from tests.history_data import two_weeks


def _view(qtbot, tmp_path, si_gewricht, today, lang="en"):
    store = two_weeks(tmp_path / "history.db", si_gewricht)
    view = HistoryView(store, load_file(si_gewricht), lang, today=today)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    return view


def test_the_calendar_shows_four_weeks_with_sessions_done_and_due(qtbot, tmp_path, si_gewricht):
    view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 15))
    days = {d.day: d for d in view.calendar.days}
    assert len(days) == 28 and min(days) == date(2026, 10, 19) and max(days) == date(2026, 11, 15)
    assert days[date(2026, 11, 5)].done == 1 and not days[date(2026, 11, 5)].kept  # the missed evening
    assert days[date(2026, 11, 6)].kept
    assert days[date(2026, 10, 30)].prescribed == 0  # before the programme started: nothing due
    assert view.calendar.accessibleName() == "12 of 14 days kept"


def test_figures_dose_and_trend_reflect_the_history(qtbot, tmp_path, si_gewricht):
    view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 15))
    figures = [
        w.accessibleName()
        for w in view.findChildren(type(view.calendar).__mro__[1])
        if w.accessibleName().endswith(("this week", "days in a row"))
    ]
    assert "93 % this week" in figures  # 13 of 14 in the week of 9 November
    assert "4 days in a row" in figures  # 12-15 November; the 11th missed its morning
    assert view.dose_bars["molenwieken"].value() == 93  # 26 of 28 prescribed sessions
    series = view.chart.chart().series()
    assert [s.count() for s in series] == [26, 26]  # pain and effort of every real session


def test_in_dutch(qtbot, tmp_path, si_gewricht):
    view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 15), lang="nl")
    assert view.chart.chart().series()[0].name() == "pijn (0–10)"
