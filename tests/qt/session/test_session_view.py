"""The session view, driven by a real engine on a fake clock: what a patient sees and which keys work."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from sitimer.core.clock import FakeClock
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.session.engine import SessionEngine, State
from sitimer.qt.common import style
from sitimer.qt.common.translation import install_translator
from sitimer.qt.session.driver import SessionDriver
from sitimer.qt.session.view import SessionView

# Moments of the si-gewricht session (seconds from its start), from its plan:
# prepare 0-15, windmills set 1 15-105 (30 reps of 3 s), rest 105-165, ...,
# rest before SI stretch 405-465, prepare 465-480, hold right 480-510, switch 510-520.
WORK_12_REPS = 15 + 12 * 3 + 0.5
REST_BEFORE_STRETCH = 405.0
HOLD_RIGHT = 480.0


class Session:
    """A view on an engine on a fake clock, moved to any moment of the session."""

    def __init__(self, qtbot, path: Path, lang: str = "en", size: tuple[int, int] = (1280, 720)) -> None:
        self.clock = FakeClock()
        self.engine = SessionEngine(build_plan(load_file(path)), self.clock)
        self.view = SessionView(self.engine, lang)
        qtbot.addWidget(self.view)
        self.view.resize(*size)
        self.view.show()
        qtbot.waitExposed(self.view)

    def at(self, t: float) -> SessionView:
        """Run the session to ``t`` seconds after its start, handing every event to the view."""
        events = self.engine.start() if self.engine.state is State.READY else []
        assert self.engine.session_start is not None
        target = self.engine.session_start + t
        while self.engine.state is State.RUNNING:
            deadline = self.engine.next_deadline()
            if deadline is None or deadline > target:
                break
            self.clock.now = deadline
            events += self.engine.advance()
        self.clock.now = max(self.clock.now, target)
        events += self.engine.advance()
        for event in events:
            self.view.on_event(event)
        QApplication.processEvents()  # let the layout follow the new texts
        return self.view


@pytest.fixture
def session(qtbot, si_gewricht):
    return Session(qtbot, si_gewricht)


def banner_colour(view: SessionView) -> str:
    image = view.banner.grab().toImage()
    return image.pixelColor(image.width() // 2, 3).name().upper()


# -- readable from across the room -------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_digits_are_a_quarter_of_the_window_high_and_everything_fits(qtbot, si_gewricht, size, lang):
    view = Session(qtbot, si_gewricht, lang=lang, size=size).at(WORK_12_REPS)
    width, height = size
    assert view.size().width() == width and view.size().height() == height
    assert view.digits.text() == "12 / 30"
    font = view.digits.font()
    assert font.pixelSize() >= height / 4
    glyph = QFontMetrics(font).tightBoundingRect("0123456789").height()
    assert glyph >= height / 4  # the digits themselves, not only the font's line box
    assert QFontMetrics(font).horizontalAdvance("12 / 30") <= view.digits.width()
    assert view.digits.height() >= glyph
    for name, button in view.buttons.items():
        assert view.rect().contains(button.geometry()), name
        assert button.height() >= height * 0.07, name  # large enough to hit from the floor
    column = [
        view.banner,
        view.name_label,
        view.instructions_label,
        view.digits,
        view.side_label,
        view.step_bar,
        view.next_label,
        view.session_bar,
        view.buttons["back"],
    ]
    for upper, lower in itertools.pairwise(column):
        assert upper.geometry().bottom() < lower.geometry().top(), (upper.objectName(), lower.objectName())
    assert view.digits.height() >= view.digits.minimumHeight()  # nothing squeezed into the digits
    assert view.instructions_label.font().pixelSize() >= 0.022 * height


def test_the_digits_keep_their_size_after_the_window_grows(qtbot, session):
    view = session.at(HOLD_RIGHT + 0.5)
    view.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.digits.font().pixelSize() >= 1080 / 4)
    assert view.digits.text() == "30"


# -- the phase, by word and colour -------------------------------------------


def test_phase_word_colour_and_count_follow_the_steps(session):
    view = session.at(1.0)
    assert view.phase_label.text() == "Get ready"
    assert banner_colour(view) == style.OKABE_ITO["yellow"]
    assert view.name_label.text() == "1 · Windmills"
    assert view.digits.text() == "0:14"

    session.at(WORK_12_REPS)
    assert view.phase_label.text() == "Work"
    assert banner_colour(view) == style.OKABE_ITO["vermillion"]
    assert view.digits.text() == "12 / 30"
    assert view.side_label.text() == "Left side"  # rep 12 of right, left, right ...
    assert view.set_label.text() == "Set 1 of 3"
    assert view.step_bar.value() == 400

    session.at(REST_BEFORE_STRETCH)
    assert view.phase_label.text() == "Rest"
    assert banner_colour(view) == style.OKABE_ITO["bluish_green"]
    assert view.digits.text() == "1:00"

    session.at(HOLD_RIGHT)
    assert view.phase_label.text() == "Hold"
    assert banner_colour(view) == style.OKABE_ITO["blue"]
    assert view.digits.text() == "30"
    assert view.side_label.text() == "Right side"
    session.at(HOLD_RIGHT + 12.3)
    assert view.digits.text() == "18"

    session.at(HOLD_RIGHT + 30.5)
    assert view.phase_label.text() == "Switch sides"
    assert banner_colour(view) == style.OKABE_ITO["reddish_purple"]
    assert view.side_label.text() == "Left side"


def test_next_names_the_next_exercise_in_the_rest_before_it(session):
    view = session.at(WORK_12_REPS)
    assert view.next_label.text() == "Next: rest, 1:00"
    session.at(105.0 + 1)  # the rest after set 1
    assert view.next_label.text() == "Next: set 2 of 3, start right"
    assert view.set_label.text() == "Set 1 of 3 done"
    session.at(REST_BEFORE_STRETCH + 5)
    assert view.next_label.text() == "Next: SI stretch, right side"
    assert view.set_label.text() == "Exercise 2 of 4"
    assert view.name_label.text() == "2 · SI stretch"  # its instructions can be read ahead
    assert "Lie on your back" in view.instructions_label.text()


def test_session_progress_and_time_left(session):
    view = session.at(WORK_12_REPS)
    total = session.engine.plan.total_s
    left = total - WORK_12_REPS
    assert view.session_left_label.text() == f"{int(left // 60)}:{int(left % 60 + 0.999):02d} left"
    assert view.session_bar.value() == round(1000 * WORK_12_REPS / total)


def test_the_end_shows_done(session):
    view = session.at(10_000)
    assert session.engine.state is State.FINISHED
    assert view.phase_label.text() == "Done"
    assert banner_colour(view) == style.OKABE_ITO["sky_blue"]
    assert view.next_label.text() == ""
    assert not view.buttons["pause"].isVisible() and view.buttons["leave"].isVisible()


def test_dutch_session_words(qtbot, si_gewricht):
    session = Session(qtbot, si_gewricht, lang="nl")
    view = session.at(1.0)
    assert (view.phase_label.text(), view.name_label.text()) == ("Klaarmaken", "1 · Molenwieken")
    assert view.side_label.text() == "Om en om rechts en links"
    assert session.at(WORK_12_REPS).phase_label.text() == "Oefenen"
    assert view.set_label.text() == "Serie 1 van 3"
    assert view.side_label.text() == "Linkerkant"
    assert session.at(REST_BEFORE_STRETCH).phase_label.text() == "Rust"
    assert view.next_label.text() == "Hierna: SI-rekken, rechterkant"
    assert view.set_label.text() == "Oefening 2 van 4"
    assert session.at(HOLD_RIGHT).phase_label.text() == "Vasthouden"
    assert session.at(HOLD_RIGHT + 30.5).phase_label.text() == "Wissel van kant"
    assert session.at(10_000).phase_label.text() == "Klaar"


def test_phase_colours_are_okabe_ito_with_readable_text():
    palette = set(style.OKABE_ITO.values())
    shown = {kind: look for kind, look in style.PHASES.items()}
    for kind, look in shown.items():
        assert look.colour in palette, kind
        assert style.contrast(look.colour, look.text) >= 4.5, kind
    words = [StepKind.PREPARE, StepKind.WORK, StepKind.HOLD, StepKind.REST, StepKind.SWITCH, StepKind.DONE]
    assert len({shown[k].colour for k in words}) == len(words)  # every phase word has its own colour
    assert style.contrast(style.TEXT, style.BACKGROUND) >= 4.5
    assert style.contrast(style.TEXT_MUTED, style.BACKGROUND) >= 4.5
    assert style.contrast(style.NOTICE, style.BACKGROUND) >= 4.5


SELF_PACED = """
id: t
title: T
frequency: {sessions_per_day: 1}
exercises:
  - {id: bridge, number: "1", name: Bridge, instructions: Lift your hips., kind: reps, reps: 10, pacing: self}
