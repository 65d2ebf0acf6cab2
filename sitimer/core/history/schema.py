"""The history database's schema: its tables, the steps from one version to the next, and opening a
file brought up to date with it."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sitimer.core.history.errors import CORRUPT, NEWER, HistoryError

# "partial": run to its end, but less than the dose threshold of its prescribed dose done (steps skipped)
STATUSES = ("in_progress", "completed", "partial", "stopped", "interrupted")

# A random UUID (version 4) made by SQLite, one per row of an UPDATE.
NEW_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
    " || '-' || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-'"
    " || hex(randomblob(6)))"
)

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
    # 3: the share of its dose a session did (effort keeps halves: a REAL in its column stays a REAL),
    # and what the patient reports apart from sessions; each answer belongs to a profile's programme
    """
    ALTER TABLE sessions ADD COLUMN dose_share REAL;
    CREATE TABLE ears (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL DEFAULT '',
        programme TEXT NOT NULL,
        week TEXT NOT NULL,
        answers TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (profile, programme, week)
    );
    CREATE TABLE missed_reasons (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL DEFAULT '',
        programme TEXT NOT NULL,
        day TEXT NOT NULL,
        reason TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (profile, programme, day)
    );
    CREATE TABLE gpe (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL DEFAULT '',
        programme TEXT NOT NULL,
        at TEXT NOT NULL,
        value INTEGER NOT NULL
    );
    CREATE TABLE psk (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL DEFAULT '',
        programme TEXT NOT NULL,
        at TEXT NOT NULL,
        items TEXT NOT NULL
    );
    CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        profile TEXT NOT NULL DEFAULT '',
        programme TEXT NOT NULL,
        exercise TEXT NOT NULL,
        day TEXT NOT NULL,
        UNIQUE (profile, programme, exercise, day)
    );
    """,
    # 4: a practice's server (sitimer.core.practice): every session and step has a UUID, so sending
    # it again never makes a duplicate; a session's rev counts its changes, sent_rev the one the
    # server has; a step is sent once
    f"""
    ALTER TABLE sessions ADD COLUMN uuid TEXT;
    ALTER TABLE sessions ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE sessions ADD COLUMN sent_rev INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE steps ADD COLUMN uuid TEXT;
    ALTER TABLE steps ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;
    UPDATE sessions SET uuid = {NEW_UUID} WHERE uuid IS NULL;
    UPDATE steps SET uuid = {NEW_UUID} WHERE uuid IS NULL;
    CREATE UNIQUE INDEX sessions_by_uuid ON sessions (uuid);
    CREATE UNIQUE INDEX steps_by_uuid ON steps (uuid);
    CREATE INDEX sessions_unsent ON sessions (id) WHERE rev > sent_rev;
    CREATE INDEX steps_unsent ON steps (id) WHERE sent = 0;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
ODD_VERSION = 10_000  # a schema version above this was not written by any sitimer: the file is damaged


def _columns(sql: str) -> list[str]:
    return re.findall(r"^\s+([a-z_]+) [A-Z]", sql, re.M)


SYNC_COLUMNS = {"sessions": ["uuid", "rev", "sent_rev"], "steps": ["uuid", "sent"]}  # migration 4
SESSION_COLUMNS = [
    *_columns(MIGRATIONS[0].split("CREATE TABLE steps")[0]),
    "dose_share",
    *SYNC_COLUMNS["sessions"],
]
STEP_COLUMNS = [*_columns(MIGRATIONS[0].split("CREATE TABLE steps")[1]), *SYNC_COLUMNS["steps"]]
# The patient's reports apart from sessions (migration 3), table by table with their columns.
ANSWER_TABLES = {table.split()[0]: _columns(table) for table in MIGRATIONS[2].split("CREATE TABLE ")[1:]}
TABLES = ("sessions", "steps", *ANSWER_TABLES)


def as_text(data: bytes) -> str:
    """Stored text as read: bytes that are not UTF-8 become replacement marks."""
    return data.decode("utf-8", errors="replace")  # a damaged row reads with a mark, not a traceback


def stamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z: sorts as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def local_date(stored: str) -> date:
    """The calendar day, in this computer's time zone, of a moment stored by :func:`stamp`: an answer
    given at 00:30 in Amsterdam is on that day, not on the UTC day before."""
    return datetime.fromisoformat(stored).astimezone().date()


def query(db: sqlite3.Connection, *, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
    return [_plain(row) for row in db.execute(sql, args).fetchall()]


def _plain(row: sqlite3.Row) -> dict[str, Any]:
    """A row as a dict; a damaged value that reads as bytes becomes text, so JSON can carry it."""
    return {name: as_text(v) if isinstance(v, bytes) else v for name, v in zip(row.keys(), row, strict=True)}


def _private(path: Path) -> None:
    """Create ``path`` readable by its owner only, if it doesn't exist yet."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def connect(path: Path, busy_s: float) -> sqlite3.Connection:
    """Open the history at ``path`` and bring its schema up to date; HistoryError when it cannot be used."""
    _private(path)
    db = sqlite3.connect(path, timeout=busy_s, isolation_level=None)
    try:
        db.text_factory = as_text
        db.row_factory = sqlite3.Row
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version < 0 or version > ODD_VERSION:
            raise HistoryError(f"its schema version is {version}", CORRUPT)
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"the history at {path} was made by a newer sitimer (schema {version}); not touched",
                NEWER,
            )
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")  # a finished step survives a power cut
        db.execute("PRAGMA foreign_keys=ON")
        _migrate(db)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in TABLES:
            if table not in tables:
                raise HistoryError(f"its table {table} is missing", CORRUPT)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.chmod(0o600)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite3.Connection) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")  # two sitimers opening a new file at once: one migrates
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] == number:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # already rolled back by SQLite (a full disk): its own error stands
                db.execute("ROLLBACK")
            raise
