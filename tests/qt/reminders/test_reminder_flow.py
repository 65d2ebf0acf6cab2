"""Reminders in the main window: the banner's "start now" starts, a due check-in is asked, settings open."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sitimer.core.history.store import HistoryStore, SessionStart
from sitimer.core.reminders.state import ReminderStateStore
from sitimer.qt.reminders.checkin_view import CheckInView
from sitimer.qt.reminders.flow import ReminderFlow
from sitimer.qt.reminders.notifications import Notification, Notifier
from sitimer.qt.reminders.service import ReminderService
from sitimer.qt.reminders.settings import ReminderSettingsView
from sitimer.qt.window.main_window import MainWindow
from tests.helpers.screens import SIZES, as_the_app_runs, cut_buttons
from tests.qt.reminders.test_reminders import tailored

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The offscreen platform cannot raise a window above others; a desktop can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


class Setup:
    """A main window with reminders on a fake clock, no D-Bus and no tray."""

    def __init__(
        self,
        tmp_path: Path,
        si_gewricht: Path,
        qtbot: QtBot,
        times: tuple[str, ...] = ("09:00", "19:00"),
        lang: str = "en",
    ) -> None:
        self.data = tmp_path / "data"
        self.programme = tailored(tmp_path, si_gewricht, *times)
        self.store = HistoryStore(self.data / "history.db")
        self.now = datetime(2026, 6, 10, 9, 0, tzinfo=AMSTERDAM)
        self.started: list[Path] = []
        self.window = MainWindow(data_dir=self.data, lang=lang, start_session=self.started.append)
        qtbot.addWidget(self.window)
        service = ReminderService(
            self.data,
            lang,
            open_store=lambda: self.store,
            programmes=lambda: [self.programme],
            notifier=Notifier(use_dbus=False),
            now=lambda: self.now,
        )
        self.flow = ReminderFlow(
            self.window,
            self.data,
            lang,
            open_store=lambda: self.store,
            start_session=self.started.append,
            background=True,
            service=service,
        )


@pytest.fixture
def setup(tmp_path: Path, si_gewricht: Path, qtbot: QtBot) -> Iterator[Setup]:
    made = Setup(tmp_path, si_gewricht, qtbot)
    yield made
    made.flow.stop()
    made.store.close()


def test_in_the_background_the_banner_brings_the_window_and_starts(setup: Setup, qtbot: QtBot) -> None:
    assert not setup.window.isVisible()
    setup.flow.start()  # 09:00: no notification service, no tray
    assert setup.window.isVisible() and setup.flow.banner.isVisible()
    assert "0 of 2 sessions done today" in setup.flow.banner.text.text()

    # The list behind the banner is on the programme the reminder is about, not the first one.
    assert setup.window.picker.selected_path() == setup.programme

    setup.flow.banner.chosen.emit("start-now")
    assert setup.started == [setup.programme]
    assert not setup.flow.banner.isVisible()


def test_a_click_on_the_desktops_notification_brings_the_window_with_its_token(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Wayland the token the desktop sent for the click goes to Qt as the window comes up, and
    is gone after."""
    from sitimer.qt.common import screen

    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    monkeypatch.setattr(screen.QGuiApplication, "platformName", staticmethod(lambda: "wayland"))
    setup.flow.start()
    setup.window.showMinimized()
    seen: list[str | None] = []
    monkeypatch.setattr(
        setup.window, "activateWindow", lambda: seen.append(os.environ.get("XDG_ACTIVATION_TOKEN"))
    )
    notifier = setup.flow.service.notifier
    reminder = setup.flow.service.banner_token
    assert reminder is not None
    notifier._ids[7] = Notification(reminder, "Time for your exercises", "", (("start-now", "Start now"),))
    notifier._on_activation_token(7, "abc_TIME42")
    notifier._on_action(7, "default")
    assert setup.started == [setup.programme]
    assert seen == ["abc_TIME42"]
    assert not setup.window.isMinimized()
    assert "XDG_ACTIVATION_TOKEN" not in os.environ


def test_not_today_from_the_banner_is_kept(setup: Setup) -> None:
    setup.flow.start()
    setup.flow.banner.chosen.emit("not-today")
    assert ReminderStateStore.in_folder(setup.data).load().not_today == {"si-gewricht": "2026-06-10"}
    assert setup.started == []


def test_a_due_check_in_is_asked_when_the_window_opens(setup: Setup) -> None:
    first = datetime(2026, 5, 1, 9, tzinfo=AMSTERDAM)
    old = HistoryStore(setup.data / "history.db", now=lambda: first)
    sid = old.begin(SessionStart("si-gewricht", "SI-gewricht", "hash", 2, 2, 10, {}))
    old.end(sid, "completed")
    old.close()
    setup.flow.background = False

    assert setup.flow.offer_checkin()
    page = setup.window.page
    assert isinstance(page, CheckInView)
    page.gpe.buttons[4].click()  # GPE 5: slightly worse
    page.psk.names[0].setText("Running")
    page.psk.scores[0].pick(8)
    page.psk.save_button.click()
    page.ok_button.click()
    assert setup.window.page is None  # back to the picker
    state = ReminderStateStore.in_folder(setup.data).load()
    assert state.checkins == {"si-gewricht|review": "not_lessened"}
    assert not setup.flow.offer_checkin()
    store = HistoryStore(setup.data / "history.db")
    assert [g.value for g in store.gpe("si-gewricht")] == [5]  # into the history, for the therapist
    assert [p.items for p in store.psk("si-gewricht")] == [(("Running", 8),)]
    store.close()


