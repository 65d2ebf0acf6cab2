"""Benchmark: cue timing of a real session at real speed, start-up, CPU and memory.

What is measured, all on the real app run as a subprocess (``QT_QPA_PLATFORM=offscreen``):

* **Cue timing.** A programme of ``--minutes`` (10) written for the run (counted reps at
  a 3 s tempo, holds on each side with switches, timed bouts, rests; the same kinds of
  steps as the bundled programmes, each exercise with a moving figure from the pose library)
  is run with ``sitimer run FILE --auto --cue-log LOG`` in a fresh data folder whose
  ``settings.json`` is ``{"voice": false, "animation": true}`` (``--no-figure``: false, the
  figure not shown and its frame timer never started): the speech
  engine is a separate process (speech-dispatcher) that only gets a phrase queued, not a
  step on the timing path, and taking ~3 s to list its voices it would only blur the
  start. The cue log has one line per cue: ``scheduled_s`` (the engine's due time) and
  ``actual_s`` (the app's clock when the cue was handed out), both from session start.
  Error = actual_s - scheduled_s: p50, p99 and max of its size, and its signed range.
  End-of-session drift = the error of the ``complete`` cue. Independently of the
  engine's own bookkeeping, the same plan is also walked on a fake clock woken exactly
  at each deadline (the schedule the plan defines); each logged cue is compared with
  it, so a schedule that slid with late wake-ups would show up there.
* **Naive baseline, in the same run.** At the same time a tiny PySide6 app counts the
  ticks of a ``QTimer`` with ``setInterval(1000)`` (the default coarse timer type) as
  seconds, as naive timer apps do, updating a label each tick. Tick N is "second N";
  its error is its monotonic time minus (start + N s). Reported: p50, p99 and max of
  the error's size over the ticks, and its drift after the last tick (600).
* **Load.** Throughout both, ``--load`` processes (``os.cpu_count() - 1``, at least 1)
  run ``while True: pass`` (on two cores: the other core busy); their CPU share and the
  whole machine's are measured and reported.
* **CPU and memory.** The app's user + system CPU time from ``/proc/PID/stat`` over the
  session (from the first cue to the last sample before the ``complete`` cue), divided
  by the wall time: percent of one core. Peak memory: ``VmHWM`` from
  ``/proc/PID/status`` (and ``ru_maxrss`` when the process is reaped). The same for
  the naive counter, as a reference for a bare PySide6 app.
* **Start-up** (before the session, machine otherwise idle): time from just before the
  process is spawned to the end of the first frame of the first window, for ``sitimer``
  (the picker) and for a bare PySide6 ``QWidget``, ``--startups`` times each (10),
  alternating, after one untimed run of each. Both run the same few lines first: make
  the ``QApplication`` and an event filter that notes the first ``Paint`` event and, on
  the next turn of the event loop (the frame painted and flushed), prints
  ``time.monotonic()`` and quits. Then the bare script shows its ``QWidget``; the
  sitimer one calls ``sitimer.cli.main(["--data-dir", DIR, "--lang", "en"])``, which
  does everything ``sitimer`` does (imports, settings, picker) on that application.
  ``CLOCK_MONOTONIC`` is one clock for all processes. Reported: median and range.
  A third window, ``text``, is a ``QWidget`` with a label and a button laid out with
  ``Qt`` alignment flags: what any window with words in it costs PySide6 over the bare
  one (the fonts, and the ``Qt`` namespace's 90-odd enums, which PySide6 makes on first
  use). A fourth, ``list``, is the least a picker can be, written with no sitimer code: a
  main window listing the two bundled programmes by name and dose, the first one's title
  and four exercises, a Start button; what any first screen that lists the programmes
  costs PySide6. Python may keep its bytecode cache (``PYTHONDONTWRITEBYTECODE`` is left out of
  the children's environment), so the untimed runs write it, as ``pip install`` or the
  first start does on a patient's PC; every timed run then reads it. The data folder is
  the untimed run's: its reminders made ``reminders.json`` and an empty ``history.db``
  after its first frame, so the timed runs are a returning patient's starts (the history
  opened for the programme done last and today's ticks), with nothing in it yet.
* **The floor under the start-up.** One more process starts sitimer the same way, then
  builds its first screen (``App``: the main window with the picker) and the ``text``
  window again, 7 rounds each after the first, with every module imported, Qt's enums
  made and its caches warm: the time to build, to ``show()`` and to the first ``Paint``
  event, medians. What sitimer's screen costs over the text window there is what no
  trimming of imports can take off a start; with it, the ratio a start could reach if
  sitimer's imports and first uses cost nothing is printed as the floor.

* **Start-up on an X display, and the packaged bundle** (``--bundle PATH``: the ``.deb`` that ``make package``
  builds, or a folder holding the frozen ``sitimer``). A frozen executable cannot run the first-frame
  lines above, so all three are timed the same other way: on a private ``Xvfb`` (no window
  manager), ``xev -root -event substructure`` reports each window the X server maps, and the
  time is from just before the process is spawned to the moment the ``MapNotify`` of its
  first window is read (Qt maps the window when ``show()`` is called, after everything the
  first screen is built of; the paint follows within some 10-30 ms). Each in turn, after one
  untimed run of each: the bare ``QWidget`` script above (the venv's Python), ``python -m
  sitimer --data-dir DIR --lang en`` from the venv, and the bundle's ``sitimer`` with the same
  arguments (extracted from the ``.deb`` with ``dpkg-deb -x``), each then stopped by SIGTERM.
  The two sitimers have a data folder each, made by their untimed run. ``--no-session``
  measures the start-ups alone (about a minute).
* **A start while sitimer runs** (``--again``): the patient's reminders run in the background
  (``sitimer --reminders``, started at login: the window built, not shown). Each round, on the
  same private ``Xvfb``: such a process is started and left until it listens for later starts
  (untimed), then ``python -m sitimer --data-dir DIR --lang en`` is spawned and timed to the
  ``MapNotify`` of the window, which the running process shows (:mod:`sitimer.core.running`);
  the launcher exits once told, and the background process is stopped by SIGTERM. The bare
  window is timed in turn with it, the same way, as the reference.

Sound: ``--sound none`` (the default) gives the app no sound server, so it shows each
cue as a flash instead of a tone (its own fallback); ``--sound null-sink`` starts a
private PulseAudio server with a null sink, recorded to nowhere by ``parec`` so it runs
as a real device does, and the app plays its tones through a Qt ``QAudioSink``. A
session whose event loop wedges (Qt floods "QSocketNotifier: Invalid socket" on
stderr) is stopped and reported as wedged. ``--voice`` turns the voice on as well.

Run: ``.venv/bin/python benchmarks/timing.py`` for a table (a bit over ``--minutes``
of wall time), ``--json`` for every figure, ``--minutes 2`` for a quick check.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from sitimer.core.clock import FakeClock
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import Plan, build_plan
from sitimer.core.session.engine import EventKind, SessionEngine, State

ROOT = Path(__file__).resolve().parent.parent
GOALS = {"p99_ms": 5.0, "max_ms": 20.0, "drift_ms": 5.0, "startup_ratio": 1.5, "cpu_pct": 2.0}
QUIET = "qt.multimedia.symbolsresolver.warning=false"  # as sitimer.cli sets it
SAMPLE_S = 1.0  # how often /proc is read during the session
WEDGE_BYTES = 1_000_000  # this much stderr means Qt is flooding it: the event loop is stuck
CLK_TCK = os.sysconf("SC_CLK_TCK")

# The first lines of both start-up scripts: the application, and an event filter that
# prints the time once the first frame has been painted, then quits.
FIRST_FRAME = """
import json, sys, time
t_python = time.monotonic()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstFrame(QObject):
    painted = None
    def eventFilter(self, obj, event):
        if self.painted is None and event.type() == QEvent.Type.Paint:
            self.painted = time.monotonic()
            QTimer.singleShot(0, self.done)
        return False
    def done(self):
        QApplication.instance().removeEventFilter(self)
        line = {"python": t_python, "painted": self.painted, "frame": time.monotonic()}
        print(json.dumps(line), flush=True)
        QApplication.quit()

