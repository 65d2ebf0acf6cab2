"""The driver hands out every cue at its due time: never before it, whatever Qt's timer does."""

import time

from sitimer.core.clock import SystemClock
from sitimer.core.engine import EventKind, SessionEngine
from sitimer.core.loader import load_file
from sitimer.core.plan import build_plan
from sitimer.qt.driver import WAKE_EARLY_S, SessionDriver


def test_cues_are_never_handed_out_before_they_are_due_and_the_wait_is_slept(qtbot, si_gewricht):
    clock = SystemClock(speed=20.0)  # counts every 0.15 s, rests in 3 s
    engine = SessionEngine(build_plan(load_file(si_gewricht)), clock, auto=True)
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        time.sleep(seconds)

    driver = SessionDriver(engine, real_seconds=clock.real_seconds, sleep=sleep)
    handed: list[tuple[float, float]] = []  # (due, clock when handed out)
    driver.happened.connect(
        lambda event: handed.append((event.at, clock.monotonic())) if event.kind is EventKind.CUE else None
    )
    driver.start()
    qtbot.waitUntil(lambda: engine.index >= 4, timeout=20000)  # molenwieken's first set and rest
    driver.stop()

    assert len(handed) > 40
    early = [(due, at) for due, at in handed if at < due]
    assert early == []
    # the timer woke the driver ahead of the cues, and what was left was slept, never more
    assert slept and all(0 < s <= WAKE_EARLY_S for s in slept)
