"""Child processes the tests speak to by lines, and the fake desktop services on private session buses.

A fake service (fake_screensaver.py, fake_notifications.py) runs under dbus-run-session and says
``READY <pid> <bus address>`` once it owns its name; every wait is on a line with a deadline.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import pytest

from tests.helpers import HELPERS, REPO

LINE_TIMEOUT_S = 10.0  # generous: a line normally comes in milliseconds


class LineProcess:
    """A child process spoken to by lines: `say` one, `expect` the next within a deadline."""

    def __init__(self, argv: list[str], *, env: dict[str, str] | None = None, stderr: IO[Any]) -> None:
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            cwd=REPO,
            env=env,
            start_new_session=True,  # its own process group, so teardown reaches dbus-daemon too
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def say(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def expect(self) -> str:
        try:
            line = self._lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            pytest.fail(f"no line from {self.proc.args!r} within {LINE_TIMEOUT_S} s")
        if line is None:
            pytest.fail(f"{self.proc.args!r} ended (exit {self.proc.wait()}) before its next line")
        return line

    def close(self) -> None:
        """Close its stdin and wait for it to end; kill its process group if it will not."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGCONT)  # wake anything a test froze
        if self.proc.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        self._reader.join(timeout=5)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


class BusFake(LineProcess):
    """A fake service from tests/helpers on a private session bus of its own, once it has said READY."""

    def __init__(self, script: Path, what: str, logs: IO[Any], *args: str) -> None:
        dbus_run_session = shutil.which("dbus-run-session")
        if dbus_run_session is None:
            pytest.skip("dbus-run-session is not installed (Debian: dbus-daemon, dbus-bin)")
        super().__init__([dbus_run_session, "--", sys.executable, str(script), *args], stderr=logs)
        ready = self.expect().split(" ")
        if ready[0] != "READY":
            self.close()
            pytest.fail(f"the fake {what} did not start: {' '.join(ready)}")
        self.service_pid = int(ready[1])  # the fake itself, under dbus-run-session
        self.address = ready[2]


class FakeScreenSaver(BusFake):
    """fake_screensaver.py: org.freedesktop.ScreenSaver."""

    def __init__(self, logs: IO[Any], *args: str) -> None:
        super().__init__(HELPERS / "fake_screensaver.py", "screen saver", logs, *args)

    def pause(self) -> None:
        """Freeze it (SIGSTOP): it stays on the bus but answers nothing, like a wedged service."""
        os.kill(self.service_pid, signal.SIGSTOP)


class FakeDesktop(BusFake):
    """fake_notifications.py: org.freedesktop.Notifications."""

    def __init__(self, logs: IO[Any], *args: str) -> None:
        super().__init__(HELPERS / "fake_notifications.py", "notification service", logs, *args)

    def notified(self) -> tuple[int, list[Any]]:
        verb, nid, call = self.expect().split(" ", 2)
        assert verb == "Notify"
        return int(nid), json.loads(call)
