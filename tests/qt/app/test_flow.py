"""One session flow for the home app and the kiosk; options as given; a Session made from a plan."""

import dataclasses
import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from sitimer.core.history.errors import BUSY, HistoryError
from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.settings import Settings
from sitimer.qt.app.app import App
from sitimer.qt.app.flow import SessionFlow
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.kiosk.app import KioskApp
from sitimer.qt.session import session as session_module
from sitimer.qt.session.session import Session
from tests.helpers import REPO


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
    qtbot.waitUntil(lambda: session.engine.session_start is not None, timeout=5000)

    def busy(*_args: object, **_kwargs: object) -> None:
        raise HistoryError("the history is in use by another program", BUSY)

    monkeypatch.setattr(HistoryStore, "rate", busy)
    capfd.readouterr()
    session.recorder.rate(pain=2, effort=3, note="")  # the answers find the history busy
    told = capfd.readouterr().err
    assert "sitimer: the history is in use by another program; this session is kept in" in told
    app.flow.drop()
