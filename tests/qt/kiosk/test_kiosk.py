"""The kiosk as a practice gym meets it: codes, a patient's own page, idle reset, the PIN, exports.

Time is a FakeClock: wrong-PIN delays and idle minutes pass when the test says so.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QWidget,
)

from sitimer.core.clock import FakeClock
from sitimer.core.history import store as store_module
from sitimer.core.history.store import HistoryStore
from sitimer.core.kiosk.config import STATION_PROFILE, KioskConfig, KioskConfigStore
from sitimer.core.kiosk.pin import CODE_FORGET_S, PinHash, verify_pin
from sitimer.core.options import Options
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.engine import State
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.common import files
from sitimer.qt.kiosk.app import KioskApp
from sitimer.qt.kiosk.pages import PatientPage, PinPage, StartPage, StationPage
from sitimer.qt.kiosk.therapist import TherapistPage
from sitimer.qt.progress.view import HistoryView
from sitimer.qt.reminders.flow import ReminderFlow
from sitimer.qt.session.rating import RatingView
from sitimer.qt.session.view import SessionView
from tests.conftest import REPO
from tests.helpers.history_data import record_session
from tests.helpers.screens import SIZES, as_the_app_runs, cut_buttons

PIN = "2468"
TODAY = date(2026, 11, 15)  # a Sunday
SHORT = """\
id: station-plank
title: Plank
frequency:
  sessions_per_day: 1
exercises:
  - id: plank
    name: Plank
    instructions: Hold your body straight.
    kind: hold
    hold_s: {hold_s}
    sides: none
"""


def cheap_pin(pin: str) -> PinHash:
    """A PIN hashed at a tiny scrypt cost (stored with it), so the test spends no time hashing."""
    salt = b"kiosk-test-salt!"
    return PinHash(salt, hashlib.scrypt(pin.encode(), salt=salt, n=16, r=8, p=1, dklen=32), n=16)


def quiet() -> tuple[SilentTonePlayer, SilentSpeaker]:
    """No sound device: real sound is proven in test_real_sound.py, not here."""
    return SilentTonePlayer(), SilentSpeaker()


def short_programme(folder: Path, hold_s: float = 1) -> Path:
    path = folder / "plank.yaml"
    path.write_text(SHORT.format(hold_s=hold_s))
    return path


def add_sessions(store_path: Path, programme: Path, profile: str, moments: list[datetime]) -> list[int]:
    """Completed, rated sessions of ``programme`` under ``profile``, started at ``moments``."""
    plan = build_plan(load_file(programme))
    now = [moments[0]]
    store = HistoryStore(store_path, now=lambda: now[0])
    ids = []
    for moment in moments:
        now[0] = moment
        sid = record_session(store, plan, profile=profile)
        store.rate(sid, pain=3, effort=4, note=f"note of {profile}")
        ids.append(sid)
    store.close()
    return ids


def twice_a_day(days: int) -> list[datetime]:
    """07:00 and 18:00 UTC on each of the last ``days`` days up to TODAY."""
    first = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC) - timedelta(days=days - 1)
    return [first + timedelta(days=d, hours=h) for d in range(days) for h in (7, 18)]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    quiet_and_straight_in = {"voice": False, "ask_pain_before": False}  # no speech engine, no question first
    (folder / "settings.json").write_text(json.dumps(quiet_and_straight_in))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_kiosk(qtbot, data: Path, clock: FakeClock) -> Iterator[Callable[..., KioskApp]]:
    """A kiosk on the fake clock, with codes (and a station) set up as asked."""
    made: list[KioskApp] = []

    def make(
        codes: dict[str, list[str]], *, station: str | None = None, today: date = TODAY, **options: object
    ) -> KioskApp:
        # as written, not through assign(): an old short code may be among them, as an older kiosk.json has
        written = {code: tuple(refs) for code, refs in sorted(codes.items())}
        config = KioskConfig(pin=cheap_pin(PIN), station=station, codes=written)
        KioskConfigStore.in_folder(data).save(config)
        options_ = Options(lang="en", data_dir=data, **options)
        app = KioskApp(options_, clock=clock, today=lambda: today, sound=quiet)
        qtbot.addWidget(app.window)
        made.append(app)
        return app

    yield make
    for app in made:
        app.input.stop()  # the application-wide event filter goes with its kiosk


def texts(root: QWidget) -> str:
    """Every piece of text in ``root`` and below, shown or not: labels, buttons, fields, lists, names."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QListWidget):
            found += [widget.item(row).text() for row in range(widget.count())]
    return "\n".join(found)


def button(page: QWidget, text: str) -> QAbstractButton:
    return next(b for b in page.findChildren(QAbstractButton) if b.text() == text)


def deleted_pages_gone() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def type_in(qtbot, page: QWidget, digits: str) -> None:
    qtbot.keyClicks(page, digits)
    qtbot.keyClick(page, Qt.Key.Key_Return)


