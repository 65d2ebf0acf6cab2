"""The adherence history: written as the session goes, nothing ever lost."""

import sqlite3
import stat

import pytest

from sitimer.core.clock import FakeClock
from sitimer.core.history.errors import HistoryError
from sitimer.core.history.rows import LastStarted
from sitimer.core.history.schema import MIGRATIONS, SCHEMA_VERSION
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.engine import SessionEngine, State
from sitimer.core.session.recorder import Recorder, session_start
from tests.helpers.history_data import Wall, record_session


@pytest.fixture
def plan(si_gewricht):
    return build_plan(load_file(si_gewricht))


def _run(plan, db, *, until=None, simulated=False):
    """Walk a session on a fake clock with a recorder; stop at clock offset ``until``."""
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    recorder = Recorder(lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=simulated)
    for event in engine.start():
        recorder.on_event(event)
    while engine.state is State.RUNNING:
        deadline = engine.next_deadline()
        if until is not None and deadline - 1000.0 > until:
            break
        clock.now = deadline
        for event in engine.advance():
            recorder.on_event(event)
    return engine, recorder


def test_a_completed_session_is_recorded_with_every_step(plan, tmp_path):
    db = tmp_path / "history.db"
    _run(plan, db)
    [session] = HistoryStore(db).sessions()
    exercise_steps = sum(1 for s in plan.steps if s.is_exercise)
    assert session.status == "completed"
    assert session.steps_done == session.steps_planned == exercise_steps
    assert session.programme == "si-gewricht" and len(session.programme_hash) == 64
    steps = HistoryStore(db).steps(session.id)
    molen = [s for s in steps if s.exercise == "molenwieken"]
    assert [(s.set_no, s.reps, s.side) for s in molen] == [(k, 30, "alternate") for k in (1, 2, 3)]
    holds = [s for s in steps if s.kind == "hold"]
    assert [s.seconds for s in holds] == [30.0] * 6


def test_the_latest_start_per_programme_is_the_patients_own_and_never_a_simulated_run(plan, tmp_path):
    store = HistoryStore(tmp_path / "history.db", now=Wall())
    record_session(store, plan)
    latest = record_session(store, plan, status="stopped")
    record_session(store, plan, profile="123456")  # a kiosk patient's, later
    simulated = store.begin(session_start(plan, simulated=True))  # a demonstration, later still
    started = {s.id: s.started_at for s in store.sessions(profile=None, include_simulated=True)}
    assert store.last_started() == [LastStarted("si-gewricht", started[latest])]
    assert started[simulated] > started[latest]


def test_each_step_is_on_disk_the_moment_it_ends(plan, tmp_path):
    db = tmp_path / "history.db"
    first_set_end = plan.steps[1].start_s + plan.steps[1].duration_s
    _engine, _recorder = _run(plan, db, until=first_set_end + 1)
    # another process (a fresh connection) already sees the set and the open session
    reader = sqlite3.connect(db)
    assert reader.execute("SELECT status FROM sessions").fetchall() == [("in_progress",)]
    assert reader.execute("SELECT exercise, reps FROM steps").fetchall() == [("molenwieken", 30)]


def test_a_session_cut_off_is_marked_interrupted_at_the_next_start_keeping_its_steps(plan, tmp_path):
    db = tmp_path / "history.db"
    third_set = [s for s in plan.steps if s.exercise == "molenwieken" and s.kind.value == "work"][-1]
    _engine, recorder = _run(plan, db, until=third_set.start_s + third_set.duration_s + 1)
    recorder._lock.release()  # the process died: the OS drops its lock
    store = HistoryStore(db)
    assert store.recover() == 1
    [session] = store.sessions()
    assert session.status == "interrupted"
    assert session.steps_done == 3  # molenwieken's three sets
    assert session.ended_at is not None
    assert store.integrity() == "ok"


def test_a_live_session_is_not_marked_interrupted_by_another_reader(plan, tmp_path):
    db = tmp_path / "history.db"
    _run(plan, db, until=200)  # still running, lock held
    assert HistoryStore(db).recover() == 0
    assert HistoryStore(db).sessions()[0].status == "in_progress"


