"""When the kiosk counts as left alone: a deadline on the injected clock, moved by every input."""

from __future__ import annotations

from sitimer.core.clock import Clock


class IdleDeadline:
    """When the kiosk counts as left alone: ``idle_s`` after the last input, on the injected clock."""

    def __init__(self, clock: Clock, idle_s: float) -> None:
        self.clock = clock
        self.idle_s = idle_s
        self.deadline = clock.monotonic() + idle_s

    def touch(self) -> None:
        """Someone did something: the countdown starts again."""
        self.deadline = self.clock.monotonic() + self.idle_s

    def set_idle_s(self, idle_s: float) -> None:
        """A new idle time, counted from now."""
        self.idle_s = idle_s
        self.touch()

    def remaining_s(self) -> float:
        """Seconds left before the kiosk counts as idle."""
        return max(0.0, self.deadline - self.clock.monotonic())

    def expired(self) -> bool:
        """Whether the idle time has passed since the last input."""
        return self.clock.monotonic() >= self.deadline
