"""The session lock: running sessions share it; closing what a crash left open takes it alone."""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path
from typing import Any

from sitimer.core.private_folder import make_private_folder


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
            make_private_folder(self.path.parent)  # a new patient's data folder is not there yet
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as err:
            self.problem = f"{self.path} cannot be used as a lock: {err.strerror or err}"
            return False
        if not lock_file(fd, exclusive=exclusive):
            os.close(fd)
            return False
        self._fd, self.held = fd, True
        return True

    def release(self) -> None:
        """Let go of the lock."""
        if self._fd is not None:
            unlock_file(self._fd)
            os.close(self._fd)
        self._fd, self.held = None, False

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


# Windows' LockFileEx: shared unless LOCKFILE_EXCLUSIVE_LOCK, waiting unless LOCKFILE_FAIL_IMMEDIATELY.
_WIN_EXCLUSIVE, _WIN_FAIL_IMMEDIATELY = 0x2, 0x1
_OVERLAPPED_BYTES = 32  # a zeroed OVERLAPPED (its size on 64-bit Windows): the lock starts at byte 0


def lock_file(fd: int, *, exclusive: bool, wait: bool = False) -> bool:
    """Lock the open file ``fd``, alone or shared; False when another holder has it (and not ``wait``).

    Linux and macOS: ``flock``. Windows: ``LockFileEx`` on the file's first byte, which has
    shared and exclusive locks too (``msvcrt.locking`` has only exclusive ones).
    """
    if sys.platform == "win32":
        flags = (_WIN_EXCLUSIVE if exclusive else 0) | (0 if wait else _WIN_FAIL_IMMEDIATELY)
        return bool(_kernel32().LockFileEx(_handle(fd), flags, 0, 1, 0, _overlapped()))
    import fcntl

    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def unlock_file(fd: int) -> None:
    """Drop the lock on ``fd`` now (closing does too, but Windows may take its time)."""
    if sys.platform == "win32":
        _kernel32().UnlockFileEx(_handle(fd), 0, 1, 0, _overlapped())


def _handle(fd: int) -> int:
    msvcrt: Any = importlib.import_module("msvcrt")
    return int(msvcrt.get_osfhandle(fd))


def _kernel32() -> Any:
    import ctypes

    return getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009 - not on Linux's stubs


def _overlapped() -> Any:
    import ctypes

    return ctypes.create_string_buffer(_OVERLAPPED_BYTES)
