"""The driver hands out every cue at its due time: never before it, whatever Qt's timer does."""

import pytest

from sitimer.core.clock import FakeClock
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.engine import EventKind, SessionEngine
from sitimer.qt.session.driver import WAKE_EARLY_S, SessionDriver


def test_a_timer_that_wakes_early_is_slept_out_and_no_cue_comes_before_its_time(qtbot, si_gewricht):
    clock = FakeClock()
    engine = SessionEngine(build_plan(load_file(si_gewricht)), clock, auto=True)
    slept: list[float] = []

    def sleep(seconds: float) -> None:  # the fake clock moves on instead of the thread waiting
        slept.append(seconds)
        clock.advance(seconds)

    driver = SessionDriver(engine, sleep=sleep)
    handed: list[tuple[float, float]] = []  # (due, clock when handed out)
    driver.happened.connect(
        lambda event: handed.append((event.at, clock.monotonic())) if event.kind is EventKind.CUE else None
    )
    driver.start()
    for _ in range(40):  # the first cues: get ready, the countdown, molenwieken's first counts
        deadline = engine.next_deadline()
        assert deadline is not None
        before = len(handed)
        clock.now = deadline - 0.004  # Qt's timer woke 4 ms before the due time
        driver.retime()  # aimed 5 ms early, so it fires at once
        qtbot.waitUntil(lambda due=deadline: engine.next_deadline() != due)
        assert slept[-1] == pytest.approx(0.004)  # what was left was slept, no more
        assert all(at == pytest.approx(due, abs=1e-9) for due, at in handed[before:])  # on time, not before
    driver.stop()

    assert len(handed) > 10
    assert all(0 < s <= WAKE_EARLY_S for s in slept)
