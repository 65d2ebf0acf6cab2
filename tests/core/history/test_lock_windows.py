"""The session lock on Windows (LockFileEx, faked): shared beside sessions, alone for recovery, busy alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitimer.core.history import journal, lock
from sitimer.core.history.lock import SessionLock


class FakeKernel32:
    """Windows' byte-range locks on the first byte: many shared holders, or one alone."""

    def __init__(self) -> None:
        self.held: dict[int, tuple[int, bool]] = {}  # handle -> (file, exclusive)
        self.calls: list[tuple[str, int]] = []

    def LockFileEx(self, handle: int, flags: int, _reserved: int, low: int, high: int, _ov: object) -> int:
        assert (low, high) == (1, 0)
        self.calls.append(("lock", flags))
        file, exclusive = os.fstat(handle).st_ino, bool(flags & 0x2)
        others = [ex for h, (f, ex) in self.held.items() if f == file and h != handle]
        if others and (exclusive or any(others)):
            assert flags & 0x1, "a wait here would hang the test"
            return 0  # ERROR_LOCK_VIOLATION
        self.held[handle] = (file, exclusive)
        return 1

    def UnlockFileEx(self, handle: int, _reserved: int, low: int, high: int, _ov: object) -> int:
        self.calls.append(("unlock", handle))
        return 1 if self.held.pop(handle, None) else 0


@pytest.fixture
def kernel32(monkeypatch: pytest.MonkeyPatch) -> FakeKernel32:
    fake = FakeKernel32()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", SimpleNamespace(get_osfhandle=lambda fd: fd))
    monkeypatch.setattr(lock, "_kernel32", lambda: fake)
    return fake


def test_sessions_share_the_lock_and_recovery_waits_for_them(tmp_path: Path, kernel32: FakeKernel32) -> None:
    db = tmp_path / "history.db"
    first, second, recovery = SessionLock(db), SessionLock(db), SessionLock(db)
    assert first.share(wait_s=0) and second.share(wait_s=0)
    assert kernel32.calls[:2] == [("lock", 0x1), ("lock", 0x1)]  # shared, never waiting

    assert recovery.acquire() is False and recovery.problem is None  # busy, as on Linux: no problem
    first.release()
    assert recovery.acquire() is False  # one session still runs
    second.release()
    assert recovery.acquire() is True
    assert kernel32.calls[-1] == ("lock", 0x3)  # alone, never waiting
    assert first.share(wait_s=0) is False and first.problem is None  # a session waits while it recovers
    recovery.release()
    assert not kernel32.held


def test_a_journal_being_written_is_not_claimed(tmp_path: Path, kernel32: FakeKernel32) -> None:
    db = tmp_path / "history.db"
    running = journal.Journal(db)
    running.add([{"op": "start"}])
    assert running.path is not None
    assert ("lock", 0x2) in kernel32.calls  # the writer holds it alone, waiting if it must
    with journal.claimed(running.path) as writes:
        assert writes is None  # the session still holds it
    running.close()
    kernel32.held.clear()  # closing the handle drops its lock on Windows
    with journal.claimed(running.path) as writes:
        assert writes == [{"op": "start"}]


def test_linux_still_uses_flock(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    session, recovery = SessionLock(db), SessionLock(db)
    assert session.share(wait_s=0)
    assert recovery.acquire() is False and recovery.problem is None
    session.release()
    assert recovery.acquire() is True
