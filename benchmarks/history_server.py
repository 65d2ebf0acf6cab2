"""The history benchmark on a practice's PostgreSQL server: ``benchmarks/history.py --url URL``.

The same 1,000,000 sessions and their step rows as the SQLite file of ``history.py`` (built or
reused first), copied into the server once: ``sitimer practice init``'s schema (``init(URL)``,
so the URL is the database owner's), the sessions and steps with ``COPY`` through psycopg, each
with a random UUID as a station makes them, from three stations; every patient code in
``sitimer.codes``. The trigger that keeps the overview's tallies is off during the copy; the
tallies are then made once with the schema's own statement (``tallies.REBUILD``), and the tables
analysed (as autovacuum would). A server that already holds the data is reused (``--rebuild``
copies it again).

Timed, with ``perf_counter``, on accounts made for the run (``practice account``):

1. the therapist's overview, ``overview(therapist_url, 2026-11-20)`` (the data's last day),
   connection included, ``--repeat`` times after a few untimed; beside it, only connecting;
2. a station's step sent: a station's own history (a new SQLite file, ``HistoryStore`` with its
   own settings) records sessions of ``si-gewricht`` under a code of its own; after each step's
   ``add_step`` has returned (the step committed), ``sender.send`` puts it on the server, on a new
   connection as the station's link does. Timed: from the commit to ``send`` returning, for
   ``--steps`` steps after one untimed session. The code's sessions are taken off the server again.

``--url auto`` starts a private server (tests/helpers/pg_server.py: TCP on 127.0.0.1 with TLS,
``verify-full`` against a CA made for it, commits that wait for the disk) and removes it after.
"""

from __future__ import annotations

import itertools
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from sitimer.core.history.rows import StepRecord
from sitimer.core.history.store import HistoryStore, stamp
from sitimer.core.practice import server
from sitimer.core.practice.overview import overview
from sitimer.core.practice.sender import send
from sitimer.core.practice.tallies import REBUILD
from sitimer.core.session.recorder import session_start

GOALS_MS = {"overview": 200.0, "step_sent": 50.0}
TODAY = date(2026, 11, 20)  # the data's last day
STATIONS = ("kiosk-1", "kiosk-2", "pc-fysio")
RECORD_CODE = "BENCH-STATION"
WARM_UP = 3
SEED = 20261206
_SESSION_COLUMNS = (
    "profile, programme, programme_title, programme_hash, per_day_min, per_day_max, started_at,"
    " utc_offset_min, ended_at, status, simulated, steps_planned, dose_planned, pain_before, pain, effort,"
    " note, dose_share, rev"
)
_STEP_COLUMNS = "step, kind, exercise, set_no, side, reps, seconds, skipped, ended_at"


def with_login(url: str, user: str, password: str) -> str:
    """``url`` with another account in it."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{quote(user, safe='')}:{quote(password, safe='')}@{host}"))


@contextmanager
def practice_server(url: str) -> Iterator[str]:
    """The owner's URL: ``url`` itself, or for ``auto`` a private server started for the run."""
    if url != "auto":
        yield url
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.helpers.pg_server import PgServer, TestCA

    folder = Path(tempfile.mkdtemp(prefix="sitimer-bench-ca-"))
    authority = TestCA(folder)
    pg = PgServer(tcp=True, tls=authority.issue("localhost"), durable=True)
    try:
        with server.connected(pg.url()) as db:  # as a practice does: an owner who may make roles
            db.execute("CREATE ROLE bench_owner LOGIN CREATEROLE PASSWORD 'bench-owner-1'")
            db.execute("CREATE DATABASE practice OWNER bench_owner")
        yield pg.tls_url("practice", "bench_owner", "bench-owner-1", authority.cert)
    finally:
        pg.close()
        shutil.rmtree(folder, ignore_errors=True)