def test_a_corrupt_history_is_moved_aside_never_deleted(tmp_path):
    db = tmp_path / "history.db"
    junk = b"this is not a database, but it is somebody's data" * 100
    db.write_bytes(junk)
    store = HistoryStore(db)
    assert len(store.notices) == 1 and "moved to" in store.notices[0]
    [aside] = tmp_path.glob("history.corrupt-*.db")
    assert aside.read_bytes() == junk
    assert store.sessions() == [] and store.integrity() == "ok"


def test_files_are_readable_by_their_owner_only(plan, tmp_path):
    db = tmp_path / "history.db"
    _run(plan, db, until=120)
    for path in tmp_path.iterdir():
        if path.name.startswith("history.db"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_history_that_cannot_be_written_keeps_the_session_in_memory_and_saves_it_later(plan, tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")  # unwritable, even for root
    db = blocker / "history.db"
    engine, recorder = _run(plan, db)
    assert engine.state is State.FINISHED  # the session itself was never held up
    assert recorder.notices.latest and "cannot be opened" in recorder.notices.latest
    assert recorder.unsaved == 1 + sum(1 for s in plan.steps if s.is_exercise) + 1  # begin, steps, end
    blocker.unlink()  # the disk is back
    assert recorder.flush()
    [session] = HistoryStore(db).sessions()
    assert session.status == "completed" and session.steps_done == session.steps_planned


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_schema_is_migrated_keeping_its_sessions(tmp_path, version):
    db = tmp_path / "history.db"
    raw = sqlite3.connect(db)
    for number in range(version):
        raw.executescript(MIGRATIONS[number])
    raw.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        raw.execute(
            "INSERT INTO sessions (programme, programme_hash, per_day_min, per_day_max, started_at,"
            " utc_offset_min, steps_planned, status) VALUES ('si-gewricht', 'h', 2, 2,"
            " '2026-01-01T08:00:00.000000Z', 60, 12, 'completed')"
        )
    raw.commit()
    raw.close()
    store = HistoryStore(db)
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert len(store.sessions()) == (1 if version >= 1 else 0)


def test_a_history_from_a_newer_sitimer_is_left_alone(tmp_path):
    db = tmp_path / "history.db"
    raw = sqlite3.connect(db)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = db.read_bytes()
    with pytest.raises(HistoryError, match="newer sitimer"):
        HistoryStore(db)
    assert db.read_bytes() == before and not list(tmp_path.glob("*corrupt*"))


def test_a_history_damaged_by_a_crash_is_moved_aside_at_the_next_start(plan, tmp_path):
    db = tmp_path / "history.db"
    _engine, recorder = _run(plan, db, until=1500)  # most of a session, still open
    recorder._lock.release()
    recorder.store.close()
    data = bytearray(db.read_bytes())
    assert len(data) >= 6 * 4096
    data[2 * 4096 : 5 * 4096] = b"\xde\xad" * (3 * 4096 // 2)  # a power cut tore some pages
    db.write_bytes(bytes(data))
    store = HistoryStore(db)
    store.recover()
    assert len(store.notices) == 1 and "damaged" in store.notices[0]
    [aside] = tmp_path.glob("history.corrupt-*.db")
    assert str(aside) in store.notices[0]
    assert aside.read_bytes() == bytes(data)  # kept exactly as found
    assert store.integrity() == "ok"
    [session] = store.sessions()  # what the torn file still held was copied into the new one
    assert session.programme == "si-gewricht" and "1 session," in store.notices[0]


def test_the_csv_of_steps_has_a_line_for_a_session_stopped_before_its_first_step(tmp_path, si_gewricht):
    """The kiosk's export said "sessions of code …: 4" while its file held two: a session stopped
    before any step was done had no line at all."""
    import csv
    import io

    from sitimer.core.history.export import session_rows, to_csv

    plan = build_plan(load_file(si_gewricht))
    store = HistoryStore(tmp_path / "history.db")
    done = record_session(store, plan)
    early = store.begin(session_start(plan, simulated=False))
    store.end(early, "stopped")
    rows = list(
        csv.DictReader(io.StringIO(to_csv(session_rows(store, steps=True, local_times=True), steps=True)))
    )
    assert {int(r["session_id"]) for r in rows} == {done, early}
    (stopped,) = [r for r in rows if int(r["session_id"]) == early]
    assert stopped["session_status"] == "stopped" and stopped["step"] == stopped["exercise"] == ""
    store.close()
