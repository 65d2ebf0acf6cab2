"""Voice: spoken cues through QTextToSpeech, or through recorded clips when no voice exists.

The speech engine is made and kept in :mod:`sitimer.qt.audio.engine`. Both speakers keep their
own queue and hand the engine one phrase at a time, queued after what is being said
(``enqueue``, never ``say``, which would cut a count off). Because the queue is ours, a count
that has waited longer than about one beat is dropped rather than said late: the counts stay
on the beat instead of drifting behind it. Only counts are ever dropped; names, rests and
switches always are said.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SIGNAL, SLOT, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from sitimer.core.paths import resources_dir
from sitimer.core.services import speechd_stuck
from sitimer.core.settings import Settings
from sitimer.qt.audio.engine import STOP_WAIT_S, EngineThread, engine_names
from sitimer.qt.audio.tones import SoundSet, has_sound_device, linear_volume
from sitimer.words.phrases import Phrase, clip_keys, phrase_text

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}
# speech-dispatcher's espeak-ng peaks at 0 dBFS at engine volume 0.8 (and clips above it), about
# 12 dB louder than the tones there; this scale leaves it about -3.5 dBFS at full volume and as
# loud as the tones at every slider position (measured on a PulseAudio null sink).
SPEECH_GAIN = 0.55
WATCHDOG_MS = 8000  # an utterance that never reports its end is given up after this long


class Speaker(Protocol):
    """Says phrases in order, one after the other, never cutting one off."""

    def say(self, phrase: Phrase, *, stale_after_s: float | None = None) -> None:
        """Queue ``phrase``; with ``stale_after_s`` (counts) it is dropped if it waited longer."""
        ...

    def stop(self) -> None:
        """Forget what is queued and stop talking."""
        ...

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the speaker is ready to speak without delay."""
        ...

    def set_volume(self, volume: float) -> None:
        """0..1, as the user's slider shows it."""
        ...

    def set_muted(self, muted: bool) -> None:
        """Say nothing while muted."""
        ...

    @property
    def busy(self) -> bool:
        """Whether a phrase is being said or waits to be."""
        ...


@dataclass
class _Queued:
    phrase: Phrase
    queued_at: float
    stale_after_s: float | None

    @property
    def droppable(self) -> bool:
        return self.stale_after_s is not None


class SpeechQueue:
    """Phrases waiting to be said; stale and superseded counts are dropped, nothing else is."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._items: deque[_Queued] = deque()
        self.dropped: list[Phrase] = []  # every count left unsaid, for tests and logs

    def __len__(self) -> int:
        return len(self._items)

    def push(self, phrase: Phrase, stale_after_s: float | None = None) -> None:
        """Queue a phrase. A new count makes any count still waiting pointless: it goes."""
        if stale_after_s is not None:
            kept = deque(i for i in self._items if not i.droppable)
            self.dropped += [i.phrase for i in self._items if i.droppable]
            self._items = kept
        self._items.append(_Queued(phrase, self._clock(), stale_after_s))

    def pop(self) -> Phrase | None:
        """The next phrase still worth saying, or None."""
        now = self._clock()
        while self._items:
            item = self._items.popleft()
            if item.stale_after_s is not None and now - item.queued_at > item.stale_after_s:
                self.dropped.append(item.phrase)
                continue
            return item.phrase
        return None

    def clear(self) -> None:
        """Forget everything waiting."""
        self._items.clear()


class QueuedSpeaker(QObject):
    """A speaker that hands its engine one phrase at a time from a :class:`SpeechQueue`.

    A subclass says a phrase in ``_begin`` and calls ``_done`` when it has been said.
    """

    idle = Signal()  # the last phrase has been said and nothing waits

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = SpeechQueue(clock)
        self._speaking = False
        self._muted = False
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._done)

    @property
    def busy(self) -> bool:
        """Whether a phrase is being said or waits to be."""
        return self._speaking or len(self.queue) > 0

    def say(self, phrase: Phrase, *, stale_after_s: float | None = None) -> None:
        """Queue ``phrase``; with ``stale_after_s`` (counts) it is dropped if it waited longer."""
        if self._muted or not phrase:
            return
        self.queue.push(phrase, stale_after_s)
        if not self._speaking:
            self._next()

    def stop(self) -> None:
        """Forget what is queued and stop talking."""
        self.queue.clear()
        self._halt()
        self._speaking = False
        self._watchdog.stop()

    def set_muted(self, muted: bool) -> None:
        """Say nothing while muted; muting also stops what is being said."""
        self._muted = muted
        if muted:
            self.stop()

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Ready at once unless a subclass loads something."""
        callback()

    def _next(self) -> None:
        phrase = self.queue.pop()
        if phrase is None:
            self._speaking = False
            self.idle.emit()
            return
        self._speaking = True
        self._watchdog.start(WATCHDOG_MS)
        self._begin(phrase)

    def _done(self) -> None:
        """The engine has said the phrase: on to the next."""
        if not self._speaking:
            return
        self._watchdog.stop()
        self._speaking = False
        self._next()

    def _begin(self, phrase: Phrase) -> None:
        raise NotImplementedError

    def _halt(self) -> None:
        raise NotImplementedError