def load(url: str, source: Path, rebuild: bool) -> dict[str, Any]:
    """The SQLite file's sessions and steps on the server, copied now or found there; how."""
    server.init(url)
    with server.connected(url, "load the benchmark's sessions") as db:
        wanted = sqlite3.connect(source).execute("SELECT count(*) FROM sessions").fetchone()[0]
        have = db.execute("SELECT count(*) FROM sitimer.sessions").fetchone()[0]
        if have == wanted and not rebuild:
            return {"copied_now": False, "sessions": have}
        t0 = time.perf_counter()
        db.execute("TRUNCATE sitimer.steps, sitimer.sessions")
        db.execute("DELETE FROM sitimer.codes")
        db.execute("ALTER TABLE sitimer.sessions DISABLE TRIGGER session_counted")
        try:
            sessions, steps = _copy(db, source)
        finally:
            db.execute("ALTER TABLE sitimer.sessions ENABLE TRIGGER session_counted")
        t1 = time.perf_counter()
        with db.transaction():
            db.execute(REBUILD)
        t2 = time.perf_counter()
        db.execute("VACUUM ANALYZE")
        t3 = time.perf_counter()
    return {
        "copied_now": True,
        "sessions": sessions,
        "step_rows": steps,
        "copy_s": round(t1 - t0, 1),
        "tallies_s": round(t2 - t1, 1),
        "vacuum_analyze_s": round(t3 - t2, 1),
    }


def _copy(db: Any, source: Path) -> tuple[int, int]:
    """COPY the sessions (a UUID each, a station by turns), then their steps, then the codes."""
    rng = random.Random(SEED)
    local = sqlite3.connect(source)
    uuids: dict[int, uuid.UUID] = {}
    with db.transaction():
        columns = f"uuid, station, {_SESSION_COLUMNS}"
        with db.cursor().copy(f"COPY sitimer.sessions ({columns}) FROM STDIN") as copy:
            for row in local.execute(f"SELECT id, {_SESSION_COLUMNS} FROM sessions ORDER BY id"):
                uuids[row[0]] = uuid.UUID(int=rng.getrandbits(128), version=4)
                copy.write_row((uuids[row[0]], STATIONS[row[0] % len(STATIONS)], *row[1:]))
        steps = 0
        with db.cursor().copy(f"COPY sitimer.steps (uuid, session_uuid, {_STEP_COLUMNS}) FROM STDIN") as copy:
            for row in local.execute(f"SELECT session_id, {_STEP_COLUMNS} FROM steps ORDER BY id"):
                copy.write_row((uuid.UUID(int=rng.getrandbits(128), version=4), uuids[row[0]], *row[1:]))
                steps += 1
        codes = local.execute("SELECT profile, min(programme) FROM sessions GROUP BY profile").fetchall()
        with db.cursor().copy("COPY sitimer.codes (code, programmes, station) FROM STDIN") as copy:
            for code, programme in codes:
                copy.write_row((code, f'["{programme}"]', ""))
    local.close()
    return len(uuids), steps


def accounts(url: str) -> tuple[str, str]:
    """A therapist's and a station's account for the run: their URLs."""
    therapist, station = ("bench_therapist", "bench-therapist-1"), ("bench_station", "bench-station-1")
    server.add_account(url, *therapist, server.THERAPIST_ROLE)
    server.add_account(url, *station, server.STATION_ROLE)
    return with_login(url, *therapist), with_login(url, *station)


def bench_overview(url: str, repeat: int, stats: Any) -> dict[str, Any]:
    """The therapist's overview, connection included; and connecting alone."""
    timed: list[float] = []
    connecting: list[float] = []
    lines: list[Any] = []
    for n in range(repeat + WARM_UP):
        t0 = time.perf_counter()
        lines = overview(url, TODAY)
        t1 = time.perf_counter()
        with server.connected(url) as db:
            db.execute("SELECT 1")
        t2 = time.perf_counter()
        if n >= WARM_UP:
            timed.append(t1 - t0)
            connecting.append(t2 - t1)
    return {"overview": stats(timed), "connect": stats(connecting), "codes": len(lines)}


