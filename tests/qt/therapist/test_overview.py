"""The therapist's overview window (`sitimer --therapist`): the kiosk's PIN first, then one row per
code, who is falling behind first, loaded without ever freezing the window."""

from __future__ import annotations

import hashlib
import json
import tempfile
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore
from sitimer.core.kiosk.pin import PinHash
from sitimer.core.options import Options
from sitimer.core.practice.overview import CodeLine
from sitimer.core.practice.sender import Waiting
from sitimer.core.practice.server import UNREACHABLE, PracticeError
from sitimer.qt.common import style
from sitimer.qt.kiosk.pages import PinPage
from sitimer.qt.therapist import app as therapist_app
from sitimer.qt.therapist.app import TherapistWindow
from sitimer.qt.therapist.overview import CODE, LAST, PAIN, TOTAL, WEEK, OverviewPage
from tests.conftest import PROGRAMMES

PIN = "4321"
URL = "postgresql://fysio@praktijk.example/praktijk"
NOW = datetime(2026, 12, 3, 15, 30, tzinfo=timezone(timedelta(hours=1)))  # a Thursday, in Amsterdam


def code_line(code: str, programmes: tuple[str, ...] = ("SI joint",), **figures: object) -> CodeLine:
    """A made-up code's line: the week and the programme kept, nothing else known."""
    values: dict[str, object] = {
        "week_done": 6,
        "week_due": 6,
        "total_done": 20,
        "total_due": 20,
        "pain": (None, None),
        "effort": (None, None),
        "last_started": None,
        "last_station": "",
    }
    return CodeLine(code, programmes, **(values | figures))  # type: ignore[arg-type]


LINES = [
    code_line(
        "123456",
        ("SI joint", "SI joint blockage"),
        week_done=3,
        week_due=8,
        total_done=18,
        total_due=40,
        pain=(3.0, 5.0),
        effort=(6.0, 4.0),
        last_started="2026-12-03T08:12:00Z",
        last_station="kiosk-a",
    ),
    code_line(
        "567890",
        week_done=7,
        week_due=8,
        total_done=30,
        total_due=36,
        pain=(2.0, 2.2),
        last_started="2026-11-30T17:00:00Z",
        last_station="kiosk-b",
    ),
    code_line("246810", week_done=0, week_due=0, total_done=0, total_due=0),
]


def cheap_pin(pin: str) -> PinHash:
    """A PIN hashed at a tiny scrypt cost, so the test spends no time hashing."""
    salt = b"therapist-salt!!"
    return PinHash(salt, hashlib.scrypt(pin.encode(), salt=salt, n=16, r=8, p=1, dklen=32), n=16)


def texts(page: OverviewPage, row: int) -> list[str]:
    return [page.table.item(row, column).text() for column in range(page.table.columnCount())]


def make_page(qtbot, load, waiting=lambda: None) -> OverviewPage:
    page = OverviewPage(load, waiting, now=lambda: NOW)
    qtbot.addWidget(page)
    return page


# -- the PIN -------------------------------------------------------------------------------------
def test_a_wrong_pin_is_refused_and_the_right_one_shows_the_overview(qtbot, tmp_path):
    options = Options(lang="en", data_dir=tmp_path, history_url=URL)
    window = TherapistWindow(options, KioskConfig(pin=cheap_pin(PIN)), load=lambda: LINES)
    qtbot.addWidget(window)
    page = window.stack.currentWidget()
    assert isinstance(page, PinPage) and window.overview is None
    qtbot.keyClicks(page, "1111")
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.message.text() == "Wrong PIN."
    assert window.stack.currentWidget() is page and window.overview is None
    qtbot.keyClicks(page, PIN)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.overview
    qtbot.waitUntil(lambda: window.overview.table.rowCount() == 3)


def test_without_a_server_or_a_pin_it_does_not_start(tmp_path, capsys):
    without_url = Options(lang="en", data_dir=tmp_path)
    assert therapist_app.run(without_url) == 2
    assert "--history-url postgresql://" in capsys.readouterr().err
    assert therapist_app.run(Options(lang="en", data_dir=tmp_path, history_url=URL)) == 2
    assert "sitimer kiosk set-pin" in capsys.readouterr().err
    KioskConfigStore.in_folder(tmp_path).save(KioskConfig(pin=cheap_pin(PIN)))
    config = KioskConfigStore.in_folder(tmp_path).load()
    assert therapist_app.problem(Options(lang="en", data_dir=tmp_path, history_url=URL), config) == ""


