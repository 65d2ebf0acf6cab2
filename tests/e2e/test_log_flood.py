"""A line repeated in a loop can never fill a disk: the windowed app's stderr goes through a
filter that lets each kind of line through a few times and sums up the rest, keeps every
other line, and still passes the last words on however the app ends. What passes is kept,
dated, in the data folder's sitimer.log, crashes in C included."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sitimer.core import logcap
from sitimer.core.logcap import LineCap, LogFile

DATED = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (.*)$")

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


def _undated(log: Path) -> list[str]:
    """The log's lines without their dates; every line must have one."""
    lines = []
    for line in log.read_text(encoding="utf-8").splitlines():
        match = DATED.match(line)
        assert match, line
        lines.append(match.group(1))
    return lines


def test_what_the_window_writes_is_kept_dated_in_the_data_folder_and_capped_there_too(tmp_path):
    log = tmp_path / "data" / "sitimer.log"
    done = _python(
        f"""
        import os
        from pathlib import Path
        from sitimer.core import logcap
        logcap.install(Path({str(log)!r}))
        os.write(2, b"first words\\n")
        for _ in range(100_000):
            os.write(2, FLOOD)
        raise RuntimeError("a slot that went wrong")
        """
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == "first words"  # the terminal's lines have no dates
    lines = _undated(log)
    assert re.match(r"--- sitimer \d+\.\d+\.\d+, process \d+: sitimer$", lines[0])
    assert lines[1] == "first words"
    assert len(lines) < 25, lines[:30]
    assert any(line.startswith("sitimer: 99995 more like this left out") for line in lines)
    traceback = lines.index("Traceback (most recent call last):")
    assert lines[traceback + 1 : traceback + 3] == [
        '  File "<string>", line 9, in <module>',
        "RuntimeError: a slot that went wrong",
    ]
    assert oct(log.stat().st_mode & 0o777) == "0o600"


def test_a_crash_in_c_leaves_the_python_stack_of_every_thread_in_the_log(tmp_path):
    log = tmp_path / "data" / "sitimer.log"
    done = _python(
        f"""
        import ctypes, threading, time
        from pathlib import Path
        from sitimer.core import logcap
        logcap.install(Path({str(log)!r}))
        threading.Thread(target=time.sleep, args=(60,), name="sound", daemon=True).start()
        def read_nowhere():
            ctypes.string_at(0)
        read_nowhere()
        """
    )
    assert done.returncode == -signal.SIGSEGV
    lines = _undated(log)
    assert "Fatal Python error: Segmentation fault" in lines
    assert any(re.match(r'  File "<string>", line 8 in read_nowhere', line) for line in lines)
    assert sum(line.startswith(("Thread 0x", "Current thread 0x")) for line in lines) == 2, lines


def test_a_start_that_says_nothing_leaves_no_log_and_no_folder(tmp_path):
    data = tmp_path / "data"
    log = data / "sitimer.log"
    done = _python(
        f"from pathlib import Path; from sitimer.core import logcap; logcap.install(Path({str(log)!r}))"
    )
    assert done.returncode == 0 and done.stderr == ""
    assert not data.exists()


def test_where_the_log_cannot_be_made_the_lines_still_reach_stderr(tmp_path):
    (tmp_path / "data").write_text("a file where the folder should be")
    done = _python(
        f"""
        import os
        from pathlib import Path
        from sitimer.core import logcap
        logcap.install(Path({str(tmp_path / "data" / "sitimer.log")!r}))
        os.write(2, b"one\\n")
        os.write(2, b"two\\n")
        """
    )
    assert done.returncode == 0
    assert done.stderr.splitlines() == ["one", "two"]


def test_past_its_size_the_log_moves_aside_and_begins_again(tmp_path):
    path = tmp_path / "data" / "sitimer.log"
    log = LogFile(path, "sitimer 9.9, process 1", max_bytes=300, now=lambda: 0.0)
    for i in range(12):
        log.write(b"line %d of what happened\n" % i)
    before = _undated(path.with_name("sitimer.log.1"))
    now = _undated(path)
    assert before[0] == now[0] == "--- sitimer 9.9, process 1"  # each begins with the run's heading
    kept = [line for line in before[1:] + now[1:] if not line.startswith("---")]
    assert kept[-1] == "line 11 of what happened"
    assert path.stat().st_size <= 300
    assert len(list(path.parent.iterdir())) == 2  # the older lines go; never a third file


def test_a_windowed_build_with_no_stderr_writes_its_stderr_to_the_log(tmp_path, monkeypatch):
    # Windows: no fork, and a windowed PyInstaller build has sys.stderr None
    monkeypatch.delattr(os, "fork")
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(logcap, "_installed", False)
    enabled = []
    monkeypatch.setattr(logcap.faulthandler, "enable", lambda **kw: enabled.append(kw))
    log = tmp_path / "data" / "sitimer.log"
    logcap.install(log)
    print("sitimer: no Dutch voice", file=sys.stderr)
    sys.stderr.write("half a line")
    assert _undated(log)[1:] == ["sitimer: no Dutch voice"]
    assert enabled == [{"all_threads": True}]


def test_with_a_stderr_and_no_fork_nothing_is_redirected(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "fork")
    monkeypatch.setattr(logcap, "_installed", False)
    monkeypatch.setattr(logcap.faulthandler, "enable", lambda **kw: None)
    before = sys.stderr
    logcap.install(tmp_path / "data" / "sitimer.log")
    assert sys.stderr is before
    assert not (tmp_path / "data").exists()


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
    kept = _undated(Path(os.environ["SITIMER_DATA_DIR"]) / "sitimer.log")  # the folder of every test
    assert kept[0].startswith("--- sitimer ")
    assert 2 < len(kept) < 20


def test_counts_start_again_in_the_next_window():
    cap = LineCap(window_s=10, per_kind=2)
    out = b"".join(cap.line(b"same 1\n", now=0.0) for _ in range(5))
    assert out == b"same 1\nsame 1\n"
    out = cap.line(b"same 2\n", now=10.0)
    assert out == b"sitimer: 3 more like this left out: same 1\nsame 2\n"