app = QApplication(sys.argv[:1])
hook = FirstFrame()
app.installEventFilter(hook)
"""
BARE_WINDOW = """
from PySide6.QtWidgets import QWidget
window = QWidget()
window.setWindowTitle("bare")
window.resize(800, 600)
window.show()
app.exec()
"""
TEXT_WINDOW = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
window = QWidget()
window.setWindowTitle("text")
column = QVBoxLayout(window)
column.addWidget(QLabel("Choose your programme"), 0, Qt.AlignmentFlag.AlignTop)
column.addWidget(QPushButton("Start"), 0, Qt.AlignmentFlag.AlignRight)
window.resize(800, 600)
window.show()
app.exec()
"""
# The least a picker can be, with no sitimer code: a main window with the two bundled
# programmes listed by name and dose, the first one's title and exercises, and a Start button;
# the words written in, nothing read. What any first screen that lists the programmes costs.
LIST_WINDOW = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QMainWindow, QPushButton, QVBoxLayout, QWidget,
)
window = QMainWindow()
window.setWindowTitle("list")
central = QWidget()
row = QHBoxLayout(central)
programmes = QListWidget()
programmes.addItems(["SI joint: mobilising exercises\\n2 times a day · about 26 min each time",
                     "SI joint blockage: recovery exercises\\n3–5 times a day · about 11 min each time"])
programmes.setCurrentRow(0)
row.addWidget(programmes, 1)
column = QVBoxLayout()
title = QLabel("SI joint: mobilising exercises")
font = title.font()
font.setPointSizeF(font.pointSizeF() * 1.6)
font.setBold(True)
title.setFont(font)
column.addWidget(title)
for line in ("1 · Windmills — 15 per side, 3 times", "2 · SI stretch — hold 30 s, 3 times each side",
             "3 · Rotation — 15 per side, 3 times", "4 · Strength exercise — 15 per side, 3 times"):
    label = QLabel(line)
    label.setWordWrap(True)
    column.addWidget(label)
column.addStretch(1)
column.addWidget(QPushButton("Start"), 0, Qt.AlignmentFlag.AlignRight)
row.addLayout(column, 2)
window.setCentralWidget(central)
window.resize(1000, 700)
window.show()
app.exec()
"""
SITIMER_WINDOW = """
from sitimer.cli import main
main(["--data-dir", sys.argv[1], "--lang", "en"])
"""

# The floor under the start-up: sitimer's first screen (and the text window) built, shown and
# painted again in a process where everything is already imported, Qt's enums made and its
# caches warm. No trimming of imports can make a first frame cost less than this. argv: data
# folder, rounds. Prints one JSON line: per round, build / show / first paint in ms.
WARM_AGAIN = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
import sitimer.qt.app.app as home
from sitimer.cli import main

class Painted(QObject):
    at = None
    def eventFilter(self, obj, event):
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.perf_counter()
        return False

def text_window():
    window = QWidget()
    column = QVBoxLayout(window)
    column.addWidget(QLabel("Choose your programme"), 0, Qt.AlignmentFlag.AlignTop)
    column.addWidget(QPushButton("Start"), 0, Qt.AlignmentFlag.AlignRight)
    window.resize(800, 600)
    return window, window

def timed(make, rounds):
    app = QApplication.instance()
    out = []
    for _ in range(rounds):
        hook = Painted()
        app.installEventFilter(hook)
        start = time.perf_counter()
        owner, window = make()
        built = time.perf_counter()
        window.show()
        shown = time.perf_counter()
        while hook.at is None:
            app.processEvents()
        app.removeEventFilter(hook)
        out.append([(built - start) * 1e3, (shown - built) * 1e3, (hook.at - shown) * 1e3])
        window.close()
        owner.deleteLater()
        app.processEvents()
    return out

def measured(options):
    home.application(options.lang)
    def first_screen():
        made = home.App(options)
        return made, made.window
    rounds = int(sys.argv[2])
    sitimer = timed(first_screen, rounds + 1)  # the first round is the cold one
    text = timed(text_window, rounds + 1)
    print(json.dumps({"cold": sitimer[0], "sitimer": sitimer[1:], "text": text[1:]}))
    return 0

home.run = measured
main(["--data-dir", sys.argv[1], "--lang", "en"])
"""

# The naive baseline: a QTimer(1000) tick counter. argv: ticks, log path.
NAIVE_COUNTER = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
ticks, out = int(sys.argv[1]), open(sys.argv[2], "w")
label = QLabel()
label.resize(300, 100)
label.show()
count = 0

def tick():
    global count
    now = time.monotonic()
    count += 1
    out.write(f"{count} {now:.6f}\\n")
    out.flush()
    left = ticks - count
    label.setText(f"{left // 60}:{left % 60:02d}")
    if count >= ticks:
        app.quit()

