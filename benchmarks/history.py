"""Benchmark: the adherence history at scale, 1,000,000 sessions in one SQLite file.

The data: a practice kiosk used for five years (2021-11-22 to 2026-11-20) by 5,000
patients (``--profiles``), each with a patient code (the store's ``profile``) and one
bundled programme (55 % ``si-gewricht``, 2 a day; 45 % ``si-blokkade-herstel``, at
least 3 a day), together 1,000,000 sessions (``--sessions``). Sessions per patient are
log-normal (median 143; the busiest 2,500, the cap, over 2.4 years); each patient keeps
to the prescription on 55-97 % of days (other days one or two fewer, none, or one more)
at morning, midday and evening times (Dutch local time, DST included). Of the sessions
88 % are completed, 8 % stopped, 3.5 % interrupted and 0.5 % simulated demonstrations;
pain after is given for 85 % of the rated ones, effort for 85 %, pain before for 40 %,
a note for 8 %. Every session has a step row for each exercise step it finished, as the
recorder writes them (15 for ``si-gewricht``, 10 for ``si-blokkade-herstel``; a stopped
or interrupted session only its first ones; 3 % skipped): 12.0 million step rows. Rows
are in the order a kiosk writes them: sessions by start time, each session's steps
together, so one patient's rows are spread over the whole file.

How it is built (once; kept in ``--db``, default ``<tmp>/sitimer-bench-history/``;
``--rebuild`` builds it again): ``HistoryStore(path)`` creates the file, so the real
migrations make the schema and both indexes; then one plain ``sqlite3`` connection
loads it in transactions of 50,000 sessions: the sessions rows (made in Python, seeded)
with ``executemany``, their step rows with one ``INSERT ... SELECT`` that SQLite
computes from the plans' exercise steps in a temporary table (generating 12 million
rows in Python took 7 µs a row, too slow). ``journal_mode=OFF`` and
``synchronous=OFF`` during the bulk load only; at the end the file goes back to WAL and
is fsync-ed, so no write-back of the build disturbs the commits timed later. The
indexes are filled as rows come, as in real use. No ``ANALYZE`` (the app never runs
it). A JSON file next to the database records how it was built.

What is timed, with ``perf_counter`` around each call, on the real ``HistoryStore``
opened on the big file (WAL, ``synchronous=FULL``: its own settings), after a few
untimed repetitions, ``--repeat`` times each, for a patient drawn at random every
repetition and, separately, the busiest patient every repetition:

1. the history view's data: ``store.sessions(profile=code, since=...)`` with the
   view's own ``since`` (computed as ``HistoryView`` does, with ``today`` the day of
   the patient's last session), filtered to the programme, plus
   ``store.done_by_exercise`` of those ids; and the whole history of the patient:
   ``store.sessions(profile=code)`` plus ``done_by_exercise`` of all its ids (what
   the PDF report loads);
2. the adherence summary on the data of 1: what the view computes (``adherence``: the
   days, this week's ``percent`` and the ``streak``; ``dose_percent``), on its own
   ("compute only") and together with the queries of 1 ("with query");
3. recording, each its own durable commit: ``begin``, ``add_step`` for every exercise
   step of the session, ``end`` and ``rate``, for ``--record`` sessions under a patient
   code of their own (deleted again afterwards);
4. not a goal, but what the app does before each session and each progress view:
   opening the store (``HistoryStore(path)``: its ``PRAGMA quick_check`` reads the
   whole file), ``--opens`` times, and ``recover()`` after each open. ``--cold`` adds
   one open with the file first dropped from the OS page cache (as after a reboot).

Reported: median, p95 and max in ms; a goal counts as met when the p95 is within it.
Also the query plans (``EXPLAIN QUERY PLAN``) of the statements the store sends, and
the median cost of one 4 KiB write + fsync next to the database, measured just before
the recording (a durable commit waits for at least one).

Run: ``.venv/bin/python benchmarks/history.py`` for a table, ``--json`` for every
figure. The first run builds the database: about 90 s and 1.7 GB of disk.

On a practice's PostgreSQL server: ``--url postgresql://owner@host/database`` (or ``--url
auto``, a private server started for the run) copies the same sessions there and times the
therapist's overview and a station's step sent instead (benchmarks/history_server.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from sitimer.core.history import adherence
from sitimer.core.history.rows import ExerciseDone, SessionRow, StepRecord
from sitimer.core.history.store import HistoryStore, stamp
from sitimer.core.paths import bundled_programmes
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import Plan, build_plan
from sitimer.core.session.recorder import session_start

FORMAT = 1  # bump when the generated data changes: a cached database of another format is rebuilt
SEED = 20261121
FIRST_DAY = date(2021, 11, 22)
LAST_DAY = date(2026, 11, 20)
CHUNK = 50_000  # sessions per bulk transaction
MIN_SESSIONS = 6  # per patient
MAX_SESSIONS = 2_500
SHARE_GEWRICHT = 0.55
NOTES = (
    "Stijf na het opstaan",
    "Minder pijn dan gisteren",
    "Rechterkant gevoelig",
    "Na het fietsen beter",
    "Moe vandaag",
    "Lange dag gestaan",
)
# Local start windows (first minute, minutes wide) of a day's sessions, per sessions a day.
SLOTS = {
    2: ((7 * 60, 150), (18 * 60, 210)),
    3: ((7 * 60, 150), (12 * 60, 120), (18 * 60 + 30, 180)),
}
EXTRA_SLOT = (16 * 60, 60)  # a session more than prescribed
REST_S = 30  # between two exercise steps, for the step rows' ended_at
GOALS_MS = {"view": 100.0, "summary": 50.0, "add_step": 5.0}
RECORD_PROFILE = "BENCH-RECORDING"
WARM_UP = 5


# -- the data ------------------------------------------------------------------
@dataclass(frozen=True)
class Template:
    """What every session of one programme records, from the real plan."""

    plan: Plan
    programme: str
    title: str
    hash: str
    per_day_min: int
    per_day_max: int
    steps_planned: int
    dose_json: str
    steps: tuple[tuple[int, str, str | None, int | None, str | None, int | None, float], ...]


def templates() -> list[Template]:
    """The two bundled programmes, as ``session_start`` and the recorder see them."""
    out = []
    for path in bundled_programmes():
        plan = build_plan(load_file(path))
        start = session_start(plan, simulated=False)
        steps = tuple(
            (s.index, s.kind.value, s.exercise, s.set, s.side, s.reps, float(s.planned_s))
            for s in plan.steps
            if s.is_exercise
        )
        out.append(
            Template(
                plan,
                start.programme,
                start.programme_title,
                start.programme_hash,
                start.per_day_min,
                start.per_day_max,
                start.steps_planned,
                json.dumps(start.dose_planned),
                steps,
            )
        )
    return sorted(out, key=lambda t: t.programme != "si-gewricht")  # si-gewricht first


def last_sunday(year: int, month: int) -> date:
    """The last Sunday of a month of 31 days (March, October)."""
    end = date(year, month, 31)
    return end - timedelta(days=(end.weekday() + 1) % 7)


def dutch_offset_min(day: date) -> int:
    """Minutes east of UTC in the Netherlands on ``day``: CEST from March's last Sunday to October's."""
    return 120 if last_sunday(day.year, 3) <= day < last_sunday(day.year, 10) else 60


def patient_codes(rng: random.Random, count: int) -> list[str]:
    """Distinct patient codes such as ``K7Q2MX``."""
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    codes: set[str] = set()
    while len(codes) < count:
        codes.add("".join(rng.choice(letters) for _ in range(6)))
    return sorted(codes)


def session_counts(rng: random.Random, total: int, profiles: int) -> list[int]:
    """Sessions per patient: log-normal, at least ``MIN_SESSIONS``, summing to ``total`` exactly."""
    weights = [rng.lognormvariate(0.0, 0.8) for _ in range(profiles)]
    scale = total / sum(weights)
    counts = [min(MAX_SESSIONS, max(MIN_SESSIONS, round(w * scale))) for w in weights]
    diff = total - sum(counts)
    while diff:
        i = rng.randrange(profiles)
        if diff > 0 and counts[i] < MAX_SESSIONS:
            counts[i] += 1
            diff -= 1
        elif diff < 0 and counts[i] > MIN_SESSIONS:
            counts[i] -= 1
            diff += 1
    return counts


def day_plan(rng: random.Random, count: int, per_day: int) -> list[int]:
    """Sessions on each day of a patient's programme, until ``count`` are done."""
    keep = rng.uniform(0.55, 0.97)
    days: list[int] = []
    left = count
    while left > 0:
        roll = rng.random()
        if roll < keep:
            k = per_day
        else:  # off the prescription: one fewer (55 %), none (20 %), two fewer (15 %), one more (10 %)
            miss = (roll - keep) / (1 - keep)
            k = next(
                n
                for limit, n in ((0.55, per_day - 1), (0.75, 0), (0.9, per_day - 2), (2, per_day + 1))
                if miss < limit
            )
        k = min(max(k, 0), left)
        days.append(k)
        left -= k
    return days


