"""A line repeated in a loop can never fill a disk: the windowed app's stderr goes through a
filter that lets each kind of line through a few times and sums up the rest, keeps every
other line, and still passes the last words on however the app ends."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap

from sitimer.core.logcap import LineCap

FLOOD = b"QSocketNotifier: Invalid socket 12 and type 'Read', disabling...\n"


def _python(code: str, *, timeout: float = 60, **popen: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", textwrap.dedent(code).replace("FLOOD", repr(FLOOD))]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, **popen)


def test_a_hundred_thousand_identical_lines_come_out_as_a_few_and_the_rest_still_arrives():
    done = _python(
        """
        import os, sys
        from sitimer.core import logcap
        logcap.install()
        os.write(2, b"first words\\n")
        for _ in range(100_000):
            os.write(2, FLOOD)
        os.write(2, b"in between\\n")
        print("from Python", file=sys.stderr)
        os.write(2, b"last words\\n")
        """
    )
    lines = done.stderr.splitlines()
    assert len(lines) < 20, lines[:30]
    kept = [line for line in lines if "Invalid socket" not in line]
    assert kept[:4] == ["first words", "in between", "from Python", "last words"]
    assert any(re.match(r"sitimer: 99995 more like this left out: QSocketNotifier", line) for line in lines)
    assert done.returncode == 0


def test_two_interleaved_floods_and_lines_differing_only_in_numbers_are_capped_too():
    done = _python(
        """
        import os
        from sitimer.core import logcap
        logcap.install()
        for i in range(50_000):
            os.write(2, b"QSocketNotifier: Invalid socket %d and type 'Read', disabling...\\n" % (i % 7))
            os.write(2, b"pa_stream_write failed: %d\\n" % i)
        os.write(2, b"last words\\n")
        """
    )
    lines = done.stderr.splitlines()
    assert len(lines) < 20, lines[:30]
    assert "last words" in lines


def test_the_last_words_arrive_when_the_whole_process_group_is_terminated():
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import os, signal, sys
                from sitimer.core import logcap
                logcap.install()
                def last_words(*_):
                    os.write(2, b"last words\\n")
                    os._exit(0)
                signal.signal(signal.SIGTERM, last_words)
                print("ready", flush=True)
                signal.pause()
                """
            ),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the filter gets the SIGTERM too
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
        proc.wait()
    assert "last words" in err


def test_a_helper_that_keeps_stderr_open_does_not_hold_up_the_end():
    # speech-dispatcher or PulseAudio started by the app inherit its stderr and outlive it
    done = _python(
        """
        import subprocess, sys
        from sitimer.core import logcap
        logcap.install()
        helper = subprocess.Popen(["sleep", "120"], stdout=subprocess.DEVNULL, start_new_session=True)
        print(helper.pid)
        print("last words", file=sys.stderr)
        """
    )
    os.kill(int(done.stdout), signal.SIGKILL)
    assert done.stderr.splitlines() == ["last words"]


def test_sitimer_run_sends_its_stderr_through_the_filter():
    done = _python(
        """
        import os, sys
        from sitimer import cli
        from sitimer.qt.app import app

        def flood(options):
            for _ in range(100_000):
                os.write(2, FLOOD)
            return 0

        app.run = flood
        sys.exit(cli.main(["run", "programmes/si-gewricht.yaml"]))
        """,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    assert done.returncode == 0
    assert len(done.stderr.splitlines()) < 20


def test_counts_start_again_in_the_next_window():
    cap = LineCap(window_s=10, per_kind=2)
    out = b"".join(cap.line(b"same 1\n", now=0.0) for _ in range(5))
    assert out == b"same 1\nsame 1\n"
    out = cap.line(b"same 2\n", now=10.0)
    assert out == b"sitimer: 3 more like this left out: same 1\nsame 2\n"
