"""Sending a station's history on to the practice's server, never in the session's way.

The station's SQLite history is written first, as always (each step its own durable commit);
this reads what the server does not have yet — sessions whose ``rev`` is above their
``sent_rev``, steps not ``sent`` — and puts them on the server by their UUIDs, then marks them
sent here. Whatever breaks in between (the server down for an hour, this station killed while
sending) is sent again next time, and the server keeps one row per UUID, an older copy of a
session never overwriting a newer one. It opens its own connection to the history file, so it
may run on a thread of its own beside the session.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitimer.core.history.schema import NEW_UUID
from sitimer.core.practice.server import PracticeError, check_version, connected

BATCH = 500  # rows put on the server per call
BUSY_S = 2.0  # a session writing the history goes first
_SESSION_FIELDS = (
    "uuid, profile, programme, programme_title, programme_hash, per_day_min, per_day_max, started_at,"
    " utc_offset_min, ended_at, status, simulated, steps_planned, dose_planned, pain_before, pain, effort,"
    " note, dose_share, rev"
)
_STEP_FIELDS = (
    "t.uuid, s.uuid AS session_uuid, step, kind, exercise, set_no, side, reps, seconds, skipped, t.ended_at"
)


@dataclass(frozen=True)
class Waiting:
    """What the station has not sent yet."""

    sessions: int
    steps: int

    def __bool__(self) -> bool:
        return bool(self.sessions or self.steps)


def _open(history: Path) -> sqlite3.Connection:
    db = sqlite3.connect(
        f"{history.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_S, isolation_level=None
    )
    db.row_factory = sqlite3.Row
    return db


def waiting(history: Path) -> Waiting:
    """How many sessions (new or changed) and steps the server has not had yet."""
    db = _open(history)
    try:
        sessions = db.execute("SELECT COUNT(*) FROM sessions WHERE rev > sent_rev").fetchone()[0]
        steps = db.execute("SELECT COUNT(*) FROM steps WHERE sent = 0").fetchone()[0]
    finally:
        db.close()
    return Waiting(int(sessions), int(steps))


def send(history: Path, url: str, station: str, *, again: bool = False) -> Waiting:
    """Put everything not yet sent on the server; returns what was sent.

    PracticeError (one line, the password never shown) when the server cannot be reached or
    refuses; what was sent before it stays sent, the rest waits for the next call. ``again``:
    everything in the history, sent or not (the server keeps each UUID once).
    """
    db = _open(history)
    try:
        with connected(url, "take this station's sessions") as server:
            check_version(server, url)
            db.execute(f"UPDATE sessions SET uuid = {NEW_UUID} WHERE uuid IS NULL")  # rows written bare
            db.execute(f"UPDATE steps SET uuid = {NEW_UUID} WHERE uuid IS NULL")
            if again:  # a server restored from a backup lacks what was sent after it: all again
                _mark(db, "UPDATE sessions SET sent_rev = 0 WHERE id > ?", [(0,)])
                _mark(db, "UPDATE steps SET sent = 0 WHERE id > ?", [(0,)])
            sessions = _send_sessions(db, server, station)
            steps = _send_steps(db, server)
    except sqlite3.Error as err:
        raise PracticeError(f"the history at {history} could not be read to send it: {err}") from err
    finally:
        db.close()
    return Waiting(sessions, steps)


def _plain(row: sqlite3.Row) -> dict[str, Any]:
    """The row's columns but its local id (the server has its own)."""
    return {key: value for key, value in dict(row).items() if key != "id"}


def _mark(db: sqlite3.Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """A batch marked sent in one commit (one by one, 3,000 sessions took 9 s of fsyncs)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany(sql, rows)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _send_sessions(db: sqlite3.Connection, server: Any, station: str) -> int:
    sent = 0
    while True:
        rows = db.execute(
            f"SELECT id, {_SESSION_FIELDS} FROM sessions WHERE rev > sent_rev ORDER BY id LIMIT ?", (BATCH,)
        ).fetchall()
        if not rows:
            return sent
        with server.transaction():  # by code and programme, as the server's tallies are locked
            for row in sorted(rows, key=lambda r: (r["profile"], r["programme"])):
                values = _plain(row) | {"station": station}
                server.execute("SELECT sitimer.put_session(%s::jsonb)", (json.dumps(values),))
        # a session changed while it was being sent keeps its newer rev waiting
        _mark(db, "UPDATE sessions SET sent_rev = ? WHERE id = ?", [(row["rev"], row["id"]) for row in rows])
        sent += len(rows)


def _send_steps(db: sqlite3.Connection, server: Any) -> int:
    sent = 0
    while True:
        rows = db.execute(
            f"SELECT t.id, {_STEP_FIELDS} FROM steps t JOIN sessions s ON s.id = t.session_id"
            " WHERE t.sent = 0 AND s.sent_rev > 0 ORDER BY t.id LIMIT ?",
            (BATCH,),
        ).fetchall()
        if not rows:
            return sent
        batch = [_plain(row) for row in rows]
        server.execute("SELECT sitimer.put_steps(%s::jsonb)", (json.dumps(batch),))
        _mark(db, "UPDATE steps SET sent = 1 WHERE id = ?", [(row["id"],) for row in rows])
        sent += len(rows)