Row = tuple[Any, ...]


def generate(total: int, profiles: int, tpl: list[Template]) -> tuple[list[Row], dict[str, Any]]:
    """Every session (oldest first) and per patient what the benchmark needs to know."""
    rng = random.Random(SEED)
    codes = patient_codes(rng, profiles)
    counts = session_counts(rng, total, profiles)
    span = (LAST_DAY - FIRST_DAY).days + 1
    epoch = date(1970, 1, 1)
    rows: list[Row] = []
    patients: dict[str, Any] = {}
    for code, count in zip(codes, counts, strict=True):
        t_index = 0 if rng.random() < SHARE_GEWRICHT else 1
        t = tpl[t_index]
        days = day_plan(rng, count, t.per_day_min)
        first = FIRST_DAY + timedelta(days=rng.randrange(max(1, span - len(days) + 1)))
        pain_from, pain_to = rng.uniform(5, 8), rng.uniform(1, 4)
        for n, k in enumerate(days):
            if not k:
                continue
            day = first + timedelta(days=n)
            offset = dutch_offset_min(day)
            slots = list(SLOTS[t.per_day_min])
            chosen = sorted(rng.sample(slots, k)) if k <= len(slots) else sorted([*slots, EXTRA_SLOT])
            progress = n / max(1, len(days) - 1)
            for slot_start, width in chosen:
                local_s = (slot_start + rng.randrange(width)) * 60 + rng.randrange(60)
                start_s = (day - epoch).days * 86400 + local_s - offset * 60
                roll = rng.random()
                status, simulated = (
                    ("completed", 0)
                    if roll < 0.88
                    else ("stopped", 0)
                    if roll < 0.96
                    else ("interrupted", 0)
                    if roll < 0.995
                    else ("completed", 1)
                )
                rated = status != "interrupted" and not simulated
                pain_now = pain_from + (pain_to - pain_from) * progress + rng.gauss(0, 1)
                pain = min(10, max(0, round(pain_now))) if rated and rng.random() < 0.85 else None
                effort = min(10, max(0, round(rng.gauss(4, 1.5)))) if rated and rng.random() < 0.85 else None
                before = (
                    min(10, pain + rng.choice((0, 1, 1, 2)))
                    if pain is not None and rng.random() < 0.4
                    else None
                )
                note = rng.choice(NOTES) if rated and rng.random() < 0.08 else None
                rows.append(
                    (
                        start_s,
                        rng.randrange(1_000_000),
                        code,
                        t_index,
                        offset,
                        status,
                        simulated,
                        before,
                        pain,
                        effort,
                        note,
                    )
                )
        patients[code] = {"programme": t.programme, "sessions": count}
    rows.sort()
    return rows, patients


