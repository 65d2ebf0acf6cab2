"""A station's history sent on to the practice's server (a real PostgreSQL): every session and step
arrives once, whatever is sent again, whenever the server was down, whichever station sent it."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from sitimer.core.practice.sender import Waiting, send, waiting
from sitimer.core.practice.server import (
    STATION_ROLE,
    THERAPIST_ROLE,
    UNREACHABLE,
    PracticeError,
    connected,
    init,
)
from tests.helpers.history_data import record_session, ticking_store
from tests.helpers.pg_server import PgServer


def _on_server(url: str) -> tuple[list[tuple[str, str, str]], int]:
    """(station, profile, status) per session, and the number of steps."""
    with connected(url) as db:
        sessions = db.execute(
            "SELECT station, profile, status FROM sitimer.sessions ORDER BY started_at"
        ).fetchall()
        steps = db.execute("SELECT count(*) FROM sitimer.steps").fetchone()[0]
    return sessions, steps


def test_two_stations_send_their_sessions_once_however_often_they_send(plan, practice_url, tmp_path) -> None:
    a = ticking_store(tmp_path / "a.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
    b = ticking_store(tmp_path / "b.db", datetime(2026, 12, 1, 9, tzinfo=UTC))
    record_session(a, plan, profile="123456")
    record_session(b, plan, profile="123456")
    steps = len([s for s in plan.steps if s.is_exercise])
    assert waiting(tmp_path / "a.db") == Waiting(1, steps)
    assert send(tmp_path / "a.db", practice_url, "kiosk-a") == Waiting(1, steps)
    assert send(tmp_path / "b.db", practice_url, "kiosk-b") == Waiting(1, steps)
    assert not send(tmp_path / "a.db", practice_url, "kiosk-a")  # nothing left: nothing sent again
    assert not waiting(tmp_path / "b.db")
    sessions, sent_steps = _on_server(practice_url)
    assert sessions == [("kiosk-a", "123456", "completed"), ("kiosk-b", "123456", "completed")]
    assert sent_steps == 2 * steps


def test_a_session_rated_after_it_was_sent_is_sent_again_with_the_answers(
    plan, practice_url, tmp_path
) -> None:
    store = ticking_store(tmp_path / "a.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
    session = record_session(store, plan)
    send(tmp_path / "a.db", practice_url, "pc")
    store.rate(session, pain=3, effort=4.5, note=None)
    assert waiting(tmp_path / "a.db") == Waiting(1, 0)
    send(tmp_path / "a.db", practice_url, "pc")
    with connected(practice_url) as db:
        assert db.execute("SELECT pain, effort FROM sitimer.sessions").fetchall() == [(3, 4.5)]


def test_rows_the_server_has_but_the_station_never_marked_are_not_doubled(
    plan, practice_url, tmp_path
) -> None:
    """As when a station is killed after the server took a batch but before it marked it sent."""
    store = ticking_store(tmp_path / "a.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
    record_session(store, plan)
    send(tmp_path / "a.db", practice_url, "kiosk-a")
    raw = sqlite3.connect(tmp_path / "a.db")
    raw.execute("UPDATE sessions SET sent_rev = 0")
    raw.execute("UPDATE steps SET sent = 0")
    raw.commit()
    raw.close()
    send(tmp_path / "a.db", practice_url, "kiosk-a")
    sessions, steps = _on_server(practice_url)
    assert len(sessions) == 1 and steps == len([s for s in plan.steps if s.is_exercise])


def test_a_server_down_mid_session_loses_nothing_and_doubles_nothing(plan, tmp_path) -> None:
    server = PgServer()
    try:
        url = server.create_database("practice")
        init(url)
        store = ticking_store(tmp_path / "a.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
        record_session(store, plan, profile="123456")
        send(tmp_path / "a.db", url, "kiosk-a")
        server.stop()
        record_session(store, plan, profile="123456")  # the session goes on; the history takes it
        with pytest.raises(PracticeError) as down:
            send(tmp_path / "a.db", url, "kiosk-a")
        assert down.value.kind == UNREACHABLE
        assert waiting(tmp_path / "a.db").sessions == 1
        server.start()
        send(tmp_path / "a.db", url, "kiosk-a")
        sessions, steps = _on_server(url)
        assert len(sessions) == 2 and steps == 2 * len([s for s in plan.steps if s.is_exercise])
    finally:
        server.close()


def test_a_station_account_sends_and_the_therapist_sees_every_station(
    plan, pg_server: PgServer, practice_url, tmp_path
) -> None:
    database = practice_url.split("@/")[1].split("?")[0]
    pg_server.create_login("kiosk_s", "kiosk-1", STATION_ROLE)
    pg_server.create_login("fysio_s", "fysio-1", THERAPIST_ROLE)
    store = ticking_store(tmp_path / "a.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
    record_session(store, plan, profile="654321")
    send(tmp_path / "a.db", pg_server.url(database, "kiosk_s", "kiosk-1"), "kiosk-s")
    sessions, _ = _on_server(pg_server.url(database, "fysio_s", "fysio-1"))
    assert sessions == [("kiosk-s", "654321", "completed")]


def test_a_history_from_before_sending_gets_uuids_and_is_sent_whole(plan, practice_url, tmp_path) -> None:
    db = tmp_path / "old.db"
    store = ticking_store(db, datetime(2026, 11, 1, 8, tzinfo=UTC))
    record_session(store, plan)
    store.close()
    raw = sqlite3.connect(db)  # as a history written before version 4: no UUIDs
    raw.execute("UPDATE sessions SET uuid = NULL")
    raw.execute("UPDATE steps SET uuid = NULL")
    raw.commit()
    raw.close()
    send(db, practice_url, "pc")
    sessions, steps = _on_server(practice_url)
    assert len(sessions) == 1 and steps == len([s for s in plan.steps if s.is_exercise])


def test_the_command_sends_the_data_folders_history_and_says_what_waits(
    plan, practice_url, tmp_path, capsys, monkeypatch
) -> None:
    from sitimer.cli import main

    store = ticking_store(tmp_path / "history.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
    record_session(store, plan, profile="123456")
    store.close()
    folder = ["--data-dir", str(tmp_path)]
    steps = len([s for s in plan.steps if s.is_exercise])
    monkeypatch.delenv("SITIMER_HISTORY_URL", raising=False)
    assert main(["practice", "send", *folder]) == 2  # no server named
    assert "--history-url" in capsys.readouterr().err
    assert main(["practice", "waiting", *folder]) == 0
    assert f"1 sessions and {steps} steps not sent yet" in capsys.readouterr().out
    assert main(["practice", "send", *folder, "--history-url", practice_url, "--station", "balie"]) == 0
    assert f"1 sessions and {steps} steps sent" in capsys.readouterr().out
    assert _on_server(practice_url)[0] == [("balie", "123456", "completed")]
    assert main(["practice", "waiting", *folder]) == 0
    assert "0 sessions and 0 steps not sent yet" in capsys.readouterr().out


def test_a_server_named_in_the_settings_is_used_without_the_flag(
    plan, practice_url, tmp_path, capsys, monkeypatch
):
    from sitimer.cli import main

    store = ticking_store(tmp_path / "history.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
    record_session(store, plan, profile="123456")
    store.close()
    monkeypatch.delenv("SITIMER_HISTORY_URL", raising=False)
    (tmp_path / "settings.json").write_text(json.dumps({"history_url": practice_url}))
    assert main(["practice", "send", "--data-dir", str(tmp_path), "--station", "balie"]) == 0
    assert _on_server(practice_url)[0] == [("balie", "123456", "completed")]


def test_after_a_restore_from_an_older_backup_send_all_puts_back_what_the_server_lost(
    plan, practice_url, tmp_path, capsys
) -> None:
    from sitimer.cli import main

    store = ticking_store(tmp_path / "history.db", datetime(2026, 12, 1, 8, tzinfo=UTC))
    record_session(store, plan, profile="123456")
    record_session(store, plan, profile="654321")
    store.close()
    folder = ["--data-dir", str(tmp_path), "--history-url", practice_url]
    assert main(["practice", "send", *folder]) == 0
    with connected(practice_url) as db:  # the night's dump had only the first session
        db.execute(
            "DELETE FROM sitimer.steps WHERE session_uuid IN"
            " (SELECT uuid FROM sitimer.sessions WHERE profile = '654321')"
        )
        db.execute("DELETE FROM sitimer.sessions WHERE profile = '654321'")
    assert main(["practice", "send", *folder]) == 0
    assert [p for _s, p, _st in _on_server(practice_url)[0]] == ["123456"]  # marked sent: not again
    capsys.readouterr()
    assert main(["practice", "send", *folder, "--all"]) == 0
    steps = len([s for s in plan.steps if s.is_exercise])
    assert f"2 sessions and {2 * steps} steps sent" in capsys.readouterr().out
    sessions, on_server_steps = _on_server(practice_url)
    assert sorted(p for _s, p, _st in sessions) == ["123456", "654321"]
    assert on_server_steps == 2 * steps  # the first session's again, but once
