"""The app's flow as a patient meets it: pick, do the session, answer two questions, back to the list."""

import json
import os
import subprocess
import threading
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.core.session.cues import step_cues
from sitimer.core.session.engine import EventKind, State
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import QueuedSpeaker, SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.progress.view import HistoryView
from sitimer.qt.session.rating import RatingView
from sitimer.qt.session.sound import SessionSound
from sitimer.qt.session.view import SessionView
from sitimer.words.phrases import Phrase, phrase_text
from tests.conftest import PROGRAMMES


def quiet():
    """No sound device: real sound is proven in test_real_sound.py, not here."""
    return SilentTonePlayer(), SilentSpeaker()


def _app(qtbot, data, **options):
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(
        json.dumps({"voice": False, "ask_pain_before": False})
    )  # no speech engine; straight in
    app = App(Options(lang="en", data_dir=data, **options), sound=quiet)
    qtbot.addWidget(app.window)
    return app


def test_a_session_ends_with_two_questions_whose_answers_are_kept(qtbot, tmp_path, si_gewricht):
    data = tmp_path / "data"
    app = _app(qtbot, data, speed=1000.0)
    app.start(si_gewricht)
    assert isinstance(app.window.page, SessionView)
    qtbot.waitUntil(lambda: isinstance(app.window.page, RatingView), timeout=15000)
    rating = app.window.page
    qtbot.mouseClick(rating.pain.group.button(3), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rating.effort.group.button(5), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(rating.done_button, Qt.MouseButton.LeftButton)
    assert app.window.page is None and app.window.stack.currentWidget() is app.window.picker
    [session] = HistoryStore(data / "history.db").sessions(include_simulated=True)
    assert (session.status, session.pain, session.effort) == ("completed", 3, 5)
    assert session.steps_done == session.steps_planned == 15


def test_leaving_a_session_keeps_what_was_done_as_stopped(qtbot, tmp_path, si_gewricht, monkeypatch):
    data = tmp_path / "data"
    app = _app(qtbot, data, speed=50.0)
    app.start(si_gewricht)
    view = app.window.page
    qtbot.waitUntil(lambda: app.session.engine.index >= 3, timeout=15000)  # into the second set
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert isinstance(app.window.page, RatingView)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # skip the questions
    [session] = HistoryStore(data / "history.db").sessions(include_simulated=True)
    assert session.status == "stopped" and session.steps_done >= 1


def test_a_finished_step_is_written_after_the_cues_of_that_moment_not_before(
    qtbot, tmp_path, si_gewricht, monkeypatch
):
    """The durable write of a step (an fsync) must not make the next step's first cue late."""
    order: list[tuple[str, int]] = []
    heard, add_step = SessionSound.on_event, HistoryStore.add_step

    def hear(sound, event):
        if event.kind is EventKind.CUE:
            order.append(("cue", event.step))
        heard(sound, event)

    def write(store, session_id, record):
        order.append(("write", record.step))
        add_step(store, session_id, record)

    monkeypatch.setattr(SessionSound, "on_event", hear)
    monkeypatch.setattr(HistoryStore, "add_step", write)
    app = _app(qtbot, tmp_path / "data", speed=1000.0)
    app.start(si_gewricht)
    qtbot.waitUntil(lambda: isinstance(app.window.page, RatingView), timeout=15000)
    writes = [i for i, (what, _) in enumerate(order) if what == "write"]
    assert len(writes) == 15
    for i in writes:
        step = order[i][1]
        # the cue that opens the next step was already handed to the sound
        assert any(what == "cue" and later > step for what, later in order[:i]), order[: i + 1]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking order
def test_reminders_wait_for_the_window_and_open_from_the_list(qtbot, tmp_path):
    app = _app(qtbot, tmp_path / "data")
    assert app.reminders is None  # nothing of the reminders is loaded before the window is up
    with qtbot.waitSignal(app.window.first_painted, timeout=5000):
        app.window.show()
    qtbot.mouseClick(app.window.picker.reminders_button, Qt.MouseButton.LeftButton)
    assert app.reminders is not None
    page = app.window.page
    assert page is not None and page.isVisible()
    assert "Reminders" in " ".join(label.text() for label in page.findChildren(QLabel))


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_first_start_with_its_reminders_makes_no_history(qtbot, tmp_path):
    data = tmp_path / "data"
    app = _app(qtbot, data)
    with qtbot.waitSignal(app.window.first_painted, timeout=5000):
        app.window.show()
    app.start_reminders()  # as a start does once the list is painted: reads what was done, to remind
    assert app.reminders is not None and app.reminders.service.timer.isActive()
    assert not (data / "history.db").exists()  # nothing done, nothing written: looking is not doing


def test_the_window_is_kept_as_left_but_not_by_a_demonstration_or_an_unattended_run(qtbot, tmp_path):
    data = tmp_path / "data"

    def start(**options):  # type: ignore[no-untyped-def]
        app = App(Options(lang="en", data_dir=data, **options), sound=quiet)  # settings.json as it is
        qtbot.addWidget(app.window)
        app.restore_window()
        return app

    app = _app(qtbot, data)
    with qtbot.waitSignal(app.window.first_painted, timeout=5000):
        app.window.show()
    app.window.resize(800, 500)  # what fits the offscreen screen (800 × 800): Qt keeps a window on it
    app.keep_window()  # as the app quits
    saved = json.loads((data / "settings.json").read_text())
    assert saved["window"] and saved["voice"] is False  # the other settings kept as they were
    assert start().window.size().toTuple() == (800, 500)
    hidden = start(reminders=True)  # in the background from login to logout, never shown
    hidden.window.resize(1000, 600)
    hidden.keep_window()
    assert json.loads((data / "settings.json").read_text())["window"] == saved["window"]

    for options in ({"demo": True}, {"auto": True}, {"screen": 1}):
        other = start(**options)
        assert other.window.size().toTuple() == (1280, 720), options  # full screen on its screen instead
        with qtbot.waitSignal(other.window.first_painted, timeout=5000):
            other.window.show()
        other.window.resize(1000, 600)
        other.keep_window()
        assert json.loads((data / "settings.json").read_text())["window"] == saved["window"], options


def test_settings_that_cannot_be_written_are_said_not_raised(qtbot, tmp_path, capsys):
    data = tmp_path / "data"
    app = _app(qtbot, data)
    (data / "settings.json").unlink()
    (data / "settings.json").mkdir()  # a folder where the file goes: every write fails
    with qtbot.waitSignal(app.window.first_painted, timeout=5000):
        app.window.show()
    app.flow._set_muted(True)  # M in a session
    app.keep_window()  # as the app quits
    said = capsys.readouterr().err.splitlines()
    assert said == [f"sitimer: settings not saved: {data / 'settings.json'}: Is a directory"] * 2


def test_a_window_setting_that_is_not_one_is_passed_over(qtbot, tmp_path):
    data = tmp_path / "data"
    for junk in ("not base64 at all ✓", "AAAA", "Zm9vYmFy"):
        data.mkdir(exist_ok=True)
        (data / "settings.json").write_text(json.dumps({"voice": False, "window": junk}))
        app = App(Options(lang="en", data_dir=data), sound=quiet)
        qtbot.addWidget(app.window)
        app.restore_window()
        assert app.window.size().toTuple() == (1280, 720), junk


def test_progress_opens_from_the_picker_and_goes_back(qtbot, tmp_path, si_gewricht):
    app = _app(qtbot, tmp_path / "data")
    app.window.select(si_gewricht)
    qtbot.mouseClick(app.window.picker.progress_button, Qt.MouseButton.LeftButton)
    assert isinstance(app.window.page, HistoryView)
    app.window.page.back.emit()
    assert app.window.stack.currentWidget() is app.window.picker


def test_progress_saves_the_report_and_a_csv_for_the_therapist(qtbot, tmp_path, si_gewricht, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from sitimer.qt.common import files
    from tests.helpers.history_data import two_weeks

    data = tmp_path / "data"
    two_weeks(data / "history.db", si_gewricht).close()
    app = _app(qtbot, data)
    app.show_progress(si_gewricht)
    saved = {"pdf": tmp_path / "out.pdf", "csv": tmp_path / "out.csv"}
    buttons = {b.text(): b for b in app.window.page.findChildren(QPushButton)}
    for kind, label in (("pdf", "Report for your therapist (PDF)…"), ("csv", "Export (CSV)…")):
        monkeypatch.setattr(files, "save_file_name", lambda *a, k=kind, **kw: saved[k])
        qtbot.mouseClick(buttons[label], Qt.MouseButton.LeftButton)
    assert saved["pdf"].read_bytes().startswith(b"%PDF")
    rows = saved["csv"].read_text().splitlines()
    assert rows[0].startswith("session_id,session_programme") and len(rows) == 1 + 26 * 15


def test_a_programme_file_opened_from_the_finder_is_shown_ready_to_start(qtbot, tmp_path, si_gewricht):
    """macOS hands a double-clicked file to the running app as a QFileOpenEvent, not as an argument."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    own = tmp_path / "mijn-oefeningen.sitimer.yaml"
    own.write_text(si_gewricht.read_text(encoding="utf-8"), encoding="utf-8")
    app = _app(qtbot, tmp_path / "data")
    QCoreApplication.sendEvent(QCoreApplication.instance(), QFileOpenEvent(str(own)))
    assert app.window.picker.selected_path() == own
    assert app.window.picker.start_button.isEnabled()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stack
def test_a_second_start_shows_the_hidden_window_with_the_programmes_read_again(
    qtbot, tmp_path, si_gewricht, runtime_dir
):
    """The reminders run from login with the window built and hidden; a programme the therapist
    sent since then is in the list when the patient starts sitimer again."""
    from sitimer.core import running
    from sitimer.core.paths import user_programmes_dir

    data = tmp_path / "data"
    app = _app(qtbot, data, reminders=True)
    app.serve()
    assert not app.window.isVisible()
    own = user_programmes_dir(data) / "van-de-therapeut.yaml"
    own.parent.mkdir(parents=True)
    own.write_text(si_gewricht.read_text(encoding="utf-8"), encoding="utf-8")
    asked: list[bool] = []
    asking = threading.Thread(target=lambda: asked.append(running.ask_to_show(data, wait_s=10)))
    asking.start()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)  # the event loop answers it
    asking.join()
    assert asked == [True]
    assert app.window.isVisible()
    app.window.picker.select(own)
    assert app.window.picker.selected_path() == own.resolve()  # listed: read again as it came up
    app.stop_serving()
    assert not running.ask_to_show(data)


def test_after_a_first_real_session_yes_to_the_offer_sets_the_reminders(qtbot, tmp_path, monkeypatch):
    """The whole way a patient goes: a session (real clock, stopped early), the questions after it,
    then the offer of reminder times. In the app "Yes, remind me" did nothing there: the button the
    signal handed over was another Python object than the one the box was built with (PySide keeps
    one object per address, and a freed button's address had been used again). That does not happen
    under pytest, so this test did not catch it; it keeps the way itself working."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    from sitimer.core.reminders.state import ReminderStateStore
    from sitimer.qt.reminders.flow import ReminderFlow
    from sitimer.qt.reminders.service import ReminderService, local_now
    from sitimer.qt.session.outcome import PskView

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    data = tmp_path / "data"
    app = _app(qtbot, data)
    app.window.show()

    def morning() -> datetime:  # before the first time offered: no reminder comes up after "Yes" (at
        return local_now().replace(hour=7, minute=0)  # 19:00-19:59 the 19:00 one did, raising the window)

    service = ReminderService(data, "en", open_store=app.history, now=morning, parent=app)
    app.reminders = ReminderFlow(
        app.window, data, "en", open_store=app.history, start_session=app.start, service=service, parent=app
    )
    app.start_reminders()
    app.start(PROGRAMMES / "si-blokkade-herstel.yaml")
    qtbot.waitUntil(
        lambda: app.session is not None and app.session.engine.state is State.RUNNING, timeout=10_000
    )
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # and Yes: stopped early
    qtbot.waitUntil(lambda: isinstance(app.window.page, RatingView), timeout=10_000)
    QTest.keyClicks(app.window.page, "23")
    QTest.keyClick(app.window.page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(app.window.page, PskView), timeout=10_000)
    QTest.keyClick(app.window.page, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: app.reminders.offer is not None and app.reminders.offer.isVisible(), timeout=10_000
    )
    assert "sitimer then starts when you log in" in app.reminders.offer.informativeText()
    yes = next(b for b in app.reminders.offer.buttons() if b.text() == "Yes, remind me")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    app.stop_reminders()  # no reminder of these comes up in a later test
    times = ReminderStateStore.in_folder(data).load().times
    assert times == {"si-blokkade-herstel": ["09:00", "14:00", "19:00"]}
    # Reminders need a sitimer running: "Yes" alone left none after the window closed (seen in a
    # bare Debian: no reminder ever came). It starts at login now, and goes on in the background.
    entry = tmp_path / "config" / "autostart" / "sitimer.desktop"
    assert entry.is_file() and f"--reminders --data-dir {data}" in entry.read_text()
    started: list[list[str]] = []
    monkeypatch.setattr(subprocess, "Popen", lambda argv, **kw: started.append(argv))
    app.keep_reminding()  # the window closes
    assert started and started[0][-4:] == ["sitimer", "--reminders", "--data-dir", str(data)]


class HeldVoice(QueuedSpeaker):
    """A voice whose every phrase takes until the test ends it: what waits is what would be heard next."""

    def __init__(self) -> None:
        super().__init__()
        self.begun: list[str] = []
        self.halted = 0

    def set_volume(self, volume: float) -> None:
        pass

    def _begin(self, phrase: Phrase) -> None:
        self.begun.append(phrase_text(phrase))

    def _halt(self) -> None:
        self.halted += 1

    def waiting(self) -> list[str]:
        return [phrase_text(item.phrase) for item in self.queue._items]


def test_stepping_on_drops_what_was_still_to_be_said_about_the_steps_left(qtbot, tmp_path, si_gewricht):
    """Five steps on in a second left eight seconds of old words ("rest, one minute" among them)
    over the counts of the step the patient had reached."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": True, "ask_pain_before": False}))
    voice = HeldVoice()
    app = App(Options(lang="en", data_dir=data), sound=lambda: (SilentTonePlayer(), voice))
    qtbot.addWidget(app.window)
    app.start(si_gewricht)
    session = app.session
    qtbot.waitUntil(lambda: session.engine.state is State.RUNNING, timeout=10_000)
    view = app.window.page
    for _ in range(4):
        begun = len(voice.begun)
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert session.engine.step.index == 4
    now_and_next = voice.begun[begun:] + voice.waiting()  # heard now, and next
    step_4 = {session.sound.words(cue) for cue in step_cues(session.plan, 4)} - {None}
    assert now_and_next and set(now_and_next) <= step_4, now_and_next
    assert voice.halted >= 4  # each step on cut short the word being said
    app.flow.drop()  # the session, at real speed, does not run on into later tests


def test_esc_in_the_pre_roll_holds_the_start_until_the_patient_answers(
    qtbot, tmp_path, si_gewricht, monkeypatch
):
    """Esc while the opening sound plays: the session began under the question and ran on, and
    at a fast clock ended under it, which took the question's window away inside its own event
    loop ("double free or corruption", sitimer aborted)."""
    from PySide6.QtWidgets import QMessageBox

    app = _app(qtbot, tmp_path / "data", speed=1000.0)
    app.start(si_gewricht)
    session = app.session
    assert session.engine.state is State.READY
    ready: list[None] = []
    session.sound.ready.connect(lambda: ready.append(None))
    seen: list[State] = []

    def question(*_args):
        qtbot.waitUntil(lambda: bool(ready), timeout=10_000)  # the pre-roll ends while the patient reads
        qtbot.wait(50)
        seen.append(session.engine.state)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)
    assert seen == [State.READY]  # nothing began under the question
    assert session.engine.state is State.RUNNING  # No: it begins now
    qtbot.waitUntil(lambda: isinstance(app.window.page, RatingView), timeout=15000)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stack
@pytest.mark.parametrize("platform", ["wayland", "xcb"])
def test_the_launchers_token_is_handed_to_qt_as_the_window_comes_up_and_taken_away_after(
    qtbot, tmp_path, monkeypatch, platform
):
    """On Wayland Qt gives ``XDG_ACTIVATION_TOKEN`` to the compositor when the window is shown or
    activated; with it GNOME brings the window in front of the others. Elsewhere nothing is set,
    and afterwards no program sitimer starts (a PDF viewer) inherits a used token."""
    from sitimer.qt.common import screen

    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    monkeypatch.setattr(screen.QGuiApplication, "platformName", staticmethod(lambda: platform))
    app = _app(qtbot, tmp_path / "data")
    seen: list[str | None] = []
    activated = lambda: seen.append(os.environ.get("XDG_ACTIVATION_TOKEN"))  # noqa: E731
    monkeypatch.setattr(app.window, "activateWindow", activated)
    app.show_asked("abc_TIME42")
    assert app.window.isVisible()
    assert seen == (["abc_TIME42"] if platform == "wayland" else [None])
    assert "XDG_ACTIVATION_TOKEN" not in os.environ
    app.show_asked(None)
    assert seen[-1] is None


def test_installed_anew_under_it_the_app_ends_unless_a_session_is_under_way(qtbot, tmp_path, monkeypatch):
    """An upgrade while the reminders run: asked for its window, the old sitimer ends so that the new
    version starts; never in the middle of a session, and without starting reminders behind it."""
    app = _app(qtbot, tmp_path / "data")
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    assert not app.renewed(False)
    monkeypatch.setattr(app.flow, "session", object())
    assert not app.renewed(True)  # the session goes on, in the version it began in
    monkeypatch.setattr(app.flow, "session", None)
    assert app.renewed(True)
    qtbot.waitUntil(lambda: quits == [True])
    kept: list[bool] = []
    app.reminders = type("Reminders", (), {"keep_reminding": lambda self: kept.append(True)})()
    app.keep_reminding()
    assert kept == []  # the new version's start takes the reminders on


def test_an_app_that_quits_as_its_first_frame_is_out_leaves_no_socket(qtbot, tmp_path, runtime_dir):
    """Quit at once after the first frame (a test's, a benchmark's): the frame's signal then came
    after the app's last words, and a socket was left behind in the runtime folder every time."""
    from sitimer.core import running

    app = _app(qtbot, tmp_path / "data")
    app.stop_serving()  # aboutToQuit
    app.serve()  # the first frame's signal, queued before the quit
    path = running.socket_path(tmp_path / "data")
    assert path is not None and not path.exists()


def test_a_programme_sent_by_the_therapist_is_kept_when_the_patient_starts_it(
    qtbot, tmp_path, si_gewricht, monkeypatch
):
    """Double-clicked from the Downloads folder (`run FILE`), or opened with Open file…: once the patient
    starts a real session of it, it is among their own programmes, so tomorrow's start lists it."""
    from PySide6.QtWidgets import QMessageBox

    from sitimer.core.paths import user_programmes_dir
    from sitimer.qt.app import flow

    sent = tmp_path / "Downloads" / "mijn-oefeningen.sitimer.yaml"
    sent.parent.mkdir()
    sent.write_bytes(si_gewricht.read_bytes())
    data = tmp_path / "data"
    app = _app(qtbot, data)
    monkeypatch.setattr(flow, "NOTICE_MS", 200)
    app.flow._notices.add("No sound device: cues are shown as flashes")
    app.window.picker.select(sent)
    app.window.picker.start_selected()
    copy = user_programmes_dir(data) / sent.name
    assert copy.read_bytes() == sent.read_bytes()
    view = app.window.page
    assert view.notice_label.text() == (
        "No sound device: cues are shown as flashes\n"
        "Kept in your programmes as mijn-oefeningen.sitimer.yaml: it is in the list next time."
    )
    qtbot.waitUntil(lambda: view.notice_label.text() == "No sound device: cues are shown as flashes")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # no questions answered
    picker = app.window.picker
    assert picker.selected_path() == copy.resolve()  # under "Your programmes", not "Opened"
    rows = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert "Opened" not in rows
    again = _app(qtbot, data)  # the next start
    again.window.picker.list.select_listed(copy)
    assert again.window.picker.selected_path() == copy.resolve()


@pytest.mark.parametrize("options", [{"speed": 50.0}, {"demo": True}], ids=["simulated", "demonstration"])
def test_a_simulated_or_demonstrated_run_keeps_no_copy(qtbot, tmp_path, si_gewricht, options):
    from sitimer.core.paths import user_programmes_dir

    sent = tmp_path / "sent.yaml"
    sent.write_bytes(si_gewricht.read_bytes())
    app = _app(qtbot, tmp_path / "data", **options)
    app.start(sent)
    assert app.session is not None
    assert not user_programmes_dir(tmp_path / "data").exists()
    assert "Kept" not in app.window.page.notice_label.text()
    app.flow.drop()


def test_the_voice_is_begun_as_the_start_screen_comes_up_not_when_start_is_pressed(qtbot, tmp_path):
    """speech-dispatcher takes 1-3 s to list its voices (20 s and more when it hangs): begun only at
    Start, the window stood frozen for that long before the pain question."""
    from sitimer.qt.audio import speech

    begun: list[str] = []

    def start_engine(lang: str, engines: list[str] | None = None) -> speech.EngineThread:
        begun.append(lang)
        return speech.EngineThread(lang, ["mock"])

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"ask_pain_before": False}))  # the voice on
    app = App(Options(lang="en", data_dir=data), sound=None)
    qtbot.addWidget(app.window)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(speech, "start_engine", start_engine)
        with qtbot.waitSignal(app.window.first_painted, timeout=5000):
            app.window.show()
        assert begun == ["en"]
        app.start(PROGRAMMES / "si-gewricht.yaml")
        assert begun == ["en"]  # the one begun ahead speaks: none begun (and waited for) at Start
        assert isinstance(app.session.sound.speaker, speech.TtsSpeaker)
    app.flow.drop()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stack
