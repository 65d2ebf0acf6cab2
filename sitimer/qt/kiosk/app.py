"""The practice-gym kiosk: one shared PC, locked full screen, patients by code, a therapist PIN to leave.

:class:`KioskApp` runs its sessions through the same :class:`SessionFlow` as the
home app (session, the two questions, history), with a code keypad for a start screen
instead of the picker. A patient sees
only their own programmes and figures; after their session, when they tap
Done, or after the idle minutes, every page of theirs is deleted and the
keypad is empty again. Only the therapist's PIN opens the settings and the
exit (see window.py for how the window stays put).
"""

from __future__ import annotations

import contextlib
import ctypes
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from sitimer.core.clock import Clock, SystemClock
from sitimer.core.history.adherence import figures
from sitimer.core.history.errors import HistoryError
from sitimer.core.history.export import session_rows, to_csv, write_private
from sitimer.core.history.rows import SessionRow
from sitimer.core.history.store import HistoryStore
from sitimer.core.kiosk.config import (
    STATION_PROFILE,
    KioskConfig,
    KioskConfigStore,
    programme_ref,
    resolve_programme,
)
from sitimer.core.kiosk.pin import CODE_STATE_NAME, PIN_STATE_NAME, PinGate, code_tries
from sitimer.core.notices import say
from sitimer.core.options import Options
from sitimer.core.paths import programmes_dir
from sitimer.core.programme.catalogue import listing
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.reader import ProgrammeError
from sitimer.core.session.engine import State
from sitimer.core.settings import SettingsStore
from sitimer.qt.app.flow import SessionFlow
from sitimer.qt.audio.speech import Speaker
from sitimer.qt.audio.tones import TonePlayer
from sitimer.qt.common.startup import application, run_loop
from sitimer.qt.kiosk.pages import PatientPage, PatientProgramme, PinPage, StationPage
from sitimer.qt.kiosk.therapist import Choice, TherapistPage
from sitimer.qt.kiosk.window import KioskInput, KioskWindow, lock_holds
from sitimer.qt.picker.summary import summary
from sitimer.qt.progress.report import write_report
from sitimer.qt.progress.view import HistoryView
from sitimer.qt.session.session import Session


