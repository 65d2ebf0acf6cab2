"""The session view's parts that carry no words of their own: its keys, its overlays, type sizes.

:class:`~sitimer.qt.session.view.SessionView` puts them together and words them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from sitimer.core.programme.plan import StepKind
from sitimer.core.session.engine import SessionEngine
from sitimer.qt.common import style
from sitimer.qt.common.names import name_as_shown
from sitimer.qt.common.style import Size, px

TEMPO_SHOWN_MS = 2500  # how long the new tempo stays on screen after + or −

# The keys of foot pedals and of clickers' "next" (besides Enter, which pedals send too). They also
# start a session from the question before it (:class:`~sitimer.qt.session.rating.RatingView`).
# A pedal's F13–F15 reach Qt as such on Windows and macOS; on Linux the usual keymap (xkb's evdev,
# X11 and Wayland alike) names those keys XF86Tools, XF86Launch5 and XF86Launch6.
PEDAL_KEYS = (
    Qt.Key.Key_PageDown,
    Qt.Key.Key_F13,
    Qt.Key.Key_F14,
    Qt.Key.Key_F15,
    Qt.Key.Key_Tools,
    Qt.Key.Key_Launch5,
    Qt.Key.Key_Launch6,
)

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
    Qt.Key.Key_Down: "tap",
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
    Qt.Key.Key_F: "figure",  # the moving figure on or off
    Qt.Key.Key_Escape: "leave",
} | dict.fromkeys(PEDAL_KEYS, "tap")


class Overlay(QWidget):
    """A see-through layer over the view: the flash, and under the paused screen."""

    def __init__(self, colour: QColor, parent: QWidget) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


class PausedScreen(Overlay):
    """The paused screen: the view darkened, one large word and a hint under it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(QColor(10, 12, 14, 228), parent)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setObjectName("paused")
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setProperty("secondary", True)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.label)
        box.addWidget(self.hint)
        box.addStretch(1)


class Overlays(QObject):
    """What shows over the session view for a moment or while paused: flash, new tempo, paused screen."""

    def __init__(self, view: QWidget, tempo: QLabel) -> None:
        super().__init__(view)
        self.view = view
        self.flash = Overlay(QColor(style.FLASH_DEFAULT), view)
        self.paused = PausedScreen(view)
        self.tempo = tempo  # large for a moment over the instructions (not the count)
        tempo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tempo.hide()
        self._flash_timer = self._timer(self.flash.hide)
        self._tempo_timer = self._timer(tempo.hide)

    def _timer(self, done: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(done)
        return timer

    def show_flash(self, colour: str) -> None:
        """A brief flash over the whole view; a second cue of the same moment only recolours it."""
        self.flash.colour = QColor(colour)
        if not self.flash.isVisible():
            self.flash.setGeometry(self.view.rect())
            self.flash.raise_()
            self.flash.show()
        self.flash.update()
        self._flash_timer.start(style.FLASH_MS)

    def show_tempo(self, text: str, description: str) -> None:
        """The new tempo, for a moment; call :meth:`place` after, to centre it."""
        self.tempo.setText(text)
        self.tempo.setAccessibleDescription(description)
        self.tempo.adjustSize()
        self.tempo.show()
        self.tempo.raise_()
        self._tempo_timer.start(TEMPO_SHOWN_MS)

    def show_paused(self, paused: bool, word: str, hint: str) -> None:
        """The paused screen with its word and hint, or none."""
        self.paused.label.setText(word)
        self.paused.hint.setText(hint)
        self.paused.setVisible(paused)
        if paused:
            self.paused.raise_()

    def place(self, controls_top: int, instructions: QRect) -> None:
        """The flash over all; the paused screen down to the controls; the tempo over the instructions."""
        view = self.view
        self.flash.setGeometry(view.rect())
        # The paused screen leaves the controls uncovered, so "Go on" can be seen and clicked.
        self.paused.setGeometry(QRect(0, 0, view.width(), max(0, controls_top)))
        tempo = self.tempo.geometry()
        tempo.moveCenter(instructions.center())
        tempo.moveLeft((view.width() - tempo.width()) // 2)
        self.tempo.setGeometry(tempo)

    def scale(self, sizes: type[Size], base: int) -> None:
        """Type and padding for a view whose text is sized by ``base`` pixels."""
        set_type(self.paused.label, px(sizes.PHASE * 1.6, base), bold=True)
        set_type(self.paused.hint, px(sizes.NAME, base))
        set_type(self.tempo, px(sizes.PHASE * 1.2, base), bold=True)
        pad = px(0.02, base, 6)
        self.tempo.setContentsMargins(pad * 2, pad, pad * 2, pad)
        self.tempo.adjustSize()


def set_type(widget: QWidget, pixels: int, bold: bool = False) -> None:
    """Set a widget's type size in pixels, and whether it is bold."""
    font = QFont(widget.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    widget.setFont(font)


def fit_text(label: QLabel, width: int, box: int, largest: int, smallest: int) -> None:
    """Give ``label`` a fixed height ``box`` and the largest type, down to ``smallest``, that fits it."""
    font = QFont(label.font())
    font.setPixelSize(fitting_size(font, label.text(), width, box, largest, smallest))
    label.setFont(font)
    label.setFixedHeight(box)


def fitting_size(font: QFont, text: str, width: int, box: int, largest: int, smallest: int) -> int:
    """The largest pixel size (down to ``smallest``) at which ``text``, wrapped to ``width``, fits ``box``."""
    font = QFont(font)
    flags = int(Qt.TextFlag.TextWordWrap)
    size = largest
    while size > smallest:
        font.setPixelSize(size)
        if QFontMetrics(font).boundingRect(0, 0, width, 100_000, flags, text).height() <= box:
            break
        size -= 1
    return size


def step_fraction(engine: SessionEngine) -> float:
    """How much of the current step is done (0..1): reps counted, or time passed."""
    step = engine.step
    if step.kind is StepKind.DONE:
        return 1.0
    if step.kind is StepKind.WORK and step.reps:
        return engine.reps_done / step.reps
    total = step.duration_s or step.planned_s
    return min(1.0, engine.elapsed_s() / total) if total else 0.0


def make_label(parent: QWidget, name: str, accessible: str = "", secondary: bool = False) -> QLabel:
    """A label of the session view: styled by ``name``, grey when ``secondary``, not selectable.

    ``accessible`` says what the label is ("Phase") as its description: a screen reader's name for
    it stays the text shown ("Get ready"), which a name set here would hide."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setProperty("secondary", secondary)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if accessible:
        label.setAccessibleDescription(accessible)
    return label


def make_bar(parent: QWidget, name: str, accessible: str) -> QProgressBar:
    """A progress bar of the session view, 0 to 1000, without text."""
    bar = QProgressBar(parent)
    bar.setObjectName(name)
    bar.setRange(0, 1000)
    bar.setTextVisible(False)
    bar.setAccessibleName(accessible)
    return bar


def make_button(parent: QWidget, text: str, object_name: str, name: str, key: str) -> QPushButton:
    """A control of the session view, its key in the tooltip; clicking it leaves the focus where it was."""
    button = QPushButton(text, parent)
    button.setObjectName(object_name)
    name_as_shown(button, name)  # "Back", as voice control says it; what it does in the description
    button.setToolTip(f"{name} ({key})")
    # Clicking must not steal focus: Space then still pauses instead of re-clicking.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setAutoDefault(False)
    return button