# -- the rows ------------------------------------------------------------------------------------
def test_rows_come_in_the_order_given_with_the_week_programme_trends_and_last_session(qtbot):
    page = make_page(qtbot, lambda: LINES)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert texts(page, 0) == [
        "⚠ 123456",
        "SI joint\nSI joint blockage",  # one a line
        "3 of 8 (38 %) · behind",
        "45 %",
        "5.0 → 3.0 ↓ better",
        "4.0 → 6.0 ↑ harder",
        "today 09:12",  # 08:12 UTC is 09:12 in the therapist's time zone
        "kiosk-a",
    ]
    assert texts(page, 1) == [
        "567890",
        "SI joint",
        "7 of 8 (88 %)",
        "83 %",
        "2.2 → 2.0 = the same",
        "—",
        "3 days ago",
        "kiosk-b",
    ]
    assert texts(page, 2)[WEEK] == "nothing due yet"
    assert texts(page, 2)[TOTAL] == "—" and texts(page, 2)[LAST] == "never"
    assert page.table.item(0, TOTAL).toolTip() == "18 of 40 sessions since the first one"
    assert page.table.item(0, PAIN).toolTip() == "the last 14 days: 3.0; the 14 days before: 5.0"
    assert page.status.isHidden()


def test_in_dutch_the_means_have_a_decimal_comma(qtbot):
    page = OverviewPage(lambda: LINES, now=lambda: NOW, lang="nl")
    qtbot.addWidget(page)
    page.show_lines(LINES)
    assert page.table.item(1, PAIN).text().startswith("2,2 → 2,0")


def test_a_week_behind_is_marked_by_a_word_and_a_sign_not_by_colour_alone(qtbot):
    page = make_page(qtbot, lambda: LINES)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    behind = page.table.item(0, WEEK)
    assert "behind" in behind.text() and page.table.item(0, CODE).text().startswith("⚠")
    assert behind.foreground().color() == QColor(style.NOTICE) and behind.font().bold()
    for row in (1, 2):  # 88 % is on track; nothing due is not behind
        assert "behind" not in page.table.item(row, WEEK).text()
        assert "⚠" not in page.table.item(row, CODE).text()
        assert page.table.item(row, WEEK).foreground().color() != QColor(style.NOTICE)


def test_a_code_chosen_gets_its_report_and_sessions(qtbot):
    page = make_page(qtbot, lambda: LINES)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert not page.pdf_button.isEnabled() and not page.csv_button.isEnabled()
    page.table.selectRow(1)
    assert page.chosen.text() == "Code 567890:"
    with qtbot.waitSignal(page.export) as asked:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["567890", "pdf"]
    with qtbot.waitSignal(page.export) as asked:
        qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["567890", "csv"]


def test_f5_refreshes_and_keeps_the_code_chosen(qtbot):
    lines = list(LINES)
    page = make_page(qtbot, lambda: lines)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    page.table.selectRow(1)
    lines.reverse()  # 567890 fell behind
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.lines[0].code == "246810")
    assert page.selected_code() == "567890"


# -- the server slow or down ---------------------------------------------------------------------
def test_the_window_does_not_wait_for_a_slow_server(qtbot):
    answer = threading.Event()

    def slow() -> list[CodeLine]:
        answer.wait(10)
        return LINES

    page = make_page(qtbot, slow)
    page.refresh()  # returns at once: the loading is on a thread of its own
    assert page.status.text() == "Loading the overview from the practice's server…"
    assert page.table.rowCount() == 0 and not page.refresh_button.isEnabled()
    page.table.selectAll()  # the page still answers
    answer.set()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert page.status.isHidden() and page.refresh_button.isEnabled()


def test_a_server_that_cannot_be_reached_says_its_line_and_try_again_loads(qtbot):
    down = [True]

    def load() -> list[CodeLine]:
        if down[0]:
            raise PracticeError(
                "the practice server at postgresql://fysio@praktijk.example/praktijk cannot be reached: "
                "connection refused",
                UNREACHABLE,
            )
        return LINES

    page = make_page(qtbot, load)
    page.refresh()
    qtbot.waitUntil(lambda: not page.retry_button.isHidden())
    assert page.status.text().startswith("the practice server at postgresql://fysio@praktijk.example")
    assert page.status.property("problem") is True and page.table.rowCount() == 0
    down[0] = False
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert page.retry_button.isHidden() and page.status.isHidden()


def test_rows_shown_before_the_server_went_down_stay_and_say_when_they_were_loaded(qtbot):
    down = [False]

    def load() -> list[CodeLine]:
        if down[0]:
            raise PracticeError(
                "the practice server at postgresql://fysio@praktijk.example/praktijk cannot be reached"
            )
        return LINES

    page = make_page(qtbot, load)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    down[0] = True
    page.refresh()
    qtbot.waitUntil(lambda: not page.retry_button.isHidden())
    assert page.table.rowCount() == 3
    assert page.status.text().endswith("cannot be reached\nThe rows below are as they were at 15:30.")


