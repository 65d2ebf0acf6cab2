"""SIGINT and SIGTERM always end the app: the first stops it as Esc would, and a second one,
one after the event loop, or a stop that hangs (even an event loop stuck in a flood of Qt
warnings), end it without Qt's event loop."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

# A Qt app with StopOnSignal whose stop hangs (it says so and does nothing), as a session's
# stop that never gets to quit would; with "after", one whose teardown after the event loop
# hangs; with "flood", one whose event loop is stuck in Qt's "Invalid socket" warnings (a
# notifier switched off from another thread and its fd closed, as Qt Multimedia's own
# QAutoResetEventPipe can be).
SCRIPT = textwrap.dedent(
    """
    import os, signal, sys, time
    from PySide6.QtCore import QCoreApplication, QSocketNotifier, QThread, QTimer
    from sitimer.qt.common.startup import StopOnSignal

    StopOnSignal.GRACE_S = int(sys.argv[2])
    app = QCoreApplication([])
    stopper = StopOnSignal(lambda: print("stopping", flush=True))
    if sys.argv[1] == "after":
        QTimer.singleShot(0, app.quit)
    elif sys.argv[1] == "flood":
        read, write = os.pipe()
        notifier = QSocketNotifier(read, QSocketNotifier.Type.Read)

        class Elsewhere(QThread):
            def run(self):
                notifier.setEnabled(False)  # refused: it stays in the main loop's poll

        elsewhere = Elsewhere()
        elsewhere.start()
        elsewhere.wait()
        os.close(read)
        print("running", flush=True)  # its event loop never gets to a timer
    else:
        QTimer.singleShot(0, lambda: print("running", flush=True))
    signal.signal(signal.SIGUSR1, lambda *_: None)  # Python writes this one to the wake-up fd too
    app.exec()
    print("torn down", flush=True)
    while True:
        time.sleep(1)  # a teardown that never ends
    """
)


def _start(mode: str, grace_s: int = 600) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, mode, str(grace_s)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL if mode == "flood" else subprocess.PIPE,
        text=True,
    )


def _wait_for(proc: subprocess.Popen[str], line: str) -> None:
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == line


def test_a_second_sigterm_ends_an_app_whose_stop_hangs():
    proc = _start("during")
    try:
        _wait_for(proc, "running")
        proc.send_signal(signal.SIGTERM)
        _wait_for(proc, "stopping")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    finally:
        proc.kill()
        proc.wait()


def test_one_sigterm_ends_an_app_that_hangs_after_it_at_the_latest_by_the_alarm():
    proc = _start("during", grace_s=1)
    try:
        _wait_for(proc, "running")
        proc.send_signal(signal.SIGTERM)
        _wait_for(proc, "stopping")
        assert proc.wait(timeout=30) == -signal.SIGALRM
    finally:
        proc.kill()
        proc.wait()


def test_sigterm_ends_an_app_whose_event_loop_is_stuck_in_a_flood_of_warnings():
    proc = _start("flood", grace_s=1)
    try:
        _wait_for(proc, "running")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == -signal.SIGALRM
    finally:
        proc.kill()
        proc.wait()


def test_sigterm_after_the_event_loop_ends_the_app_at_once():
    proc = _start("after")
    try:
        _wait_for(proc, "torn down")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == -signal.SIGTERM
    finally:
        proc.kill()
        proc.wait()


def test_another_signal_does_not_stop_the_app():
    proc = _start("during")
    try:
        _wait_for(proc, "running")
        proc.send_signal(signal.SIGUSR1)
        proc.send_signal(signal.SIGINT)
        _wait_for(proc, "stopping")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 128 + signal.SIGINT
    finally:
        proc.kill()
        proc.wait()
    assert proc.stdout is not None and proc.stderr is not None
    assert "stopping" not in proc.stdout.read()  # asked to stop once: SIGUSR1 asked nothing
    assert "Traceback" not in proc.stderr.read()


def test_sigterm_while_the_questions_after_a_session_show_quits_cleanly(si_gewricht, _private_data_dir):
    _private_data_dir.mkdir(parents=True, exist_ok=True)
    (_private_data_dir / "settings.json").write_text('{"ask_pain_before": false}')  # the session at once
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitimer",
            "run",
            str(si_gewricht),
            "--speed",
            "1000",
            "--cue-log",
            "/dev/stdout",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if '"complete"' in line:  # the session is done: pain and effort are asked now
                break
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    history = subprocess.run(
        [sys.executable, "-m", "sitimer", "history", "--json", "--include-simulated"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert '"status": "completed"' in history.stdout
