"""The home app: the picker and what it opens (a session, progress, a handout, the editor, reminders).

`sitimer` opens the picker; `sitimer run FILE` goes straight into a session
and exits when it (and the questions after it) are done. The session itself,
and the questions around it, are the :class:`SessionFlow`'s.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sitimer.core.notices import say
from sitimer.core.options import Options
from sitimer.core.settings import SettingsStore
from sitimer.qt.app.flow import SessionFlow
from sitimer.qt.common.screen import bring_forward, restore_place, show_on, window_place
from sitimer.qt.common.startup import Application, application, run_loop
from sitimer.qt.window.main_window import MainWindow

if TYPE_CHECKING:
    import socket

    from sitimer.core import running
    from sitimer.core.history.store import HistoryStore
    from sitimer.qt.audio.speech import Speaker
    from sitimer.qt.audio.tones import TonePlayer
    from sitimer.qt.reminders.flow import ReminderFlow
    from sitimer.qt.session.session import Session


class App(QObject):
    """The home window and what its picker opens; sessions through a :class:`SessionFlow`."""

    def __init__(
        self,
        options: Options,
        sound: Callable[[], tuple[TonePlayer, Speaker]] | None = None,
    ) -> None:
        super().__init__()
        self.options = options
        self.settings_store = SettingsStore(options.data_dir / "settings.json")
        settings = self.settings_store.load()
        say(*self.settings_store.notices.take())
        self.window = MainWindow(
            data_dir=options.data_dir, lang=options.lang, start_session=self.start, therapist=options.demo
        )
        self.flow = SessionFlow(self.window, options, settings, sound, parent=self)
        self.flow.muted.connect(self._save_settings)
        self.flow.animation.connect(self._save_settings)
        self.window.picker.set_animation(settings.animation and options.figure)  # the preview follows it
        self.flow.animation.connect(self.window.picker.set_animation)
        self.flow.done.connect(self._session_done)
        self.flow.kept.connect(self.window.picker.kept)
        self.window.first_painted.connect(self.flow.prepare_voice)  # ready by the time Start is pressed
        self.window.picker.progress_requested.connect(self.show_progress)
        self.window.picker.handout_requested.connect(self.save_handout)
        self.window.picker.save_requested.connect(self.save_programme)
        self.window.picker.edit_requested.connect(self.edit_programme)
        self.window.picker.use_history(self.history)  # the patient ticks off a daily activity
        self.reminders: ReminderFlow | None = None  # made by start_reminders() or the Reminders… button
        self._serving: tuple[socket.socket, QSocketNotifier] | None = None  # see serve()
        self._quitting = False  # stop_serving() has run: serve() must not listen after it
        self._renewing = False  # installed anew under it, this sitimer ends for the new one (renewed)
        self._installed: running.Installed | None = None  # its own file as at the start (serve)
        self._opened_later: Path | None = None  # a file handed over during a session (open_asked)
        self.window.picker.reminders_requested.connect(lambda: self.reminder_flow().show_settings())
        if options.opened is not None:  # `sitimer open FILE`: a double-clicked file, ready to start
            self.window.picker.select(options.opened)
        elif options.programme is None:  # not `run FILE`
            self._prefer_last_done()
        if isinstance(qt_app := QApplication.instance(), Application):
            # macOS: a file double-clicked in Finder; by way of the window, so it ends with it
            qt_app.file_opened.connect(self.window.file_opened)
            self.window.file_opened.connect(self.open_file)

    def open_file(self, path: str) -> None:
        """A programme file handed over by the system while sitimer runs: shown in the picker, ready to
        start (never in the way of a session running)."""
        if self.session is None:
            self.window.picker.select(Path(path))
            self.window.show()  # the reminders may have kept it hidden; macOS brings it to the front

    @property
    def session(self) -> Session | None:
        """The session running now, if any."""
        return self.flow.session

    def history(self) -> HistoryStore:
        """The history database (the flow's, opened once)."""
        return self.flow.history()

    def start(self, path: Path) -> None:
        """Start a session of the programme at ``path``; a reminder's bar has had its answer (it
        stayed above the whole session when Start was pressed in the list instead of on the bar)."""
        if self.reminders is not None:
            self.reminders.banner.hide()
        if self._hand_over(path):
            return
        self.flow.start(path)

    def _hand_over(self, path: Path) -> bool:
        """Start pressed (in the list, or on a reminder) after sitimer was installed anew under this one
        (an upgrade while its reminders ran from login on). A packaged sitimer reads its modules from
        its own file, now the new version's: the session could not begin, and Start did nothing (seen
        in a bare Debian). The session starts in the new version, which takes the reminders on, and
        this one ends. True when it does."""
        if self._installed is None or not self._installed.changed() or self.session is not None:
            return False
        # Only modules already loaded from here on (serve() loaded `running`; the reminders' flow,
        # `autostart`): the package's file has the new version's now, and gives none.
        from sitimer.core import running

        say("sitimer was installed anew: the session starts in the new version")
        self.stop_serving()
        self.stop_reminders()  # the new one reminds from now on
        data = str(self.options.data_dir)
        sitimer = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "sitimer"]
        commands = [[*sitimer, "--data-dir", data, "--lang", self.options.lang, "run", str(path)]]
        if self.options.reminders:
            from sitimer.core.reminders import autostart

            commands.append(autostart.command(self.options.data_dir, lang=self.options.lang))
        for argv in commands:
            try:
                running.start_new(argv)
            except OSError as err:
                say(f"the new version did not start: {err}")
        self._renewing = True
        QTimer.singleShot(0, QApplication.quit)
        return True

    def stop(self) -> None:
        """Ctrl+C or SIGTERM: end the session as Esc would, keep what was done, and quit."""
        self.flow.stop()

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

    def serve(self) -> None:
        """From now on a second ``sitimer`` for this data folder shows this window instead of its own."""
        from sitimer.core import running

        if self._quitting:
            return  # the first frame's signal came as the app quit: nobody to answer, nothing to leave
        self._installed = installed = running.Installed()
        server = running.listen(self.options.data_dir)
        if server is None:
            return  # Windows, or another sitimer already listens: each start stays its own
        notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(
            lambda *_: running.answer(
                server, self.show_asked, self.open_asked, lambda: self.renewed(installed.changed())
            )
        )
        self._serving = (server, notifier)

    def renewed(self, changed: bool) -> bool:
        """A start asks for this window, and sitimer was installed anew under this one (``changed``:
        an upgrade; its reminders ran from login on): with no session under way, this one ends and
        the start goes on as the new version's. True when it ends."""
        if not changed or self.session is not None:
            return False
        say("sitimer was installed anew: this one ends and the new one starts")
        self._renewing = True
        QTimer.singleShot(0, QApplication.quit)
        return True

    def show_asked(self, token: str | None = None) -> None:
        """``sitimer`` was started again: this window comes up, the list read again, as a new start
        would show it (a check-in due is asked too, as at a start). ``token``: the activation token
        the desktop gave that start (:func:`bring_forward`)."""
        if self.session is None:
            self.window.picker.reload()
        bring_forward(self.window, token)
        if self.session is None and self.reminders is not None and self.options.reminders:
            self.reminders.offer_checkin()

    def open_asked(self, path: Path, start: bool, token: str | None = None) -> bool:
        """A programme file handed over by a later start (a double-click, `sitimer run FILE`): shown in
        the picker, its session started when ``start``. Never over a session running here, which is
        brought forward; the file is then chosen in the list once the session is over (False)."""
        bring_forward(self.window, token)
        if self.session is not None:
            self._opened_later = path
            return False
        self.window.picker.reload()
        self.window.picker.select(path)
        if start:
            self.start(path)
        return True

    def stop_serving(self) -> None:
        """The app quits: the next start is a first one again."""
        self._quitting = True
        if self._serving is not None:
            from sitimer.core import running

            server, notifier = self._serving
            notifier.setEnabled(False)
            running.stop(server, self.options.data_dir)
            self._serving = None

    def keep_reminding(self) -> None:
        """The app quits: where the patient said "Yes, remind me" in it, a sitimer in the background
        takes the reminders on (start at login does so from the next login)."""
        if self.reminders is not None and not self.options.reminders and not self._renewing:
            self.reminders.keep_reminding()

    def stop_reminders(self) -> None:
        """The app quits: no more reminders from this process."""
        if self.reminders is not None:
            self.reminders.stop()

    def _session_done(self) -> None:
        if self._opened_later is not None:  # handed over during the session: chosen now
            self.window.picker.select(self._opened_later)
            self._opened_later = None
        if self.reminders is not None:
            self.reminders.session_finished()

    def _save_settings(self, _changed: bool = False) -> None:
        try:
            self.settings_store.save(self.flow.settings)
        except OSError as err:  # a full disk, a read-only folder: the choice holds until the app quits
            say(f"settings not saved: {self.settings_store.path}: {err.strerror or err}")

    @property
    def keeps_window(self) -> bool:
        """Whether the window opens where it was left, and is kept as it is left: the patient's own
        window; not the demonstration's full screen, a chosen screen or an unattended run."""
        return not (self.options.demo or self.options.screen is not None or self.options.auto)

    def restore_window(self) -> None:
        """Open the window at the size, place and state (maximised, full screen) it was left in."""
        if self.keeps_window and self.flow.settings.window:
            restore_place(self.window, self.flow.settings.window)

    def keep_window(self) -> None:
        """As the app quits: the window's size, place and state, for the next start. A window never
        shown (reminders in the background all day) keeps what was kept: a hidden window's
        place is only what it was given."""
        if not self.keeps_window or not self.window.painted:
            return
        place = window_place(self.window)
        if place != self.flow.settings.window:
            self.flow.settings = replace(self.flow.settings, window=place)
            self._save_settings()

    def show_progress(self, path: Path) -> None:
        """The patient's history of this programme."""
        from sitimer.core.history.errors import HistoryError
        from sitimer.core.programme.loader import load_file
        from sitimer.core.programme.reader import ProgrammeError
        from sitimer.qt.common.problem_text import problem_lines
        from sitimer.qt.progress.view import HistoryView

        try:
            programme = load_file(path)
            store = self.history()
            store.recover()
            view = HistoryView(
                store,
                programme,
                self.options.lang,
                save_ears=lambda answers: store.save_ears(programme.id, self.flow.today(), answers),
            )
        except (ProgrammeError, HistoryError) as err:
            said = problem_lines(err.problems) if isinstance(err, ProgrammeError) else str(err)
            QMessageBox.warning(self.window, self.tr("Progress"), said)
            return
        view.back.connect(self.window.show_picker)
        view.export_pdf.connect(lambda: self._export(store, "pdf"))
        view.export_csv.connect(lambda: self._export(store, "csv"))
        self.window.show_page(view)

    def _save_as(self, name: str, pattern: str) -> Path | None:
        from sitimer.qt.common.files import save_file_name

        return save_file_name(self.window, self.tr("Save as"), Path.home() / name, pattern)

    def save_handout(self, path: Path) -> None:
        """The programme on paper for the patient (a PDF to print or send)."""
        from sitimer.core.programme.loader import load_file
        from sitimer.core.programme.reader import ProgrammeError
        from sitimer.qt.common.problem_text import problem_lines
        from sitimer.qt.picker.handout import write_handout

        try:
            programme = load_file(path)
        except ProgrammeError as err:
            QMessageBox.warning(self.window, self.tr("Handout"), problem_lines(err.problems))
            return
        out = self._save_as(f"{programme.id}.pdf", "PDF (*.pdf)")
        if out:
            try:
                write_handout(programme, out, self.options.lang)
            except OSError as err:
                QMessageBox.warning(self.window, self.tr("Handout"), str(err))
            else:
                self._saved(self.tr("Handout"), out)

    def edit_programme(self, path: Path) -> None:
        """The therapist tailors a programme in a window of its own; a saved copy shows in the list."""
        from sitimer.core.programme.reader import ProgrammeError
        from sitimer.qt.common.problem_text import problem_lines
        from sitimer.qt.editor.window import EditorWindow

        try:
            editor = EditorWindow(path, self.options.data_dir, self.options.lang, parent=self.window)
        except ProgrammeError as err:
            found = problem_lines(err.problems)
            QMessageBox.warning(self.window, self.tr("This programme cannot be used"), found)
            return
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self.window.picker.refresh_file)
        editor.show()

    def save_programme(self, path: Path) -> None:
        """A copy of the programme file, to hand over (USB stick, e-mail)."""
        from sitimer.core.paths import handover_name

        out = self._save_as(handover_name(path), self.tr("Programmes (*.yaml *.yml)"))
        if out:
            try:
                shutil.copyfile(path, out)
            except OSError as err:
                QMessageBox.warning(self.window, self.tr("Save as"), str(err))
            else:
                self._saved(self.tr("Save as"), out, openable=False)  # it opens here, by Open file…

    def _export(self, store: HistoryStore, kind: str) -> None:
        """Save the history as the therapist's PDF report, or as CSV for a spreadsheet."""
        from sitimer.core.history.errors import HistoryError
        from sitimer.core.history.export import session_rows, to_csv, write_private
        from sitimer.qt.progress.report import write_report

        # the file's name suggested in the patient's language
        name = self.tr("sitimer-report") + ".pdf" if kind == "pdf" else self.tr("sitimer-history") + ".csv"
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
        else:
            self._saved(self.tr("Save as"), out)

    def _saved(self, title: str, out: Path, *, openable: bool = True) -> None:
        from sitimer.qt.common.files import tell_saved

        tell_saved(self.window, title, out, openable=openable)