def test_a_file_handed_over_is_shown_or_its_session_started_but_never_over_one_running(
    qtbot, tmp_path, si_gewricht, si_blokkade
):
    """What a double-click (`open FILE`) or a patient's `run FILE` hands to the sitimer running."""
    app = _app(qtbot, tmp_path / "data")
    app.open_asked(si_blokkade, False)
    assert app.window.picker.selected_path() == si_blokkade.resolve() and app.session is None
    app.open_asked(si_gewricht, True)
    assert app.session is not None and app.session.plan.programme.id == "si-gewricht"
    running = app.session
    assert not app.open_asked(si_blokkade, True)  # a double-click during the session: no second one
    assert app.session is running and app.window.page is running.view
    app.flow.drop()  # once it is over, the file handed over is the one chosen in the list
    assert app.window.picker.selected_path() == si_blokkade.resolve()


def test_open_file_shows_the_picker_on_it_ready_to_start(qtbot, tmp_path, si_blokkade):
    """`sitimer open FILE` (a double-clicked file): the picker on that programme, not a session."""
    broken = tmp_path / "kapot.sitimer.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    app = _app(qtbot, tmp_path / "data", opened=si_blokkade)
    assert app.window.picker.selected_path() == si_blokkade.resolve() and app.session is None
    other = _app(qtbot, tmp_path / "data2", opened=broken)  # its problems shown, not a silent exit
    assert other.window.picker.selected_path() == broken.resolve()
    assert other.window.picker.problems_label.isVisibleTo(other.window.picker)


