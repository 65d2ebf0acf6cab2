"""The history view, as a patient glances at it."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCharts import QCategoryAxis, QDateTimeAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QFontMetrics

from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.qt.common.translation import install_translator
from sitimer.qt.progress.view import HistoryView
from sitimer.qt.session.questions import EarsView
from tests.helpers.history_data import record_session, two_weeks
from tests.helpers.screens import SIZES, as_the_app_runs, cut_buttons


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
    assert "93 % this week" in figures  # 13 of 14 in the week of 9 November
    assert "4 days in a row" in figures  # 12-15 November; the 11th missed its morning
    assert view.dose_bars["molenwieken"].value() == 93  # 26 of 28 prescribed sessions
    series = view.chart.chart().series()
    assert [s.count() for s in series] == [26, 26]  # pain and effort of every real session
    # what a screen reader says of the lines it cannot see
    assert view.chart.accessibleDescription() == (
        "pain (0–10): from 6 to 3, 26 sessions; effort (Borg CR10): from 4 to 4, 26 sessions"
    )


def test_a_monday_morning_has_nothing_due_yet_not_0_percent(qtbot, tmp_path, si_gewricht):
    """Opened the Monday after the two weeks, before its first session: the week has no figure yet
    and no verdict, and the dose is of the days that are over (26 of 28), as the report counts it."""
    view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 16))
    figures = [w.accessibleName() for w in view.findChildren(type(view.calendar).__mro__[1])]
    # read out as words: a screen reader said "dash this week" and "zero slash two sessions today"
    assert "this week: nothing due yet" in figures and not any(f.endswith("% this week") for f in figures)
    assert "0 of 2 sessions today" in figures
    assert view.week_line.text() == "Nothing missed yet this week: today counts from your first session."
    assert view.dose_bars["molenwieken"].value() == 93
    assert view.calendar.accessibleName() == "12 of 14 days kept"  # not of 15: today is not over


def test_in_dutch(qtbot, qapp, tmp_path, si_gewricht):
    translator = install_translator(qapp, "nl")  # the words come from the app's Dutch translation
    assert translator is not None
    try:
        view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 15), lang="nl")
        assert view.chart.chart().series()[0].name() == "pijn (0–10)"
        assert view.chart.accessibleDescription().startswith("pijn (0–10): van 6 naar 3, 26 sessies; ")
        assert view.calendar.names == ["ma", "di", "wo", "do", "vr", "za", "zo"]
        assert view.calendar.accessibleName() == "12 van 14 dagen volgens schema"
    finally:
        qapp.removeTranslator(translator)


def test_in_english_without_a_translator(qtbot, tmp_path, si_gewricht):
    view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 15))
    assert view.calendar.names == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert view.chart.chart().series()[1].name() == "effort (Borg CR10)"


def axis_labels(view) -> list[str]:
    """The time axis's labels as drawn: a category axis lists them; a date-time axis (as it was)
    writes each of its evenly spaced ticks in its format."""
    chart = view.chart.chart()
    [axis] = chart.axes(Qt.Orientation.Horizontal)
    if isinstance(axis, QCategoryAxis):
        return axis.categoriesLabels()
    assert isinstance(axis, QDateTimeAxis)
    first, last, n = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch(), axis.tickCount()
    moments = [QDateTime.fromMSecsSinceEpoch(round(first + i * (last - first) / (n - 1))) for i in range(n)]
    if chart.localizeNumbers():
        return [chart.locale().toString(m, axis.format()) for m in moments]
    return [m.toString(axis.format()) for m in moments]


def sessions_on(store_path, programme, moments):
    plan = build_plan(load_file(programme))
    now = [moments[0]]
    store = HistoryStore(store_path, now=lambda: now[0])
    for moment in moments:
        now[0] = moment
        sid = record_session(store, plan)
        store.rate(sid, pain=3, effort=4, note="")
    return store


def test_sessions_on_one_day_are_told_apart_on_the_time_axis(qtbot, tmp_path, si_gewricht):
    day = datetime(2026, 12, 4, tzinfo=UTC)
    store = sessions_on(tmp_path / "h.db", si_gewricht, [day + timedelta(hours=h) for h in (7, 12, 18)])
    view = HistoryView(store, load_file(si_gewricht), "en", today=date(2026, 12, 4))
    qtbot.addWidget(view)
    labels = axis_labels(view)
    assert len(labels) >= 3 and len(set(labels)) == len(labels), labels  # not "4 Dec" five times


def test_the_last_time_label_shows_whole(qtbot, tmp_path, si_gewricht):
    """One evening's session: the axis runs by the hour, and "6 Dec 23:00" sat half off the chart."""
    store = sessions_on(tmp_path / "h.db", si_gewricht, [datetime(2026, 12, 6, 21, 30, tzinfo=UTC)])
    view = HistoryView(store, load_file(si_gewricht), "en", today=date(2026, 12, 6))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    chart = view.chart.chart()
    [axis] = chart.axes(Qt.Orientation.Horizontal)
    assert (
        view.chart.accessibleDescription()
        == "pain (0–10): 3, one session; effort (Borg CR10): 4, one session"
    )
    last = axis_labels(view)[-1]
    assert ":" in last  # by the hour
    half = QFontMetrics(axis.labelsFont()).horizontalAdvance(last) / 2
    assert chart.plotArea().right() + half <= chart.size().width(), last
    # and the day is on the first label drawn, the second: Qt Charts hides the one on the plot's left
    # edge (its text items cannot be read from Python; seen on Xvfb), and the axis read "11:00",
    # "12:00" with no day at all (a patient over two weeks, QA)
    assert "Dec" in axis_labels(view)[1], axis_labels(view)


