"""Demonstration in the treatment room: stepped like slides, faster on demand, never recorded.

The handout it offers is read in tests/qt/picker/test_handout.py.
"""

import json

import pytest
from PySide6.QtCore import Qt

from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.core.programme.plan import StepKind
from sitimer.core.session.engine import State
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.session.demo import PresenterView
from tests.helpers.screens import SIZES, as_the_app_runs


def quiet():
    """No sound device: real sound is proven in test_real_sound.py, not here."""
    return SilentTonePlayer(), SilentSpeaker()


def _demo(qtbot, tmp_path, **options):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False}))
    app = App(Options(lang="en", data_dir=data, demo=True, **options), sound=quiet)
    qtbot.addWidget(app.window)
    return app, data


def test_the_presenter_starts_held_steps_by_clicker_and_records_nothing(qtbot, tmp_path, si_gewricht):
    app, data = _demo(qtbot, tmp_path)
    app.start(si_gewricht)
    view = app.window.page
    assert isinstance(view, PresenterView)
    engine = app.session.engine
    qtbot.waitUntil(lambda: engine.state is State.PAUSED, timeout=10000)  # waits for the therapist
    assert engine.step.kind is StepKind.PREPARE
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # the clicker's "next"
    assert engine.step.kind is StepKind.WORK and engine.state is State.PAUSED
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert engine.step.kind is StepKind.REST and engine.state is State.PAUSED
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert engine.step.kind is StepKind.WORK
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert app.session.clock.speed == 2.0
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert app.session.clock.speed == 6.0  # a 30 s hold shown in 5 s
    qtbot.waitUntil(lambda: "6× speed" in view.notice_label.text())
    # Paused, the step is in full view (the home session's paused screen dimmed it) and the line
    # above it says so; running, only the speed is said, and the step stays where it was.
    assert not view.overlays.paused.isVisible()
    assert view.notice_label.text() == "Paused · Demonstration at 6× speed · D changes it"
    name_at = view.name_label.mapTo(view, view.name_label.rect().topLeft())
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert engine.state is State.RUNNING and not view.overlays.paused.isVisible()
    qtbot.waitUntil(lambda: view.notice_label.text() == "Demonstration at 6× speed · D changes it")
    assert view.name_label.mapTo(view, view.name_label.rect().topLeft()) == name_at
    app.session.driver.stop()
    assert app.window.stack.currentWidget() is app.window.picker  # no questions after a demonstration
    assert HistoryStore(data / "history.db").sessions(include_simulated=True) == []


def test_a_demonstration_run_unattended_is_not_held_for_the_therapist(qtbot, tmp_path, si_gewricht):
    """`run FILE --demo --auto` waited at Get ready until it was killed (a clicker starts a
    demonstration; an unattended run has none)."""
    app, data = _demo(qtbot, tmp_path, auto=True)
    app.start(si_gewricht)
    engine = app.session.engine
    qtbot.waitUntil(lambda: engine.state is State.RUNNING, timeout=10000)
    qtbot.wait(300)
    assert engine.state is State.RUNNING
    app.session.driver.stop()
    assert HistoryStore(data / "history.db").sessions(include_simulated=True) == []


def test_one_press_too_many_on_the_last_step_stays_there(qtbot, tmp_path, si_gewricht):
    """PageDown on the last step ended the demonstration, and `run --demo` closed sitimer with it:
    no way back to the step the patient was looking at."""
    app, _data = _demo(qtbot, tmp_path)
    app.start(si_gewricht)
    view = app.window.page
    engine = app.session.engine
    qtbot.waitUntil(lambda: engine.state is State.PAUSED, timeout=10000)
    last = len(engine.plan.steps) - 2  # the last exercise step; after it only "done"
    assert engine.plan.steps[-1].kind is StepKind.DONE
    for _ in range(last):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert engine.index == last
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # one too many
    assert engine.index == last and engine.state is not State.FINISHED and app.window.page is view
    assert "The last step · Esc ends the demonstration" in view.notice_label.text()
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # and back
    assert engine.index == last - 1
    # the line is the speed's again (it kept saying "The last step" however far back one went)
    assert "The last step" not in view.notice_label.text()
    assert "Demonstration at 1× speed · D changes it" in view.notice_label.text()
    app.session.driver.stop()