def test_a_session_started_from_the_list_takes_the_reminders_bar_away(qtbot, tmp_path, si_gewricht):
    """The bar said "Time for your exercises" through the whole session when the patient pressed Start
    in the list rather than the bar's Start now, and pushed the session down."""
    app = _app(qtbot, tmp_path / "data")
    app.window.show()
    banner = app.reminder_flow().banner
    banner.show_reminder("Time for your exercises", (("start-now", "Start now"),))
    assert banner.isVisible()
    app.start(si_gewricht)
    assert app.session is not None and not banner.isVisible()
    app.flow.drop()


class HeardVoice(SilentSpeaker):
    """A voice that keeps what it is asked to say."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, phrase, *, stale_after_s=None):  # type: ignore[no-untyped-def]
        self.said.append(phrase_text(phrase))


def test_the_questions_before_during_and_after_a_session_are_said(qtbot, tmp_path, si_gewricht, monkeypatch):
    """Lying on the floor, a patient heard "finished, well done", then nothing: the page asking pain and
    effort, the pain before the start and "Stop the session?" were on the screen only."""
    from PySide6.QtWidgets import QMessageBox

    voice = HeardVoice()
    data = tmp_path / "data"
    data.mkdir()
    app = App(Options(lang="en", data_dir=data, speed=1000.0), sound=lambda: (SilentTonePlayer(), voice))
    qtbot.addWidget(app.window)
    with qtbot.waitExposed(app.window):
        app.window.show()
    app.start(si_gewricht)
    assert voice.said == ["pain before you start: a number from zero to ten, then Enter. Escape skips"]
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # no answer: the session begins
    qtbot.waitUntil(
        lambda: isinstance(app.window.page, RatingView) and not app.window.page.before, timeout=15000
    )
    assert voice.said[-1] == (
        "how did it go? your pain from zero to ten, then how hard it was, then Enter. Escape skips"
    )
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    app.start(si_gewricht)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)  # in the session: stop?
    assert voice.said[-1] == "stop the session? Y to stop, Enter to carry on"
    app.flow.drop()


def test_the_kept_line_waits_for_the_session_not_for_the_pain_question(
    qtbot, tmp_path, si_gewricht, monkeypatch
):
    """The 15 s ran from Start: a patient who took them over the pain before never saw it."""
    from sitimer.qt.app import flow

    monkeypatch.setattr(flow, "NOTICE_MS", 200)
    sent = tmp_path / "mijn.sitimer.yaml"
    sent.write_bytes(si_gewricht.read_bytes())
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False}))  # the pain is asked before
    app = App(Options(lang="en", data_dir=data), sound=quiet)
    qtbot.addWidget(app.window)
    with qtbot.waitExposed(app.window):
        app.window.show()
    app.start(sent)
    assert isinstance(app.window.page, RatingView)
    qtbot.wait(400)  # the patient thinks about their pain
    qtbot.keyClick(app.window.page, Qt.Key.Key_Escape)
    view = app.window.page
    assert isinstance(view, SessionView)
    assert (
        view.notice_label.text()
        == "Kept in your programmes as mijn.sitimer.yaml: it is in the list next time."
    )
    qtbot.waitUntil(lambda: view.notice_label.text() == "")
    app.flow.drop()


def test_start_after_an_upgrade_under_the_reminders_starts_the_session_in_the_new_version(
    qtbot, tmp_path, monkeypatch
):
    """Seen in a bare Debian: upgraded while the reminders ran from login on, Start (on the reminder
    or in the list) did nothing but print a traceback: the packaged sitimer reads its modules from its
    own file, now the new version's. The session starts in the new version, which reminds from now on."""
    from sitimer.core import running

    data = tmp_path / "data"
    app = _app(qtbot, data, reminders=True)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    started: list[list[str]] = []
    monkeypatch.setattr(subprocess, "Popen", lambda argv, **kw: started.append(argv))
    app._installed = running.Installed(tmp_path / "sitimer")  # the executable as at the start
    (tmp_path / "sitimer").write_text("the new version")  # the upgrade
    app.start(PROGRAMMES / "si-gewricht.yaml")
    assert app.session is None  # not begun in this, the old version
    run, reminders = started
    assert run[-6:] == ["--data-dir", str(data), "--lang", "en", "run", str(PROGRAMMES / "si-gewricht.yaml")]
    assert "--reminders" in reminders and str(data) in reminders
    qtbot.waitUntil(lambda: quits == [True])


