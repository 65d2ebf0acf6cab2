"""A history in trouble: busy, full, damaged, unwritable. Only a damaged file is moved aside, never
silently, and with what it still holds; a session the history cannot take is kept in a side file."""

import json
import os
import sqlite3
import subprocess
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from sitimer import cli
from sitimer.core.clock import FakeClock
from sitimer.core.history import adherence
from sitimer.core.history.errors import HistoryError
from sitimer.core.history.journal import pending
from sitimer.core.history.lock import SessionLock
from sitimer.core.history.schema import MIGRATIONS, SCHEMA_VERSION
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.engine import SessionEngine, State
from sitimer.core.session.recorder import GLANCE_S, Recorder
from tests.helpers.history_data import Wall, record_session


@pytest.fixture
def plan(si_gewricht):
    return build_plan(load_file(si_gewricht))


def _left_open(db, plan, completed=2):
    """A history with ``completed`` sessions and one a crash left in progress."""
    store = HistoryStore(db, now=Wall())
    for _ in range(completed):
        record_session(store, plan)
    store.begin(record_session.__globals__["session_start"](plan, simulated=False))
    store.close()


def _walk(recorder, plan, until=None):
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    for event in engine.start():
        recorder.on_event(event)
    while engine.state is State.RUNNING:
        deadline = engine.next_deadline()
        if until is not None and deadline > until:
            break
        clock.now = deadline
        for event in engine.advance():
            recorder.on_event(event)
    return engine


def _history(capsys, data):
    code = cli.main(["history", "--data-dir", str(data), "--steps"])
    out, err = capsys.readouterr()
    return code, (json.loads(out)["sessions"] if out.strip() else None), err


# -- item 1: a healthy history is never swapped for an empty one --------------------------------
def test_a_history_held_by_another_program_is_not_taken_for_damaged(plan, tmp_path):
    db = tmp_path / "history.db"
    _left_open(db, plan)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another SQLite client holds the write lock
    store = HistoryStore(db, busy_s=0.05)
    assert store.recover() == 0
    assert [s.status for s in store.sessions()] == ["completed", "completed", "in_progress"]
    assert "in use by another program" in store.notices[-1]
    assert not list(tmp_path.glob("*corrupt*"))
    other.execute("ROLLBACK")
    assert store.recover() == 1  # free again: closed now


def test_a_history_with_a_table_missing_keeps_its_sessions_and_says_where_the_file_went(
    plan, tmp_path, capsys
):
    data = tmp_path / "data"
    data.mkdir()
    _left_open(data / "history.db", plan)
    raw = sqlite3.connect(data / "history.db")
    raw.execute("DROP TABLE steps")
    raw.commit()
    raw.close()
    code, sessions, err = _history(capsys, data)
    assert code == 0
    assert [s["id"] for s in sessions] == [1, 2, 3]  # not an empty history
    [aside] = data.glob("history.corrupt-*.db")
    assert f"moved to {aside}" in err and "table steps is missing" in err
    assert "3 sessions" in err