def test_settings_open_from_the_shortcut_and_go_back(setup: Setup, qtbot: QtBot) -> None:
    """Ctrl+, as the user guide says (Qt's StandardKey.Preferences has no keys on Linux)."""
    setup.window.show()
    with qtbot.waitActive(setup.window):
        setup.window.activateWindow()
    qtbot.keyClick(setup.window.picker, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(setup.window.page, ReminderSettingsView)
    setup.window.page.back_button.click()
    assert setup.window.page is None
    setup.flow.show_settings()
    qtbot.keyClick(setup.window.page, Qt.Key.Key_Escape)  # Esc goes back too, as on the other pages
    assert setup.window.page is None


def test_after_the_first_session_reminder_times_are_offered_once(
    tmp_path: Path, si_gewricht: Path, qtbot: QtBot
) -> None:
    setup = Setup(tmp_path, si_gewricht, qtbot, times=())  # as bundled: no reminder times
    try:
        setup.flow.background = False
        setup.flow.start()
        assert not setup.flow.banner.isVisible()  # nothing reminds out of the box
        assert setup.flow.offer_times() is None  # no session yet: nothing offered
        today = HistoryStore(setup.data / "history.db", now=lambda: setup.now)  # the first session
        sid = today.begin(SessionStart("si-gewricht", "SI-gewricht", "hash", 2, 2, 10, {}))
        today.end(sid, "completed")
        today.close()

        setup.flow.session_finished()
        box = setup.flow.offer
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.text() == "Shall sitimer remind you of “SI joint: mobilising exercises” at 09:00, 19:00?"
        yes = next(b for b in box.buttons() if b.text() == "Yes, remind me")
        yes.click()
        state = ReminderStateStore.in_folder(setup.data).load()
        assert state.times == {"si-gewricht": ["09:00", "19:00"]}

        setup.flow.service.check()  # 09:00, one of two sessions done: now it reminds
        assert "1 of 2 sessions done today" in setup.flow.banner.text.text()
        setup.flow.offer = None
        setup.flow.session_finished()
        assert setup.flow.offer is None  # offered once
    finally:
        setup.flow.stop()
        setup.store.close()


def test_choose_times_opens_the_settings_with_the_times_offered_ready_to_change(
    tmp_path: Path, si_gewricht: Path, qtbot: QtBot
) -> None:
    """ "Choose times…" opened the reminder page with the programme's field empty and nothing in
    focus: the times just offered were gone, and the patient had to find the field."""
    setup = Setup(tmp_path, si_gewricht, qtbot, times=())
    try:
        setup.window.show()
        first = HistoryStore(setup.data / "history.db", now=lambda: setup.now)
        sid = first.begin(SessionStart("si-gewricht", "SI-gewricht", "hash", 2, 2, 10, {}))
        first.end(sid, "completed")
        first.close()
        setup.flow.session_finished()
        box = setup.flow.offer
        assert box is not None
        next(b for b in box.buttons() if b.text() == "Choose times…").click()
        page = setup.window.page
        assert isinstance(page, ReminderSettingsView)
        field = page.time_fields["si-gewricht"]
        assert field.text() == "09:00, 19:00"
        qtbot.waitUntil(lambda: field.hasFocus() and field.selectedText() == "09:00, 19:00", timeout=2000)
        qtbot.keyClicks(field, "08:00, 20:30")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        state = ReminderStateStore.in_folder(setup.data).load()
        assert state.times == {"si-gewricht": ["08:00", "20:30"]}
    finally:
        setup.flow.stop()
        setup.store.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_offer_shows_each_answer_whole(
    tmp_path: Path, si_gewricht: Path, qtbot: QtBot, qapp: QApplication, lang: str, size: tuple[int, int]
) -> None:
    """The dialogs' style sheet gave a button a minimum width, and a message box sized its buttons
    to that minimum: "Ja, herinner mij" showed as ", herinner n"."""
    with as_the_app_runs(qapp, lang):
        setup = Setup(tmp_path, si_gewricht, qtbot, times=(), lang=lang)
        try:
            setup.window.resize(*size)
            setup.window.show()
            first = HistoryStore(setup.data / "history.db", now=lambda: setup.now)  # the first session
            sid = first.begin(SessionStart("si-gewricht", "SI-gewricht", "hash", 2, 2, 10, {}))
            first.end(sid, "completed")
            first.close()
            setup.flow.session_finished()
            box = setup.flow.offer
            assert box is not None and box.isVisible()
            assert len(box.buttons()) == 3
            if lang == "nl":  # the Dutch words were measured
                assert box.buttons()[0].text() == "Ja, herinner mij"
            assert cut_buttons(box) == []
            assert box.width() <= size[0]
        finally:
            setup.flow.stop()
            setup.store.close()