class Stamps:
    """``stamp()``'s text for whole seconds since 1970 plus microseconds, quickly."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def __call__(self, seconds: int, micro: int) -> str:
        day, rest = divmod(seconds, 86400)
        prefix = self._days.get(day)
        if prefix is None:
            prefix = self._days[day] = (date(1970, 1, 1) + timedelta(days=day)).isoformat()
        h, rest = divmod(rest, 3600)
        m, s = divmod(rest, 60)
        return f"{prefix}T{h:02d}:{m:02d}:{s:02d}.{micro:06d}Z"


def steps_done(sid: int, status: str, planned: int) -> int:
    """Exercise steps a session finished: all when completed, else 1 to all but one (fixed by its id)."""
    return planned if status == "completed" else 1 + (sid * 7919) % (planned - 1)


def pace(sid: int) -> float:
    """How much slower than planned a session went, 1.00 to 1.24 (fixed by its id)."""
    return 1 + (sid % 25) / 100


def session_row(sid: int, row: Row, tpl: list[Template], fmt: Stamps) -> Row:
    """The sessions row of one generated session."""
    start_s, micro, code, t_index, offset, status, simulated, before, pain, effort, note = row
    t = tpl[t_index]
    done = steps_done(sid, status, len(t.steps))
    ends = sum(planned_s + REST_S for *_, planned_s in t.steps[:done])
    return (
        sid,
        code,
        t.programme,
        t.title,
        t.hash,
        t.per_day_min,
        t.per_day_max,
        fmt(start_s, micro),
        offset,
        fmt(start_s + round(ends * pace(sid)) + 10, micro),
        status,
        simulated,
        t.steps_planned,
        t.dose_json,
        before,
        pain,
        effort,
        note,
    )


SESSION_INSERT = (
    "INSERT INTO sessions (id, profile, programme, programme_title, programme_hash, per_day_min, per_day_max,"
    " started_at, utc_offset_min, ended_at, status, simulated, steps_planned, dose_planned, pain_before,"
    " pain, effort, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# The plans' exercise steps, one row each, in a temporary table of the bulk-load connection.
PLAN_STEPS = (
    "CREATE TEMP TABLE plan_steps (programme TEXT, ord INTEGER, total INTEGER, step INTEGER, kind TEXT,"
    " exercise TEXT, set_no INTEGER, side TEXT, reps INTEGER, planned_s REAL, end_s REAL,"
    " PRIMARY KEY (programme, ord))"
)
# The step rows of sessions ?1 to ?2, in the order the recorder writes them, made by SQLite itself
# (Python would need 10 µs a row). ``h`` is a fixed pseudo-random number per step row: 3 % are
# skipped (done for 5-60 % of the planned time), the rest take 95-125 % of it; a stopped session's
# last step is skipped. ``steps_done`` and ``pace`` above are the same formulas.
STEPS_FROM_SESSIONS = """
INSERT INTO steps (session_id, step, kind, exercise, set_no, side, reps, seconds, skipped, ended_at)
SELECT id, step, kind, exercise, set_no, side,
       CASE WHEN reps IS NULL OR kind != 'work' THEN NULL
            WHEN skip THEN CAST(reps * frac AS INTEGER) ELSE reps END,
       round(planned_s * frac, 3), skip,
       replace(datetime(unixepoch(started_at) + round(end_s * (1 + (id % 25) / 100.0)), 'unixepoch'),
               ' ', 'T') || substr(started_at, 20)