# -- a patient -----------------------------------------------------------------------------------
def test_on_a_monday_morning_the_week_has_no_figure_yet(qtbot, make_kiosk, data, si_gewricht):
    """Last week kept to the full; this Monday nothing done yet: no "This week: 0 %" before the patient
    could do anything, the streak still holds."""
    add_sessions(data / "history.db", si_gewricht, "123456", twice_a_day(7))
    app = make_kiosk({"123456": ["si-gewricht.yaml"]}, today=TODAY + timedelta(days=1))
    type_in(qtbot, app.window.start_page, "123456")
    shown = texts(app.window.page)
    assert "7 days in a row" in shown and "Today: 0 of 2" in shown and "This week" not in shown


def test_a_patient_sees_only_their_own_programmes_and_figures(qtbot, make_kiosk, data, si_gewricht):
    add_sessions(data / "history.db", si_gewricht, "123456", twice_a_day(7))  # every session of the week
    add_sessions(data / "history.db", si_gewricht, "567890", [datetime(2026, 11, 15, 7, tzinfo=UTC)])
    app = make_kiosk(
        {"123456": ["si-gewricht.yaml"], "567890": ["si-gewricht.yaml", "si-blokkade-herstel.yaml"]}
    )
    type_in(qtbot, app.window.start_page, "123456")
    page = app.window.page
    assert isinstance(page, PatientPage)
    shown = texts(page)
    assert "SI joint: mobilising exercises" in shown and "Code 123456" in shown
    assert "This week: 100 %" in shown and "7 days in a row" in shown and "Today: 2 of 2" in shown
    assert "blockage" not in shown and "567890" not in shown  # 567890's programme, 567890's code

    qtbot.mouseClick(
        next(b for b in page.findChildren(QAbstractButton) if b.text() == "Progress"), Qt.LeftButton
    )
    view = app.window.page
    assert isinstance(view, HistoryView)
    assert view.calendar.accessibleName() == "7 of 7 days kept"  # 123456's week, none of 567890's session
    visible = [b.text() for b in view.findChildren(QAbstractButton) if b.isVisibleTo(view)]
    assert visible == ["Back"]  # no file dialogs for patients
    view.back.emit()
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # done
    assert isinstance(app.window.stack.currentWidget(), StartPage)

    type_in(qtbot, app.window.start_page, "567890")
    shown = texts(app.window.page)
    assert "Today: 1 of 2" in shown and "This week: 100 %" in shown  # their first day, one of two so far
    assert "SI joint blockage: recovery exercises" in shown and "123456" not in shown


def test_an_unknown_code_opens_nothing(qtbot, make_kiosk, clock):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    for code in ("999999", "12", "", "12345"):
        type_in(qtbot, app.window.start_page, code)
        assert app.window.page is None and app.window.start_page.entry() == ""
        assert "not known" in app.window.start_page.message.text()
        clock.advance(app.code_tries.wait_s())


def test_wrong_codes_slow_down_and_a_restart_or_a_right_code_does_not_reset_them(
    qtbot, make_kiosk, data, clock
):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    start = app.window.start_page
    type_in(qtbot, start, "999999")
    not_known = "That code is not known here. Please ask your therapist."
    assert start.message.text() == not_known and start.ok_button.isEnabled()  # the first: no wait
    type_in(qtbot, start, "999998")
    assert start.message.text() == f"{not_known} Wait 1 second…"
    assert not start.ok_button.isEnabled() and not start.keypad.isEnabled()
    type_in(qtbot, start, "123456")  # the right code, during the wait: not even typed
    assert app.window.page is None and start.entry() == ""
    app.open_code("123456")  # nor read when handed over
    assert app.window.page is None
    clock.advance(1)
    start.refresh()
    assert start.ok_button.isEnabled() and start.message.text() == not_known
    type_in(qtbot, start, "999997")
    assert start.message.text() == f"{not_known} Wait 2 seconds…"
    app.reset()  # Done, Lock or the idle time during the wait: the start screen is reset, the wait is not
    assert not start.ok_button.isEnabled() and start.message.text() == "Wait 2 seconds…"

    again = make_kiosk({"123456": ["si-gewricht.yaml"]})  # the kiosk restarted
    start = again.window.start_page
    assert not start.ok_button.isEnabled() and "Wait 2 seconds…" in start.message.text()
    clock.advance(2)
    start.refresh()
    type_in(qtbot, start, "123456")  # the patient's own code opens their page…
    assert isinstance(again.window.page, PatientPage)
    qtbot.keyClick(again.window.page, Qt.Key.Key_Escape)
    type_in(qtbot, start, "999996")  # …but does not clear the count: a guesser's own code buys nothing
    assert start.message.text() == f"{not_known} Wait 4 seconds…"
    clock.advance(4 + 4 * CODE_FORGET_S)  # twenty quiet minutes: those typos are forgotten
    start.refresh()
    type_in(qtbot, start, "999995")
    assert start.message.text() == not_known and start.ok_button.isEnabled()


def test_a_programme_that_cannot_be_used_is_shown_without_its_file_name(qtbot, make_kiosk):
    app = make_kiosk({"123456": ["programmes/mevr-jansen.yaml", "si-gewricht.yaml"]})
    type_in(qtbot, app.window.start_page, "123456")
    page = app.window.page
    shown = texts(page)
    assert "jansen" not in shown and "cannot be used just now" in shown
    assert [b.isEnabled() for b in page.start_buttons] == [False, True]


