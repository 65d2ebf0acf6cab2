"""The questions after a session: two taps, or the keyboard, or skipped."""

import itertools

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from sitimer.qt.common.translation import install_translator
from sitimer.qt.session import rating
from sitimer.qt.session.rating import RatingView
from tests.helpers.screens import SHORT_SIZES, SIZES, as_the_app_runs, cut_buttons, overlapping


def _view(qtbot, **kwargs):
    view = RatingView(**kwargs)
    qtbot.addWidget(view)
    view.show()
    answers = []
    view.rated.connect(lambda pain, effort, note: answers.append((pain, effort, note)))
    return view, answers


def test_two_taps_save_pain_and_effort(qtbot):
    view, answers = _view(qtbot)
    qtbot.mouseClick(view.pain.group.button(4), Qt.MouseButton.LeftButton)
    assert answers == []
    qtbot.mouseClick(view.effort.group.button(6), Qt.MouseButton.LeftButton)
    assert answers == [(4, 6, "")]
    assert view.saved.text() == ""  # saved, but the note may still come: no thanks yet
    with qtbot.waitSignal(view.finished):
        qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert answers[-1] == (4, 6, "")


def test_thanks_come_when_the_note_is_left_not_while_it_is_typed(qtbot):
    view, answers = _view(qtbot)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.pain.pick(2)
    view.effort.pick(3)
    assert view.note.hasFocus()
    qtbot.keyClicks(view.note, "Left hip")
    assert view.saved.text() == ""
    qtbot.keyClick(view.note, Qt.Key.Key_Tab)  # on to the buttons: the note is left
    assert answers[-1] == (2, 3, "Left hip")
    assert view.saved.text() == "Saved. Thank you!"
    view.note.setFocus()
    qtbot.keyClicks(view.note, " stiff")  # typing again takes the thanks back until it is left again
    assert view.saved.text() == ""
    assert answers[-1] == (2, 3, "Left hip")


def test_a_note_is_saved_with_done(qtbot):
    view, answers = _view(qtbot)
    view.pain.pick(2)
    view.effort.pick(3)
    qtbot.keyClicks(view.note, "Left hip stiff")
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.note, Qt.Key.Key_Return)
    assert answers[-1] == (2, 3, "Left hip stiff")


def test_digits_answer_from_the_keyboard_and_t_is_ten(qtbot):
    view, answers = _view(qtbot)
    qtbot.keyClick(view, Qt.Key.Key_7)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert answers == [(7, 10, "")]


def test_ten_typed_as_1_0_is_ten_on_both_rows_and_before(qtbot, monkeypatch):
    """A patient types ten as "1" "0". It gave pain 1 and effort 0 (or a note beginning "0"); the
    worst pain was kept as nearly none. Typed at once it is ten; a "0" after a pause is a zero."""
    clock = [100.0]
    monkeypatch.setattr(rating, "now", lambda: clock[0])
    view, answers = _view(qtbot)
    with qtbot.waitActive(view):
        view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_0)
    assert (view.pain.value, view.effort.value) == (10, None)
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_1)
    assert view.note.hasFocus()
    qtbot.keyClick(view.note, Qt.Key.Key_0)  # not the note's first letter: effort 10
    assert answers[-1] == (10, 10, "") and view.note.text() == ""

    slow, slow_answers = _view(qtbot)
    with qtbot.waitActive(slow):
        slow.activateWindow()
    qtbot.keyClick(slow, Qt.Key.Key_1)
    clock[0] += rating.TEN_S + 0.5  # a pause: the 0 is the next row's
    qtbot.keyClick(slow.focusWidget(), Qt.Key.Key_0)
    assert slow_answers[-1] == (1, 0, "")

    before, before_answers = _view(qtbot, before=True)
    with qtbot.waitActive(before):
        before.activateWindow()
    qtbot.keyClick(before, Qt.Key.Key_1)
    qtbot.keyClick(before.focusWidget(), Qt.Key.Key_0)
    assert before.pain.value == 10
    with qtbot.waitSignal(before.finished):
        qtbot.keyClick(before.done_button, Qt.Key.Key_Return)
    assert before_answers == [(10, None, "")]