def test_the_time_axis_speaks_dutch_even_when_empty(qtbot, tmp_path, si_gewricht):
    store = HistoryStore(tmp_path / "h.db")
    view = HistoryView(store, load_file(si_gewricht), "nl", today=date(2026, 12, 4))
    qtbot.addWidget(view)
    assert view.chart.accessibleDescription() == "No answers yet"
    labels = axis_labels(view)
    assert labels and not [label for label in labels if "Jan" in label or "Dec" in label], labels
    assert any("nov" in label for label in labels) and any("dec" in label for label in labels), labels


def test_the_chart_text_is_large_enough_for_older_eyes(qtbot, tmp_path, si_gewricht):
    view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 15))
    chart = view.chart.chart()
    for axis in chart.axes():
        assert axis.labelsFont().pixelSize() >= 16 or axis.labelsFont().pointSizeF() >= 12
    labels = axis_labels(view)
    assert len(set(labels)) == len(labels), labels


def test_the_week_is_on_track_at_80_percent_and_the_patients_own_answers_show(qtbot, tmp_path, si_gewricht):
    store = two_weeks(tmp_path / "history.db", si_gewricht)  # 13 of 14 in the week of 9 November
    store.save_gpe("si-gewricht", datetime(2026, 11, 15, 9, tzinfo=UTC), 2)
    store.save_psk("si-gewricht", datetime(2026, 11, 2, 9, tzinfo=UTC), (("Running", 7), ("Sitting", 5)))
    store.save_psk("si-gewricht", datetime(2026, 11, 15, 9, tzinfo=UTC), (("Running", 3), ("Sitting", 2)))
    store.save_missed_reason("si-gewricht", date(2026, 11, 5), "no_time")
    store.save_missed_reason("si-gewricht", date(2026, 11, 11), "no_time")
    saved = []

    def save_ears(answers):
        store.save_ears("si-gewricht", date(2026, 11, 15), answers)
        saved.append(answers)

    view = HistoryView(store, load_file(si_gewricht), "en", today=date(2026, 11, 15), save_ears=save_ears)
    qtbot.addWidget(view)
    view.show()
    assert view.week_line.text() == "On track this week: 80 % or more of the prescribed sessions done."
    lines = view.own.lines.text().splitlines()
    assert lines == [
        "Your complaints: Much improved (on 15 November 2026)",
        "Your activities (0 no trouble, 10 impossible): Running 7 → 3, Sitting 5 → 2",
        "Why sessions were missed: No time 2×",
    ]
    assert view.own.ears_button is not None and not view.own.ears_button.isHidden()
    dialog = view.own.ask_ears()  # the weekly questions, from the progress view too
    [ears] = dialog.findChildren(EarsView)
    ears.choose((0, 4, 4, 0, 4, 0))
    ears.save_button.click()
    assert saved == [(0, 4, 4, 0, 4, 0)]
    first = view.own.lines.text().splitlines()[0]
    # the day it was answered (the store's clock), not "week of": the questions look back on the week before
    assert first == "Weekly questions (EARS): 24 of 24 (on 10 November 2026)"


