"""Tones: short WAV sounds played with QSoundEffect, loaded before the session needs them.

The only module besides :mod:`sitimer.qt.audio.speech` that imports QtMultimedia. A session asks a
:class:`TonePlayer` to play a :class:`Tone`; the Qt one plays the bundled WAV files, the silent
one stands in when there is no sound device (then the session flashes instead). The same
:class:`SoundSet` also plays the recorded voice clips for :mod:`sitimer.qt.audio.speech`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from PySide6 import QtMultimedia
from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from sitimer.core.paths import resources_dir
from sitimer.core.settings import Settings

LOAD_TIMEOUT_MS = 3000  # a sound still loading by then counts as failed: a session never waits longer


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
    """A slider position 0..1 as the linear gain QSoundEffect takes, so the slider feels even."""
    volume = min(1.0, max(0.0, volume))
    scale = _AUDIO.VolumeScale
    return float(_AUDIO.convertVolume(volume, scale.LogarithmicVolumeScale, scale.LinearVolumeScale))


class SoundSet(QObject):
    """Short WAV files by key, each a QSoundEffect loaded up front so it plays without delay."""

    loaded = Signal()  # every sound is Ready or has failed
    finished = Signal(str)  # the sound with this key stopped playing

    def __init__(
        self,
        files: Mapping[str, Path],
        *,
        load_timeout_ms: int = LOAD_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._effects: dict[str, QSoundEffect] = {}
        self._pending: set[str] = set()
        self._waiting: list[Callable[[], None]] = []
        self._volume = 1.0
        self._muted = False
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(self._give_up)
        for key, path in files.items():
            if not path.is_file():
                continue  # a missing file is a sound that failed, without Qt's decoding warning
            effect = QSoundEffect(self)
            effect.statusChanged.connect(lambda key=key: self._status_changed(key))
            effect.playingChanged.connect(lambda key=key: self._playing_changed(key))
            self._effects[key] = effect
            self._pending.add(key)
            effect.setSource(QUrl.fromLocalFile(str(path)))
        if self._pending:
            self._timeout.start(load_timeout_ms)
        for key in list(self._pending):
            self._status_changed(key)  # a cached sample may be ready at once

    @property
    def is_loaded(self) -> bool:
        """Whether loading is over (each sound ready or failed)."""
        return not self._pending

    def keys(self) -> set[str]:
        """The keys of the sounds that loaded and can play."""
        return {k for k, e in self._effects.items() if e.status() is QSoundEffect.Status.Ready}

    def effect(self, key: str) -> QSoundEffect | None:
        """The QSoundEffect of ``key`` (for looping sounds)."""
        return self._effects.get(key)

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once loading is over: at once if it is."""
        if self.is_loaded:
            callback()
        else:
            self._waiting.append(callback)

    def play(self, key: str) -> bool:
        """Start the sound ``key``; False when it is missing, not loaded or muted.

        A sound still playing is left to play on, not started again: Qt Multimedia (6.10 to 6.12)
        restarting a playing QSoundEffect now and then touches a socket notifier from its audio
        thread and then spins in the event loop printing "QSocketNotifier: Invalid socket"
        without end, the window frozen. Fast counts (a high --speed) asked for exactly that.
        """
        effect = self._effects.get(key)
        if effect is None or effect.status() is not QSoundEffect.Status.Ready or self._muted:
            return False
        if not effect.isPlaying():
            effect.play()
        return True

    def is_playing(self, key: str) -> bool:
        """Whether the sound ``key`` is playing now."""
        effect = self._effects.get(key)
        return effect is not None and effect.isPlaying()

    def stop(self) -> None:
        """Stop every sound."""
        for effect in self._effects.values():
            effect.stop()

    def set_volume(self, volume: float) -> None:
        """0..1, as the user's slider shows it."""
        self._volume = linear_volume(volume)
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    def set_muted(self, muted: bool) -> None:
        """Mute every sound (one that plays stops being heard at once)."""
        self._muted = muted
        for effect in self._effects.values():
            effect.setMuted(muted)

    def _status_changed(self, key: str) -> None:
        try:
            status = self._effects[key].status()
        except RuntimeError:  # the effect is being destroyed along with this set
            return
        if key in self._pending and status in (QSoundEffect.Status.Ready, QSoundEffect.Status.Error):
            self._pending.discard(key)
            if not self._pending:
                self._loading_over()

    def _playing_changed(self, key: str) -> None:
        try:
            stopped = not self._effects[key].isPlaying()
        except RuntimeError:  # the effect is being destroyed along with this set
            return
        if stopped:
            self.finished.emit(key)

    def _give_up(self) -> None:
        if self._pending:
            self._pending.clear()
            self._loading_over()

    def _loading_over(self) -> None:
        self._timeout.stop()
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
        self.loaded.emit()


class QtTonePlayer(QObject):
    """The tones of resources/sounds, played with QSoundEffect."""

    def __init__(self, folder: Path | None = None, *, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = folder or sounds_dir()
        files = {t.value: folder / f"{t.value}.wav" for t in Tone}
        files[KEEP_ALIVE] = folder / f"{KEEP_ALIVE}.wav"
        self.sounds = SoundSet(files, parent=self)
        keep_alive = self.sounds.effect(KEEP_ALIVE)
        assert keep_alive is not None
        # Played once, before the first cue and never under a tone: an endless loop under the
        # tones wedges Qt 6.10/6.11's PulseAudio backend within seconds (benchmarks/timing.py).
        keep_alive.setLoopCount(1)
        self._keep_alive = keep_alive

    @property
    def available(self) -> bool:
        """Whether any tone loaded (so a sound device works)."""
        return bool(self.sounds.keys() - {KEEP_ALIVE}) or not self.sounds.is_loaded

    def play(self, tone: Tone) -> bool:
        """Start the tone at once; False when it cannot be heard."""
        return self.sounds.play(tone.value)

    def when_loaded(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once every tone is loaded or has failed."""
        self.sounds.when_loaded(callback)

    def set_volume(self, volume: float) -> None:
        """0..1, as the user's slider shows it; the keep-alive loop stays as it is."""
        self.sounds.set_volume(volume)

    def set_muted(self, muted: bool) -> None:
        """Silence every tone, or not."""
        self.sounds.set_muted(muted)
        self._keep_alive.setMuted(False)  # it is silent anyway; it only keeps the speaker awake

    def start_keep_alive(self) -> None:
        """Play the near-silent second that wakes a sleeping (Bluetooth) speaker: the pre-roll."""
        if self._keep_alive.status() is QSoundEffect.Status.Ready and not self._keep_alive.isPlaying():
            self._keep_alive.play()

    def stop_keep_alive(self) -> None:
        """Stop the pre-roll if it still plays."""
        self._keep_alive.stop()


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
