"""HistoryStore: the adherence record, in one SQLite file, written as the session goes.

A session row is written when it starts, a step row the moment each step
ends (each its own durable commit), and the outcome when it ends. A session
left ``in_progress`` by a crash or power cut is marked ``interrupted`` the
next time the store opens, keeping every step it finished. A database that
cannot be read is moved aside with a timestamp, never deleted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

STATUSES = ("in_progress", "completed", "stopped", "interrupted")

# Each entry moves the schema up one version; index i takes version i to i + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL DEFAULT '',
        programme TEXT NOT NULL,
        programme_title TEXT NOT NULL DEFAULT '',
        programme_hash TEXT NOT NULL,
        per_day_min INTEGER NOT NULL,
        per_day_max INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        utc_offset_min INTEGER NOT NULL,
        ended_at TEXT,
        status TEXT NOT NULL DEFAULT 'in_progress',
        simulated INTEGER NOT NULL DEFAULT 0,
        steps_planned INTEGER NOT NULL,
        dose_planned TEXT NOT NULL DEFAULT '{}',
        pain_before INTEGER,
        pain INTEGER,
        effort INTEGER,
        note TEXT
    );
    CREATE INDEX sessions_by_profile ON sessions (profile, started_at);
    CREATE TABLE steps (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        step INTEGER NOT NULL,
        kind TEXT NOT NULL,
        exercise TEXT,
        set_no INTEGER,
        side TEXT,
        reps INTEGER,
        seconds REAL NOT NULL,
        skipped INTEGER NOT NULL,
        ended_at TEXT NOT NULL
    );
    CREATE INDEX steps_by_session ON steps (session_id);
    """,
    # 2: finding sessions a crash left open must not read a kiosk's million sessions
    "CREATE INDEX sessions_in_progress ON sessions (id) WHERE status = 'in_progress';",
)
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryError(Exception):
    """The history could not be read or written; the message says why, for the user."""


@dataclass(frozen=True)
class SessionStart:
    """What is known of a session when it begins."""

    programme: str
    programme_title: str
    programme_hash: str
    per_day_min: int
    per_day_max: int
    steps_planned: int
    dose_planned: dict[str, dict[str, float]]
    simulated: bool = False
    profile: str = ""


