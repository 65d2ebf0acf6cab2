"""`sitimer practice init` and the two roles on a real PostgreSQL server: what a station's account
may do, what only the therapist's may, and a wrong password said in one line."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import psycopg
import pytest

from sitimer.cli import main
from sitimer.core.practice.server import (
    NEWER,
    OTHER,
    REFUSED,
    SCHEMA_VERSION,
    STATION_ROLE,
    THERAPIST_ROLE,
    PracticeError,
    check_version,
    connected,
    error_for,
    init,
)
from tests.helpers.pg_server import PgServer, put_sessions, server_session


def _session(code: str, rev: int = 1, **changes: object) -> dict[str, object]:
    return server_session(code, status="in_progress", rev=rev, **changes)


def _login(pg_server: PgServer, database_url: str, name: str, role: str) -> str:
    pg_server.create_login(name, "geheim-123", role)
    database = urlsplit(database_url).path.lstrip("/")
    return pg_server.url(database, name, "geheim-123")


def test_init_twice_keeps_what_the_server_holds(practice_url: str) -> None:
    session = _session("123456")
    put_sessions(practice_url, session)
    assert init(practice_url) == SCHEMA_VERSION
    with connected(practice_url) as db:
        check_version(db, practice_url)
        assert db.execute("SELECT count(*) FROM sitimer.sessions").fetchone()[0] == 1


def test_a_session_sent_twice_is_one_row_and_an_older_copy_never_wins(practice_url: str) -> None:
    session = _session("123456")
    put_sessions(practice_url, session)
    put_sessions(practice_url, session)  # a retry after a lost answer
    put_sessions(practice_url, session | {"rev": 3, "status": "completed", "pain": 2})
    put_sessions(practice_url, session | {"rev": 2, "status": "stopped"})  # a late retry of an older state
    with connected(practice_url) as db:
        rows = db.execute("SELECT status, pain, rev FROM sitimer.sessions").fetchall()
    assert rows == [("completed", 2, 3)]


def test_a_station_adds_sessions_and_reads_one_code_but_never_the_table(
    pg_server: PgServer, practice_url: str
) -> None:
    put_sessions(practice_url, _session("111111"))
    station = _login(pg_server, practice_url, "kiosk_a", STATION_ROLE)
    put_sessions(station, _session("222222"))
    with connected(station) as db:
        mine = db.execute("SELECT profile FROM sitimer.sessions_of('222222')").fetchall()
        db.execute("INSERT INTO sitimer.codes (code, programmes) VALUES ('222222', '[\"si-gewricht.yaml\"]')")
    assert mine == [("222222",)]
    with pytest.raises(PracticeError) as refused, connected(station, "read the sessions") as db:
        db.execute("SELECT profile FROM sitimer.sessions")
    assert refused.value.kind == REFUSED
    assert "refused to read the sessions" in str(refused.value)
    therapist = _login(pg_server, practice_url, "fysio", THERAPIST_ROLE)
    with connected(therapist) as db:
        everyone = db.execute("SELECT profile FROM sitimer.sessions ORDER BY profile").fetchall()
        codes = db.execute("SELECT code FROM sitimer.codes").fetchall()
    assert everyone == [("111111",), ("222222",)]
    assert codes == [("222222",)]


def test_a_wrong_password_is_refused_in_one_line_without_it(pg_server: PgServer, practice_url: str) -> None:
    good = _login(pg_server, practice_url, "kiosk_b", STATION_ROLE)
    wrong = good.replace("geheim-123", "fout-999")
    with pytest.raises(PracticeError) as refused, connected(wrong):
        pass
    assert refused.value.kind == REFUSED
    assert "fout-999" not in str(refused.value) and "***" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_server_set_up_by_a_newer_sitimer_is_not_written(practice_url: str) -> None:
    with connected(practice_url) as db:
        db.execute("UPDATE sitimer.schema_version SET version = version + 1")
        with pytest.raises(PracticeError) as newer:
            check_version(db, practice_url)
    assert newer.value.kind == NEWER
    with pytest.raises(PracticeError):
        init(practice_url)


def test_the_commands_set_up_a_server_and_a_station_account(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.create_database("practice_cli")
    assert main(["practice", "init", url]) == 0
    assert f"version {SCHEMA_VERSION}" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("kiosk-wachtwoord\n"))
    assert main(["practice", "account", url, "kiosk_c", "--role", "station"]) == 0
    station = pg_server.url("practice_cli", "kiosk_c", "kiosk-wachtwoord")
    with psycopg.connect(station) as db:
        assert db.execute("SELECT pg_has_role('kiosk_c', %s, 'member')", (STATION_ROLE,)).fetchone()[0]


def test_a_server_that_is_not_there_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["practice", "init", "postgresql://owner:s3cret@/none?host=/nonexistent"]) == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "s3cret" not in err and len(err.strip().splitlines()) == 1


def test_a_busy_server_is_not_called_unreachable() -> None:
    """A deadlock or a lock it could not get is the server asking to try again, not a server gone."""
    busy = error_for(
        psycopg.errors.DeadlockDetected("deadlock detected"), "postgresql://k:pw@host/db", "send"
    )
    assert busy.kind == OTHER
    assert "was busy" in str(busy) and "cannot be reached" not in str(busy)
