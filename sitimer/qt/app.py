"""The one place that builds the clock, the engine, sound, voice, windows and records.

`sitimer` opens the picker; `sitimer run FILE` goes straight into a session
and exits when it ends. Everything a session needs is made in
:func:`start_session` and torn down with it.
"""

from __future__ import annotations

import signal
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from sitimer.core.clock import SystemClock
from sitimer.core.cuelog import CueLog
from sitimer.core.engine import Event, SessionEngine
from sitimer.core.history import HistoryStore
from sitimer.core.loader import ProgrammeError, load_file
from sitimer.core.plan import build_plan
from sitimer.core.recorder import Recorder
from sitimer.core.settings import SettingsStore
from sitimer.paths import data_dir as default_data_dir
from sitimer.qt.driver import SessionDriver


@dataclass
class Options:
    """What the command line asked for."""

    lang: str
    data_dir: Path
    programme: Path | None = None  # `run FILE`: straight into this programme
    speed: float = 1.0
    auto: bool = False
    cue_log: Path | None = None
    exit_when_done: bool = False
    notices: list[str] = field(default_factory=list)


class StopOnSignal(QObject):
    """Turns SIGINT / SIGTERM into a call on the Qt event loop (Python can't run handlers mid-C++)."""

    def __init__(self, on_signal: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        signal.set_wakeup_fd(self._write.fileno())
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: None)  # the wakeup fd does the work
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._on_signal = on_signal

    def _drain(self) -> None:
        try:
            self._read.recv(64)
        except OSError:
            return
        if callable(self._on_signal):
            self._on_signal()


def say(line: str) -> None:
    """One line for the person at the terminal."""
    print(f"sitimer: {line}", file=sys.stderr, flush=True)


class Session(QObject):
    """One running session: the engine, its driver and everything listening to it."""

    def __init__(self, path: Path, options: Options, parent: QObject | None = None) -> None:
        super().__init__(parent)
        programme = load_file(path)
        self.plan = build_plan(programme)
        self.clock = SystemClock(options.speed)
        self.engine = SessionEngine(self.plan, self.clock, auto=options.auto)
        self.driver = SessionDriver(self.engine, real_seconds=self.clock.real_seconds, parent=self)
        self.cue_log = CueLog(options.cue_log) if options.cue_log else None
        db = options.data_dir / "history.db"
        self.recorder = Recorder(lambda: HistoryStore(db), self.plan, simulated=options.speed != 1.0)
        self._told = False
        self.driver.happened.connect(self._record)
        self.driver.happened.connect(self._log)
        self.driver.finished.connect(self._close_log)

    def _record(self, event: Event) -> None:
        self.recorder.on_event(event)
        if self.recorder.notice and not self._told:
            self._told = True
            say(self.recorder.notice)

    def _log(self, event: Event) -> None:
        if self.cue_log and self.engine.session_start is not None:
            self.cue_log.write(event, self.engine.session_start, self.clock.monotonic())

    def _close_log(self) -> None:
        if self.cue_log:
            self.cue_log.close()
            self.cue_log = None


def run(options: Options) -> int:
    """Start the Qt application; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("sitimer")
    store = SettingsStore(options.data_dir / "settings.json")
    store.load()
    if store.warning:
        say(store.warning)
    if options.programme is None:
        say("the programme picker comes with the session window")
        return 0
    try:
        session = Session(options.programme, options)
    except ProgrammeError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    result = {"code": 0}
    session.driver.finished.connect(lambda _completed: app.quit())
    stopper = StopOnSignal(session.driver.stop)
    session.driver.start()
    app.exec()
    del stopper
    return result["code"]


def default_options(lang: str, data_dir: str | None) -> Options:
    """Options with the data folder resolved."""
    return Options(lang=lang, data_dir=default_data_dir(data_dir))