def test_a_week_below_80_percent_with_extra_and_unfinished_sessions_says_so(qtbot, tmp_path, si_blokkade):
    """SI-blokkade, "3-5x per dag": Monday 5 (2 above the minimum), Tuesday 1 and one skipped through."""
    plan = build_plan(load_file(si_blokkade))
    now = [datetime(2026, 11, 2, 6, tzinfo=UTC)]
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    for hour in (6, 9, 12, 15, 18):
        now[0] = datetime(2026, 11, 2, hour, tzinfo=UTC)
        record_session(store, plan)
    now[0] = datetime(2026, 11, 3, 9, tzinfo=UTC)
    record_session(store, plan)
    now[0] = datetime(2026, 11, 3, 12, tzinfo=UTC)
    record_session(store, plan, status="partial")
    view = HistoryView(store, load_file(si_blokkade), "en", today=date(2026, 11, 4))  # Wednesday morning
    qtbot.addWidget(view)
    assert view.week_line.text() == (  # 3 + 1 of 6 prescribed: 67 %
        "Not yet on track this week: that takes 80 % of the prescribed sessions. Sessions above the "
        "minimum: 2. Not completed (too little of the exercises done, or stopped): 1."
    )
    assert view.own.ears_button is None  # no way to save them given (the kiosk): not offered
    assert (
        view.own.lines.text() == "No answers of your own yet: they are asked after a session, now and then."
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_page_fits_the_screen_with_every_button_whole(qtbot, qapp, tmp_path, si_blokkade, lang, size):
    """Seen at 1024×768 in Dutch: the page was 1048 pixels wide, as the programme's title under
    "Uw voortgang" would not wrap; full screen, "Terug" was cut off at the right."""
    with as_the_app_runs(qapp, lang):
        store = two_weeks(tmp_path / "history.db", si_blokkade)
        view = HistoryView(store, load_file(si_blokkade), lang, today=date(2026, 11, 15))
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        assert view.minimumSizeHint().width() <= size[0]
        assert view.width() == size[0]
        assert cut_buttons(view) == []


def test_the_weekly_questions_opened_here_are_not_skipped_by_enter(qtbot, tmp_path, si_gewricht):
    """Opened from the progress view, the questions came up with the keyboard on Skip: Enter, pressed
    to begin, skipped them, and each week's are asked once. Now Enter chooses nothing, Tab goes
    through the answers before Skip, and Enter saves once all six are answered."""
    store = two_weeks(tmp_path / "history.db", si_gewricht)
    saved = []
    view = HistoryView(store, load_file(si_gewricht), "en", today=date(2026, 11, 15), save_ears=saved.append)
    qtbot.addWidget(view)
    view.show()
    dialog = view.own.ask_ears()
    with qtbot.waitExposed(dialog):
        pass
    [ears] = dialog.findChildren(EarsView)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and saved == []
    assert [group.checkedId() for group in ears.groups] == [-1] * 6  # nothing chosen for the patient
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ears.groups[0].button(0)  # the first statement's first answer
    ears.choose((0, 4, 4, 0, 4, 0))
    order, widget = [], ears.groups[-1].button(4)
    for _ in range(2):
        widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [ears.skip_button, ears.save_button]
    qtbot.keyClick(ears.groups[-1].button(0), Qt.Key.Key_Return)
    assert saved == [(0, 4, 4, 0, 4, 0)] and not dialog.isVisible()


def test_esc_goes_back_as_on_the_other_pages(qtbot, tmp_path, si_gewricht):
    view = _view(qtbot, tmp_path, si_gewricht, today=date(2026, 11, 15))
    with qtbot.waitSignal(view.back, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_by_the_hour_the_day_is_named_only_where_it_changes(qtbot, tmp_path, si_gewricht):
    """Two evenings' sessions within two days: six "7 Dec 18:00"-long labels did not fit the check-in's
    half-width chart, and Qt cut them to "7 de…", four alike."""
    moments = [datetime(2026, 12, 7, 18, tzinfo=UTC), datetime(2026, 12, 8, 9, tzinfo=UTC)]
    store = sessions_on(tmp_path / "h.db", si_gewricht, moments)
    view = HistoryView(store, load_file(si_gewricht), "en", today=date(2026, 12, 8))
    qtbot.addWidget(view)
    labels = axis_labels(view)
    named = [label for label in labels if "Dec" in label]
    # the first two (Qt draws no label on the plot's left edge), and the next day's first
    assert labels[:2] == named[:2] and 2 <= len(named) <= 3, labels
    assert all(re.fullmatch(r"\d\d:\d\d", label) for label in labels if label not in named), labels


def test_a_session_stopped_on_the_first_day_is_said(qtbot, tmp_path, si_gewricht):
    """Stopped on the first day: the week had no figure yet, and its words ("Nothing missed yet …")
    left the stopped session out, though the report and `history` counted it as not completed."""
    moment = datetime(2026, 12, 5, 9, tzinfo=UTC)
    store = HistoryStore(tmp_path / "history.db", now=lambda: moment)
    record_session(store, build_plan(load_file(si_gewricht)), status="stopped")
    view = HistoryView(store, load_file(si_gewricht), "en", today=date(2026, 12, 5))
    qtbot.addWidget(view)
    assert view.week_line.text() == (
        "Nothing missed yet this week: today counts from your first session."
        " Not completed (too little of the exercises done, or stopped): 1."
    )