FROM (
    SELECT *, CASE WHEN skip THEN 0.05 + h % 550 / 1000.0 ELSE 0.95 + h % 300 / 1000.0 END AS frac
    FROM (
        SELECT *, (h % 100 < 3 OR (status = 'stopped' AND ord = (id * 7919) % (total - 1))) AS skip
        FROM (
            SELECT s.id, s.started_at, s.status, p.*, (s.id * 2654435761 + p.ord * 40503) % 100003 AS h
            FROM sessions s JOIN plan_steps p ON p.programme = s.programme
            WHERE s.id BETWEEN ?1 AND ?2
              AND p.ord < CASE s.status WHEN 'completed' THEN p.total
                                        ELSE 1 + (s.id * 7919) % (p.total - 1) END
        )
    )
)
ORDER BY id, ord
"""


def db_files(db: Path) -> list[Path]:
    """The database and what SQLite and the store keep next to it."""
    return [db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal", ".lock"))]


def build(db: Path, total: int, profiles: int, tpl: list[Template]) -> dict[str, Any]:
    """Make the database from nothing; returns what the sidecar records."""
    for path in [*db_files(db), sidecar(db)]:
        path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    HistoryStore(db).close()  # the real migrations make the schema and its indexes
    rows, patients = generate(total, profiles, tpl)
    t1 = time.perf_counter()
    fmt = Stamps()
    con = sqlite3.connect(db, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=OFF")  # bulk load only: the store reopens it in WAL
        con.execute("PRAGMA synchronous=OFF")  # bulk load only: the store uses FULL
        con.execute("PRAGMA cache_size=-400000")  # 400 MB while loading
        con.execute(PLAN_STEPS)
        con.executemany(
            "INSERT INTO plan_steps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (t.programme, ord_, len(t.steps), *step, sum(s[-1] + REST_S for s in t.steps[: ord_ + 1]))
                for t in tpl
                for ord_, step in enumerate(t.steps)
            ],
        )
        for first in range(0, len(rows), CHUNK):
            chunk = rows[first : first + CHUNK]
            con.execute("BEGIN")
            con.executemany(
                SESSION_INSERT,
                (session_row(n, row, tpl, fmt) for n, row in enumerate(chunk, start=first + 1)),
            )
            con.execute(STEPS_FROM_SESSIONS, (first + 1, first + len(chunk)))
            con.execute("COMMIT")
        con.execute("PRAGMA journal_mode=WAL")
        step_rows = con.execute("SELECT COUNT(*) FROM steps").fetchone()[0]
    finally:
        con.close()
    fd = os.open(db, os.O_RDONLY)
    try:
        os.fsync(fd)  # on disk before anything is timed: no write-back of the build slows the commits
    finally:
        os.close(fd)
    t2 = time.perf_counter()
    last: dict[str, Row] = {}
    for row in rows:
        last[row[2]] = row
    for code, row in last.items():
        start = datetime.fromtimestamp(row[0], UTC) + timedelta(minutes=row[4])
        patients[code]["last_day"] = start.date().isoformat()
    info = {
        "format": FORMAT,
        "sessions": total,
        "profiles": profiles,
        "step_rows": step_rows,
        "generate_s": round(t1 - t0, 1),
        "insert_s": round(t2 - t1, 1),
        "build_s": round(t2 - t0, 1),
        "file_bytes": db.stat().st_size,
        "built": datetime.now(UTC).isoformat(timespec="seconds"),
        "patients": patients,
    }
    sidecar(db).write_text(json.dumps(info))
    return info


def sidecar(db: Path) -> Path:
    """The JSON file that records how the database was built."""
    return db.with_name(db.name + ".json")


def cached(db: Path, total: int, profiles: int) -> dict[str, Any] | None:
    """The sidecar of a database built with these settings, or None."""
    try:
        info: dict[str, Any] = json.loads(sidecar(db).read_text())
    except (OSError, ValueError):
        return None
    same = (info.get("format"), info.get("sessions"), info.get("profiles")) == (FORMAT, total, profiles)
    return info if same and db.exists() else None


# -- timing --------------------------------------------------------------------
def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def stats(samples: list[float]) -> dict[str, float]:
    """Count, median, p95 and max of samples in seconds, in milliseconds."""
    return {
        "n": len(samples),
        "median_ms": statistics.median(samples) * 1e3,
        "p95_ms": percentile(samples, 95) * 1e3,
        "max_ms": max(samples) * 1e3,
    }


def view_window(today: date) -> tuple[date, date, str]:
    """The Monday of ``today``'s week, the view's first day and its ``since``, as ``HistoryView``."""
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(days=21)
    since = datetime.combine(first - timedelta(days=1), clock_time()).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return monday, first, since


def view_data(
    store: HistoryStore, code: str, programme: str, since: str
) -> tuple[list[SessionRow], dict[str, ExerciseDone]]:
    """What ``HistoryView`` loads: the patient's sessions since ``since`` of one programme, and the dose."""
    sessions = [s for s in store.sessions(profile=code, since=since) if s.programme == programme]
    return sessions, store.done_by_exercise([s.id for s in sessions])


