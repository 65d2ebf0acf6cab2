"""`sitimer` started while its reminders run: the running one shows its window, on a real X display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitimer.core.running import socket_path
from tests.helpers import REPO
from tests.helpers.xdisplay import until, x_display

pytestmark = pytest.mark.xvfb

DEADLINE_S = 60.0


def shown_windows(env: dict[str, str]) -> list[str]:
    """The sitimer windows X shows now."""
    search = ["xdotool", "search", "--onlyvisible", "--name", "^sitimer$"]
    return subprocess.run(search, env=env, capture_output=True, text=True, timeout=10).stdout.split()


def stop(process: subprocess.Popen[str]) -> None:
    """End the sitimer that reminds as a logout would (SIGTERM), or kill it."""
    process.terminate()
    try:
        process.wait(timeout=DEADLINE_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_a_second_start_shows_the_window_of_the_sitimer_that_reminds(
    tmp_path: Path, runtime_dir: Path
) -> None:
    data = tmp_path / "data"  # both sitimers, and this test, look in runtime_dir
    listening = socket_path(data)
    assert listening is not None
    with x_display(1280, 720, tools=("xdotool",)) as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",  # no notifications to send
            "PYTHONPATH": str(REPO),
        }
        argv = [sys.executable, "-m", "sitimer", "--lang", "en", "--data-dir", str(data)]
        reminding = subprocess.Popen([*argv, "--reminders"], env=env, stderr=subprocess.PIPE, text=True)
        try:
            until(lambda: listening.exists() or reminding.poll() is not None, DEADLINE_S, "it to listen")
            assert reminding.poll() is None, reminding.communicate()[1]
            assert shown_windows(env) == []  # reminding in the background: no window yet

            second = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=DEADLINE_S)
            assert second.returncode == 0
            assert second.stderr.splitlines() == ["sitimer: already running: its window is shown"]
            until(lambda: len(shown_windows(env)) == 1, DEADLINE_S, "the running sitimer's window")
            assert reminding.poll() is None  # the one that reminds goes on, now with its window
        finally:
            stop(reminding)
        assert not listening.exists()  # it ended as it should: the next start is a first one


def test_a_double_clicked_file_and_a_patients_run_go_to_the_sitimer_that_reminds(
    tmp_path: Path, runtime_dir: Path
) -> None:
    """Seen in a bare Debian: with the reminders running, a double-clicked programme opened a second
    sitimer, and a reminder of the first started a second session over the first one's, two voices."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"voice": false, "ask_pain_before": false}')
    listening = socket_path(data)
    assert listening is not None
    programme = REPO / "programmes" / "si-gewricht.yaml"
    with x_display(1280, 720, tools=("xdotool",)) as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
            "PYTHONPATH": str(REPO),
        }
        argv = [sys.executable, "-m", "sitimer", "--lang", "en", "--data-dir", str(data)]
        reminding = subprocess.Popen([*argv, "--reminders"], env=env, stderr=subprocess.PIPE, text=True)
        try:
            until(lambda: listening.exists() or reminding.poll() is not None, DEADLINE_S, "it to listen")
            opened = subprocess.run(
                [*argv, "open", str(programme)], env=env, capture_output=True, text=True, timeout=DEADLINE_S
            )
            assert opened.returncode == 0, opened.stderr
            assert opened.stderr.splitlines() == ["sitimer: already running: it is shown there"]
            until(lambda: len(shown_windows(env)) == 1, DEADLINE_S, "the running sitimer's window")
            started = subprocess.run(
                [*argv, "run", str(programme)], env=env, capture_output=True, text=True, timeout=DEADLINE_S
            )
            assert started.stderr.splitlines() == ["sitimer: already running: the session starts there"]

            def in_progress() -> bool:
                done = subprocess.run(
                    [*argv, "history", "--json"], env=env, capture_output=True, text=True, timeout=DEADLINE_S
                )
                return '"status": "in_progress"' in done.stdout

            until(in_progress, DEADLINE_S, "the session begun in the running sitimer")
            assert len(shown_windows(env)) == 1 and reminding.poll() is None
        finally:
            stop(reminding)
