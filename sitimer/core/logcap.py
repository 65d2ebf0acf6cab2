"""A cap on repeated log lines, so a message that repeats in a loop can never fill a disk.

Qt writes its warnings to stderr from C++, from any of its threads (the audio threads too),
so no Python message handler can sit in between without stalling the sound (see
:func:`sitimer.qt.common.startup.application`). Instead :func:`install` forks, before Qt loads, a
small filter process with no Qt in it and points fd 2 at a pipe to it. The filter passes lines
through to the real stderr, but lets each kind of line (the same text, numbers aside) through
only a few times per window; what it leaves out it sums up in one line at the window's end,
and a flood of many different lines is capped as a whole too.

What passes is also kept in ``sitimer.log`` in the data folder, each line with its local date and
time, so that what went wrong can be read afterwards where nobody watched a terminal (a window
started from the menu, a kiosk). The file is made on the first line written (a start that says
nothing leaves nothing); past ``LOG_MAX`` bytes it is moved to ``sitimer.log.1`` (the one before
is replaced) and begun again. Python's fault handler writes to the same stderr, so a crash in C
(a segfault, an abort) leaves the Python stack of every thread in the log as well. Where nothing
can be written there, the lines still reach stderr. Where there is no fork (Windows) and no stderr
at all (a windowed build), ``sys.stderr`` itself writes to the log.

The filter ignores SIGINT, SIGTERM and SIGHUP, so the app's last words still get through when
it is stopped, and it ends when the app does: the app holds the only end of a second pipe, which
closes when the app exits or dies, however it dies. If the filter itself is gone (killed), the
app's writes to stderr fail with EPIPE and are lost, but never kill the app: Python ignores
SIGPIPE.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import os
import re
import select
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sitimer import __version__
from sitimer.core.private_folder import make_private_folder

WINDOW_S = 10.0  # the counts start again after this long
PER_KIND = 5  # lines of one kind let through per window
PER_WINDOW = 100  # lines of all kinds let through per window
SUMMED_UP = 10  # kinds summed up one by one at a window's end; the rest in one line
LONGEST = 4096  # a longer "line" (no newline in sight) is cut here
EXIT_WAIT_S = 2.0  # at exit the app waits at most this long for the filter's last lines
LOG_NAME = "sitimer.log"  # in the data folder
LOG_MAX = 1_000_000  # bytes; then the log is moved to sitimer.log.1 and begun again

# Qt Multimedia looks for PipeWire first and warns when it is missing, then uses PulseAudio.
QT_QUIET_RULES = ("qt.multimedia.symbolsresolver.warning=false", "qt.multimedia.ffmpeg.info=false")
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}  # the filter outlives them
_NUMBERS = re.compile(rb"\d+")


def kind(line: bytes) -> bytes:
    """Lines of one kind differ at most in their numbers (fds, addresses, times, counts)."""
    return _NUMBERS.sub(b"#", line.rstrip(b"\r\n"))


class LineCap:
    """Decides which lines pass; hands back what to write, summaries included."""

    def __init__(
        self, *, window_s: float = WINDOW_S, per_kind: int = PER_KIND, per_window: int = PER_WINDOW
    ) -> None:
        self.window_s = window_s
        self.per_kind = per_kind
        self.per_window = per_window
        self._start: float | None = None
        self._seen: dict[bytes, int] = {}
        self._passed = 0
        self._left_out: dict[bytes, tuple[int, bytes]] = {}  # kind -> (count, the last such line)

    @property
    def holding(self) -> bool:
        """Whether lines were left out that the end of the window will sum up."""
        return bool(self._left_out)

    def due_in(self, now: float) -> float:
        """Seconds until this window ends."""
        return 0.0 if self._start is None else max(0.0, self._start + self.window_s - now)

    def line(self, line: bytes, now: float) -> bytes:
        """What to write for one line (with its newline): itself, nothing, or a summary first."""
        out = self.tick(now)
        if self._start is None:
            self._start = now
        key = kind(line)
        seen = self._seen[key] = self._seen.get(key, 0) + 1
        if seen <= self.per_kind and self._passed < self.per_window:
            self._passed += 1
            return out + line
        count, _ = self._left_out.get(key, (0, b""))
        self._left_out[key] = (count + 1, line)
        return out

    def tick(self, now: float) -> bytes:
        """The summaries of a window that has ended, and a fresh window; b"" while it lasts."""
        if self._start is None or now - self._start < self.window_s:
            return b""
        return self.flush()

    def flush(self) -> bytes:
        """The summaries of what was left out so far (one line a kind, at most ``SUMMED_UP``
        kinds); the counts start again."""
        kinds = sorted(self._left_out.values(), key=lambda item: -item[0])
        out = b"".join(
            b"sitimer: %d more like this left out: %s\n" % (count, last.rstrip(b"\r\n")[:200])
            for count, last in kinds[:SUMMED_UP]
        )
        if len(kinds) > SUMMED_UP:
            rest = sum(count for count, _ in kinds[SUMMED_UP:])
            out += b"sitimer: %d more lines of %d other kinds left out\n" % (rest, len(kinds) - SUMMED_UP)
        self._start = None
        self._seen.clear()
        self._left_out.clear()
        self._passed = 0
        return out


class LogFile:
    """Lines kept in a file, each after its local date and time; made on the first line.

    A run's first line in the file is a heading: the time, sitimer's version, the process and
    its arguments. Writing never raises: where the file cannot be made or written (a read-only
    folder, a full disk), the lines are not kept.
    """

    def __init__(
        self, path: Path, heading: str, *, max_bytes: int = LOG_MAX, now: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self.heading = heading
        self.max_bytes = max_bytes
        self.now = now
        self._fd: int | None = None
        self._size = 0
        self._failed = False

    def write(self, data: bytes) -> None:
        """Keep these whole lines (each ending in a newline), dated."""
        if not data or self._failed:
            return
        stamp = time.strftime("%Y-%m-%d %H:%M:%S ", time.localtime(self.now())).encode()
        dated = b"".join(stamp + line for line in data.splitlines(keepends=True))
        try:
            if self._fd is None or self._size + len(dated) > self.max_bytes:
                self._open(fresh=self._fd is not None)
            assert self._fd is not None
            _write_all(self._fd, dated)
            self._size += len(dated)
        except OSError:
            self._failed = True  # stderr still has the lines; the log does without them

    def _open(self, *, fresh: bool) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        make_private_folder(self.path.parent)
        if self.path.exists() and (fresh or self.path.stat().st_size > self.max_bytes):
            os.replace(self.path, self.path.with_name(self.path.name + ".1"))
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._size = os.fstat(self._fd).st_size
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.now()))
        heading = f"{stamp} --- {self.heading}\n".encode()
        _write_all(self._fd, heading)
        self._size += len(heading)


class LogText:
    """``sys.stderr`` where a windowed build has none (Windows): text into the log, line by line."""

    def __init__(self, log: LogFile) -> None:
        self.log = log
        self._pending = ""

    def write(self, text: str) -> int:
        *whole, self._pending = (self._pending + text).split("\n")
        if whole:
            self.log.write("".join(line + "\n" for line in whole).encode("utf-8", "replace"))
        return len(text)

    def flush(self) -> None:
        """Whole lines are written as they come; a part line waits for its end."""


def heading() -> str:
    """What a run's heading in the log says: sitimer's version, the process and how it was started."""
    command = " ".join(["sitimer", *sys.argv[1:]])  # as typed, whatever started Python
    return f"sitimer {__version__}, process {os.getpid()}: {command}"


def _write_all(fd: int, data: bytes) -> None:
    while data:
        try:
            data = data[os.write(fd, data) :]
        except InterruptedError:
            continue
        except OSError:
            return  # the real stderr is gone: drop it, keep reading so the app never blocks


def _filter(lines_fd: int, alive_fd: int, out_fd: int, log: LogFile | None = None) -> None:
    """The filter process's loop: until the app has gone, and what it wrote is passed on (and kept
    in ``log``)."""
    cap = LineCap()
    poller = select.poll()
    poller.register(lines_fd, select.POLLIN)
    poller.register(alive_fd, select.POLLIN)
    pending = b""
    app_gone = False
    while True:
        wait_ms = int(cap.due_in(time.monotonic()) * 1000) + 1 if cap.holding else None
        ready = dict(poller.poll(wait_ms))
        if alive_fd in ready:
            app_gone = True
            os.set_blocking(lines_fd, False)  # take what is there; a daemon may still hold the pipe
        chunk = b""
        if lines_fd in ready or app_gone:
            try:
                chunk = os.read(lines_fd, 65536)
            except BlockingIOError:
                chunk = b""
            if not chunk:
                app_gone = True
        now = time.monotonic()
        data = pending + chunk
        *whole, pending = data.split(b"\n")
        if len(pending) > LONGEST:
            whole.append(pending[:LONGEST])
            pending = b""
        out = cap.tick(now) + b"".join(cap.line(line + b"\n", now) for line in whole)
        if app_gone and not chunk:
            out += cap.line(pending + b"\n", now) if pending else b""
            out += cap.flush()
            _write_all(out_fd, out)
            if log is not None:
                log.write(out)
            return
        _write_all(out_fd, out)
        if log is not None:
            log.write(out)


def _run_filter(lines_fd: int, alive_fd: int, out_fd: int, log: LogFile | None) -> None:
    """In the forked child: ignore the stop signals, hold nothing else open, filter, exit."""
    code = 0
    try:
        for sig in STOP_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)  # stdout held open here would keep a reader of the app's stdout waiting
        low = 3
        for keep in sorted((lines_fd, alive_fd, out_fd)):
            os.closerange(low, keep)
            low = keep + 1
        os.closerange(low, os.sysconf("SC_OPEN_MAX"))
        _filter(lines_fd, alive_fd, out_fd, log)
    except BaseException:  # nothing may escape into the app's code after the fork
        code = 1
    os._exit(code)


def quiet_qt() -> None:
    """Qt's quiet rules in the environment: Qt warns as it loads, before any code of ours runs."""
    rules = os.environ.get("QT_LOGGING_RULES", "")
    quiet = ";".join(QT_QUIET_RULES)
    os.environ["QT_LOGGING_RULES"] = f"{rules};{quiet}" if rules else quiet


