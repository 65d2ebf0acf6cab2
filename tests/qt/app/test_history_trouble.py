"""The kiosk and the report with a history in trouble: a torn file keeps what it holds, a session
running in another window is running, not cut off."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime

import pytest

from sitimer.core.history.store import HistoryStore
from sitimer.core.options import Options
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.recorder import session_start
from sitimer.qt.app.app import App
from sitimer.qt.kiosk.pages import PatientPage
from sitimer.qt.progress.report import write_report
from tests.helpers.history_data import record_session
from tests.qt.kiosk.test_kiosk import add_sessions, clock, data, make_kiosk, texts, twice_a_day, type_in

__all__ = ["clock", "data", "make_kiosk"]  # fixtures used here


def test_the_kiosk_starts_on_a_torn_history_and_the_patient_still_sees_their_sessions(
    qtbot, make_kiosk, data, si_gewricht
):
    db = data / "history.db"
    add_sessions(db, si_gewricht, "123456", twice_a_day(7))
    store = HistoryStore(db)
    store.begin(session_start(build_plan(load_file(si_gewricht)), simulated=False, profile="123456"))
    store.close()  # a power cut: a session left open, and a page torn
    torn = bytearray(db.read_bytes())
    last = len(torn) // 4096 - 1
    torn[last * 4096 : (last + 1) * 4096] = b"\xa5" * 4096
    db.write_bytes(bytes(torn))
    app = make_kiosk({"123456": ["si-gewricht.yaml"]})
    [aside] = data.glob("history.corrupt-*.db")
    assert aside.read_bytes() == bytes(torn)
    type_in(qtbot, app.window.start_page, "123456")
    assert isinstance(app.window.page, PatientPage)
    shown = texts(app.window.page)
    assert "This week: 100 %" in shown and "Today: 2 of 2" in shown  # the week read from the torn file


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")
def test_a_session_running_in_another_window_is_not_reported_as_cut_off(tmp_path, si_gewricht, qapp):
    plan = build_plan(load_file(si_gewricht))
    moment = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    store = HistoryStore(tmp_path / "history.db", now=lambda: moment)
    record_session(store, plan)
    store.begin(session_start(plan, simulated=False))  # another window's session, still running
    pdf = tmp_path / "report.pdf"
    assert write_report(pdf, store, tmp_path, lang="en", today=moment.date()) == 2
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "stopped early" not in text


def test_a_history_moved_aside_at_the_start_is_told_over_the_window(qtbot, tmp_path):
    """The picker opens the history first (the programme done last, today's ticks): a damaged file was
    moved aside and said on the terminal only, which a patient started from the menu never sees."""
    from PySide6.QtWidgets import QMessageBox

    data = tmp_path / "data"
    data.mkdir()
    (data / "history.db").write_bytes(b"SQLite format 3\x00" + b"\x5a" * 8000)
    app = App(Options(lang="en", data_dir=data), sound=None)
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.window.first_painted, timeout=5000):
        app.window.show()
    box = app.flow.history_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert isinstance(box, QMessageBox) and "was moved to" in box.text()
    assert list(data.glob("history.corrupt-*.db"))
    box.accept()


def test_with_the_history_not_taking_the_session_the_pages_after_it_wait_for_another_time(
    qtbot, tmp_path, monkeypatch
):
    """A locked history at the end: the window stood 11-40 s on the questions, as the pages after them
    (the activities that matter, why yesterday fell short) read the history one after another, each
    waiting on the lock. The session is kept aside; those pages come another time."""
    from sitimer.core.session.recorder import Recorder
    from sitimer.qt.session.rating import RatingView

    short = tmp_path / "kort.yaml"
    short.write_text(
        "id: kort\ntitle: {nl: Kort, en: Short}\nfrequency: {sessions_per_day: 2}\nexercises:\n"
        "  - id: a\n    name: {nl: A, en: A}\n    kind: hold\n    hold_s: 1\n    sets: 1\n"
        "    prepare_s: 0\n    instructions: {nl: Houd vast., en: Hold.}\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"voice": false, "ask_pain_before": false}')
    app = App(Options(lang="en", data_dir=data), sound=None)  # a real session: its pages are due
    qtbot.addWidget(app.window)
    app.start(short)
    qtbot.waitUntil(lambda: isinstance(app.window.page, RatingView), timeout=30000)
    monkeypatch.setattr(Recorder, "flush", lambda self, final=True: False)  # as with the history locked
    app.window.page.done()
    assert app.window.page is None  # back at the list: no page of questions read from the history
