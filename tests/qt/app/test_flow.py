"""One session flow for the home app and the kiosk; options as given; a Session made from a plan."""

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from sitimer.core.history.errors import BUSY, HistoryError
from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.core.paths import user_programmes_dir
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.settings import Settings
from sitimer.qt.app.app import App
from sitimer.qt.app.flow import SessionFlow
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.kiosk.app import KioskApp
from sitimer.qt.session import session as session_module
from sitimer.qt.session.outcome import PskView
from sitimer.qt.session.questions import EarsView, MissedReasonView
from sitimer.qt.session.rating import RatingView
from sitimer.qt.session.session import Session
from sitimer.words.phrases import phrase_text, question_phrase
from tests.helpers import REPO
from tests.helpers.history_data import record_session


def quiet():
    return SilentTonePlayer(), SilentSpeaker()


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"voice": False}))  # no speech engine start-up
    return folder


def test_the_home_app_and_the_kiosk_each_own_a_session_flow_and_the_kiosk_is_no_app(qtbot, data):
    home = App(Options(lang="en", data_dir=data), sound=quiet)
    kiosk = KioskApp(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(home.window)
    qtbot.addWidget(kiosk.window)
    assert isinstance(home.flow, SessionFlow) and isinstance(kiosk.flow, SessionFlow)
    assert not isinstance(kiosk, App)
    assert home.flow.window is home.window and kiosk.flow.window is kiosk.window
    kiosk.input.stop()


def test_options_cannot_change_once_made(data):
    options = Options(lang="en", data_dir=data)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.auto = True  # type: ignore[misc]


def test_ctrl_c_quits_without_changing_the_options_it_was_given(qtbot, data, monkeypatch):
    options = Options(lang="en", data_dir=data)
    app = App(options, sound=quiet)
    qtbot.addWidget(app.window)
    monkeypatch.setattr(QCoreApplication, "quit", lambda: None)
    app.stop()  # nothing runs: quits at once, and asks nothing from now on
    assert options == Options(lang="en", data_dir=data)
    assert app.flow.quit_when_done and app.flow.unattended


def test_a_broken_file_is_told_and_no_session_is_ever_made(qtbot, data, tmp_path, monkeypatch):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\n")
    made = []
    monkeypatch.setattr(session_module.Session, "__init__", lambda *a, **k: made.append(a))
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: told.append(a))
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    app.start(broken)
    assert made == [] and app.session is None
    [(_, title, text)] = told
    assert title == "This programme cannot be used" and "broken.yaml" in text
    assert text.startswith("This file cannot be used. Ask your therapist for a corrected file.")


ACTIVITIES_ONLY = """\
id: walking
title: {nl: Wandelen, en: Walking}
frequency: {sessions_per_day: 1}
exercises:
  - id: walk
    name: {nl: Wandelen, en: Walk}
    kind: activity
    instructions: {nl: Elke dag een half uur wandelen., en: Walk half an hour every day.}
"""


def test_a_programme_of_daily_activities_alone_has_no_session_to_start_or_count(
    qtbot, data, tmp_path, monkeypatch
):
    # Start on it ran a session of no steps: "finished, well done" at once, a completed session in
    # the history and the day counted as kept
    walking = user_programmes_dir(data) / "walking.yaml"
    walking.parent.mkdir(parents=True, exist_ok=True)
    walking.write_text(ACTIVITIES_ONLY)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a))
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    app.start(walking)
    assert app.session is None
    [(_, title, text)] = told
    assert title == "No session" and "daily activities only" in text
    assert not (data / "history.db").exists() or HistoryStore(data / "history.db").sessions() == []

    picker = app.window.picker
    picker.select(walking)
    assert picker.selected_path() == walking
    assert not picker.start_button.isEnabled() and picker.start_hint.text() == "Daily activities only"
    # and no "1 times a day · about 1 min a session" for a session there is not
    assert picker.meta_label.text() == "Daily activities only"
    assert not picker.daily_total_label.isVisibleTo(picker)
    started = []
    picker.start_requested.connect(started.append)
    picker.start_selected()  # Enter in the list
    assert started == []


