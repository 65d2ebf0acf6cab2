"""SessionSound: what the patient hears of a session — a tone and a phrase for each cue.

Connected to :attr:`SessionDriver.event`. For every CUE event it plays the cue's tone and
queues its phrase; when no tone can be heard (no sound device, or muted) it emits ``flash``
instead, so the window can show the beat (and adds a line to ``notices`` when sound stops
working). Before the first cue it waits for the sounds to load and plays a near-silent loop
for a moment (the pre-roll), so a Bluetooth speaker is awake and does not swallow the first word.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from sitimer.core.notices import Notices
from sitimer.core.session.cues import Cue, CueKind
from sitimer.core.session.engine import Event, EventKind
from sitimer.core.settings import Settings
from sitimer.qt.audio.speech import ClipSpeaker, Speaker, TtsSpeaker, clips_dir
from sitimer.qt.audio.tones import NO_DEVICE, Tone, TonePlayer, has_sound_device
from sitimer.words.phrases import (
    Phrase,
    pause_phrase,
    phrase_for,
    phrase_text,
    question_phrase,
    sound_on_phrase,
    tempo_phrase,
)

PREROLL_MS = 1100  # the near-silent second (silence.wav) plays out before the first cue
LOAD_WAIT_MS = 3000  # never wait longer than this for sounds to load: start anyway
MIN_BEAT_S = 0.3  # a count may always wait this long: about the time a count takes to say

log = logging.getLogger(__name__)

_TONES = {
    CueKind.START: Tone.START,
    CueKind.COUNTDOWN: Tone.PIP,
    CueKind.END: Tone.END,
    CueKind.COMPLETE: Tone.COMPLETE,
}


class SessionSound(QObject):
    """Turns session events into tones and speech; flashes when nothing can be heard."""

    flash = Signal(str)  # a cue that could not be heard: its CueKind value
    ready = Signal()  # sounds loaded and the pre-roll played: start the session now
    notice_over = Signal(str)  # a line told before no longer holds (the voice speaks again)

    def __init__(
        self,
        lang: str,
        settings: Settings,
        tones: TonePlayer,
        speaker: Speaker,
        *,
        preroll_ms: int = PREROLL_MS,
        load_wait_ms: int = LOAD_WAIT_MS,
        real_seconds: Callable[[float], float] = lambda s: s,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.settings = settings
        self.tones = tones
        self.speaker = speaker
        self._preroll_ms = preroll_ms
        self._load_wait_ms = load_wait_ms
        self._real_seconds = real_seconds  # engine seconds -> wall seconds (demonstration speed)
        self.notices = Notices()  # one line for the user, once each: sound stopped working
        self._starting = False
        self._last_rep: tuple[int, float] | None = None  # step and engine time of the last count
        self._loading: set[str] = set()
        self._load_wait = QTimer(self)
        self._load_wait.setSingleShot(True)
        self._load_wait.timeout.connect(self._preroll)
        self.set_settings(settings)
        if isinstance(speaker, TtsSpeaker):  # a speech engine can break down mid-session
            speaker.failed.connect(self._speech_failed)
            speaker.recovered.connect(self._speech_recovered)

    # -- settings --------------------------------------------------------
    def set_settings(self, settings: Settings) -> None:
        """Apply the user's settings (volume, mute, voice, counting) from now on."""
        self.settings = settings
        self.tones.set_volume(settings.volume)
        self.tones.set_muted(settings.muted)
        self.speaker.set_volume(settings.volume)
        self.speaker.set_muted(settings.muted or not settings.voice)

    def set_volume(self, volume: float) -> None:
        """0..1 for tones and voice; the caller saves it in the settings."""
        self.set_settings(replace(self.settings, volume=min(1.0, max(0.0, volume))))

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute tones and voice; while muted, cues flash. Unmuted, the voice says so
        ("geluid aan"): in a long rest the next cue may be a minute away."""
        was_muted = self.settings.muted
        self.set_settings(replace(self.settings, muted=muted))
        if was_muted and not muted and self.settings.voice:
            self.speaker.say(sound_on_phrase(self.lang))

    def tempo(self, faster: bool, changed: bool) -> None:
        """Say that + or − was heard: faster, slower, or that the tempo goes no further that way."""
        if self.settings.voice and not self.settings.muted:
            self.speaker.say(tempo_phrase(faster, changed, self.lang))

    def ask(self, question: str) -> None:
        """Say a question the screen asks, with the keys that answer it (:func:`question_phrase`):
        the pages before and after a session, and "stop the session?", were silent, and a patient
        lying on the floor could not tell the app was waiting for them."""
        if self.settings.voice and not self.settings.muted:
            self.speaker.say(question_phrase(question, self.lang))

    # -- session ---------------------------------------------------------
    def start(self) -> None:
        """Wait for the sounds to load, play the pre-roll, then emit ``ready``."""
        if self._starting:
            return
        self._starting = True
        self._loading = {"tones", "speaker"}
        self._load_wait.start(self._load_wait_ms)  # a sound that never loads must not hold the session
        self.tones.when_loaded(lambda: self._loaded("tones"))
        self.speaker.when_loaded(lambda: self._loaded("speaker"))

    def stop(self) -> None:
        """The session is over or left: stop the keep-alive and anything still being said."""
        self._starting = False
        self._load_wait.stop()
        self.tones.stop_keep_alive()
        self.speaker.stop()

    @Slot(object)
    def on_event(self, event: Event) -> None:
        """Play what belongs to one engine event (connect to ``SessionDriver.event``)."""
        if event.kind is EventKind.FINISHED:
            # the last words ("done, well done") are still allowed to finish
            self.tones.stop_keep_alive()
            return
        if event.kind in (EventKind.PAUSED, EventKind.RESUMED):
            if self.settings.voice and not self.settings.muted:
                self.speaker.say(pause_phrase(event.kind is EventKind.PAUSED, self.lang))
            return
        if event.kind is not EventKind.CUE or event.cue is None:
            return
        cue = event.cue
        self._sound(cue)
        phrase = self._phrase(cue)
        if phrase:
            stale = self._beat_s(event, cue) if cue.kind is CueKind.REP else None
            self.speaker.say(phrase, stale_after_s=stale)

    def words(self, cue: Cue) -> str | None:
        """What the voice says for ``cue``, as one line; None for a tone only or the voice off."""
        phrase = self._phrase(cue)
        return phrase_text(phrase) if phrase else None

    # -- internals -------------------------------------------------------
    def _phrase(self, cue: Cue) -> Phrase | None:
        if not (self.settings.voice and not self.settings.muted):
            return None
        return phrase_for(cue, self.lang, count_sides=self.settings.count_sides)

    def tone_for(self, cue: Cue) -> Tone | None:
        """The tone of a cue, or None when it has only words."""
        if cue.kind is CueKind.REP:
            return Tone.REP if self.settings.rep_tone else None
        if cue.kind is CueKind.EXERCISE:
            return Tone.END if cue.follows_rest else None  # the rest before it is over
        return _TONES.get(cue.kind)

    def _sound(self, cue: Cue) -> None:
        tone = self.tone_for(cue)
        if tone is None and cue.kind is not CueKind.REP:
            return
        if self.settings.muted or not self.tones.available:
            self.flash.emit(cue.kind.value)  # counts flash too: without sound they are not heard
            if not self.settings.muted:
                self.notices.add(QCoreApplication.translate("audio", NO_DEVICE))
            return
        if tone is not None and not self.tones.play(tone):
            self.flash.emit(cue.kind.value)
            self.notices.add(QCoreApplication.translate("audio", NO_DEVICE))

    def _beat_s(self, event: Event, cue: Cue) -> float:
        """One beat in wall seconds: the time from the previous count (or the step's start).

        Taken from the engine's due times, so counts handed out together after a late wake-up
        still get their true beat, and a faster tempo or a demonstration speed is followed.
        """
        if self._last_rep is not None and self._last_rep[0] == cue.step:
            beat = event.at - self._last_rep[1]
        else:
            beat = cue.offset_s  # the first count falls one beat after the step starts
        self._last_rep = (cue.step, event.at)
        return max(MIN_BEAT_S, self._real_seconds(beat))

    def _loaded(self, what: str) -> None:
        self._loading.discard(what)
        if not self._loading:
            self._preroll()

    def _preroll(self) -> None:
        if not self._starting:
            return
        self._starting = False
        self._load_wait.stop()
        self.tones.start_keep_alive()
        QTimer.singleShot(self._preroll_ms, self, self.ready.emit)  # dropped if the sound goes first

    def jumped(self) -> None:
        """The patient stepped on, back or to the set's start: what was still to be said about the
        step left goes unsaid (five steps on in a second left eight seconds of old cues, "rest"
        among them, over the new step's counts)."""
        self.speaker.stop()

    def _speech_failed(self, reason: str) -> None:
        log.warning("speech stopped working: %s", reason or "no reason given")
        if self._take_clips():
            return  # the patient still hears every cue: nothing to tell them
        self.notices.add(self._voice_stopped())

    def _take_clips(self) -> bool:
        """The recorded voice for the rest of the session, where this language has it and a sound
        device plays it: a patient who does not look at the screen was left with the tones alone,
        and no count, once the speech engine broke down."""
        folder = clips_dir(self.lang)
        if (
            not isinstance(self.speaker, TtsSpeaker)
            or not has_sound_device()
            or not any(folder.glob("*.wav"))
        ):
            return False
        broken = self.speaker
        broken.failed.disconnect(self._speech_failed)
        broken.recovered.disconnect(self._speech_recovered)
        broken.stop()
        self.speaker = ClipSpeaker(self.lang, folder, parent=self)
        self.set_settings(self.settings)
        log.warning("using the recorded voice clips for the rest of the session")
        return True

    def _speech_recovered(self) -> None:
        line = self._voice_stopped()
        self.notices.withdraw(line)
        self.notice_over.emit(line)

    @staticmethod
    def _voice_stopped() -> str:
        return QCoreApplication.translate("speech", "The voice has stopped. Follow the screen and the tones.")
