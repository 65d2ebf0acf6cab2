"""The therapist's overview window against a real practice server: two kiosks' codes, who is behind
first; a code's report and sessions copied from the server; a wrong password refused in one line."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt

from sitimer.core.history.store import HistoryStore
from sitimer.core.kiosk.config import KioskConfig
from sitimer.core.kiosk.pin import PinHash
from sitimer.core.options import Options
from sitimer.core.practice.sender import send
from sitimer.core.practice.server import THERAPIST_ROLE
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.qt.therapist.app import TherapistWindow
from sitimer.qt.therapist.overview import CODE, STATION, WEEK
from tests.conftest import PROGRAMMES
from tests.helpers.history_data import record_session
from tests.helpers.pg_server import PgServer

PIN = "2468"
TODAY = date(2026, 11, 15)  # a Sunday: Monday 9 to Saturday are due, today as far as it is done
MONDAY = datetime(2026, 11, 9, tzinfo=UTC)


def cheap_pin(pin: str) -> PinHash:
    salt = b"therapist-salt!!"
    return PinHash(salt, hashlib.scrypt(pin.encode(), salt=salt, n=16, r=8, p=1, dklen=32), n=16)


def _kiosk(history: Path, station: str, url: str, sessions: dict[str, list[datetime]]) -> None:
    """A kiosk's own history with these codes' sessions (2 × a day), sent to the server."""
    plan = build_plan(load_file(PROGRAMMES / "si-gewricht.yaml"))
    now = [MONDAY]
    store = HistoryStore(history, now=lambda: now[0])
    for code, times in sessions.items():
        for when in times:
            now[0] = when
            sid = record_session(store, plan, profile=code)
            store.rate(sid, pain=3, effort=4, note=None)
    store.close()
    send(history, url, station)


@pytest.fixture
def therapist_url(practice_url: str, pg_server: PgServer, tmp_path: Path) -> str:
    """A practice with two kiosks' sessions: 123456 keeps to it, 567890 did 2 of 12 this week so far."""
    every_day = [MONDAY + timedelta(days=d, hours=h) for d in range(7) for h in (7, 18)]
    _kiosk(tmp_path / "a.db", "kiosk-a", practice_url, {"123456": every_day[:7]})
    _kiosk(tmp_path / "b.db", "kiosk-b", practice_url, {"123456": every_day[7:], "567890": every_day[:2]})
    pg_server.create_login("fysio_w", "fysio-geheim", THERAPIST_ROLE)
    return pg_server.url(urlsplit(practice_url).path.lstrip("/"), "fysio_w", "fysio-geheim")


def _window(qtbot, tmp_path: Path, url: str) -> TherapistWindow:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    options = Options(lang="en", data_dir=data, history_url=url)
    window = TherapistWindow(options, KioskConfig(pin=cheap_pin(PIN)), today=lambda: TODAY)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.pin_page, PIN)
    qtbot.keyClick(window.pin_page, Qt.Key.Key_Return)
    assert window.overview is not None
    return window


def test_the_therapist_sees_every_code_of_every_kiosk_behind_first(qtbot, tmp_path, therapist_url):
    window = _window(qtbot, tmp_path, therapist_url)
    page = window.overview
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    cell = page.table.item
    assert [page.lines[0].code, page.lines[1].code] == ["567890", "123456"]
    assert cell(0, CODE).text() == "⚠ 567890" and cell(0, WEEK).text() == "2 of 12 (17 %) · behind"
    assert cell(1, CODE).text() == "123456" and cell(1, WEEK).text() == "14 of 14 (100 %)"
    assert cell(1, STATION).text() == "kiosk-b"  # its last session was at kiosk B
    assert page.status.isHidden()

    page.table.selectRow(1)
    out = tmp_path / "123456.csv"
    window.ask_file = lambda name, pattern: out  # the save dialog, answered
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved.text().startswith("Saved"), timeout=10_000)
    assert page.saved.text() == "Saved 123456.csv: sessions of code 123456: 14."
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert (
        len({row["session_started_local"] for row in rows}) == 14
    )  # both kiosks' sessions, each once, with their steps
    assert len(rows) > 14  # with their steps

    pdf = tmp_path / "123456.pdf"
    window.ask_file = lambda name, pattern: pdf
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved.text().startswith("Saved"), timeout=10_000)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not list(Path(tmp_path).glob("sitimer-therapist-*"))


def test_a_wrong_password_is_refused_in_one_line_without_the_password(qtbot, tmp_path, therapist_url):
    wrong = therapist_url.replace("fysio-geheim", "raden")
    page = _window(qtbot, tmp_path, wrong).overview
    qtbot.waitUntil(lambda: not page.retry_button.isHidden(), timeout=10_000)
    assert "refused the login" in page.status.text() and "raden" not in page.status.text()
    assert page.table.rowCount() == 0


def test_a_server_that_is_down_says_so_and_try_again_loads_once_it_is_back(
    qtbot, tmp_path, therapist_url, pg_server
):
    pg_server.stop()
    try:
        page = _window(qtbot, tmp_path, therapist_url).overview
        qtbot.waitUntil(lambda: not page.retry_button.isHidden(), timeout=10_000)
        assert "cannot be reached" in page.status.text() and "fysio-geheim" not in page.status.text()
    finally:
        pg_server.start()
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    assert page.status.isHidden() and page.retry_button.isHidden()


def test_a_day_without_a_session_between_two_loses_none(qtbot, tmp_path, practice_url, pg_server):
    monday_and_wednesday = [MONDAY + timedelta(hours=7), MONDAY + timedelta(days=2, hours=7)]
    _kiosk(tmp_path / "b.db", "kiosk-b", practice_url, {"567890": monday_and_wednesday})
    pg_server.create_login("fysio_g", "fysio-geheim", THERAPIST_ROLE)
    url = pg_server.url(urlsplit(practice_url).path.lstrip("/"), "fysio_g", "fysio-geheim")
    page = _window(qtbot, tmp_path, url).overview
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert page.table.item(0, WEEK).text() == "2 of 12 (17 %) · behind"
