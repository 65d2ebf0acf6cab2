"""The check-in page: the review after SI-gewricht's four weeks, and maintenance once pain-free."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from sitimer.core.history.rows import SessionRow
from sitimer.core.programme.loader import load_file
from sitimer.core.reminders.checkin import CheckIn
from sitimer.qt.reminders.checkin_view import CheckInView
from tests.helpers.history_data import session_row


def rated(*pains: int, programme: str = "si-gewricht") -> list[SessionRow]:
    """History rows, one a day, with these pain ratings."""
    return [
        session_row(
            programme=programme,
            simulated=0,
            pain=pain,
            effort=4,
            started_at=f"2026-03-{day + 2:02d}T08:00:00.000000Z",
        )
        for day, pain in enumerate(pains)
    ]


def view(qtbot: QtBot, path: Path, checkin: CheckIn, sessions: list[SessionRow]) -> CheckInView:
    page = CheckInView(load_file(path), checkin, sessions, "en", maintenance_time="09:00")
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def test_review_shows_the_question_beside_the_pain_trend(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(6, 6, 6, 5, 4, 3, 3, 3, 3))
    assert page.steps.currentWidget() is page.question
    assert page.subtitle.text() == "SI joint: mobilising exercises · 4 weeks since your first session"
    assert (
        page.summary.text() == "Pain after your sessions went from 6 at the start to 3 lately (0 is no pain)."
    )
    assert page.focusWidget() is page.yes_button


def test_not_lessened_advises_the_sports_physician(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(5, 5, 6))
    with qtbot.waitSignal(page.answered) as answered:
        page.no_button.click()
    assert answered.args == ["review", "not_lessened"]
    assert page.steps.currentWidget() is page.advice
    heading = page.advice.findChildren(type(page.title))[0].text()
    assert heading == "Please contact your sports physician or therapist"
    with qtbot.waitSignal(page.finished):
        page.ok_button.click()


def test_lessened_offers_maintenance(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(6, 4, 2))
    page.yes_button.click()
    assert page.steps.currentWidget() is page.offer
    assert "prevent the complaints from coming back" in page.offer_text.text()
    assert page.remind_button.text() == "Remind me once a day at 09:00"
    answers: list[list[Any]] = []
    page.answered.connect(lambda *args: answers.append(list(args)))
    with qtbot.waitSignal(page.finished):
        page.remind_button.click()
    assert answers == [["maintenance", "maintenance"]]


def test_pain_free_goes_straight_to_maintenance(qtbot: QtBot, si_blokkade: Path) -> None:
    page = view(
        qtbot, si_blokkade, CheckIn.MAINTENANCE, rated(4, 1, 0, 0, 0, programme="si-blokkade-herstel")
    )
    assert page.title.text() == "Free of pain"
    assert page.steps.currentWidget() is page.offer
    assert page.offer_text.text().startswith("Your last 3 sessions were free of pain.")
    with qtbot.waitSignal(page.answered) as answered:
        page.decline_button.click()
    assert answered.args == ["maintenance", "declined"]


def test_no_ratings_yet_says_so(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, [])
    assert page.summary.text() == "Not enough pain ratings yet to show a trend."
