"""settings.json and the data folder's other JSON files: whatever is put there, reading never hangs."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from sitimer.core.jsonfile import JsonFile
from sitimer.core.settings import Settings, SettingsStore, kiosk_in_settings

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")


def in_thread(call, fifo: Path):
    """Run ``call`` beside the test: a read that waits on the FIFO shows as a thread still running."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # let the stuck open() go
        thread.join(5)
        pytest.fail("reading waited on the FIFO")
    return result[0]


@pytest.fixture
def fifo_settings(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    return path


def test_a_fifo_as_settings_is_reported_in_one_line_not_used_and_left_where_it_is(fifo_settings):
    store = SettingsStore(fifo_settings)
    assert in_thread(store.load, fifo_settings) == Settings()
    [notice] = store.notices
    assert notice == f"{fifo_settings} is not a regular file (a folder, pipe or device); not used"
    assert fifo_settings.is_fifo()  # not moved aside as if it were broken
    assert not list(fifo_settings.parent.glob("*.broken-*"))


def test_a_fifo_as_settings_does_not_hang_the_kiosk_check(fifo_settings):
    assert in_thread(lambda: kiosk_in_settings(fifo_settings.parent), fifo_settings) is False


def test_a_device_as_a_json_file_is_not_read_nor_moved(tmp_path):
    path = tmp_path / "kiosk.json"
    path.symlink_to("/dev/null")  # (/dev/zero the same, but the old code would read it until memory ran out)
    file = JsonFile(path)
    assert file.read() is None
    assert file.warning and "not a regular file" in file.warning
    assert path.is_symlink()


def test_a_broken_settings_file_is_still_moved_aside_and_the_defaults_used(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.notices.latest and "moved to settings.json.broken-" in store.notices.latest
    assert not path.exists() and len(list(tmp_path.glob("settings.json.broken-*"))) == 1


def test_a_good_settings_file_still_reads(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"volume": 0.5, "kiosk": True}))
    assert SettingsStore(tmp_path / "settings.json").load().volume == 0.5
    assert kiosk_in_settings(tmp_path) is True


def test_pain_before_the_session_is_asked_unless_the_patient_turns_it_off(tmp_path):
    assert Settings().ask_pain_before is True
    path = tmp_path / "settings.json"
    # a file saved before the question was on by default said "pain_before": false for everyone:
    # that was no choice of the patient's, so it does not turn the question off
    path.write_text(json.dumps({"volume": 0.8, "pain_before": False}))
    assert SettingsStore(path).load().ask_pain_before is True
    SettingsStore(path).save(Settings(ask_pain_before=False))
    assert SettingsStore(path).load().ask_pain_before is False


def test_a_session_is_completed_with_80_percent_of_its_dose_unless_the_practice_sets_another_share(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings().dose_threshold == 0.8
    path.write_text(json.dumps({"dose_threshold": 0.7}))
    assert SettingsStore(path).load().dose_threshold == 0.7
    path.write_text(json.dumps({"dose_threshold": 80}))  # a percentage where a share belongs: at most all
    assert SettingsStore(path).load().dose_threshold == 1.0
    path.write_text(json.dumps({"dose_threshold": "80%"}))
    assert SettingsStore(path).load().dose_threshold == 0.8


def test_a_value_of_the_wrong_kind_or_out_of_range_is_said_by_file_and_field(tmp_path):
    """{"volume": "loud", "muted": "yes", "dose_threshold": -1}: the defaults were used and -1 made 0
    (every session then "completed"), without a word."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"volume": "loud", "muted": "yes", "dose_threshold": -1, "voice": False}))
    store = SettingsStore(path)
    settings = store.load()
    assert (settings.volume, settings.muted, settings.dose_threshold, settings.voice) == (
        0.8,
        False,
        0.0,
        False,
    )
    assert store.notices.take() == [
        f'{path}: volume: "loud" is not a number; 0.8 is used',
        f'{path}: muted: "yes" is not true or false; false is used',
        f"{path}: dose_threshold: -1 is not from 0 to 1; 0 is used",
    ]


def test_a_key_sitimer_does_not_know_is_said_and_kept_in_the_file(tmp_path):
    """{"volum": 0.3}: a typo was left out without a word (the volume stayed 0.8), and the next save
    wiped it from the file, as it would a newer sitimer's setting after a run of an older one."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"volum": 0.3, "voice": False, "screen_reader_hints": {"on": True}}))
    store = SettingsStore(path)
    settings = store.load()
    assert settings.volume == 0.8 and settings.voice is False
    assert store.notices.take() == [
        f"{path}: volum: not a setting sitimer knows (did you mean volume?); kept in the file, not used",
        f"{path}: screen_reader_hints: not a setting sitimer knows; kept in the file, not used",
    ]
    store.save(Settings(muted=True))
    saved = json.loads(path.read_text())
    assert saved["volum"] == 0.3 and saved["screen_reader_hints"] == {"on": True}
    assert saved["muted"] is True and saved["voice"] is True