def test_every_command_says_when_the_file_was_moved_aside(plan, tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.db").write_bytes(b"not a database at all" * 200)
    code, sessions, err = _history(capsys, data)
    assert code == 0 and sessions == []
    [aside] = data.glob("history.corrupt-*.db")
    assert err.startswith("sitimer: ") and str(aside) in err


def _fill(path):
    """Write ``path`` until its disk is full."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


@pytest.mark.skipif(os.getuid() != 0, reason="mounts a small tmpfs: needs root")
def test_a_full_disk_is_told_as_full_and_moves_nothing(plan, tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(data)]).returncode:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        _left_open(data / "history.db", plan)
        reader = sqlite3.connect(data / "history.db")  # another program reading: its side files stay
        reader.execute("SELECT COUNT(*) FROM sessions").fetchone()
        _fill(data / "filler")
        code, sessions, err = _history(capsys, data)
        assert not list(data.glob("*corrupt*"))
        assert "full" in err
        if code == 0:  # read, and the crashed session left for when there is room
            assert [s["status"] for s in sessions] == ["completed", "completed", "in_progress"]
        else:
            assert sessions is None and err.count("\n") >= 1
        (data / "filler").unlink()
        reader.close()
        code, sessions, err = _history(capsys, data)
        assert code == 0 and [s["status"] for s in sessions] == ["completed", "completed", "interrupted"]
    finally:
        subprocess.run(["umount", "--lazy", str(data)])  # the history may still be open in this process


# -- item 2: a damaged file is a message, never a traceback --------------------------------------
def test_text_that_is_not_utf8_reads_with_a_mark_not_a_traceback(plan, tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    _left_open(data / "history.db", plan)
    raw = sqlite3.connect(data / "history.db")
    raw.execute("UPDATE sessions SET note = CAST(X'4869FFFE21' AS TEXT) WHERE id = 1")
    raw.execute("UPDATE steps SET exercise = CAST(X'FF' AS TEXT) WHERE id = 1")
    raw.commit()
    raw.close()
    code, sessions, _err = _history(capsys, data)
    assert code == 0
    assert sessions[0]["note"] == "Hi\ufffd\ufffd!" and sessions[0]["steps"][0]["exercise"] == "\ufffd"
    assert not list(data.glob("*corrupt*"))


@pytest.mark.parametrize("version", [-5, 0x5A5A5A5A])
def test_an_odd_schema_version_is_damage_and_its_sessions_are_kept(plan, tmp_path, version):
    db = tmp_path / "history.db"
    _left_open(db, plan)
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.close()
    store = HistoryStore(db)
    assert [s.id for s in store.sessions()] == [1, 2, 3]
    assert f"schema version is {version}" in store.notices[0] and "moved to" in store.notices[0]


def test_a_folder_where_the_lock_file_goes_is_told_and_the_history_still_reads(plan, tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    _left_open(data / "history.db", plan)
    (data / "history.db.lock").mkdir()
    code, sessions, err = _history(capsys, data)
    assert code == 0 and len(sessions) == 3
    assert "history.db.lock cannot be used as a lock" in err


def test_pages_torn_in_the_middle_are_found_by_a_read_and_moved_aside_keeping_what_reads(plan, tmp_path):
    db = tmp_path / "history.db"
    store = HistoryStore(db, now=Wall())
    for _ in range(40):
        record_session(store, plan)
    store.close()
    raw = sqlite3.connect(db)
    [(page,)] = raw.execute(  # the last leaf page of the steps table: steps late in the file
        "SELECT MAX(pageno) FROM dbstat WHERE name = 'steps' AND pagetype = 'leaf'"
    ).fetchall()
    raw.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * 4096 : page * 4096] = b"\x5a" * 4096
    db.write_bytes(bytes(data))
    store = HistoryStore(db)
    sessions = store.sessions()  # the sessions' pages are whole
    assert len(sessions) == 40
    for session in sessions:
        store.steps(session.id)  # one of these meets the torn page
    [aside] = tmp_path.glob("history.corrupt-*.db")
    assert aside.read_bytes() == bytes(data)
    assert str(aside) in store.notices[0]
    assert len(store.sessions()) == 40  # the new file has them all
    assert store.integrity() == "ok"


# -- item 3: a session the history cannot take is kept in a side file ----------------------------
def test_a_history_from_a_newer_sitimer_keeps_the_session_in_a_journal_added_when_it_can_be(plan, tmp_path):
    db = tmp_path / "history.db"
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    recorder = Recorder(lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=False)
    recorder.open()
    engine = _walk(recorder, plan)
    recorder.rate(pain=3, effort=4, note="stijf")
    recorder.close()
    assert engine.state is State.FINISHED
    [journal] = pending(db)
    assert recorder.journal_path == journal and journal.parent == tmp_path
    assert f"kept in {journal}" in recorder.notices.latest and "newer sitimer" in recorder.notices.latest
    assert not recorder.lost_on_exit
    lines = [json.loads(line) for line in journal.read_text().splitlines()]
    assert lines[0]["op"] == "begin" and lines[-1]["op"] == "rate"
    with pytest.raises(HistoryError, match="newer"):
        HistoryStore(db)
    db.rename(tmp_path / "newer.db")  # the practice puts the newer sitimer's file away
    store = HistoryStore(db)
    [session] = store.sessions()
    assert session.status == "completed" and session.steps_done == session.steps_planned
    assert session.pain == 3 and session.note == "stijf"
    assert "was added" in store.notices[0] and not pending(db)
    assert len(HistoryStore(db).sessions()) == 1  # added once


def test_a_journal_is_not_added_while_its_session_still_runs(plan, tmp_path):
    db = tmp_path / "history.db"
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the data folder should be")
    recorder = Recorder(lambda: HistoryStore(blocker / "history.db"), plan, db_path=db, simulated=False)
    recorder.open()
    _walk(recorder, plan, until=200)  # still running, writing its journal
    assert recorder.journal_path is not None
    assert HistoryStore(db).sessions() == []  # not taken while it grows
    assert recorder.journal_path.exists()


def test_a_busy_history_mid_session_does_not_lose_the_rest(plan, tmp_path):
    db = tmp_path / "history.db"
    recorder = Recorder(lambda: HistoryStore(db, now=Wall(), busy_s=0.05), plan, db_path=db, simulated=False)
    recorder.open()
    engine = _walk(recorder, plan, until=200)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a backup tool holds the history for a while
    _walk_on = engine.next_deadline()
    while engine.state is State.RUNNING and engine.next_deadline() < _walk_on + 600:
        engine.clock.now = engine.next_deadline()
        for event in engine.advance():
            recorder.on_event(event)
    assert recorder.journal_path is not None and "in use" in recorder.notices.latest
    other.execute("ROLLBACK")
    while engine.state is State.RUNNING:
        engine.clock.now = engine.next_deadline()
        for event in engine.advance():
            recorder.on_event(event)
    assert recorder.unsaved == 0 and recorder.journal_path is None  # added at the end
    [session] = HistoryStore(db).sessions()
    assert session.status == "completed" and session.steps_done == session.steps_planned


def test_a_session_kept_aside_does_not_wait_the_whole_while_again_at_each_later_try(
    plan, tmp_path, monkeypatch
):
    """Another program held the history all through a 10 s session: the end, the answers and the
    close each waited the full busy time again (25 s in all). Kept aside, each later try is a glance."""
    db = tmp_path / "history.db"
    waits: list[float] = []
    real = HistoryStore.wait_for_lock

    def noted(store: HistoryStore, seconds: float) -> None:
        waits.append(seconds)
        real(store, seconds)

    recorder = Recorder(lambda: HistoryStore(db, now=Wall(), busy_s=0.2), plan, db_path=db, simulated=False)
    recorder.open()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # held from before the start to after the close
    monkeypatch.setattr(HistoryStore, "wait_for_lock", noted)
    _walk(recorder, plan)
    recorder.rate(pain=2, effort=3.0, note=None)
    recorder.close()
    assert recorder.journal_path is not None and recorder.unsaved > 0
    assert waits and waits[0::2] == [GLANCE_S] * (len(waits) // 2)  # each later try a glance,
    assert waits[1::2] == [0.2] * (len(waits) // 2)  # and the store as it was after it
    assert len(waits) // 2 >= 3  # the end, the answers, the close
    other.execute("ROLLBACK")
    [session] = HistoryStore(db).sessions()  # the next start adds it
    assert session.status == "completed" and session.pain == 2


def test_a_write_sqlite_took_back_itself_names_what_went_wrong(plan, tmp_path, monkeypatch):
    """A full disk mid-write: SQLite rolls the transaction back itself, and the patient was told
    "cannot rollback - no transaction is active" in place of the disk being full."""
    store = HistoryStore(tmp_path / "history.db", now=Wall())

    def full(writes):  # as SQLite does on SQLITE_FULL: the transaction is gone when it says so
        store._db.execute("ROLLBACK")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "_replay", full)
    with pytest.raises(HistoryError) as caught:
        store.replay([{"op": "begin"}])
    assert "full" in str(caught.value) and "cannot rollback" not in str(caught.value)


# -- item 10a: a session running in another window is running, not interrupted -------------------
def test_two_sessions_at_once_neither_is_taken_for_one_a_crash_left_open(plan, tmp_path):
    db = tmp_path / "history.db"
    first = Recorder(lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=False)
    second = Recorder(lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=False)
    _walk(first, plan, until=100)
    _walk(second, plan, until=100)  # a second window, while the first runs
    _walk(first, plan)  # the first ends and lets go of its lock
    assert HistoryStore(db).recover() == 0
    statuses = [s.status for s in HistoryStore(db).sessions()]
    assert statuses == ["completed", "in_progress"]


def test_a_session_begun_while_another_is_being_closed_takes_its_lock(tmp_path):
    db = tmp_path / "history.db"
    closing = SessionLock(db)
    assert closing.acquire()
    running = SessionLock(db)
    assert not running.share(wait_s=0)
    closing.release()
    assert running.share(wait_s=0) and SessionLock(db).share(wait_s=0)  # sessions share it
    assert not SessionLock(db).acquire()  # and keep recovery out


def test_a_session_still_running_is_neither_done_nor_cut_off_in_the_figures(plan, tmp_path):
    db = tmp_path / "history.db"
    running = Recorder(lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=False)
    _walk(running, plan, until=100)
    [day] = adherence.days(HistoryStore(db).sessions(), date(2026, 11, 21), date(2026, 11, 21))
    assert (day.done, day.partial) == (0, 0)


# -- the patient's answers apart from sessions (EARS, missed reasons, GPE, PSK, activity ticks) -------
def _answer_everything(store):
    store.save_ears("si-gewricht", date(2026, 11, 16), (0, 4, 4, 0, 4, 0))
    store.save_missed_reason("si-gewricht", date(2026, 11, 17), "pain")
    store.save_gpe("si-gewricht", datetime(2026, 11, 30, 9, tzinfo=UTC), 3)
    store.save_psk("si-gewricht", datetime(2026, 11, 30, 9, tzinfo=UTC), (("hardlopen", 6),))
    store.tick_activity("si-blokkade-herstel", "wandelen-fietsen", date(2026, 11, 16))


def _answers(store):
    return (
        [r.total for r in store.ears("si-gewricht")],
        [r.reason for r in store.missed_reasons("si-gewricht")],
        [r.value for r in store.gpe("si-gewricht")],
        [r.items for r in store.psk("si-gewricht")],
        store.activities_done("si-blokkade-herstel", date(2026, 11, 16)),
    )


ALL_ANSWERED = ([24], ["pain"], [3], [(("hardlopen", 6),)], {"wandelen-fietsen"})


def test_a_damaged_history_moved_aside_keeps_the_patients_answers(plan, tmp_path):
    db = tmp_path / "history.db"
    _left_open(db, plan)
    store = HistoryStore(db, now=Wall())
    _answer_everything(store)
    store.close()
    raw = sqlite3.connect(db)
    raw.execute("DROP TABLE steps")
    raw.commit()
    raw.close()
    store = HistoryStore(db)
    assert "moved to" in store.notices[0]
    assert _answers(store) == ALL_ANSWERED
    assert len(store.sessions()) == 3


def test_a_damaged_history_of_an_older_schema_keeps_its_sessions(plan, tmp_path):
    db = tmp_path / "history.db"
    raw = sqlite3.connect(db)
    for number in range(2):  # as sitimer wrote it before the dose share and the answers were kept
        raw.executescript(MIGRATIONS[number])
    raw.execute(
        "INSERT INTO sessions (programme, programme_hash, per_day_min, per_day_max, started_at,"
        " utc_offset_min, steps_planned, status, effort) VALUES ('si-gewricht', 'h', 2, 2,"
        " '2026-11-16T08:00:00.000000Z', 60, 12, 'completed', 4)"
    )
    raw.execute("DROP TABLE steps")
    raw.execute("PRAGMA user_version = 2")
    raw.commit()
    raw.close()
    store = HistoryStore(db)
    [session] = store.sessions()
    assert (session.status, session.effort, session.dose_share) == ("completed", 4, None)
    assert _answers(store) == ([], [], [], [], set())


def test_answers_to_a_history_held_by_another_program_are_told_as_busy_and_move_nothing(plan, tmp_path):
    db = tmp_path / "history.db"
    _left_open(db, plan)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store = HistoryStore(db, busy_s=0.05)
    for answer in (
        lambda: store.save_ears("si-gewricht", date(2026, 11, 16), (0, 4, 4, 0, 4, 0)),
        lambda: store.save_missed_reason("si-gewricht", date(2026, 11, 17), "pain"),
        lambda: store.save_gpe("si-gewricht", datetime(2026, 11, 30, tzinfo=UTC), 3),
        lambda: store.save_psk("si-gewricht", datetime(2026, 11, 30, tzinfo=UTC), (("hardlopen", 6),)),
        lambda: store.tick_activity("si-blokkade-herstel", "wandelen-fietsen", date(2026, 11, 16)),
    ):
        with pytest.raises(HistoryError, match="in use by another program"):
            answer()
    other.execute("ROLLBACK")
    assert not list(tmp_path.glob("*corrupt*"))
    _answer_everything(store)  # free again
    assert _answers(store) == ALL_ANSWERED


@pytest.mark.skipif(os.getuid() != 0, reason="mounts a small tmpfs: needs root")
def test_answers_on_a_full_disk_are_told_as_full_and_kept_once_there_is_room(plan, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(data)]).returncode:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        store = HistoryStore(data / "history.db", now=Wall())
        for _ in range(2):
            record_session(store, plan)
        _fill(data / "filler")
        with pytest.raises(HistoryError, match="full"):
            for week in range(60):  # each week's EARS a new row: the file must grow
                store.save_ears("si-gewricht", date(2026, 11, 16) + week * date.resolution * 7, (0,) * 6)
        assert not list(data.glob("*corrupt*"))
        (data / "filler").unlink()
        _answer_everything(store)
        assert _answers(store)[1:] == ALL_ANSWERED[1:]
    finally:
        subprocess.run(["umount", "--lazy", str(data)])


def test_an_io_error_on_a_full_disk_is_told_as_full_and_a_read_only_folder_as_such(tmp_path, monkeypatch):
    """On a full tmpfs SQLite said "disk I/O error" (a 3-byte -shm file): told as a broken disk. A
    folder that may not be written: "unable to open database file", nothing about why."""
    from sitimer.core.history import errors

    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorcode = 10  # type: ignore[attr-defined]
    path = tmp_path / "history.db"
    monkeypatch.setattr(errors.shutil, "disk_usage", lambda _p: SimpleNamespace(free=0))
    full = errors.history_error(io, path)
    assert full.kind == errors.FULL and str(full).startswith(
        f"the disk holding the history at {path} is full"
    )
    monkeypatch.setattr(errors.shutil, "disk_usage", lambda _p: SimpleNamespace(free=10**9))
    assert errors.history_error(io, path).kind == errors.OTHER  # room left: an I/O error it is
    monkeypatch.setattr(errors.os, "access", lambda _p, _mode: False)
    shut = errors.history_error(sqlite3.OperationalError("unable to open database file"), path, "opened")
    assert shut.kind == errors.UNWRITABLE and str(shut).endswith("; the folder is read-only)")


def test_a_history_cut_short_keeps_the_sessions_still_in_it(plan, tmp_path):
    """A history.db cut to half its size was moved aside with "0 sessions, 0 steps" kept: its
    indexes lay in the lost half, and SQLite refused the whole schema, though every session row
    could still be read."""
    db = tmp_path / "history.db"
    store = HistoryStore(db, now=Wall())
    for _ in range(3):
        record_session(store, plan)
    store.close()
    os.truncate(db, db.stat().st_size // 2)
    store = HistoryStore(db)
    assert "moved to" in store.notices[0] and "3 sessions" in store.notices[0]
    assert len(store.sessions()) == 3