def test_an_answer_overtaken_by_a_newer_refresh_is_not_shown(qtbot):
    first = threading.Event()
    calls = []

    def load() -> list[CodeLine]:
        calls.append(1)
        if len(calls) == 1:
            first.wait(10)
            return LINES[:1]
        return LINES

    page = make_page(qtbot, load)
    page.refresh()
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    first.set()
    qtbot.waitUntil(lambda: not any(t.name == "sitimer-therapist" for t in threading.enumerate()))
    qtbot.wait(0)  # the first answer's signal, had it been shown
    assert page.table.rowCount() == 3


def test_an_answer_that_comes_after_the_overview_closed_goes_nowhere(qtbot):
    """The server answers after the window is gone: nothing is shown, nothing breaks."""
    from sitimer.qt.therapist.background import Background

    answered = threading.Event()
    told: list[int] = []
    background = Background()
    background.finished.connect(lambda number, ok, result: told.append(number))
    background.start(lambda: answered.wait(10) and LINES)
    background.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(background))  # taken down while the job runs
    answered.set()
    qtbot.waitUntil(lambda: not any(t.name == "sitimer-therapist" for t in threading.enumerate()))
    QCoreApplication.processEvents()  # the relay's turn: the job's result was posted before it ended
    assert told == []
    alive = Background()  # and a Background made after it is still told
    with qtbot.waitSignal(alive.finished) as blocker:
        alive.start(lambda: LINES)
    assert blocker.args == [1, True, LINES]


# -- what this computer has not sent -------------------------------------------------------------
@pytest.mark.parametrize(
    ("left", "line"),
    [
        (Waiting(2, 30), "Not sent yet from this computer: 2 sessions, 30 steps."),
        (Waiting(1, 1), "Not sent yet from this computer: 1 session, 1 step."),
        (Waiting(0, 0), "Everything from this computer has been sent."),
        (None, ""),
    ],
)
def test_the_bottom_line_says_what_this_computer_has_not_sent(qtbot, left, line):
    page = make_page(qtbot, lambda: LINES, lambda: left)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert page.sent_line.text() == line


def test_a_history_that_cannot_be_read_leaves_the_overview_alone(qtbot):
    def broken() -> Waiting:
        raise OSError("disk gone")

    page = make_page(qtbot, lambda: LINES, broken)
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 3)
    assert page.sent_line.text() == "" and page.status.isHidden()


def test_the_window_reads_this_computers_history(qtbot, tmp_path):
    options = Options(lang="en", data_dir=tmp_path, history_url=URL)
    window = TherapistWindow(options, KioskConfig(pin=cheap_pin(PIN)), load=lambda: LINES)
    qtbot.addWidget(window)
    assert window.waiting() is None  # no history here: nothing to send
    from sitimer.core.history.store import HistoryStore

    HistoryStore(tmp_path / "history.db").close()
    assert window.waiting() == Waiting(0, 0)


def test_a_report_the_server_cannot_give_says_why_and_writes_nothing(qtbot, tmp_path, monkeypatch):
    def refused(url: str, code: str, history: Path) -> int:
        raise PracticeError(f"the practice server at {url} refused to give the sessions of code {code}")

    monkeypatch.setattr(therapist_app, "pull_sessions", refused)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    options = Options(lang="en", data_dir=tmp_path, history_url=URL)
    window = TherapistWindow(options, KioskConfig(pin=cheap_pin(PIN)), load=lambda: LINES)
    qtbot.addWidget(window)
    window.show_overview()
    out = tmp_path / "report.pdf"
    window.ask_file = lambda name, pattern: out
    window.export("123456", "pdf")
    page = window.overview
    assert page.saved.text() == "Copying the sessions of code 123456 from the server…"
    qtbot.waitUntil(lambda: "refused" in page.saved.text())
    assert page.saved.text() == f"the practice server at {URL} refused to give the sessions of code 123456"
    assert not out.exists() and not list(temporary.iterdir())  # the copy's folder is gone too


def test_the_command_line_takes_the_server_from_the_settings_too(tmp_path, capsys, monkeypatch):
    from sitimer.cli import main

    monkeypatch.delenv("SITIMER_HISTORY_URL", raising=False)
    assert main(["--therapist", "--data-dir", str(tmp_path)]) == 2
    assert "--history-url postgresql://" in capsys.readouterr().err
    (tmp_path / "settings.json").write_text(json.dumps({"history_url": URL}))
    assert main(["--therapist", "--data-dir", str(tmp_path)]) == 2  # a server now; no PIN yet
    assert capsys.readouterr().err.strip().endswith(f"sitimer kiosk set-pin --data-dir {tmp_path}")
    assert (
        main(["run", str(PROGRAMMES / "si-gewricht.yaml"), "--therapist", "--data-dir", str(tmp_path)]) == 2
    )
