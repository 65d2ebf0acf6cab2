"""Start-up, the same for the home app, the demonstration, the kiosk and the editor.

The QApplication with sitimer's name, logging rules, translation and theme; the event loop,
with SIGINT / SIGTERM turned into a call on it.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLoggingCategory, QObject, Qt, Signal
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from sitimer.core.logcap import QT_QUIET_RULES
from sitimer.core.paths import resources_dir
from sitimer.qt.common import style
from sitimer.qt.common.translation import install_translator


class Application(QApplication):
    """sitimer's QApplication: it also tells of a file macOS hands it (a programme double-clicked in
    Finder arrives as an event to the application, not as an argument).

    Its own ``event()``, not a filter on the application: such a filter is handed every event of
    every object, and PySide6 then makes Python objects of widgets Qt is still building (which
    crashed the kiosk now and then; see :class:`sitimer.qt.kiosk.window.KioskInput`).
    """

    file_opened = Signal(str)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
            self.file_opened.emit(event.file())
            return True
        return super().event(event)


def application(lang: str) -> QApplication:
    """The one QApplication (made here unless there is one), named, quiet, translated and themed."""
    # (No Python message handler: Qt's audio threads log too, and a handler that needs Python's
    # lock from those threads can stall the sound.)
    QLoggingCategory.setFilterRules("\n".join(QT_QUIET_RULES))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else Application(sys.argv[:1])
    app.setApplicationName("sitimer")
    # The window's own icon (openbox, Xfce and Alt+Tab showed a blank window) and its .desktop file
    # (a Wayland desktop finds the icon and name by it); QIcon reads the file only when it is drawn.
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "sitimer.svg")))
    app.setDesktopFileName("sitimer")
    install_translator(app, lang)
    style.apply_theme(app)
    return app


def run_loop(app: QApplication, stop: Callable[[], object]) -> None:
    """Run the event loop until the app quits; SIGINT and SIGTERM call ``stop`` on it."""
    stopper = StopOnSignal(stop)
    app.exec()
    del stopper


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

    def __init__(self, on_signal: Callable[[], object], parent: QObject | None = None) -> None:
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
