"""A tone player and a speaker that record what they were asked, for SessionSound and what drives it."""

from collections.abc import Callable

from sitimer.qt.audio.tones import Tone
from sitimer.words.phrases import Phrase, phrase_text


class FakeTones:
    """A tone player that records what it was asked to play."""

    def __init__(self, available: bool = True, loads: bool = True) -> None:
        self.available = available
        self.loads = loads
        self.played: list[Tone] = []
        self.keep_alive = False
        self.volume: float | None = None
        self.muted = False

    def play(self, tone: Tone) -> bool:
        if self.available and not self.muted:
            self.played.append(tone)
            return True
        return False

    def when_loaded(self, callback: Callable[[], None]) -> None:
        if self.loads:
            callback()

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def start_keep_alive(self) -> None:
        self.keep_alive = True

    def stop_keep_alive(self) -> None:
        self.keep_alive = False


class FakeSpeaker:
    """A speaker that records each phrase and how soon a count goes stale."""

    def __init__(self) -> None:
        self.said: list[tuple[str, float | None]] = []
        self.volume: float | None = None
        self.muted = False
        self.busy = False

    def say(self, phrase: Phrase, *, stale_after_s: float | None = None) -> None:
        self.said.append((phrase_text(phrase), stale_after_s))

    def stop(self) -> None:
        pass

    def when_loaded(self, callback: Callable[[], None]) -> None:
        callback()

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