"""


def test_an_open_ended_step_says_how_to_finish(qtbot, tmp_path):
    # The walk of seed 002 was the open-ended step; it is a daily activity now, apart from the session.
    path = tmp_path / "self-paced.yaml"
    path.write_text(SELF_PACED, encoding="utf-8")
    session = Session(qtbot, path)
    view = session.at(10 + 65.2)  # self-paced reps: no set length
    assert view.phase_label.text() == "Work"
    assert view.name_label.text() == "1 · Bridge"
    assert view.digits.text() == "0 / 10"
    assert view.side_label.text() == "Press Enter when you are done"


# -- controls ----------------------------------------------------------------


def press(widget, key: Qt.Key, repeat: bool = False) -> None:
    """A key press and release as a keyboard, clicker, pedal or media key sends them."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "", repeat))


KEYS = [
    (Qt.Key.Key_Space, "toggle_pause"),
    (Qt.Key.Key_B, "toggle_pause"),
    (Qt.Key.Key_MediaPlay, "toggle_pause"),
    (Qt.Key.Key_MediaTogglePlayPause, "toggle_pause"),
    (Qt.Key.Key_MediaPause, "toggle_pause"),
    (Qt.Key.Key_Return, "tap"),
    (Qt.Key.Key_Enter, "tap"),
    (Qt.Key.Key_PageDown, "tap"),
    (Qt.Key.Key_F13, "tap"),
    (Qt.Key.Key_F14, "tap"),
    (Qt.Key.Key_F15, "tap"),
    (Qt.Key.Key_Tools, "tap"),  # a pedal's F13 on Linux: the xkb keymap names it XF86Tools
    (Qt.Key.Key_Launch5, "tap"),  # F14
    (Qt.Key.Key_Launch6, "tap"),  # F15
    (Qt.Key.Key_Right, "skip"),
    (Qt.Key.Key_MediaNext, "skip"),
    (Qt.Key.Key_Left, "back"),
    (Qt.Key.Key_PageUp, "back"),
    (Qt.Key.Key_MediaPrevious, "back"),
    (Qt.Key.Key_R, "restart_set"),
]


