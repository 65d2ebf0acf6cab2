"""HistoryStore: the adherence record, in one SQLite file, written as the session goes.

A session row is written when it starts, a step row the moment each step
ends (each its own durable commit), and the outcome when it ends (with the
share of its dose done). What the patient reports apart from sessions (EARS,
missed reasons, GPE, PSK, the daily activity) is written the same way, by the
methods of :class:`~sitimer.core.history.answers.PatientAnswers`. A session
left ``in_progress`` by a crash or power cut is marked ``interrupted`` the
next time the store opens, keeping every step it finished. A database that
cannot be read is moved aside with a timestamp, never deleted.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sitimer.core.history.answers import PatientAnswers
from sitimer.core.history.errors import CORRUPT, HistoryError, history_error, kind_of, one_line
from sitimer.core.history.lock import SessionLock
from sitimer.core.history.rows import ExerciseDone, LastStarted, SessionRow, StepRecord, StepRow
from sitimer.core.history.scales import check_effort, check_pain
from sitimer.core.history.schema import STATUSES, connect, query, stamp
from sitimer.core.notices import Notices
from sitimer.core.private_folder import make_private_folder

# What the full check says of an index that no longer matches its table (the table itself sound).
_INDEX_ONLY = re.compile(
    r"^(row \d+ missing from index|wrong # of entries in index|non-unique entry in index) "
)
BUSY_S = 5.0  # how long a write waits for another program's lock before giving up


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


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


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class HistoryStore(PatientAnswers):
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
        self.notices = Notices()  # one line each, for the user
        self._db = self._open()
        self._add_journals()

    def wait_for_lock(self, seconds: float) -> None:
        """How long a write waits for another program's lock from now on (``busy_s`` at first)."""
        try:
            self._db.execute(f"PRAGMA busy_timeout = {max(0, round(seconds * 1000))}")
        except sqlite3.Error as err:
            raise history_error(err, self.path) from err

    # -- opening -------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        try:
            make_private_folder(self.path.parent)
            return connect(self.path, self.busy_s)
        except (OSError, sqlite3.Error, HistoryError) as err:
            if kind_of(err) != CORRUPT:
                raise history_error(err, self.path, "opened") from err
            problem = one_line(err)
        return self._start_anew(problem)

    def _add_journals(self) -> None:
        """Add the sessions kept in journals while the history could not be written."""
        from sitimer.core.history import journal

        for path in journal.pending(self.path):
            with journal.claimed(path) as writes:
                if writes is None:  # a running session still writes it
                    continue
                what = "A session" if any(w["op"] == "begin" for w in writes) else "A daily activity's tick"
                try:
                    self.replay(writes)
                except HistoryError as err:
                    self.notices.add(f"{what} kept in {path} is not in the history yet: {err}.")
                    continue
                try:
                    path.unlink()
                except OSError:
                    continue  # added again next time: replay() skips what it already holds
            self.notices.add(f"{what} kept in {path} while the history could not be written was added to it.")

    def recover(self) -> int:
        """Mark sessions a crash left in progress as interrupted; returns how many.

        Skipped while any other session is running (it holds the session lock shared): its
        session is alive. A history busy or full is left as it is, and told.
        """
        lock = SessionLock(self.path)
        if not lock.acquire():
            if lock.problem:
                self.notices.add(f"{lock.problem}; sessions a crash left open are not closed")
            return 0
        try:
            try:
                if not self._db.execute("SELECT 1 FROM sessions WHERE status = 'in_progress'").fetchone():
                    return 0
                # a crash may have torn the file: checked before anything is written to it
                problem = self._check_after_crash()
                if problem == "ok":
                    return self._db.execute(
                        "UPDATE sessions SET status = 'interrupted', rev = rev + 1, ended_at = COALESCE("
                        "(SELECT MAX(ended_at) FROM steps WHERE steps.session_id = sessions.id), started_at) "
                        "WHERE status = 'in_progress'"
                    ).rowcount
            except sqlite3.Error as err:
                if kind_of(err) != CORRUPT:
                    error = history_error(err, self.path, "written")
                    self.notices.add(f"{error}; sessions a crash left open are closed next time")
                    return 0
                problem = one_line(err)
            self._db.close()
            self._db = self._start_anew(problem, locked=lock)
            return 0
        finally:
            lock.release()

    def _check_after_crash(self) -> str:
        """ "ok", or the first damage found. A torn index hides rows without any error (only the full
        check sees it): it is built again from its table, which loses nothing."""
        found = [one_line(row[0]) for row in self._db.execute("PRAGMA integrity_check(50)")]
        if found == ["ok"]:
            return "ok"
        if all(_INDEX_ONLY.search(line) for line in found):
            self._db.execute("REINDEX")
            self.notices.add("An index of the history was damaged, as by a crash; it was built again.")
            found = [one_line(row[0]) for row in self._db.execute("PRAGMA integrity_check(1)")]
        return found[0]

    def _start_anew(self, problem: str, locked: SessionLock | None = None) -> sqlite3.Connection:
        """A damaged file is moved aside (never deleted) and a new one started with what it still holds.

        Only while no session runs anywhere: a running one still writes to the file.
        Checked at opening and by every read; a full check runs after a crash only (a kiosk's
        history can be gigabytes).
        """
        from sitimer.core.history.salvage import move_aside, salvage  # only ever needed on damage

        lock = locked or SessionLock(self.path)
        if not lock.acquire():
            raise HistoryError(
                f"the history at {self.path} is damaged ({problem}); it is set aside when no session runs",
                CORRUPT,
            )
        try:
            try:
                aside = move_aside(self.path)
            except OSError as err:
                raise HistoryError(
                    f"the history at {self.path} is damaged ({problem}) and cannot be moved aside "
                    f"({err.strerror or err})",
                    CORRUPT,
                ) from err
            try:
                db = connect(self.path, self.busy_s)
            except (OSError, sqlite3.Error) as err:
                raise history_error(err, self.path, "started anew") from err
            sessions, steps = salvage(aside, db)
        finally:
            if locked is None:
                lock.release()
        kept = f" with what could still be read: {_count(sessions, 'session')}, {_count(steps, 'step')}"
        self.notices.add(
            f"The history file was damaged ({problem}); it was moved to {aside} "
            f"and a new one was started{kept}."
        )
        return db

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    # -- writing -------------------------------------------------------------
    def _write(self, sql: str, args: tuple[Any, ...]) -> int:
        try:
            cursor = self._db.execute(sql, args)
        except sqlite3.Error as err:
            raise history_error(err, self.path, "written") from err
        return int(cursor.lastrowid or 0)

    def begin(self, start: SessionStart, at: datetime | None = None) -> int:
        """Record that a session started (now, or ``at``); returns its id."""
        moment = at or self.now()
        offset = moment.astimezone().utcoffset()
        return self._write(
            "INSERT INTO sessions (profile, programme, programme_title, programme_hash, per_day_min,"
            " per_day_max, started_at, utc_offset_min, simulated, steps_planned, dose_planned, uuid)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                str(uuid.uuid4()),
            ),
        )

    def add_step(self, session_id: int, record: StepRecord) -> None:
        """Record one finished step (its own durable commit)."""
        self._write(
            "INSERT INTO steps (session_id, step, kind, exercise, set_no, side, reps, seconds, skipped,"
            " ended_at, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                str(uuid.uuid4()),
            ),
        )

    def end(
        self, session_id: int, status: str, at: datetime | None = None, dose_share: float | None = None
    ) -> None:
        """Record how the session ended (now, or ``at``): completed, partial or stopped, and the share of
        its prescribed dose done (0-1)."""
        if status not in STATUSES:
            raise ValueError(status)
        if dose_share is not None and not 0.0 <= dose_share <= 1.0:
            raise ValueError(f"a dose share is 0 to 1, not {dose_share!r}")
        self._write(
            "UPDATE sessions SET status = ?, ended_at = ?, dose_share = ?, rev = rev + 1 WHERE id = ?",
            (status, stamp(at or self.now()), dose_share, session_id),
        )

    def rate(
        self,
        session_id: int,
        *,
        pain: int | None,
        effort: float | None,
        note: str | None,
        pain_before: int | None = None,
    ) -> None:
        """The patient's answers after the session (any may be skipped): pain 0-10, effort on Borg CR10
        in half steps (0, 0.5 … 10); ValueError for anything else."""
        check_pain(pain)
        check_pain(pain_before, "pain before")
        check_effort(effort)
        self._write(
            "UPDATE sessions SET pain = ?, effort = ?, note = ?, pain_before = ?, rev = rev + 1 WHERE id = ?",
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
                if self._db.in_transaction:  # a full disk: SQLite rolled back already, and said
                    self._db.execute("ROLLBACK")  # "cannot rollback" in place of what was wrong
                raise
        except (sqlite3.Error, KeyError, TypeError, ValueError) as err:
            raise history_error(err, self.path, "written") from err
        return session_id

    def _replay(self, writes: list[dict[str, Any]]) -> int | None:
        session_id: int | None = None
        for write in writes:
            op = write["op"]
            if op in ("tick", "untick"):  # a daily activity ticked while the history was busy: no session
                mark = self.tick_activity if op == "tick" else self.untick_activity
                day = date.fromisoformat(write["day"])
                mark(write["programme"], write["exercise"], day, profile=write.get("profile", ""))
                continue
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
                at = datetime.fromisoformat(write["at"])
                self.end(session_id, write["status"], at=at, dose_share=write.get("dose_share"))
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
                raise history_error(err, self.path) from err
            problem = one_line(err)
        self._db.close()
        self._db = self._start_anew(problem)
        self._add_journals()  # one that failed on the damaged file goes in now
        try:
            return query(self._db)
        except (sqlite3.Error, UnicodeDecodeError) as err:
            raise history_error(err, self.path) from err

    def sessions(
        self, *, profile: str | None = "", include_simulated: bool = False, since: str | None = None
    ) -> list[SessionRow]:
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
        return [SessionRow.of(row) for row in self._read(partial(query, sql=sql, args=args))]

    def last_started(self, *, profile: str = "") -> list[LastStarted]:
        """Per programme, when its latest session started; one small query for the picker's
        first choice at start-up, simulated runs left out."""
        sql = (
            "SELECT programme, MAX(started_at) AS started_at FROM sessions"
            " WHERE profile = ? AND simulated = 0 GROUP BY programme"
        )
        rows = self._read(partial(query, sql=sql, args=(profile,)))
        return [LastStarted(str(row["programme"]), str(row["started_at"])) for row in rows]

    def steps(self, session_id: int) -> list[StepRow]:
        """The step rows of one session, in the order they ended."""
        sql = "SELECT * FROM steps WHERE session_id = ? ORDER BY id"
        return [StepRow.of(row) for row in self._read(partial(query, sql=sql, args=(session_id,)))]

    def done_by_exercise(self, session_ids: list[int]) -> dict[str, ExerciseDone]:
        """Per exercise: reps, hold and bout seconds, and how many of its steps were done (not skipped)."""
        done: dict[str, ExerciseDone] = {}
        for per_exercise in self.done_by_session(session_ids).values():
            for exercise, amount in per_exercise.items():
                done[exercise] = done.get(exercise, ExerciseDone()) + amount
        return done

    def done_by_session(self, session_ids: list[int]) -> dict[int, dict[str, ExerciseDone]]:
        """:meth:`done_by_exercise` of each session apart (a session with no step done is left out)."""
        done: dict[int, dict[str, ExerciseDone]] = {}
        for start in range(0, len(session_ids), 500):  # SQLite's limit on parameters
            chunk = session_ids[start : start + 500]
            sql = (
                "SELECT session_id, exercise, SUM(COALESCE(reps, 0)) AS reps, SUM(CASE WHEN kind IN"
                " ('hold', 'timed') THEN seconds ELSE 0 END) AS seconds, COUNT(*) AS times FROM steps"
                " WHERE skipped = 0 AND session_id IN (" + ",".join("?" * len(chunk)) + ")"
                " GROUP BY session_id, exercise"
            )
            for row in self._read(partial(query, sql=sql, args=chunk)):
                done.setdefault(row["session_id"], {})[row["exercise"]] = ExerciseDone.of(row)
        return done

    def integrity(self) -> str:
        """SQLite's own check: "ok" when the file is sound."""
        return str(self._read(partial(query, sql="PRAGMA integrity_check", args=()))[0]["integrity_check"])
