"""Tones: short WAV sounds, read before the session needs them and played through one output.

The only module besides :mod:`sitimer.qt.audio.speech` that imports QtMultimedia. A session asks a
:class:`TonePlayer` to play a :class:`Tone`; the Qt one plays the bundled WAV files, the silent
one stands in when there is no sound device (then the session flashes instead). The same
:class:`SoundSet` also plays the recorded voice clips for :mod:`sitimer.qt.audio.speech`.
"""

from __future__ import annotations

import array
import logging
import time
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from PySide6 import QtMultimedia
from PySide6.QtCore import QCoreApplication, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

from sitimer.core.paths import resources_dir
from sitimer.core.settings import Settings

log = logging.getLogger(__name__)


class Tone(StrEnum):
    """A cue tone; the value is the file name in resources/sounds without ``.wav``."""

    START = "start"  # work, hold or bout begins
    REP = "rep"  # one rep (only when the rep_tone setting is on)
    PIP = "pip"  # 3, 2, 1
    END = "end"  # a hold or a rest is over
    COMPLETE = "complete"  # the session is done


KEEP_ALIVE = "silence"  # a near-silent second that wakes Bluetooth speakers before the first cue


class TonePlayer(Protocol):
    """Plays cue tones. ``play`` says whether the tone can be heard, so the caller can flash."""

    @property
    def available(self) -> bool:
        """Whether tones can be heard at all (a sound device works and the files loaded)."""
        ...

    def play(self, tone: Tone) -> bool:
        """Start the tone at once; False when it cannot be heard."""
        ...

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once every sound is loaded or has failed (at once if so already)."""
        ...

    def set_volume(self, volume: float) -> None:
        """0..1, as the user's slider shows it."""
        ...

    def set_muted(self, muted: bool) -> None:
        """Silence every tone, or not."""
        ...

    def start_keep_alive(self) -> None:
        """Play the near-silent pre-roll once, so a sleeping speaker is awake for the first cue."""
        ...

    def stop_keep_alive(self) -> None:
        """Stop the pre-roll if it still plays."""
        ...


def sounds_dir() -> Path:
    """The bundled tones."""
    return resources_dir() / "sounds"


def has_sound_device() -> bool:
    """Whether Qt sees any audio output at all."""
    return bool(QMediaDevices.audioOutputs())


def audio_namespace(multimedia: object) -> Any:
    """Qt's audio namespace: ``QtAudio``, or ``QAudio`` in a PySide6 without it (6.8, Debian 13's)."""
    return getattr(multimedia, "QtAudio", None) or getattr(multimedia, "QAudio")  # noqa: B009


_AUDIO = audio_namespace(QtMultimedia)


def linear_volume(volume: float) -> float:
    """A slider position 0..1 as the linear gain a Qt audio output takes, so the slider feels even."""
    volume = min(1.0, max(0.0, volume))
    scale = _AUDIO.VolumeScale
    return float(_AUDIO.convertVolume(volume, scale.LogarithmicVolumeScale, scale.LinearVolumeScale))


BUFFER_S = 0.1  # what Qt holds ahead of the speaker: a late event loop still has 80 ms to refill
FEED_MS = 20  # how often the buffer is topped up while something sounds
STALL_S = 5.0  # an output that plays nothing this long while it has sounds to play is lost (a waking
# Bluetooth speaker may hold the first sound back a second or two)
HEARD_SLACK_US = 2000  # Qt counts what was played in whole microseconds, rounded down


@dataclass(eq=False)
class _Voice:
    key: str
    data: bytes
    at: int = 0  # the next byte to hand to the sink
    ends_at: int | None = None  # where the last byte lies in the stream, once it is all written