class KioskApp(QObject):
    """The kiosk's flow: code, the patient's programmes, their session and questions, the start again."""

    exited = Signal()  # the therapist closed the kiosk

    def __init__(
        self,
        options: Options,
        *,
        config: KioskConfig | None = None,
        clock: Clock | None = None,
        today: Callable[[], date] = date.today,
        sound: Callable[[], tuple[TonePlayer, Speaker]] | None = None,
    ) -> None:
        super().__init__()
        self.options = options = replace(options, demo=False)  # a kiosk's sessions are the patient's own
        settings_store = SettingsStore(options.data_dir / "settings.json")
        settings = settings_store.load()
        say(*settings_store.notices.take())
        self._muted = settings.muted  # each patient starts with the kiosk's sound
        self.window = self.kiosk_window = window = KioskWindow(
            data_dir=options.data_dir, lang=options.lang, start_session=self.start_for_patient
        )
        self.flow = SessionFlow(window, options, settings, sound, parent=self)
        self.flow.ended.connect(self._ended)
        self.flow.done.connect(self._session_done)
        self.config_store = KioskConfigStore.in_folder(options.data_dir)
        if config is None:
            config = self.config_store.load()
            say(*self.config_store.notices.take())
        self.config = config
        self._stamp = self.config_store.stamp()  # the file's version read; see refresh_config
        self.clock = clock or SystemClock()
        self.today = today
        self.gate = PinGate(config.pin, self.clock, state=options.data_dir / PIN_STATE_NAME)
        self.code_tries = code_tries(self.clock, state=options.data_dir / CODE_STATE_NAME)
        window.start_page.wait_s = self.code_tries.wait_s
        window.start_page.refresh()  # a guesser's wait outlives a restart
        self.code: str | None = None
        self._restart_station = False
        window.start_page.submitted.connect(self.open_code)
        window.start_page.therapist.connect(self.ask_pin)
        self.station = (
            resolve_programme(config.station, options.data_dir, programmes_dir()) if config.station else None
        )
        if self.station is not None:
            self.flow.asks = False  # a station asks nothing, before or after, and goes again
            station = StationPage(self._title(self.station))
            station.start.connect(self.start_station)
            station.therapist.connect(self.ask_pin)
            window.set_home(station)
        _return_big_blocks_to_the_system()
        self.input = KioskInput(self.clock, config.idle_minutes * 60, self._busy, parent=self)
        self.input.idle.connect(self.reset)
        self.kiosk_window.shown.connect(self.input.watch_windows)  # also before it has the keyboard
        try:
            self.history().recover()  # sessions a power cut left open count as interrupted
        except HistoryError as err:
            say(str(err))
        self._page_config: KioskConfig | None = None  # the therapist page's last config
        if (link := self.flow.link) is not None:  # a practice's server: codes and sessions shared
            link.codes.connect(self._codes_from_server)
            link.pulled.connect(self._pulled)
            link.changed.connect(self._practice_changed)
            link.share_codes(options.data_dir, config.codes)

    @property
    def session(self) -> Session | None:
        """The session running now, if any."""
        return self.flow.session

    def history(self) -> HistoryStore:
        """The history database (the flow's, opened once)."""
        return self.flow.history()

    # -- a patient ---------------------------------------------------------------------------
    def open_code(self, code: str) -> None:
        """A code was typed: that patient's page, or "not known" and a growing wait before the next."""
        start_page = self.kiosk_window.start_page
        if self.code_tries.wait_s() > 0:  # refused unread, as a PIN is during its delay
            start_page.refresh()
            return
        self.refresh_config()  # a code just given with `sitimer kiosk assign`
        if code not in self.config.codes:
            self.code_tries.wrong()
            start_page.unknown()
            if self.flow.link is not None:
                self.flow.link.poke()  # a code just given at another kiosk: here within moments
            return
        self.code = code
        self.show_patient()
        if self.flow.link is not None:
            self.flow.link.pull(code)  # their sessions at the other kiosks count too

    def show_patient(self) -> None:
        """The patient's programmes and their own figures."""
        code = self.code
        if code is None:
            return
        try:
            sessions = self.history().sessions(profile=code)
        except HistoryError as err:
            say(str(err))
            sessions = []
        rows = [self._programme(ref, sessions) for ref in self.config.codes.get(code, ())]
        page = PatientPage(code, rows)
        page.start.connect(self.start_for_patient)
        page.progress.connect(self.show_patient_progress)
        page.done.connect(self.reset)
        self.window.show_page(page)

    def _programme(self, ref: str, sessions: list[SessionRow]) -> PatientProgramme:
        path = resolve_programme(ref, self.options.data_dir, programmes_dir())
        try:
            programme = load_file(path)
        except (ProgrammeError, OSError):
            problem = self.tr("This programme cannot be used just now. Please ask your therapist.")
            # not the file's name: a therapist may have named it after the patient
            return PatientProgramme(path, self.tr("A programme"), "", None, problem)
        per_day = int(programme.frequency.sessions_per_day.min)
        own = [s for s in sessions if s.programme == programme.id]
        return PatientProgramme(
            path,
            programme.title.get(self.options.lang),
            summary(programme),
            figures(own, per_day, self.today()),
        )

    def _pulled(self, code: str) -> None:
        """A code's sessions at other kiosks arrived: their page shows them, if it is still open."""
        if code == self.code and isinstance(self.window.page, PatientPage):
            self.show_patient()

    def _codes_from_server(self, codes: dict[str, tuple[str, ...]]) -> None:
        """The practice's codes, as every station shares them: kept here too, for when it is down."""
        self.refresh_config()
        if codes == dict(self.config.codes):
            return
        self.config = replace(self.config, codes=dict(sorted(codes.items())))
        self._write_config()

    def start_for_patient(self, path: Path) -> None:
        """The patient's session, recorded under their code."""
        if self.code is not None:
            self.flow.start(path, profile=self.code)

    def show_patient_progress(self, path: Path) -> None:
        """The progress view of one programme, this patient's sessions only, without exports."""
        code = self.code
        if code is None:
            return
        try:
            programme = load_file(path)
            view = HistoryView(self.history(), programme, self.options.lang, today=self.today(), profile=code)
        except (ProgrammeError, HistoryError) as err:
            say(str(err))
            return
        # Saving files is the therapist's: a patient's progress view shows Back only.
        for button in view.findChildren(QPushButton):
            button.setVisible(not button.property("export"))
        view.back.connect(self.show_patient)
        self.window.show_page(view)

    # -- a station ---------------------------------------------------------------------------
    def start_station(self) -> None:
        """The station's programme, kept under the "station" profile, never a patient's."""
        if self.station is not None and self.session is None:
            self.flow.start(self.station, profile=STATION_PROFILE)

    # -- after a session, and going back to the start ----------------------------------------
    def _ended(self, completed: bool) -> None:
        self.input.touch()  # the questions after a session get the whole idle time
        self._restart_station = completed and self.station is not None and not self.flow.dropping

    def _session_done(self) -> None:
        self.code = None
        self.flow.settings = replace(self.flow.settings, muted=self._muted)
        if self._restart_station and not self.flow.quit_when_done:
            self._restart_station = False
            QTimer.singleShot(0, self.start_station)

    def reset(self) -> None:
        """Back to the start screen with nothing of the last patient (idle, Done, Lock)."""
        modal = QApplication.activeModalWidget()
        if modal is not None:  # a question left open: close it, and reset once its loop has ended
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
            QTimer.singleShot(0, self.reset)
            return
        self.flow.drop()
        self.code = None
        self.window.show_picker()
        self.input.touch()

    def _busy(self) -> bool:
        session = self.session
        return (
            session is not None
            and self.window.page is session.view
            and session.engine.state in (State.READY, State.RUNNING)
        )

    # -- the therapist -----------------------------------------------------------------------
    def ask_pin(self) -> None:
        """The PIN page; the therapist's page once it is right."""
        self.refresh_config()  # a PIN just changed with `sitimer kiosk set-pin`: only that one opens
        page = PinPage(self.gate)
        page.unlocked.connect(self.show_therapist)
        page.cancelled.connect(self.reset)
        self.window.show_page(page)

    def show_therapist(self) -> None:
        """Codes and their programmes, idle time, exports, lock and exit."""
        self.refresh_config()
        data = self.options.data_dir
        page = TherapistPage(
            self.config,
            self._choices(),
            title_of=lambda ref: self._title(resolve_programme(ref, data, programmes_dir())),
        )
        if not lock_holds():
            page.warn_lock_weak()
        self._page_config = self.config
        if self.flow.link is not None:
            page.show_practice(self._practice_text(), self.flow.link.problem)
        page.changed.connect(self._save_config)
        page.export.connect(lambda code, kind: self.export(code, kind, page))
        page.lock.connect(self.reset)
        page.exit.connect(self.exit_kiosk)
        self.window.show_page(page)

    def _practice_changed(self) -> None:
        if isinstance(page := self.window.page, TherapistPage):
            page.show_practice(self._practice_text(), self.flow.link.problem if self.flow.link else "")

    def _practice_text(self) -> str:
        """For the therapist: what this kiosk has not sent to the practice's server yet, and why."""
        from sitimer.core.practice.sender import waiting

        link = self.flow.link
        try:
            left = waiting(self.options.data_dir / "history.db")
        except sqlite3.Error as err:
            return self.tr("What is waiting to be sent cannot be read: {0}").format(err)
        if not left:
            return self.tr("Everything recorded here is on the practice's server.")
        text = self.tr("Not on the practice's server yet: {0} sessions and {1} steps.").format(
            left.sessions, left.steps
        )
        if link is not None and link.line:
            text += " " + link.line
        return text

    def _choices(self) -> list[Choice]:
        data, lang = self.options.data_dir, self.options.lang
        return [Choice(programme_ref(f.path, data, programmes_dir()), f.title(lang)) for f in listing(data)]

    def _title(self, path: Path) -> str:
        try:
            return load_file(path).title.get(self.options.lang)
        except (ProgrammeError, OSError):
            return path.name

    def _save_config(self, config: KioskConfig) -> None:
        """The therapist page's changes (codes, idle time), on top of what came meanwhile: codes from
        the server, and what ``sitimer kiosk …`` wrote into the file (a new PIN stays new)."""
        before = self._page_config or self.config
        self.refresh_config()
        # Each programme ticked or unticked, on what the file holds now: the page's whole old list
        # for the code went over what `sitimer kiosk assign` had given it meanwhile.
        changes = {}
        for code in {*before.codes, *config.codes}:
            old, new = tuple(before.codes.get(code, ())), tuple(config.codes.get(code, ()))
            if old == new:
                continue
            now = tuple(self.config.codes.get(code, ()))
            gone = set(old) - set(new)
            added = [ref for ref in new if ref not in old and ref not in now]
            changes[code] = (*[ref for ref in now if ref not in gone], *added)
        codes = {code: refs for code, refs in ({**self.config.codes, **changes}).items() if refs}
        idle = config.idle_minutes if config.idle_minutes != before.idle_minutes else self.config.idle_minutes
        self.config = replace(self.config, codes=dict(sorted(codes.items())), idle_minutes=idle)
        self.input.set_idle_s(idle * 60)
        self._write_config()
        self._page_config = self.config
        if isinstance(page := self.window.page, TherapistPage):
            page.take_config(self.config)  # what it shows is what is saved
        if changes and self.flow.link is not None:
            self.flow.link.codes_changed(changes)

    def refresh_config(self) -> None:
        """Take in what ``sitimer kiosk set-pin|assign|idle`` wrote while the kiosk runs: otherwise a
        new PIN would not open it, a new code would be "not known", and the next change made on the
        therapist page would write the old ones back. A file that cannot be read, or has no PIN,
        is not taken: the kiosk keeps what it has and writes that back. What the file says of a part
        (an old short code, a value left out) is said, and the file is taken: such a notice once
        had the kiosk write its old codes over a code `kiosk assign` had just saved. (A new station
        takes effect at the next start.)"""
        stamp = self.config_store.stamp()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        loaded = self.config_store.load()
        if notices := self.config_store.notices.take():
            say(*notices)
        if self.config_store.unread or loaded.pin is None:
            self._write_config()
            return
        self.config = loaded
        self.gate.pin = loaded.pin
        self.input.set_idle_s(loaded.idle_minutes * 60)

    def _write_config(self) -> None:
        config = self.config
        try:
            self.config_store.save(config)
        except OSError as err:
            say(f"{self.config_store.path} could not be written: {err}")
        self._stamp = self.config_store.stamp()

    def export(self, code: str, kind: str, page: TherapistPage | None = None) -> Path | None:
        """Save one code's history: the therapist's PDF report, or a CSV of every step."""
        stem = self.tr("sitimer-{0}-report") if kind == "pdf" else self.tr("sitimer-{0}-history")
        name = stem.format(code) + (".pdf" if kind == "pdf" else ".csv")  # in the language shown
        pattern = "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)"
        from sitimer.qt.common.files import save_file_name

        out = save_file_name(self.window, self.tr("Save as"), Path.home() / name, pattern)
        if out is None:
            return None
        try:
            store = self.history()
            if kind == "pdf":
                count = write_report(out, store, self.options.data_dir, lang=self.options.lang, profile=code)
            else:
                rows = session_rows(store, steps=True, profile=code, local_times=True)
                write_private(out, to_csv(rows, steps=True))
                count = len(rows)
        except (OSError, HistoryError) as err:
            text = self.tr("Not saved: {0}").format(err)
        else:
            text = self.tr("Saved {0}: sessions of code {1}: {2}.").format(out.name, code, count)
        if page is not None:
            page.status.setText(text)
        return out

    def exit_kiosk(self) -> None:
        """The therapist closes the kiosk."""
        say("kiosk closed by the therapist")
        self.input.stop()
        self.kiosk_window.unlock()
        self.window.close()
        self.exited.emit()

    def stop(self) -> None:
        """Ctrl+C or SIGTERM (the PC shutting down): the window may close, the session is kept."""
        self.kiosk_window.unlock()
        self.flow.stop()