def test_after_the_session_and_its_questions_the_start_screen_is_empty(qtbot, make_kiosk, data, tmp_path):
    plank = short_programme(tmp_path)
    app = make_kiosk({"004217": [str(plank)]}, speed=100.0)
    type_in(qtbot, app.window.start_page, "004217")
    qtbot.keyClick(app.window.page, Qt.Key.Key_1)  # the first programme, by its number
    assert isinstance(app.window.page, SessionView)
    qtbot.waitUntil(lambda: isinstance(app.window.page, RatingView), timeout=10000)
    rating = app.window.page
    rating.pain.pick(2)
    rating.effort.pick(3)
    qtbot.mouseClick(rating.done_button, Qt.LeftButton)
    assert app.window.stack.currentWidget() is app.window.start_page and app.window.page is None
    deleted_pages_gone()
    assert "004217" not in texts(app.window) and "Plank" not in texts(app.window)
    [session] = HistoryStore(data / "history.db").sessions(profile="004217", include_simulated=True)
    assert (session.status, session.pain, session.effort) == ("completed", 2, 3)
    assert HistoryStore(data / "history.db").sessions(profile="", include_simulated=True) == []
    # a kiosk never reminds anyone: no reminder service, no tray icon with its "Quit sitimer"
    assert not app.findChildren(ReminderFlow) and not hasattr(app, "reminders")


# -- idle ----------------------------------------------------------------------------------------
@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking order
def test_left_idle_the_kiosk_forgets_the_patient(qtbot, make_kiosk, data, clock, si_gewricht):
    add_sessions(data / "history.db", si_gewricht, "123456", twice_a_day(3))
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    type_in(qtbot, app.window.start_page, "123456")
    page = app.window.page
    qtbot.mouseClick(
        next(b for b in page.findChildren(QAbstractButton) if b.text() == "Progress"), Qt.LeftButton
    )
    assert isinstance(app.window.page, HistoryView)
    app.kiosk_window.lock_screen(None)  # as the kiosk starts: full screen, with the keyboard
    qtbot.waitActive(app.window)
    clock.advance(100)
    # someone is there: the two minutes start again (a key as the patient presses it, through the window)
    qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_Tab)
    clock.advance(119)
    app.input.check()
    assert isinstance(app.window.page, HistoryView)
    clock.advance(1)
    app.input.check()  # what the idle timer does when it fires
    assert app.window.page is None and app.window.stack.currentWidget() is app.window.start_page
    deleted_pages_gone()
    left = texts(app.window)
    assert "123456" not in left and "SI joint" not in left and "Your progress" not in left
    assert app.window.stack.count() == 1 and app.code is None and app.session is None  # no profile kept


def test_the_input_watch_sees_windows_not_the_widgets_being_built(
    qtbot, make_kiosk, data, si_gewricht, monkeypatch
):
    """A patient's page is built while the kiosk watches the input. The watch is handed the events of
    the windows only: a watch on the whole application got those of every half-built widget too, and
    PySide6 then made Python objects of them, which crashed the kiosk now and then as a page opened."""
    from PySide6.QtGui import QWindow

    from sitimer.qt.kiosk.window import KioskInput

    handed: list[QObject] = []
    watch = KioskInput.eventFilter
    monkeypatch.setattr(KioskInput, "eventFilter", lambda self, w, e: handed.append(w) or watch(self, w, e))
    add_sessions(data / "history.db", si_gewricht, "123456", twice_a_day(3))
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    app.window.show()
    qtbot.waitExposed(app.window)
    type_in(qtbot, app.window.start_page, "123456")
    assert isinstance(app.window.page, PatientPage)
    qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_Tab)  # a key as the keyboard sends it: seen
    assert any(isinstance(w, QWindow) for w in handed)
    assert not [w for w in handed if not isinstance(w, QWindow)]  # no widget, built or half-built


def test_a_code_typed_and_left_is_cleared(qtbot, make_kiosk, clock):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    qtbot.keyClicks(app.window.start_page, "123")
    assert app.window.start_page.display.text() == "1\u20092\u20093"  # thin spaces between
    clock.advance(120)
    app.input.check()
    assert app.window.start_page.entry() == "" and app.window.start_page.display.text() == ""


def test_a_running_session_is_never_idle_but_a_paused_one_is(qtbot, make_kiosk, data, clock, tmp_path):
    plank = short_programme(tmp_path, hold_s=600)
    app = make_kiosk({"123456": [str(plank)]})
    type_in(qtbot, app.window.start_page, "123456")
    qtbot.keyClick(app.window.page, Qt.Key.Key_1)
    session = app.session
    qtbot.waitUntil(lambda: session.engine.state is State.RUNNING, timeout=10000)
    clock.advance(600)  # ten minutes on the floor, nobody touching
    app.input.check()
    assert app.window.page is session.view
    session.driver.toggle_pause()  # paused, and walked away
    clock.advance(119)
    app.input.check()
    assert app.window.page is session.view
    clock.advance(1)
    app.input.check()
    assert app.session is None and app.window.stack.currentWidget() is app.window.start_page  # no questions
    [kept] = HistoryStore(data / "history.db").sessions(profile="123456")
    assert kept.status == "stopped"


