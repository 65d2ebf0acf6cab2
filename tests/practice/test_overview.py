"""The therapist's overview of every code on a real PostgreSQL server: the figures follow the adherence
rules of the progress view (the SQL and the Python agree on random sessions), who is falling behind
comes first, a station's account is refused, and `sitimer practice report` prints it as a table, CSV
or JSON, or one code's sessions as CSV or its PDF report."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
import threading
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitimer.cli import main
from sitimer.core.history.adherence import adherence, local_day, weekly
from sitimer.core.history.rows import SessionRow
from sitimer.core.history.store import HistoryStore
from sitimer.core.practice.overview import CodeLine, in_language, overview
from sitimer.core.practice.sender import Waiting, send
from sitimer.core.practice.server import (
    OTHER,
    REFUSED,
    STATION_ROLE,
    THERAPIST_ROLE,
    PracticeError,
    connected,
)
from sitimer.core.practice.tallies import REBUILD
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from tests.conftest import PROGRAMMES
from tests.helpers.history_data import record_session
from tests.helpers.pg_server import PgServer, put_sessions, server_session

TODAY = date(2026, 12, 10)  # a Thursday: Monday to today is four days
STATUSES = ("completed", "completed", "completed", "partial", "stopped", "interrupted", "in_progress")


def _session(code: str, started: datetime, **changes: object) -> dict[str, object]:
    """A session as a station puts it on the server, started at ``started``."""
    return server_session(code, started_at=started.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), **changes)


def _login(pg_server: PgServer, url: str, name: str, role: str) -> str:
    pg_server.create_login(name, "geheim-123", role)
    return pg_server.url(urlsplit(url).path.lstrip("/"), name, "geheim-123")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A time in UTC on ``day``."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


# -- the figures as the progress view makes them, in Python ----------------------------------------
def _row(number: int, values: dict[str, object]) -> SessionRow:
    fields = {name: values.get(name) for name in SessionRow.__dataclass_fields__ if name in values}
    return SessionRow(
        **fields | {"id": number, "simulated": bool(values["simulated"]), "ended_at": None},
        note=None,
        pain_before=None,
        steps_done=0,
    )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _expected(sessions: list[SessionRow], today: date) -> dict[str, object]:
    """A code's figures from :mod:`adherence`: each programme from its first session to today, added up."""
    real = sorted((s for s in sessions if not s.simulated), key=lambda s: (s.started_at, s.id))
    figures = {"week": [0, 0], "total": [0, 0]}
    by_programme: dict[str, list[SessionRow]] = {}
    for s in real:
        by_programme.setdefault(s.programme, []).append(s)
    for group in by_programme.values():
        per_day = group[-1].per_day_min
        # The overview reads the server's tallies, which keep one prescription a programme: the
        # latest, over every day. (At home and in the report each day has its own; see the
        # adherence module.) So its figures are the rules' with the latest prescription throughout.
        group = [replace(s, per_day_min=per_day) for s in group]
        first = min(local_day(s) for s in group)
        week = adherence(group, per_day, first, today, today).this_week
        weeks = weekly(group, per_day, first, today, today)
        figures["week"] = [figures["week"][0] + week.done, figures["week"][1] + week.prescribed]
        total = [sum(w.done for w in weeks), sum(w.prescribed for w in weeks)]
        figures["total"] = [figures["total"][0] + total[0], figures["total"][1] + total[1]]
    recent = [s for s in real if today - timedelta(days=13) <= local_day(s) <= today]
    before = [s for s in real if today - timedelta(days=27) <= local_day(s) <= today - timedelta(days=14)]
    return figures | {
        "pain": (
            _mean([s.pain for s in recent if s.pain is not None]),
            _mean([s.pain for s in before if s.pain is not None]),
        ),
        "effort": (
            _mean([s.effort for s in recent if s.effort is not None]),
            _mean([s.effort for s in before if s.effort is not None]),
        ),
        "last": real[-1].started_at if real else None,
    }


