"""Benchmark: the kiosk's memory over a working day, 8 hours of kiosk time on an accelerated clock.

The real :class:`~sitimer.qt.kiosk.app.KioskApp` runs in this process on Qt's offscreen
platform, its window shown full screen as ``sitimer kiosk`` shows it, inside
``app.exec()`` as in use. Its data folder is a new temporary one: ``settings.json`` with
the defaults, ``kiosk.json`` with a therapist PIN (hashed beforehand at the real scrypt
cost, so the harness itself never runs scrypt, as a kiosk never does before its first
PIN check: ``sitimer kiosk set-pin`` is a process of its own), the default idle
time of 2 minutes and five patient codes, each with one or both bundled programmes; the
history is seeded with 28 days of one completed session a day per code and programme,
so every patient has figures and a progress view.

Patients come one after another until ``--hours`` (8) of kiosk time have passed (the
last visit ends a little after; three visits at least). A
visit: a few seconds at the keypad, the code typed (real key events), the patient's
page, a programme started by its number key, the session, then one of four endings,
in turn: the two questions answered (pain, effort, Done; every second such visit also
a note), the questions skipped, the questions left open until the idle reset, or the
patient pauses half-way through the session (Space) and walks away until the idle
reset stops it. Every fourth visit also opens the progress view first and goes Back;
every fifth starts with a mistyped code ("not known here"); every eighth
(``--therapist-every``) is preceded by the therapist (Alt+T, the PIN, the settings
page, Lock). Between visits the kiosk
stands idle for 1 to 7 minutes (a fixed cycle), and its idle reset fires every 2 minutes
of it, as in the gym.

Time: the kiosk gets a ``FakeClock`` (``KioskApp(clock=...)``, as the tests do). While a
session runs, the harness moves that clock with the session's own clock
(``Options(speed=...)``, 400 times real time by default); between sessions it moves it
in steps (typing, reading, idle periods). Whenever the kiosk clock reaches the idle
deadline the harness calls ``app.input.check()``: what the kiosk's idle timer does when
it fires (its real timer is aimed in real milliseconds, so it cannot follow a fast
clock). Sessions run with ``auto``: the kiosk's flow has ``Options.auto`` while a ``Session`` is made
(the engine then counts self-paced reps at the planned tempo) and set back to false at
once, so the kiosk asks its questions as for a patient. Sound and voice are the silent
fakes (``sound=``), so cues flash. Sessions at a speed other than 1 are recorded as
simulated, so the seeded figures stay as they are; they are recorded all the same.

What is measured, at every session boundary (back at the start screen, after a turn of
the event loop so deleted pages and sessions are gone, then ``gc.collect()``): resident
memory (``VmRSS`` in ``/proc/self/status``); Python objects (``gc.get_objects()`` by
type) and allocated blocks; the QObjects under the app and the window, all widgets and
top-level widgets (by class); glibc's heap in use and free (``mallinfo2``); SQLite's
own heap (``sqlite3_memory_used``); and the history: session and step rows, file size
with its WAL. The first two visits are the warm-up; reported is the growth from the
sample after them to the last one, a least-squares slope per hour of kiosk time over
those samples, the largest step between two samples, and the types and classes that
grew most. Goal: growth under 5 MB. At the very end, outside the figures, the script
calls glibc's ``malloc_trim(0)`` and reads VmRSS again: what is left is memory in use,
the difference was free heap glibc kept.

Run: ``.venv/bin/python benchmarks/soak.py`` for a table (about 80 s), ``--json`` for
every figure and sample; ``--hours``, ``--speed``, ``--idle-minutes`` and
``--therapist-every`` (0: never) change the day. Exits 1 when the goal is missed, 0
otherwise. Linux only (``/proc``, glibc).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import itertools
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLoggingCategory, QMessageLogContext, QObject, Qt, QTimer, QtMsgType
from PySide6.QtCore import qInstallMessageHandler as install_message_handler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from sitimer.core.clock import FakeClock
from sitimer.core.history.rows import StepRecord
from sitimer.core.history.store import HistoryStore, stamp
from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore
from sitimer.core.kiosk.pin import PinHash
from sitimer.core.logcap import QT_QUIET_RULES
from sitimer.core.options import Options
from sitimer.core.paths import programmes_dir
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.engine import State
from sitimer.core.session.recorder import session_start
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.kiosk.app import KioskApp
from sitimer.qt.kiosk.pages import PatientPage, PinPage
from sitimer.qt.kiosk.therapist import TherapistPage
from sitimer.qt.progress.view import HistoryView
from sitimer.qt.session.rating import RatingView
from sitimer.qt.session.view import SessionView

GOAL_BYTES = 5_000_000  # 5 MB
PIN = "482915"
# Its hash, made once with ``hash_pin(PIN, salt=...)`` at the real scrypt cost (N 2^14, r 8:
# 16 MiB): the kiosk checks it at that cost, but the harness itself never runs scrypt, as a
# kiosk never does before its first PIN (`sitimer kiosk set-pin` is a process of its own).
PIN_HASH = PinHash(
    bytes.fromhex("5369746b696f736b536f616b50494e21"),
    bytes.fromhex("49e77dda7b02521cebea82163daaa9601f4bfed265d9ef317eed55fa397a0069"),
)
CODES = {  # patient code: their programmes, as the therapist assigns them
    "100001": ("si-gewricht.yaml",),
    "100002": ("si-blokkade-herstel.yaml",),
    "100003": ("si-gewricht.yaml", "si-blokkade-herstel.yaml"),
    "100004": ("si-blokkade-herstel.yaml", "si-gewricht.yaml"),
    "100005": ("si-gewricht.yaml",),
}
SEED_DAYS = 28
ENDINGS = ("answered", "skipped", "left at the questions", "walked away mid-session")
GAPS_S = (90, 240, 60, 420, 150, 300, 120)  # the kiosk idle between visits, in turn
WARM_UP_VISITS = 2
TICK_MS = 5  # the harness looks at the kiosk this often (real time)
WAIT_LIMIT_S = 120.0  # real seconds any one step of the script may wait before it counts as stuck
DIGIT_KEYS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2}


# -- what the process holds ----------------------------------------------------------------------
def rss_bytes() -> int:
    """Resident memory of this process (VmRSS), in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


class MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            *("arena", "ordblks", "smblks", "hblks", "hblkhd"),
            *("usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"),
        )
    ]


def _libc() -> Any:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name) if name else None


LIBC = _libc()


def malloc_info() -> dict[str, int] | None:
    """glibc's heap: bytes in use (small and mmap-ed chunks) and free but kept; None without glibc."""
    if LIBC is None or not hasattr(LIBC, "mallinfo2"):
        return None
    LIBC.mallinfo2.restype = MallInfo2
    info = LIBC.mallinfo2()
    return {"in_use": int(info.uordblks + info.hblkhd), "free_kept": int(info.fordblks)}


def malloc_trim() -> bool:
    """Give glibc's free heap back to the system (a diagnostic at the end, never in the figures)."""
    if LIBC is None or not hasattr(LIBC, "malloc_trim"):
        return False
    return bool(LIBC.malloc_trim(0))


def _libsqlite() -> Any:
    """The SQLite library Python's sqlite3 uses (the system's, on Linux), or None."""
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
        lib.sqlite3_memory_used.restype = ctypes.c_int64
    except (OSError, AttributeError):
        return None
    return lib


LIBSQLITE = _libsqlite()


def sqlite_memory_used() -> int | None:
    """Bytes SQLite's allocator holds now, over every connection (page caches, statements)."""
    return None if LIBSQLITE is None else int(LIBSQLITE.sqlite3_memory_used())


def python_types() -> Counter[str]:
    """Objects the garbage collector tracks, by type (module-qualified)."""
    return Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.get_objects())


def qobject_classes(app: KioskApp) -> Counter[str]:
    """QObjects under the kiosk app and its window, and every other widget, by Qt class name."""
    seen: dict[int, str] = {}
    for root in (app, app.window):
        for obj in [root, *root.findChildren(QObject)]:
            seen[id(obj)] = obj.metaObject().className()
    for widget in QApplication.allWidgets():
        seen.setdefault(id(widget), widget.metaObject().className())
    return Counter(seen.values())


