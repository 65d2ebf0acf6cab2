"""A home patient hands in their history as a file (`sitimer export --practice FILE`) and the therapist
takes it in (`sitimer practice import FILE`): on the practice's server (a real PostgreSQL) or into a
history of their own, each session once, however often the file is handed in."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sitimer.cli import main
from sitimer.core.history.store import HistoryStore
from sitimer.core.practice.server import THERAPIST_ROLE, connected
from sitimer.core.programme.plan import Plan
from sitimer.core.session.recorder import session_start
from tests.helpers.history_data import record_session, ticking_store
from tests.helpers.pg_server import PgServer


@pytest.fixture
def steps(plan: Plan) -> int:
    """Steps recorded in one session of the plan: every exercise step."""
    return len([s for s in plan.steps if s.is_exercise])


@pytest.fixture(autouse=True)
def _no_server_from_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("SITIMER_HISTORY_URL", raising=False)


def _store(folder: Path) -> HistoryStore:
    folder.mkdir(exist_ok=True)
    return ticking_store(folder / "history.db", datetime(2026, 11, 30, 7, tzinfo=UTC), timedelta(hours=5))


def _home(folder: Path, plan: Plan) -> HistoryStore:
    """A patient at home: three sessions done (the first rated) and one demonstration run."""
    store = _store(folder)
    first = record_session(store, plan)
    store.rate(first, pain=4, effort=3.5, note="stijf")
    record_session(store, plan)
    record_session(store, plan, status="partial")
    store.begin(session_start(plan, simulated=True))
    return store


def _export(home: Path, out: Path, capsys) -> str:
    assert main(["export", "--practice", str(out), "--data-dir", str(home)]) == 0
    return capsys.readouterr().out.strip()


def _import(out: Path, capsys, *more: str) -> tuple[int, str, str]:
    status = main(["practice", "import", str(out), *more])
    captured = capsys.readouterr()
    return status, captured.out.strip(), captured.err.strip()


def _on_server(url: str) -> tuple[list[tuple[str, str, int, int | None, float | None]], int]:
    """(station, profile, simulated, pain, effort) per session, and the number of steps."""
    with connected(url) as db:
        sessions = db.execute(
            "SELECT station, profile, simulated, pain, effort FROM sitimer.sessions ORDER BY started_at"
        ).fetchall()
        steps = db.execute("SELECT count(*) FROM sitimer.steps").fetchone()[0]
    return sessions, steps


def test_a_file_handed_in_twice_puts_each_session_on_the_server_once(
    plan, steps, practice_url, tmp_path, capsys
) -> None:
    _home(tmp_path / "home", plan).close()
    out = tmp_path / "hand-in.json"
    assert _export(tmp_path / "home", out, capsys) == f"{out}: 4 sessions"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # a patient's data: the owner's eyes only
    assert _import(out, capsys, "--history-url", practice_url) == (
        0,
        f"{out}: 4 sessions added, 0 already there",
        "",
    )
    assert (
        _import(out, capsys, "--history-url", practice_url)[1] == f"{out}: 0 sessions added, 4 already there"
    )
    sessions, sent_steps = _on_server(practice_url)
    assert sessions == [
        ("hand-in", "", 0, 4, 3.5),
        ("hand-in", "", 0, None, None),
        ("hand-in", "", 0, None, None),
        ("hand-in", "", 1, None, None),  # the demonstration: there, and marked
    ]
    assert sent_steps == 3 * steps


def test_the_code_files_the_sessions_under_the_patient(plan, practice_url, tmp_path, capsys) -> None:
    _home(tmp_path / "home", plan).close()
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    assert _import(out, capsys, "--history-url", practice_url, "--code", "482913")[0] == 0
    with connected(practice_url) as db:
        assert db.execute("SELECT DISTINCT profile FROM sitimer.sessions").fetchall() == [("482913",)]
        assert db.execute("SELECT count(*) FROM sitimer.sessions_of('482913')").fetchone()[0] == 4
    assert _import(out, capsys, "--history-url", practice_url, "--code", "48x")[:2] == (2, "")


def test_a_session_rated_after_the_first_hand_in_is_updated_by_the_second(
    plan, practice_url, tmp_path, capsys
) -> None:
    store = _store(tmp_path / "home")
    session = record_session(store, plan)
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    _import(out, capsys, "--history-url", practice_url)
    store.rate(session, pain=2, effort=5.0, note=None)
    store.close()
    _export(tmp_path / "home", out, capsys)
    assert (
        _import(out, capsys, "--history-url", practice_url)[1] == f"{out}: 0 sessions added, 1 already there"
    )
    assert _on_server(practice_url)[0] == [("hand-in", "", 0, 2, 5.0)]


def test_a_station_account_cannot_take_in_a_hand_in(
    plan, pg_server: PgServer, practice_url, tmp_path, capsys
) -> None:
    """Taking in a file reads across the practice's sessions: the therapist's account may, a kiosk's not."""
    from sitimer.core.practice.server import STATION_ROLE

    database = practice_url.split("@/")[1].split("?")[0]
    pg_server.create_login("kiosk_h", "kiosk-geheim", STATION_ROLE)
    pg_server.create_login("fysio_h", "fysio-geheim", THERAPIST_ROLE)
    _home(tmp_path / "home", plan).close()
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    status, printed, said = _import(
        out, capsys, "--history-url", pg_server.url(database, "kiosk_h", "kiosk-geheim")
    )
    assert (status, printed) == (1, "")
    assert len(said.splitlines()) == 1 and "refused" in said and "kiosk-geheim" not in said
    assert _on_server(practice_url) == ([], 0)
    therapist = pg_server.url(database, "fysio_h", "fysio-geheim")
    assert _import(out, capsys, "--history-url", therapist)[1] == f"{out}: 4 sessions added, 0 already there"


