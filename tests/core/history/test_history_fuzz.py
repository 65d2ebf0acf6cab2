"""The history file with pages torn at random (seeded, 100 cases): never a traceback, never a hang,
never a session that the file still holds hidden or silently swapped for an empty history."""

import faulthandler
import itertools
import json
import random
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest

from sitimer.core.history import salvage
from sitimer.core.history.errors import HistoryError
from sitimer.core.history.export import session_rows
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.recorder import session_start
from tests.conftest import PROGRAMMES
from tests.helpers.history_data import record_session

SEED = 20261204
CASES = 100
PAGE = 4096


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    return make_healthy(tmp_path_factory.mktemp("healthy") / "history.db")


def make_healthy(db):
    """Bytes of a history of 40 sessions, the last three left open by a crash; the same every run
    (its UUIDs too), so a case that fails fails again."""
    plan = build_plan(load_file(PROGRAMMES / "si-gewricht.yaml"))
    now = [datetime(2026, 11, 2, 7, tzinfo=UTC)]
    ids = random.Random(SEED)
    with mock.patch("uuid.uuid4", lambda: uuid.UUID(int=ids.getrandbits(128), version=4)):
        store = HistoryStore(db, now=lambda: now[0])
        for n in range(40):
            now[0] += timedelta(hours=11)
            if n < 37:
                store.rate(record_session(store, plan), pain=3, effort=4, note=f"sessie {n}")
            else:
                store.begin(session_start(plan, simulated=False))
        store.close()
    return db.read_bytes()


def _tear(data: bytes, rng: random.Random) -> bytes:
    """Random bytes over a few spans: whole pages, runs inside a page, or single bytes."""
    torn = bytearray(data)
    pages = len(data) // PAGE
    for _ in range(rng.randint(1, 3)):
        page = rng.randrange(pages)
        how = rng.choice(("page", "run", "bytes"))
        if how == "page":
            torn[page * PAGE : (page + 1) * PAGE] = rng.randbytes(PAGE)
        elif how == "run":
            start = page * PAGE + rng.randrange(PAGE - 64)
            length = rng.randint(1, 512)
            torn[start : start + length] = rng.randbytes(length)[: len(torn) - start]
        else:
            for _ in range(rng.randint(1, 8)):
                torn[page * PAGE + rng.randrange(PAGE)] = rng.randrange(256)
    return bytes(torn[: len(data)])


def _still_held(path) -> set[int]:
    """Sessions a plain SQLite reader can still get from the file, one by one, with a readable start."""
    held: set[int] = set()
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        db.text_factory = lambda b: b.decode("utf-8", "replace")
    except sqlite3.Error:
        return held
    try:
        for session_id in range(1, 41):
            try:
                row = db.execute(
                    "SELECT started_at, status FROM sessions WHERE id = ?", (session_id,)
                ).fetchone()
                if row:
                    datetime.fromisoformat(str(row[0]))
                    held.add(session_id)
            except (sqlite3.Error, ValueError):
                continue
    finally:
        db.close()
    return held


@pytest.mark.parametrize("case", range(CASES))
def test_a_torn_history_never_tracebacks_hangs_or_hides_a_session(healthy, tmp_path, case):
    rng = random.Random(SEED * 1000 + case)
    db = tmp_path / "history.db"
    torn = _tear(healthy, rng)
    db.write_bytes(torn)
    held = _still_held(db)
    faulthandler.dump_traceback_later(60, exit=True)  # a hang fails the run instead of stalling it
    try:
        try:
            store = HistoryStore(db)
            store.recover()
            rows = session_rows(store, steps=True, include_simulated=True)
            json.dumps(rows)  # what `sitimer history` prints
        except HistoryError as err:  # allowed only as a plain message, with the file left as it was
            assert "\n" not in str(err)
            assert db.read_bytes() == torn and not list(tmp_path.glob("*corrupt*"))
            return
    finally:
        faulthandler.cancel_dump_traceback_later()
    shown = {row["id"] for row in rows}
    assert held <= shown, f"sessions {sorted(held - shown)} still in the file but not shown"
    aside = list(tmp_path.glob("history.corrupt-*.db"))
    if aside:
        [moved] = aside
        assert moved.read_bytes() == torn  # kept exactly as found, never deleted
        assert any(str(moved) in notice for notice in store.notices), store.notices
    else:
        assert not store.notices or all("moved" not in n for n in store.notices)


class _Row(tuple):
    """A row as sqlite3.Row reads: its values in order, or one by name."""

    def __getitem__(self, key):
        return super().__getitem__(["id", "started_at"].index(key) if isinstance(key, str) else key)


class _TornSource:
    """A damaged file as salvage reads it: a scan of ``ids`` in order, each row looked up alone
    found only when it is in ``lookup``."""

    def __init__(self, scan, lookup=()):
        self.scan, self.lookup = scan, set(lookup)

    def execute(self, sql, args):
        if "ORDER BY" in sql:
            return (_Row((i, "x")) for i in self.scan(args[0]))
        found = (args[0], "x") if args[0] in self.lookup else None
        return mock.Mock(fetchone=lambda: found)


def test_a_torn_page_that_points_back_ends_the_salvage_instead_of_going_round_for_ever():
    def circle(start):
        yield from range(max(start, 1), 4)
        while True:
            yield from range(1, 4)  # … 3, 1, 2, 3, 1 … as a page pointing back to the first does

    rows = salvage._readable_rows(_TornSource(circle, lookup={5}), "sessions", ["id", "started_at"])
    assert [row["id"] for row in itertools.islice(rows, 20)] == [1, 2, 3, 5]


def test_an_id_torn_to_a_higher_number_keeps_the_rows_after_it():
    rows = salvage._readable_rows(
        _TornSource(lambda start: [1, 2, 76, 4, 5]), "sessions", ["id", "started_at"]
    )
    assert [row["id"] for row in rows] == [1, 2, 76, 4, 5]
