"""The speech engine: a QTextToSpeech with a voice for the language, in a thread of its own.

Made once before a session (the speechd engine takes seconds to list its voices) and kept in
its own thread, so that a speech-dispatcher that stops answering holds that thread, never the
session. :mod:`sitimer.qt.audio.speech` hands it the phrases.
"""

from __future__ import annotations

import logging
import threading

import shiboken6
from PySide6.QtCore import (
    Q_ARG,
    SIGNAL,
    SLOT,
    QEventLoop,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    QThread,
)
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

STOP_WAIT_S = 2.0  # how long a speaker that goes waits for its engine's thread to end
OPEN_WAIT_S = 20.0  # speechd lists 13,000 voices in about 3 s; one that hangs is given up after this


class EngineThread:
    """A thread of its own for a speech engine: an engine that stops answering blocks it, not the session.

    Qt's speechd engine waits for speech-dispatcher to answer every request; a speech-dispatcher
    that hangs would hold the whole window, timer and tones with it, for good. Here the engine
    is made and lives in a Python daemon thread turning a Qt event loop (the engine's own timers
    and objects must be made in the thread they live in): a QThread still blocked when the app
    ends makes Qt abort the process, while a daemon thread is simply left behind.

    The speaker's signals go straight to the engine's C++ slots, and the engine is deleted by
    its own event loop, with no Python between: a Python call blocked inside Qt keeps Python's
    lock and would stop the main thread as well.
    """

    def __init__(self, lang: str, engines: list[str] | None = None) -> None:
        self.engine: QTextToSpeech | None = None
        self.names = engines  # the engines tried (None: every one Qt offers)
        self.passed_over = ""  # an engine left out as it does not answer (said in the log)
        self.started = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(lang, engines), name="speech", daemon=True)
        self._thread.start()

    @classmethod
    def open(
        cls, lang: str, engines: list[str] | None = None, wait_s: float = OPEN_WAIT_S
    ) -> EngineThread | None:
        """A thread with an engine with a voice for ``lang``; None if none is, or none within ``wait_s``."""
        return cls(lang, engines).ready(wait_s)

    def ready(self, wait_s: float = OPEN_WAIT_S) -> EngineThread | None:
        """This thread once its engine is made, with a voice; None if none is, or none within
        ``wait_s`` (counted from now: a thread made ahead has had its head start)."""
        if not self.started.wait(wait_s):
            log.warning("no speech engine ready within %s s: left behind", wait_s)
            return None
        if self.engine is None:
            self.stop()
            return None
        return self

    def _run(self, lang: str, engines: list[str] | None) -> None:
        loop = QEventLoop()
        # The thread's own QThread object owns the engine, not Python: PySide deletes what Python
        # owns at exit, from the main thread, which would block there on an engine that hangs.
        engine = tts_engine(lang, engines, parent=QThread.currentThread())
        if engine is not None:
            QObject.connect(engine, SIGNAL("destroyed()"), loop, SLOT("quit()"))
        self.engine = engine
        self.started.set()
        if engine is not None:
            loop.exec()  # until the engine is deleted (stop)
        self.engine = None

    def stop(self, wait_s: float = STOP_WAIT_S) -> bool:
        """Delete the engine in its thread, which then ends; False if it did not end in ``wait_s``."""
        engine = self.engine
        if engine is not None and shiboken6.isValid(engine):
            QMetaObject.invokeMethod(engine, "deleteLater", Qt.ConnectionType.QueuedConnection)
        self._thread.join(wait_s)
        return not self._thread.is_alive()


def engine_names(engines: list[str] | None = None) -> list[str]:
    """``engines``, or every engine Qt offers except the ``mock`` one for tests."""
    if engines is not None:
        return engines
    return [name for name in QTextToSpeech.availableEngines() if name != "mock"]


def tts_engine(
    lang: str, engines: list[str] | None = None, parent: QObject | None = None
) -> QTextToSpeech | None:
    """A ready QTextToSpeech engine with a voice for ``lang``, or None.

    ``engines`` defaults to every engine Qt offers except the ``mock`` one for tests. Slow:
    the speechd engine lists every voice of speech-dispatcher when it connects (about 3 s for
    espeak-ng's 13,000 voices), so build the speaker once, before a session, not per cue.

    Run in :class:`EngineThread`, the connecting is done with no Python on the stack (see
    :func:`_connect`): a Python call blocked inside Qt keeps Python's lock, and the main thread
    froze with it on a speech-dispatcher that answered its first question and then hung
    listing its voices (seen: a blank window, deaf to SIGTERM).
    """
    wanted = QLocale(lang).language()
    for name in engine_names(engines):
        if name not in QTextToSpeech.availableEngines():
            continue  # an unknown name would make Qt print a critical message
        engine = _connect(name, parent)
        if engine.state() is QTextToSpeech.State.Ready:
            locales = [loc for loc in engine.availableLocales() if loc.language() == wanted]
            if locales:
                preferred = [loc for loc in locales if loc.territory() == QLocale(lang).territory()]
                engine.setLocale((preferred or locales)[0])
                return engine
        engine.deleteLater()
    return None


def _connect(name: str, parent: QObject | None) -> QTextToSpeech:
    """The engine ``name``, connected by Qt's own event loop rather than a Python call.

    Off the main thread the engine is first made on the ``mock`` engine, which connects to
    nothing, and then switched to ``name`` by a queued call of its C++ ``setEngine`` slot, which
    this thread's event loop makes while Python's lock is let go. Where there is no mock engine
    (a build without it), or on the main thread, it is made directly.
    """
    if name == "mock" or "mock" not in QTextToSpeech.availableEngines() or _on_main_thread():
        return QTextToSpeech(name, parent)
    engine = QTextToSpeech("mock", parent)
    loop = QEventLoop()
    QObject.connect(engine, SIGNAL("engineChanged(QString)"), loop, SLOT("quit()"))
    QMetaObject.invokeMethod(engine, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, name))
    loop.exec()  # Python's lock is let go here; setEngine connects and lists the voices
    return engine


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