def _return_big_blocks_to_the_system() -> None:
    # The PIN check (scrypt) takes a 16 MiB block; glibc otherwise keeps it in the heap after the
    # second check, and a kiosk that runs for weeks would carry it (benchmarks/soak.py).
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # another C library: nothing to tune
        ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD


def run(options: Options) -> int:
    """The kiosk, full screen until the therapist closes it; returns the exit code."""
    store = KioskConfigStore.in_folder(options.data_dir)
    config = store.load()
    say(*store.notices.take())
    if config.pin is None:
        say(f"the kiosk needs a therapist PIN first: sitimer kiosk set-pin --data-dir {options.data_dir}")
        return 2
    app = application(options.lang)
    app.setQuitOnLastWindowClosed(False)  # only the therapist's Exit (or a signal) ends it
    main = KioskApp(options, config=config)
    if not lock_holds():
        say(
            "kiosk on Wayland: a window that opens over the kiosk stays in front of it; "
            "for a locked kiosk use the sitimer kiosk session (docs/therapist-guide.md)"
        )
    app.aboutToQuit.connect(main.flow.quitting)
    main.exited.connect(app.quit)
    main.kiosk_window.lock_screen(options.screen)
    # the voice ready before the first patient's Start; once the keypad is on the screen, as asking
    # speech-dispatcher and listing the engines hold the first paint back
    main.kiosk_window.first_painted.connect(main.flow.prepare_voice, Qt.ConnectionType.SingleShotConnection)
    run_loop(app, main.stop)
    return main.flow.exit_code
