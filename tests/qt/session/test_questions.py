"""The patient's own reports on screen: why a session was missed, the weekly EARS, the PSK."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from sitimer.qt.common.translation import install_translator
from sitimer.qt.session.outcome import PskView
from sitimer.qt.session.questions import EarsView, MissedReasonView


@pytest.fixture
def dutch(qapp):
    translator = install_translator(qapp, "nl")
    assert translator is not None
    yield
    qapp.removeTranslator(translator)


def test_a_missed_session_takes_one_tap_in_dutch(qtbot, dutch):
    view = MissedReasonView(date(2026, 3, 3), 1, 2, "nl")  # SI-gewricht: 2x/dag, one done
    qtbot.addWidget(view)
    view.show()
    assert view.title.text() == "Gisteren: 1 van de 2 sessies"
    assert [b.text() for b in view.reason_buttons.values()] == [
        "Pijn",
        "Geen tijd",
        "Vergeten",
        "Ik voelde me al beter",
        "Iets anders",
    ]
    chosen = []
    view.chosen.connect(chosen.append)
    with qtbot.waitSignal(view.finished):
        view.reason_buttons["no_time"].click()
    assert chosen == ["no_time"]


def test_a_missed_session_can_be_skipped_with_esc(qtbot):
    view = MissedReasonView(date(2026, 3, 3), 0, 2, "en")
    qtbot.addWidget(view)
    chosen = []
    view.chosen.connect(chosen.append)
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert chosen == []


def test_the_ears_has_six_statements_and_saves_only_when_all_are_answered(qtbot, dutch):
    view = EarsView("nl")
    qtbot.addWidget(view)
    view.show()
    assert len(view.groups) == 6 and view.title.text() == "Uw oefeningen de afgelopen week"
    assert view.groups[0].button(0).text() == "Helemaal mee eens"
    assert not view.save_button.isEnabled()
    answers = []
    view.answered.connect(answers.append)
    view.groups[0].button(1).click()
    assert not view.save_button.isEnabled()  # five still open
    view.choose((0, 4, 3, 1, 4, 0))
    with qtbot.waitSignal(view.finished):
        view.save_button.click()
    assert answers == [(0, 4, 3, 1, 4, 0)]


def test_the_psk_names_up_to_three_activities_each_scored(qtbot):
    view = PskView((), "en")
    qtbot.addWidget(view)
    assert len(view.names) == 3
    given = []
    view.given.connect(given.append)
    view.names[0].setText("Putting on socks")
    assert not view.save_button.isEnabled()  # named, not scored
    view.scores[0].pick(7)
    view.names[1].setText("Sitting for an hour")
    view.scores[1].pick(5)
    view.scores[2].pick(3)  # scored but not named: left out
    with qtbot.waitSignal(view.finished):
        view.save_button.click()
    assert given == [(("Putting on socks", 7), ("Sitting for an hour", 5))]


def test_the_psk_refuses_the_same_activity_twice(qtbot):
    view = PskView((), "en")
    qtbot.addWidget(view)
    for row in (0, 1):
        view.names[row].setText("Walking")
        view.scores[row].pick(4)
    assert not view.save_button.isEnabled()


def test_once_a_day_missed_reads_as_no_session(qtbot):
    view = MissedReasonView(date(2026, 3, 3), 0, 1, "en")
    qtbot.addWidget(view)
    assert view.title.text() == "Yesterday: no session"