def test_the_picker_offers_the_handout_and_the_file_in_the_treatment_room(
    qtbot, tmp_path, si_gewricht, monkeypatch
):
    from sitimer.qt.common import files

    app, _ = _demo(qtbot, tmp_path)
    picker = app.window.picker
    assert picker.handout_button.isVisibleTo(picker) and not picker.progress_button.isVisibleTo(picker)
    app.window.select(si_gewricht)
    copy = tmp_path / "for-the-patient.yaml"
    monkeypatch.setattr(files, "save_file_name", lambda *a, **k: copy)
    qtbot.mouseClick(picker.save_button, Qt.MouseButton.LeftButton)
    assert copy.read_bytes() == si_gewricht.read_bytes()


def test_the_therapist_tailors_a_programme_from_the_list_and_the_copy_appears(qtbot, tmp_path, si_gewricht):
    from sitimer.qt.editor.window import EditorWindow

    app, _ = _demo(qtbot, tmp_path)
    picker = app.window.picker
    app.window.select(si_gewricht)
    assert picker.edit_button.isVisibleTo(picker)
    qtbot.mouseClick(picker.edit_button, Qt.MouseButton.LeftButton)
    [editor] = app.window.findChildren(EditorWindow)
    assert editor.isVisible()


def test_at_6x_the_demonstration_waits_while_leaving_is_asked(qtbot, tmp_path, si_gewricht, monkeypatch):
    """Seen in the treatment room: at 6× the count ran on behind "Leave the session?" (14 → 16)."""
    from PySide6.QtWidgets import QMessageBox

    app, _data = _demo(qtbot, tmp_path)
    app.start(si_gewricht)
    view = app.window.page
    engine = app.session.engine
    qtbot.waitUntil(lambda: engine.state is State.PAUSED, timeout=10000)
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_D)  # 6×
    qtbot.keyClick(view, Qt.Key.Key_B)  # run
    assert engine.state is State.RUNNING
    seen = []

    def question(_parent, _title, text, *_args):
        seen.append((engine.state, text))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    # nothing of a demonstration is kept, and the question does not promise it is
    assert seen == [(State.PAUSED, "End the demonstration? Nothing of it is recorded.")]
    assert engine.state is State.RUNNING  # No: on where it was
    app.session.driver.stop()


@pytest.mark.parametrize("size", SIZES)
def test_the_held_presenter_in_dutch_keeps_to_the_screen(qtbot, qapp, tmp_path, si_gewricht, size):
    """The line above the step says "Pauze" and the speed; it wraps rather than widen the window."""
    with as_the_app_runs(qapp, "nl"):
        data = tmp_path / "data"
        data.mkdir()
        (data / "settings.json").write_text(json.dumps({"voice": False}))
        app = App(Options(lang="nl", data_dir=data, demo=True), sound=quiet)
        qtbot.addWidget(app.window)
        app.window.resize(*size)
        app.window.show()
        app.start(si_gewricht)
        view = app.window.page
        qtbot.waitUntil(lambda: app.session.engine.state is State.PAUSED, timeout=10000)
        for _ in range(2):
            qtbot.keyClick(view, Qt.Key.Key_D)  # 6×: the longest line
        qtbot.waitUntil(lambda: "6× " in view.notice_label.text())
        assert view.notice_label.text().startswith("Pauze · ")
        assert app.window.width() == size[0] and view.width() <= size[0]
        assert view.notice_label.geometry().right() < view.width()
        app.session.driver.stop()