def test_without_a_server_the_file_goes_into_this_computers_history_once(
    plan, steps, tmp_path, capsys
) -> None:
    _home(tmp_path / "home", plan).close()
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    practice = ["--data-dir", str(tmp_path / "practice")]
    assert (
        _import(out, capsys, *practice, "--code", "482913")[1] == f"{out}: 4 sessions added, 0 already there"
    )
    assert (
        _import(out, capsys, *practice, "--code", "482913")[1] == f"{out}: 0 sessions added, 4 already there"
    )
    store = HistoryStore(tmp_path / "practice" / "history.db")
    sessions = store.sessions(profile="482913", include_simulated=True)
    assert [(s.status, s.simulated, s.pain) for s in sessions] == [
        ("completed", False, 4),
        ("completed", False, None),
        ("partial", False, None),
        ("interrupted", True, None),  # left open by the demonstration: closed before it was handed in
    ]
    assert [len(store.steps(s.id)) for s in sessions] == [steps, steps, steps, 0]
    assert store.sessions(profile="482913") == sessions[:3]  # the demonstration never counts
    store.close()


def test_sessions_written_without_uuids_get_them_in_the_file(plan, tmp_path, capsys) -> None:
    _home(tmp_path / "home", plan).close()
    raw = sqlite3.connect(tmp_path / "home" / "history.db")  # as rows written before UUIDs were kept
    raw.execute("UPDATE sessions SET uuid = NULL")
    raw.execute("UPDATE steps SET uuid = NULL")
    raw.commit()
    raw.close()
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    first = json.loads(out.read_text())
    _export(tmp_path / "home", out, capsys)
    again = json.loads(out.read_text())
    uuids = [s["uuid"] for s in first["sessions"]] + [
        t["uuid"] for s in first["sessions"] for t in s["steps"]
    ]
    assert None not in uuids and len(set(uuids)) == len(uuids)
    assert again["sessions"] == first["sessions"]  # given once, kept: a second hand-in is the same sessions


def test_no_history_no_file(tmp_path, capsys) -> None:
    out = tmp_path / "hand-in.json"
    assert main(["export", "--practice", str(out), "--data-dir", str(tmp_path / "empty")]) == 1
    assert "nothing to hand in" in capsys.readouterr().err
    assert not out.exists()


def _cut_short(document: dict) -> str:
    text = json.dumps(document, indent=1)
    return text[: len(text) // 2]


def _field(name: str, value: object, session: int = 1):
    def change(document: dict) -> str:
        document["sessions"][session][name] = value
        return json.dumps(document, indent=1)

    return change


def _step_field(name: str, value: object):
    def change(document: dict) -> str:
        document["sessions"][2]["steps"][3][name] = value
        return json.dumps(document, indent=1)

    return change


def _top(name: str, value: object):
    def change(document: dict) -> str:
        document[name] = value
        return json.dumps(document, indent=1)

    return change


def _same_uuid(document: dict) -> str:
    document["sessions"][2]["uuid"] = document["sessions"][0]["uuid"]
    return json.dumps(document, indent=1)


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (_cut_short, r":\d+:\d+: not valid JSON: the file ends too soon \(cut short\?\)$"),
        (
            lambda d: json.dumps(d, indent=1).replace('"version": 1,', '"version": 1', 1),
            r":\d+:\d+: not valid JSON: ",
        ),
        (_field("started_at", "yesterday"), r": sessions\[1\]\.started_at: not a time$"),
        (_field("status", "done"), r": sessions\[1\]\.status: not one of in_progress, completed, "),
        (_field("uuid", "1234"), r": sessions\[1\]\.uuid: not a UUID$"),
        (_field("pain", 11), r": sessions\[1\]\.pain: not a whole number from 0 to 10$"),
        (_field("effort", 3.3, 0), r": sessions\[0\]\.effort: not an effort from 0 to 10 in half steps"),
        (_field("simulated", "no"), r": sessions\[1\]\.simulated: not 0 or 1$"),
        (_step_field("seconds", -5), r": sessions\[2\]\.steps\[3\]\.seconds: not a number from 0 to "),
        (_step_field("kind", "jump"), r": sessions\[2\]\.steps\[3\]\.kind: not one of prepare, work, "),
        (_field("note", "stijf\x00"), r": sessions\[1\]\.note: holds a NUL character$"),
        (_same_uuid, r": sessions\[2\]\.uuid: the same as sessions\[0\]'s$"),
        (_top("format", "sitimer-history"), r": format: not a sitimer hand-in \('sitimer-practice' expected"),
        (_top("version", 2), r": version: made by a newer sitimer \(version 2\)"),
        (_top("sessions", {}), r": sessions: not a list$"),
    ],
)
def test_a_bad_file_is_one_line_and_nothing_is_taken_in(
    plan, practice_url, tmp_path, capsys, damage, said
) -> None:
    import re

    _home(tmp_path / "home", plan).close()
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    out.write_text(damage(json.loads(out.read_text())))
    for where in (["--history-url", practice_url], ["--data-dir", str(tmp_path / "practice")]):
        status, printed, told = _import(out, capsys, *where)
        assert (status, printed) == (1, "")
        assert len(told.splitlines()) == 1 and "Traceback" not in told
        assert re.search(f"^sitimer: {re.escape(str(out))}{said}", told), told
    assert _on_server(practice_url) == ([], 0)  # not the good sessions before the bad one either
    assert not (tmp_path / "practice" / "history.db").exists() or not HistoryStore(
        tmp_path / "practice" / "history.db"
    ).sessions(include_simulated=True)