def run(options: Options) -> int:
    """The home app (or `run FILE`, or the demonstration) until it quits; returns the exit code."""
    app = application(options.lang)
    main = App(options)
    app.aboutToQuit.connect(main.flow.quitting)
    app.aboutToQuit.connect(main.keep_window)
    app.aboutToQuit.connect(main.stop_reminders)
    app.aboutToQuit.connect(main.stop_serving)
    app.aboutToQuit.connect(main.keep_reminding)  # last: this one's lock and socket are let go
    main.restore_window()  # before it is shown: where, how large and how the patient left it
    if options.reminders:
        app.setQuitOnLastWindowClosed(False)  # closing the window keeps the reminders
        QTimer.singleShot(0, main.start_reminders)  # no window to wait for
        QTimer.singleShot(0, main.serve)
    elif not (options.demo or options.exit_when_done):
        main.window.first_painted.connect(main.start_reminders)  # once the list is on the screen
        main.window.first_painted.connect(main.serve)
    programme = options.programme
    if programme is not None:
        QTimer.singleShot(0, lambda: main.start(programme))
    if options.reminders:
        pass  # hidden until a reminder is answered, or the tray's "Open sitimer"
    elif options.screen is not None or options.demo:
        show_on(main.window, options.screen or 0)
    else:
        main.window.show()
    run_loop(app, main.stop)
    return main.flow.exit_code