def test_after_an_effort_digit_an_arrow_still_reaches_the_half_step(qtbot):
    view, answers = _view(qtbot)
    with qtbot.waitActive(view):
        view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_3)  # pain
    qtbot.keyClick(view, Qt.Key.Key_4)  # effort 4: the note has the keyboard now ...
    assert view.note.hasFocus()
    qtbot.keyClick(view.note, Qt.Key.Key_Right)  # ... but while it is empty, → is half a step up
    assert answers[-1] == (3, 4.5, "") and view.note.hasFocus()
    qtbot.keyClicks(view.note, "Tired")  # a note (T is not 10 here)
    qtbot.keyClick(view.note, Qt.Key.Key_Left)  # in a note begun, the arrows move its cursor
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.note, Qt.Key.Key_Return)
    assert answers[-1] == (3, 4.5, "Tired")


def test_three_keys_answer_both_and_finish(qtbot):
    view, answers = _view(qtbot)
    with qtbot.waitActive(view):
        view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_3)
    qtbot.keyClick(view, Qt.Key.Key_4)
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.note, Qt.Key.Key_Return)
    assert answers[-1] == (3, 4, "")


def test_escape_skips_without_answers(qtbot):
    view, answers = _view(qtbot)
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert answers == []


def test_pain_before_asks_pain_only_and_two_taps_start(qtbot):
    view, answers = _view(qtbot, before=True)
    finished = []
    view.finished.connect(lambda: finished.append(True))
    assert not view.effort.isVisible()
    qtbot.mouseClick(view.pain.group.button(5), Qt.MouseButton.LeftButton)
    assert finished == [] and view.pain.value == 5  # marked, not yet gone: a slip can be put right
    with qtbot.waitSignal(view.finished):
        qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert answers == [(5, None, "")]


def test_pain_before_a_wrong_digit_is_corrected_before_enter_starts(qtbot):
    view, answers = _view(qtbot, before=True)
    with qtbot.waitActive(view):
        view.activateWindow()
    finished = []
    view.finished.connect(lambda: finished.append(True))
    qtbot.keyClick(view, Qt.Key.Key_8)  # meant 3
    assert view.done_button.hasFocus() and finished == []
    qtbot.keyClick(view.done_button, Qt.Key.Key_3)
    assert view.pain.value == 3 and view.done_button.hasFocus()
    with qtbot.waitSignal(view.finished):
        qtbot.keyClick(view.done_button, Qt.Key.Key_Return)
    assert answers == [(3, None, "")]


def test_in_dutch_from_the_translation(qtbot, qapp):
    translator = install_translator(qapp, "nl")
    assert translator is not None
    try:
        view, _answers = _view(qtbot, lang="nl")
        assert view.saved.text() == ""
        assert (view.skip_button.text(), view.done_button.text()) == ("Overslaan", "Klaar")
        assert view.pain.group.button(10).accessibleName() == "Pijn nu 10, ergste pijn"
        assert view.effort.group.button(1).accessibleName() == "Hoe zwaar was het? 1, heel licht"
    finally:
        qapp.removeTranslator(translator)


def test_effort_takes_half_steps_with_borgs_anchors_beside_the_numbers(qtbot):
    view, answers = _view(qtbot, lang="nl")
    assert view.effort.values[:4] == (0, 0.5, 1, 1.5) and len(view.effort.values) == 21
    assert view.effort.button(0.5).text() == "½"
    assert view.effort.button(0.5).accessibleName() == "How hard was it? 0,5, heel, heel licht (net merkbaar)"
    anchors = [label.text() for label in view.effort.findChildren(QLabel) if label.text()]
    assert anchors == [
        "Helemaal niets",
        "Heel licht",
        "Licht",
        "Matig",
        "Tamelijk zwaar",
        "Zwaar",
        "Heel zwaar",
        "Heel, heel zwaar (maximaal)",
        "0,5 = Heel, heel licht (net merkbaar)",
    ]
    view.pain.pick(2)
    qtbot.mouseClick(view.effort.button(4.5), Qt.MouseButton.LeftButton)
    assert answers == [(2, 4.5, "")]


