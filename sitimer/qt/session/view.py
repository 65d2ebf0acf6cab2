"""SessionView: what a patient sees during a session, readable from across the room.

It only reads the engine and repaints on every engine event; every control is
a signal the app connects to the driver. The words of the session (phase,
set, side, next) follow the session's language through
:mod:`sitimer.words.session_words`, so they match what the voice says; the buttons
and dialogs go through ``self.tr``.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.programme.plan import StepKind
from sitimer.core.session.engine import Event, SessionEngine, State
from sitimer.qt.common import style
from sitimer.qt.common.digits import Digits
from sitimer.qt.common.names import shown_name
from sitimer.qt.common.style import Size, px
from sitimer.qt.figure.visual import ExerciseVisual
from sitimer.qt.session import view_parts as parts
from sitimer.qt.session.figure_player import FigurePlayer
from sitimer.words.session_words import SessionWords, minutes_text

TEMPO_STEP = 1.1


class SessionView(QWidget):
    """The running session: phase, count or countdown, set and side, what comes next, controls."""

    toggle_pause = Signal()
    tap = Signal()
    skip = Signal()
    back = Signal()
    restart_set = Signal()
    tempo = Signal(float)  # multiply the counting speed: 1.1 faster, 1/1.1 slower
    mute_toggled = Signal(bool)  # the new state: True = muted
    leave = Signal()  # the patient confirmed leaving; what was done is kept
    stayed = Signal()  # the patient answered No to leaving
    leave_asked = Signal()  # "Stop the session?" is asked now (the voice says it too)
    animation_toggled = Signal(bool)  # the moving figure turned on (True) or off

    keys: dict[Qt.Key, str] = parts.KEYS  # a presenter's view maps some keys differently
    sizes: type[Size] = Size  # ... and draws larger
    figure_width = 0.38  # the figure's column, as a share of the view's height

    def __init__(
        self, engine: SessionEngine, lang: str, parent: QWidget | None = None, *, animation: bool = True
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.words = SessionWords(engine.plan, lang)
        self.visual = ExerciseVisual(lang, animation=animation, parent=self)
        self.figure_player = FigurePlayer(engine, self.words, self.visual, self)
        self._muted = False
        self.asking_to_leave = False  # Esc's question is open
        self._base = 720  # the height that sizes the text; set on resize
        self._shown_kind: StepKind | None = None
        self.setObjectName("SessionView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(style.session_stylesheet())
        self.setAccessibleName(self.tr("Exercise session"))
        self._build()
        self._refresh_timer = QTimer(self)  # dies with the view, unlike a loose singleShot
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.refresh()

    # -- building ----------------------------------------------------------
    def _build(self) -> None:
        self.notice_label = parts.make_label(self, "notice")
        self.notice_label.setWordWrap(True)  # "No Dutch voice and no sound device: …" ran off the window
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice_label.hide()
        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        self.phase_label = parts.make_label(self, "phase", self.tr("Phase"))
        self.set_label = parts.make_label(self, "set", self.tr("Set"))
        self._banner_row = QHBoxLayout(self.banner)
        self._banner_row.addWidget(self.phase_label)
        self._banner_row.addStretch(1)
        self._banner_row.addWidget(self.set_label)
        self.name_label = parts.make_label(self, "name", self.tr("Exercise"))
        label = parts.make_label
        self.instructions_label = label(self, "instructions", self.tr("Instructions"), secondary=True)
        self.instructions_label.setWordWrap(True)
        self.instructions_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.instructions_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.digits = Digits(self)
        self.side_label = parts.make_label(self, "side", self.tr("Side"))
        self.side_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step_bar = parts.make_bar(self, "step", self.tr("Progress of this step"))
        self.next_label = parts.make_label(self, "next", self.tr("What comes next"))
        self.session_caption = parts.make_label(self, "session_caption", secondary=True)
        self.session_bar = parts.make_bar(self, "session", self.tr("Progress of the session"))
        self.session_left_label = label(self, "session_left", self.tr("Session time left"), secondary=True)
        self._root = QVBoxLayout(self)
        # Fonts follow the window size, so the window must not take its minimum from the
        # fonts (and the offscreen platform warns each time a window's minimum changes).
        self._root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for widget in (self.notice_label, self.banner, self.name_label, self.instructions_label):
            self._root.addWidget(widget)
        count = QVBoxLayout()
        count.addStretch(1)
        count.addWidget(self.digits)
        count.addWidget(self.side_label)
        count.addStretch(1)
        middle = QHBoxLayout()  # the count, and the figure doing the exercise in a column beside it
        middle.addLayout(count, 1)
        middle.addWidget(self.visual)
        self._root.addLayout(middle, 1)
        self._root.addWidget(self.step_bar)
        self._root.addWidget(self.next_label)
        self.figure_button = parts.make_button(self, "", "figure", self.tr("Show the moving figure"), "F")
        self.figure_button.clicked.connect(self._toggle_animation)
        session_row = QHBoxLayout()  # the figure's switch is small, in the session's line
        session_row.addWidget(self.session_caption)
        session_row.addWidget(self.session_bar, 1)
        session_row.addWidget(self.session_left_label)
        session_row.addWidget(self.figure_button)
        self._root.addLayout(session_row)
        self._root.addLayout(self._build_controls())
        self.overlays = parts.Overlays(self, parts.make_label(self, "tempo", self.tr("Tempo")))

    def _build_controls(self) -> QHBoxLayout:
        """The buttons, each with its key in the tooltip; the bar they sit in."""
        self.buttons: dict[str, QPushButton] = {}
        # the words each button can show, the widest of which its type is fitted to
        self._labels = {
            "pause": (self.tr("▶ Start"), self.tr("▶ Go on"), self.tr("❚❚ Pause")),
            # the state, said as one ("Geluid aan" read as "press to turn the sound on")
            "mute": (self.tr("Sound: on"), self.tr("Sound: off")),
            "leave": (self.tr("✕ Stop"), self.tr("✕ Close")),
        }
        controls = self._controls = QHBoxLayout()
        right = self.tr("Right arrow")
        for key, text, name, hint, slot in (
            ("back", self.tr("◀ Back"), self.tr("Back"), self.tr("Left arrow"), self.back.emit),
            ("restart", self.tr("↻ Set again"), self.tr("Start this set again"), "R", self.restart_set.emit),
            ("slower", self.tr("− Slower"), self.tr("Count slower"), "−", self._slower),
            (
                "pause",
                self._labels["pause"][0],
                self.tr("Pause or go on"),
                self.tr("Space"),
                self.toggle_pause.emit,
            ),
            ("faster", self.tr("+ Faster"), self.tr("Count faster"), "+", self._faster),
            ("tap", self.tr("✓ Done"), self.tr("Done: rep or step"), self.tr("Enter"), self.tap.emit),
            ("skip", self.tr("Skip ▶"), self.tr("Skip to the next step"), right, self.skip.emit),
            ("mute", self._labels["mute"][0], self.tr("Sound on or off"), "M", self._toggle_mute),
            ("leave", self._labels["leave"][0], self.tr("Stop the session"), self.tr("Esc"), self._ask_leave),
        ):
            button = parts.make_button(self, text, "primary" if key in ("pause", "tap") else key, name, hint)
            if key == "mute":
                self._switch_text(button, text)
            button.clicked.connect(slot)
            button.installEventFilter(self)  # Space pauses, Enter presses it: see eventFilter
            self.buttons[key] = button
            if key == "mute":
                controls.addStretch(1)
            controls.addWidget(button, 3 if key in ("pause", "tap") else 0)
        # the figure's switch after them: it is above, but the controls come first; Space and Enter on it
        # as on them (Space on it turned the figure off, and the session ran on)
        self.figure_button.installEventFilter(self)
        for previous, button in itertools.pairwise([*self.buttons.values(), self.figure_button]):
            QWidget.setTabOrder(previous, button)
        return controls

    # -- what the app calls ------------------------------------------------
    def on_event(self, event: Event) -> None:
        """Repaint after engine events (connected to SessionDriver.happened).

        A wake-up hands out several events at once (a second, a rep, its cue); the view
        refreshes once, after all of them, so it never holds up the sound of the next cue.
        """
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def flash(self, kind: str) -> None:
        """A brief flash over the whole view: the cue, seen instead of heard."""
        self.overlays.show_flash(style.FLASHES.get(kind, style.FLASH_DEFAULT))

    def set_notice(self, text: str) -> None:
        """A line above the session, such as "No sound device: cues are shown as flashes" (two where
        the window is too narrow for it); the count is made smaller by its height."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
        self._fit_digits()

    def clear_notice(self, text: str) -> None:
        """Take the line above the session away, if it is ``text`` (not a later one)."""
        if self.notice_label.text() == text:
            self.set_notice("")

    def set_muted(self, muted: bool) -> None:
        """Show the sound as on or off, without emitting ``mute_toggled``. Off, a line above the session
        says so: the choice is kept, and the next session began in silence with only the small
        button's words to tell why."""
        self._muted = muted
        self._switch_text(self.buttons["mute"], self._labels["mute"][1 if muted else 0])
        line = self.tr("The sound is off: M turns it on")
        if muted:
            self.set_notice(line)
        else:
            self.clear_notice(line)

    @staticmethod
    def _switch_text(button: QPushButton, text: str) -> None:
        """A switch's words, its state in them ("Sound: off"), for a screen reader too: its name was
        "Sound on or off" whichever it was, and what the switch does is its description."""
        button.setText(text)
        if button.accessibleName() != text:
            if not button.accessibleDescription():
                button.setAccessibleDescription(button.accessibleName())
            button.setAccessibleName(text)

    def set_animation(self, on: bool) -> None:
        """Show the moving figure or not, without emitting ``animation_toggled``."""
        self.visual.set_animation(on)
        self.refresh()

    def refresh(self) -> None:
        """Show the engine as it is now."""
        engine, w = self.engine, self.words
        step = engine.step
        if step.kind is not self._shown_kind:
            self._shown_kind = step.kind
            self.banner.setStyleSheet(style.banner_stylesheet(step.kind))
            self.step_bar.setStyleSheet(style.step_bar_stylesheet(step.kind))
        self.phase_label.setText(w.phase(step))
        exercise = w.shown_exercise(step)
        if step.kind is StepKind.DONE:
            self.name_label.setText(w["well_done"])
            self._set_instructions(engine.plan.programme.title.get(w.lang))
        elif exercise is not None:
            self.name_label.setText(w.exercise_name(exercise))
            self._set_instructions(exercise.instructions.get(w.lang))
        self.set_label.setText(w.set_line(step))
        remaining = engine.remaining_s()
        self.side_label.setText(w.side_line(step, engine.reps_done, open_ended=remaining is None))
        count = w.count(step, engine.reps_done, remaining, engine.elapsed_s())
        self.digits.setText(count)
        self.digits.setAccessibleDescription(f"{w.phase(step)}: {count}")
        self.next_label.setText(w.next_line(step))
        self.step_bar.setValue(round(1000 * parts.step_fraction(engine)))
        total = engine.plan.total_s
        left = engine.session_remaining_s()
        self.session_bar.setValue(round(1000 * (1 - left / total)) if total else 1000)
        self.session_caption.setText(w["session"])
        self.session_left_label.setText(w["left_time"].format(t=minutes_text(left)))
        self._show_state()
        self._show_figure()

    def _show_figure(self) -> None:
        """The figure of this moment; the count takes the figure's column when there is none."""
        shown = self.visual.isVisibleTo(self)
        self.figure_player.update()
        if self.visual.isVisibleTo(self) != shown:
            self._fit_digits()

    def _show_state(self) -> None:
        state = self.engine.state
        pause = self.buttons["pause"]
        start, go_on, pause_now = self._labels["pause"]
        pause.setText(start if state is State.READY else go_on if state is State.PAUSED else pause_now)
        pause.setAccessibleName(shown_name(pause.text()))
        finished = state is State.FINISHED
        for key in ("back", "restart", "slower", "pause", "faster", "tap", "skip"):
            self.buttons[key].setVisible(not finished)
        has_figure = any(e.figure is not None for e in self.engine.plan.programme.exercises)
        self.figure_button.setVisible(has_figure and not finished)
        self._switch_text(
            self.figure_button, self.tr("Figure: on") if self.visual.animation else self.tr("Figure: off")
        )
        self.buttons["leave"].setText(self._labels["leave"][1 if finished else 0])
        if state is State.PAUSED:
            self._place_overlays()
        self.overlays.show_paused(state is State.PAUSED, self.words["paused"], self.words["paused_hint"])

    # -- controls ----------------------------------------------------------
    def _slower(self) -> None:
        self._change_tempo(1 / TEMPO_STEP)

    def _faster(self) -> None:
        self._change_tempo(TEMPO_STEP)

    def _change_tempo(self, factor: float) -> None:
        """Ask for the new tempo, then show for a moment what it became."""
        before = self.engine.tempo_factor
        self.tempo.emit(factor)
        after = self.engine.tempo_factor
        faster = factor > 1
        if after == before:  # at the end of the range: nothing changed
            head = self.tr("Fastest tempo") if faster else self.tr("Slowest tempo")
        else:
            head = self.tr("Faster") if faster else self.tr("Slower")
        rep_s = self.engine.rep_s()
        if rep_s is not None:
            figure = self.tr("{0} s per rep").format(self._decimal(rep_s))
        else:  # a hold, a rest: the reps to come follow the new tempo
            figure = self.tr("Tempo {0} %").format(round(after * 100))
        self.overlays.show_tempo(f"{head}\n{figure}", f"{head}: {figure}")
        self._place_overlays()

    def _decimal(self, seconds: float) -> str:
        text = f"{seconds:.1f}"
        return text.replace(".", ",") if self.words.lang == "nl" else text

    def _toggle_animation(self) -> None:
        self.set_animation(not self.visual.animation)
        self.animation_toggled.emit(self.visual.animation)

    def _toggle_mute(self) -> None:
        self.set_muted(not self._muted)
        self.mute_toggled.emit(self._muted)

    def _leave_question(self) -> tuple[str, str]:
        """The title and the question Esc asks before the session is left."""
        # "stop", as the button (✕ Stop) and the voice ("stop the session? Y to stop") say it
        return self.tr("Stop the session"), self.tr("Stop the session? What you did is kept.")

    def _ask_leave(self) -> None:
        if self.engine.state is State.FINISHED:
            self.leave.emit()
            return
        # The session waits while the patient reads the question, and goes on where it was after No.
        paused_here = self.engine.state is State.RUNNING
        if paused_here:
            self.toggle_pause.emit()
        title, question = self._leave_question()
        self.leave_asked.emit()  # said too: the question is the only thing on the screen then
        self.asking_to_leave = True  # a session still in its pre-roll does not begin under the question
        try:
            answer = QMessageBox.question(
                self,
                title,
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
        finally:
            self.asking_to_leave = False
        if answer == QMessageBox.StandardButton.Yes:
            self.leave.emit()
            return
        if paused_here and self.engine.state is State.PAUSED:
            self.toggle_pause.emit()
        self.stayed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chords = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        action = self.keys.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & chords:
            super().keyPressEvent(event)
            return
        event.accept()
        if event.isAutoRepeat():  # a held key is one press, not a rep a beat
            return
        own = {"tempo_up": self._faster, "tempo_down": self._slower, "mute": self._toggle_mute}
        own |= {"figure": self._toggle_animation, "leave": self._ask_leave}
        if action in own:
            own[action]()
        else:
            getattr(self, action).emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys on a button reached by Tab: Space still pauses (it pressed the focused button, so a
        patient who had looked around with Tab lost "Space pauses" without knowing it), and Enter
        presses that button (it ended the step); either way the keys go back to the view."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() is QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
        ):
            key = event.key()
            if key == Qt.Key.Key_Space:
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                self.keyPressEvent(event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                watched.animateClick()
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- sizes -------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # keys reach the view, not the first button
        self.figure_player.update()  # its frame timer runs only while the figure can be seen

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.figure_player.timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()
        self._place_overlays()

    def _scale(self) -> None:
        height = max(1, self.height())
        base = min(height, round(self.width() * 0.6))  # text other than the digits: fit narrow windows
        sizes = self.sizes
        margin = px(sizes.MARGIN, base, 8)
        self._root.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self._root.setSpacing(px(sizes.SPACING, base, 4))
        for widget, fraction, bold in (
            (self.notice_label, sizes.INFO, True),
            (self.phase_label, sizes.PHASE, True),
            (self.set_label, sizes.PHASE * 0.75, True),
            (self.name_label, sizes.NAME, True),
            (self.side_label, sizes.SIDE, True),
            (self.next_label, sizes.INFO, True),
            (self.session_caption, sizes.INFO * 0.8, False),
            (self.session_left_label, sizes.INFO * 0.8, False),
            (self.figure_button, sizes.INFO * 0.8, True),
        ):
            parts.set_type(widget, px(fraction, base), bold)
        self._fit_buttons(px(sizes.BUTTON, base))
        self._base = base
        self._fit_instructions()
        self.overlays.scale(sizes, base)
        pad = px(0.012, base, 4)
        self._banner_row.setContentsMargins(pad * 2, pad, pad * 2, pad)
        self.step_bar.setFixedHeight(px(sizes.BAR, base, 8))
        self.session_bar.setFixedHeight(px(sizes.BAR * 0.6, base, 6))
        for button in self.buttons.values():
            button.setMinimumHeight(px(sizes.BUTTON_HEIGHT, base, 32))
        self.visual.setFixedWidth(round(min(self.figure_width * height, 0.36 * self.width())))
        self._fit_digits()

    def _fit_buttons(self, largest: int) -> None:
        """The buttons' type at ``largest`` pixels, or smaller until the row fits the window.

        A window less wide than 16:9 (16:10, 4:3) gives the type more height than the row has
        width for, and Dutch words are long: every button must show its whole label, in each of
        the words it can show.
        """
        margins = self._root.contentsMargins()
        buttons = list(self.buttons.items())
        room = self.width() - margins.left() - margins.right() - self._controls.spacing() * (len(buttons) - 1)
        smallest = max(8, round(largest * 0.6))
        for size in range(largest, smallest - 1, -1):
            needed = 0
            for key, button in buttons:
                parts.set_type(button, size, bold=True)
                advance = button.fontMetrics().horizontalAdvance
                widest = max(advance(text) for text in self._labels.get(key, (button.text(),)))
                needed += button.sizeHint().width() - advance(button.text()) + widest
            if needed <= room:
                break

    def _fit_digits(self) -> None:
        """The count as large as the sizes say, narrower when the figure takes its column, and lower
        by the notice's lines (the count was drawn over the side under it otherwise)."""
        margins = self._root.contentsMargins()
        full = self.width() - margins.left() - margins.right()
        width = full
        if self.visual.isVisibleTo(self):
            width -= self.visual.width() + 2 * self._root.spacing()  # the gap, and room to round
        glyph = px(self.sizes.DIGITS_GLYPH, max(1, self.height()))
        notice = self.notice_label
        if notice.isVisibleTo(self):  # one line at least, so that a line coming (Paused) moves nothing
            lines = max(notice.heightForWidth(full), notice.fontMetrics().lineSpacing())
            glyph -= lines + self._root.spacing()
        self.digits.set_glyph_height(max(glyph, 10), width, "00 / 00" if self.height() else "0")

    def _set_instructions(self, text: str) -> None:
        if text != self.instructions_label.text():
            self.instructions_label.setText(text)
            self._fit_instructions()

    def _fit_instructions(self) -> None:
        """The largest type, down to a floor, at which the instructions fit their fixed box."""
        margins = self._root.contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        sizes = [px(f, self._base) for f in (self.sizes.INSTRUCTIONS, self.sizes.INSTRUCTIONS_MIN)]
        parts.fit_text(self.instructions_label, width, px(self.sizes.INSTRUCTIONS_BOX, self._base), *sizes)

    def _place_overlays(self) -> None:
        margins = self._root.contentsMargins()
        controls_top = self.height() - margins.bottom() - self.buttons["back"].minimumHeight()
        self.overlays.place(controls_top - self._root.spacing(), self.instructions_label.geometry())