def _random_sessions(rng: random.Random, codes: list[str]) -> list[dict[str, object]]:
    """Five weeks of sessions for each code at odd hours and offsets, one or two programmes, the
    prescription changed on the way, some simulated, a few after today."""
    sessions = []
    for code in codes:
        programmes = rng.sample(["si-gewricht", "si-blokkade-herstel"], rng.choice((1, 1, 2)))
        for day in range(-34, 3):
            for _ in range(rng.choice((0, 1, 2, 2, 3, 4))):
                programme = rng.choice(programmes)
                started = _at(TODAY + timedelta(days=day), rng.randrange(24), rng.randrange(60))
                sessions.append(
                    _session(
                        code,
                        started,
                        programme=programme,
                        programme_title="" if programme == "si-blokkade-herstel" else "SI-gewricht",
                        per_day_min=rng.choice((1, 2, 3)) if day > -10 else 2,
                        utc_offset_min=rng.choice((-300, 0, 60, 120, 330)),
                        status=rng.choice(STATUSES),
                        simulated=int(rng.random() < 0.1),
                        pain=rng.choice((None, *range(11))),
                        effort=rng.choice((None, *(x / 2 for x in range(21)))),
                        station=rng.choice(("kiosk-a", "kiosk-b")),
                    )
                )
    return sessions


def test_the_overview_agrees_with_the_adherence_rules_on_random_sessions(practice_url: str) -> None:
    rng = random.Random(14)
    codes = ["100001", "100002", "100003", "", "100004"]
    sessions = _random_sessions(rng, codes)
    rng.shuffle(sessions)  # stations send late and out of order: earlier days arrive after later ones
    put_sessions(practice_url, *sessions)
    changed = []
    for session in rng.sample(sessions, 40):  # rated, ended or filed under another code since
        later = session | {"rev": 2, "status": rng.choice(STATUSES), "pain": rng.choice((None, 2, 7))}
        if rng.random() < 0.2:
            later["profile"] = rng.choice(codes)
        changed.append(later)
        session.update(later)
    put_sessions(practice_url, *changed)

    found = overview(practice_url, TODAY)
    lines = {line.code: line for line in found}

    assert set(lines) == set(codes)
    rows = [_row(i, s) for i, s in enumerate(sessions)]
    for code in codes:
        expected = _expected([r for r in rows if r.profile == code], TODAY)
        line = lines[code]
        assert [line.week_done, line.week_due] == expected["week"], code
        assert [line.total_done, line.total_due] == expected["total"], code
        assert line.pain == pytest.approx(expected["pain"]), code
        assert line.effort == pytest.approx(expected["effort"]), code
        assert line.last_started == expected["last"], code
    with connected(practice_url) as db, db.transaction():
        db.execute(REBUILD)  # made at once from every session, as after a bulk load: the same
    assert overview(practice_url, TODAY) == found