def test_a_pain_tapped_before_walking_away_is_kept(qtbot, make_kiosk, data, clock, tmp_path):
    """Stopped, pain 1 tapped on the questions after, then walked away: the idle reset threw the
    pain away (history: pain null)."""
    plank = short_programme(tmp_path, hold_s=600)
    app = make_kiosk({"123456": [str(plank)]})
    type_in(qtbot, app.window.start_page, "123456")
    qtbot.keyClick(app.window.page, Qt.Key.Key_1)
    session = app.session
    qtbot.waitUntil(lambda: session.engine.state is State.RUNNING, timeout=10000)
    session.stop()
    qtbot.waitUntil(lambda: isinstance(app.window.page, RatingView), timeout=10000)
    app.window.page.pain.pick(1)
    clock.advance(120)
    app.input.check()
    assert app.session is None and app.window.stack.currentWidget() is app.window.start_page
    [kept] = HistoryStore(data / "history.db").sessions(profile="123456")
    assert (kept.status, kept.pain, kept.effort) == ("stopped", 1, None)


def test_an_open_question_is_closed_when_idle(qtbot, make_kiosk, clock, tmp_path, monkeypatch):
    plank = short_programme(tmp_path, hold_s=600)
    app = make_kiosk({"123456": [str(plank)]})
    type_in(qtbot, app.window.start_page, "123456")
    qtbot.keyClick(app.window.page, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: app.session.engine.state is State.RUNNING, timeout=10000)
    app.session.driver.toggle_pause()
    box = QMessageBox(QMessageBox.Icon.Question, "Leave", "Leave the session?", parent=app.window)
    box.setModal(True)
    box.show()
    clock.advance(120)
    app.input.check()
    assert not box.isVisible()
    qtbot.waitUntil(lambda: app.session is None)
    assert app.window.stack.currentWidget() is app.window.start_page


# -- the therapist -------------------------------------------------------------------------------
def test_wrong_pins_slow_down_and_the_page_refuses_during_the_delay(qtbot, make_kiosk, clock):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    qtbot.mouseClick(app.window.start_page.therapist_button, Qt.LeftButton)
    page = app.window.page
    assert isinstance(page, PinPage)
    type_in(qtbot, page, "1111")
    assert page.message.text() == "Wrong PIN." and page.ok_button.isEnabled()  # the first: no wait
    type_in(qtbot, page, "2222")
    assert page.message.text() == "Wrong PIN. Try again in 1\u00a0s."
    assert not page.ok_button.isEnabled() and not page.keypad.isEnabled()
    qtbot.keyClicks(page, PIN)  # the right PIN, during the delay: not even typed
    assert page.entry() == ""
    page.try_pin(PIN)  # nor read when handed over
    assert app.window.page is page and page.message.text() == "Try again in 1\u00a0s."
    clock.advance(1)
    page.refresh()
    assert page.ok_button.isEnabled()
    type_in(qtbot, page, "3333")
    assert page.message.text() == "Wrong PIN. Try again in 2\u00a0s."
    clock.advance(1.2)
    page.refresh()
    assert page.message.text() == "Wrong PIN. Try again in 1\u00a0s."
    clock.advance(0.8)
    page.refresh()
    type_in(qtbot, page, PIN)
    assert isinstance(app.window.page, TherapistPage)
    assert app.gate.failures == 0


def test_the_delay_outlasts_leaving_the_pin_page(qtbot, make_kiosk, clock):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    for wrong in ("1", "2", "3"):
        app.ask_pin()
        type_in(qtbot, app.window.page, wrong * 4)
        qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # cancel, and come back
    app.ask_pin()
    assert app.window.page.message.text() == "Try again in 1\u00a0s."  # the second one's delay, still running
    assert not app.window.page.ok_button.isEnabled()
    assert app.gate.failures == 2  # the third try fell in the delay: refused, not counted


def test_the_therapist_gives_a_code_its_programmes_and_the_idle_time(qtbot, make_kiosk, data, monkeypatch):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    app.show_therapist()
    page = app.window.page
    assert isinstance(page, TherapistPage)
    page.new_code.setText("654321")
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    assert page.selected_code() == "654321"
    assert not any(box.isChecked() for box in page.programmes.boxes.values())
    page.programmes.boxes["si-blokkade-herstel.yaml"].click()
    saved = KioskConfigStore.in_folder(data).load()
    assert saved.codes == {"123456": ("si-gewricht.yaml",), "654321": ("si-blokkade-herstel.yaml",)}
    assert verify(saved)
    page.step_idle(+1)
    assert KioskConfigStore.in_folder(data).load().idle_minutes == 3
    assert app.input.deadline.idle_s == 180
    page.codes.setCurrentRow(0)
    asked = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer[0])
    qtbot.mouseClick(page.remove_button, Qt.LeftButton)  # a slip: No keeps it
    assert KioskConfigStore.in_folder(data).load().codes.keys() == {"123456", "654321"}
    assert asked == ["Remove code 123456 and its programmes? Its history is kept."]
    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.remove_button, Qt.LeftButton)
    assert KioskConfigStore.in_folder(data).load().codes.keys() == {"654321"}
    qtbot.mouseClick(page.lock_button, Qt.LeftButton)
    assert app.window.stack.currentWidget() is app.window.start_page


