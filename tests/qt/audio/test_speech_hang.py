"""speech-dispatcher that stops answering mid-session (frozen with SIGSTOP) must not freeze the session.

The app runs in a child process: a frozen main thread cannot be watched from inside it, and the
child is killed cleanly when it does not finish within the limit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

LIMIT_S = 45

# Says "one"; when it has been said, writes `ready` and waits for `frozen`; then says three more cues
# a second apart. It exits 0 once the third has been said or given up, printing each failure notice.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from sitimer.core.settings import Settings
    from sitimer.words.phrases import Token
    from sitimer.qt.audio.speech import TtsSpeaker, make_speaker

    ready, frozen = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([])
    speaker, notice = make_speaker("en", Settings(), engines=["speechd"], device_check=lambda: True)
    assert isinstance(speaker, TtsSpeaker), speaker
    speaker.failed.connect(lambda line: print("failed:", line, flush=True))
    said = []

    def cue(word):
        said.append(word)
        speaker.say((Token(word, None),))

    def idle():
        if said == ["one"]:
            ready.touch()
            wait = QTimer(app, interval=50)
            wait.timeout.connect(lambda: frozen.exists() and (wait.stop(), after_freeze()))
            wait.start()
        elif len(said) == 4 and not speaker.busy:
            print("session went on", flush=True)
            app.exit(0)

    def after_freeze():
        print("frozen seen", flush=True)
        for n, word in enumerate(["two", "three", "four"]):
            QTimer.singleShot(1000 * n, lambda word=word: cue(word))

    speaker.idle.connect(idle)
    cue("one")
    sys.exit(app.exec())
    """
)


def _wait_for(path: Path, proc: subprocess.Popen[str], limit_s: float) -> None:
    end = time.monotonic() + limit_s
    while not path.exists():
        if time.monotonic() > end or proc.poll() is not None:
            if proc.poll() is None:
                proc.kill()
            raise AssertionError(
                f"the child never said its first cue: {proc.wait()}\n{proc.communicate()[0]}"
            )
        time.sleep(0.05)


@pytest.mark.speech
def test_a_speech_dispatcher_frozen_mid_session_does_not_freeze_the_session(tmp_path):
    if shutil.which("speech-dispatcher") is None or shutil.which("espeak-ng") is None:
        pytest.skip("speech-dispatcher or espeak-ng is not installed (tools/system-deps.sh run)")
    sock = tmp_path / "speechd.sock"
    env = {**os.environ, "SPEECHD_ADDRESS": f"unix_socket:{sock}", "QT_QPA_PLATFORM": "offscreen"}
    daemon = subprocess.Popen(
        # its own pid file: the run's speech-dispatcher (if one was spawned) keeps the default one
        [
            "speech-dispatcher",
            "-s",
            "-t",
            "0",
            "-c",
            "unix_socket",
            "-S",
            str(sock),
            "-P",
            str(tmp_path / "pid"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    child = None
    try:
        end = time.monotonic() + 10
        while not sock.exists() and time.monotonic() < end:
            time.sleep(0.05)
        ready, frozen = tmp_path / "ready", tmp_path / "frozen"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(ready), str(frozen)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        _wait_for(ready, child, 30)
        daemon.send_signal(signal.SIGSTOP)
        frozen.touch()
        try:
            out, _ = child.communicate(timeout=LIMIT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            out, _ = child.communicate()
            pytest.fail(f"the session froze with speech-dispatcher: no cue after {LIMIT_S} s\n{out}")
        assert child.returncode == 0, out
        assert "session went on" in out
        assert out.count("failed: ") == 1, out
    finally:
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()
        daemon.send_signal(signal.SIGCONT)
        daemon.kill()
        daemon.wait()