@dataclass(frozen=True)
class StepRecord:
    """One finished step of a session."""

    step: int
    kind: str
    exercise: str | None
    set_no: int | None
    side: str | None
    reps: int | None
    seconds: float
    skipped: bool
    ended_at: str


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z: sorts as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _private(path: Path) -> None:
    """Create ``path`` readable by its owner only, if it doesn't exist yet."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


class SessionLock:
    """An advisory lock next to the database, held while a session runs."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.held = False
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock if no other process has it."""
        if self.held:
            return True
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; recovery then only runs at start-up
            self.held = True
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd, self.held = fd, True
        return True

    def release(self) -> None:
        """Let go of the lock."""
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
        self._fd, self.held = None, False

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class HistoryStore:
    """The history database at ``path``. ``now`` is injectable for tests."""

    def __init__(self, path: Path, now: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        self.now = now
        self.notices: list[str] = []  # one line each, for the user
        self._db = self._open()

    # -- opening -------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            try:
                return self._connect()
            except sqlite3.OperationalError:
                raise  # locked, read-only, disk full: the file may be fine; never move it
            except sqlite3.DatabaseError as err:
                aside = self._move_aside()
                self.notices.append(
                    f"The history file could not be read ({err}); it was moved to {aside.name} "
                    "and a new one was started."
                )
                return self._connect()
        except (OSError, sqlite3.Error) as err:
            raise HistoryError(f"the history at {self.path} cannot be opened: {err}") from err

    def _connect(self) -> sqlite3.Connection:
        _private(self.path)
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(f"the history was made by a newer sitimer (schema {version}); not touched")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # a finished step survives a power cut
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.chmod(0o600)
        except (sqlite3.DatabaseError, HistoryError):
            db.close()
            raise
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            db.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;")

    def recover(self) -> int:
        """Mark sessions a crash left in progress as interrupted; returns how many.

        Skipped while another sitimer holds the session lock: its session is alive.
        """
        with SessionLock(self.path) as lock:
            if not lock.held:
                return 0
            try:
                cursor = self._db.execute(
                    "UPDATE sessions SET status = 'interrupted', ended_at = COALESCE("
                    "(SELECT MAX(ended_at) FROM steps WHERE steps.session_id = sessions.id), started_at) "
                    "WHERE status = 'in_progress'"
                )
                if not cursor.rowcount:
                    return 0
                problem = str(self._db.execute("PRAGMA quick_check").fetchone()[0])
            except sqlite3.DatabaseError as err:
                problem = str(err)
            if problem != "ok":
                self._start_anew(problem)
            return cursor.rowcount if problem == "ok" else 0

    def _start_anew(self, problem: str) -> None:
        """A file damaged by a crash is moved aside and a new one started (never deleted).

        Checked after a crash only: at a kiosk's size a full check reads gigabytes.
        """
        self._db.close()
        aside = self._move_aside()
        self.notices.append(
            f"The history file was damaged ({problem}); it was moved to {aside.name} "
            "and a new one was started."
        )
        self._db = self._connect()

    def _move_aside(self) -> Path:
        stamp_ = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp_}{self.path.suffix}")
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
        return aside

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    # -- writing -------------------------------------------------------------
    def _write(self, sql: str, args: tuple[Any, ...]) -> int:
        try:
            cursor = self._db.execute(sql, args)
        except sqlite3.Error as err:
            raise HistoryError(f"the history could not be written: {err}") from err
        return int(cursor.lastrowid or 0)

    def begin(self, start: SessionStart) -> int:
        """Record that a session started; returns its id."""
        moment = self.now()
        offset = moment.astimezone().utcoffset()
        return self._write(
            "INSERT INTO sessions (profile, programme, programme_title, programme_hash, per_day_min,"
            " per_day_max, started_at, utc_offset_min, simulated, steps_planned, dose_planned)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                start.profile,
                start.programme,
                start.programme_title,
                start.programme_hash,
                start.per_day_min,
                start.per_day_max,
                stamp(moment),
                int(offset.total_seconds() // 60) if offset else 0,
                int(start.simulated),
                start.steps_planned,
                json.dumps(start.dose_planned),
            ),
        )

    def add_step(self, session_id: int, record: StepRecord) -> None:
        """Record one finished step (its own durable commit)."""
        self._write(
            "INSERT INTO steps (session_id, step, kind, exercise, set_no, side, reps, seconds, skipped,"
            " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                record.step,
                record.kind,
                record.exercise,
                record.set_no,
                record.side,
                record.reps,
                record.seconds,
                int(record.skipped),
                record.ended_at,
            ),
        )

    def end(self, session_id: int, status: str) -> None:
        """Record how the session ended: completed or stopped."""
        if status not in STATUSES:
            raise ValueError(status)
        self._write(
            "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
            (status, stamp(self.now()), session_id),
        )

    def rate(
        self,
        session_id: int,
        *,
        pain: int | None,
        effort: int | None,
        note: str | None,
        pain_before: int | None = None,
    ) -> None:
        """The patient's answers after the session (any may be skipped)."""
        self._write(
            "UPDATE sessions SET pain = ?, effort = ?, note = ?, pain_before = ? WHERE id = ?",
            (pain, effort, note or None, pain_before, session_id),
        )

    # -- reading -------------------------------------------------------------
    def sessions(
        self, *, profile: str | None = "", include_simulated: bool = False, since: str | None = None
    ) -> list[dict[str, Any]]:
        """Sessions, oldest first, with the steps they completed; ``profile=None`` means all."""
        where, args = ["1 = 1"], []
        if profile is not None:
            where.append("profile = ?")
            args.append(profile)
        if not include_simulated:
            where.append("simulated = 0")
        if since:
            where.append("started_at >= ?")
            args.append(since)
        rows = self._db.execute(
            "SELECT s.*, (SELECT COUNT(DISTINCT step) FROM steps t WHERE t.session_id = s.id"
            " AND t.skipped = 0) AS steps_done FROM sessions s WHERE "
            + " AND ".join(where)
            + " ORDER BY started_at, id",
            args,
        ).fetchall()
        return [dict(row) for row in rows]

    def steps(self, session_id: int) -> list[dict[str, Any]]:
        """The step rows of one session, in the order they ended."""
        rows = self._db.execute("SELECT * FROM steps WHERE session_id = ? ORDER BY id", (session_id,))
        return [dict(row) for row in rows]

    def done_by_exercise(self, session_ids: list[int]) -> dict[str, dict[str, float]]:
        """Per exercise: reps, hold and bout seconds, and how many of its steps were done (not skipped)."""
        done: dict[str, dict[str, float]] = {}
        for start in range(0, len(session_ids), 500):  # SQLite's limit on parameters
            chunk = session_ids[start : start + 500]
            rows = self._db.execute(
                "SELECT exercise, SUM(COALESCE(reps, 0)) AS reps, SUM(CASE WHEN kind IN ('hold', 'timed')"
                " THEN seconds ELSE 0 END) AS seconds, COUNT(*) AS times FROM steps"
                " WHERE skipped = 0 AND session_id IN (" + ",".join("?" * len(chunk)) + ") GROUP BY exercise",
                chunk,
            )
            for row in rows:
                entry = done.setdefault(row["exercise"], {"reps": 0.0, "seconds": 0.0, "times": 0.0})
                entry["reps"] += row["reps"] or 0
                entry["seconds"] += row["seconds"] or 0.0
                entry["times"] += row["times"] or 0
        return done

    def integrity(self) -> str:
        """SQLite's own check: "ok" when the file is sound."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])