def test_add_with_no_code_typed_draws_one_for_a_touch_screen(qtbot, make_kiosk, data, monkeypatch):
    """On a touch screen the therapist page's new code could not be typed: no keyboard, and the field
    has no keypad. Add with the field empty draws a code, never one already given."""
    from sitimer.core.kiosk import config as kiosk_config

    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    app.show_therapist()
    page = app.window.page
    draws = iter([123456, 42])  # the first is taken: drawn again
    monkeypatch.setattr(kiosk_config.secrets, "randbelow", lambda _n: next(draws))
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    assert page.selected_code() == "000042"  # six digits, its leading zeros kept
    assert page.code_note.text() == "Code 000042 drawn for the patient: now tick its programmes."
    page.programmes.boxes["si-blokkade-herstel.yaml"].click()
    assert KioskConfigStore.in_folder(data).load().codes["000042"] == ("si-blokkade-herstel.yaml",)


@pytest.mark.parametrize("old_code", [None, "4217"])
def test_what_sitimer_kiosk_writes_while_the_kiosk_runs_is_taken_in_and_kept(
    qtbot, make_kiosk, data, old_code
):
    """`sitimer kiosk set-pin` (after the old PIN got out) and `kiosk assign` while the kiosk runs:
    the new PIN opens it and the old one no longer does, the new code opens its page, and a change
    on the therapist page afterwards writes neither back to what it was. Also with an old short code
    in the file: its notice ("shorter than 6 digits") had the kiosk write its old codes back over
    the new one, and the patient given it was told the code was not known."""
    old = {old_code: ["si-gewricht.yaml"]} if old_code else {}
    app = make_kiosk({"123456": ["si-gewricht.yaml"], **old})
    app.config_store = KioskConfigStore.in_folder(data)  # as `sitimer --kiosk` starts: read by run() first
    store = KioskConfigStore.in_folder(data)
    changed = store.load().assign("777777", ["si-blokkade-herstel.yaml"])
    store.save(replace(changed, pin=cheap_pin("8642"), idle_minutes=5))  # as the command line saves it

    type_in(qtbot, app.window.start_page, "777777")
    assert isinstance(app.window.page, PatientPage)
    app.reset()
    app.ask_pin()
    type_in(qtbot, app.window.page, PIN)
    assert app.window.page.message.text() == "Wrong PIN."
    type_in(qtbot, app.window.page, "8642")
    page = app.window.page
    assert isinstance(page, TherapistPage)
    assert app.input.deadline.idle_s == 300
    page.codes.setCurrentRow(0)  # 123456
    page.programmes.boxes["si-blokkade-herstel.yaml"].click()
    saved = store.load()
    assert saved.codes.keys() == {"123456", "777777"} | ({old_code} if old_code else set())
    assert set(saved.codes["123456"]) == {"si-gewricht.yaml", "si-blokkade-herstel.yaml"}
    assert saved.pin is not None and verify_pin("8642", saved.pin) and not verify(saved)
    assert saved.idle_minutes == 5


def test_a_tick_on_the_open_page_keeps_what_the_command_line_gave_the_same_code(
    qtbot, make_kiosk, data, tmp_path
):
    """The page open on a code; `sitimer kiosk assign` gives that code a programme of the practice's
    own; a tick on the page then wrote its old list back over it. And that own programme, unticked
    on the page, went from the list, so a slip could not be ticked back."""
    app = make_kiosk({"555555": ["si-gewricht.yaml"]})
    app.show_therapist()
    page = app.window.page
    assert isinstance(page, TherapistPage) and page.selected_code() == "555555"
    own = tmp_path / "kort.yaml"
    own.write_bytes((REPO / "programmes" / "si-gewricht.yaml").read_bytes())
    store = KioskConfigStore.in_folder(data)
    store.save(store.load().assign("555555", ["si-gewricht.yaml", str(own)]))  # the command line
    page.programmes.boxes["si-blokkade-herstel.yaml"].click()
    assert set(store.load().codes["555555"]) == {"si-gewricht.yaml", str(own), "si-blokkade-herstel.yaml"}
    assert page.programmes.boxes[str(own)].isChecked()  # the page shows what is saved
    page.programmes.boxes[str(own)].click()  # untick: it stays in the list, to tick again
    assert str(own) not in store.load().codes["555555"] and str(own) in page.programmes.boxes
    page.programmes.boxes[str(own)].click()
    assert str(own) in store.load().codes["555555"]
    # listed by its title, as on the patient's page (it was listed as "kort.yaml")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the rows before the last fill
    titles = [label.text() for label in page.programmes.findChildren(QLabel)]
    assert titles.count("SI joint: mobilising exercises") == 2 and "kort.yaml" not in " ".join(titles)