def history_figures(db: Path) -> dict[str, int]:
    """Rows in the history and its size on disk (file and WAL), read over a connection of our own.

    Rows by their highest id (nothing is deleted here), so this reads a few pages, not the tables.
    """
    uri = f"file:{db}?mode=ro"
    with sqlite3.connect(uri, uri=True) as con:
        sessions = con.execute("SELECT COALESCE(MAX(id), 0) FROM sessions").fetchone()[0]
        steps = con.execute("SELECT COALESCE(MAX(id), 0) FROM steps").fetchone()[0]
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        page_count = con.execute("PRAGMA page_count").fetchone()[0]
        cache_size = con.execute("PRAGMA cache_size").fetchone()[0]
    con.close()
    wal = db.with_name(db.name + "-wal")
    return {
        "sessions": sessions,
        "steps": steps,
        "db_bytes": db.stat().st_size,
        "wal_bytes": wal.stat().st_size if wal.exists() else 0,
        "page_size": page_size,
        "pages": page_count,
        # negative: KiB; SQLite's default (-2000) when the store sets none, as sitimer's does not
        "cache_limit_bytes": -cache_size * 1024 if cache_size < 0 else cache_size * page_size,
    }


# -- setting the kiosk up --------------------------------------------------------------------------
def prepare(data: Path, idle_minutes: float) -> KioskConfig:
    """Settings, the kiosk config (PIN, codes) and a seeded history in a new data folder."""
    (data / "settings.json").write_text(json.dumps({}))  # the defaults
    config = KioskConfig(pin=PIN_HASH, idle_minutes=idle_minutes)
    for code, refs in CODES.items():
        config = config.assign(code, refs)
    KioskConfigStore.in_folder(data).save(config)
    today = datetime.now(UTC).replace(hour=7, minute=0, second=0, microsecond=0)
    moment = [today]
    store = HistoryStore(data / "history.db", now=lambda: moment[0])
    for code, refs in CODES.items():
        for ref in refs:
            plan = build_plan(load_file(programmes_dir() / ref))
            for day in range(SEED_DAYS, 0, -1):
                moment[0] = today - timedelta(days=day)
                sid = store.begin(session_start(plan, simulated=False, profile=code))
                for s in plan.steps:
                    if s.is_exercise:
                        store.add_step(
                            sid,
                            StepRecord(
                                s.index,
                                s.kind.value,
                                s.exercise,
                                s.set,
                                s.side,
                                s.reps,
                                s.planned_s,
                                False,
                                stamp(moment[0]),
                            ),
                        )
                store.end(sid, "completed")
                store.rate(sid, pain=3, effort=4, note="")
    store.close()
    return config


def quiet() -> tuple[SilentTonePlayer, SilentSpeaker]:
    """No sound device and no voice: cues flash."""
    return SilentTonePlayer(), SilentSpeaker()


# -- the day ------------------------------------------------------------------------------------------
Wait = Callable[[], bool] | None  # what the script yields: wait until true, or (None) one loop turn


