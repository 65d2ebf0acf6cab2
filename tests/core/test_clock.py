"""The clocks: a scaled system clock that can change speed without a jump."""

import time

import pytest

from sitimer.core.clock import FakeClock, SystemClock


def test_a_faster_clock_runs_faster_and_a_speed_change_never_jumps(monkeypatch):
    real = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: real[0])
    clock = SystemClock(speed=6.0)  # a 30 s hold shown in 5 s
    real[0] += 5
    assert clock.monotonic() == pytest.approx(30.0)
    clock.set_speed(1.0)
    assert clock.monotonic() == pytest.approx(30.0)
    real[0] += 2
    assert clock.monotonic() == pytest.approx(32.0)
    assert clock.real_seconds(12.0) == pytest.approx(12.0)


def test_clocks_never_go_back():
    with pytest.raises(ValueError):
        FakeClock().advance(-1)
    with pytest.raises(ValueError):
        SystemClock(speed=0)