class TtsSpeaker(QueuedSpeaker):
    """Speaks through a QTextToSpeech engine that has a voice for the language.

    The engine runs in its own thread (:class:`EngineThread`); the speaker hands it each phrase
    through a queued signal and hears its state back the same way. An engine that has not begun
    to speak a phrase within ``WATCHDOG_MS`` has stopped working (a frozen speech-dispatcher
    takes phrases and never says them): the user is told once, and cues go unsaid until it
    speaks again.
    """

    failed = Signal(str)  # the engine broke down mid-session: one line for the user
    recovered = Signal()  # after ``failed``, the engine speaks again
    handed = Signal(str)  # a text handed to the engine to say
    _enqueue = Signal(str)
    _say_now = Signal(str)
    _stop = Signal()
    _volume = Signal(float)

    def __init__(
        self,
        thread: EngineThread,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        engine = thread.engine
        assert engine is not None, "an EngineThread from EngineThread.open"
        self.engine = engine  # lives in the thread: read it here, call it there (by signals)
        self._heard_speaking = False
        self._stuck = False
        self._halted = False  # stopped: the next phrase is said at once, not queued behind the stop
        self._thread = thread
        # string signatures make Qt call the C++ slots itself, in the engine's thread
        QObject.connect(self, SIGNAL("_enqueue(QString)"), engine, SLOT("enqueue(QString)"))
        QObject.connect(self, SIGNAL("_say_now(QString)"), engine, SLOT("say(QString)"))
        QObject.connect(self, SIGNAL("_stop()"), engine, SLOT("stop()"))
        QObject.connect(self, SIGNAL("_volume(double)"), engine, SLOT("setVolume(double)"))
        engine.stateChanged.connect(self._state_changed)
        self._watchdog.timeout.disconnect(self._done)
        self._watchdog.timeout.connect(self._overdue)
        weakref.finalize(self, self._thread.stop).atexit = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def close(self) -> None:
        """Let the engine go (the app is ending); an engine that hangs is left behind in its thread."""
        if not self._thread.stop():
            log.warning("the speech engine did not end within %s s: left behind", STOP_WAIT_S)

    def say(self, phrase: Phrase, *, stale_after_s: float | None = None) -> None:
        """Queue ``phrase`` unless the engine has stopped working (then nothing is said)."""
        if not self._stuck:
            super().say(phrase, stale_after_s=stale_after_s)

    def set_volume(self, volume: float) -> None:
        """0..1 as the slider shows it: the tones' curve, scaled to the tones' level."""
        # queued to the engine's thread: one that hangs takes it when (if ever) it answers again
        self._volume.emit(SPEECH_GAIN * linear_volume(volume))

    def _begin(self, phrase: Phrase) -> None:
        self._heard_speaking = False
        text = phrase_text(phrase)
        self.handed.emit(text)
        if self._halted:
            # Just stopped (a skip, a step back): speech-dispatcher may still be ending the phrase cut
            # off, and a phrase queued then was lost, never begun, and the voice taken for broken for
            # the rest of the session. say() cuts off what is left of it and begins this one.
            self._halted = False
            self._say_now.emit(text)
        else:
            # enqueue, not say: say() would interrupt whatever the engine is still saying
            self._enqueue.emit(text)

    def _halt(self) -> None:
        self._halted = True
        self._stop.emit()

    def _overdue(self) -> None:
        """No end reported in time: an engine that never began to speak has stopped working."""
        if not self._heard_speaking and not self._stuck:
            self._stuck = True
            self.queue.clear()
            self.failed.emit("the speech engine took a phrase and did not begin to say it")
        self._done()

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if state is QTextToSpeech.State.Speaking:
            self._heard_speaking = True
            if self._stuck:
                log.warning("the speech engine speaks again")
                self._stuck = False
                self.recovered.emit()
        elif state is QTextToSpeech.State.Error:
            self.queue.clear()
            self.failed.emit(self.engine.errorString())
            self._done()
        elif state is QTextToSpeech.State.Ready and self._heard_speaking:
            self._done()


class ClipSpeaker(QueuedSpeaker):
    """Speaks by playing the recorded clips of resources/voice/<lang>/ back to back."""

    def __init__(
        self,
        lang: str,
        folder: Path | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, parent)
        self.lang = lang
        folder = folder or clips_dir(lang)
        self.clips = SoundSet({p.stem: p for p in sorted(folder.glob("*.wav"))}, parent=self)
        self.clips.finished.connect(self._clip_finished)
        self._keys: list[str] = []

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once every clip is loaded or has failed."""
        self.clips.when_loaded(callback)

    def set_volume(self, volume: float) -> None:
        """0..1, as the user's slider shows it."""
        self.clips.set_volume(volume)

    def _begin(self, phrase: Phrase) -> None:
        # A token without a clip (a custom exercise name, free text) is skipped: there is no
        # recording of it, and the rest of the phrase still makes sense on its own.
        self._keys = clip_keys(phrase, self.lang, self.clips.keys())
        self._play_next()

    def _play_next(self) -> None:
        while self._keys:
            if self.clips.play(self._keys.pop(0)):
                return
        # Nothing (more) to play: finish on the next turn of the event loop, not inside say().
        QTimer.singleShot(0, self._done)

    def _clip_finished(self, key: str) -> None:
        if self._speaking:
            self._play_next()

    def _halt(self) -> None:
        self._keys = []
        self.clips.stop()


class SilentSpeaker:
    """Stands in when voice is off or nothing can speak: says nothing."""

    busy = False

    def say(self, phrase: Phrase, *, stale_after_s: float | None = None) -> None:
        """Nothing is said."""

    def stop(self) -> None:
        """Nothing to stop."""

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Nothing to load."""
        callback()

    def set_volume(self, volume: float) -> None:
        """Nothing to set."""

    def set_muted(self, muted: bool) -> None:
        """Nothing to set."""


def clips_dir(lang: str) -> Path:
    """The recorded voice clips of ``lang``."""
    return resources_dir() / "voice" / lang


def start_engine(lang: str, engines: list[str] | None = None) -> EngineThread:
    """Begin making the speech engine for ``lang`` in its thread, without waiting for it: speechd
    takes 1-3 s to list its voices (more when it is started for it), which the window would
    otherwise spend frozen as the patient presses Start. :func:`make_speaker` takes it from here."""
    names = engine_names(engines)
    stuck = "speechd" in names and speechd_stuck()
    thread = EngineThread(lang, [n for n in names if not (stuck and n == "speechd")])
    thread.passed_over = "speechd" if stuck else ""
    return thread


def make_speaker(
    lang: str,
    settings: Settings,
    *,
    engines: list[str] | None = None,
    clips: Path | None = None,
    device_check: Callable[[], bool] = has_sound_device,
    prepared: EngineThread | None = None,
    parent: QObject | None = None,
) -> tuple[Speaker, str | None]:
    """The best speaker for ``lang`` on this machine, and a one-line notice when cues go unspoken.

    ``prepared``: the engine's thread from :func:`start_engine`, begun ahead (it takes seconds).

    The notice is for the patient, who must then watch the screen; a fallback that still speaks
    (the recorded clips) goes to the log only.

    A speech engine with a voice for the language first; else the recorded clips, when a sound
    device works; else silence (the session still shows and flashes every cue).
    """
    speaker: Speaker
    if not settings.voice:
        if prepared is not None:
            prepared.stop(0)
        return SilentSpeaker(), None
    language = QCoreApplication.translate("speech", LANGUAGE_NAMES.get(lang, lang))
    pending = prepared or start_engine(lang, engines)
    thread = pending.ready()
    if thread is not None:
        tts = TtsSpeaker(thread, parent=parent)
        tts.set_volume(settings.volume)
        tts.set_muted(settings.muted)
        return tts, None
    folder = clips or clips_dir(lang)
    if not device_check():
        notice = QCoreApplication.translate(
            "speech", "No {0} speech voice and no sound device: cues are not spoken"
        )
        return SilentSpeaker(), notice.format(language)
    if not any(folder.glob("*.wav")):
        notice = QCoreApplication.translate("speech", "No {0} speech voice: cues are not spoken")
        return SilentSpeaker(), notice.format(language)
    speaker = ClipSpeaker(lang, folder, parent=parent)
    speaker.set_volume(settings.volume)
    speaker.set_muted(settings.muted)
    # The patient still hears every cue: nothing for them to do, so this is for the log only.
    if pending.passed_over:
        log.warning("speech-dispatcher does not answer: using recorded voice clips")
    else:
        tried = pending.names or "any speech engine"
        log.warning("no %s voice in %s: using recorded voice clips", lang, tried)
    return speaker, None
