"""SIGTERM (logout) while "How did it go?" is up after a session a reminder started: it ends, keeping
what was answered.

`sitimer --reminders` as a patient meets it, in this process: the reminder's "start now" opens
the session (at a fast clock), the questions come, the patient picks a pain score, and then the
desktop logs out. SIGTERM reaches App.stop (through StopOnSignal, as in sitimer.qt.app.app.run).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.session.rating import RatingView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def test_sigterm_during_the_questions_after_a_reminded_session_keeps_the_pain_and_quits(
    qtbot: QtBot, tmp_path: Path, si_gewricht: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False}))
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    app = App(
        Options(lang="en", data_dir=data, reminders=True, speed=1000.0),
        sound=lambda: (SilentTonePlayer(), SilentSpeaker()),
    )
    qtbot.addWidget(app.window)
    flow = app.reminder_flow()
    flow.service.start_requested.emit(si_gewricht)  # the reminder's "Start now"
    before = app.window.page
    assert isinstance(before, RatingView) and before.before  # the pain before, asked by default
    before.pain.pick(2)
    before.done_button.click()
    qtbot.waitUntil(
        lambda: isinstance(app.window.page, RatingView) and not app.window.page.before, timeout=30_000
    )
    rating = app.window.page
    assert isinstance(rating, RatingView) and not rating.before
    qtbot.mouseClick(rating.pain.group.button(4), Qt.MouseButton.LeftButton)  # effort not yet

    app.stop()  # SIGTERM
    assert quits == [True]  # the app ends
    [session] = HistoryStore(data / "history.db").sessions(include_simulated=True)
    assert (session.status, session.pain, session.effort) == ("completed", 4, None)
    app.stop_reminders()
