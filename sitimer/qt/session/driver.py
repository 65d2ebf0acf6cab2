"""SessionDriver: runs a SessionEngine on the Qt event loop.

One single-shot precise QTimer is aimed a few milliseconds before the engine's
next deadline; when it fires, the driver sleeps the little that is left (a
sleep ends within a fraction of a millisecond, a Qt timer only to the
millisecond and often later), the engine hands out whatever fell due and the
timer is aimed again. Late wake-ups cost nothing but latency: the engine's
schedule never drifts.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sitimer.core.session.engine import Event, EventKind, SessionEngine

# The timer is aimed this much (wall time) before a deadline; what is left is slept.
# Qt's timers wake to the millisecond, 1-3 ms after they are due on a busy machine.
WAKE_EARLY_S = 0.005


class SessionDriver(QObject):
    """Feeds engine events to the window, sound and records; controls go through it."""

    happened = Signal(object)  # one sitimer.core.session.engine.Event (not `event`: that is QObject.event)
    # Everything one wake-up or control caused has been handed out: slow work (the durable
    # history write) goes here, so it never holds up a cue of the same moment.
    settled = Signal()
    finished = Signal(bool)  # True when the session ran to the end, False when stopped early

    def __init__(
        self,
        engine: SessionEngine,
        *,
        real_seconds: Callable[[float], float] = lambda s: s,
        sleep: Callable[[float], None] = time.sleep,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._real_seconds = real_seconds  # engine seconds -> wall seconds (demo speed)
        self._sleep = sleep  # wall seconds (a test hands in one that moves its fake clock)
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
        self._arm()

    def stop(self) -> None:
        """End early, keeping what was done."""
        self._dispatch(self.engine.stop())

    def _wake(self) -> None:
        deadline = self.engine.next_deadline()
        if deadline is not None:
            left_s = self._real_seconds(deadline - self.engine.clock.monotonic())
            if left_s > WAKE_EARLY_S:  # woken far too early (the clock changed speed): aim again
                self._arm()
                return
            if left_s > 0:
                self._sleep(left_s)
        self._dispatch(self.engine.advance())

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
        wait_s = self._real_seconds(deadline - self.engine.clock.monotonic()) - WAKE_EARLY_S
        self._timer.start(max(0, math.floor(wait_s * 1000)))
