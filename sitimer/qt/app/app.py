"""The one place that builds the clock, the engine, sound, voice, windows and records.

`sitimer` opens the picker; `sitimer run FILE` goes straight into a session
and exits when it (and the questions after it) are done. Everything one
session needs is made by :class:`Session` and torn down with it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from sitimer.core.options import Options, say
from sitimer.core.paths import data_dir as default_data_dir
from sitimer.core.settings import SettingsStore
from sitimer.qt.common import style
from sitimer.qt.common.screen import show_on
from sitimer.qt.common.translation import install_translator
from sitimer.qt.window.main_window import MainWindow

if TYPE_CHECKING:
    from sitimer.core.history.store import HistoryStore
    from sitimer.qt.audio.speech import Speaker
    from sitimer.qt.audio.tones import TonePlayer
    from sitimer.qt.reminders.flow import ReminderFlow
    from sitimer.qt.session.session import Session

# Qt Multimedia looks for PipeWire first and warns when it is missing, then uses PulseAudio.
# (No Python message handler: Qt's audio threads log too, and a handler that needs Python's
# lock from those threads can stall the sound.)
QUIET_LOGGING = "qt.multimedia.symbolsresolver.warning=false\nqt.multimedia.ffmpeg.info=false"
SPEECH_MAX_SPEED = 4.0  # faster than this a voice cannot keep up: tones only


class StopOnSignal(QObject):
    """Turns SIGINT / SIGTERM into a call on the Qt event loop (Python can't run handlers mid-C++).

    Python's own handler writes each signal to a socket at once, even while the main thread is
    deep in Qt; a thread of ours waits on that socket. The first signal asks the app to stop as
    Esc would, on the event loop, and starts the kernel's alarm: should the app still be there
    ``GRACE_S`` later (its event loop stuck, say, in a flood of warnings), SIGALRM's default
    action ends it, with no need of the event loop or of Python. A second signal ends it at
    once. When the event loop quits, the signals get their default action back.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)
    GRACE_S = 15  # time to stop as Esc would: record the session, say the last words, quit

    requested = Signal()  # from the waiting thread to the event loop

    def __init__(self, on_signal: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        self._write.setblocking(False)
        self._wakeup_before = signal.set_wakeup_fd(self._write.fileno())
        for sig in self.SIGNALS:
            signal.signal(sig, lambda *_: None)  # the wake-up socket does the work
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        self.requested.connect(on_signal, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._wait, name="sitimer-signals", daemon=True)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def _wait(self) -> None:
        asked = False
        with self._read:
            while received := self._read.recv(64):  # b"" once close() has hung up
                signals = [sig for sig in self.SIGNALS if sig in received]
                if signals and asked:
                    os._exit(128 + signals[0])  # the second signal: at once, as the default would
                if signals:
                    asked = True
                    signal.alarm(self.GRACE_S)
                    self.requested.emit()

    def close(self) -> None:
        """The event loop is over: the signals end the app at once again; the thread ends."""
        if self._write.fileno() == -1:
            return
        signal.set_wakeup_fd(self._wakeup_before)
        for sig in self.SIGNALS:
            signal.signal(sig, signal.SIG_DFL)
        self._write.close()
        self._thread.join(timeout=1.0)


class App(QObject):
    """The windows and the flow between them: picker, session, questions, progress."""

    def __init__(
        self,
        options: Options,
        window_factory: Callable[..., MainWindow] = MainWindow,
        sound: Callable[[], tuple[TonePlayer, Speaker]] | None = None,
    ) -> None:
        super().__init__()
        self.options = options
        self.exit_code = 0
        self.settings_store = SettingsStore(options.data_dir / "settings.json")
        self.settings = self.settings_store.load()
        if self.settings_store.warning:
            say(self.settings_store.warning)
        self.window = window_factory(
            data_dir=options.data_dir, lang=options.lang, start_session=self.start, therapist=options.demo
        )
        self.window.picker.progress_requested.connect(self.show_progress)
        self.window.picker.handout_requested.connect(self.save_handout)
        self.window.picker.save_requested.connect(self.save_programme)
        self.window.picker.edit_requested.connect(self.edit_programme)
        self.session: Session | None = None
        self.profile = ""  # whose adherence the next session is: "" at home, a patient code at a kiosk
        self._tones: TonePlayer | None = None
        self._speaker: Speaker | None = None
        if sound is not None:  # tests hand in quiet fakes
            self._tones, self._speaker = sound()
        self._notices: list[str] = []  # about sound and voice, told in each session's window
        self._store: HistoryStore | None = None
        self.reminders: ReminderFlow | None = None  # made by start_reminders() or the Reminders… button
        self.window.picker.reminders_requested.connect(lambda: self.reminder_flow().show_settings())
        if window_factory is MainWindow and options.programme is None:  # not a kiosk's, not `run FILE`
            self._prefer_last_done()

    def _prefer_last_done(self) -> None:
        """The picker starts on the programme done last, unless the patient has their own copy."""
        if not (self.options.data_dir / "history.db").exists():
            return  # nothing done yet: no history made for it
        from sitimer.core.history.errors import HistoryError

        try:
            self.window.picker.prefer_done(self.history().last_started())
        except HistoryError as err:  # busy or unreadable: the picker's own first choice, and why
            say(str(err))

    def reminder_flow(self) -> ReminderFlow:
        """The reminders' service, tray icon, banner and pages, made when first needed."""
        if self.reminders is None:
            from sitimer.qt.reminders.flow import ReminderFlow

            self.reminders = ReminderFlow(
                self.window,
                self.options.data_dir,
                self.options.lang,
                open_store=self.history,
                start_session=self.start,
                background=self.options.reminders,
                parent=self,
            )
        return self.reminders

    def start_reminders(self) -> None:
        """Start reminding; in the window, this also asks a check-in that is due.

        ``sitimer --reminders`` when another sitimer already reminds from this data folder
        says so and quits (exit 0): it would only sit there, silent.
        """
        if not self.reminder_flow().start() and self.options.reminders:
            say(f"another sitimer already reminds from {self.options.data_dir}; this one stops")
            QApplication.quit()

    def stop_reminders(self) -> None:
        """The app quits: no more reminders from this process."""
        if self.reminders is not None:
            self.reminders.stop()

    def history(self) -> HistoryStore:
        """The history database, opened once and kept open (a kiosk's can be large)."""
        if self._store is None:
            from sitimer.core.history.store import HistoryStore

            self._store = HistoryStore(self.options.data_dir / "history.db")
            for notice in self._store.take_notices():
                say(notice)
        return self._store

    # -- sound, made once: a speech engine takes seconds to come up ---------
    def _sound(self) -> tuple[TonePlayer, Speaker]:
        from sitimer.qt.audio.speech import SilentSpeaker, make_speaker
        from sitimer.qt.audio.tones import make_tone_player

        if self._tones is None:
            self._tones, notice = make_tone_player(self.settings, parent=self)
            if notice:
                self._notices.append(notice)
        if self._speaker is None:
            if self.options.speed > SPEECH_MAX_SPEED:
                self._speaker = SilentSpeaker()
            else:
                self._speaker, notice = make_speaker(self.options.lang, self.settings, parent=self)
                if notice:
                    self._notices.append(notice)
        return self._tones, self._speaker

    # -- the flow ------------------------------------------------------------
    def start(self, path: Path) -> None:
        """Start a session of the programme at ``path``."""
        if self.session is not None:
            return
        from sitimer.core.programme.loader import ProgrammeError
        from sitimer.qt.session.demo import DemoControls, PresenterView
        from sitimer.qt.session.session import Session

        tones, speaker = self._sound()
        try:
            session = Session(
                path,
                self.options,
                self.settings,
                tones,
                speaker,
                self.history,
                profile=self.profile,
                parent=self,
            )
        except ProgrammeError as err:
            for problem in err.problems:
                print(problem, file=sys.stderr)
            if self.options.exit_when_done:
                self.exit_code = 1
                QApplication.quit()
            else:
                QMessageBox.warning(
                    self.window,
                    self.tr("This programme cannot be used"),
                    "\n".join(str(p) for p in err.problems),
                )
            return
        self.session = session
        for notice in self._notices:
            session.tell(notice)
        session.view.mute_toggled.connect(self._set_muted)
        session.driver.finished.connect(self._after_session)
        if self.options.demo and isinstance(session.view, PresenterView):
            controls = DemoControls(session.view, session.driver, session.clock, self.window, parent=session)
            controls.speed_changed.connect(session.view.set_notice)
            session.sound.ready.connect(session.driver.toggle_pause)  # the therapist starts it
        if self.settings.pain_before and not self.options.auto:
            self._ask(before=True, then=self._show_and_start)
        else:
            self._show_and_start()

    def _show_and_start(self) -> None:
        if self.session is not None:
            self.window.show_page(self.session.view)
            self.session.start()

    def stop(self) -> None:
        """Ctrl+C or SIGTERM: end the session as Esc would, keep what was done, and quit."""
        self.options.exit_when_done = True
        self.options.auto = True  # no questions now
        from sitimer.core.session.engine import State
        from sitimer.qt.session.rating import RatingView

        page = self.window.page
        if self.session is not None and self.session.engine.state is not State.FINISHED:
            self.session.stop()
        elif self.session is not None and isinstance(page, RatingView) and not page.before:
            page.done()  # "How did it go?": keep what was answered, then quit (exit_when_done)
        else:  # nothing runs
            QApplication.quit()

    def quitting(self) -> None:
        """The window closed mid-session: record it as stopped, not cut off."""
        if self.session is not None and self.session.engine.session_start is not None:
            self.options.auto = True
            self.session.driver.stop()

    def _after_session(self, _completed: bool) -> None:
        if self.options.auto or self.options.demo:  # a demonstration asks nothing
            self._done()
        else:
            self._ask(before=False, then=self._done)

    def _ask(self, *, before: bool, then: Callable[[], None]) -> None:
        from sitimer.qt.session.rating import RatingView

        session = self.session
        view = RatingView(before=before)

        def rated(pain: int | None, effort: int | None, note: str) -> None:
            if session is None:
                return
            if before:
                session.recorder.pain_before = pain
            else:
                session.recorder.rate(pain=pain, effort=effort, note=note)

        view.rated.connect(rated)
        view.finished.connect(then)
        self.window.show_page(view)

    def _done(self) -> None:
        if self.session is not None:
            self.session.recorder.close()
            if self.session.recorder.lost_on_exit and self.options.exit_when_done:
                self.exit_code = 1  # the session could be kept nowhere on disk (told as it happened)
            self.session.deleteLater()  # nothing of a finished session is kept in memory
        self.session = None
        if self.reminders is not None:
            self.reminders.session_finished()
        if self.options.exit_when_done:
            QApplication.quit()
        else:
            self.window.show_picker()

    def _set_muted(self, muted: bool) -> None:
        self.settings = replace(self.settings, muted=muted)
        if self.session is not None:
            self.session.sound.set_muted(muted)
        self.settings_store.save(self.settings)

    def show_progress(self, path: Path) -> None:
        """The patient's history of this programme."""
        from sitimer.core.history.errors import HistoryError
        from sitimer.core.programme.loader import ProgrammeError, load_file
        from sitimer.qt.progress.view import HistoryView

        try:
            programme = load_file(path)
            store = self.history()
            store.recover()
            view = HistoryView(store, programme, self.options.lang)
        except (ProgrammeError, HistoryError) as err:
            QMessageBox.warning(self.window, self.tr("Progress"), str(err))
            return
        finally:
            for notice in self._store.take_notices() if self._store else []:  # e.g. a file moved aside
                say(notice)
        view.back.connect(self.window.show_picker)
        view.export_pdf.connect(lambda: self._export(store, "pdf"))
        view.export_csv.connect(lambda: self._export(store, "csv"))
        self.window.show_page(view)

    def _save_as(self, name: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save as"), str(Path.home() / name), pattern
        )
        return Path(chosen) if chosen else None

    def save_handout(self, path: Path) -> None:
        """The programme on paper for the patient (a PDF to print or send)."""
        from sitimer.core.programme.loader import ProgrammeError, load_file
        from sitimer.qt.picker.handout import write_handout

        try:
            programme = load_file(path)
        except ProgrammeError as err:
            QMessageBox.warning(self.window, self.tr("Handout"), str(err))
            return
        out = self._save_as(f"{programme.id}.pdf", "PDF (*.pdf)")
        if out:
            try:
                write_handout(programme, out, self.options.lang)
            except OSError as err:
                QMessageBox.warning(self.window, self.tr("Handout"), str(err))

    def edit_programme(self, path: Path) -> None:
        """The therapist tailors a programme in a window of its own; a saved copy shows in the list."""
        from sitimer.core.programme.loader import ProgrammeError
        from sitimer.qt.editor.window import EditorWindow

        try:
            editor = EditorWindow(path, self.options.data_dir, self.options.lang, parent=self.window)
        except ProgrammeError as err:
            QMessageBox.warning(
                self.window, self.tr("This programme cannot be used"), "\n".join(str(p) for p in err.problems)
            )
            return
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self.window.picker.refresh_file)
        editor.show()

    def save_programme(self, path: Path) -> None:
        """A copy of the programme file, to hand over (USB stick, e-mail)."""
        out = self._save_as(path.name, "Programmes (*.yaml)")
        if out:
            try:
                shutil.copyfile(path, out)
            except OSError as err:
                QMessageBox.warning(self.window, self.tr("Save as"), str(err))

    def _export(self, store: HistoryStore, kind: str) -> None:
        """Save the history as the therapist's PDF report, or as CSV for a spreadsheet."""
        from sitimer.core.history.errors import HistoryError
        from sitimer.core.history.export import session_rows, to_csv, write_private
        from sitimer.qt.progress.report import write_report

        name = "sitimer-report.pdf" if kind == "pdf" else "sitimer-history.csv"
        out = self._save_as(name, "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)")
        if out is None:
            return
        try:
            if kind == "pdf":
                write_report(out, store, self.options.data_dir, lang=self.options.lang)
            else:
                write_private(out, to_csv(session_rows(store, steps=True, local_times=True), steps=True))
        except (OSError, HistoryError) as err:
            QMessageBox.warning(self.window, self.tr("Save as"), str(err))