timer = QTimer()
timer.setInterval(1000)  # the default CoarseTimer, as a naive timer app leaves it
timer.timeout.connect(tick)
label.setText(f"{ticks // 60}:{ticks % 60:02d}")
out.write(f"0 {time.monotonic():.6f}\\n")
timer.start()
app.exec()
"""

# Building blocks of the benchmark programme: (id prefix, exercise fields).
# Each block has a moving figure from the pose library, so a run with the figure on paints it.
FIGURES: dict[str, dict[str, Any]] = {
    "reps-alternate": {"view": "front", "start": "stand-wide", "rep": ["windmill-right-hand-left-foot"]},
    "hold-each": {"view": "above", "start": "lie-back", "hold": "knee-across"},
    "timed": {"start": "stand", "loop": ["heel-walk-right-forward", "heel-walk-left-forward"]},
    "reps": {"start": "lie-back-knees-up", "rep": ["knee-to-chest"]},
}
BLOCKS: list[tuple[str, dict[str, Any]]] = [
    (
        "reps-alternate",
        {"kind": "reps", "reps_per_side": 5, "sides": "alternate", "tempo_s": 3, "sets": 2, "rest_s": 10},
    ),
    ("hold-each", {"kind": "hold", "hold_s": 15, "sides": "each", "switch_s": 5, "sets": 1}),
    ("timed", {"kind": "timed", "duration_s": 20, "sets": 2, "rest_s": 10}),
    ("reps", {"kind": "reps", "reps": 6, "tempo_s": 3, "sets": 2, "rest_s": 10}),
]
BLOCKS = [(name, {**fields, "figure": FIGURES[name]}) for name, fields in BLOCKS]
BLOCK_DEFAULTS = {"prepare_s": 5, "rest_after_s": 10}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def error_summary(errors_s: list[float]) -> dict[str, Any]:
    """Size of the errors (p50, p99, max) and their signed range, in ms."""
    sizes = [abs(e) * 1e3 for e in errors_s]
    return {
        "n": len(errors_s),
        "p50_ms": statistics.median(sizes),
        "p99_ms": percentile(sizes, 99),
        "max_ms": max(sizes),
        "signed_median_ms": statistics.median(errors_s) * 1e3,
        "min_ms": min(errors_s) * 1e3,
        "late_max_ms": max(errors_s) * 1e3,
        "over_5ms": sum(s > 5 for s in sizes),
        "over_20ms": sum(s > 20 for s in sizes),
    }


# -- the programme ---------------------------------------------------------------


def write_programme(path: Path, minutes: float) -> Plan:
    """A programme of exactly ``minutes``: the blocks in turn, then a timed bout to fill up."""
    target = round(minutes * 60)
    exercises: list[dict[str, Any]] = []

    def doc(extra: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "format": 1,
            "id": "bench-timing",
            "title": {"en": f"Timing benchmark, {minutes:g} min", "nl": f"Timingbenchmark, {minutes:g} min"},
            "frequency": {"sessions_per_day": 1},
            "defaults": BLOCK_DEFAULTS,
            "exercises": exercises + extra,
        }

    def length(extra: list[dict[str, Any]]) -> float:
        path.write_text(yaml.safe_dump(doc(extra), sort_keys=False), encoding="utf-8")
        return build_plan(load_file(path)).total_s

    def exercise(name: str, fields: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": name,
            "name": name.replace("-", " ").capitalize(),
            "instructions": "Benchmark.",
            **fields,
        }

    filler_min = 20  # prepare 5 s + a bout of at least 15 s
    turn, misses = 0, 0
    while misses < len(BLOCKS):  # the blocks in turn, skipping one that no longer fits
        prefix, fields = BLOCKS[turn % len(BLOCKS)]
        candidate = exercise(f"{prefix}-{turn // len(BLOCKS) + 1}", fields)
        turn += 1
        if length([candidate]) + filler_min > target:
            misses += 1
            continue
        exercises.append(candidate)
        misses = 0
    filler = exercise("filler", {"kind": "timed", "duration_s": 15, "figure": FIGURES["timed"]})
    filler["duration_s"] += target - length([filler])
    if filler["duration_s"] <= 0 or length([filler]) != target:
        raise RuntimeError(f"cannot make a programme of {minutes} min")
    return build_plan(load_file(path))


def reference_cues(plan: Plan) -> list[dict[str, Any]]:
    """The plan's cues on a fake clock woken exactly at each deadline, from session start."""
    clock = FakeClock()
    engine = SessionEngine(plan, clock, auto=True)
    cues = []

    def note(events: list[Any]) -> None:
        start = engine.session_start or 0.0
        for e in events:
            if e.kind is EventKind.CUE and e.cue is not None:
                cues.append({"cue": e.cue.kind.value, "step": e.step, "at_s": e.at - start})

    note(engine.start())
    while (due := engine.next_deadline()) is not None:
        clock.now = max(clock.now, due)
        note(engine.advance())
    if engine.state is not State.FINISHED:
        raise RuntimeError("the reference walk did not finish")
    return cues


# -- processes -------------------------------------------------------------------


def cpu_ticks(pid: int) -> int | None:
    """User + system CPU time of a process (all its threads), in clock ticks."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])


def memory_kib(pid: int) -> dict[str, int]:
    """VmHWM (peak resident) and VmRSS of a process, in KiB."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs together, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


@dataclass
class Child:
    """A subprocess watched by the benchmark; reaped with wait4 to keep its rusage."""

    name: str
    proc: subprocess.Popen[bytes]
    started: float
    rusage: Any = None
    exit_code: int | None = None
    ended: float | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    def poll(self) -> bool:
        """True once the process has ended (reaped here, rusage kept)."""
        if self.exit_code is not None:
            return True
        pid, status, usage = os.wait4(self.pid, os.WNOHANG)
        if pid == 0:
            return False
        self.ended = time.monotonic()
        self.exit_code = os.waitstatus_to_exitcode(status)
        self.proc.returncode = self.exit_code
        self.rusage = usage
        return True

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s; True when it ended."""
        deadline = time.monotonic() + timeout
        while not self.poll():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def end(self) -> None:
        """Stop it: SIGTERM, then SIGKILL."""
        if self.poll():
            return
        self.proc.send_signal(signal.SIGTERM)
        if not self.wait(5):
            self.proc.kill()
            self.wait(5)


def spawn(name: str, cmd: list[str], env: dict[str, str], *, stdout: Any = None, stderr: Any = None) -> Child:
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, cwd=ROOT)
    return Child(name, proc, started)


def qt_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every Qt subprocess: offscreen, quiet, no sound server unless given."""
    dropped = ("PULSE_SERVER", "SITIMER_DATA_DIR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    rules = env.get("QT_LOGGING_RULES")
    env["QT_LOGGING_RULES"] = f"{rules};{QUIET}" if rules else QUIET
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra or {})
    return env


@dataclass
class Sound:
    """Where the app's sound goes: nowhere (no server), or a private PulseAudio null sink."""

    mode: str
    env: dict[str, str] = field(default_factory=dict)
    recorder: subprocess.Popen[bytes] | None = None
    note: str = ""


