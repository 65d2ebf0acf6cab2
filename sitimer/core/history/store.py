"""HistoryStore: the adherence record, in one SQLite file, written as the session goes.

A session row is written when it starts, a step row the moment each step
ends (each its own durable commit), and the outcome when it ends. A session
left ``in_progress`` by a crash or power cut is marked ``interrupted`` the
next time the store opens, keeping every step it finished. A database that
cannot be read is moved aside with a timestamp, never deleted.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
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
ODD_VERSION = 10_000  # a schema version above this was not written by any sitimer: the file is damaged


BUSY_S = 5.0  # how long a write waits for another program's lock before giving up

# What went wrong, as HistoryError.kind: only CORRUPT ever moves the file aside.
BUSY, FULL, UNWRITABLE, NEWER, CORRUPT, OTHER = "busy", "full", "unwritable", "newer", "corrupt", "other"
_SQLITE_KINDS = {5: BUSY, 6: BUSY, 13: FULL, 3: UNWRITABLE, 8: UNWRITABLE, 14: UNWRITABLE, 23: UNWRITABLE}
_SQLITE_KINDS |= {11: CORRUPT, 26: CORRUPT}
_ERRNO_KINDS = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EACCES: UNWRITABLE, errno.EPERM: UNWRITABLE}
_ERRNO_KINDS |= {errno.EROFS: UNWRITABLE, errno.ENOTDIR: UNWRITABLE, errno.EISDIR: UNWRITABLE}
_ERRNO_KINDS |= {errno.EEXIST: UNWRITABLE}
_SCHEMA_PROBLEMS = ("no such table", "no such column", "already exists", "malformed", "not a database")


class HistoryError(Exception):
    """The history could not be read or written; the message says why, for the user.

    ``kind`` says what kind of trouble: BUSY (another program holds it), FULL, UNWRITABLE
    (read-only, no permission, not a folder), NEWER (a newer sitimer's schema), CORRUPT, OTHER.
    """

    def __init__(self, message: str, kind: str = OTHER) -> None:
        super().__init__(message)
        self.kind = kind


def kind_of(err: BaseException) -> str:
    """What kind of trouble an error from SQLite or the file system means."""
    if isinstance(err, HistoryError):
        return err.kind
    if isinstance(err, sqlite3.Error):
        code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
        if code in _SQLITE_KINDS:
            return _SQLITE_KINDS[code]
        text = str(err).lower()
        if "locked" in text or "busy" in text:
            return BUSY
        if "disk is full" in text:
            return FULL
        if any(problem in text for problem in _SCHEMA_PROBLEMS):
            return CORRUPT
        if "readonly" in text or "unable to open" in text:
            return UNWRITABLE
        return OTHER
    if isinstance(err, UnicodeDecodeError):
        return CORRUPT
    if isinstance(err, OSError):
        return _ERRNO_KINDS.get(err.errno or 0, OTHER)
    return OTHER


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _one_line(text: object) -> str:
    return " ".join(str(text).split()) or "unknown"


def as_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")  # a damaged row reads with a mark, not a traceback


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
    """An advisory lock next to the database.

    A running session holds it shared (:meth:`share`), so several sessions can run at once;
    closing the sessions a crash left open takes it alone (:meth:`acquire`), so it never
    happens while any session anywhere is alive. ``problem`` says why it could not be
    used at all (the lock's path is a folder, the folder is read-only).
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.held = False
        self.problem: str | None = None
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock alone, if no other holder has it."""
        return self._take(exclusive=True)

    def share(self, wait_s: float = 2.0) -> bool:
        """Take the lock beside other running sessions; waits a moment while one is being closed."""
        deadline = time.monotonic() + wait_s
        while not self._take(exclusive=False):
            if self.problem or time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    def _take(self, *, exclusive: bool) -> bool:
        if self.held:
            return True
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; recovery then only runs at start-up
            self.held = True
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as err:
            self.problem = f"{self.path} cannot be used as a lock: {err.strerror or err}"
            return False
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
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


SESSION_COLUMNS = re.findall(r"^\s+([a-z_]+) [A-Z]", MIGRATIONS[0].split("CREATE TABLE steps")[0], re.M)
STEP_COLUMNS = re.findall(r"^\s+([a-z_]+) [A-Z]", MIGRATIONS[0].split("CREATE TABLE steps")[1], re.M)


class HistoryStore:
    """The history database at ``path``. ``now`` is injectable for tests.

    Every method raises only :class:`HistoryError`. A file found damaged (at opening, or by
    any read) is moved aside and a new one started with every session and step that could
    still be read from it; ``notices`` says so, one line each, for the user. Sessions kept in a
    journal (see :mod:`sitimer.core.history.journal`) are added when the store opens.
    """

    def __init__(self, path: Path, now: Callable[[], datetime] = utc_now, *, busy_s: float = BUSY_S) -> None:
        self.path = path
        self.now = now
        self.busy_s = busy_s
        self.notices: list[str] = []  # one line each, for the user
        self._taken = 0
        self._db = self._open()
        self._add_journals()

    def take_notices(self) -> list[str]:
        """The notices not yet taken."""
        new = self.notices[self._taken :]
        self._taken = len(self.notices)
        return new

    def _notice(self, line: str) -> None:
        if line not in self.notices:
            self.notices.append(line)

    def _error(self, err: BaseException, doing: str = "read") -> HistoryError:
        kind = kind_of(err)
        if isinstance(err, HistoryError):
            return err
        reason = _one_line(err.strerror if isinstance(err, OSError) and err.strerror else err)
        if kind == BUSY:
            text = f"the history at {self.path} is in use by another program ({reason}); try again later"
        elif kind == FULL:
            text = f"the disk holding the history at {self.path} is full ({reason})"
        elif kind == UNWRITABLE:
            text = f"the history at {self.path} cannot be {doing} ({reason})"
        else:
            text = f"the history at {self.path} could not be {doing}: {reason}"
        return HistoryError(text, kind)

    # -- opening -------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return self._connect()
        except (OSError, sqlite3.Error, HistoryError) as err:
            if kind_of(err) != CORRUPT:
                raise self._error(err, "opened") from err
            problem = _one_line(err)
        return self._start_anew(problem)

    def _connect(self) -> sqlite3.Connection:
        _private(self.path)
        db = sqlite3.connect(self.path, timeout=self.busy_s, isolation_level=None)
        try:
            db.text_factory = as_text
            db.row_factory = sqlite3.Row
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < 0 or version > ODD_VERSION:
                raise HistoryError(f"its schema version is {version}", CORRUPT)
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"the history at {self.path} was made by a newer sitimer (schema {version}); not touched",
                    NEWER,
                )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # a finished step survives a power cut
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db)
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in ("sessions", "steps"):
                if table not in tables:
                    raise HistoryError(f"its table {table} is missing", CORRUPT)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.chmod(0o600)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
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
                db.execute("ROLLBACK")
                raise

    def _add_journals(self) -> None:
        """Add the sessions kept in journals while the history could not be written."""
        from sitimer.core.history import journal

        for path in journal.pending(self.path):
            with journal.claimed(path) as writes:
                if writes is None:  # a running session still writes it
                    continue
                try:
                    self.replay(writes)
                except HistoryError as err:
                    self._notice(f"A session kept in {path} is not in the history yet: {err}.")
                    continue
                try:
                    path.unlink()
                except OSError:
                    continue  # added again next time: replay() skips what it already holds
            self._notice(f"A session kept in {path} while the history could not be written was added to it.")

    def recover(self) -> int:
        """Mark sessions a crash left in progress as interrupted; returns how many.

        Skipped while any other session is running (it holds the session lock shared): its
        session is alive. A history busy or full is left as it is, and told.
        """
        lock = SessionLock(self.path)
        if not lock.acquire():
            if lock.problem:
                self._notice(f"{lock.problem}; sessions a crash left open are not closed")
            return 0
        try:
            try:
                if not self._db.execute("SELECT 1 FROM sessions WHERE status = 'in_progress'").fetchone():
                    return 0
                # a crash may have torn the file: checked before anything is written to it
                problem = _one_line(self._db.execute("PRAGMA quick_check").fetchone()[0])
                if problem == "ok":
                    return self._db.execute(
                        "UPDATE sessions SET status = 'interrupted', ended_at = COALESCE("
                        "(SELECT MAX(ended_at) FROM steps WHERE steps.session_id = sessions.id), started_at) "
                        "WHERE status = 'in_progress'"
                    ).rowcount
            except sqlite3.Error as err:
                if kind_of(err) != CORRUPT:
                    error = self._error(err, "written")
                    self._notice(f"{error}; sessions a crash left open are closed next time")
                    return 0
                problem = _one_line(err)
            self._db.close()
            self._db = self._start_anew(problem, locked=lock)
            return 0
        finally:
            lock.release()

    def _start_anew(self, problem: str, locked: SessionLock | None = None) -> sqlite3.Connection:
        """A damaged file is moved aside (never deleted) and a new one started with what it still holds.

        Only while no session runs anywhere: a running one still writes to the file.
        Checked at opening and by every read; a full check runs after a crash only (a kiosk's
        history can be gigabytes).
        """
        lock = locked or SessionLock(self.path)
        if not lock.acquire():
            raise HistoryError(
                f"the history at {self.path} is damaged ({problem}); it is set aside when no session runs",
                CORRUPT,
            )
        try:
            try:
                aside = self._move_aside()
            except OSError as err:
                raise HistoryError(
                    f"the history at {self.path} is damaged ({problem}) and cannot be moved aside "
                    f"({err.strerror or err})",
                    CORRUPT,
                ) from err
            try:
                db = self._connect()
            except (OSError, sqlite3.Error) as err:
                raise self._error(err, "started anew") from err
            from sitimer.core.history.salvage import salvage  # only ever needed on damage

            sessions, steps = salvage(aside, db)
        finally:
            if locked is None:
                lock.release()
        kept = f" with what could still be read: {_count(sessions, 'session')}, {_count(steps, 'step')}"
        self._notice(
            f"The history file was damaged ({problem}); it was moved to {aside} "
            f"and a new one was started{kept}."
        )
        return db

    def _move_aside(self) -> Path:
        stamp_ = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp_}{self.path.suffix}")
        number = 1
        while aside.exists():
            number += 1
            aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp_}-{number}{self.path.suffix}")
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
            raise self._error(err, "written") from err
        return int(cursor.lastrowid or 0)

    def begin(self, start: SessionStart, at: datetime | None = None) -> int:
        """Record that a session started (now, or ``at``); returns its id."""
        moment = at or self.now()
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

    def end(self, session_id: int, status: str, at: datetime | None = None) -> None:
        """Record how the session ended (now, or ``at``): completed or stopped."""
        if status not in STATUSES:
            raise ValueError(status)
        self._write(
            "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
            (status, stamp(at or self.now()), session_id),
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

    def replay(self, writes: list[dict[str, Any]]) -> int | None:
        """Add one session's journal (see :mod:`sitimer.core.history.journal`) in one transaction; its id.

        What the history already holds of it (a journal added twice, a session begun here
        before the history failed) is not added again.
        """
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                session_id = self._replay(writes)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except (sqlite3.Error, KeyError, TypeError, ValueError) as err:
            raise self._error(err, "written") from err
        return session_id

    def _replay(self, writes: list[dict[str, Any]]) -> int | None:
        session_id: int | None = None
        for write in writes:
            op = write["op"]
            if op == "begin":
                start = SessionStart(**write["start"])
                found = self._db.execute(
                    "SELECT id FROM sessions WHERE started_at = ? AND programme = ? AND profile = ?",
                    (write["started_at"], start.programme, start.profile),
                ).fetchone()
                moment = datetime.fromisoformat(write["started_at"])
                session_id = found[0] if found else self.begin(start, at=moment)
            elif session_id is None:
                continue  # a journal whose opening line was torn: nothing to hang it on
            elif op == "step":
                record = StepRecord(**write["record"])
                if not self._db.execute(
                    "SELECT 1 FROM steps WHERE session_id = ? AND step = ? AND ended_at = ?",
                    (session_id, record.step, record.ended_at),
                ).fetchone():
                    self.add_step(session_id, record)
            elif op == "end":
                self.end(session_id, write["status"], at=datetime.fromisoformat(write["at"]))
            elif op == "rate":
                self.rate(session_id, **write["answers"])
        return session_id

    # -- reading -------------------------------------------------------------
    def _read(self, query: Callable[[sqlite3.Connection], list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """Run a read; a damaged file found by it is moved aside and the read done again."""
        try:
            return query(self._db)
        except (sqlite3.Error, UnicodeDecodeError) as err:
            if kind_of(err) != CORRUPT:
                raise self._error(err) from err
            problem = _one_line(err)
        self._db.close()
        self._db = self._start_anew(problem)
        self._add_journals()  # one that failed on the damaged file goes in now
        try:
            return query(self._db)
        except (sqlite3.Error, UnicodeDecodeError) as err:
            raise self._error(err) from err

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
        sql = (
            "SELECT s.*, (SELECT COUNT(DISTINCT step) FROM steps t WHERE t.session_id = s.id"
            " AND t.skipped = 0) AS steps_done FROM sessions s WHERE "
            + " AND ".join(where)
            + " ORDER BY started_at, id"
        )
        return self._read(partial(_query, sql=sql, args=args))

    def last_started(self, *, profile: str = "") -> list[dict[str, Any]]:
        """Per programme, when its latest session started (``programme``, ``started_at``); one
        small query for the picker's first choice at start-up, simulated runs left out."""
        sql = (
            "SELECT programme, MAX(started_at) AS started_at FROM sessions"
            " WHERE profile = ? AND simulated = 0 GROUP BY programme"
        )
        return self._read(partial(_query, sql=sql, args=(profile,)))

    def steps(self, session_id: int) -> list[dict[str, Any]]:
        """The step rows of one session, in the order they ended."""
        sql = "SELECT * FROM steps WHERE session_id = ? ORDER BY id"
        return self._read(partial(_query, sql=sql, args=(session_id,)))

    def done_by_exercise(self, session_ids: list[int]) -> dict[str, dict[str, float]]:
        """Per exercise: reps, hold and bout seconds, and how many of its steps were done (not skipped)."""
        rows: list[dict[str, Any]] = []
        for start in range(0, len(session_ids), 500):  # SQLite's limit on parameters
            chunk = session_ids[start : start + 500]
            sql = (
                "SELECT exercise, SUM(COALESCE(reps, 0)) AS reps, SUM(CASE WHEN kind IN ('hold', 'timed')"
                " THEN seconds ELSE 0 END) AS seconds, COUNT(*) AS times FROM steps"
                " WHERE skipped = 0 AND session_id IN (" + ",".join("?" * len(chunk)) + ") GROUP BY exercise"
            )
            rows += self._read(partial(_query, sql=sql, args=chunk))
        done: dict[str, dict[str, float]] = {}
        for row in rows:
            entry = done.setdefault(row["exercise"], {"reps": 0.0, "seconds": 0.0, "times": 0.0})
            for key in ("reps", "seconds", "times"):
                value = row[key]
                entry[key] += value if isinstance(value, int | float) else 0
        return done

    def integrity(self) -> str:
        """SQLite's own check: "ok" when the file is sound."""
        return str(self._read(partial(_query, sql="PRAGMA integrity_check", args=()))[0]["integrity_check"])


def _query(db: sqlite3.Connection, *, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
    return [_plain(row) for row in db.execute(sql, args).fetchall()]


def _plain(row: sqlite3.Row) -> dict[str, Any]:
    """A row as a dict; a damaged value that reads as bytes becomes text, so JSON can carry it."""
    return {name: as_text(v) if isinstance(v, bytes) else v for name, v in zip(row.keys(), row, strict=True)}
