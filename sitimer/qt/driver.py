"""SessionDriver: runs a SessionEngine on the Qt event loop.

One single-shot precise QTimer is aimed at the engine's next deadline; when it
fires, the engine hands out whatever fell due and the timer is aimed again.
Late wake-ups cost nothing but latency: the engine's schedule never drifts.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sitimer.core.engine import Event, EventKind, SessionEngine

WAKE_LEAD_S = 0.001


class SessionDriver(QObject):
    """Feeds engine events to the window, sound and records; controls go through it."""

    happened = Signal(object)  # one sitimer.core.engine.Event (not `event`: that is QObject.event)
    # Everything one wake-up or control caused has been handed out: slow work (the durable
    # history write) goes here, so it never holds up a cue of the same moment.
    settled = Signal()
    finished = Signal(bool)  # True when the session ran to the end, False when stopped early

    def __init__(
        self,
        engine: SessionEngine,
        *,
        real_seconds: Callable[[float], float] = lambda s: s,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._real_seconds = real_seconds  # engine seconds -> wall seconds (demo speed)
        # Qt's timers wake to the millisecond, a little after they are due: take what falls
        # due within the next millisecond now, so cues are on time on average, not late.
        self._lead_s = WAKE_LEAD_S / real_seconds(1.0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._wake)

    # Controls: each runs one engine command and passes on what it caused.
    def start(self) -> None:
        """Start the session."""
        self._dispatch(self.engine.start())

    def toggle_pause(self) -> None:
        """Pause or resume."""
        self._dispatch(self.engine.toggle_pause())

    def tap(self) -> None:
        """Rep done / step done."""
        self._dispatch(self.engine.tap())

    def skip(self) -> None:
        """Next step."""
        self._dispatch(self.engine.skip())

    def back(self) -> None:
        """Previous step."""
        self._dispatch(self.engine.back())

    def restart_set(self) -> None:
        """Start this set again."""
        self._dispatch(self.engine.restart_set())

    def change_tempo(self, factor: float) -> None:
        """Multiply the counting speed (1.1 = 10 % faster)."""
        self.engine.set_tempo(self.engine.tempo_factor * factor)
        self._arm()

    def retime(self) -> None:
        """The clock changed speed: aim the timer again."""
        self._lead_s = WAKE_LEAD_S / self._real_seconds(1.0)
        self._arm()

    def stop(self) -> None:
        """End early, keeping what was done."""
        self._dispatch(self.engine.stop())

    def _wake(self) -> None:
        self._dispatch(self.engine.advance(lead_s=self._lead_s))

    def _dispatch(self, events: list[Event]) -> None:
        for event in events:
            self.happened.emit(event)
        self._arm()
        if events:
            self.settled.emit()
        for event in events:
            if event.kind is EventKind.FINISHED:
                self.finished.emit(not event.skipped)

    def _arm(self) -> None:
        deadline = self.engine.next_deadline()
        if deadline is None:
            self._timer.stop()
            return
        wait_s = self._real_seconds(deadline - self.engine.clock.monotonic())
        self._timer.start(max(0, math.floor(wait_s * 1000)))