def test_what_is_no_hand_in_file_at_all_is_refused_at_once(tmp_path, capsys) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    (tmp_path / "latin1.json").write_bytes(b'{"format": "caf\xe9"}')
    for path, said in (
        (tmp_path / "missing.json", "no such file"),
        (folder, "not a regular file"),
        (tmp_path / "latin1.json", "not UTF-8 text"),
    ):
        status, _, told = _import(path, capsys, "--data-dir", str(tmp_path / "practice"))
        assert status == 1 and told.startswith(f"sitimer: {path}: ") and said in told
        assert len(told.splitlines()) == 1


def test_a_history_with_no_sessions_hands_in_an_empty_file(practice_url, tmp_path, capsys) -> None:
    _store(tmp_path / "home").close()
    out = tmp_path / "hand-in.json"
    assert _export(tmp_path / "home", out, capsys) == f"{out}: 0 sessions"
    assert _import(out, capsys, "--history-url", practice_url)[:2] == (
        0,
        f"{out}: 0 sessions added, 0 already there",
    )


def test_a_server_that_refuses_one_session_takes_none_of_them(plan, practice_url, tmp_path, capsys) -> None:
    _home(tmp_path / "home", plan).close()
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    with connected(practice_url) as db:  # the third session (partial) is refused after two were put
        db.execute("ALTER TABLE sitimer.sessions ADD CONSTRAINT no_partial CHECK (status <> 'partial')")
    status, printed, told = _import(out, capsys, "--history-url", practice_url)
    assert (status, printed) == (1, "")
    assert len(told.splitlines()) == 1 and "could not take the handed-in sessions" in told
    assert _on_server(practice_url) == ([], 0)


def test_a_session_damaged_in_the_history_is_left_out_and_said(plan, tmp_path, capsys) -> None:
    _home(tmp_path / "home", plan).close()
    raw = sqlite3.connect(tmp_path / "home" / "history.db")
    raw.execute("UPDATE sessions SET pain = 14 WHERE id = 2")  # as a torn page might leave it
    raw.commit()
    raw.close()
    out = tmp_path / "hand-in.json"
    assert main(["export", "--practice", str(out), "--data-dir", str(tmp_path / "home")]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == f"{out}: 3 sessions"
    assert captured.err.strip() == (
        "sitimer: the session started 2026-12-01T03:00:00.000000Z cannot be handed in"
        " (session.pain: not a whole number from 0 to 10)"
    )
    assert _import(out, capsys, "--data-dir", str(tmp_path / "practice"))[0] == 0  # the rest goes in


def test_the_server_named_in_the_settings_takes_the_file(plan, practice_url, tmp_path, capsys) -> None:
    _home(tmp_path / "home", plan).close()
    out = tmp_path / "hand-in.json"
    _export(tmp_path / "home", out, capsys)
    (tmp_path / "practice").mkdir()
    (tmp_path / "practice" / "settings.json").write_text(json.dumps({"history_url": practice_url}))
    assert (
        _import(out, capsys, "--data-dir", str(tmp_path / "practice"))[1]
        == f"{out}: 4 sessions added, 0 already there"
    )
    assert len(_on_server(practice_url)[0]) == 4
    assert not (tmp_path / "practice" / "history.db").exists()