def test_start_without_an_upgrade_begins_here(qtbot, tmp_path, monkeypatch):
    from sitimer.core import running

    app = _app(qtbot, tmp_path / "data", reminders=True)
    (tmp_path / "sitimer").write_text("this version")
    app._installed = running.Installed(tmp_path / "sitimer")
    started: list[list[str]] = []
    monkeypatch.setattr(subprocess, "Popen", lambda argv, **kw: started.append(argv))
    app.start(PROGRAMMES / "si-gewricht.yaml")
    assert app.session is not None and started == []
    app.stop()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_start_at_login_ticked_on_the_reminder_page_keeps_reminding_after_the_window(
    qtbot, tmp_path, monkeypatch
):
    """Ticked on the reminder page, start at login left no reminders today once the window closed:
    only "Yes, remind me" started one in the background."""
    from sitimer.core.reminders import autostart

    data = tmp_path / "data"
    app = _app(qtbot, data)
    view = app.reminder_flow().show_settings()
    view.autostart.setChecked(True)
    assert autostart.is_enabled()
    started: list[list[str]] = []
    monkeypatch.setattr(subprocess, "Popen", lambda argv, **kw: started.append(argv))
    app.keep_reminding()  # the window closes
    assert started and "--reminders" in started[0]
    app.stop_reminders()
