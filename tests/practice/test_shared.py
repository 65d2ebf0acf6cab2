"""What a practice's stations share through its server (a real PostgreSQL): a code's sessions done at
another kiosk count here, and a code assigned at one kiosk opens at every other, with its programme."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from sitimer.core.history.adherence import figures
from sitimer.core.history.export import session_rows
from sitimer.core.history.store import HistoryStore
from sitimer.core.practice.sender import Waiting, send, waiting
from sitimer.core.practice.server import STATION_ROLE, connected
from sitimer.core.practice.shared import add_to_history, pull_codes, pull_sessions, push_codes
from sitimer.core.programme.plan import Plan
from sitimer.core.session.recorder import session_start
from tests.conftest import PROGRAMMES
from tests.helpers.history_data import record_session, ticking_store, two_weeks
from tests.helpers.pg_server import PgServer

CODE = "246810"


def _station(pg_server: PgServer, practice_url: str, name: str) -> str:
    """A station account's URL (it may not read the table of sessions)."""
    pg_server.create_login(name, "kiosk-123", STATION_ROLE)
    return pg_server.url(urlsplit(practice_url).path.lstrip("/"), name, "kiosk-123")


def test_a_patients_sessions_at_another_kiosk_count_here_once(
    plan: Plan, pg_server: PgServer, practice_url: str, tmp_path: Path
) -> None:
    url = _station(pg_server, practice_url, "kiosk_shared_a")
    a = ticking_store(tmp_path / "a.db", datetime(2026, 12, 1, 7, tzinfo=UTC))  # Tuesday at kiosk A
    b = ticking_store(tmp_path / "b.db", datetime(2026, 12, 2, 7, tzinfo=UTC))  # Wednesday at kiosk B
    done_at_a = record_session(a, plan, profile=CODE)
    record_session(a, plan, profile="135791")  # someone else's: never copied to B for this code
    record_session(b, plan, profile=CODE)
    send(tmp_path / "a.db", url, "kiosk-a")
    per_day = int(plan.programme.frequency.sessions_per_day.min)

    assert figures(b.sessions(profile=CODE), per_day, date(2026, 12, 2)).sessions == 1
    assert pull_sessions(url, CODE, tmp_path / "b.db") == 1
    assert pull_sessions(url, CODE, tmp_path / "b.db") == 0  # typed again: nothing twice
    at_b = b.sessions(profile=CODE)
    assert len(at_b) == 2
    assert figures(at_b, per_day, date(2026, 12, 2)).sessions == 2
    assert b.sessions(profile="135791") == []
    steps = len([s for s in plan.steps if s.is_exercise])
    copied = next(s for s in at_b if s.started_at < "2026-12-02")
    assert len(b.steps(copied.id)) == steps
    # what came from the server never goes back: only B's own session waits
    assert waiting(tmp_path / "b.db") == Waiting(1, steps)

    a.rate(done_at_a, pain=3, effort=4.0, note=None)  # rated later at A: B sees the answer
    send(tmp_path / "a.db", url, "kiosk-a")
    pull_sessions(url, CODE, tmp_path / "b.db")
    assert [s.pain for s in b.sessions(profile=CODE) if s.started_at < "2026-12-02"] == [3]


def test_a_session_still_running_at_another_kiosk_is_not_copied_until_it_ends(
    plan: Plan, pg_server: PgServer, practice_url: str, tmp_path: Path
) -> None:
    url = _station(pg_server, practice_url, "kiosk_shared_b")
    a = ticking_store(tmp_path / "a.db", datetime(2026, 12, 1, 7, tzinfo=UTC))
    sid = a.begin(session_start(plan, simulated=False, profile=CODE))
    send(tmp_path / "a.db", url, "kiosk-a")
    b = ticking_store(tmp_path / "b.db", datetime(2026, 12, 2, 7, tzinfo=UTC))
    assert pull_sessions(url, CODE, tmp_path / "b.db") == 0
    b.recover()  # B's own crash recovery must never end A's running session
    a.end(sid, "completed")
    send(tmp_path / "a.db", url, "kiosk-a")
    assert pull_sessions(url, CODE, tmp_path / "b.db") == 1
    assert [s.status for s in b.sessions(profile=CODE)] == ["completed"]
    with connected(practice_url) as db:
        assert db.execute("SELECT status FROM sitimer.sessions").fetchall() == [("completed",)]


