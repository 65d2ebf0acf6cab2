"""`sitimer run` and `history` against a history in trouble, as a user runs them: never a traceback,
never a hang, never a session gone; the user is told what happened and where things are."""

import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest

from sitimer.core.history.schema import SCHEMA_VERSION
from tests.core.history.test_history_fuzz import _still_held, make_healthy


def _sitimer(*args, data, state, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SITIMER_DATA_DIR": str(data)}
    env["XDG_STATE_HOME"] = str(state)
    return subprocess.run(
        [sys.executable, "-m", "sitimer", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _run(programme, data, state):
    return _sitimer("run", programme, "--speed", 300, "--auto", data=data, state=state)


def _history(data, state):
    done = _sitimer("history", "--json", "--include-simulated", data=data, state=state, timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    return done, (json.loads(done.stdout)["sessions"] if done.returncode == 0 else None)


def test_a_run_on_a_damaged_history_moves_it_aside_says_so_and_records_the_session(tmp_path, si_gewricht):
    data, state = tmp_path / "data", tmp_path / "state"
    data.mkdir()
    torn = bytearray(make_healthy(data / "history.db"))  # 40 sessions, 3 left open by a crash
    last = len(torn) // 4096 - 1
    torn[last * 4096 : (last + 1) * 4096] = b"\x5a" * 4096  # and a page torn
    (data / "history.db").write_bytes(bytes(torn))
    held = _still_held(data / "history.db")
    done = _run(si_gewricht, data, state)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    [aside] = data.glob("history.corrupt-*.db")
    assert aside.read_bytes() == bytes(torn)
    assert f"moved to {aside}" in done.stderr
    _, sessions = _history(data, state)
    assert held <= {s["id"] for s in sessions}  # everything the torn file still held
    [new] = [s for s in sessions if s["simulated"]]  # and the new session, done to the end
    assert new["status"] == "completed", done.stderr


def test_a_relative_data_folder_with_a_damaged_history_keeps_what_could_be_read(tmp_path):
    """`--data-dir C9` (or SITIMER_DATA_DIR=C9) on a torn history: a traceback ("relative path can't
    be expressed as a file URI") after the file was moved aside, and none of its sessions copied back."""
    data, state = tmp_path / "C9", tmp_path / "state"
    data.mkdir()
    torn = bytearray(make_healthy(data / "history.db"))
    last = len(torn) // 4096 - 1
    torn[last * 4096 : (last + 1) * 4096] = b"\x5a" * 4096
    (data / "history.db").write_bytes(bytes(torn))
    held = _still_held(data / "history.db")
    env = {**os.environ, "XDG_STATE_HOME": str(state)}
    env.pop("SITIMER_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "sitimer", "history", "--json", "--data-dir", "C9"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "moved to" in done.stderr
    assert held <= {s["id"] for s in json.loads(done.stdout)["sessions"]}


def test_a_run_on_a_newer_sitimers_history_keeps_the_session_beside_it_and_adds_it_later(
    tmp_path, si_gewricht
):
    data, state = tmp_path / "data", tmp_path / "state"
    data.mkdir()
    raw = sqlite3.connect(data / "history.db")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    done = _run(si_gewricht, data, state)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    [journal] = data.glob("history-pending-*.jsonl")
    assert f"this session is kept in {journal}" in done.stderr
    writes = [json.loads(line) for line in journal.read_text().splitlines()]
    assert writes[0]["op"] == "begin" and writes[-1] == {**writes[-1], "op": "end", "status": "completed"}
    assert oct(journal.stat().st_mode & 0o777) == "0o600"
    refused, _ = _history(data, state)
    assert refused.returncode == 1 and "newer sitimer" in refused.stderr
    (data / "history.db").rename(data / "history-from-the-newer-sitimer.db")
    done, sessions = _history(data, state)
    assert done.returncode == 0 and [s["status"] for s in sessions] == ["completed"]
    assert sessions[0]["steps_done"] == sessions[0]["steps_planned"]
    assert re.search(r"A session kept in .*history-pending-.*\.jsonl .* was added to it", done.stderr)
    assert not list(data.glob("history-pending-*"))


@pytest.mark.skipif(os.getuid() != 0, reason="mounts a read-only tmpfs: needs root")
def test_a_run_on_a_read_only_data_folder_keeps_the_session_in_the_state_folder(tmp_path, si_gewricht):
    data, state = tmp_path / "data", tmp_path / "state"
    data.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(data)]).returncode:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        first = _run(si_gewricht, data, state)  # a history with one session in it
        assert first.returncode == 0, first.stderr
        subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True)
        done = _run(si_gewricht, data, state)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        [journal] = state.glob("sitimer/pending/*/history-pending-*.jsonl")
        assert f"this session is kept in {journal}" in done.stderr
        subprocess.run(["mount", "-o", "remount,rw", str(data)], check=True)
        done, sessions = _history(data, state)
        assert done.returncode == 0 and [s["status"] for s in sessions] == ["completed", "completed"]
        assert not journal.exists()
    finally:
        subprocess.run(["umount", "--lazy", str(data)])