def install(log_path: Path | None = None) -> None:
    """Route this process's fd 2 through the filter, and keep what passes in ``log_path`` (see
    the module's help); the fault handler writes there too. Call before Qt loads (no threads yet).

    Where there is no fork (Windows), the lines are not capped; where there is no stderr either (a
    windowed build), stderr becomes the log. Does nothing once it is installed.
    """
    global _installed
    if _installed:
        return
    log = LogFile(log_path, heading()) if log_path is not None else None
    if not hasattr(os, "fork"):
        if sys.stderr is None and log is not None:
            sys.stderr = LogText(log)
        _installed = True
        _keep_faults()
        return
    sys.stderr.flush()
    lines_r, lines_w = os.pipe()
    alive_r, alive_w = os.pipe()  # only the app holds alive_w: when it goes, the filter knows
    real_stderr = os.dup(2)  # not inherited by what the app starts
    # Held back over the fork, so the filter never dies of a signal before it ignores them.
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    pid = os.fork()
    if pid == 0:
        _run_filter(lines_r, alive_r, real_stderr, log)  # never returns
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    os.close(lines_r)
    os.close(alive_r)
    os.dup2(lines_w, 2)
    os.close(lines_w)
    _installed = True
    atexit.register(_finish, pid, alive_w, real_stderr)
    _keep_faults()


def _keep_faults() -> None:
    """A crash in C (a segfault, an abort in a library) writes every thread's Python stack to stderr."""
    with contextlib.suppress(RuntimeError, ValueError, AttributeError, OSError):
        faulthandler.enable(all_threads=True)  # no stderr with a file number: left off


def _finish(pid: int, alive_w: int, real_stderr: int) -> None:
    """At exit: stderr goes straight out again, and the filter passes on the last lines."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os.dup2(real_stderr, 2)  # Qt's last messages, from its destructors, need no filter
    os.close(alive_w)
    deadline = time.monotonic() + EXIT_WAIT_S
    while time.monotonic() < deadline:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return
        if done:
            return
        time.sleep(0.01)


_installed = False