def test_arrows_step_over_the_half_steps(qtbot):
    view, answers = _view(qtbot)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.pain.pick(3)  # the effort row has the focus next, on 3
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert answers == [(3, 3.5, "")]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_scale_button_shows_whole_and_apart(qtbot, qapp, size, lang):
    """Seen at 1024×768: Borg's 21 buttons overlapped and "10" was cut at the edge (the PSK's too)."""
    from sitimer.qt.session.outcome import PskView

    with as_the_app_runs(qapp, lang):
        for view, rows in ((RatingView(lang=lang), None), (PskView((), lang), "scores")):
            qtbot.addWidget(view)
            view.resize(*size)
            view.show()
            qtbot.waitExposed(view)
            assert view.width() == size[0], "the page needs a wider screen"  # as a full screen would cut it
            assert cut_buttons(view) == []
            scales = getattr(view, rows) if rows else [view.pain, view.effort]
            for scale in scales:
                buttons = [scale.button(v) for v in scale.values]
                for left, right in itertools.pairwise(buttons):
                    assert left.geometry().right() < right.geometry().left(), (left.text(), right.text())
                edge = buttons[-1].mapTo(view, buttons[-1].rect().topRight()).x()
                assert edge < view.width(), f"'{buttons[-1].text()}' runs off the page"


def _drawn_words(label: QLabel) -> tuple[int, int]:
    """Where a word-wrapped anchor's words are drawn: its leftmost and rightmost pixel."""
    area = label.contentsRect()
    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter
    text = label.fontMetrics().boundingRect(QRect(0, 0, area.width(), 10_000), flags, label.text())
    left = label.mapTo(label.window(), area.topLeft()).x()
    if label.alignment() & Qt.AlignmentFlag.AlignLeft:  # the first value's, at the row's start
        return left, left + text.width()
    if label.alignment() & Qt.AlignmentFlag.AlignRight:  # the last value's, at its end
        return left + area.width() - text.width(), left + area.width()
    centre = label.mapTo(label.window(), area.center()).x()
    return centre - text.width() // 2, centre + text.width() // 2


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_borg_anchors_read_as_words_apart(qtbot, qapp, size, lang):
    """Seen at 1024×768 in Dutch: "Matig Tamelijk zwaar Zwaar" ran on as one phrase and "Helemaal"
    touched "Heel licht", so a patient could not tell which words went with which number."""
    with as_the_app_runs(qapp, lang):
        view = RatingView(lang=lang)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        zero = view.effort.button(0)
        top = zero.mapTo(view, zero.rect().topLeft()).y()
        bottom = zero.mapTo(view, zero.rect().bottomLeft()).y()
        sides: dict[str, list[QLabel]] = {"above": [], "below": []}
        for label in view.effort.findChildren(QLabel):
            if label.isVisible() and "=" not in label.text():  # the half step's line stands apart below
                area = QRect(label.mapTo(view, QPoint(0, 0)), label.size())
                assert area.bottom() < top or area.top() > bottom, f"'{label.text()}' on the buttons"
                sides["above" if area.bottom() < top else "below"].append(label)
        assert len(sides["above"]) + len(sides["below"]) == 8  # Borg's whole-number anchors, all shown
        gap = zero.fontMetrics().horizontalAdvance("  ")
        for labels in sides.values():
            spans = sorted(_drawn_words(label) for label in labels)
            for (_, right), (left, _) in itertools.pairwise(spans):
                assert left - right >= gap, f"{lang} {size}: anchors less than {gap} px apart: {spans}"


@pytest.mark.parametrize("size", SHORT_SIZES)
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("before", [True, False])
def test_the_questions_fit_a_small_laptops_window(qtbot, qapp, size, lang, before):
    """Seen on Wayland (weston) at 1280×720: the window had 655 pixels, the page after a session
    needed 703, and Borg's words under the buttons were drawn over them."""
    with as_the_app_runs(qapp, lang):
        view, _ = _view(qtbot, before=before, lang=lang)
        view.resize(*size)
        view.pain.pick(3)
        if not before:
            view.effort.pick(4.5)
            view.done_button.setFocus()
            view._save_all()  # the thanks shown beside Done
        view.show()
        qtbot.waitExposed(view)
        assert view.scroller.verticalScrollBar().maximum() == 0  # all of it in view, nothing to scroll
        assert overlapping(view) == []
        assert cut_buttons(view) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_with_large_text_the_page_scrolls_rather_than_squash_its_rows(qtbot, qapp, lang):
    """1366×768 at 150 % leaves 911×512: the effort row was squashed, its "½" over the numbers and its
    words across the buttons. Now every button keeps its size and its place, the page scrolls, and
    Skip and Done stay in view."""
    with as_the_app_runs(qapp, lang):
        view, _ = _view(qtbot, before=False, lang=lang)
        view.resize(911, 512)
        view.show()
        qtbot.waitExposed(view)
        for scale in (view.pain, view.effort):
            buttons = [scale.button(v) for v in scale.values]
            for left, right in itertools.pairwise(buttons):
                assert left.geometry().right() < right.geometry().left(), (left.text(), right.text())
            assert all(b.height() >= b.minimumHeight() for b in buttons)
            edge = buttons[-1].mapTo(view, buttons[-1].rect().topRight()).x()
            assert edge < view.width(), f"'{buttons[-1].text()}' runs off the page"
        for button in (view.skip_button, view.done_button):
            assert view.rect().contains(QRect(button.mapTo(view, QPoint(0, 0)), button.size())), button.text()
        assert overlapping(view) == [] and cut_buttons(view) == []


