"""A private X display for tests that need a real window: Xvfb with openbox, torn down after."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def x_display(
    width: int,
    height: int,
    tools: tuple[str, ...] = (),
    ready: Callable[[str], None] | None = None,
    wm: tuple[str, ...] | None = ("openbox", "--sm-disable"),
) -> Iterator[str]:
    """Start Xvfb and openbox (skip when a tool is missing); yields the DISPLAY name.

    ``ready(name)`` may wait until the window manager is up before the test uses the display.
    ``wm=None``: no window manager (the test starts its own, e.g. a kiosk session).
    """
    for tool in ("Xvfb", "openbox", *tools):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (tools/system-deps.sh test installs it)")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # Xvfb writes its display number once it accepts clients
    if not number:
        xvfb.kill()
        pytest.fail("Xvfb did not start")
    name = f":{number}"
    started = [xvfb]
    with tempfile.TemporaryFile() as said:  # the window manager's stderr, for a failure to name
        env = {**os.environ, "DISPLAY": name}
        if wm is not None:
            started.insert(0, subprocess.Popen(wm, env=env, stdout=subprocess.DEVNULL, stderr=said))
        try:
            if ready is not None:
                try:
                    ready(name)
                except pytest.fail.Exception:
                    # Seen once in CI under full load: openbox never managed the screen. Whether it
                    # had ended, and what it said, is what a second look needs; ended, it is started
                    # once more.
                    if wm is None:
                        raise
                    if started[0].poll() is None:
                        said.seek(0)
                        pytest.fail(f"the window manager runs but did not answer: {said.read()[-2000:]!r}")
                    started.insert(0, subprocess.Popen(wm, env=env, stdout=subprocess.DEVNULL, stderr=said))
                    ready(name)
            yield name
        finally:
            for process in started:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


def until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Poll ``condition`` every 50 ms until it holds; fail naming ``what`` after ``timeout_s``.

    For what another process does (a window mapped, a socket made): there is no signal to wait on.
    """
    end = time.monotonic() + timeout_s
    pause = threading.Event()
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"timed out after {timeout_s} s waiting for {what}")
        pause.wait(0.05)


def wm_ready(display: str) -> None:
    """Wait until openbox manages the screen (its EWMH check window is on the root); needs xprop."""
    env = {**os.environ, "DISPLAY": display}

    def managed() -> bool:
        check = ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"]
        found = subprocess.run(check, env=env, capture_output=True, text=True, check=False)
        return "window id" in found.stdout

    until(managed, 10, "openbox to manage the screen")