class SoundSet(QObject):
    """Short WAV files by key, read into memory up front and mixed into one QAudioSink.

    Every sound of a set goes through one output that stays open while sounds follow each
    other, topped up from the GUI thread. Qt's own QSoundEffect opens an output per sound: in
    Qt 6.10 and 6.11, with PulseAudio, two of those starting and stopping near each other now
    and then touched a socket notifier from Qt's audio thread, and the event loop then spun
    printing "QSocketNotifier: Invalid socket" without end, the window frozen.

    The files of a set share one format (that of the first one read); a file that is not a
    16-bit WAV of that format, or is missing, is a sound that failed: it is left out of
    :meth:`keys` and ``play`` says False.
    """

    finished = Signal(str)  # the sound with this key has been heard to its end, or was stopped

    def __init__(
        self,
        files: Mapping[str, Path],
        *,
        never_muted: frozenset[str] = frozenset(),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data: dict[str, bytes] = {}
        self._format: QAudioFormat | None = None
        self._never_muted = never_muted
        for key, path in files.items():
            self._read(key, path)
        self._sink: QAudioSink | None = None
        self._device: QIODevice | None = None
        self._broken = False
        self._written = 0  # bytes handed to the sink since it started
        self._processed = 0  # what the sink had played at the last top-up, in µs
        self._moved_at = 0.0  # when that last grew (time.monotonic)
        self._voices: list[_Voice] = []
        self._volume = 1.0
        self._muted = False
        self._feed = QTimer(self)
        self._feed.setTimerType(Qt.TimerType.PreciseTimer)
        self._feed.setInterval(FEED_MS)
        self._feed.timeout.connect(self._top_up)

    def _read(self, key: str, path: Path) -> None:
        try:
            with wave.open(str(path), "rb") as w:
                shape = (w.getnchannels(), w.getsampwidth(), w.getframerate())
                data = w.readframes(w.getnframes())
        except (OSError, EOFError, wave.Error) as err:
            if path.exists():
                log.warning("The sound %s cannot be read: %s", path, err)
            return  # a missing file is a sound that failed, and says nothing
        channels, width, rate = shape
        if width != 2 or (self._format is not None and shape != self._shape(self._format)):
            log.warning("The sound %s is not a 16-bit WAV like the others of its set: left out", path)
            return
        if self._format is None:
            self._format = QAudioFormat()
            self._format.setSampleRate(rate)
            self._format.setChannelCount(channels)
            self._format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._data[key] = data

    @staticmethod
    def _shape(fmt: QAudioFormat) -> tuple[int, int, int]:
        return (fmt.channelCount(), fmt.bytesPerSample(), fmt.sampleRate())

    def keys(self) -> set[str]:
        """The keys of the sounds that were read and can play."""
        return set() if self._broken else set(self._data)

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once loading is over: at once."""
        callback()

    def play(self, key: str) -> bool:
        """Start the sound ``key``; False when it is missing, muted or no output opens.

        A sound still playing is left to play on, not started again, so fast counts (a high
        --speed) never pile one tone on itself.
        """
        data = self._data.get(key)
        if data is None or self._broken or (self._muted and key not in self._never_muted):
            return False
        if self.is_playing(key):
            return True
        if not self._open():
            return False
        if not self._voices:
            self._moved_at = time.monotonic()  # from here on the output must play
        self._voices.append(_Voice(key, data))
        self._top_up()
        self._feed.start()
        return True

    def is_playing(self, key: str) -> bool:
        """Whether the sound ``key`` is playing now (or still on its way to the speaker)."""
        return any(v.key == key for v in self._voices)

    def stop(self, key: str | None = None) -> None:
        """Stop the sound ``key``, or every sound; ``finished`` tells of each one stopped."""
        stopped = [v for v in self._voices if key is None or v.key == key]
        self._voices = [v for v in self._voices if v not in stopped]
        if not self._voices:
            self._close()  # what is still in Qt's buffer is dropped too, not heard
        for voice in stopped:
            self.finished.emit(voice.key)

    def set_volume(self, volume: float) -> None:
        """0..1, as the user's slider shows it."""
        self._volume = linear_volume(volume)
        if self._sink is not None:
            self._sink.setVolume(self._volume)

    def set_muted(self, muted: bool) -> None:
        """Mute the set: what plays stops at once, and nothing starts until it is unmuted."""
        self._muted = muted
        if muted:
            for voice in list(self._voices):
                if voice.key not in self._never_muted:
                    self.stop(voice.key)

    # -- the output ---------------------------------------------------------
    def _open(self) -> bool:
        if self._device is not None:
            if self._sink is not None and self._sink.state() is _AUDIO.State.SuspendedState:
                self._sink.resume()
            return True
        if self._format is None:
            return False
        if self._sink is None:
            device = QMediaDevices.defaultAudioOutput()
            if device.isNull():
                return False
            self._sink = QAudioSink(device, self._format, self)
            self._sink.setBufferSize(self._format.bytesForDuration(int(BUFFER_S * 1e6)))
            self._sink.setVolume(self._volume)
            self._sink.stateChanged.connect(self._state_changed)
        self._written = self._processed = 0
        self._device = self._sink.start()
        if self._device is None or self._sink.error() is _AUDIO.Error.OpenError:
            log.warning("No sound output opens (%s): the sounds are left out", self._sink.error().name)
            self._broken = True
            self._close()
            return False
        return True

    def _close(self) -> None:
        self._feed.stop()
        if self._sink is not None and self._device is not None:
            self._device = None
            self._sink.stop()

    def _state_changed(self) -> None:
        sink = self._sink
        if sink is None or sink.state() is not _AUDIO.State.StoppedState or self._device is None:
            return
        self._let_go(f"it stopped: {sink.error().name}")

    def _let_go(self, why: str) -> None:
        """The output stopped or stalled: the sound server went away. The set falls silent.

        It does not open another output: Qt 6.11's PulseAudio backend aborts the whole process
        (an assertion in libpulse) when an output is made after its server has gone. The
        session then shows its cues as flashes, as on a machine without sound.
        """
        if self._broken:
            return
        log.warning("The sound output is lost (%s): from now on the cues are shown, not heard", why)
        self._broken = True
        voices, self._voices = self._voices, []
        self._device = None
        self._feed.stop()
        for voice in voices:
            self.finished.emit(voice.key)

    def _top_up(self) -> None:
        sink, device = self._sink, self._device
        if sink is None or device is None:
            return
        free = sink.bytesFree() // 2 * 2
        if free > 0:
            chunk = self._mix(free)
            if chunk:
                written = device.write(chunk)
                self._written += max(0, written)
                for voice in self._voices:
                    if voice.ends_at is None and voice.at >= len(voice.data):
                        voice.ends_at = self._written
        processed = sink.processedUSecs()
        if processed != self._processed:
            self._processed, self._moved_at = processed, time.monotonic()
        elif time.monotonic() - self._moved_at > STALL_S:
            self._let_go(f"nothing played for {STALL_S:.0f} s")
            return
        heard_us = processed + HEARD_SLACK_US
        done = [v for v in self._voices if v.ends_at is not None and heard_us >= self._us(v.ends_at)]
        if done:
            self._voices = [v for v in self._voices if v not in done]
            for voice in done:
                self.finished.emit(voice.key)
        if not self._voices:
            self._feed.stop()
            sink.suspend()  # an open output with nothing to play costs 2 % of a core; a paused one none

    def _us(self, size: int) -> int:
        return self._format.durationForBytes(size) if self._format is not None else 0

    def _mix(self, size: int) -> bytes:
        """The next ``size`` bytes (at most) of every playing sound, added together."""
        parts = []
        for voice in self._voices:
            part = voice.data[voice.at : voice.at + size]
            voice.at += len(part)
            if part:
                parts.append(part)
        if len(parts) <= 1:
            return parts[0] if parts else b""
        longest = max(len(p) for p in parts)
        total = array.array("h", parts[0].ljust(longest, b"\0"))
        for part in parts[1:]:
            for i, sample in enumerate(array.array("h", part)):
                total[i] = max(-32768, min(32767, total[i] + sample))
        return total.tobytes()


class QtTonePlayer(QObject):
    """The tones of resources/sounds, played through one Qt audio output."""

    def __init__(self, folder: Path | None = None, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = folder or sounds_dir()
        files = {t.value: folder / f"{t.value}.wav" for t in Tone}
        files[KEEP_ALIVE] = folder / f"{KEEP_ALIVE}.wav"
        # The keep-alive is near-silent anyway; muting the tones must not let the speaker sleep.
        self.sounds = SoundSet(files, never_muted=frozenset({KEEP_ALIVE}), parent=self)

    @property
    def available(self) -> bool:
        """Whether any tone was read and an output can open."""
        return bool(self.sounds.keys() - {KEEP_ALIVE})

    def play(self, tone: Tone) -> bool:
        """Start the tone at once; False when it cannot be heard."""
        return self.sounds.play(tone.value)

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once every tone is loaded or has failed."""
        self.sounds.when_loaded(callback)

    def set_volume(self, volume: float) -> None:
        """0..1, as the user's slider shows it."""
        self.sounds.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        """Silence every tone, or not (the near-silent pre-roll still plays)."""
        self.sounds.set_muted(muted)

    def start_keep_alive(self) -> None:
        """Play the near-silent second that wakes a sleeping (Bluetooth) speaker: the pre-roll.

        Played once, before the first cue, never under a tone.
        """
        self.sounds.play(KEEP_ALIVE)

    def stop_keep_alive(self) -> None:
        """Stop the pre-roll if it still plays."""
        if self.sounds.is_playing(KEEP_ALIVE):
            self.sounds.stop(KEEP_ALIVE)


class SilentTonePlayer:
    """Stands in when no sound device works: plays nothing, so the session flashes instead."""

    available = False

    def play(self, tone: Tone) -> bool:
        """Nothing can be heard."""
        return False

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Nothing to load."""
        callback()

    def set_volume(self, volume: float) -> None:
        """Nothing to set."""

    def set_muted(self, muted: bool) -> None:
        """Nothing to set."""

    def start_keep_alive(self) -> None:
        """Nothing to keep awake."""

    def stop_keep_alive(self) -> None:
        """Nothing to stop."""


NO_DEVICE = "No sound device: cues are shown as flashes"


def make_tone_player(
    settings: Settings,
    *,
    folder: Path | None = None,
    device_check: Callable[[], bool] = has_sound_device,
    parent: QObject | None = None,
) -> tuple[TonePlayer, str | None]:
    """The tone player for this machine, and a one-line notice when tones cannot be heard.

    Loading starts at once; a session waits for it (:meth:`TonePlayer.when_loaded`).
    """
    if not device_check():
        return SilentTonePlayer(), QCoreApplication.translate("audio", NO_DEVICE)
    player = QtTonePlayer(folder, parent=parent)
    player.set_volume(settings.volume)
    player.set_muted(settings.muted)
    return player, None