def whole_history(store: HistoryStore, code: str) -> tuple[list[SessionRow], dict[str, ExerciseDone]]:
    """Every session of the patient and the dose of all of them (what the report loads)."""
    sessions = store.sessions(profile=code)
    return sessions, store.done_by_exercise([s.id for s in sessions])


def figures(
    sessions: list[SessionRow], done: dict[str, ExerciseDone], today: date, per_day: int
) -> dict[str, Any]:
    """The adherence figures the history view shows, computed as it does."""
    monday, first, _ = view_window(today)
    kept = adherence.adherence(sessions, per_day, first, monday + timedelta(days=6), today)
    planned = sessions[-1].planned_dose() if sessions else {}
    prescribed = sum(d.due for d in kept.days if d.day <= today)  # today: as far as done
    return {
        "week": kept.week_percent,
        "streak": kept.streak_days,
        "dose": adherence.dose_percent(done, planned, max(1, prescribed)),
    }


def bench_queries(
    store: HistoryStore, info: dict[str, Any], tpl: list[Template], repeat: int
) -> dict[str, Any]:
    """History view data, whole history and adherence summary, for random patients and the busiest."""
    patients = info["patients"]
    per_day = {t.programme: t.per_day_min for t in tpl}
    codes = sorted(patients)
    busiest = max(codes, key=lambda c: patients[c]["sessions"])
    rng = random.Random(SEED + 2)
    out: dict[str, Any] = {"busiest_patient": {"code": busiest, **patients[busiest]}}
    for who in ("random", "busiest"):
        picks = [busiest if who == "busiest" else rng.choice(codes) for _ in range(repeat + WARM_UP)]
        view: list[float] = []
        compute: list[float] = []
        whole: list[float] = []
        sizes: list[int] = []
        step_rows: list[int] = []
        whole_sizes: list[int] = []
        for n, code in enumerate(picks):
            p = patients[code]
            today = date.fromisoformat(p["last_day"])
            since = view_window(today)[2]
            t0 = time.perf_counter()
            sessions, done = view_data(store, code, p["programme"], since)
            t1 = time.perf_counter()
            figures(sessions, done, today, per_day[p["programme"]])
            t2 = time.perf_counter()
            everything, _ = whole_history(store, code)
            t3 = time.perf_counter()
            if n < WARM_UP:
                continue
            view.append(t1 - t0)
            compute.append(t2 - t1)
            whole.append(t3 - t2)
            sizes.append(len(sessions))
            step_rows.append(sum(s.steps_done for s in sessions))
            whole_sizes.append(len(everything))
        out[who] = {
            "view": stats(view),
            "summary_compute": stats(compute),
            "summary_with_query": stats([a + b for a, b in zip(view, compute, strict=True)]),
            "whole_history": stats(whole),
            "view_sessions_median": statistics.median(sizes),
            "view_steps_done_median": statistics.median(step_rows),
            "whole_sessions_median": statistics.median(whole_sizes),
            "whole_sessions_max": max(whole_sizes),
        }
    return out