def test_a_kiosk_file_spoilt_while_it_runs_is_not_taken_in(qtbot, make_kiosk, data):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    (data / "kiosk.json").write_text("{ not json")
    app.ask_pin()
    type_in(qtbot, app.window.page, PIN)  # still the PIN it had: the therapist can get out
    assert isinstance(app.window.page, TherapistPage)
    kept = KioskConfigStore.in_folder(data).load()  # written back
    assert verify(kept) and kept.codes == {"123456": ("si-gewricht.yaml",)}


@pytest.mark.parametrize(
    ("codes", "said"),
    [
        (
            ["4217"],
            "Code 4217 is korter dan 6 cijfers en makkelijk te raden: geef deze patiënt een nieuwe code.",
        ),
        (["042", "4217"], "De codes 042, 4217 zijn korter dan 6 cijfers"),
    ],
)
def test_the_therapist_page_names_an_older_short_code_in_the_singular_or_plural(qapp, codes, said):
    """ "De codes 4217 zijn …" for one code (seen at the kiosk)."""
    config = KioskConfig(
        pin=cheap_pin(PIN), codes={code: ("si-gewricht.yaml",) for code in [*codes, "123456"]}
    )
    with as_the_app_runs(qapp, "nl"):
        page = TherapistPage(config, [])
        assert page.code_note.text().startswith(said)
        page.deleteLater()


def test_the_idle_time_reads_as_dutch_and_a_wrong_code_is_told_under_its_field(qtbot, make_kiosk):
    QLocale.setDefault(QLocale("nl"))  # as --lang nl sets it (the conftest puts it back)
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    app.show_therapist()
    app.window.show()
    qtbot.waitExposed(app.window)
    page = app.window.page
    while page.config.idle_minutes > 0.5:
        page.step_idle(-1)
    assert page.idle.text() == "0,5\u00a0min"
    page.new_code.setText("12345")
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    assert page.code_note.text() == "A code is 6 to 8 digits."
    field, note = (w.mapTo(page, w.rect().topLeft()) for w in (page.new_code, page.code_note))
    assert note.y() > field.y() and abs(note.x() - field.x()) < 20  # right under the field typed in
    assert page.status.text() == ""  # the exports' line says nothing of it


def verify(config: KioskConfig) -> bool:
    return config.pin is not None and verify_pin(PIN, config.pin)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")
def test_the_export_of_a_code_holds_that_code_only(
    qtbot, make_kiosk, data, tmp_path, si_gewricht, monkeypatch
):
    mine = add_sessions(data / "history.db", si_gewricht, "123456", twice_a_day(2))
    add_sessions(data / "history.db", si_gewricht, "567890", twice_a_day(5))
    app = make_kiosk({"123456": ["si-gewricht.yaml"], "567890": ["si-gewricht.yaml"]})
    app.show_therapist()
    page = app.window.page
    assert page.selected_code() == "123456"
    out = {"pdf": tmp_path / "123456.pdf", "csv": tmp_path / "123456.csv"}
    for kind, button in (("pdf", page.pdf_button), ("csv", page.csv_button)):
        monkeypatch.setattr(files, "save_file_name", lambda *a, k=kind, **kw: out[k])
        qtbot.mouseClick(button, Qt.LeftButton)
        assert page.status.text() == f"Saved 123456.{kind}: sessions of code 123456: 4."
    rows = list(csv.DictReader(io.StringIO(out["csv"].read_text())))
    assert {int(r["session_id"]) for r in rows} == set(mine)
    assert {r["session_note"] for r in rows} == {"note of 123456"}
    text = subprocess.run(["pdftotext", str(out["pdf"]), "-"], capture_output=True, text=True).stdout
    assert "Patient code: 123456" in text and "note of 123456" in text
    assert "567890" not in text


def test_only_the_therapist_closes_the_window(qtbot, make_kiosk):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    window = app.window
    window.show()
    qtbot.waitExposed(window)
    window.close()
    assert window.isVisible()
    start = window.start_page
    qtbot.keyClicks(start, "12")
    for key, modifier in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(start, key, modifier)  # to the keypad, as a test sends it
        qtbot.keyClick(window.windowHandle(), key, modifier)  # to the window, as a keyboard sends it
        window.close()
        assert window.isVisible()
    assert start.entry() == ""  # Esc cleared the code, nothing more
    assert not window.windowState() & Qt.WindowState.WindowFullScreen  # F11 did nothing either
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    app.show_therapist()
    with qtbot.waitSignal(app.exited):
        qtbot.mouseClick(app.window.page.exit_button, Qt.LeftButton)
    assert not window.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking order
def test_the_window_goes_back_to_full_screen(qtbot, make_kiosk):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    app.kiosk_window.lock_screen(None)
    qtbot.waitUntil(app.window.isFullScreen)
    app.window.showMinimized()  # a window menu's Minimise
    qtbot.waitUntil(lambda: app.window.isFullScreen() and not app.window.isMinimized())
    app.kiosk_window.unlock()


