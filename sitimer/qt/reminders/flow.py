"""ReminderFlow: reminders in the app — the service, tray icon, banner, check-in and settings pages.

The app makes one with its main window and hands it what it needs (the history, how to start a
session); everything about reminders that the window shows goes through here. With
``background`` (``sitimer --reminders``, what start-at-login runs) the window stays hidden until
the patient answers a reminder; the tray icon, where there is a tray, says sitimer is there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox, QSystemTrayIcon

from sitimer.core import running
from sitimer.core.history.errors import HistoryError
from sitimer.core.history.store import HistoryStore
from sitimer.core.notices import say
from sitimer.core.reminders import autostart
from sitimer.core.reminders.checkin import Answer, CheckIn
from sitimer.core.reminders.rules import suggested_times
from sitimer.qt.common.screen import bring_forward
from sitimer.qt.common.translation import system_language
from sitimer.qt.reminders.banner import attach
from sitimer.qt.reminders.checkin_view import CheckInView
from sitimer.qt.reminders.notifications import Notifier, app_icon
from sitimer.qt.reminders.service import ReminderService
from sitimer.qt.reminders.settings import ReminderSettingsView, settings_page
from sitimer.qt.window.main_window import MainWindow

log = logging.getLogger(__name__)


class ReminderFlow(QObject):
    """Connects a ReminderService to the main window."""

    def __init__(
        self,
        window: MainWindow,
        data_dir: Path,
        lang: str,
        *,
        open_store: Callable[[], HistoryStore],
        start_session: Callable[[Path], None],
        background: bool = False,
        service: ReminderService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.data_dir = data_dir
        self.lang = lang
        self.background = background
        self._open_store = open_store
        self._start_session = start_session
        self.tray: QSystemTrayIcon | None = None
        self.offer: QMessageBox | None = None  # the last offer of reminder times (tests read it)
        self.keeps_reminding = False  # "Yes, remind me" turned start-at-login on in this run
        if service is None:
            if QSystemTrayIcon.isSystemTrayAvailable():
                self.tray = self._make_tray()
            service = ReminderService(
                data_dir, lang, open_store=open_store, notifier=Notifier(self.tray), parent=self
            )
        self.service = service
        self.banner = attach(window)
        self.banner.chosen.connect(service.answer_banner)
        service.banner.connect(self._banner)
        service.start_requested.connect(self._start)
        service.checkin_requested.connect(self.show_checkin)
        # Ctrl+, opens the reminder settings, as preferences do elsewhere (Cmd+, on a Mac). Not
        # StandardKey.Preferences: that has no keys at all on Linux.
        self.settings_action = QAction(self.tr("Reminders…"), window)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.show_settings)
        window.addAction(self.settings_action)

    def _make_tray(self) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(app_icon(), self)
        tray.setToolTip(self.tr("sitimer: reminders for your exercises"))
        menu = QMenu()
        menu.addAction(self.tr("Open sitimer"), self._raise)
        menu.addAction(self.tr("Reminders…"), self.show_settings)
        menu.addSeparator()
        menu.addAction(self.tr("Quit sitimer"), QApplication.quit)
        tray.setContextMenu(menu)
        tray.activated.connect(
            lambda reason: self._raise() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
        )
        tray.show()
        return tray

    def start(self) -> bool:
        """Start reminding; in the window, also ask a check-in that is due.

        False when another sitimer already reminds from this data folder (it holds the lock).
        """
        reminding = self.service.start()
        if not self.background:
            self.offer_checkin()
        return reminding

    def start_at_login(self) -> None:
        """Start sitimer's reminders at login from now on, and keep reminding today once the window
        closes (:meth:`keep_reminding`); a file that cannot be written is said, not raised."""
        chosen = self.lang if self.lang != system_language() else None
        try:
            autostart.enable(autostart.command(self.data_dir, lang=chosen))
        except OSError as err:
            say(f"start at login not set: {err}")
            return
        self.keeps_reminding = True

    def keep_reminding(self) -> None:
        """The window closes after the patient said "Yes, remind me", or with start at login on (ticked
        on the reminder page, or a window that took over from the reminders after an upgrade): the
        reminders go on today in a sitimer of their own in the background, as they will after the
        next login. (Only "Yes" did; the others left no reminders until the next login.) One already
        reminding makes the new one end at once."""
        if self.background or not (self.keeps_reminding or autostart.is_enabled()):
            return
        chosen = self.lang if self.lang != system_language() else None
        argv = autostart.command(self.data_dir, lang=chosen)
        try:
            running.start_new(argv)
        except OSError as err:
            say(f"reminders in the background not started: {err}")

    def stop(self) -> None:
        """Stop reminding (the app quits)."""
        self.service.stop()
        if self.tray is not None:
            self.tray.hide()

    def session_finished(self) -> None:
        """A session ended: the day's tally changed; after a programme's first, offer reminder times."""
        self.service.session_finished()
        self.offer_times()

    def offer_times(self) -> QMessageBox | None:
        """Once per programme, after its first session, when it has no reminder times: ask."""
        watched = self.service.to_offer()
        if watched is None:
            return None
        programme = watched.programme
        self.service.mark_offered(programme.id)
        times = suggested_times(programme)
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Reminders"))
        box.setText(
            self.tr("Shall sitimer remind you of “{0}” at {1}?").format(
                programme.title.get(self.lang), ", ".join(times)
            )
        )
        at_login = autostart.entry_path() is not None and not autostart.is_enabled()
        box.setInformativeText(
            self.tr(
                "sitimer then starts when you log in, to remind you. You can change the times, or"
                " turn them off, under Reminders…"
            )
            if at_login
            else self.tr("You can change the times, or turn them off, under Reminders…")
        )
        yes = box.addButton(self.tr("Yes, remind me"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Choose times…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("No, thanks"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)

        def answered(button: QAbstractButton) -> None:
            # By role: the button a signal hands over is not always the same Python object as the
            # one addButton gave (seen after a whole session: "Yes" then did nothing).
            role = box.buttonRole(button)
            if role is QMessageBox.ButtonRole.AcceptRole:
                self.service.set_times(programme.id, list(times))
                if at_login:  # reminders need a sitimer running: "Yes" alone never brought one
                    self.start_at_login()
            elif role is QMessageBox.ButtonRole.ActionRole:
                self.show_settings().choose(programme.id, times)

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.offer = box
        box.open()
        return box

    # -- what the window shows -------------------------------------------------------------------
    def _raise(self) -> None:
        """The window in front; after a click on a notification, with the desktop's token for it."""
        bring_forward(self.window, self.service.notifier.activation_token)

    def _banner(self, text: str) -> None:
        self._raise()  # in the background, the banner is the only way left: show the window
        path = self.service.banner_path()
        if path is not None:  # the list shows the programme the reminder is about
            self.window.picker.select(path)
        self.banner.show_reminder(text, self.service.banner_actions)

    def _start(self, path: Path) -> None:
        self.banner.hide()
        self.window.picker.select(path)  # after the session, the list is on this programme
        self._raise()
        self._start_session(path)

    def offer_checkin(self) -> bool:
        """Show the first check-in that is due, if any; True when one is shown."""
        due = self.service.checkins_due()
        if due:
            self.show_checkin(due[0][0], due[0][1].value)
        return bool(due)

    def show_checkin(self, path: Path, kind: str) -> None:
        """The check-in page for the programme at ``path``; its GPE and PSK go into the history."""
        watched = self.service.watched_programme(path)
        if watched is None:
            return
        programme = watched.programme
        try:
            store = self._open_store()
            sessions = store.sessions(profile="")
            named = store.psk(programme.id)
        except HistoryError as err:  # the page shows no trend rather than no question
            log.warning("check-in: history: %s", err)
            sessions, named = [], []
        view = CheckInView(
            programme,
            CheckIn(kind),
            sessions,
            self.lang,
            maintenance_time=self.service.maintenance_time(programme),
            point=self.service.progress_point(watched),
            weeks_done=self.service.weeks_done(watched),
            psk_names=tuple(name for name, _ in named[-1].items) if named else (),
        )
        view.answered.connect(
            lambda checkin, answer: self.service.record_checkin(programme, CheckIn(checkin), Answer(answer))
        )
        view.progress_seen.connect(lambda week: self.service.record_progress(programme, week))
        view.gpe_given.connect(lambda value: self._keep(lambda s: s.save_gpe(programme.id, s.now(), value)))
        view.psk_given.connect(lambda items: self._keep(lambda s: s.save_psk(programme.id, s.now(), items)))
        view.finished.connect(self.window.show_picker)
        self._raise()
        self.window.show_page(view)

    def _keep(self, write: Callable[[HistoryStore], None]) -> None:
        """Write an answer of the patient's into the history; a history that cannot take it is logged."""
        try:
            write(self._open_store())
        except HistoryError as err:
            log.warning("check-in: history: %s", err)

    def show_settings(self) -> ReminderSettingsView:
        """The reminder settings page."""
        view = settings_page(self.service, self.data_dir)
        view.back.connect(self.window.show_picker)
        self._raise()
        self.window.show_page(view)
        return view