def bench_recording(store: HistoryStore, tpl: list[Template], count: int) -> dict[str, Any]:
    """begin, add_step for every exercise step, end and rate, each its own durable commit."""
    samples: dict[str, list[float]] = {"begin": [], "add_step": [], "end": [], "rate": []}

    def timed(name: str, keep: bool, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        result = call(*args, **kwargs)
        if keep:
            samples[name].append(time.perf_counter() - t0)
        return result

    for n in range(count + 1):  # the first session is a warm-up
        keep = n > 0
        t = tpl[n % len(tpl)]
        start = session_start(t.plan, simulated=False, profile=RECORD_PROFILE)
        sid = timed("begin", keep, store.begin, start)
        for step, kind, exercise, set_no, side, reps, planned_s in t.steps:
            record = StepRecord(
                step, kind, exercise, set_no, side, reps, planned_s, False, stamp(store.now())
            )
            timed("add_step", keep, store.add_step, sid, record)
        timed("end", keep, store.end, sid, "completed")
        timed("rate", keep, store.rate, sid, pain=3, effort=4, note=None)
    return {name: stats(values) for name, values in samples.items()}


def remove_recorded(db: Path) -> None:
    """Take the benchmark's own recorded sessions out again, so the cached database stays as built."""
    con = sqlite3.connect(db, isolation_level=None)
    try:
        con.execute("BEGIN")
        ids = "SELECT id FROM sessions WHERE profile = ?"
        con.execute(f"DELETE FROM steps WHERE session_id IN ({ids})", (RECORD_PROFILE,))
        con.execute("DELETE FROM sessions WHERE profile = ?", (RECORD_PROFILE,))
        con.execute("COMMIT")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def query_plans(store: HistoryStore, info: dict[str, Any]) -> dict[str, list[str]]:
    """``EXPLAIN QUERY PLAN`` of each statement the store runs for the measures above."""
    patients = info["patients"]
    code = max(patients, key=lambda c: patients[c]["sessions"])
    statements: list[str] = []
    db = store._db  # the store's own connection: its statements, exactly as it sends them
    db.set_trace_callback(statements.append)
    try:
        sessions, _ = view_data(store, code, patients[code]["programme"], view_window(date(2026, 11, 20))[2])
        store.done_by_exercise([s.id for s in sessions] or [0])
        store.recover()
    finally:
        db.set_trace_callback(None)
    names = ("sessions(profile, since)", "done_by_exercise", "recover")
    wanted = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "UPDATE"))]
    plans = {}
    for name, sql in zip(names, wanted, strict=False):
        rows = db.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        plans[name] = [row[3] for row in rows]
    return plans