@pytest.mark.parametrize(("key", "signal"), KEYS, ids=[f"{k.name}->{s}" for k, s in KEYS])
def test_keys_clickers_media_keys_and_pedals(qtbot, session, key, signal):
    view = session.view
    with qtbot.waitSignal(getattr(view, signal), timeout=500):
        press(view, key)


@pytest.mark.parametrize(
    ("key", "factor"),
    [(Qt.Key.Key_Plus, 1.1), (Qt.Key.Key_Equal, 1.1), (Qt.Key.Key_Minus, 1 / 1.1)],
)
def test_plus_and_minus_change_the_tempo(qtbot, session, key, factor):
    with qtbot.waitSignal(session.view.tempo, timeout=500) as blocker:
        press(session.view, key)
    assert blocker.args == [pytest.approx(factor)]


def test_plus_and_minus_show_the_new_tempo_large_for_a_moment(qtbot, session):
    view = session.at(WORK_12_REPS)  # windmills: 3 s a rep
    engine = session.engine
    view.tempo.connect(lambda factor: engine.set_tempo(engine.tempo_factor * factor))  # as the driver does
    tempo = view.overlays.tempo
    assert not tempo.isVisible()
    press(view, Qt.Key.Key_Plus)
    assert tempo.isVisible() and tempo.text() == "Faster\n2.7\u00a0s per rep"
    assert tempo.font().pixelSize() >= view.phase_label.font().pixelSize()  # readable from the floor
    assert view.rect().contains(tempo.geometry())
    qtbot.mouseClick(view.buttons["slower"], Qt.MouseButton.LeftButton)
    assert tempo.text() == "Slower\n3.0\u00a0s per rep"
    for _ in range(10):
        press(view, Qt.Key.Key_Minus)
    assert tempo.text() == "Slowest tempo\n6.0\u00a0s per rep"  # the end of the range: nothing changed
    qtbot.waitUntil(lambda: not tempo.isVisible(), timeout=5000)  # gone again after a moment
    assert view.digits.isVisible()


