"""The patient's own reports on screen: why a session was missed, the weekly EARS, the PSK."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.qt.progress.view import HistoryView
from sitimer.qt.session.outcome import PskView
from sitimer.qt.session.questions import EarsView, MissedReasonView
from sitimer.qt.session.rating import RatingView
from sitimer.qt.window.main_window import MainWindow
from tests.helpers.screens import (
    LARGE_TEXT_SIZES,
    SHORT_SIZES,
    SIZES,
    as_the_app_runs,
    cut_buttons,
    overlapping,
)


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
    assert view.groups[0].button(0).text() == "Helemaal\nmee eens"  # on two lines, to leave room
    assert not view.save_button.isEnabled()
    answers = []
    view.answered.connect(answers.append)
    view.groups[0].button(1).click()
    assert not view.save_button.isEnabled()  # five still open
    view.choose((0, 4, 3, 1, 4, 0))
    with qtbot.waitSignal(view.finished):
        view.save_button.click()
    assert answers == [(0, 4, 3, 1, 4, 0)]


PAGES_AFTER = {
    "pain and effort": lambda lang: RatingView(lang=lang),
    "why missed": lambda lang: MissedReasonView(date(2026, 3, 3), 1, 2, lang),
    "EARS": EarsView,
    "PSK": lambda lang: PskView(("Hardlopen", "Traplopen", "Fietsen naar het werk"), lang),
}


@pytest.mark.parametrize("size", SHORT_SIZES + LARGE_TEXT_SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("name", PAGES_AFTER)
def test_the_pages_after_a_session_fit_a_small_laptops_window(qtbot, qapp, tmp_path, name, lang, size):
    """Seen on Wayland at 1280×720: the window had 655 pixels and the words of the effort scale were
    drawn over its buttons. At 1024×600 the EARS needed 639. With large text (1024×768 at 125 %) the
    activities' 0-10 buttons were drawn over each other, "10" cut to "1(" (they scroll now)."""
    with as_the_app_runs(qapp, lang):
        window = MainWindow(data_dir=tmp_path / "data", lang=lang, start_session=lambda path: None)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        page = PAGES_AFTER[name](lang)
        window.show_page(page)
        qtbot.waitExposed(window)
        assert window.size().toTuple() == size, "the page made the window larger than the screen's room"
        assert overlapping(page) == []
        assert cut_buttons(page) == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("where", ["after a session", "from the progress view"])
def test_every_ears_answer_shows_whole(qtbot, qapp, tmp_path, si_gewricht, where, lang, size):
    """After a session the EARS is a page of the window; from the progress view it opens in a dialog,
    whose style sheet let the answers shrink to "elemaal mee eer" and "er agree nor disa". On a page
    at 1024 wide the answers on one line left the statements 126 pixels."""
    with as_the_app_runs(qapp, lang):
        window = MainWindow(data_dir=tmp_path / "data", lang=lang, start_session=lambda path: None)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        if where == "after a session":
            window.show_page(EarsView(lang))
            page: QWidget = window
        else:
            store = HistoryStore(tmp_path / "history.db")
            progress = HistoryView(store, load_file(si_gewricht), lang, save_ears=lambda answers: None)
            window.show_page(progress)
            page = progress.own.ask_ears()
        [ears] = page.findChildren(EarsView)
        assert ears.width() == size[0]  # the dialog is as large as the window
        assert cut_buttons(ears) == []
        assert len({button.height() for group in ears.groups for button in group.buttons()}) == 1
        statements = [label for label in ears.findChildren(QLabel) if label not in (ears.title, ears.intro)]
        assert len(statements) == 6
        assert min(s.width() for s in statements) >= size[0] // 5  # room to read, not a word a line
        if lang == "nl":  # the Dutch words were measured
            assert ears.groups[0].button(0).accessibleName().endswith(" Helemaal mee eens")
        if where != "after a session":
            page.close()
            store.close()


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


