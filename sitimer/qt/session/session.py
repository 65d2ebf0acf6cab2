"""One running session: the engine, its driver, and everything that listens to it.

Built by the app's session flow (home, demonstration, kiosk) from a plan it has loaded and built;
torn down when it ends.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from sitimer.core.clock import SystemClock
from sitimer.core.history.store import HistoryStore
from sitimer.core.notices import Notices
from sitimer.core.options import Options
from sitimer.core.programme.plan import Plan
from sitimer.core.session.cuelog import CueLog
from sitimer.core.session.engine import Event, EventKind, SessionEngine
from sitimer.core.session.recorder import Recorder
from sitimer.core.settings import Settings
from sitimer.qt.audio.speech import Speaker
from sitimer.qt.audio.tones import TonePlayer
from sitimer.qt.session.demo import PresenterView
from sitimer.qt.session.driver import SessionDriver
from sitimer.qt.session.inhibit import ScreenInhibitor
from sitimer.qt.session.sound import SessionSound
from sitimer.qt.session.view import SessionView


class Session(QObject):
    """One running session: the engine, its driver and everything that listens to it."""

    recorded = Signal()  # written to the history (a step, the end): a practice's server may have it now

    def __init__(
        self,
        plan: Plan,
        options: Options,
        settings: Settings,
        tones: TonePlayer,
        speaker: Speaker,
        open_store: Callable[[], HistoryStore],
        *,
        profile: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.clock = SystemClock(options.speed)
        self.engine = SessionEngine(self.plan, self.clock, auto=options.auto)
        self.driver = SessionDriver(self.engine, real_seconds=self.clock.real_seconds, parent=self)
        animation = settings.animation and options.figure
        self.view = (PresenterView if options.demo else SessionView)(
            self.engine, options.lang, animation=animation
        )
        self.view.set_muted(settings.muted)
        self.sound = SessionSound(
            options.lang,
            settings,
            tones,
            speaker,
            real_seconds=self.clock.real_seconds,
            parent=self,
        )
        self.cue_log = CueLog(options.cue_log, self.sound.words) if options.cue_log else None
        self.recording = not options.demo  # a demonstration is never the patient's adherence
        self.recorder = Recorder(
            open_store,
            self.plan,
            db_path=options.data_dir / "history.db",
            simulated=options.speed != 1.0,
            profile=profile,
            dose_threshold=settings.dose_threshold,
        )
        if self.recording:
            self.recorder.open()  # what it has to tell is told as the session begins (see _begin)
        self.inhibitor = ScreenInhibitor()
        self.notices = Notices()  # the sound's and the recorder's lines, told by the session flow
        self._unrecorded: list[Event] = []  # this moment's events, recorded once its cues are out
        self._left = False  # stopped before it began
        self._begin_when_answered = False  # the pre-roll ended while Esc's question was open

        d, v = self.driver, self.view
        d.happened.connect(self._log)
        d.happened.connect(v.on_event)
        d.happened.connect(self.sound.on_event)
        d.happened.connect(self._unrecorded.append)
        d.settled.connect(self._record)
        d.finished.connect(self._finished)
        for jump in (v.skip, v.back, v.restart_set):  # first: the old step's words go before the new come
            jump.connect(self.sound.jumped)
        v.toggle_pause.connect(d.toggle_pause)
        v.tap.connect(d.tap)
        v.skip.connect(d.skip)
        v.back.connect(d.back)
        v.restart_set.connect(d.restart_set)
        v.tempo.connect(self._change_tempo)
        v.leave.connect(self.stop)
        v.stayed.connect(self._stayed)
        v.leave_asked.connect(lambda: self.sound.ask("ask_leave"))
        self.sound.flash.connect(v.flash)
        self.sound.notices.watch(self.notices.add)
        self.sound.notice_over.connect(self._notice_over)
        self.sound.ready.connect(self._begin)

    def start(self) -> None:
        """Load the sounds, play the pre-roll, then begin (see SessionSound.ready)."""
        self.sound.start()

    def stop(self) -> None:
        """End early, keeping what was done (Esc, Ctrl+C, closing the window)."""
        if self.engine.session_start is None:  # still loading sounds: nothing to keep
            self._left = True  # nor to begin once they are loaded
            self.sound.stop()
            self.driver.finished.emit(False)
        else:
            self.driver.stop()

    def _begin(self) -> None:
        if self._left:  # left while the sounds loaded: no session runs on behind the next page
            return
        if self.view.asking_to_leave:  # Esc in the pre-roll: nothing counts under the question
            self._begin_when_answered = True
            return
        self.inhibitor.inhibit("An exercise session is running")  # when it cannot, the log says why
        if self.recording:  # the opening row goes before the clock starts: no cue waits for it
            self.recorder.begin()
            self.recorder.notices.watch(self.notices.add)  # and from now on as it comes, the answers' too
        self.driver.start()

    def _change_tempo(self, factor: float) -> None:
        """+ or −: the tempo changed by ``factor`` (as far as it goes), and said so."""
        before = self.engine.tempo_factor
        self.driver.change_tempo(factor)
        self.sound.tempo(factor > 1, self.engine.tempo_factor != before)

    def _notice_over(self, line: str) -> None:
        """A line above the session no longer holds: taken away, and told again if it comes back."""
        self.notices.withdraw(line)
        self.view.clear_notice(line)

    def _stayed(self) -> None:
        """No to leaving: a session held in its pre-roll begins now."""
        if self._begin_when_answered:
            self._begin_when_answered = False
            self._begin()

    def _finished(self, _completed: bool) -> None:
        self.inhibitor.release()
        self.sound.stop()
        if self.cue_log:
            self.cue_log.close()
            self.cue_log = None

    def _record(self) -> None:
        events = self._unrecorded[:]
        self._unrecorded.clear()
        if not self.recording:
            return
        for event in events:
            self.recorder.on_event(event)
        if events:
            self.recorded.emit()

    def _log(self, event: Event) -> None:
        if self.cue_log and self.engine.session_start is not None and event.kind is EventKind.CUE:
            self.cue_log.write(event, self.engine.session_start, self.clock.monotonic())
