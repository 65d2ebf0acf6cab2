"""The kiosk on a real X server with a window manager (Xvfb + openbox): the keys that close windows
elsewhere leave it full screen; only the therapist's PIN, then Exit, ends the process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.qt.xdisplay import x_display

REPO = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1280, 720
PIN = "2468"

pytestmark = pytest.mark.xvfb


def until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Poll ``condition`` every 50 ms until it holds; fail naming ``what`` after ``timeout_s``."""
    end = time.monotonic() + timeout_s
    pause = threading.Event()
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"timed out after {timeout_s} s waiting for {what}")
        pause.wait(0.05)


def x(display: str, *args: str, timeout_s: float = 10) -> str:
    """Run an X client (xdotool, xprop, xwininfo) on ``display``; its output."""
    env = {**os.environ, "DISPLAY": display}
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout_s, check=True).stdout


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh 1280×720 X display managed by openbox, torn down afterwards."""

    def managed(name: str) -> None:
        # openbox manages the screen once it has set its EWMH check window on the root
        until(lambda: "window id" in x(name, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK"), 10, "openbox")

    with x_display(WIDTH, HEIGHT, tools=("xdotool", "xprop", "xwininfo"), ready=managed) as name:
        yield name


def states(spy_log: Path) -> list[str]:
    """The WM_STATE values `xprop -spy` has seen so far: Normal, Iconic, ..."""
    return re.findall(r"window state: (\w+)", spy_log.read_text())


def full_screen_and_shown(display: str, window: str) -> bool:
    info = x(display, "xwininfo", "-id", window)
    state = x(display, "xprop", "-id", window, "_NET_WM_STATE")
    return (
        "Map State: IsViewable" in info
        and f"Width: {WIDTH}" in info
        and f"Height: {HEIGHT}" in info
        and "_NET_WM_STATE_FULLSCREEN" in state
    )


def test_the_kiosk_survives_closing_keys_and_exits_only_with_the_pin(display: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "en_GB.UTF-8", "SITIMER_DATA_DIR": str(data)}
    set_pin = subprocess.run(
        [sys.executable, "-m", "sitimer", "kiosk", "set-pin"],
        input=f"{PIN}\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert set_pin.returncode == 0, set_pin.stderr
    log = tmp_path / "kiosk.log"
    with log.open("w") as stderr:
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "sitimer", "--kiosk", "--data-dir", str(data), "--lang", "en"],
            env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        found = x(
            display, "xdotool", "search", "--sync", "--onlyvisible", "--name", "^sitimer$", timeout_s=30
        )
        window = found.split()[0]
        until(lambda: full_screen_and_shown(display, window), 10, "the kiosk full screen")
        x(display, "xdotool", "windowactivate", "--sync", window)

        x(display, "xdotool", "type", "12")  # a code begun, for Esc to clear
        # openbox turns Alt+F4 into a close request (WM_DELETE_WINDOW); the others reach Qt
        for chord in ("alt+F4", "Escape", "ctrl+q", "ctrl+w"):
            x(display, "xdotool", "key", "--clearmodifiers", chord)
        assert kiosk.poll() is None, log.read_text()
        assert full_screen_and_shown(display, window)

        spy_log = tmp_path / "wm_state.log"
        with spy_log.open("w") as out:  # every change of the window's WM_STATE, as it happens
            spy = subprocess.Popen(
                ["xprop", "-spy", "-id", window, "WM_STATE"],
                env={**os.environ, "DISPLAY": display},
                stdout=out,
            )
        try:
            until(lambda: states(spy_log) == ["Normal"], 10, "xprop -spy")
            x(display, "xdotool", "windowminimize", window)  # the window menu's Minimise
            # Two changes, to Iconic and back to Normal; xprop reads the value when told of a change,
            # so when the kiosk comes back quickly both may read "Normal".
            until(
                lambda: len(states(spy_log)) >= 3 and states(spy_log)[-1] == "Normal", 10, "minimised, back"
            )
        finally:
            spy.terminate()
            spy.wait(timeout=5)
        until(lambda: full_screen_and_shown(display, window), 10, "the kiosk back full screen")
        x(display, "xdotool", "windowactivate", "--sync", window)

        x(display, "xdotool", "key", "--clearmodifiers", "alt+t")  # Therapist: the PIN page at once
        x(display, "xdotool", "type", PIN)
        x(display, "xdotool", "key", "Return")
        x(display, "xdotool", "key", "--clearmodifiers", "alt+e")  # Exit kiosk
        try:
            assert kiosk.wait(timeout=15) == 0
        except subprocess.TimeoutExpired:
            if shutil.which("import"):  # what the screen showed, to see where it stuck
                x(display, "import", "-window", "root", str(tmp_path / "stuck.png"))
            raise
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
    assert "kiosk closed by the therapist" in log.read_text()