@contextmanager
def sound_server(mode: str, tmp: Path) -> Iterator[Sound]:
    """``none``: PULSE_SERVER points at a socket that does not exist, so Qt finds no device
    (and libpulse does not autospawn a server). ``null-sink``: a private PulseAudio server."""
    if mode == "none":
        yield Sound(mode, {"PULSE_SERVER": f"unix:{tmp / 'no-sound-server'}"}, note="no sound device")
        return
    for tool in ("pulseaudio", "pactl", "parec"):
        if shutil.which(tool) is None:
            raise SystemExit(f"--sound null-sink needs {tool} (tools/system-deps.sh test installs it)")
    runtime = tmp / "pulse-runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("PULSE_SERVER", None)
    sink = "bench_sink"
    subprocess.run(
        [
            "pulseaudio",
            "--daemonize=yes",
            "--exit-idle-time=-1",
            "-n",
            "--load=module-native-protocol-unix",
            f"--load=module-null-sink sink_name={sink}",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=20,
    )
    sound = Sound(mode, {"XDG_RUNTIME_DIR": str(runtime)}, note="PulseAudio null sink")
    try:
        subprocess.run(
            ["pactl", "set-default-sink", sink], env=env, check=True, capture_output=True, timeout=10
        )
        # A listener keeps the sink rendering in small blocks, as a sound card does.
        sound.recorder = subprocess.Popen(
            ["parec", "-d", f"{sink}.monitor", "--latency-msec=20", "--raw"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        yield sound
    finally:
        if sound.recorder is not None:
            sound.recorder.terminate()
            sound.recorder.wait(5)
        pid_file = runtime / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
        with suppress(OSError, ValueError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
        subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=10)


# -- start-up --------------------------------------------------------------------


def startup_once(kind: str, data_dir: Path, env: dict[str, str]) -> dict[str, float]:
    windows = {"bare": BARE_WINDOW, "text": TEXT_WINDOW, "list": LIST_WINDOW, "sitimer": SITIMER_WINDOW}
    code = FIRST_FRAME + windows[kind]
    cmd = [sys.executable, "-c", code] + ([str(data_dir)] if kind == "sitimer" else [])
    started = time.monotonic()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    ended = time.monotonic()
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"start-up of {kind} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    stamps = json.loads(lines[-1])
    return {
        "first_frame_s": stamps["frame"] - started,
        "first_paint_s": stamps["painted"] - started,
        "python_s": stamps["python"] - started,
        "exit_s": ended - started,
    }


def bench_startup(repeat: int, data_dir: Path, env: dict[str, str]) -> dict[str, Any]:
    """Spawn to first frame: a bare window, a window with text, a stand-in picker, sitimer's, in turn."""
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "text": [], "list": [], "sitimer": []}
    for kind in runs:
        startup_once(kind, data_dir, env)  # untimed: files into the page cache, bytecode cached
    for _ in range(repeat):
        for kind, samples in runs.items():
            samples.append(startup_once(kind, data_dir, env))
    result: dict[str, Any] = {"repeat": repeat}
    for kind, samples in runs.items():
        frames = [s["first_frame_s"] * 1e3 for s in samples]
        result[kind] = {
            "first_frame_median_ms": statistics.median(frames),
            "first_frame_min_ms": min(frames),
            "first_frame_max_ms": max(frames),
            "python_up_median_ms": statistics.median(s["python_s"] * 1e3 for s in samples),
            "paint_to_frame_median_ms": statistics.median(
                (s["first_frame_s"] - s["first_paint_s"]) * 1e3 for s in samples
            ),
        }
    result["warm"] = warm_again(data_dir, env)
    bare = result["bare"]["first_frame_median_ms"]
    result["ratio"] = result["sitimer"]["first_frame_median_ms"] / bare
    result["fastest_ratio"] = result["sitimer"]["first_frame_min_ms"] / result["bare"]["first_frame_min_ms"]
    result["text_ratio"] = result["text"]["first_frame_median_ms"] / bare
    result["list_ratio"] = result["list"]["first_frame_median_ms"] / bare
    return result


def warm_again(data_dir: Path, env: dict[str, str], rounds: int = 7) -> dict[str, Any]:
    """The first screen built, shown and painted again in a warm process: the floor of a start-up."""
    cmd = [sys.executable, "-c", WARM_AGAIN, str(data_dir), str(rounds)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"warm rebuild failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    runs = json.loads(lines[-1])
    names = ("build", "show", "paint")
    result: dict[str, Any] = {"rounds": rounds, "cold_ms": dict(zip(names, runs["cold"], strict=True))}
    for kind in ("sitimer", "text"):
        parts = {part: statistics.median(r[i] for r in runs[kind]) for i, part in enumerate(names)}
        result[kind] = {f"{part}_median_ms": ms for part, ms in parts.items()}
        result[kind]["total_ms"] = sum(parts.values())
    return result


# -- start-up on an X display, and the bundle ---------------------------------------


@contextmanager
def x_display(extra: dict[str, str]) -> Iterator[dict[str, str]]:
    """A private Xvfb; yields the environment of a Qt app on it (xcb, not offscreen), with ``extra``."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        written = b""
        while not written.endswith(b"\n"):  # Xvfb writes the number, then the newline, when ready
            chunk = os.read(read, 16)
            if not chunk:
                raise RuntimeError("Xvfb did not start")
            written += chunk
        env = qt_env({**extra, "DISPLAY": f":{written.decode().strip()}"})
        env.pop("QT_QPA_PLATFORM")
        env.pop("WAYLAND_DISPLAY", None)
        yield env
    finally:
        os.close(read)
        xvfb.terminate()
        xvfb.wait(10)


class MapWatch:
    """``xev`` on the root window: the moment each top-level window is mapped."""

    def __init__(self, env: dict[str, str]) -> None:
        # On a terminal xev writes each event at once; into a pipe it would keep them.
        self.fd, slave = pty.openpty()
        self.proc = subprocess.Popen(["xev", "-root", "-event", "substructure"], env=env, stdout=slave)
        os.close(slave)
        time.sleep(0.5)  # xev has selected the root's events
        self.drain()

    def _read(self, timeout_s: float) -> bytes:
        """What xev wrote within ``timeout_s`` (b"" when nothing)."""
        if not select.select([self.fd], [], [], max(0.0, timeout_s))[0]:
            return b""
        try:
            return os.read(self.fd, 65536) or b""
        except OSError:  # xev has gone
            return b""

    def drain(self) -> None:
        """Forget what was reported so far."""
        while self._read(0.2):
            pass

    def next_map(self, timeout_s: float = 30) -> float:
        """The monotonic time at which the next ``MapNotify`` was read."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if b"MapNotify" in self._read(deadline - time.monotonic()):
                return time.monotonic()
        raise RuntimeError("no window was mapped")

    def close(self) -> None:
        """Stop xev."""
        self.proc.terminate()
        self.proc.wait(10)
        os.close(self.fd)


def bundle_executable(path: Path, tmp: Path) -> Path:
    """The frozen ``sitimer``: from a ``.deb`` (extracted into ``tmp``), a folder, or the file."""
    if path.suffix == ".deb":
        subprocess.run(["dpkg-deb", "-x", str(path), str(tmp / "deb")], check=True, timeout=300)
        return tmp / "deb" / "opt" / "sitimer" / "sitimer"
    return path / "sitimer" if path.is_dir() else path


def map_once(cmd: list[str], env: dict[str, str], watch: MapWatch) -> float:
    """Spawn to the first window mapped, in s; the process is stopped after."""
    watch.drain()
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        return watch.next_map() - started
    except RuntimeError:
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise RuntimeError(f"{cmd[0]} mapped no window: {err.decode(errors='replace')[-500:]}") from None
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def bench_bundle(bundle: Path, repeat: int, tmp: Path) -> dict[str, Any]:
    """Spawn to the first window mapped on Xvfb: a bare window, sitimer from the venv, the bundle."""
    frozen = bundle_executable(bundle, tmp)
    args = ["--lang", "en", "--data-dir"]
    commands = {
        "bare": [sys.executable, "-c", FIRST_FRAME + BARE_WINDOW],
        "sitimer": [sys.executable, "-m", "sitimer", *args, str(tmp / "x-venv-data")],
        "bundle": [str(frozen), *args, str(tmp / "x-bundle-data")],
    }
    runs: dict[str, list[float]] = {kind: [] for kind in commands}
    with x_display(sound_env_none(tmp)) as env:
        watch = MapWatch(env)
        try:
            for cmd in commands.values():
                map_once(cmd, env, watch)  # untimed: page cache, bytecode, the data folder made
            for _ in range(repeat):
                for kind, cmd in commands.items():
                    runs[kind].append(map_once(cmd, env, watch) * 1e3)
        finally:
            watch.close()
    result: dict[str, Any] = {"repeat": repeat, "bundle": str(bundle)}
    for kind, mapped in runs.items():
        result[kind] = {
            "mapped_median_ms": statistics.median(mapped),
            "mapped_min_ms": min(mapped),
            "mapped_max_ms": max(mapped),
        }
    bare = result["bare"]["mapped_median_ms"]
    result["sitimer_ratio"] = result["sitimer"]["mapped_median_ms"] / bare
    result["bundle_ratio"] = result["bundle"]["mapped_median_ms"] / bare
    return result


def bench_again(repeat: int, tmp: Path) -> dict[str, Any]:
    """Spawn to the window mapped on Xvfb: ``sitimer`` while its reminders run (the running process
    shows its window), and the bare window, in turn."""
    from sitimer.core.running import socket_path

    data = tmp / "again-data"
    launch = [sys.executable, "-m", "sitimer", "--lang", "en", "--data-dir", str(data)]
    bare_cmd = [sys.executable, "-c", FIRST_FRAME + BARE_WINDOW]
    runs: dict[str, list[float]] = {"bare": [], "again": []}
    with x_display(sound_env_none(tmp)) as env:
        env = {**env, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp / 'no-bus'}"}  # no notifications
        watch = MapWatch(env)
        try:
            map_once(bare_cmd, env, watch)  # untimed: page cache, bytecode
            for round_ in range(repeat + 1):
                background = subprocess.Popen(
                    [*launch, "--reminders"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
                )
                try:
                    deadline = time.monotonic() + 60
                    listening = socket_path(data)
                    while listening is None or not listening.exists():
                        if background.poll() is not None or time.monotonic() > deadline:
                            err = background.communicate(timeout=10)[1].decode(errors="replace")
                            raise RuntimeError(f"sitimer --reminders never listened: {err[-500:]}")
                        time.sleep(0.05)
                    watch.drain()
                    started = time.monotonic()
                    shown = subprocess.run(launch, env=env, capture_output=True, timeout=60)
                    mapped = watch.next_map() - started
                    if b"already running" not in shown.stderr:
                        raise RuntimeError(f"the second start made its own window: {shown.stderr!r}")
                finally:
                    background.terminate()
                    background.wait(30)
                if round_:  # the first round is untimed, as the bare window's was
                    runs["again"].append(mapped * 1e3)
                    runs["bare"].append(map_once(bare_cmd, env, watch) * 1e3)
        finally:
            watch.close()
    result: dict[str, Any] = {"repeat": repeat}
    for kind, mapped_ms in runs.items():
        result[kind] = {
            "mapped_median_ms": statistics.median(mapped_ms),
            "mapped_min_ms": min(mapped_ms),
            "mapped_max_ms": max(mapped_ms),
        }
    result["again_ratio"] = result["again"]["mapped_median_ms"] / result["bare"]["mapped_median_ms"]
    return result


# -- the session -----------------------------------------------------------------


@dataclass
class Sample:
    t: float
    app_cpu: int | None
    app_mem: dict[str, int]
    cues: int
    complete: bool


def read_lines(path: Path, handle: list[TextIO | None]) -> list[str]:
    """New complete lines of a file that another process appends to."""
    if handle[0] is None:
        if not path.exists():
            return []
        handle[0] = path.open(encoding="utf-8")
    f = handle[0]
    lines = []
    while True:
        at = f.tell()
        line = f.readline()
        if not line:
            break
        if not line.endswith("\n"):
            f.seek(at)
            break
        lines.append(line)
    return lines


def bench_session(
    plan: Plan,
    programme: Path,
    tmp: Path,
    sound: Sound,
    voice: bool,
    minutes: float,
    load: int,
    figure: bool = True,
) -> dict[str, Any]:
    """The app's session and the naive tick counter, side by side, under load."""
    data_dir = tmp / "session-data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(
        json.dumps({"voice": voice, "animation": figure}), encoding="utf-8"
    )
    cue_log, naive_log = tmp / "cues.jsonl", tmp / "naive.txt"
    app_err, naive_err = tmp / "app.stderr", tmp / "naive.stderr"
    env = qt_env(sound.env)
    ticks = round(minutes * 60)
    loaders = [spawn("load", [sys.executable, "-c", "while True: pass"], env) for _ in range(load)]
    app = naive = None
    samples: list[Sample] = []
    wedged_at: float | None = None
    try:
        time.sleep(1.0 if loaders else 0.0)  # the load is running before the timed processes start
        load_cpu0 = [cpu_ticks(p.pid) or 0 for p in loaders]
        load_t0 = time.monotonic()
        busy0 = machine_busy()
        with app_err.open("wb") as a_err, naive_err.open("wb") as n_err:
            app = spawn(
                "sitimer",
                [
                    sys.executable,
                    "-m",
                    "sitimer",
                    "run",
                    str(programme),
                    "--auto",
                    "--cue-log",
                    str(cue_log),
                    "--data-dir",
                    str(data_dir),
                    "--lang",
                    "en",
                ],
                env,
                stderr=a_err,
            )
            naive = spawn(
                "naive", [sys.executable, "-c", NAIVE_COUNTER, str(ticks), str(naive_log)], env, stderr=n_err
            )
        handle: list[TextIO | None] = [None]
        cues: list[dict[str, Any]] = []
        deadline = time.monotonic() + plan.total_s + 120
        while True:
            cues += [json.loads(line) for line in read_lines(cue_log, handle)]
            complete = any(c["cue"] == "complete" for c in cues)
            samples.append(
                Sample(time.monotonic(), cpu_ticks(app.pid), memory_kib(app.pid), len(cues), complete)
            )
            if app.poll():
                break
            if app_err.stat().st_size > WEDGE_BYTES and wedged_at is None:
                wedged_at = cues[-1]["actual_s"] if cues else 0.0
                app.end()
                break
            if time.monotonic() > deadline:
                app.end()
                break
            time.sleep(SAMPLE_S)
        cues += [json.loads(line) for line in read_lines(cue_log, handle)]
        if handle[0] is not None:
            handle[0].close()
        if not naive.wait(ticks + 60):
            naive.end()
        load_cpu = [(cpu_ticks(p.pid) or 0) - c0 for p, c0 in zip(loaders, load_cpu0, strict=True)]
        load_wall = time.monotonic() - load_t0
        busy1 = machine_busy()
    finally:
        for child in (app, naive, *loaders):
            if child is not None:
                child.end()

    result: dict[str, Any] = {
        "sound": sound.note,
        "voice": voice,
        "figure": figure,
        "load_processes": len(loaders),
        "load_cpu_share_pct": [100 * t / CLK_TCK / load_wall for t in load_cpu],
        "machine_busy_pct": 100 * (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]),
        "cpus": os.cpu_count(),
        "app_exit_code": app.exit_code,
        "wedged_at_s": wedged_at,
        "app_stderr": _stderr_head(app_err),
    }
    result["app"] = app_figures(plan, cues, samples, app)
    result["naive"] = naive_figures(naive_log, ticks, naive)
    return result


def _stderr_head(path: Path, lines: int = 5) -> list[str]:
    """The first lines the app wrote to stderr (its notices, or the start of a flood)."""
    with path.open(encoding="utf-8", errors="replace") as f:
        return [line.rstrip("\n") for _, line in zip(range(lines), f, strict=False)]


def app_figures(plan: Plan, cues: list[dict[str, Any]], samples: list[Sample], app: Child) -> dict[str, Any]:
    """Cue errors against the engine's schedule and against the plan; CPU and memory."""
    out: dict[str, Any] = {"cues": len(cues), "plan_s": plan.total_s}
    if not cues:
        return out
    errors = [c["actual_s"] - c["scheduled_s"] for c in cues]
    out["error"] = error_summary(errors)
    worst = sorted(cues, key=lambda c: abs(c["actual_s"] - c["scheduled_s"]), reverse=True)[:5]
    out["worst"] = [
        {k: c[k] for k in ("cue", "step", "scheduled_s", "actual_s") if k in c}
        | {"error_ms": (c["actual_s"] - c["scheduled_s"]) * 1e3}
        for c in worst
    ]
    by_kind: dict[str, list[float]] = {}
    for c, e in zip(cues, errors, strict=True):
        by_kind.setdefault(c["cue"], []).append(e)
    out["error_by_cue"] = {k: error_summary(v) for k, v in sorted(by_kind.items())}
    reference = reference_cues(plan)
    same = [(c["cue"], c["step"]) for c in cues] == [(r["cue"], r["step"]) for r in reference[: len(cues)]]
    out["reference_cues"] = len(reference)
    out["same_cues_as_reference"] = same
    if same:
        out["schedule_vs_plan_max_ms"] = max(
            abs(c["scheduled_s"] - r["at_s"]) * 1e3 for c, r in zip(cues, reference, strict=False)
        )
        out["error_vs_plan"] = error_summary(
            [c["actual_s"] - r["at_s"] for c, r in zip(cues, reference, strict=False)]
        )
    complete = [c for c in cues if c["cue"] == "complete"]
    if complete:
        c = complete[-1]
        out["end_drift_ms"] = (c["actual_s"] - c["scheduled_s"]) * 1e3
        out["end_vs_plan_ms"] = (c["actual_s"] - plan.total_s) * 1e3
    # CPU over the session: from the first sample with a cue to the last one before "complete"
    running = [s for s in samples if s.cues > 0 and not s.complete and s.app_cpu is not None]
    if len(running) >= 2:
        first, last = running[0], running[-1]
        assert first.app_cpu is not None and last.app_cpu is not None
        out["cpu_window_s"] = last.t - first.t
        out["cpu_pct"] = 100 * (last.app_cpu - first.app_cpu) / CLK_TCK / (last.t - first.t)
    peaks = [s.app_mem.get("VmHWM", 0) for s in samples]
    out["vmhwm_mib"] = max(peaks) / 1024 if peaks else None
    out["rss_end_mib"] = (running[-1].app_mem.get("VmRSS", 0) / 1024) if running else None
    if app.rusage is not None:
        out["ru_maxrss_mib"] = app.rusage.ru_maxrss / 1024
        out["process_cpu_s"] = app.rusage.ru_utime + app.rusage.ru_stime
        out["process_wall_s"] = (app.ended or time.monotonic()) - app.started
    return out


def naive_figures(log: Path, ticks: int, naive: Child) -> dict[str, Any]:
    """Tick N counted as second N: its error, the tick intervals, and the drift at the end."""
    out: dict[str, Any] = {"ticks_planned": ticks}
    try:
        rows = [line.split() for line in log.read_text().splitlines() if line.strip()]
    except OSError:
        return out
    times = {int(n): float(t) for n, t in rows}
    start = times.pop(0, None)
    if start is None or not times:
        return out
    counted = sorted(times)
    errors = [times[n] - (start + n) for n in counted]
    intervals = [(times[n] - (times.get(n - 1) or start)) * 1e3 for n in counted]
    out["ticks"] = len(counted)
    out["error"] = error_summary(errors)
    out["interval_median_ms"] = statistics.median(intervals)
    out["interval_min_ms"] = min(intervals)
    out["interval_max_ms"] = max(intervals)
    out["drift_ms"] = errors[-1] * 1e3
    out["drift_at_tick"] = counted[-1]
    # A coarse timer settles on an offset within its first ticks; what it adds after that:
    first = statistics.median(errors[:10])
    out["offset_first_10_ms"] = first * 1e3
    out["accumulated_ms"] = (errors[-1] - first) * 1e3
    out["missed_ticks"] = sum(round(i / 1e3) - 1 for i in intervals if i > 1500)
    if naive.rusage is not None:
        wall = (naive.ended or time.monotonic()) - naive.started
        out["process_cpu_pct"] = 100 * (naive.rusage.ru_utime + naive.rusage.ru_stime) / wall
        out["ru_maxrss_mib"] = naive.rusage.ru_maxrss / 1024
    return out


# -- the whole run ---------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def sitimer_source() -> dict[str, Any]:
    """Which sitimer is measured: its folder, and the commit and uncommitted files if a git tree."""
    import sitimer

    folder = Path(sitimer.__file__).resolve().parent
    out: dict[str, Any] = {"folder": str(folder), "version": sitimer.__version__}
    try:
        git = ["git", "-C", str(folder)]
        out["commit"] = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            [*git, "status", "--porcelain", "--", "."], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        out["uncommitted_files"] = len(changed)
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def qt_version() -> str:
    try:
        import PySide6
        from PySide6 import QtCore

        return f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}"
    except ImportError:
        return "unknown"


def run(args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "cpu_model": cpu_model(),
            "qt": qt_version(),
            "sitimer": sitimer_source(),
            "load_average_before": os.getloadavg(),
        },
        "minutes": args.minutes,
        "goals": GOALS,
    }
    with tempfile.TemporaryDirectory(prefix="sitimer-bench-timing-") as name:
        tmp = Path(name)
        programme = tmp / "bench-timing.yaml"
        plan = write_programme(programme, args.minutes)
        result["programme"] = {
            "steps": len(plan.steps),
            "length_s": plan.total_s,
            "kinds": sorted({s.kind.value for s in plan.steps}),
        }
        if args.startups:
            data_dir = tmp / "startup-data"
            data_dir.mkdir()
            result["startup"] = bench_startup(args.startups, data_dir, qt_env(sound_env_none(tmp)))
        if args.bundle:
            result["bundle"] = bench_bundle(args.bundle, args.startups or 10, tmp)
        if args.again:
            result["again"] = bench_again(args.startups or 10, tmp)
        if not args.no_session:
            with sound_server(args.sound, tmp) as sound:
                result["session"] = bench_session(
                    plan, programme, tmp, sound, args.voice, args.minutes, args.load, not args.no_figure
                )
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for kept in ("cues.jsonl", "naive.txt", "app.stderr", "bench-timing.yaml"):
                if (tmp / kept).exists():
                    shutil.copy2(tmp / kept, args.keep / kept)
            result["kept_in"] = str(args.keep)
    result["verdict"] = verdict(result)
    return result