# -- a station -----------------------------------------------------------------------------------
def test_a_station_repeats_its_programme_and_is_nobodys_adherence(
    qtbot, make_kiosk, data, tmp_path, monkeypatch
):
    plank = short_programme(tmp_path)
    (data / "settings.json").write_text(json.dumps({"voice": False, "ask_pain_before": True}))  # as shipped
    app = make_kiosk({"123456": ["si-gewricht.yaml"]}, station=str(plank), speed=100.0)
    home = app.window.stack.currentWidget()
    assert isinstance(home, StationPage) and "Plank" in texts(home)
    qtbot.keyClick(home, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(app.window.page, SessionView), timeout=10000)  # no pain question first
    first = app.session
    qtbot.waitUntil(lambda: app.session is not None and app.session is not first, timeout=10000)
    assert isinstance(app.window.page, SessionView)  # again, with no questions in between
    qtbot.waitUntil(lambda: app.session.engine.state is State.RUNNING, timeout=10000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # someone stops it: the station waits
    assert app.session is None and app.window.stack.currentWidget() is home
    store = HistoryStore(data / "history.db")
    sessions = store.sessions(profile=None, include_simulated=True)
    assert [s.status for s in sessions] == ["completed", "stopped"]
    assert {s.profile for s in sessions} == {STATION_PROFILE}


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_taking_the_front_back_leaves_the_keyboard_with_the_kiosks_own_question(qtbot, make_kiosk):
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    window = app.kiosk_window
    window.lock_screen(None)
    qtbot.waitUntil(window.isActiveWindow)
    box = QMessageBox(QMessageBox.Icon.Question, "Leave", "Leave the session?", parent=window)
    box.setModal(True)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    window.take_back()  # as when the kiosk lost the front to another program meanwhile
    assert box.isVisible() and box.isActiveWindow() and not window.isActiveWindow()
    box.reject()
    window.showMinimized()  # no question open: the window and its keypad take the keyboard back
    qtbot.waitUntil(lambda: window.isActiveWindow() and window.isFullScreen())
    assert QApplication.focusWidget() is window.start_page
    window.unlock()


def test_a_stopped_rated_session_counts_on_the_patients_page(qtbot, make_kiosk, data, tmp_path, monkeypatch):
    plank = short_programme(tmp_path, hold_s=600)
    app = make_kiosk({"123456": [str(plank)]})
    type_in(qtbot, app.window.start_page, "123456")
    assert "No sessions yet" in texts(app.window.page)
    qtbot.keyClick(app.window.page, Qt.Key.Key_1)
    session = app.session
    qtbot.waitUntil(lambda: session.engine.state is State.RUNNING, timeout=10000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # leave, and say yes
    rating = app.window.page
    assert isinstance(rating, RatingView)
    rating.pain.pick(3)
    rating.effort.pick(4)
    qtbot.mouseClick(rating.done_button, Qt.LeftButton)
    [kept] = HistoryStore(data / "history.db").sessions(profile="123456")
    assert (kept.status, kept.pain, kept.effort) == ("stopped", 3, 4)
    type_in(qtbot, app.window.start_page, "123456")  # the same patient, back at the kiosk
    page = app.window.page
    assert "No sessions yet" not in texts(page) and "Today: 0 of 1" in texts(page)
    progress = button(page, "Progress")
    assert progress.isEnabled()
    qtbot.mouseClick(progress, Qt.LeftButton)
    assert isinstance(app.window.page, HistoryView)


def test_a_session_left_while_it_loads_does_not_run_on_unseen(qtbot, make_kiosk, data, tmp_path, monkeypatch):
    plank = short_programme(tmp_path, hold_s=600)
    app = make_kiosk({"123456": [str(plank)]})
    type_in(qtbot, app.window.start_page, "123456")
    qtbot.keyClick(app.window.page, Qt.Key.Key_1)
    session = app.session
    assert session.engine.session_start is None  # its sounds still loading
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # leave at once
    with qtbot.waitSignal(session.sound.ready, timeout=10000):  # the sounds loaded after all
        rating = app.window.page
        assert isinstance(rating, RatingView)
    assert session.engine.state is State.READY  # and nothing runs on behind the questions
    rating.pain.pick(3)
    qtbot.mouseClick(rating.done_button, Qt.LeftButton)
    assert app.window.stack.currentWidget() is app.window.start_page
    assert HistoryStore(data / "history.db").sessions(profile="123456", include_simulated=True) == []


def test_a_history_found_damaged_by_a_patients_progress_view_is_said_at_once(
    qtbot, make_kiosk, data, si_gewricht, capfd, monkeypatch
):
    add_sessions(data / "history.db", si_gewricht, "123456", twice_a_day(2))
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    type_in(qtbot, app.window.start_page, "123456")
    query = store_module.query
    torn = [True]

    def first_read_torn(db: sqlite3.Connection, **kwargs: Any) -> list[dict[str, Any]]:
        if torn and torn.pop():
            raise sqlite3.DatabaseError("database disk image is malformed")
        return query(db, **kwargs)

    monkeypatch.setattr(store_module, "query", first_read_torn)
    capfd.readouterr()
    app.show_patient_progress(si_gewricht)
    assert isinstance(app.window.page, HistoryView) and list(data.glob("history.corrupt-*.db"))
    assert "The history file was damaged" in capfd.readouterr().err  # on the terminal, not kept back


def outside_or_cut(window: QWidget) -> list[str]:
    """The visible buttons that run past the window's edges or are drawn too small for their label."""
    found = cut_buttons(window)
    for widget in window.findChildren(QAbstractButton):
        if widget.isVisible():
            corner = widget.mapTo(window, widget.rect().bottomRight())
            if corner.x() >= window.width() or corner.y() >= window.height():
                found.append(f"'{widget.text()}' ends at {corner.x()}×{corner.y()}")
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_keypad_and_a_patients_page_fit_the_screen(qtbot, qapp, make_kiosk, si_gewricht, lang, size):
    """Seen on a 1024×768 screen: the pages were scaled to its height alone, so the keypad's right
    column ran off the screen and "Wissen" was cut to "Visse"."""
    with as_the_app_runs(qapp, lang):
        app = make_kiosk({"123456": ["si-gewricht.yaml", "si-blokkade-herstel.yaml"]})
        window = app.window
        window.resize(*size)  # the screen's size, as full screen gives it
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
        keypad = window.start_page.keypad
        where = {keypad.mapTo(window, keypad.rect().topLeft())}
        for digit in "12345678":  # the keypad stays where it is under the finger: it moved by the 6th
            qtbot.keyClick(window.start_page, digit)
            where.add(keypad.mapTo(window, keypad.rect().topLeft()))
        assert len(where) == 1, where
        assert outside_or_cut(window) == []  # eight digits shown in full
        window.start_page.clear()
        qtbot.keyClicks(window.start_page, "123456")  # the code shown in full, as the patient types it
        assert outside_or_cut(window) == []
        keys = window.start_page.keypad.buttons  # three equal columns, "Wissen" no wider than "2"
        assert keys["clear"].width() == keys["2"].width() == keys["9"].width(), {
            k: b.width() for k, b in keys.items()
        }
        qtbot.keyClick(window.start_page, Qt.Key.Key_Return)
        assert isinstance(window.page, PatientPage)
        assert outside_or_cut(window) == []


def test_a_screen_reader_hears_the_start_screens_buttons_by_their_words(qtbot, make_kiosk):
    """Under AT-SPI, OK read as "OK black right-pointing triangle": the arrow is for the eye."""
    from PySide6.QtGui import QAccessible

    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    names = [
        QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)
        for button in app.window.start_page.findChildren(QAbstractButton)
    ]
    assert "OK" in names and "Clear everything" in names
    assert not [name for name in names if not name.strip() or any(c in name for c in "▶⌫✓")], names


@pytest.mark.parametrize(("platform", "told"), [("xcb", False), ("wayland", True)])
def test_on_wayland_the_therapist_page_says_the_kiosk_cannot_hold_the_front(
    qtbot, make_kiosk, monkeypatch, platform, told
):
    """Seen on weston: a terminal opened over the kiosk stayed there, as Wayland lets no program
    take the keyboard back. tests/desktop/test_wayland.py shows Qt names that platform "wayland"."""
    from sitimer.qt.kiosk import window

    monkeypatch.setattr(window.QGuiApplication, "platformName", staticmethod(lambda: platform))
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    app.show_therapist()
    app.window.show()
    qtbot.waitExposed(app.window)
    page = app.window.page
    assert page.lock_note.isVisible() is told
    if told:
        assert "kiosk session" in page.lock_note.text()


def test_the_kiosks_questions_are_large_enough_to_read_and_tap_at_arm_s_length(qtbot, make_kiosk):
    """ "Stop the session?" was the home window's small box (20 px text, buttons of 60×30) on a
    1920×1080 touch screen; at the kiosk its text and buttons grow with the screen."""
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    app.window.resize(1920, 1080)
    app.window.show()
    qtbot.waitUntil(lambda: app.window.width() == 1920)
    box = QMessageBox(QMessageBox.Icon.Question, "Stop the session", "Stop the session?", parent=app.window)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.ensurePolished()
    qtbot.addWidget(box)
    box.show()
    text = next(label for label in box.findChildren(QLabel) if label.text() == "Stop the session?")
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert text.font().pixelSize() >= 36  # 26 px at 1280×720, times 1.5
    assert yes.height() >= 80 and yes.width() >= 200
    box.close()


def test_the_questions_after_a_session_grow_with_the_kiosks_screen(qtbot, make_kiosk, tmp_path, monkeypatch):
    """At a 1920×1080 kiosk "no pain", "worst pain" and the keys' hint were 16 px (read as 12 from a
    step back); the rating page is drawn as large as the kiosk's own pages."""
    app = make_kiosk({"123456": [str(short_programme(tmp_path, hold_s=600))]})
    app.window.resize(1920, 1080)
    app.window.show()
    qtbot.waitUntil(lambda: app.window.width() == 1920)
    type_in(qtbot, app.window.start_page, "123456")
    qtbot.keyClick(app.window.page, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: app.session.engine.state is State.RUNNING, timeout=10000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)
    rating = app.window.page
    assert isinstance(rating, RatingView)
    anchor = next(label for label in rating.findChildren(QLabel) if label.text() == "no pain")
    assert anchor.font().pixelSize() == 24  # 16 px at home, times the kiosk's 1.5
