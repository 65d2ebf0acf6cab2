"""The check-in page: SI-gewricht's week 2 and its review at week 4 (GPE, PSK), maintenance once pain-free."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sitimer.core.history.rows import SessionRow
from sitimer.core.programme.loader import load_file
from sitimer.core.reminders.checkin import CheckIn
from sitimer.qt.reminders.checkin_view import CheckInView, reminder_text
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


def view(
    qtbot: QtBot, path: Path, checkin: CheckIn, sessions: list[SessionRow], **kwargs: Any
) -> CheckInView:
    page = CheckInView(
        load_file(path), checkin, sessions, kwargs.pop("lang", "en"), maintenance_time="09:00", **kwargs
    )
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def test_review_shows_the_question_beside_the_pain_trend(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(6, 6, 6, 5, 4, 3, 3, 3, 3), weeks_done=4)
    assert page.steps.currentWidget() is page.question
    assert page.subtitle.text() == "SI joint: mobilising exercises · 4 weeks since your first session"
    assert (
        page.summary.text() == "Pain after your sessions went from 6 at the start to 3 lately (0 is no pain)."
    )
    assert not any(b.hasFocus() for b in page.gpe.buttons)  # no answer looks chosen before it is given
    assert [b.text() for b in page.gpe.buttons][:4] == [
        "Completely recovered",
        "Much improved",
        "Slightly improved",
        "No change",
    ]


def test_not_lessened_advises_the_sports_physician(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(5, 5, 6))
    with qtbot.waitSignal(page.answered) as answered:
        page.gpe.buttons[3].click()  # GPE 4: no change
    assert answered.args == ["review", "not_lessened"]
    assert page.steps.currentWidget() is page.psk  # the activities first, then the advice
    page.psk.skip_button.click()
    assert page.steps.currentWidget() is page.advice
    heading = page.advice.findChildren(type(page.title))[0].text()
    assert heading == "Please contact your sports physician or therapist"
    with qtbot.waitSignal(page.finished):
        page.ok_button.click()


def test_lessened_offers_maintenance(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(6, 4, 2))
    page.gpe.buttons[2].click()  # GPE 3: slightly improved is lessened
    page.psk.skip_button.click()
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


def test_a_check_in_answered_late_says_the_weeks_it_has_really_been(qtbot: QtBot, si_gewricht: Path) -> None:
    """Away for a week, the patient meets week 2's check-in in week 3: the page says 3 weeks, as it
    has been, while the leaflet's word is still week 2's."""
    [week_two] = [c for c in load_file(si_gewricht).frequency.check_ins if c.week == 2]
    page = view(qtbot, si_gewricht, CheckIn.PROGRESS, rated(6, 5), point=week_two, weeks_done=3)
    assert page.subtitle.text() == "SI joint: mobilising exercises · 3 weeks since your first session"
    texts = [label.text() for label in page.question.findChildren(type(page.title))]
    assert "2 weeks on" in texts


def test_answer_later_is_a_button_not_only_esc(qtbot: QtBot, si_gewricht: Path) -> None:
    """A patient with only a mouse or a touch screen gets past the question to the exercises; nothing
    is kept (the check-in comes again next time)."""
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(6, 5))
    kept: list[Any] = []
    page.gpe_given.connect(kept.append)
    page.answered.connect(lambda *args: kept.append(args))
    assert page.later_button.isVisible() and page.later_button.text() == "Answer later"
    with qtbot.waitSignal(page.finished):
        page.later_button.click()
    assert kept == []


def test_the_trend_beside_the_question_labels_its_days_whole(qtbot: QtBot, si_gewricht: Path) -> None:
    """Two weeks of sessions in a chart half the page wide: eight labels two days apart were cut to
    "2 ...", "4 ..." (they were as far apart as the widest label was wide: Qt elides them then)."""
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(*([6] * 8 + [5] * 7)), weeks_done=2)
    qtbot.waitExposed(page)
    chart = page.chart.chart()
    [axis] = chart.axes(Qt.Orientation.Horizontal)
    assert isinstance(axis, QCategoryAxis)
    labels = axis.categoriesLabels()
    widest = max(QFontMetrics(axis.labelsFont()).horizontalAdvance(label) for label in labels)
    spacing = chart.plotArea().width() / (len(labels) - 1)
    assert spacing >= 1.5 * widest, (labels, spacing, widest)


def test_no_ratings_yet_says_so(qtbot: QtBot, si_gewricht: Path) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, [])
    assert page.summary.text() == "Not enough pain ratings yet to show a trend."


def test_week_two_shows_the_leaflets_advice_and_asks_the_gpe_and_psk(
    qtbot: QtBot, si_gewricht: Path, dutch: None
) -> None:
    """Seed 000 after two weeks: resume running gently; the GPE, then the same activities re-scored."""
    programme = load_file(si_gewricht)
    [week_two] = [c for c in programme.frequency.check_ins if c.week == 2]
    page = view(
        qtbot,
        si_gewricht,
        CheckIn.PROGRESS,
        rated(6, 5),
        lang="nl",
        point=week_two,
        psk_names=("Sokken aantrekken",),
        weeks_done=2,
    )
    assert page.subtitle.text().endswith("2 weken sinds uw eerste sessie")
    texts = [label.text() for label in page.question.findChildren(type(page.title))]
    assert "2 weken verder" in texts and any("weer gaan hardlopen" in t for t in texts)
    kept: list[Any] = []
    page.gpe_given.connect(kept.append)
    page.progress_seen.connect(kept.append)
    page.psk_given.connect(kept.append)
    page.answered.connect(lambda *args: kept.append(args))
    page.gpe.buttons[1].click()  # "Veel verbeterd"
    assert page.steps.currentWidget() is page.psk and not page.trend.isVisible()
    assert [n.text() for n in page.psk.names] == ["Sokken aantrekken"]  # the same activity, re-scored
    page.psk.scores[0].pick(3)
    with qtbot.waitSignal(page.finished):
        page.psk.save_button.click()
    assert kept == [2, 2.0, (("Sokken aantrekken", 3),)]  # no review answer: the review is at week 4


def test_the_review_in_dutch_says_take_stock_and_that_the_exercises_go_on(
    qtbot: QtBot, si_gewricht: Path, dutch: None
) -> None:
    page = view(qtbot, si_gewricht, CheckIn.REVIEW, rated(6, 5, 5), lang="nl")
    words = " ".join(label.text() for label in page.question.findChildren(type(page.title)))
    assert "4 weken" in words and "gaan de oefeningen gewoon door" in words
    assert "afgelopen" not in words and "einde" not in words  # a review, never "the programme has ended"
    assert page.gpe.question.text().startswith("Hoe gaat het nu met uw klachten")
    assert page.gpe.buttons[6].text() == "Slechter dan ooit"


def test_the_reminders_words_in_dutch_say_review_and_that_the_exercises_go_on(
    si_gewricht: Path, dutch: None
) -> None:
    programme = load_file(si_gewricht)
    [week_two] = [c for c in programme.frequency.check_ins if c.week == 2]
    assert reminder_text(programme, CheckIn.REVIEW, None, "nl") == (
        "SI-gewricht: mobiliserende oefeningen: 4 weken verder, tijd om met uw therapeut de balans op "
        "te maken. Open sitimer voor twee korte vragen; daarna gaan de oefeningen gewoon door."
    )
    assert reminder_text(programme, CheckIn.PROGRESS, week_two, "nl").startswith(
        "SI-gewricht: mobiliserende oefeningen: 2 weken verder."
    )
    # one week is said in the singular (seen: "1 weeks on"); half weeks with a decimal comma
    one, half = replace(week_two, week=1.0), replace(week_two, week=2.5)
    assert ": 1 week verder." in reminder_text(programme, CheckIn.PROGRESS, one, "nl")
    assert ": 2,5 weken verder." in reminder_text(programme, CheckIn.PROGRESS, half, "nl")


@pytest.mark.parametrize("size", [(1024, 768), (1280, 650), (1024, 600)])
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("checkin", list(CheckIn))
def test_each_step_of_a_check_in_fits_the_window(
    qtbot: QtBot, qapp: QApplication, si_gewricht: Path, checkin: CheckIn, lang: str, size: tuple[int, int]
) -> None:
    """Seen at 1280×650 (a laptop's 1280×720 less a panel and a title bar): the question was cut
    and the answers' words cut at their feet. At 1024 wide the Dutch offer to remind was 1103
    pixels wide."""
    from tests.helpers.screens import as_the_app_runs, cut_buttons, overlapping

    with as_the_app_runs(qapp, lang):
        page = view(qtbot, si_gewricht, checkin, rated(6, 6, 5, 4, 3, 3), lang=lang, weeks_done=4)
        page.resize(*size)
        seen: list[QWidget] = []
        while (step := page.steps.currentWidget()) not in seen:  # until the check-in is done
            seen.append(step)
            qtbot.waitUntil(lambda: page.size().toTuple() == size)
            assert overlapping(page) == [], step
            assert cut_buttons(page) == [], step
            if step is page.question:
                page.gpe.buttons[3].click()  # no change: the activities, then (the review) the advice
            elif step is page.psk:
                page.psk.skip_button.click()
        assert len(seen) == (1 if checkin is CheckIn.MAINTENANCE else 2 if checkin is CheckIn.PROGRESS else 3)