def bench_step_sent(url: str, plan: Any, steps: int, stats: Any) -> dict[str, Any]:
    """From a step's commit in the station's history to ``send`` returning with it on the server."""
    folder = Path(tempfile.mkdtemp(prefix="sitimer-bench-station-"))
    history = folder / "history.db"
    now = [datetime(2026, 11, 21, 7, tzinfo=UTC)]

    def clock() -> datetime:
        now[0] += timedelta(seconds=30)
        return now[0]

    store = HistoryStore(history, now=clock)
    add_step: list[float] = []
    sent: list[float] = []
    try:
        for session in itertools.count():  # the first session is a warm-up
            if len(sent) >= steps:
                break
            sid = store.begin(session_start(plan, simulated=False, profile=RECORD_CODE))
            send(history, url, "bench-station")
            for s in (s for s in plan.steps if s.is_exercise):
                record = StepRecord(
                    s.index,
                    s.kind.value,
                    s.exercise,
                    s.set,
                    s.side,
                    s.reps,
                    s.planned_s,
                    False,
                    stamp(store.now()),
                )
                t0 = time.perf_counter()
                store.add_step(sid, record)
                t1 = time.perf_counter()
                done = send(history, url, "bench-station")
                t2 = time.perf_counter()
                if done.steps != 1:
                    raise RuntimeError(f"send() sent {done} after one step")
                if session and len(sent) < steps:
                    add_step.append(t1 - t0)
                    sent.append(t2 - t1)
            store.end(sid, "completed")
            send(history, url, "bench-station")
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return {"add_step": stats(add_step), "step_sent": stats(sent)}


def forget_recorded(url: str) -> None:
    """The run's own sessions off the server again, so it holds the data as built."""
    with server.connected(url, "remove the benchmark's sessions") as db, db.transaction():
        db.execute(
            "DELETE FROM sitimer.steps WHERE session_uuid IN"
            " (SELECT uuid FROM sitimer.sessions WHERE profile = %s)",
            (RECORD_CODE,),
        )
        db.execute("DELETE FROM sitimer.sessions WHERE profile = %s", (RECORD_CODE,))


def server_facts(url: str) -> dict[str, Any]:
    """The server's version and the settings that decide a commit's cost, and its data's size."""
    with server.connected(url) as db:
        facts = {
            name: db.execute(f"SHOW {name}").fetchone()[0]
            for name in ("server_version", "fsync", "synchronous_commit", "shared_buffers", "ssl")
        }
        facts["database_mb"] = round(
            db.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6
        )
        facts["step_rows"] = db.execute("SELECT count(*) FROM sitimer.steps").fetchone()[0]
        facts["tls"] = db.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
    return facts


def run(url: str, source: Path, plan: Any, options: dict[str, Any], stats: Any) -> dict[str, Any]:
    """Load (or reuse), then both measures; ``stats`` makes median, p95 and max of samples in seconds."""
    with practice_server(url) as owner:
        loaded = load(owner, source, options["rebuild"])
        therapist, station = accounts(owner)
        try:
            result = {
                "server": {"url": server.redact(owner), **server_facts(owner)},
                "load": loaded,
                "goals_ms": GOALS_MS,
                "overview": bench_overview(therapist, options["repeat"], stats),
                "station": bench_step_sent(station, plan, options["steps"], stats),
            }
        finally:
            forget_recorded(owner)
    return result


def table(result: dict[str, Any], row: Any) -> str:
    """The figures as a compact text table; ``row`` is history.py's line maker."""
    s, loaded, o, st = result["server"], result["load"], result["overview"], result["station"]
    goals = result["goals_ms"]
    how = (
        f"copied now in {loaded['copy_s']:.0f} s, tallies {loaded['tallies_s']:.0f} s, "
        f"VACUUM ANALYZE {loaded['vacuum_analyze_s']:.0f} s"
        if loaded["copied_now"]
        else "already on the server"
    )
    return "\n".join(
        [
            f"PostgreSQL {s['server_version']} at {s['url']}: fsync={s['fsync']}, synchronous_commit="
            f"{s['synchronous_commit']}, shared_buffers={s['shared_buffers']}, TLS {s['tls']}",
            f"{loaded['sessions']:,} sessions, {s['step_rows']:,} step rows, {s['database_mb']:,} MB; {how}",
            "",
            f"{'ms':<44} {'median':>9} {'p95':>9} {'max':>9}  goal (p95)",
            f"1. therapist's overview ({o['codes']:,} codes)",
            row("  overview(url, today), connection included", o["overview"], goals["overview"]),
            row("  connecting alone (TLS, scram-sha-256)", o["connect"]),
            "2. a station's step, each its own send",
            row("  add_step (the local durable commit)", st["add_step"]),
            row("  step sent: commit to send() returning", st["step_sent"], goals["step_sent"]),
        ]
    )