def test_a_code_assigned_at_one_kiosk_opens_at_another_with_its_own_programme(
    pg_server: PgServer, practice_url: str, tmp_path: Path
) -> None:
    url = _station(pg_server, practice_url, "kiosk_shared_c")
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    own = a_dir / "programmes" / "si-anna.yaml"
    own.parent.mkdir(parents=True)
    own.write_text((PROGRAMMES / "si-gewricht.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    b_dir.mkdir()

    push_codes(url, {CODE: ("molenwieken.yaml", "programmes/si-anna.yaml")}, a_dir, "kiosk-a")
    push_codes(url, {"135791": ("molenwieken.yaml",)}, a_dir, "kiosk-a")
    codes = pull_codes(url, b_dir)
    assert codes == {"135791": ("molenwieken.yaml",), CODE: ("molenwieken.yaml", "programmes/si-anna.yaml")}
    assert (b_dir / "programmes" / "si-anna.yaml").read_bytes() == own.read_bytes()
    assert not (b_dir / "molenwieken.yaml").exists()  # bundled: every station has it

    own.write_text(own.read_text(encoding="utf-8").replace("30", "25"), encoding="utf-8")  # edited at A
    push_codes(url, {CODE: ("programmes/si-anna.yaml",), "135791": ()}, a_dir, "kiosk-a")
    assert pull_codes(url, b_dir) == {CODE: ("programmes/si-anna.yaml",)}  # the removal too
    assert (b_dir / "programmes" / "si-anna.yaml").read_bytes() == own.read_bytes()


def test_a_programme_named_outside_the_data_folder_is_never_written(
    pg_server: PgServer, practice_url: str, tmp_path: Path
) -> None:
    url = _station(pg_server, practice_url, "kiosk_shared_d")
    with connected(practice_url) as db:
        db.execute("INSERT INTO sitimer.codes (code, programmes) VALUES (%s, '[\"../evil.yaml\"]')", (CODE,))
        db.execute("INSERT INTO sitimer.programmes (ref, content) VALUES ('../evil.yaml', 'x: 1')")
    (tmp_path / "b").mkdir()
    assert pull_codes(url, tmp_path / "b") == {CODE: ("../evil.yaml",)}
    assert not (tmp_path / "evil.yaml").exists()


def test_sessions_from_elsewhere_are_added_once_and_a_newer_copy_updates(plan: Plan, tmp_path: Path) -> None:
    source = ticking_store(tmp_path / "home.db", datetime(2026, 12, 1, 7, tzinfo=UTC))
    sid = record_session(source, plan)
    row = next(iter(source.sessions(include_simulated=True)))
    db = sqlite3.connect(tmp_path / "home.db")
    db.row_factory = sqlite3.Row
    session = dict(db.execute("SELECT * FROM sessions WHERE id = ?", (sid,)).fetchone())
    session["steps"] = [dict(r) for r in db.execute("SELECT * FROM steps WHERE session_id = ?", (sid,))]
    db.close()
    target = ticking_store(tmp_path / "therapist.db", datetime(2026, 12, 3, 7, tzinfo=UTC))
    assert add_to_history(tmp_path / "therapist.db", [session], sent=False) == (1, 0)
    assert add_to_history(tmp_path / "therapist.db", [session], sent=False) == (0, 1)
    assert add_to_history(tmp_path / "therapist.db", [session | {"rev": 9, "pain": 1}], sent=False) == (0, 1)
    [copy] = target.sessions()
    assert (copy.started_at, copy.pain) == (row.started_at, 1)
    assert len(target.steps(copy.id)) == len(session["steps"])
    assert waiting(tmp_path / "therapist.db").sessions == 1  # not from the server: it may be sent on


def test_a_history_sent_and_copied_back_reads_the_same_to_the_last_field(
    pg_server: PgServer, practice_url: str, tmp_path: Path, si_gewricht: Path
) -> None:
    """The server keeps what the SQLite store wrote: `history --json`'s rows (every session, step,
    answer and time, the demonstration too) read the same from a copy taken back from the server."""
    url = _station(pg_server, practice_url, "kiosk_shared_e")
    kiosk = two_weeks(tmp_path / "kiosk.db", si_gewricht, profile=CODE)
    kiosk.recover()  # the demonstration left open ends as interrupted, and goes too
    send(tmp_path / "kiosk.db", url, "kiosk-a")
    copy = HistoryStore(tmp_path / "copy.db")
    assert pull_sessions(url, CODE, tmp_path / "copy.db") == 27

    def rows(store: HistoryStore) -> list[dict[str, object]]:
        return [
            {k: v for k, v in row.items() if k != "id"}
            for row in session_rows(store, include_simulated=True, steps=True, profile=CODE)
        ]

    assert rows(copy) == rows(kiosk)
    assert len(rows(copy)[0]["steps"]) > 0  # type: ignore[arg-type]