def test_the_tempo_of_a_hold_is_shown_as_a_share(qtbot, session):
    view = session.at(HOLD_RIGHT + 1)  # no reps to time: the reps to come follow the new tempo
    engine = session.engine
    view.tempo.connect(lambda factor: engine.set_tempo(engine.tempo_factor * factor))
    press(view, Qt.Key.Key_Plus)
    assert view.overlays.tempo.text() == "Faster\nTempo 110 %"


def test_the_tempo_is_shown_in_dutch(qtbot, qapp, si_gewricht):
    translator = install_translator(qapp, "nl")
    assert translator is not None
    try:
        session = Session(qtbot, si_gewricht, lang="nl")
        view = session.at(WORK_12_REPS)
        engine = session.engine
        view.tempo.connect(lambda factor: engine.set_tempo(engine.tempo_factor * factor))
        press(view, Qt.Key.Key_Plus)
        assert view.overlays.tempo.text() == "Sneller\n2,7\u00a0sec per herhaling"
    finally:
        qapp.removeTranslator(translator)  # the other tests stay English


def test_m_mutes_and_unmutes(qtbot, session):
    view = session.view
    with qtbot.waitSignal(view.mute_toggled, timeout=500) as first:
        qtbot.keyClick(view, Qt.Key.Key_M)
    assert first.args == [True] and view.buttons["mute"].text() == "Sound: off"
    with qtbot.waitSignal(view.mute_toggled, timeout=500) as second:
        qtbot.keyClick(view, Qt.Key.Key_M)
    assert second.args == [False]


def test_a_held_key_does_not_count_many_reps(qtbot, session):
    taps: list[None] = []
    session.view.tap.connect(lambda: taps.append(None))
    for repeat in (False, True, True, True):
        press(session.view, Qt.Key.Key_Return, repeat)
    assert len(taps) == 1


@pytest.mark.parametrize(
    ("answer", "left"), [(QMessageBox.StandardButton.Yes, 1), (QMessageBox.StandardButton.No, 0)]
)
def test_escape_asks_before_leaving(qtbot, session, monkeypatch, answer, left):
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    leaves: list[None] = []
    session.view.leave.connect(lambda: leaves.append(None))
    qtbot.keyClick(session.view, Qt.Key.Key_Escape)
    assert asked == ["Stop the session? What you did is kept."]
    assert len(leaves) == left


def test_big_buttons_work_by_mouse_and_have_names_and_a_tab_order(qtbot, session):
    view = session.view
    expected = {
        "back": "back",
        "restart": "restart_set",
        "slower": "tempo",
        "pause": "toggle_pause",
        "faster": "tempo",
        "tap": "tap",
        "skip": "skip",
    }
    for key, signal in expected.items():
        with qtbot.waitSignal(getattr(view, signal), timeout=500):
            qtbot.mouseClick(view.buttons[key], Qt.MouseButton.LeftButton)
        assert view.buttons[key].accessibleName(), key
        assert view.hasFocus()  # a click leaves the keys with the view: Space still pauses
    order = [view.buttons["back"]]
    for _ in range(len(view.buttons) - 1):
        order.append(order[-1].nextInFocusChain())
    # named as shown, for voice control ("click Set again"); what each does in its description
    assert [b.accessibleName() for b in order][:4] == ["Back", "Set again", "Slower", "Start"]
    assert [b.accessibleDescription() for b in order][:4] == [
        "Back",
        "Start this set again",
        "Count slower",
        "Pause or go on",
    ]
    for bar in (view.step_bar, view.session_bar):
        assert bar.accessibleName()


