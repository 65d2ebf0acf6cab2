"""A station killed (SIGKILL, a real child process) while it sends its history: the next send puts
every session and step on the server exactly once, and the station's history ends with nothing waiting.

The history holds 3,000 sessions of ``si-gewricht`` (15 steps each, 45,000 steps): one recorded
through the store, copied in SQL with UUIDs of their own. The test watches the server and kills the
sender while the server has some but not all of the rows, again and again, each time a little
later after a batch arrived: part-way through the sessions (a batch in a transaction), and
part-way through the steps.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sitimer.core.history.schema import NEW_UUID
from sitimer.core.history.store import HistoryStore
from sitimer.core.practice.sender import Waiting, send, waiting
from sitimer.core.practice.server import connected
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from tests.conftest import PROGRAMMES
from tests.helpers.history_data import record_session

SESSIONS = 3_000
STEPS_EACH = 15  # si-gewricht's exercise steps
POLL_LIMIT = 200_000  # looks at the server before the test gives up on catching the sender part-way
SENDER = "import sys; from pathlib import Path; from sitimer.core.practice.sender import send; " + (
    "send(Path(sys.argv[1]), sys.argv[2], 'kiosk-a')"
)
_SESSION_COPY = (
    "programme, programme_title, programme_hash, per_day_min, per_day_max, utc_offset_min, status,"
    " simulated, steps_planned, dose_planned, pain_before, pain, effort, note, dose_share, rev"
)
_STEP_COPY = "step, kind, exercise, set_no, side, reps, seconds, skipped"


def _big_history(path: Path) -> None:
    """One session recorded by the store, copied to ``SESSIONS`` in all, a day apart, with their steps."""
    start = datetime(2018, 1, 1, 8, tzinfo=UTC)
    store = HistoryStore(path, now=lambda: start)
    record_session(store, build_plan(load_file(PROGRAMMES / "si-gewricht.yaml")), profile="123456")
    store.close()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN")
        db.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {SESSIONS - 1})"
            f" INSERT INTO sessions (uuid, profile, started_at, ended_at, {_SESSION_COPY})"
            f" SELECT {NEW_UUID}, printf('%06d', i % 50),"
            " strftime('%Y-%m-%dT%H:%M:%S.000000Z', started_at, '+' || i || ' days'),"
            f" strftime('%Y-%m-%dT%H:%M:%S.000000Z', ended_at, '+' || i || ' days'), {_SESSION_COPY}"
            " FROM sessions, n WHERE sessions.id = 1"
        )
        db.execute(
            f"INSERT INTO steps (uuid, session_id, ended_at, {_STEP_COPY})"
            f" SELECT {NEW_UUID}, s.id, s.ended_at, {_STEP_COPY} FROM steps t, sessions s"
            " WHERE t.session_id = 1 AND s.id > 1 ORDER BY s.id, t.id"
        )
        db.execute("COMMIT")
    finally:
        db.close()


def _on_server(url: str) -> tuple[int, int]:
    with connected(url) as db:
        sessions = db.execute("SELECT count(*) FROM sitimer.sessions").fetchone()[0]
        steps = db.execute("SELECT count(*) FROM sitimer.steps").fetchone()[0]
    return int(sessions), int(steps)


def _count(db: Any) -> tuple[int, int]:
    row = db.execute(
        "SELECT (SELECT count(*) FROM sitimer.sessions), (SELECT count(*) FROM sitimer.steps)"
    ).fetchone()
    return int(row[0]), int(row[1])


def _kill_part_way(history: Path, url: str, part_way: str, settle_polls: int) -> None:
    """A station sending, killed once the server has more of the ``part_way`` rows than before but not
    all, and ``settle_polls`` more looks at the server later (so the kills fall at different moments)."""
    which = 0 if part_way == "sessions" else 1
    total = (SESSIONS, SESSIONS * STEPS_EACH)[which]
    station = subprocess.Popen([sys.executable, "-c", SENDER, str(history), url])
    try:
        with connected(url) as db:
            before = _count(db)[which]
            for _ in range(POLL_LIMIT):
                if before < _count(db)[which] < total:
                    break
                if station.poll() is not None:
                    pytest.fail(f"the station finished sending before it could be killed: {_count(db)}")
            else:
                pytest.fail("the station sent nothing to the server")
            for _ in range(settle_polls):
                _count(db)
        station.send_signal(signal.SIGKILL)
    finally:
        station.kill()
        station.wait(timeout=60)
    assert station.returncode == -signal.SIGKILL  # killed, not finished


@pytest.mark.parametrize(("part_way", "kills"), [("sessions", (0, 40)), ("steps", (0, 10, 40, 160))])
def test_a_station_killed_while_sending_sends_everything_exactly_once_afterwards(
    practice_url: str, tmp_path: Path, part_way: str, kills: tuple[int, ...]
) -> None:
    history = tmp_path / "history.db"
    _big_history(history)
    assert waiting(history) == Waiting(SESSIONS, SESSIONS * STEPS_EACH)
    for settle_polls in kills:  # killed again and again, each time a little later after a batch arrived
        _kill_part_way(history, practice_url, part_way, settle_polls)
        left = waiting(history)
        assert left.steps > 0 and (left.sessions > 0 or part_way == "steps")  # the kill left work
    send(history, practice_url, "kiosk-a")
    assert not waiting(history)
    assert _on_server(practice_url) == (SESSIONS, SESSIONS * STEPS_EACH)
    db = sqlite3.connect(history)
    local = {row[0] for row in db.execute("SELECT uuid FROM sessions UNION ALL SELECT uuid FROM steps")}
    db.close()
    with connected(practice_url) as server:
        rows = server.execute(
            "SELECT uuid::text FROM sitimer.sessions UNION ALL SELECT uuid::text FROM sitimer.steps"
        ).fetchall()
    assert len(rows) == len(local) == SESSIONS * (1 + STEPS_EACH)
    assert {row[0] for row in rows} == local  # the same rows, each once