class Soak:
    """Drives the kiosk through a day from inside its event loop, one tick at a time."""

    def __init__(self, qapp: QApplication, data: Path, args: argparse.Namespace) -> None:
        self.qapp = qapp
        self.data = data
        self.hours = args.hours
        self.speed = args.speed
        self.idle_s = args.idle_minutes * 60
        self.therapist_every = args.therapist_every
        self.clock = FakeClock(start=0.0)
        self.options = Options(lang="en", data_dir=data, speed=self.speed)
        self.app = KioskApp(self.options, clock=self.clock, sound=quiet)
        self.app.kiosk_window.lock_screen(None)  # full screen and shown, as `sitimer kiosk` does
        self.samples: list[dict[str, Any]] = []
        self.visits: list[dict[str, Any]] = []
        self.types: dict[str, Counter[str]] = {}
        self.classes: dict[str, Counter[str]] = {}
        self.idle_resets = 0
        self.last_reset_s = 0.0
        self.app.input.idle.connect(self._count_reset)
        self.error: BaseException | None = None
        self._script = self.day()
        self._waiting: Wait = None
        self._waiting_since = time.monotonic()
        self._session_clock: tuple[int, float] | None = None
        self._real_start = time.monotonic()
        self._cpu_start = time.process_time()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._timer.start(TICK_MS)

    def _count_reset(self) -> None:
        self.idle_resets += 1
        self.last_reset_s = self.clock.now

    # -- the harness's part of the event loop ----------------------------------------------
    def tick(self) -> None:
        try:
            self._follow_session_clock()
            self._fire_idle_timer()
            if self._waiting is not None and not self._waiting():
                if time.monotonic() - self._waiting_since > WAIT_LIMIT_S:
                    raise RuntimeError(
                        f"stuck at kiosk time {self.clock.now:.0f} s, visit {len(self.visits)}"
                    )
                return
            self._waiting = next(self._script)
            self._waiting_since = time.monotonic()
        except StopIteration:
            self._timer.stop()
            self.qapp.exit(0)  # not quit(): that asks the windows to close, and the kiosk refuses
        except BaseException as err:  # Qt would print and swallow it: end the run and raise it after
            self.error = err
            self._timer.stop()
            self.qapp.exit(0)  # not quit(): that asks the windows to close, and the kiosk refuses

    def _follow_session_clock(self) -> None:
        """While a session runs, the kiosk's time moves with the session's (fast) clock."""
        session = self.app.session
        if session is None or session.engine.state is not State.RUNNING:
            self._session_clock = None
            return
        now = session.clock.monotonic()
        last = self._session_clock
        if last is not None and last[0] == id(session.clock):
            self.clock.advance(max(0.0, now - last[1]))
        self._session_clock = (id(session.clock), now)

    def _fire_idle_timer(self) -> None:
        """What the kiosk's idle timer does when it fires at its deadline."""
        if self.clock.now >= self.app.input.deadline.deadline:
            self.app.input.check()

    # -- moving kiosk time by hand -------------------------------------------------------------
    def wait(self, seconds: float) -> Iterator[Wait]:
        """Let ``seconds`` of kiosk time pass, firing the idle timer at each deadline on the way."""
        target = self.clock.now + seconds
        while self.clock.now < target:
            self.clock.now = min(target, max(self.clock.now, self.app.input.deadline.deadline))
            self._fire_idle_timer()
            yield None

    def page(self) -> QWidget | None:
        """The page in front now (read afresh: each action may have changed it)."""
        return self.app.window.page

    def at_start_screen(self) -> bool:
        window = self.app.kiosk_window
        return (
            self.app.session is None and window.page is None and window.stack.currentWidget() is window.home
        )

    # -- the script ----------------------------------------------------------------------------
    def day(self) -> Iterator[Wait]:
        yield None
        yield None
        self.sample("start", 0)
        visit = 0
        while self.clock.now < self.hours * 3600 or visit <= WARM_UP_VISITS:  # one visit after the warm-up
            yield from self.wait(GAPS_S[visit % len(GAPS_S)])
            therapist = (
                bool(self.therapist_every) and visit % self.therapist_every == self.therapist_every - 1
            )
            if therapist:
                yield from self.therapist()
            yield from self.patient(visit)
            self.visits[-1]["therapist_before"] = therapist
            visit += 1
            yield None  # deleted pages and the finished session go now, in the event loop
            yield None
            self.sample("warm-up" if visit <= WARM_UP_VISITS else "visit", visit)

    def therapist(self) -> Iterator[Wait]:
        """Alt+T, the PIN, a look at the settings, Lock."""
        start = self.app.kiosk_window.start_page
        QTest.keyClick(start, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
        page = self.app.window.page
        if not isinstance(page, PinPage):
            raise RuntimeError("Alt+T did not open the PIN page")
        yield from self.wait(4)
        QTest.keyClicks(page, PIN)
        QTest.keyClick(page, Qt.Key.Key_Return)
        settings = self.app.window.page
        if not isinstance(settings, TherapistPage):
            raise RuntimeError("the PIN did not open the therapist's page")
        yield from self.wait(30)
        QTest.mouseClick(settings.lock_button, Qt.MouseButton.LeftButton)
        if not self.at_start_screen():
            raise RuntimeError("Lock did not go back to the start screen")
        yield None

    def patient(self, n: int) -> Iterator[Wait]:
        """One patient's visit; its locals (pages, the session) go with this generator."""
        code = list(CODES)[n % len(CODES)]
        refs = CODES[code]
        number = 1 + (n // len(CODES)) % len(refs)
        ending = ENDINGS[n % len(ENDINGS)]
        record: dict[str, Any] = {
            "visit": n + 1,
            "code": code,
            "programme": refs[number - 1],
            "ending": ending,
            "kiosk_start_s": self.clock.now,
        }
        window = self.app.kiosk_window
        start = window.start_page
        yield from self.wait(5)
        if n % 5 == 4:  # a mistyped code first
            QTest.keyClicks(start, "999999")
            QTest.keyClick(start, Qt.Key.Key_Return)
            if window.page is not None:
                raise RuntimeError("an unknown code opened a page")
            yield from self.wait(6)
        QTest.keyClicks(start, code)
        QTest.keyClick(start, Qt.Key.Key_Return)
        page = window.page
        if not isinstance(page, PatientPage):
            raise RuntimeError(f"code {code} did not open the patient's page")
        yield from self.wait(8)
        if n % 4 == 1:  # a look at the progress first
            progress = next(b for b in page.findChildren(QAbstractButton) if b.text() == "Progress")
            QTest.mouseClick(progress, Qt.MouseButton.LeftButton)
            view = window.page
            if not isinstance(view, HistoryView):
                raise RuntimeError("Progress did not open the history view")
            yield None
            yield from self.wait(20)
            back = next(b for b in view.findChildren(QAbstractButton) if b.text() == "Back")
            QTest.mouseClick(back, Qt.MouseButton.LeftButton)
            page = window.page
            if not isinstance(page, PatientPage):
                raise RuntimeError("Back did not go back to the patient's page")
            yield from self.wait(3)
        self.app.flow.options = replace(self.app.flow.options, auto=True)  # the engine counts reps ...
        QTest.keyClick(page, DIGIT_KEYS[number])
        self.app.flow.options = replace(self.app.flow.options, auto=False)  # ... the kiosk asks after
        session = self.app.session
        if session is None or not isinstance(window.page, SessionView):
            raise RuntimeError("the programme did not start")
        del page
        record["session_s"] = session.plan.total_s
        yield lambda: session.engine.state is State.RUNNING
        if ending == "walked away mid-session":
            half = len(session.plan.steps) // 2
            yield lambda: session.engine.state is not State.RUNNING or session.engine.index >= half
            QTest.keyClick(window.page, Qt.Key.Key_Space)  # pause, and leave
            if session.engine.state is not State.PAUSED:
                raise RuntimeError("Space did not pause the session")
            del session
            yield from self.wait(self.idle_s)
        else:
            del session
            yield lambda: isinstance(window.page, RatingView)
            rating = self.page()
            assert isinstance(rating, RatingView)
            if ending == "answered":
                QTest.mouseClick(rating.pain.group.button(2 + n % 4), Qt.MouseButton.LeftButton)
                yield from self.wait(3)
                QTest.mouseClick(rating.effort.group.button(3 + n % 3), Qt.MouseButton.LeftButton)
                yield from self.wait(3)
                if n % 8 == 0:
                    QTest.keyClicks(rating.note, "stiff this morning")
                    yield from self.wait(10)
                QTest.mouseClick(rating.done_button, Qt.MouseButton.LeftButton)
            elif ending == "skipped":
                QTest.mouseClick(rating.skip_button, Qt.MouseButton.LeftButton)
            else:
                del rating
                shown = self.clock.now
                yield from self.wait(self.idle_s)
                record["questions_reset_after_s"] = self.last_reset_s - shown
        if not self.at_start_screen():
            raise RuntimeError(f"visit {n + 1} ({ending}) did not end at the start screen")
        record["kiosk_end_s"] = self.clock.now
        self.visits.append(record)

    # -- measuring ---------------------------------------------------------------------------------
    def sample(self, label: str, visit: int) -> None:
        gc.collect()
        rss = rss_bytes()
        types = python_types()
        classes = qobject_classes(self.app)
        heap = malloc_info()
        entry: dict[str, Any] = {
            "label": label,
            "visit": visit,
            "kiosk_h": self.clock.now / 3600,
            "real_s": time.monotonic() - self._real_start,
            "rss_bytes": rss,
            "python_objects": sum(types.values()),
            "python_blocks": sys.getallocatedblocks(),
            "qobjects": sum(classes.values()),
            "app_children": len(self.app.children()),
            "widgets": len(QApplication.allWidgets()),
            "top_level_widgets": len(QApplication.topLevelWidgets()),
            "idle_resets": self.idle_resets,
            "malloc_in_use": heap["in_use"] if heap else None,
            "malloc_free_kept": heap["free_kept"] if heap else None,
            "sqlite_memory_used": sqlite_memory_used(),
            "history": history_figures(self.data / "history.db"),
        }
        self.samples.append(entry)
        # Full counts only where they are compared: the baseline (after the warm-up) and the last.
        self.types["last"], self.classes["last"] = types, classes
        if label == "warm-up" and visit == WARM_UP_VISITS:
            self.types["baseline"], self.classes["baseline"] = types, classes

    def finish(self) -> dict[str, Any]:
        """Close the kiosk, then the figures."""
        self.app.input.stop()
        self.app.kiosk_window.unlock()
        end = {"real_s": time.monotonic() - self._real_start, "cpu_s": time.process_time() - self._cpu_start}
        trimmed_before = rss_bytes()
        malloc_trim()
        end["rss_before_trim"] = trimmed_before
        end["rss_after_trim"] = rss_bytes()
        return end


# -- figures -------------------------------------------------------------------------------------------
def slope_per_hour(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (hours, value) points."""
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0


def growers(before: Counter[str], after: Counter[str], top: int = 12) -> list[dict[str, Any]]:
    """What grew most from ``before`` to ``after`` (and anything that shrank is left out)."""
    diff = Counter(after)
    diff.subtract(before)
    return [
        {"type": name, "before": before.get(name, 0), "after": after.get(name, 0), "growth": count}
        for name, count in diff.most_common(top)
        if count > 0
    ]


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "pyside6": PySide6.__version__,
        "sqlite": sqlite3.sqlite_version,
        "qpa": QApplication.platformName(),
    }


def summarise(
    soak: Soak, end: dict[str, Any], args: argparse.Namespace, qt_messages: Counter[str]
) -> dict[str, Any]:
    samples = soak.samples
    base = next(s for s in samples if s["label"] == "warm-up" and s["visit"] == WARM_UP_VISITS)
    last = samples[-1]
    measured = [s for s in samples if s["visit"] >= WARM_UP_VISITS]

    def grown(key: str) -> int | None:
        return None if base[key] is None or last[key] is None else last[key] - base[key]

    def fit(key: str) -> float:
        return slope_per_hour([(s["kiosk_h"], float(s[key])) for s in measured if s[key] is not None])

    h0, h1 = base["history"], last["history"]
    growth = last["rss_bytes"] - base["rss_bytes"]
    sqlite_growth = grown("sqlite_memory_used")
    # The page cache holds each page of the file at most once (a WAL frame is a newer copy of one),
    # and no more than its limit: what it can ever hold, however long the history grows.
    cache_cap = min(h1["cache_limit_bytes"], h1["pages"] * h1["page_size"])
    steps = [(b["rss_bytes"] - a["rss_bytes"], b["visit"]) for a, b in itertools.pairwise(measured)]
    step, step_visit = max(steps, default=(0, 0))
    endings = Counter(v["ending"] for v in soak.visits)
    return {
        "machine": machine(),
        "parameters": {
            "hours": args.hours,
            "speed": args.speed,
            "idle_minutes": args.idle_minutes,
            "therapist_every": args.therapist_every,
            "codes": {code: list(refs) for code, refs in CODES.items()},
            "seeded_days": SEED_DAYS,
            "gaps_s": list(GAPS_S),
            "warm_up_visits": WARM_UP_VISITS,
            "tick_ms": TICK_MS,
            "goal_bytes": GOAL_BYTES,
        },
        "run": {
            "kiosk_hours": last["kiosk_h"],
            "visits": len(soak.visits),
            "endings": dict(endings),
            "therapist_visits": sum(1 for v in soak.visits if v["therapist_before"]),
            "idle_resets": soak.idle_resets,
            "visit_kiosk_hours": sum(v["kiosk_end_s"] - v["kiosk_start_s"] for v in soak.visits) / 3600,
            "real_s": end["real_s"],
            "cpu_s": end["cpu_s"],
        },
        "baseline": {"visit": base["visit"], "kiosk_h": base["kiosk_h"]},
        "rss": {
            "start": samples[0]["rss_bytes"],
            "baseline": base["rss_bytes"],
            "end": last["rss_bytes"],
            "max_after_warm_up": max(s["rss_bytes"] for s in measured),
            "growth": growth,
            "slope_per_hour": fit("rss_bytes"),
            "largest_step": step,
            "largest_step_visit": step_visit,
            "largest_step_after_therapist": any(
                v["therapist_before"] for v in soak.visits if v["visit"] == step_visit
            ),
            "goal_met": growth < GOAL_BYTES,
            "end_before_trim": end["rss_before_trim"],
            "end_after_malloc_trim": end["rss_after_trim"],
        },
        "malloc": {
            "in_use_growth": grown("malloc_in_use"),
            "in_use_slope_per_hour": fit("malloc_in_use") if base["malloc_in_use"] is not None else None,
            "free_kept_growth": grown("malloc_free_kept"),
        },
        "python": {
            "objects_growth": grown("python_objects"),
            "objects_slope_per_hour": fit("python_objects"),
            "blocks_growth": grown("python_blocks"),
            "top_growers": growers(soak.types["baseline"], soak.types["last"]),
        },
        "qt": {
            "qobjects": {"baseline": base["qobjects"], "end": last["qobjects"]},
            "app_children": {"baseline": base["app_children"], "end": last["app_children"]},
            "widgets": {"baseline": base["widgets"], "end": last["widgets"]},
            "top_level_widgets": {"baseline": base["top_level_widgets"], "end": last["top_level_widgets"]},
            "class_growers": growers(soak.classes["baseline"], soak.classes["last"]),
            "messages": dict(qt_messages.most_common(10)),
        },
        "history": {
            "baseline": h0,
            "end": h1,
            "sessions_written": h1["sessions"] - h0["sessions"],
            "steps_written": h1["steps"] - h0["steps"],
            "file_growth_bytes": h1["db_bytes"] + h1["wal_bytes"] - h0["db_bytes"] - h0["wal_bytes"],
            "sqlite_memory_growth": sqlite_growth,
            "sqlite_memory_end": last["sqlite_memory_used"],
            "page_cache_cap_bytes": cache_cap,
        },
        "samples": samples,
        "visits": soak.visits,
    }


def mb(n: float | None) -> str:
    return "-" if n is None else f"{n / 1e6:+.2f}"


def table(r: dict[str, Any]) -> str:
    m, p, run, rss = r["machine"], r["parameters"], r["run"], r["rss"]
    hist, py, qt = r["history"], r["python"], r["qt"]
    lines = [
        f"Python {m['python']}, PySide6 {m['pyside6']} ({m['qpa']}), SQLite {m['sqlite']}, "
        f"{m['cpus']} CPUs, {m['cpu_model']}",
        f"{run['kiosk_hours']:.2f} h of kiosk time at {p['speed']:g}x: {run['visits']} visits "
        f"({', '.join(f'{k} {v}' for k, v in run['endings'].items())}), {run['therapist_visits']} therapist, "
        f"{run['idle_resets']} idle resets; {run['real_s']:.0f} s real, {run['cpu_s']:.0f} s CPU",
        "",
        "T: the therapist unlocked the kiosk (the PIN) before that visit.",
        f"{'sample':<8} {'visit':>5} {'':1} {'kiosk h':>7} {'RSS MB':>8} {'Δ MB':>6} {'py objs':>8} "
        f"{'QObjects':>8} {'widgets':>7} {'heap MB':>8} {'sqlite MB':>9} {'sessions':>8} {'steps':>6}",
    ]
    base = next(s for s in r["samples"] if s["label"] == "warm-up" and s["visit"] == p["warm_up_visits"])
    therapist = {v["visit"] for v in r["visits"] if v["therapist_before"]}
    for s in r["samples"]:
        mark = "T" if s["visit"] in therapist else ""
        heap = "-" if s["malloc_in_use"] is None else f"{s['malloc_in_use'] / 1e6:.2f}"
        sql = "-" if s["sqlite_memory_used"] is None else f"{s['sqlite_memory_used'] / 1e6:.2f}"
        lines.append(
            f"{s['label']:<8} {s['visit']:>5} {mark:1} {s['kiosk_h']:>7.2f} {s['rss_bytes'] / 1e6:>8.2f} "
            f"{(s['rss_bytes'] - base['rss_bytes']) / 1e6:>+6.2f} {s['python_objects']:>8} "
            f"{s['qobjects']:>8} {s['widgets']:>7} {heap:>8} {sql:>9} "
            f"{s['history']['sessions']:>8} {s['history']['steps']:>6}"
        )
    lines += [
        "",
        f"RSS growth after the warm-up (visit {r['baseline']['visit']}, {r['baseline']['kiosk_h']:.2f} h) "
        f"to the end: {mb(rss['growth'])} MB; slope {mb(rss['slope_per_hour'])} MB/h; "
        f"goal < {p['goal_bytes'] / 1e6:g} MB: {'met' if rss['goal_met'] else 'MISSED'}",
        f"Largest step between two samples: {mb(rss['largest_step'])} MB, "
        f"at visit {rss['largest_step_visit']}"
        + (" (the therapist's PIN was checked before it)" if rss["largest_step_after_therapist"] else ""),
        f"glibc heap in use: {mb(r['malloc']['in_use_growth'])} MB; free but kept: "
        f"{mb(r['malloc']['free_kept_growth'])} MB; RSS after malloc_trim at the end: "
        f"{rss['end_after_malloc_trim'] / 1e6:.2f} MB (before: {rss['end_before_trim'] / 1e6:.2f})",
        f"History: {hist['sessions_written']} sessions and {hist['steps_written']} step rows written; "
        f"file + WAL {mb(hist['file_growth_bytes'])} MB; SQLite heap {mb(hist['sqlite_memory_growth'])} MB "
        f"({(hist['sqlite_memory_end'] or 0) / 1e6:.2f} MB in all; its page cache holds at most "
        f"{hist['page_cache_cap_bytes'] / 1e6:.2f} MB: the smaller of its limit, "
        f"{hist['end']['cache_limit_bytes'] / 1e6:.2f} MB, and the file's {hist['end']['pages']} pages)",
        f"Python objects: {py['objects_growth']:+d} ({py['objects_slope_per_hour']:+.0f}/h), "
        f"allocated blocks {py['blocks_growth']:+d}",
        "  top growers: "
        + (", ".join(f"{g['type']} {g['growth']:+d}" for g in py["top_growers"][:8]) or "none"),
        f"QObjects {qt['qobjects']['baseline']} -> {qt['qobjects']['end']}, app children "
        f"{qt['app_children']['baseline']} -> {qt['app_children']['end']}, widgets "
        f"{qt['widgets']['baseline']} -> {qt['widgets']['end']}, top-level "
        f"{qt['top_level_widgets']['baseline']} -> {qt['top_level_widgets']['end']}",
        "  class growers: "
        + (", ".join(f"{g['type']} {g['growth']:+d}" for g in qt["class_growers"]) or "none"),
    ]
    if qt["messages"]:
        lines.append("Qt messages: " + "; ".join(f"{n}x {text}" for text, n in qt["messages"].items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--hours", type=float, default=8.0, help="hours of kiosk time (8)")
    parser.add_argument("--speed", type=float, default=400.0, help="session clock speed-up (400)")
    parser.add_argument("--idle-minutes", type=float, default=2.0, help="the kiosk's idle time (2)")
    parser.add_argument(
        "--therapist-every",
        type=int,
        default=8,
        help="the therapist unlocks before every Nth visit; 0: never (8)",
    )
    args = parser.parse_args(argv)
    if args.hours <= 0 or args.speed <= 0 or not 0.5 <= args.idle_minutes <= 120 or args.therapist_every < 0:
        parser.error(
            "--hours and --speed must be more than 0, --idle-minutes 0.5 to 120, --therapist-every 0 or more"
        )
    if not Path("/proc/self/status").exists():
        parser.error("needs Linux (/proc/self/status)")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a full-screen window on the desktop
    QLoggingCategory.setFilterRules("\n".join(QT_QUIET_RULES))
    qt_messages: Counter[str] = Counter()

    def on_message(_kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
        qt_messages[text] += 1

    install_message_handler(on_message)
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("sitimer")
    qapp.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="sitimer-soak-") as folder:
        data = Path(folder)
        prepare(data, args.idle_minutes)
        soak = Soak(qapp, data, args)
        qapp.exec()
        if soak.error is not None:
            raise soak.error
        end = soak.finish()
        result = summarise(soak, end, args, qt_messages)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0 if result["rss"]["goal_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