def sound_env_none(tmp: Path) -> dict[str, str]:
    return {"PULSE_SERVER": f"unix:{tmp / 'no-sound-server'}"}


def verdict(result: dict[str, Any]) -> dict[str, Any]:
    """Each goal: the figure and whether it is met. A session that did not finish meets none."""
    out: dict[str, Any] = {}
    app = result["session"]["app"] if "session" in result else None
    if app is None:
        pass  # start-ups only
    elif "end_drift_ms" in app:
        out["p99_ms"] = (app["error"]["p99_ms"], app["error"]["p99_ms"] <= GOALS["p99_ms"])
        out["max_ms"] = (app["error"]["max_ms"], app["error"]["max_ms"] <= GOALS["max_ms"])
        out["drift_ms"] = (app["end_drift_ms"], abs(app["end_drift_ms"]) <= GOALS["drift_ms"])
        if "cpu_pct" in app:
            out["cpu_pct"] = (app["cpu_pct"], app["cpu_pct"] <= GOALS["cpu_pct"])
    else:  # wedged, crashed or stopped
        out.update({key: (None, False) for key in ("p99_ms", "max_ms", "drift_ms", "cpu_pct")})
    if "startup" in result:
        ratio = result["startup"]["ratio"]
        out["startup_ratio"] = (ratio, ratio <= GOALS["startup_ratio"])
    return out


