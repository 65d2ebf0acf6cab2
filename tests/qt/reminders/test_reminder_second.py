"""A second `sitimer --reminders` on the same data folder says so in one line and exits 0."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import REPO

DEADLINE_S = 60.0


def held(lock: Path) -> bool:
    """Whether another process holds the reminders' lock."""
    if not lock.exists():
        return False
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_second_reminders_process_says_so_and_exits_0(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.update(QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}")
    argv = [sys.executable, "-m", "sitimer", "--reminders", "--lang", "en", "--data-dir", str(data)]
    first = subprocess.Popen(argv, env=env, cwd=REPO, stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + DEADLINE_S
        while not held(data / "reminders.lock"):
            if first.poll() is not None or time.monotonic() > end:
                pytest.fail(f"the first sitimer --reminders never took the lock: {first.communicate()[1]}")
            time.sleep(0.1)

        second = subprocess.run(argv, env=env, cwd=REPO, capture_output=True, text=True, timeout=DEADLINE_S)
        assert second.returncode == 0
        assert second.stderr.splitlines() == [
            f"sitimer: another sitimer already reminds from {data}; this one stops"
        ]
        assert first.poll() is None  # the first goes on reminding
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.wait(timeout=DEADLINE_S)
        except subprocess.TimeoutExpired:
            first.kill()
            first.wait()