def test_a_session_runs_the_plan_it_is_handed(qtbot, data, si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    tones, speaker = quiet()
    session = Session(plan, Options(lang="en", data_dir=data), Settings(), tones, speaker, lambda: None)
    assert session.plan is plan and session.engine.plan is plan
    session.deleteLater()


def test_start_up_names_the_app_translates_it_and_quiets_qt():
    script = textwrap.dedent("""
        from PySide6.QtCore import QCoreApplication, QLoggingCategory
        from sitimer.qt.common.startup import application
        app = application("nl")
        print(app.applicationName())
        print(QCoreApplication.translate("SessionFlow", "This programme cannot be used"))
        print(QLoggingCategory("qt.multimedia.symbolsresolver").isWarningEnabled())
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    env.pop("QT_LOGGING_RULES", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines() == ["sitimer", "Dit programma kan niet worden gebruikt", "False"]


def test_what_the_answers_after_a_session_bring_is_told_too(qtbot, data, si_gewricht, monkeypatch, capfd):
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    app.start(si_gewricht)
    session = app.session
    assert session is not None
    app.window.page.pain.pick(3)  # the pain before, asked by default; Start starts it
    app.window.page.done_button.click()
    qtbot.waitUntil(lambda: session.engine.session_start is not None, timeout=5000)

    def busy(*_args: object, **_kwargs: object) -> None:
        raise HistoryError("the history is in use by another program", BUSY)

    monkeypatch.setattr(HistoryStore, "rate", busy)
    capfd.readouterr()
    session.recorder.rate(pain=2, effort=3, note="")  # the answers find the history busy
    told = capfd.readouterr().err
    assert "sitimer: the history is in use by another program; this session is kept in" in told
    app.flow.drop()


TWICE_A_DAY = """\
id: short-twice
title: Short, twice a day
frequency:
  sessions_per_day: 2
exercises:
  - id: hold
    name: Hold
    instructions: Hold still.
    kind: hold
    hold_s: 1
    prepare_s: 0
    sides: none
"""


def _history_with_yesterday_short(data, programme):
    """The first session 9 days ago (a whole week to look back on), and yesterday 1 of the 2."""
    today = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    plan = build_plan(load_file(programme))
    moment = [today - timedelta(days=9)]
    store = HistoryStore(data / "history.db", now=lambda: moment[0])
    for day, count in ((9, 2), (1, 1)):
        for n in range(count):
            moment[0] = today - timedelta(days=day) + timedelta(hours=n)
            record_session(store, plan)
    store.close()
    return (today - timedelta(days=1)).date()


def _run_and_rate(qtbot, app, programme):
    app.start(programme)
    before = app.window.page
    assert isinstance(before, RatingView) and before.before  # pain before: asked by default
    before.pain.pick(2)
    before.done_button.click()
    qtbot.waitUntil(
        lambda: isinstance(app.window.page, RatingView) and not app.window.page.before, timeout=15000
    )
    app.window.page.pain.pick(1)
    app.window.page.effort.pick(2.5)
    app.window.page.done_button.click()


def test_after_the_rating_come_why_yesterday_fell_short_and_the_weekly_ears(qtbot, data, tmp_path):
    programme = tmp_path / "short.yaml"
    programme.write_text(TWICE_A_DAY)
    yesterday = _history_with_yesterday_short(data, programme)
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    _run_and_rate(qtbot, app, programme)

    missed = app.window.page
    assert isinstance(missed, MissedReasonView) and missed.title.text() == "Yesterday: 1 of 2 sessions"
    missed.reason_buttons["forgot"].click()
    ears = app.window.page
    assert isinstance(ears, EarsView)
    ears.choose((1, 3, 3, 1, 4, 0))
    ears.save_button.click()
    assert app.flow.session is None and app.window.page is None  # back to the start

    store = HistoryStore(data / "history.db")
    [reason] = store.missed_reasons("short-twice")
    assert (reason.day, reason.reason) == (yesterday, "forgot")
    [week] = store.ears("short-twice")
    assert week.answers == (1, 3, 3, 1, 4, 0) and week.total == 3 + 3 + 3 + 3 + 4 + 4
    [today] = [s for s in store.sessions() if s.pain == 1]
    assert (today.pain_before, today.effort) == (2, 2.5)
    store.close()

    _run_and_rate(qtbot, app, programme)  # a second session today: asked once, so nothing now
    assert app.flow.session is None and app.window.page is None


def test_skipped_questions_are_not_asked_again_the_same_day(qtbot, data, tmp_path):
    programme = tmp_path / "short.yaml"
    programme.write_text(TWICE_A_DAY)
    _history_with_yesterday_short(data, programme)
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    _run_and_rate(qtbot, app, programme)
    app.window.page.skip_button.click()  # why yesterday: skipped
    app.window.page.skip_button.click()  # the EARS: skipped
    assert app.window.page is None
    _run_and_rate(qtbot, app, programme)
    assert app.window.page is None
    store = HistoryStore(data / "history.db")
    assert store.missed_reasons("short-twice") == [] and store.ears("short-twice") == []
    store.close()


def test_the_first_session_of_a_programme_asks_for_the_activities_that_matter(qtbot, data, tmp_path):
    programme = tmp_path / "short.yaml"
    programme.write_text(TWICE_A_DAY)
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    _run_and_rate(qtbot, app, programme)
    psk = app.window.page
    assert isinstance(psk, PskView) and len(psk.names) == 3
    with qtbot.waitActive(app.window):
        app.window.show()
        app.window.activateWindow()
    assert QApplication.focusWidget() is psk.names[0]
    qtbot.keyClicks(psk.names[0], "Putting on socks")  # typed at once, no click first
    assert psk.names[0].text() == "Putting on socks"
    psk.scores[0].pick(6)
    psk.save_button.click()
    assert app.window.page is None
    store = HistoryStore(data / "history.db")
    [row] = store.psk("short-twice")
    assert row.items == (("Putting on socks", 6),)
    store.close()


class HeardVoice(SilentSpeaker):
    """A voice that keeps what it is asked to say."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, phrase, *, stale_after_s=None):  # type: ignore[no-untyped-def]
        self.said.append(phrase_text(phrase))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_page_of_questions_after_the_session_is_said(qtbot, data, tmp_path, lang):
    """Lying on the floor, the patient heard the rating asked, then nothing: the activities' page (at
    the first session), why yesterday fell short and the weekly questions waited in silence."""
    (data / "settings.json").write_text(json.dumps({"voice": True}))
    programme = tmp_path / "short.yaml"
    programme.write_text(TWICE_A_DAY)
    voice = HeardVoice()
    app = App(Options(lang=lang, data_dir=data), sound=lambda: (SilentTonePlayer(), voice))
    qtbot.addWidget(app.window)
    _run_and_rate(qtbot, app, programme)
    assert isinstance(app.window.page, PskView)
    assert voice.said[-1] == phrase_text(question_phrase("ask_activities", lang))
    assert voice.said[-1].endswith("Escape skips" if lang == "en" else "Escape slaat over")
    app.window.page.skip_button.click()

    _history_with_yesterday_short(data, programme)
    _run_and_rate(qtbot, app, programme)
    assert isinstance(app.window.page, MissedReasonView)
    assert voice.said[-1] == phrase_text(question_phrase("ask_missed", lang))
    app.window.page.skip_button.click()
    assert isinstance(app.window.page, EarsView)
    assert voice.said[-1] == phrase_text(question_phrase("ask_week", lang))
    app.window.page.skip_button.click()
    assert app.window.page is None


def test_the_pain_before_is_kept_when_the_window_is_closed_mid_session(qtbot, data, tmp_path):
    programme = tmp_path / "short.yaml"
    programme.write_text(TWICE_A_DAY)
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    app.start(programme)
    before = app.window.page
    assert isinstance(before, RatingView) and before.before
    before.pain.pick(5)
    before.done_button.click()
    session = app.flow.session
    assert session is not None
    qtbot.waitUntil(lambda: session.engine.session_start is not None)
    app.flow.quitting()  # the window closed (Alt+F4): what the app does as it quits

    store = HistoryStore(data / "history.db")
    [row] = store.sessions()
    assert (row.status, row.pain_before, row.pain) == ("stopped", 5, None)
    store.close()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("faster", "slower", "this is the fastest")),
        ("nl", ("sneller", "langzamer", "sneller gaat niet")),
    ],
)
def test_plus_and_minus_are_said_as_they_are_heard(qtbot, data, lang, words):
    """The tempo's change showed large on the screen and was silent: a patient on the floor pressing
    + could not tell it was heard, nor that the tempo would go no faster."""
    (data / "settings.json").write_text(json.dumps({"voice": True, "ask_pain_before": False}))
    voice = HeardVoice()
    app = App(Options(lang=lang, data_dir=data), sound=lambda: (SilentTonePlayer(), voice))
    qtbot.addWidget(app.window)
    app.start(REPO / "programmes" / "si-gewricht.yaml")
    view = app.flow.session.view
    qtbot.waitUntil(lambda: app.window.page is view, timeout=5000)
    faster, slower, fastest = words
    for key, said in ((Qt.Key.Key_Plus, faster), (Qt.Key.Key_Minus, slower)):
        del voice.said[:]
        QTest.keyClick(view, key)
        assert voice.said == [said]
    for _ in range(30):  # on to the end of the range
        QTest.keyClick(view, Qt.Key.Key_Plus)
    assert voice.said[-1] == fastest
    view.leave.emit()


def test_a_session_begun_with_the_sound_off_says_so_on_the_screen(qtbot, data):
    """M is kept: the next session began in silence, with only the small "Sound: off" to tell why."""
    (data / "settings.json").write_text(json.dumps({"muted": True, "ask_pain_before": False}))
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    app.start(REPO / "programmes" / "si-gewricht.yaml")
    view = app.flow.session.view
    qtbot.waitUntil(lambda: app.window.page is view, timeout=5000)
    assert view.notice_label.text() == "The sound is off: M turns it on"
    assert view.notice_label.isVisibleTo(view)
    QTest.keyClick(view, Qt.Key.Key_M)
    assert not view.notice_label.isVisibleTo(view)
    QTest.keyClick(view, Qt.Key.Key_M)  # off again in the session: said again
    assert view.notice_label.text() == "The sound is off: M turns it on"
    view.leave.emit()