def test_space_pauses_and_enter_presses_the_button_a_patient_tabbed_to(qtbot, session):
    """Tab to ◀ Back, then Space: Back was pressed and the exercise began again; Tab to Pause, then
    Enter: the step was ended. Space pauses wherever the focus is; Enter presses the focused button."""
    view = session.view
    emitted: list[str] = []
    for name in ("back", "toggle_pause", "tap"):
        getattr(view, name).connect(lambda name=name: emitted.append(name))
    view.buttons["back"].setFocus()
    press(view.buttons["back"], Qt.Key.Key_Space)
    assert emitted == ["toggle_pause"] and view.hasFocus()
    view.buttons["pause"].setFocus()
    press(view.buttons["pause"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(emitted) == 2)  # animateClick: the button is seen pressed first
    assert emitted == ["toggle_pause", "toggle_pause"] and view.hasFocus()
    # the figure's switch too: Space on it turned the figure off, and the session ran on
    shown = view.visual.animation
    view.figure_button.setFocus()
    press(view.figure_button, Qt.Key.Key_Space)
    assert emitted[-1] == "toggle_pause" and len(emitted) == 3 and view.visual.animation == shown
    # and it is reached after the controls, not before them
    order, widget = [], view.buttons["back"]
    for _ in range(len(view.buttons) + 1):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not isinstance(widget, QPushButton):
            widget = widget.nextInFocusChain()
    assert order[-1] is view.figure_button and order[:-1] == list(view.buttons.values())


def test_a_screen_reader_reads_what_the_labels_show(qtbot, session):
    """Seen with AT-SPI under Xvfb: the labels' names were "Phase", "Set", "Exercise", "Count or
    time left", so a screen reader said what each label is but never what it showed. The name is
    now the text shown; what the label is goes in its description."""
    from PySide6.QtGui import QAccessible

    view = session.view

    def heard(widget):
        face = QAccessible.queryAccessibleInterface(widget)
        return face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description)

    assert heard(view.phase_label) == ("Get ready", "Phase")
    assert heard(view.set_label) == ("Set 1 of 3", "Set")
    assert heard(view.name_label) == ("1 · Windmills", "Exercise")
    assert heard(view.digits) == ("0:15", "Get ready: 0:15")
    assert heard(view.session_left_label)[0].endswith("left")
    # the switches say which way they are (the sound's was "Sound on or off", on or off)
    assert heard(view.buttons["mute"]) == ("Sound: on", "Sound on or off")
    view.set_muted(True)
    assert heard(view.buttons["mute"]) == ("Sound: off", "Sound on or off")
    assert heard(view.figure_button) == ("Figure: on", "Show the moving figure")
    view.set_animation(False)
    assert heard(view.figure_button) == ("Figure: off", "Show the moving figure")


def test_the_view_follows_the_driver(qtbot, session):
    driver = SessionDriver(session.engine)
    driver.happened.connect(session.view.on_event)
    session.view.toggle_pause.connect(driver.toggle_pause)
    session.view.skip.connect(driver.skip)
    view = session.view
    qtbot.keyClick(view, Qt.Key.Key_Space)  # start
    # the view refreshes once after each wake-up's events, not in the middle of them
    qtbot.waitUntil(lambda: view.buttons["pause"].text() == "❚❚ Pause")
    assert view.phase_label.text() == "Get ready"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: view.phase_label.text() == "Work")
    assert view.digits.text() == "0 / 30"
    qtbot.keyClick(view, Qt.Key.Key_Space)  # pause
    qtbot.waitUntil(lambda: view.overlays.paused.isVisible())
    assert view.overlays.paused.label.text() == "Paused"
    assert view.buttons["pause"].text() == "▶ Go on"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not view.overlays.paused.isVisible())
    driver.stop()