def test_who_is_falling_behind_comes_first_and_the_station_and_demonstrations_never_count(
    practice_url: str,
) -> None:
    monday = TODAY - timedelta(days=3)
    sessions = []
    for day in range(4):  # 123456: both sessions every day this week
        for hour in (7, 17):
            sessions.append(_session("123456", _at(monday + timedelta(days=day), hour), pain=3, effort=4.0))
    for day in range(4):  # 234567: one of two a day, pain easing from 6 to 4
        sessions.append(_session("234567", _at(monday + timedelta(days=day), 8), pain=4, effort=5.0))
        sessions.append(_session("234567", _at(monday - timedelta(days=14 - day), 8), pain=6, effort=6.0))
    sessions.append(
        _session("234567", _at(monday + timedelta(days=1), 12), status="stopped", station="kiosk-b")
    )
    sessions.append(_session("345678", _at(TODAY, 9), simulated=1))  # a demonstration only: not a patient's
    sessions.append(_session("station", _at(TODAY, 10)))  # the station programme: nobody's adherence
    sessions.append(_session("", _at(monday, 6), per_day_min=1, programme_title="", station="home-pc"))
    put_sessions(practice_url, *sessions)
    with connected(practice_url) as db:
        db.execute("INSERT INTO sitimer.codes (code) VALUES ('456789'), ('123456')")

    lines = overview(practice_url, TODAY)

    assert [line.code for line in lines] == ["", "234567", "123456", "456789"]  # nothing due: last
    home, behind, keeping_up = lines[0], lines[1], lines[2]
    # today (Thursday) is due as far as it is done, as in the patient's own figures
    assert (home.week_done, home.week_due) == (1, 3) and home.week_percent == pytest.approx(100 / 3)
    assert home.programmes == ("si-gewricht",)  # no title recorded: its id
    assert (behind.week_done, behind.week_due) == (4, 7) and behind.week_percent == pytest.approx(400 / 7)
    assert (behind.total_done, behind.total_due) == (8, 35)  # from its first session, 14 days before Monday
    assert behind.pain == (4.0, 6.0) and behind.effort == (5.0, 6.0)
    assert (behind.last_started, behind.last_station) == ("2026-12-10T08:00:00.000000Z", "kiosk-a")
    assert keeping_up == CodeLine(
        code="123456",
        programmes=("SI-gewricht",),
        week_done=8,
        week_due=8,
        total_done=8,
        total_due=8,
        pain=(3.0, None),
        effort=(4.0, None),
        last_started="2026-12-10T17:00:00.000000Z",
        last_station="kiosk-a",
        programme_ids=("si-gewricht",),
    )
    assigned = lines[3]  # a code given its programmes, nothing done yet
    assert (assigned.programmes, assigned.week_percent, assigned.last_started) == ((), None, None)


def test_a_session_rated_or_ended_later_changes_the_figures(practice_url: str) -> None:
    running = _session("123456", _at(TODAY, 8), status="in_progress")
    put_sessions(practice_url, running)
    assert overview(practice_url, TODAY)[0].week_done == 0
    put_sessions(practice_url, running | {"rev": 2, "status": "completed", "pain": 5})
    line = overview(practice_url, TODAY)[0]
    assert (line.week_done, line.pain) == (1, (5.0, None))
    put_sessions(practice_url, running | {"rev": 3, "status": "completed", "pain": 5, "per_day_min": 1})
    line = overview(practice_url, TODAY)[0]
    assert (line.week_done, line.week_due) == (1, 1)  # the new prescription: once a day


def test_a_station_account_may_not_see_the_overview(pg_server: PgServer, practice_url: str) -> None:
    put_sessions(practice_url, _session("123456", _at(TODAY, 8)))
    station = _login(pg_server, practice_url, "kiosk_overview", STATION_ROLE)
    therapist = _login(pg_server, practice_url, "fysio_overview", THERAPIST_ROLE)
    with pytest.raises(PracticeError) as refused:
        overview(station, TODAY)
    assert refused.value.kind == REFUSED
    assert "geheim-123" not in str(refused.value) and "\n" not in str(refused.value)
    assert [line.code for line in overview(therapist, TODAY)] == ["123456"]


def test_a_server_at_schema_1_counts_its_sessions_once_brought_up_to_date(practice_url: str) -> None:
    put_sessions(practice_url, _session("123456", _at(TODAY, 8)), _session("123456", _at(TODAY, 9)))
    with connected(practice_url) as db:  # as a server set up before the overview was there
        db.execute("DROP TRIGGER session_counted ON sitimer.sessions")
        db.execute("DROP TABLE sitimer.code_days, sitimer.code_programmes")
        db.execute("UPDATE sitimer.schema_version SET version = 1")
    with pytest.raises(PracticeError) as old:
        overview(practice_url, TODAY)
    assert old.value.kind == OTHER and "sitimer practice init" in str(old.value)
    assert main(["practice", "init", practice_url]) == 0
    put_sessions(practice_url, _session("123456", _at(TODAY, 10)))
    line = overview(practice_url, TODAY)[0]
    assert (line.week_done, line.week_due, line.last_started) == (2, 2, "2026-12-10T10:00:00.000000Z")


