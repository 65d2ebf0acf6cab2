"""The session lock: running sessions share it; closing what a crash left open takes it alone."""

from __future__ import annotations

import os
import time
from pathlib import Path


class SessionLock:
    """An advisory lock next to the database.

    A running session holds it shared (:meth:`share`), so several sessions can run at once;
    closing the sessions a crash left open takes it alone (:meth:`acquire`), so it never
    happens while any session anywhere is alive. ``problem`` says why it could not be
    used at all (the lock's path is a folder, the folder is read-only).
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.held = False
        self.problem: str | None = None
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock alone, if no other holder has it."""
        return self._take(exclusive=True)

    def share(self, wait_s: float = 2.0) -> bool:
        """Take the lock beside other running sessions; waits a moment while one is being closed."""
        deadline = time.monotonic() + wait_s
        while not self._take(exclusive=False):
            if self.problem or time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    def _take(self, *, exclusive: bool) -> bool:
        if self.held:
            return True
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; recovery then only runs at start-up
            self.held = True
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as err:
            self.problem = f"{self.path} cannot be used as a lock: {err.strerror or err}"
            return False
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd, self.held = fd, True
        return True

    def release(self) -> None:
        """Let go of the lock."""
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
        self._fd, self.held = None, False

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
