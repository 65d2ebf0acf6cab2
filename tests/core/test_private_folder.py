"""A new patient's account: no data folder yet, and every first write makes it, readable by its owner only."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from sitimer.core.history.lock import SessionLock
from sitimer.core.history.store import HistoryStore
from sitimer.core.kiosk.config import KioskConfigStore
from sitimer.core.paths import data_dir
from sitimer.core.reminders.state import ReminderStateStore


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with nothing in it, as a new account has; the data folder is the platform's place."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("SITIMER_DATA_DIR", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    return home


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_reminders_lock_makes_the_data_folder(fresh_home: Path) -> None:
    folder = data_dir()
    assert folder.is_relative_to(fresh_home) and not folder.exists()
    reminders = SessionLock(folder / "reminders")
    assert reminders.acquire() is True, reminders.problem  # was: FileNotFoundError on reminders.lock
    assert _mode(folder) == 0o700
    reminders.release()


def test_every_first_write_finds_or_makes_the_folder(fresh_home: Path) -> None:
    folder = data_dir()
    HistoryStore(folder / "history.db").close()
    ReminderStateStore.in_folder(folder).save(ReminderStateStore.in_folder(folder).load())
    KioskConfigStore.in_folder(folder).save(KioskConfigStore.in_folder(folder).load())
    assert _mode(folder) == 0o700
    assert {p.name for p in folder.iterdir()} >= {"history.db", "reminders.json", "kiosk.json"}