# -- sitimer practice report -----------------------------------------------------------------------
def test_the_report_prints_a_table_csv_and_json(
    practice_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today()
    put_sessions(
        practice_url,
        _session("123456", _at(today, 0, 5), pain=6, effort=5.5, station="kiosk-b"),
        _session("234567", _at(today, 0, 10), status="stopped"),
    )
    assert main(["practice", "report", "--history-url", practice_url]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == [
        "code",
        "this",
        "week",
        "so",
        "far",
        "programme",
        "pain",
        "effort",
        "last",
        "session",
        "station",
    ]
    # both began today: 123456 did one, 234567 stopped its only one, so nothing is due of it yet
    assert table[1].startswith("123456") and "1/1 100 %" in table[1] and "– → 6.0" in table[1]
    assert table[1].endswith("kiosk-b")
    assert table[2].startswith("234567") and "nothing due" in table[2]

    assert main(["practice", "report", "--csv", "--lang", "en", "--history-url", practice_url]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["code"] for r in rows] == ["123456", "234567"]
    assert rows[0]["pain_last_14_days"] == "6.0"
    assert rows[0]["programmes"] == "SI joint: mobilising exercises"  # recorded as "SI-gewricht"

    assert main(["practice", "report", "--json", "--history-url", practice_url]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert lines[0]["code"] == "123456" and lines[0]["effort_last_14_days"] == 5.5
    assert lines[0]["week_done"] == 1 and lines[0]["last_station"] == "kiosk-b"


def test_programmes_are_named_in_the_readers_language_where_this_computer_knows_them(
    practice_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A practice with a Dutch kiosk and an English one: the sessions carry the title in the language
    # of the station that recorded them; the therapist reads every bundled programme in their own.
    today = date.today()
    put_sessions(
        practice_url,
        _session("123456", _at(today, 0, 5), programme_title="SI joint: mobilising exercises"),
        _session("234567", _at(today, 0, 10), programme_title="SI-gewricht: mobiliserende oefeningen"),
        _session("234567", _at(today, 0, 20), programme="eigen-jansen", programme_title="Oefeningen Jansen"),
    )
    assert main(["practice", "report", "--json", "--lang", "nl", "--history-url", practice_url]) == 0
    named = {line["code"]: line["programmes"] for line in json.loads(capsys.readouterr().out)}
    assert named == {
        "123456": ["SI-gewricht: mobiliserende oefeningen"],
        "234567": ["Oefeningen Jansen", "SI-gewricht: mobiliserende oefeningen"],  # not known here: as sent
    }
    lines = overview(practice_url, today)
    assert [line.programme_ids for line in lines] == [("si-gewricht",), ("eigen-jansen", "si-gewricht")]
    english = in_language(lines, {"si-gewricht": "SI joint: mobilising exercises"})
    assert [line.programmes for line in english] == [
        ("SI joint: mobilising exercises",),
        ("Oefeningen Jansen", "SI joint: mobilising exercises"),
    ]


def test_the_report_without_a_server_or_with_a_station_account_says_so_in_one_line(
    pg_server: PgServer,
    practice_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SITIMER_HISTORY_URL", raising=False)
    assert main(["practice", "report"]) == 2
    assert "--history-url" in capsys.readouterr().err
    assert main(["practice", "report", "--pdf", "x.pdf", "--history-url", practice_url]) == 2
    assert "--code" in capsys.readouterr().err
    station = _login(pg_server, practice_url, "kiosk_report", STATION_ROLE)
    monkeypatch.setenv("SITIMER_HISTORY_URL", station)
    assert main(["practice", "report"]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "geheim-123" not in err and len(err.strip().splitlines()) == 1


@pytest.fixture
def two_sessions_sent(practice_url: str, tmp_path: Path) -> str:
    """Code 246810's two sessions sent from a kiosk with every step, and another code's one."""
    plan = build_plan(load_file(PROGRAMMES / "si-gewricht.yaml"))
    now = [datetime(2026, 12, 7, 8, tzinfo=UTC)]

    def clock() -> datetime:
        now[0] += timedelta(minutes=1)
        return now[0]

    store = HistoryStore(tmp_path / "kiosk.db", now=clock)
    for code in ("246810", "246810", "135791"):
        store.rate(record_session(store, plan, profile=code), pain=4, effort=3.5, note=None)
    store.close()
    send(tmp_path / "kiosk.db", practice_url, "kiosk-a")
    return practice_url


def test_one_codes_sessions_as_csv_with_their_steps(
    two_sessions_sent: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["practice", "report", "--code", "246810", "--history-url", two_sessions_sent]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    plan = build_plan(load_file(PROGRAMMES / "si-gewricht.yaml"))
    assert len(rows) == 2 * len([s for s in plan.steps if s.is_exercise])  # its two sessions, not 135791's
    assert {r["session_started_local"][:10] for r in rows} == {"2026-12-07"}
    assert "exercise" in rows[0] and rows[0]["session_pain"] == "4"
    assert main(["practice", "report", "--code", "999999", "--history-url", two_sessions_sent]) == 0
    nobody = capsys.readouterr()
    assert nobody.out.count("\n") == 1 and "999999: no finished sessions" in nobody.err  # the CSV's head only


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")
def test_one_codes_pdf_report(
    two_sessions_sent: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    # qapp: the command makes a QGuiApplication when there is none, and pytest-qt's widgets in the
    # tests after this one would abort on that one (run on its own with tests/qt, this test came first)
    out = tmp_path / "246810.pdf"
    argv = ["practice", "report", "--code", "246810", "--pdf", str(out), "--lang", "en"]
    assert main([*argv, "--history-url", two_sessions_sent, "--data-dir", str(tmp_path / "data")]) == 0
    assert "2 sessions" in capsys.readouterr().out
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "246810" in text and "135791" not in text
    assert out.stat().st_mode & 0o077 == 0  # a patient's report is its owner's only


def test_two_stations_sending_the_same_codes_at_once_never_lock_each_other_out(
    practice_url: str, tmp_path: Path
) -> None:
    """Station B sends code 222222's session, then 111111's, while a therapist's PC holds 111111 and
    then wants 222222: had B taken 222222 first, each would wait on the other (a deadlock, one of
    them turned away); B sends by code, so it waits its turn and both go through."""
    plan = build_plan(load_file(PROGRAMMES / "si-gewricht.yaml"))
    now = [datetime.combine(TODAY, datetime.min.time(), UTC) + timedelta(hours=8)]

    def clock() -> datetime:
        now[0] += timedelta(minutes=1)
        return now[0]

    store = HistoryStore(tmp_path / "b.db", now=clock)
    for code in ("222222", "111111"):
        record_session(store, plan, profile=code)
    store.close()
    sent: list[object] = []
    with connected(practice_url) as other, connected(practice_url) as watch:
        with other.transaction():
            other.execute(
                "SELECT sitimer.put_session(%s::jsonb)", (json.dumps(_session("111111", _at(TODAY, 7))),)
            )
            station = threading.Thread(
                target=lambda: sent.append(send(tmp_path / "b.db", practice_url, "kiosk-b"))
            )
            station.start()
            for _ in range(1000):  # until station B waits for 111111
                if watch.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0]:
                    break
                time.sleep(0.01)
            other.execute(
                "SELECT sitimer.put_session(%s::jsonb)", (json.dumps(_session("222222", _at(TODAY, 7))),)
            )
        station.join(timeout=30)
    assert sent and sent[0] == Waiting(2, 2 * len([s for s in plan.steps if s.is_exercise]))
    lines = {line.code: line for line in overview(practice_url, TODAY)}
    assert (lines["111111"].week_done, lines["222222"].week_done) == (2, 2)
