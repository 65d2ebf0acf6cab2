"""Clocks: the session engine reads time only through one of these.

Time is a dependency: the app uses the monotonic system clock (scaled for
demonstrations and fast test runs), tests use :class:`FakeClock` and never wait.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """A source of monotonic seconds."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back; only differences mean anything."""
        ...


class SystemClock:
    """The real monotonic clock, optionally running ``speed`` times as fast."""

    def __init__(self, speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be more than 0")
        self.speed = speed
        self._real_origin = time.monotonic()
        self._origin = 0.0  # this clock's reading at _real_origin

    def monotonic(self) -> float:
        """Scaled seconds since this clock was made."""
        return self._origin + (time.monotonic() - self._real_origin) * self.speed

    def set_speed(self, speed: float) -> None:
        """Run faster or slower from now on, without a jump (a demonstration's speed)."""
        if speed <= 0:
            raise ValueError("speed must be more than 0")
        now = time.monotonic()
        self._origin += (now - self._real_origin) * self.speed
        self._real_origin = now
        self.speed = speed

    def real_seconds(self, clock_seconds: float) -> float:
        """How many real seconds pass while this clock moves ``clock_seconds``."""
        return clock_seconds / self.speed


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def monotonic(self) -> float:
        """The time the test set."""
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self.now += seconds