def test_a_screen_reader_hears_the_psk_scores_by_their_activity(qtbot):
    """Read over AT-SPI: the scores of a typed activity were "Activity 1 4", whatever was typed."""
    view = PskView((), "en")
    qtbot.addWidget(view)
    view.names[0].setText("Putting on socks")
    assert view.scores[0].button(4).accessibleName() == "Putting on socks 4"
    view.names[0].clear()
    assert view.scores[0].button(4).accessibleName() == "Activity 1 4"
    named = PskView(("Running",), "en")
    qtbot.addWidget(named)
    assert named.scores[0].button(0).accessibleName() == "Running 0"


def test_the_psk_refuses_the_same_activity_twice(qtbot):
    view = PskView((), "en")
    qtbot.addWidget(view)
    for row in (0, 1):
        view.names[row].setText("Walking")
        view.scores[row].pick(4)
    assert not view.save_button.isEnabled()


@pytest.mark.parametrize("names", [(), ("running", "cycling")])
def test_each_psk_activity_stands_level_with_its_scores(qtbot, names):
    """Seen at 1280×720: an activity named before stood at the top of its row, above its buttons' middle."""
    view = PskView(names, "en")
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    for name, score in zip(view.names, view.scores, strict=True):
        middle = score.button(0).mapTo(view, score.button(0).rect().center()).y()
        assert abs(name.mapTo(view, name.rect().center()).y() - middle) <= 2, name.text()


def test_once_a_day_missed_reads_as_no_session(qtbot):
    view = MissedReasonView(date(2026, 3, 3), 0, 1, "en")
    qtbot.addWidget(view)
    assert view.title.text() == "Yesterday: no session"


def test_shown_in_the_window_the_psk_takes_a_name_at_once_and_no_reason_is_marked(qtbot, tmp_path):
    """The window kept the keyboard on the page itself, so the first activity could not be typed at
    once; and no answer may look chosen before it is given (a focus ring on "Pain" leans it)."""
    window = MainWindow(data_dir=tmp_path, lang="en", start_session=lambda path: None)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    psk = PskView((), "en")
    window.show_page(psk)
    qtbot.keyClicks(window.focusWidget(), "Putting on socks")
    assert psk.names[0].text() == "Putting on socks"
    missed = MissedReasonView(date(2026, 12, 6), 1, 2, "en")
    window.show_page(missed)
    assert not any(button.hasFocus() for button in missed.reason_buttons.values())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)  # the answers first, Skip below them after
    assert window.focusWidget() is next(iter(missed.reason_buttons.values()))
    with qtbot.waitSignal(missed.chosen) as chosen:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)  # chosen with Enter
    assert chosen.args == [next(iter(missed.reason_buttons))]


def _psk_shown(qtbot, names: tuple[str, ...]) -> tuple[PskView, list]:
    """The PSK page in a window of its own, with the keyboard; what it gives goes into the list."""
    view = PskView(names, "en")
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    given: list = []
    view.given.connect(given.append)
    return view, given


def test_the_psk_by_keyboard_alone(qtbot):
    """Digits picked no score here and Enter on a score saved nothing: six Tabs to Save."""
    view, given = _psk_shown(qtbot, ())
    qtbot.keyClicks(view.names[0], "Putting on socks")
    qtbot.keyClick(view.names[0], Qt.Key.Key_Return)  # to its scores
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_7)  # scored; on to the next name
    assert view.scores[0].value == 7 and view.names[1].hasFocus()
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.names[1], Qt.Key.Key_Return)  # no second activity: Enter saves
    assert given == [(("Putting on socks", 7),)]


def test_the_psk_asked_again_takes_digits_row_by_row(qtbot):
    view, given = _psk_shown(qtbot, ("Putting on socks", "Sitting for an hour"))
    qtbot.keyClick(view, Qt.Key.Key_6)
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_4)
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert given == [(("Putting on socks", 6), ("Sitting for an hour", 4))]