def drop_from_page_cache(db: Path) -> bool:
    """Ask the kernel to forget its cached pages of the file (as after a reboot); False if it can't."""
    if not hasattr(os, "posix_fadvise"):
        return False
    fd = os.open(db, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    return True


def bench_open(db: Path, times: int, cold: bool) -> dict[str, Any]:
    """Opening the store (its quick_check reads the whole file) and ``recover()``; once cold if asked."""
    samples: dict[str, list[float]] = {"open": [], "recover": [], "open_cold": []}
    runs = ["open_cold"] if cold and drop_from_page_cache(db) else []
    for name in [*runs, *["open"] * times]:
        t0 = time.perf_counter()
        store = HistoryStore(db)
        t1 = time.perf_counter()
        store.recover()
        t2 = time.perf_counter()
        store.close()
        samples[name].append(t1 - t0)
        samples["recover"].append(t2 - t1)
    return {name: stats(values) for name, values in samples.items() if values}


# -- the run -------------------------------------------------------------------
def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what the platform says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fsync_ms(folder: Path, times: int = 50) -> float:
    """Median cost of writing 4 KiB and fsync-ing it in ``folder``: what a durable commit waits for."""
    fd, name = tempfile.mkstemp(dir=folder)
    samples = []
    try:
        for _ in range(times):
            os.write(fd, b"\0" * 4096)
            t0 = time.perf_counter()
            os.fsync(fd)
            samples.append(time.perf_counter() - t0)
    finally:
        os.close(fd)
        os.unlink(name)
    return statistics.median(samples) * 1e3


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Build or reuse the database, then every measure."""
    db: Path = args.db
    db.parent.mkdir(parents=True, exist_ok=True)
    tpl = templates()
    info = None if args.rebuild else cached(db, args.sessions, args.profiles)
    built_now = info is None
    if info is None:
        info = build(db, args.sessions, args.profiles, tpl)
    opening = bench_open(db, args.opens, args.cold)
    store = HistoryStore(db)
    try:
        counts = store._db.execute(
            "SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM steps)"
        ).fetchone()
        settings = {
            name: store._db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous")
        }
        plans = query_plans(store, info)
        queries = bench_queries(store, info, tpl, args.repeat)
        flush_ms = fsync_ms(db.parent)  # what each durable commit below waits for, at least
        recording = bench_recording(store, tpl, args.record)
    finally:
        store.close()
        remove_recorded(db)
    per_patient = sorted(p["sessions"] for p in info["patients"].values())
    return {
        "machine": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "cpu_model": cpu_model(),
            "fsync_4k_median_ms": flush_ms,
        },
        "database": {
            "path": str(db),
            "built_now": built_now,
            "sessions": counts[0],
            "step_rows": counts[1],
            "profiles": info["profiles"],
            "sessions_per_patient": {
                "median": statistics.median(per_patient),
                "p95": percentile([float(n) for n in per_patient], 95),
                "max": per_patient[-1],
            },
            "build_s": info["build_s"],
            "generate_s": info["generate_s"],
            "insert_s": info["insert_s"],
            "file_mb": round(db.stat().st_size / 1e6),
        },
        "repeat": args.repeat,
        "recorded_sessions": args.record,
        "goals_ms": GOALS_MS,
        "store_settings": settings,
        "opening": opening,
        "queries": queries,
        "recording": recording,
        "query_plans": plans,
    }


def row(name: str, s: dict[str, float], goal: float | None = None) -> str:
    """One line of the table."""
    verdict = "" if goal is None else ("met" if s["p95_ms"] <= goal else "MISSED") + f" (≤ {goal:g})"
    return f"{name:<44} {s['median_ms']:>9.2f} {s['p95_ms']:>9.2f} {s['max_ms']:>9.2f}  {verdict}"


def table(result: dict[str, Any]) -> str:
    """The figures as a compact text table."""
    m, d, q, r = result["machine"], result["database"], result["queries"], result["recording"]
    busy = q["busiest_patient"]
    lines = [
        f"Python {m['python']}, SQLite {m['sqlite']}, {m['cpus']} CPUs, {m['cpu_model']}; "
        f"fsync of 4 KiB {m['fsync_4k_median_ms']:.2f} ms",
        f"{d['sessions']:,} sessions, {d['step_rows']:,} step rows, {d['profiles']:,} patients "
        f"(sessions each: median {d['sessions_per_patient']['median']:.0f}, "
        f"max {d['sessions_per_patient']['max']:,}); {d['file_mb']:,} MB; "
        + (
            f"built now in {d['build_s']:.0f} s"
            if d["built_now"]
            else f"cached (built in {d['build_s']:.0f} s)"
        ),
        f"repeat {result['repeat']} (a random patient each time; the busiest: {busy['code']}, "
        f"{busy['sessions']:,} sessions), recorded sessions {result['recorded_sessions']}",
        "",
        f"{'ms':<44} {'median':>9} {'p95':>9} {'max':>9}  goal (p95)",
    ]
    goals = result["goals_ms"]
    for who in ("random", "busiest"):
        w = q[who]
        lines += [
            f"{who} patient: {w['view_sessions_median']:.0f} sessions and {w['view_steps_done_median']:.0f} "
            f"steps in the view; {w['whole_sessions_median']:.0f} in all (median)",
            row("  1. history view data (sessions + dose)", w["view"], goals["view"]),
            row("     whole history (sessions + dose)", w["whole_history"]),
            row("  2. adherence summary, compute only", w["summary_compute"], goals["summary"]),
            row("     adherence summary, with query", w["summary_with_query"], goals["summary"]),
        ]
    st = result["store_settings"]
    lines.append(
        "3. recording, each a durable commit "
        f"(journal_mode={st['journal_mode']}, synchronous={st['synchronous']}: 2 is FULL)"
    )
    lines += [
        row(f"  {name}", r[name], goals["add_step"] if name == "add_step" else None)
        for name in ("begin", "add_step", "end", "rate")
    ]
    o = result["opening"]
    lines += [
        "4. opening, before each session and progress view (not goals)",
        row("  HistoryStore() open (quick_check)", o["open"]),
        *([row("  HistoryStore() open, file not cached", o["open_cold"])] if "open_cold" in o else []),
        row("  recover()", o["recover"]),
        "",
        "Query plans:",
    ]
    for name, plan in result["query_plans"].items():
        lines.append(f"  {name}: " + " | ".join(plan))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default_db = Path(tempfile.gettempdir()) / "sitimer-bench-history" / "history.db"
    parser.add_argument("--db", type=Path, default=default_db, help=f"database file, kept ({default_db})")
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--sessions", type=int, default=1_000_000, help="sessions in the database (1000000)")
    parser.add_argument("--profiles", type=int, default=5_000, help="patients (5000)")
    parser.add_argument("--repeat", type=int, default=300, help="repetitions per query measure (300)")
    parser.add_argument("--record", type=int, default=40, help="sessions recorded (40)")
    parser.add_argument("--opens", type=int, default=3, help="times the store is opened (3)")
    parser.add_argument(
        "--cold", action="store_true", help="also open once with the file out of the OS page cache (Linux)"
    )
    parser.add_argument(
        "--url", help="a practice's PostgreSQL server, the database owner's postgresql://… URL, or auto"
    )
    parser.add_argument("--steps", type=int, default=200, help="with --url: steps sent, each timed (200)")
    args = parser.parse_args(argv)
    if min(args.repeat, args.record, args.opens, args.profiles, args.steps) < 1:
        parser.error("--repeat, --record, --opens, --profiles and --steps must be at least 1")
    if args.sessions < MIN_SESSIONS * args.profiles or args.sessions > MAX_SESSIONS * args.profiles:
        parser.error(f"--sessions must be {MIN_SESSIONS}–{MAX_SESSIONS} times --profiles")
    if args.url:
        return on_server(args)
    result = run(args)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


def on_server(args: argparse.Namespace) -> int:
    """``--url``: the SQLite file built or reused as the source, then the server's measures."""
    import history_server  # the benchmarks folder: psycopg only when a server is measured

    args.db.parent.mkdir(parents=True, exist_ok=True)
    tpl = templates()
    if cached(args.db, args.sessions, args.profiles) is None:
        build(args.db, args.sessions, args.profiles, tpl)
    options = {"rebuild": args.rebuild, "repeat": args.repeat, "steps": args.steps}
    result = history_server.run(args.url, args.db, tpl[0].plan, options, stats)
    print(json.dumps(result, indent=2) if args.json else history_server.table(result, row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