def table(result: dict[str, Any]) -> str:
    """The figures as a table: the machine, the session, the start-ups, the goals."""
    m = result["machine"]
    src = m["sitimer"]
    lines = [
        f"Python {m['python']}, {m['qt']}, {m['cpus']} CPUs, {m['cpu_model']}",
        f"sitimer {src['version']} from {src['folder']}"
        + (
            f", commit {src['commit']}, {src['uncommitted_files']} uncommitted files"
            if "commit" in src
            else ""
        ),
    ]
    if "session" in result:
        lines += session_table(result)
    lines += startup_table(result)
    lines += ["", "Goals"]
    names = {
        "p99_ms": "p99 error ≤ 5 ms",
        "max_ms": "max error ≤ 20 ms",
        "drift_ms": "end drift ≤ 5 ms",
        "cpu_pct": "CPU ≤ 2 % of a core",
        "startup_ratio": "start-up ≤ 1.5× bare",
    }
    for key, (value, met) in result["verdict"].items():
        if value is None:
            lines.append(f"  {names[key]:<24} {'-':>8}  NOT met (the session did not finish)")
        else:
            lines.append(f"  {names[key]:<24} {value:>8.2f}  {'met' if met else 'NOT met'}")
    return "\n".join(lines)


def session_table(result: dict[str, Any]) -> list[str]:
    """The session's lines of the table."""
    s, p = result["session"], result["programme"]
    app, naive = s["app"], s["naive"]
    voice = "on" if s["voice"] else "off"
    lines = [
        f"Programme: {p['steps']} steps, {p['length_s']:.0f} s ({', '.join(p['kinds'])}); "
        f"sound: {s['sound']}; voice {voice}; moving figure {'on' if s.get('figure', True) else 'off'}",
        "Load: "
        + (
            f"{s['load_processes']} busy process(es) at "
            + ", ".join(f"{share:.0f} %" for share in s["load_cpu_share_pct"])
            + " of a core"
            if s["load_processes"]
            else "none"
        )
        + f"; whole machine {s['machine_busy_pct']:.0f} % busy during the session",
    ]
    if s["app_stderr"]:
        lines.append("The app said: " + " | ".join(s["app_stderr"][:2]))
    if s["wedged_at_s"] is not None:
        lines.append(f"THE APP WEDGED after {s['wedged_at_s']:.0f} s (stderr flood): {s['app_stderr'][:3]}")
    elif s["app_exit_code"] != 0:
        lines.append(f"The app exited with {s['app_exit_code']}: {s['app_stderr'][:3]}")
    lines += [
        "",
        "Cue onset error, ms (size: p50 / p99 / max; signed: median, min .. max; over 5 / 20 ms)",
    ]

    def row(name: str, e: dict[str, Any], drift: float | None) -> str:
        tail = f"{drift:>+9.2f}" if drift is not None else f"{'-':>9}"
        return (
            f"{name:<28} {e['n']:>5} {e['p50_ms']:>7.2f} {e['p99_ms']:>7.2f} {e['max_ms']:>8.2f} "
            f"{e['signed_median_ms']:>+8.2f} {e['min_ms']:>+8.2f} .. {e['late_max_ms']:>+8.2f} "
            f"{e['over_5ms']:>4} {e['over_20ms']:>4} {tail}"
        )

    lines.append(
        f"{'':<28} {'n':>5} {'p50':>7} {'p99':>7} {'max':>8} {'median':>8} {'min':>8}    {'max':>8} "
        f"{'>5':>4} {'>20':>4} {'drift':>9}"
    )
    if "error" in app:
        lines.append(row("sitimer (vs engine schedule)", app["error"], app.get("end_drift_ms")))
    if "error_vs_plan" in app:
        lines.append(row("sitimer (vs plan walk)", app["error_vs_plan"], app.get("end_vs_plan_ms")))
    if "error" in naive:
        lines.append(row("naive QTimer(1000) counter", naive["error"], naive.get("drift_ms")))
    if "error_by_cue" in app:
        lines += ["", "sitimer by cue kind"]
        lines += [row(f"  {k}", v, None) for k, v in app["error_by_cue"].items()]
    if "worst" in app:
        lines += [
            "",
            "sitimer's five largest errors: "
            + "; ".join(
                f"{w['cue']} step {w['step']} at {w['scheduled_s']:.1f} s: {w['error_ms']:+.2f} ms"
                for w in app["worst"]
            ),
        ]
    if "schedule_vs_plan_max_ms" in app:
        lines.append(
            f"Engine schedule vs plan walk: same {app['reference_cues']} cues, "
            f"max difference {app['schedule_vs_plan_max_ms']:.3f} ms"
        )
    if "ticks" in naive:
        lines.append(
            f"Naive counter: {naive['ticks']} ticks, interval median {naive['interval_median_ms']:.2f} ms "
            f"({naive['interval_min_ms']:.1f} .. {naive['interval_max_ms']:.1f}), "
            f"drift {naive['drift_ms']:+.1f} ms at tick {naive['drift_at_tick']} "
            f"(offset over the first 10 ticks {naive['offset_first_10_ms']:+.1f} ms, "
            f"then {naive['accumulated_ms']:+.1f} ms more; {naive['missed_ticks']} ticks missed)"
        )
    lines += [""]
    if "cpu_pct" in app:
        lines.append(
            f"sitimer CPU during the session: {app['cpu_pct']:.2f} % of a core "
            f"over {app['cpu_window_s']:.0f} s"
            + (
                f"; whole process {app['process_cpu_s']:.1f} s CPU in {app['process_wall_s']:.0f} s"
                if "process_cpu_s" in app
                else ""
            )
        )
    if app.get("vmhwm_mib"):
        lines.append(
            f"sitimer peak memory (VmHWM): {app['vmhwm_mib']:.0f} MiB"
            + (f"; ru_maxrss {app['ru_maxrss_mib']:.0f} MiB" if "ru_maxrss_mib" in app else "")
        )
    if "process_cpu_pct" in naive:
        lines.append(
            f"naive counter: CPU {naive['process_cpu_pct']:.2f} % of a core (whole process), "
            f"peak memory {naive['ru_maxrss_mib']:.0f} MiB"
        )
    return lines