def test_flash_and_notice_stand_in_for_sound(qtbot, session):
    view = session.view
    view.set_notice("No sound device: cues are shown as flashes")
    assert view.notice_label.isVisible()
    assert view.notice_label.text() == "No sound device: cues are shown as flashes"
    view.flash("rep")
    assert view.overlays.flash.isVisible() and view.overlays.flash.geometry() == view.rect()
    image = view.grab().toImage()
    assert image.pixelColor(view.width() // 2, view.height() // 2) == QColor(style.FLASHES["rep"])
    qtbot.waitUntil(lambda: not view.overlays.flash.isVisible(), timeout=2000)
    view.set_notice("")
    assert not view.notice_label.isVisible()


@pytest.mark.parametrize(
    ("paused_before", "answer", "after"),
    [
        (False, QMessageBox.StandardButton.No, State.RUNNING),  # goes on where it was
        (True, QMessageBox.StandardButton.No, State.PAUSED),  # was paused: stays paused
        (False, QMessageBox.StandardButton.Yes, State.FINISHED),
    ],
)
def test_the_session_waits_while_leaving_is_asked(qtbot, session, monkeypatch, paused_before, answer, after):
    view = session.at(WORK_12_REPS)
    driver = SessionDriver(session.engine)
    for name in ("toggle_pause", "tap", "skip", "back"):
        getattr(view, name).connect(getattr(driver, name))
    view.leave.connect(driver.stop)
    if paused_before:
        view.toggle_pause.emit()
    count = view.digits.text()
    seen: list[State] = []

    def question(*args):
        seen.append(session.engine.state)
        session.clock.now += 30  # the patient reads the question for half a minute
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert seen == [State.PAUSED]
    assert session.engine.state is after
    if after is not State.FINISHED:
        session.engine.advance()
        view.refresh()
        assert view.digits.text() == count  # not a rep counted while the question was open


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("size", [(1280, 720), (1280, 696), (1024, 768), (800, 600)])
def test_the_notice_that_nothing_is_spoken_is_read_whole(qtbot, qapp, si_gewricht, size, lang):
    """Seen on Xvfb: "Geen spraakstem voor het Nederlands en geen geluidsapparaat: de aanwijzingen
    worder" ran off the window, even at 1280 pixels; the patient never read that nothing is said.
    Wrapped to two lines, it then pushed the count over the side under it (1280×720 with a title
    bar): the second line is taken from the instructions' box."""
    translator = install_translator(qapp, lang) if lang != "en" else None
    try:
        language = QCoreApplication.translate("speech", {"nl": "Dutch", "en": "English"}[lang])
        notice = QCoreApplication.translate(
            "speech", "No {0} speech voice and no sound device: cues are not spoken"
        ).format(language)
        session = Session(qtbot, si_gewricht, lang=lang, size=size)
        session.view.set_notice(notice)
        view = session.at(WORK_12_REPS)
        label = view.notice_label
        assert label.text() == notice and label.isVisible()
        room = QRect(0, 0, label.width(), 10_000)
        needed = QFontMetrics(label.font()).boundingRect(room, int(Qt.TextFlag.TextWordWrap), notice)
        assert label.geometry().right() < view.width()
        assert needed.width() <= label.width() and needed.height() <= label.height(), (needed, label.size())
        assert view.digits.isVisible() and view.digits.height() >= size[1] // 5  # the count still big
        assert view.digits.height() >= view.digits.minimumHeight()  # its glyphs drawn whole
        assert view.digits.geometry().bottom() < view.side_label.geometry().top()
        instructions = view.instructions_label
        room = QRect(0, 0, instructions.width(), 10_000)
        shown = QFontMetrics(instructions.font()).boundingRect(
            room, int(Qt.TextFlag.TextWordWrap), instructions.text()
        )
        assert shown.height() <= instructions.height()  # the instructions whole, in smaller type
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    "size",
    [(1280, 720), (1280, 777), (1280, 800), (1024, 768), (1366, 768), (800, 600)],
)
def test_every_button_shows_its_whole_label_in_every_state(qtbot, qapp, si_gewricht, size, lang):
    """A window of 16:10 or 4:3 gives the type more height than its width holds; Dutch is long."""
    translator = install_translator(qapp, lang) if lang != "en" else None
    try:
        session = Session(qtbot, si_gewricht, lang=lang, size=size)

        def whole() -> None:
            QApplication.processEvents()
            for name, button in session.view.buttons.items():
                if button.isVisible():
                    needed = button.sizeHint().width()
                    assert button.width() >= needed, f"{name} '{button.text()}': {button.width()} < {needed}"

        whole()  # ready: "Start"
        session.at(WORK_12_REPS)
        whole()
        session.view.set_muted(True)
        session.engine.pause()
        session.view.refresh()
        whole()  # "Go on", "Muted"
        if lang == "nl":
            assert session.view.buttons["skip"].text() == "Volgende ▶"  # the Dutch words were measured
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)  # the other tests stay English


def test_a_notice_that_no_longer_holds_goes_but_not_a_later_one(qtbot, session):
    view = session.view
    view.set_notice("The voice has stopped. Follow the screen and the tones.")
    view.clear_notice("The voice has stopped. Follow the screen and the tones.")
    assert view.notice_label.isHidden()
    view.set_notice("No sound device: cues are shown as flashes")
    view.clear_notice("The voice has stopped. Follow the screen and the tones.")  # not the line shown
    assert view.notice_label.text() == "No sound device: cues are shown as flashes"