def run(options: Options) -> int:
    """Start the Qt application; returns the exit code."""
    QLoggingCategory.setFilterRules(QUIET_LOGGING)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("sitimer")
    install_translator(app, options.lang)
    style.apply_theme(app)
    main = App(options)
    stopper = StopOnSignal(main.stop)
    app.aboutToQuit.connect(main.quitting)
    app.aboutToQuit.connect(main.stop_reminders)
    if options.reminders:
        app.setQuitOnLastWindowClosed(False)  # closing the window keeps the reminders
    if options.reminders:
        QTimer.singleShot(0, main.start_reminders)  # no window to wait for
    elif not (options.demo or options.exit_when_done):
        main.window.first_painted.connect(main.start_reminders)  # once the list is on the screen
    if options.programme is not None:
        QTimer.singleShot(0, lambda: main.start(options.programme) if options.programme else None)
    if options.reminders:
        pass  # hidden until a reminder is answered, or the tray's "Open sitimer"
    elif options.screen is not None or options.demo:
        show_on(main.window, options.screen or 0)
    else:
        main.window.show()
    app.exec()
    del stopper
    return main.exit_code


def default_options(lang: str, data_dir: str | None) -> Options:
    """Options with the data folder resolved."""
    return Options(lang=lang, data_dir=default_data_dir(data_dir))
