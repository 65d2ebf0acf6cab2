"""The reminder settings page: on/off, quiet hours, start at login (written and removed), maintenance."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRect, QTime
from PySide6.QtWidgets import QMainWindow, QPushButton
from pytestqt.qtbot import QtBot

from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.reminders.state import QuietHours, ReminderState, ReminderStateStore, parse_times
from sitimer.qt.reminders.notifications import Notifier
from sitimer.qt.reminders.service import ReminderService
from sitimer.qt.reminders.settings import ProgrammeLine, ReminderSettingsView, settings_page
from tests.helpers.screens import LARGE_TEXT_SIZES, as_the_app_runs, overlapping
from tests.qt.reminders.test_reminders import tailored


@pytest.fixture
def service(tmp_path: Path, si_gewricht: Path, qtbot: QtBot) -> Iterator[ReminderService]:
    programme = tailored(tmp_path, si_gewricht, "09:00", "19:00")
    store = HistoryStore(tmp_path / "data" / "history.db")
    ReminderStateStore.in_folder(tmp_path / "data").save(ReminderState(maintenance={"si-gewricht": "19:00"}))
    made = ReminderService(
        tmp_path / "data",
        "en",
        open_store=lambda: store,
        programmes=lambda: [programme],
        notifier=Notifier(use_dbus=False),
        now=lambda: datetime(2026, 6, 10, 8, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    yield made
    store.close()


def test_changes_are_kept_at_once(
    service: ReminderService, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    page = settings_page(service, tmp_path / "data")
    qtbot.addWidget(page)
    entry = tmp_path / "config" / "autostart" / "sitimer.desktop"
    assert not page.autostart.isChecked() and not entry.exists()

    from sitimer.qt.reminders import settings

    monkeypatch.setattr(settings, "system_language", lambda: "nl")
    page.autostart.setChecked(True)  # English chosen on a Dutch system: kept for the login
    assert entry.is_file() and "--reminders --lang en --data-dir" in entry.read_text()
    page.autostart.setChecked(False)
    assert not entry.exists()
    monkeypatch.setattr(settings, "system_language", lambda: "en")
    page.autostart.setChecked(True)  # the system's own: the system's at login, whatever it is then
    assert "--reminders --data-dir" in entry.read_text() and "--lang" not in entry.read_text()
    page.autostart.setChecked(False)

    page.enabled.setChecked(False)
    page.quiet_start.setTime(QTime(21, 30))
    state = service.load()
    assert state.enabled is False and state.quiet == QuietHours(time(21, 30), time(7))

    with qtbot.waitSignal(page.maintenance_stopped):
        next(b for b in page.findChildren(QPushButton) if b.text() == "Stop these reminders").click()
    assert service.load().maintenance == {}


def test_starting_at_login_that_fails_says_why(
    service: ReminderService, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the config folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    page = settings_page(service, tmp_path / "data")
    qtbot.addWidget(page)
    page.autostart.setChecked(True)
    assert not page.autostart.isChecked()
    assert page.problem.text().startswith("Could not change it: ")


def test_the_patient_chooses_the_times(
    tmp_path: Path, si_gewricht: Path, si_blokkade: Path, qtbot: QtBot
) -> None:
    store = HistoryStore(tmp_path / "data" / "history.db")
    therapist = tailored(tmp_path, si_gewricht, "09:00", "19:00")
    service = ReminderService(
        tmp_path / "data",
        "en",
        open_store=lambda: store,
        programmes=lambda: [therapist, si_blokkade],
        notifier=Notifier(use_dbus=False),
        now=lambda: datetime(2026, 6, 10, 8, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    try:
        page = settings_page(service, tmp_path / "data")
        qtbot.addWidget(page)
        mine, herstel = page.time_fields["si-gewricht"], page.time_fields["si-blokkade-herstel"]
        assert mine.text() == "09:00, 19:00"  # the therapist's times are the default
        assert herstel.text() == ""  # none: the patient is offered the prescription's

        mine.setText("7:30 21:00")
        mine.editingFinished.emit()
        assert mine.text() == "07:30, 21:00"
        assert service.load().times == {"si-gewricht": ["07:30", "21:00"]}

        suggest = next(
            b for b in page.findChildren(QPushButton) if b.text() == "Suggested: 09:00, 14:00, 19:00"
        )
        suggest.click()  # 3-5 × a day: spread over the day
        assert herstel.text() == "09:00, 14:00, 19:00"
        assert service.load().times["si-blokkade-herstel"] == ["09:00", "14:00", "19:00"]

        herstel.setText("9 uur, 25:00")
        herstel.editingFinished.emit()
        assert page.problem.text() == "“9 uur, 25:00” is not a list of times; write them as 09:00, 19:00."
        assert herstel.property("bad") is True  # marked until it is right
        assert service.load().times["si-blokkade-herstel"] == ["09:00", "14:00", "19:00"]  # kept
        mine.setText("later")
        mine.editingFinished.emit()  # a second field wrong: both are told
        assert page.problem.text().splitlines() == [
            "“9 uur, 25:00” is not a list of times; write them as 09:00, 19:00.",
            "“later” is not a list of times; write them as 09:00, 19:00.",
        ]
        mine.setText("7:30 21:00")
        mine.editingFinished.emit()  # one put right: the other is still told, and marked
        assert page.problem.text() == "“9 uur, 25:00” is not a list of times; write them as 09:00, 19:00."
        assert herstel.property("bad") is True and mine.property("bad") is False
        # a screen reader reads why on the field itself, and nothing on the one put right
        assert herstel.accessibleDescription() == page.problem.text() and mine.accessibleDescription() == ""

        herstel.setText("")
        herstel.editingFinished.emit()
        assert page.problem.text() == ""
        assert service.load().times["si-blokkade-herstel"] == []  # no reminders for it
        assert service.times(load_file(si_blokkade)) == ()
    finally:
        store.close()


def test_the_time_fields_of_programmes_with_titles_of_any_length_line_up(qtbot: QtBot) -> None:
    # Seen in Dutch on Xvfb: each programme's line was laid out on its own, so the field after
    # a longer title began further right than the one above it.
    lines = [
        ProgrammeLine("a", "SI joint", ("09:00",), None, ("09:00", "19:00")),
        ProgrammeLine("b", "SI joint blockage: recovery exercises", (), None, ("09:00", "14:00", "19:00")),
    ]
    page = ReminderSettingsView(ReminderState(), lines, autostart_on=False, autostart_possible=True)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    short, long = (page.time_fields[key] for key in ("a", "b"))
    assert short.mapTo(page, short.rect().topLeft()).x() == long.mapTo(page, long.rect().topLeft()).x()
    assert short.width() == long.width()


def test_a_screen_reader_names_every_field_of_the_page(qtbot: QtBot) -> None:
    # Read over AT-SPI on Xvfb: the quiet hours' two times were a "spin button" with no name.
    from PySide6.QtGui import QAccessible

    lines = [ProgrammeLine("a", "SI joint", ("09:00",), None, ())]
    page = ReminderSettingsView(ReminderState(), lines, autostart_on=False, autostart_possible=True)
    qtbot.addWidget(page)
    page.show()

    def name(widget) -> str:  # type: ignore[no-untyped-def]
        return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)

    assert name(page.quiet_start) == "Quiet hours from"
    assert name(page.quiet_end) == "Quiet hours until"
    assert name(page.time_fields["a"]) == "SI joint, at:"


def test_times_are_read_as_people_write_them() -> None:
    assert parse_times("12.30 9u; 9 uur, 7:30 21h") == ["07:30", "09:00", "12:30", "21:00"]
    assert parse_times("") == []
    for wrong in ("25:00", "9u30", "12:60", "half negen", "9 uur later"):
        assert parse_times(wrong) is None, wrong


def test_a_time_the_quiet_hours_leave_out_is_told(tmp_path: Path, si_gewricht: Path, qtbot: QtBot) -> None:
    store = HistoryStore(tmp_path / "data" / "history.db")
    service = ReminderService(
        tmp_path / "data",
        "en",
        open_store=lambda: store,
        programmes=lambda: [tailored(tmp_path, si_gewricht, "09:00", "19:00")],
        notifier=Notifier(use_dbus=False),
        now=lambda: datetime(2026, 6, 10, 8, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )
    try:
        page = settings_page(service, tmp_path / "data")  # quiet hours 22:00-07:00, as by default
        qtbot.addWidget(page)
        field = page.time_fields["si-gewricht"]
        field.setText("06:00, 23:30")  # 06:00 waits until 07:00; 23:30 would wait until tomorrow
        field.editingFinished.emit()
        assert service.load().times["si-gewricht"] == ["06:00", "23:30"]  # kept, as the patient asked
        told = "23:30 is in your quiet hours, which end the next day: no reminder comes then."
        assert page.problem.text() == told
        page.quiet_start.setTime(QTime(23, 45))  # the quiet hours moved: no longer
        assert page.problem.text() == ""
    finally:
        store.close()


@pytest.mark.parametrize("size", LARGE_TEXT_SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_page_scrolls_in_a_window_of_large_text_with_nothing_cut(qtbot: QtBot, qapp, lang, size) -> None:
    """Seen at 1280×800 with 150 % scaling: the programmes' names were cut at their top and bottom,
    the page squeezed to the window's height."""
    lines = [
        ProgrammeLine("a", "SI joint: mobilising exercises", ("09:00",), None, ("09:00", "19:00")),
        ProgrammeLine("b", "SI joint blockage: recovery exercises", (), None, ("09:00", "14:00", "19:00")),
    ]
    with as_the_app_runs(qapp, lang):
        window = QMainWindow()
        qtbot.addWidget(window)
        page = ReminderSettingsView(ReminderState(), lines, autostart_on=False, autostart_possible=True)
        window.setCentralWidget(page)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        assert overlapping(page) == []
        back = page.back_button
        assert window.rect().contains(QRect(back.mapTo(window, back.rect().topLeft()), back.size()))
