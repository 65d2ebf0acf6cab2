"""SessionView: what a patient sees during a session, readable from across the room.

It only reads the engine and repaints on every engine event; every control is
a signal the app connects to the driver. The words of the session (phase,
set, side, next) follow the session's language through
:mod:`sitimer.words.session_words`, so they match what the voice says; the buttons
and dialogs go through ``self.tr``.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.programme.plan import Step, StepKind
from sitimer.core.session.engine import Event, SessionEngine, State
from sitimer.qt.common import style
from sitimer.qt.common.digits import Digits
from sitimer.qt.common.style import Size, px
from sitimer.words.session_words import SessionWords, minutes_text

TEMPO_STEP = 1.1
TEMPO_SHOWN_MS = 2500  # how long the new tempo stays on screen after + or −

# Every key that does something: keyboards, presentation clickers, media keys and foot pedals.
KEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_Space: "toggle_pause",
    Qt.Key.Key_B: "toggle_pause",  # clickers: the black-screen key
    Qt.Key.Key_Period: "toggle_pause",  # some clickers send "." for black screen
    Qt.Key.Key_MediaPlay: "toggle_pause",
    Qt.Key.Key_MediaPause: "toggle_pause",
    Qt.Key.Key_MediaTogglePlayPause: "toggle_pause",
    Qt.Key.Key_Pause: "toggle_pause",
    Qt.Key.Key_Return: "tap",
    Qt.Key.Key_Enter: "tap",
    Qt.Key.Key_PageDown: "tap",  # clickers: next
    Qt.Key.Key_Down: "tap",
    Qt.Key.Key_F13: "tap",  # foot pedals
    Qt.Key.Key_F14: "tap",
    Qt.Key.Key_F15: "tap",
    Qt.Key.Key_Right: "skip",
    Qt.Key.Key_MediaNext: "skip",
    Qt.Key.Key_Forward: "skip",
    Qt.Key.Key_Left: "back",
    Qt.Key.Key_PageUp: "back",  # clickers: previous
    Qt.Key.Key_MediaPrevious: "back",
    Qt.Key.Key_Back: "back",
    Qt.Key.Key_R: "restart_set",
    Qt.Key.Key_Plus: "tempo_up",
    Qt.Key.Key_Equal: "tempo_up",  # + without Shift
    Qt.Key.Key_Minus: "tempo_down",
    Qt.Key.Key_Underscore: "tempo_down",
    Qt.Key.Key_M: "mute",
    Qt.Key.Key_Escape: "leave",
}


class _Overlay(QWidget):
    """A see-through layer over the view: the flash and the paused screen."""

    def __init__(self, colour: QColor, parent: QWidget) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


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

    keys: dict[Qt.Key, str] = KEYS  # a presenter's view maps some keys differently
    sizes: type[Size] = Size  # ... and draws larger

    def __init__(self, engine: SessionEngine, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.words = SessionWords(engine.plan, lang)
        self._muted = False
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
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self.flash_overlay.hide)
        self._tempo_timer = QTimer(self)
        self._tempo_timer.setSingleShot(True)
        self._tempo_timer.timeout.connect(self.tempo_label.hide)
        self.refresh()

    # -- building ----------------------------------------------------------
    def _label(self, name: str, secondary: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setProperty("secondary", secondary)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def _build(self) -> None:
        self.notice_label = self._label("notice")
        self.notice_label.hide()
        self.banner = QFrame(self)
        self.banner.setObjectName("banner")
        self.phase_label = self._label("phase")
        self.phase_label.setAccessibleName(self.tr("Phase"))
        self.set_label = self._label("set")
        self.set_label.setAccessibleName(self.tr("Set"))
        self._banner_row = QHBoxLayout(self.banner)
        banner_row = self._banner_row
        banner_row.addWidget(self.phase_label)
        banner_row.addStretch(1)
        banner_row.addWidget(self.set_label)

        self.name_label = self._label("name")
        self.name_label.setAccessibleName(self.tr("Exercise"))
        self.instructions_label = self._label("instructions", secondary=True)
        self.instructions_label.setWordWrap(True)
        self.instructions_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.instructions_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.instructions_label.setAccessibleName(self.tr("Instructions"))

        self.digits = Digits(self)
        self.digits.setAccessibleName(self.tr("Count or time left"))
        self.side_label = self._label("side")
        self.side_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_label.setAccessibleName(self.tr("Side"))
        self.step_bar = QProgressBar(self)
        self.step_bar.setObjectName("step")
        self.step_bar.setRange(0, 1000)
        self.step_bar.setTextVisible(False)
        self.step_bar.setAccessibleName(self.tr("Progress of this step"))
        self.next_label = self._label("next")
        self.next_label.setAccessibleName(self.tr("What comes next"))

        self.session_caption = self._label("session_caption", secondary=True)
        self.session_bar = QProgressBar(self)
        self.session_bar.setObjectName("session")
        self.session_bar.setRange(0, 1000)
        self.session_bar.setTextVisible(False)
        self.session_bar.setAccessibleName(self.tr("Progress of the session"))
        self.session_left_label = self._label("session_left", secondary=True)
        self.session_left_label.setAccessibleName(self.tr("Session time left"))
        session_row = QHBoxLayout()
        session_row.addWidget(self.session_caption)
        session_row.addWidget(self.session_bar, 1)
        session_row.addWidget(self.session_left_label)

        self.buttons: dict[str, QPushButton] = {}
        controls = QHBoxLayout()
        for key, text, name, hint, slot in (
            ("back", self.tr("◀ Back"), self.tr("Back"), self.tr("Left arrow"), self.back.emit),
            ("restart", self.tr("↻ Set again"), self.tr("Start this set again"), "R", self.restart_set.emit),
            (
                "slower",
                self.tr("− Slower"),
                self.tr("Count slower"),
                "−",
                lambda: self._change_tempo(1 / TEMPO_STEP),
            ),
            ("pause", self.tr("Pause"), self.tr("Pause"), self.tr("Space"), self.toggle_pause.emit),
            (
                "faster",
                self.tr("+ Faster"),
                self.tr("Count faster"),
                "+",
                lambda: self._change_tempo(TEMPO_STEP),
            ),
            ("tap", self.tr("✓ Done"), self.tr("Done: rep or step"), self.tr("Enter"), self.tap.emit),
            (
                "skip",
                self.tr("Skip ▶"),
                self.tr("Skip to the next step"),
                self.tr("Right arrow"),
                self.skip.emit,
            ),
            ("mute", self.tr("Sound on"), self.tr("Sound on or off"), "M", self._toggle_mute),
            ("leave", self.tr("✕ Stop"), self.tr("Stop the session"), self.tr("Esc"), self._ask_leave),
        ):
            button = QPushButton(text, self)
            button.setObjectName("primary" if key in ("pause", "tap") else key)
            button.setAccessibleName(name)
            button.setToolTip(f"{name} ({hint})")
            # Clicking must not steal focus: Space then still pauses instead of re-clicking.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons[key] = button
            if key == "mute":
                controls.addStretch(1)
            controls.addWidget(button, 3 if key in ("pause", "tap") else 0)
        previous = self.buttons["back"]
        for key in ("restart", "slower", "pause", "faster", "tap", "skip", "mute", "leave"):
            QWidget.setTabOrder(previous, self.buttons[key])
            previous = self.buttons[key]

        self._root = QVBoxLayout(self)
        # Fonts follow the window size, so the window must not take its minimum from the
        # fonts (and the offscreen platform warns each time a window's minimum changes).
        self._root.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._root.addWidget(self.notice_label)
        self._root.addWidget(self.banner)
        self._root.addWidget(self.name_label)
        self._root.addWidget(self.instructions_label)
        self._root.addStretch(1)
        self._root.addWidget(self.digits)
        self._root.addWidget(self.side_label)
        self._root.addStretch(1)
        self._root.addWidget(self.step_bar)
        self._root.addWidget(self.next_label)
        self._root.addLayout(session_row)
        self._root.addLayout(controls)

        self.paused_overlay = _Overlay(QColor(10, 12, 14, 228), self)
        self.paused_label = QLabel(self.paused_overlay)
        self.paused_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_label.setObjectName("paused")
        self.paused_hint = QLabel(self.paused_overlay)
        self.paused_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_hint.setProperty("secondary", True)
        paused_box = QVBoxLayout(self.paused_overlay)
        paused_box.addStretch(1)
        paused_box.addWidget(self.paused_label)
        paused_box.addWidget(self.paused_hint)
        paused_box.addStretch(1)
        self.flash_overlay = _Overlay(QColor(style.FLASH_DEFAULT), self)
        # The new tempo after + or −, large for a moment over the instructions (not the count).
        self.tempo_label = self._label("tempo")
        self.tempo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tempo_label.setAccessibleName(self.tr("Tempo"))
        self.tempo_label.hide()

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
        self.flash_overlay.colour = QColor(style.FLASHES.get(kind, style.FLASH_DEFAULT))
        if not self.flash_overlay.isVisible():  # a second cue of the same moment only recolours it
            self.flash_overlay.setGeometry(self.rect())
            self.flash_overlay.raise_()
            self.flash_overlay.show()
        self.flash_overlay.update()
        self._flash_timer.start(style.FLASH_MS)

    def set_notice(self, text: str) -> None:
        """One line above the session, such as "No sound device: cues are shown as flashes"."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def set_muted(self, muted: bool) -> None:
        """Show the sound as on or off, without emitting ``mute_toggled``."""
        self._muted = muted
        self.buttons["mute"].setText(self.tr("Muted") if muted else self.tr("Sound on"))

    def _step_fraction(self, step: Step) -> float:
        if step.kind is StepKind.DONE:
            return 1.0
        if step.kind is StepKind.WORK and step.reps:
            return self.engine.reps_done / step.reps
        total = step.duration_s or step.planned_s
        return min(1.0, self.engine.elapsed_s() / total) if total else 0.0

    def refresh(self) -> None:
        """Show the engine as it is now."""
        engine, w = self.engine, self.words
        step = engine.step
        if step.kind is not self._shown_kind:
            self._shown_kind = step.kind
            look = style.PHASES[step.kind]
            self.banner.setStyleSheet(
                f"QFrame#banner {{ background: {look.colour}; border-radius: 12px; }}"
                f"QFrame#banner QLabel {{ color: {look.text}; }}"
            )
            self.step_bar.setStyleSheet(
                f"QProgressBar::chunk {{ background: {look.colour}; border-radius: 6px; }}"
            )
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
        self.step_bar.setValue(round(1000 * self._step_fraction(step)))
        total = engine.plan.total_s
        left = engine.session_remaining_s()
        self.session_bar.setValue(round(1000 * (1 - left / total)) if total else 1000)
        self.session_caption.setText(w["session"])
        self.session_left_label.setText(w["left_time"].format(t=minutes_text(left)))
        self._show_state()

    def _show_state(self) -> None:
        state = self.engine.state
        pause = self.buttons["pause"]
        if state is State.READY:
            pause.setText(self.tr("▶ Start"))
        elif state is State.PAUSED:
            pause.setText(self.tr("▶ Go on"))
        else:
            pause.setText(self.tr("❚❚ Pause"))
        pause.setAccessibleName(pause.text().strip("▶❚ "))
        finished = state is State.FINISHED
        for key in ("back", "restart", "slower", "pause", "faster", "tap", "skip"):
            self.buttons[key].setVisible(not finished)
        self.buttons["leave"].setText(self.tr("✕ Close") if finished else self.tr("✕ Stop"))
        self.paused_label.setText(self.words["paused"])
        self.paused_hint.setText(self.words["paused_hint"])
        self.paused_overlay.setVisible(state is State.PAUSED)
        if state is State.PAUSED:
            self._place_overlays()
            self.paused_overlay.raise_()

    # -- controls ----------------------------------------------------------
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
            figure = self.tr("{0} s per rep").format(self._decimal(rep_s))
        else:  # a hold, a rest: the reps to come follow the new tempo
            figure = self.tr("Tempo {0} %").format(round(after * 100))
        self.tempo_label.setText(f"{head}\n{figure}")
        self.tempo_label.setAccessibleDescription(f"{head}: {figure}")
        self.tempo_label.adjustSize()
        self._place_overlays()
        self.tempo_label.show()
        self.tempo_label.raise_()
        self._tempo_timer.start(TEMPO_SHOWN_MS)

    def _decimal(self, seconds: float) -> str:
        text = f"{seconds:.1f}"
        return text.replace(".", ",") if self.words.lang == "nl" else text

    def _toggle_mute(self) -> None:
        self.set_muted(not self._muted)
        self.mute_toggled.emit(self._muted)

    def _ask_leave(self) -> None:
        if self.engine.state is State.FINISHED:
            self.leave.emit()
            return
        # The session waits while the patient reads the question, and goes on where it was after No.
        paused_here = self.engine.state is State.RUNNING
        if paused_here:
            self.toggle_pause.emit()
        answer = QMessageBox.question(
            self,
            self.tr("Leave the session"),
            self.tr("Leave the session? What you did is kept."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.leave.emit()
        elif paused_here and self.engine.state is State.PAUSED:
            self.toggle_pause.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chords = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        action = self.keys.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & chords:
            super().keyPressEvent(event)
            return
        event.accept()
        if event.isAutoRepeat():  # a held key is one press, not a rep a beat
            return
        if action == "tempo_up":
            self._change_tempo(TEMPO_STEP)
        elif action == "tempo_down":
            self._change_tempo(1 / TEMPO_STEP)
        elif action == "mute":
            self._toggle_mute()
        elif action == "leave":
            self._ask_leave()
        else:
            getattr(self, action).emit()

    # -- sizes -------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # keys reach the view, not the first button

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()
        self._place_overlays()

    def _scale(self) -> None:
        height = max(1, self.height())
        base = min(height, round(self.width() * 0.6))  # text other than the digits: fit narrow windows
        margin = px(self.sizes.MARGIN, base, 8)
        self._root.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self._root.setSpacing(px(self.sizes.SPACING, base, 4))

        def sized(widget: QWidget, fraction: float, bold: bool = False) -> None:
            font = QFont(widget.font())
            font.setPixelSize(px(fraction, base))
            font.setBold(bold)
            widget.setFont(font)

        sized(self.notice_label, self.sizes.INFO, bold=True)
        sized(self.phase_label, self.sizes.PHASE, bold=True)
        sized(self.set_label, self.sizes.PHASE * 0.75, bold=True)
        sized(self.name_label, self.sizes.NAME, bold=True)
        self._base = base
        self._fit_instructions()
        sized(self.side_label, self.sizes.SIDE, bold=True)
        sized(self.next_label, self.sizes.INFO, bold=True)
        sized(self.session_caption, self.sizes.INFO * 0.8)
        sized(self.session_left_label, self.sizes.INFO * 0.8)
        sized(self.paused_label, self.sizes.PHASE * 1.6, bold=True)
        sized(self.paused_hint, self.sizes.NAME)
        sized(self.tempo_label, self.sizes.PHASE * 1.2, bold=True)
        tempo_pad = px(0.02, base, 6)
        self.tempo_label.setContentsMargins(tempo_pad * 2, tempo_pad, tempo_pad * 2, tempo_pad)
        self.tempo_label.adjustSize()
        pad = px(0.012, base, 4)
        self._banner_row.setContentsMargins(pad * 2, pad, pad * 2, pad)
        self.step_bar.setFixedHeight(px(self.sizes.BAR, base, 8))
        self.session_bar.setFixedHeight(px(self.sizes.BAR * 0.6, base, 6))
        for button in self.buttons.values():
            sized(button, self.sizes.BUTTON, bold=True)
            button.setMinimumHeight(px(self.sizes.BUTTON_HEIGHT, base, 32))
        self.digits.set_glyph_height(
            px(self.sizes.DIGITS_GLYPH, height), self.width() - 4 * margin, "00 / 00" if height else "0"
        )

    def _set_instructions(self, text: str) -> None:
        if text != self.instructions_label.text():
            self.instructions_label.setText(text)
            self._fit_instructions()

    def _fit_instructions(self) -> None:
        """The largest type, down to a floor, at which the instructions fit their fixed box."""
        box = px(self.sizes.INSTRUCTIONS_BOX, self._base)
        margins = self._root.contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        font = QFont(self.instructions_label.font())
        size = px(self.sizes.INSTRUCTIONS, self._base)
        floor = px(self.sizes.INSTRUCTIONS_MIN, self._base)
        flags = int(Qt.TextFlag.TextWordWrap)
        while size > floor:
            font.setPixelSize(size)
            needed = QFontMetrics(font).boundingRect(
                0, 0, width, 100_000, flags, self.instructions_label.text()
            )
            if needed.height() <= box:
                break
            size -= 1
        font.setPixelSize(size)
        self.instructions_label.setFont(font)
        self.instructions_label.setFixedHeight(box)

    def _place_overlays(self) -> None:
        self.flash_overlay.setGeometry(self.rect())
        # The paused screen leaves the controls uncovered, so "Go on" can be seen and clicked.
        margins = self._root.contentsMargins()
        controls_top = self.height() - margins.bottom() - self.buttons["back"].minimumHeight()
        self.paused_overlay.setGeometry(
            QRect(0, 0, self.width(), max(0, controls_top - self._root.spacing()))
        )
        tempo = self.tempo_label.geometry()
        tempo.moveCenter(self.instructions_label.geometry().center())
        tempo.moveLeft((self.width() - tempo.width()) // 2)
        self.tempo_label.setGeometry(tempo)