def test_the_page_shown_in_the_window_marks_no_answer_and_digits_work_at_once(qtbot, tmp_path):
    """A focus ring on one pain button reads as a suggested answer; the page itself has the keyboard."""
    from sitimer.qt.window.main_window import MainWindow

    window = MainWindow(data_dir=tmp_path, lang="en", start_session=lambda path: None)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    view = RatingView(before=True)
    window.show_page(view)
    assert view.hasFocus() and not any(view.pain.button(n).hasFocus() for n in range(11))
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert view.pain.value == 4 and view.done_button.hasFocus()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_PageDown, Qt.Key.Key_F13, Qt.Key.Key_Tools])
def test_a_pedal_press_starts_the_session_from_the_pain_question(qtbot, key):
    """A patient with only a foot pedal (Enter, F13, or a clicker's Page Down) was stuck on "Pain
    before you start": the press answered nothing, and only Esc went on. It now starts the session
    with no pain given; a digit typed first is kept. A held pedal's repeats do not count."""
    view, answers = _view(qtbot, before=True)
    view.setFocus()

    def pedal(widget, key, repeat=False):  # sent as the X server sends it (QTest knows no Key_Tools)
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "", repeat)
        )

    pedal(view, key, repeat=True)
    assert view.isVisible() and answers == []  # only the repeat: nothing yet
    with qtbot.waitSignal(view.finished):
        pedal(view, key)
    assert view.pain.value is None and answers == []
    after, answered = _view(qtbot, before=True)
    qtbot.keyClick(after, Qt.Key.Key_3)
    with qtbot.waitSignal(after.finished):
        pedal(after.focusWidget() or after, Qt.Key.Key_F13)
    assert answered == [(3, None, "")]


def test_a_pedal_press_after_the_session_leaves_nothing_unasked(qtbot):
    """After the session the same press does nothing: a last tap must not wipe "How did it go?"."""
    view, answers = _view(qtbot)
    view.setFocus()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_F13, Qt.Key.Key_PageDown, Qt.Key.Key_Tools):
        QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
    assert view.isVisible() and answers == []


def test_enter_on_a_page_just_opened_answers_nothing(qtbot, tmp_path):
    """A foot pedal sends Enter: pressed at the end of a session it recorded pain 0 (and with a
    second press, effort 0), an answer the patient never gave."""
    from sitimer.qt.window.main_window import MainWindow

    window = MainWindow(data_dir=tmp_path, lang="en", start_session=lambda path: None)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    view = RatingView()
    answers = []
    view.rated.connect(lambda pain, effort, note: answers.append((pain, effort, note)))
    window.show_page(view)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (view.pain.value, view.effort.value, answers) == (None, None, [])
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the arrows go to a button (the first: 0); Enter takes it
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    assert view.pain.value == 1


def test_a_screen_reader_hears_the_question_and_the_first_arrow_lands_on_zero(qtbot):
    """Read over AT-SPI: the page that has the keyboard was an unnamed "filler", so Orca read neither
    the question nor the keys; and → from nothing focused "1", skipping "0"."""
    from PySide6.QtGui import QAccessible

    view, _ = _view(qtbot, before=False)
    face = QAccessible.queryAccessibleInterface(view)
    assert face.text(QAccessible.Text.Name) == "How did it go?"
    assert face.text(QAccessible.Text.Description) == (
        "Pain now; How hard was it?. Digits 0–9 (T = 10) · arrows · Enter · Esc skips"
    )
    with qtbot.waitActive(view):
        view.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.pain.button(0).hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.pain.button(1).hasFocus()