def startup_table(result: dict[str, Any]) -> list[str]:
    """The start-ups' lines of the table: offscreen to the first frame; on Xvfb to the window mapped."""
    lines: list[str] = []
    if "startup" in result:
        st = result["startup"]
        lines += [
            "",
            f"Start-up, spawn to first frame, ms ({st['repeat']} runs each): median (min .. max), Python up",
        ]
        for kind in ("bare", "text", "list", "sitimer"):
            k = st[kind]
            lines.append(
                f"  {kind:<8} {k['first_frame_median_ms']:>7.0f} ({k['first_frame_min_ms']:.0f} .. "
                f"{k['first_frame_max_ms']:.0f}), Python up at {k['python_up_median_ms']:.0f}"
            )
        lines.append(
            f"  ratio sitimer / bare: {st['ratio']:.2f} (of the fastest runs {st['fastest_ratio']:.2f}); "
            f"text / bare: {st['text_ratio']:.2f}; list / bare: {st['list_ratio']:.2f}"
        )
        w = st["warm"]
        lines.append(
            f"Built again with everything imported ({w['rounds']} rounds, medians, ms): "
            "build / show / first paint"
        )
        for kind in ("sitimer", "text"):
            k = w[kind]
            lines.append(
                f"  {kind:<8} {k['build_median_ms']:.1f} / {k['show_median_ms']:.1f} / "
                f"{k['paint_median_ms']:.1f} = {k['total_ms']:.1f}"
            )
        bare = st["bare"]["first_frame_median_ms"]
        floor = (bare + w["sitimer"]["total_ms"] - w["text"]["total_ms"]) / bare
        lines.append(f"  floor for sitimer / bare with no import cost at all: {floor:.2f}")
    if "bundle" in result:
        b = result["bundle"]
        lines += [
            "",
            f"Start-up on Xvfb, spawn to window mapped, ms ({b['repeat']} runs each): median (min .. max)",
        ]
        for kind in ("bare", "sitimer", "bundle"):
            k = b[kind]
            lines.append(
                f"  {kind:<8} {k['mapped_median_ms']:>7.0f} "
                f"({k['mapped_min_ms']:.0f} .. {k['mapped_max_ms']:.0f})"
            )
        lines.append(
            f"  ratio sitimer (venv) / bare: {b['sitimer_ratio']:.2f}; bundle / bare: {b['bundle_ratio']:.2f}"
        )
    if "again" in result:
        a = result["again"]
        lines += [
            "",
            f"A start while the reminders run, on Xvfb, spawn to window mapped, ms ({a['repeat']} runs)",
        ]
        for kind in ("bare", "again"):
            k = a[kind]
            lines.append(
                f"  {kind:<8} {k['mapped_median_ms']:>7.0f} "
                f"({k['mapped_min_ms']:.0f} .. {k['mapped_max_ms']:.0f})"
            )
        lines.append(f"  ratio again / bare: {a['again_ratio']:.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--minutes", type=float, default=10, help="session length in minutes (10)")
    parser.add_argument("--startups", type=int, default=10, help="start-ups of each kind; 0 skips them (10)")
    parser.add_argument(
        "--sound", choices=("none", "null-sink"), default="none", help="the app's sound device (none)"
    )
    parser.add_argument("--voice", action="store_true", help="voice on (needs a sound device to be heard)")
    parser.add_argument(
        "--no-figure", action="store_true", help="the moving figure off (settings.json animation: false)"
    )
    busy = max(1, (os.cpu_count() or 2) - 1)
    parser.add_argument(
        "--load", type=int, default=busy, help=f"busy processes during the session; 0: none ({busy})"
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="copy the cue log, tick log and stderr here")
    parser.add_argument("--no-session", action="store_true", help="the start-ups only, no session")
    parser.add_argument(
        "--bundle",
        type=Path,
        metavar="PATH",
        help="also time the frozen sitimer (a .deb or its folder) on Xvfb",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="also time a start while sitimer's reminders run (it shows its window) on Xvfb",
    )
    args = parser.parse_args(argv)
    if not 1 <= args.minutes <= 240:
        parser.error("--minutes must be 1 to 240")
    if args.startups < 0 or args.load < 0:
        parser.error("--startups and --load must be at least 0")
    if args.bundle and not args.bundle.exists():
        parser.error(f"--bundle: no such file or folder: {args.bundle}")
    if args.no_session and not (args.startups or args.bundle or args.again):
        parser.error("--no-session with --startups 0 and no --bundle or --again measures nothing")
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
