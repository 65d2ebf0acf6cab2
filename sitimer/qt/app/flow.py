"""A session on a window: started, paused or left, the questions after it, back to the start.

Used by the home app and by the kiosk alike (each owns one). The programme is loaded here,
before a :class:`~sitimer.qt.session.session.Session` is made, so a broken file is told
by the caller and never comes out of a QObject's constructor.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from sitimer.core.notices import Notices, say
from sitimer.core.options import Options
from sitimer.core.settings import Settings
from sitimer.qt.window.main_window import MainWindow

if TYPE_CHECKING:
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.programme.reader import ProgrammeError
    from sitimer.qt.app.practice_link import PracticeLink
    from sitimer.qt.audio.engine import EngineThread
    from sitimer.qt.audio.speech import Speaker
    from sitimer.qt.audio.tones import TonePlayer
    from sitimer.qt.session.questions import QuestionPage
    from sitimer.qt.session.session import Session
    from sitimer.qt.session.view import SessionView

SPEECH_MAX_SPEED = 4.0  # faster than this a voice cannot keep up: tones only
NOTICE_MS = 15_000  # how long a passing line (a programme kept) stays above the session


class SessionFlow(QObject):
    """One session at a time on ``window``: the questions before and after, then back to the start.

    ``unattended`` (``run --auto``, and from Ctrl+C or a closed window on) asks nothing;
    ``asks`` False skips the questions before and after (a demonstration, a kiosk's station).
    ``quit_when_done`` quits the application once a session is over (``run FILE``, a signal).
    """

    ended = Signal(bool)  # a session has stopped (completed?), before any question after it
    done = Signal()  # a session and its questions are over; the start screen comes next
    muted = Signal(bool)  # the patient turned the sound off or on
    animation = Signal(bool)  # the patient turned the moving figure off or on
    kept = Signal(Path, Path)  # a programme file from elsewhere, and its copy kept in the patient's folder

    def __init__(
        self,
        window: MainWindow,
        options: Options,
        settings: Settings,
        sound: Callable[[], tuple[TonePlayer, Speaker]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.options = options
        self.settings = settings
        self.session: Session | None = None
        self.exit_code = 0
        self.unattended = options.auto
        self.asks = not options.demo  # a demonstration asks nothing
        self.quit_when_done = options.exit_when_done
        self.dropping = False  # True while drop() ends a session
        self._passing = ""  # a line for the session's window once it is shown (a programme kept)
        self._tones: TonePlayer | None = None
        self._speaker: Speaker | None = None
        self._engine: EngineThread | None = None  # the speech engine begun ahead (prepare_voice)
        if sound is not None:  # tests hand in quiet fakes
            self._tones, self._speaker = sound()
        self._notices = Notices()  # about sound and voice, told in each session's window
        self._store: HistoryStore | None = None
        self.history_box: QMessageBox | None = None
        self.link: PracticeLink | None = None  # sends the history on to a practice's server
        self._practice_line = ""
        if options.history_url and not options.demo:
            self._link_practice(options.history_url)
        self.today: Callable[[], date] = date.today  # the patient's day (tests set their own)

    def history(self) -> HistoryStore:
        """The history database the sessions go into, opened once and kept open (a kiosk's can be large)."""
        if self._store is None:
            from sitimer.core.history.store import HistoryStore

            self._store = HistoryStore(self.options.data_dir / "history.db")
            self._store.notices.watch(self._tell_history)
        return self._store

    def _link_practice(self, url: str) -> None:
        import socket

        from sitimer.core.history.errors import HistoryError
        from sitimer.qt.app.practice_link import PracticeLink

        # made, or brought up to date, before the link reads it; when it cannot be, the session's
        # first write meets it again and says so, and the link tries again later
        with contextlib.suppress(HistoryError):
            self.history()
        self.link = PracticeLink(self.options.data_dir / "history.db", url, socket.gethostname(), parent=self)
        self.link.changed.connect(self._tell_practice)
        QApplication.instance().aboutToQuit.connect(self.link.close)  # type: ignore[union-attr]

    def _tell_practice(self, line: str) -> None:
        """The practice server's one calm line (or its clearing): in the session's window, on the terminal."""
        view = self.session.view if self.session is not None else None
        if view is not None and (line or view.notice_label.text() == self._practice_line):
            view.set_notice(line)  # cleared only when it is still this line shown
        self._practice_line = line
        if line:
            say(line)

    def _tell_history(self, line: str) -> None:
        """A line of the history's (a file moved aside, a journal added), told the moment it comes.

        On the terminal, and in the window of a session being recorded; with no session, in a box
        over the window (the picker's day line or the pain question opens the history first: a file
        moved aside was said on the terminal only, which a patient started from the menu never sees).
        """
        if self.session is not None and self.session.recording:
            self.session.notices.add(line)
            return
        say(line)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Your history"), line, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_box = box  # the last one (tests read it)
        if self.window.painted:
            box.open()
        else:  # over the window once it is there (at a start, or when the reminders first show it)
            self.window.first_painted.connect(box.open, Qt.ConnectionType.SingleShotConnection)

    # -- sound, made once: a speech engine takes seconds to come up ---------
    def _sound(self) -> tuple[TonePlayer, Speaker]:
        from sitimer.qt.audio.speech import SilentSpeaker, make_speaker
        from sitimer.qt.audio.tones import make_tone_player

        if self._tones is None:
            self._tones, notice = make_tone_player(self.settings, parent=self)
            self._notices.add(notice)
        if self._speaker is None:
            if self.options.speed > SPEECH_MAX_SPEED:
                self._speaker = SilentSpeaker()
            else:
                prepared, self._engine = self._engine, None
                self._speaker, notice = make_speaker(
                    self.options.lang, self.settings, prepared=prepared, parent=self
                )
                self._notices.add(notice)
        return self._tones, self._speaker

    def prepare_voice(self) -> None:
        """Begin making the speech engine now (the start screen is up), so that Start does not
        wait seconds for it; nothing when the voice is off, or is made already."""
        if self._speaker is None and self._engine is None and self.settings.voice:
            from sitimer.qt.audio.speech import start_engine

            if self.options.speed <= SPEECH_MAX_SPEED:
                self._engine = start_engine(self.options.lang)

    # -- a session -----------------------------------------------------------
    def start(self, path: Path, *, profile: str = "") -> None:
        """Start a session of the programme at ``path``, recorded under ``profile`` ("" at home)."""
        if self.session is not None:
            return
        from sitimer.core.programme.loader import load_file
        from sitimer.core.programme.plan import build_plan
        from sitimer.core.programme.reader import ProgrammeError
        from sitimer.qt.session.session import Session

        try:
            plan = build_plan(load_file(path))
        except ProgrammeError as err:
            self._cannot_use(err)
            return
        if not plan.exercises:
            self._no_session(path)
            return
        tones, speaker = self._sound()
        session = Session(
            plan, self.options, self.settings, tones, speaker, self.history, profile=profile, parent=self
        )
        self.session = session
        session.notices.add(*self._notices)
        session.notices.watch(partial(self._tell, session))
        session.view.mute_toggled.connect(self._set_muted)
        session.view.animation_toggled.connect(self._set_animation)
        session.driver.finished.connect(self._after_session)
        if self.link is not None:
            session.recorded.connect(self.link.poke)
            if self.link.line:
                session.view.set_notice(self.link.line)
        self._passing = ""
        if session.recording and not session.recorder.simulated and not profile and not self.options.kiosk:
            self._passing = self._keep(path)
        if self.options.demo:
            self._presenter(session)
        if self.settings.ask_pain_before and session.recording and self.asks and not self.unattended:
            self.ask(before=True, then=self._show_and_start)
        else:
            self._show_and_start()

    def _keep(self, path: Path) -> str:
        """A programme the patient opened from elsewhere (an e-mailed file, double-clicked) is copied
        into their own folder when they start it, so the list has it at the next start; the line that
        says so ("" when nothing was copied), shown a while once the session is on the screen."""
        from sitimer.core.programme.catalogue import keep

        try:
            copy = keep(path, self.options.data_dir)
        except (OSError, ValueError) as err:
            line = self.tr("Not kept in your programmes ({0}): open the file again next time.").format(err)
        else:
            if copy is None:
                return ""
            line = self.tr("Kept in your programmes as {0}: it is in the list next time.").format(copy.name)
            self.kept.emit(path, copy)
        say(line)
        return line

    def _pass(self, view: SessionView, line: str) -> None:
        """``line`` above the session for NOTICE_MS, under what is there ("no sound device" stays)."""
        before = view.notice_label.text()
        shown = f"{before}\n{line}" if before else line
        view.set_notice(shown)

        def passed() -> None:
            if view.notice_label.text() == shown:  # not replaced by a later line meanwhile
                view.set_notice(before)

        QTimer.singleShot(NOTICE_MS, view, passed)

    def _tell(self, session: Session, line: str) -> None:
        """A line of the session's, once: on the terminal and in its window (while it has one: the
        history's last write can be told after the window went, as when the history was locked)."""
        say(line)
        if shiboken6.isValid(session.view):
            session.view.set_notice(line)

    def _cannot_use(self, err: ProgrammeError) -> None:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        if self.quit_when_done:
            self.exit_code = 1
            QApplication.quit()
        else:
            from sitimer.qt.common.problem_text import problem_lines

            said = self.tr("This file cannot be used. Ask your therapist for a corrected file.")
            found = problem_lines(err.problems)  # for the therapist: file, line and field
            QMessageBox.warning(self.window, self.tr("This programme cannot be used"), f"{said}\n\n{found}")

    def _no_session(self, path: Path) -> None:
        """A programme of daily activities alone: nothing to count, nothing to record as done."""
        said = self.tr("This programme has daily activities only: tick each off in the list when it is done.")
        if self.quit_when_done:
            print(f"{path}: {said}", file=sys.stderr)
            self.exit_code = 1
            QApplication.quit()
        else:
            QMessageBox.information(self.window, self.tr("No session"), said)

    def _presenter(self, session: Session) -> None:
        from sitimer.qt.session.demo import DemoControls, PresenterView

        if isinstance(session.view, PresenterView):
            controls = DemoControls(session.view, session.driver, session.clock, self.window, parent=session)
            controls.notice.connect(session.view.set_notice)
            if not self.options.auto:  # `run --demo --auto` runs through, as `run --auto` does
                session.sound.ready.connect(session.driver.toggle_pause)  # the therapist starts it

    def _show_and_start(self) -> None:
        if self.session is not None:
            self.window.show_page(self.session.view)
            if self._passing:  # from now: the pain asked before it took the 15 s (seen: never shown)
                self._pass(self.session.view, self._passing)
                self._passing = ""
            self.session.start()

    def stop(self) -> None:
        """Ctrl+C or SIGTERM: end the session as Esc would, keep what was done, and quit."""
        self.quit_when_done = True
        self.unattended = True  # no questions now
        from sitimer.core.session.engine import State
        from sitimer.qt.session.rating import RatingView

        page = self.window.page
        if self.session is not None and self.session.engine.state is not State.FINISHED:
            self.session.stop()
        elif self.session is not None and isinstance(page, RatingView) and not page.before:
            page.done()  # "How did it go?": keep what was answered, then quit (quit_when_done)
        else:  # nothing runs
            QApplication.quit()

    def drop(self) -> None:
        """End whatever session there is now, keeping what was done, with no questions."""
        from sitimer.core.session.engine import State
        from sitimer.qt.session.rating import RatingView

        self.dropping = True
        try:
            session = self.session
            if session is not None and session.engine.state is not State.FINISHED:
                session.stop()  # kept as stopped; the questions are skipped
            if isinstance(page := self.window.page, RatingView):
                page.keep_what_is_given()  # the questions left half answered: what was given is kept
            if self.session is not None:
                self._done()
        finally:
            self.dropping = False

    def quitting(self) -> None:
        """The window closed mid-session: record it as stopped, not cut off."""
        if self._engine is not None:  # begun ahead, never used
            self._engine.stop()
            self._engine = None
        if self.session is not None and self.session.engine.session_start is not None:
            self.unattended = True
            self.session.driver.stop()

    def _after_session(self, completed: bool) -> None:
        self.ended.emit(completed)
        if self.unattended or self.dropping or not self.asks:
            self._done()
        else:
            self.ask(before=False, then=self._ask_reports)

    def ask(self, *, before: bool, then: Callable[[], None]) -> None:
        """The questions before a session (pain) or after it (pain, effort, a note), then ``then``."""
        from sitimer.qt.session.rating import RatingView

        session = self.session
        view = RatingView(before=before, lang=self.options.lang, scale=self.window.page_scale)

        def rated(pain: int | None, effort: float | None, note: str) -> None:
            if session is None:
                return
            if before:
                session.recorder.pain_before = pain
            else:
                session.recorder.rate(pain=pain, effort=effort, note=note)
                if self.link is not None:
                    self.link.poke()

        view.rated.connect(rated)
        view.finished.connect(then)
        self.window.show_page(view)
        if session is not None:  # said, for a patient who cannot see the screen
            session.sound.ask("ask_pain_before" if before else "ask_after")

    def _ask_reports(self) -> None:
        """After the rating: the patient's own reports that are due (the PSK at the start, why
        yesterday fell short, the weekly EARS), one page at a time, then back to the start.

        At home only: the kiosk's patients (a profile) exercise at the practice, and a simulated
        or demonstrated run is no one's adherence."""
        session = self.session
        if session is None or self.unattended or not session.recording:
            self._done()
            return
        if session.recorder.simulated or session.recorder.profile:
            self._done()
            return
        from sitimer.qt.app.reports import PatientReports

        if not session.recorder.flush():  # the session is in the history before it is counted
            # The history is busy or cannot be written (the session is kept aside): its pages come
            # another time, as each is asked by what the history holds; reading it now would keep the
            # window waiting on it once more, page by page (11-40 s, seen with a locked history).
            self._done()
            return
        programme = session.plan.programme
        pages = PatientReports(
            self.history(),
            self.options.data_dir,
            programme.id,
            int(programme.frequency.sessions_per_day.min),
            self.options.lang,
            today=self.today(),
        ).due()
        self._show_each(pages)

    def _show_each(self, pages: list[QuestionPage]) -> None:
        """Show ``pages`` one after another (each says when it is done), then back to the start."""
        if not pages or self.session is None or self.unattended:
            self._done()
            return
        page, rest = pages[0], pages[1:]
        page.finished.connect(partial(self._show_each, rest))
        self.window.show_page(page)
        if page.question:  # said, as the rating was: a patient on the floor heard nothing wait for them
            self.session.sound.ask(page.question)

    def _done(self) -> None:
        if self.session is not None:
            self.session.recorder.close()
            if self.session.recorder.lost_on_exit and self.quit_when_done:
                self.exit_code = 1  # the session could be kept nowhere on disk (told as it happened)
            self.session.deleteLater()  # nothing of a finished session is kept in memory
        self.session = None
        self.done.emit()
        if self.quit_when_done:
            QApplication.quit()
        else:
            self.window.show_picker()

    def _set_animation(self, on: bool) -> None:
        self.settings = replace(self.settings, animation=on)
        self.animation.emit(on)

    def _set_muted(self, muted: bool) -> None:
        self.settings = replace(self.settings, muted=muted)
        if self.session is not None:
            self.session.sound.set_muted(muted)
        self.muted.emit(muted)
