"""The pages a patient meets at the kiosk: the code keypad, their own programmes, a station, the PIN.

Pages are made for one patient and deleted when the kiosk goes back to its
start screen, so nothing of theirs stays behind. No names are ever shown: a
patient is their code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.history.adherence import Figures
from sitimer.core.kiosk.config import CODE_MAX
from sitimer.core.kiosk.pin import PIN_MAX, PinCheck, PinGate
from sitimer.qt.common import figures_text
from sitimer.qt.common.scroll import scrolling
from sitimer.qt.kiosk.keypad import DIGIT_KEYS, KeypadPage


def tr(text: str) -> str:
    """Translate in the "KioskPages" context (for the helpers outside a class)."""
    return QCoreApplication.translate("KioskPages", text)


def therapist_button(page: QWidget) -> QPushButton:
    """The small Therapist button in a corner of the start screen; Alt+T does the same."""
    # Alt+T is the page's own key, not a mnemonic: a mnemonic clicks 100 ms later, and a
    # PIN typed at once would land in the code field instead.
    button = QPushButton(tr("Therapist (Alt+T)"), page)
    button.setObjectName("quiet")
    button.setAccessibleName(tr("Therapist: type the PIN"))
    return button


def is_therapist_key(event: QKeyEvent) -> bool:
    """Alt+T: to the therapist's PIN."""
    return event.key() == Qt.Key.Key_T and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)


class StartPage(KeypadPage):
    """The kiosk's start screen: a patient types their code; wrong ones slow the next down."""

    therapist = Signal()

    def __init__(self, wait_s: Callable[[], float] = lambda: 0.0, parent: QWidget | None = None) -> None:
        super().__init__(masked=False, max_length=CODE_MAX, wait_s=wait_s, parent=parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title.setText(self.tr("Welcome"))
        self.prompt.setText(self.tr("Type your code, then OK."))
        self.display.setAccessibleDescription(self.tr("Your code"))
        self.therapist_button = therapist_button(self)
        self.therapist_button.clicked.connect(self.therapist)
        self.bottom.addStretch(1)
        self.bottom.addWidget(self.therapist_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_therapist_key(event):
            self.therapist.emit()
        else:
            super().keyPressEvent(event)

    def unknown(self) -> None:
        """The code typed is not known here (and the wait before the next, if any)."""
        self.clear()
        self.reason = self.tr("That code is not known here. Please ask your therapist.")
        self.refresh()


class PinPage(KeypadPage):
    """The therapist's PIN; each wrong one in a row makes the next wait longer (see PinGate)."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, gate: PinGate, parent: QWidget | None = None) -> None:
        super().__init__(masked=True, max_length=PIN_MAX, wait_s=gate.wait_s, parent=parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.gate = gate
        self.title.setText(self.tr("Therapist"))
        self.prompt.setText(self.tr("Type the PIN to open the kiosk's settings or to close it."))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancelled)
        self.bottom.addStretch(1)
        self.bottom.addWidget(self.cancel_button)
        self.submitted.connect(self.try_pin)

    def try_pin(self, pin: str) -> None:
        """Check the PIN; a wrong one (or one during the delay) says when to try again."""
        result = self.gate.attempt(pin)
        self.clear()
        if result.check is PinCheck.RIGHT:
            self.unlocked.emit()
            return
        if result.check is PinCheck.NO_PIN:
            self.reason = self.tr("No PIN is set. Set one with: sitimer kiosk set-pin")
        elif result.check is PinCheck.WRONG:
            self.reason = self.tr("Wrong PIN.")
        self.refresh()

    def wait_text(self, seconds: int) -> str:
        return self.tr("Try again in {0} s.").format(seconds)

    def escape(self) -> None:
        self.cancelled.emit()


class StationPage(QWidget):
    """A circuit station: one programme, started with one tap; no code, nobody's adherence."""

    start = Signal()
    therapist = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        heading = QLabel(title, self)
        heading.setObjectName("title")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Tap Start, or press Enter or the space bar."), self)
        hint.setProperty("secondary", True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(self.tr("Start  ▶"), self)
        self.start_button.setObjectName("primary")
        self.start_button.setMinimumHeight(120)
        self.start_button.clicked.connect(self.start)
        therapist = therapist_button(self)
        therapist.clicked.connect(self.therapist)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addSpacing(24)
        column.addWidget(self.start_button)
        column.addStretch(1)
        body = QHBoxLayout()
        body.addStretch(1)
        body.addLayout(column, 2)
        body.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(therapist)
        root = QVBoxLayout(self)
        root.setContentsMargins(36, 24, 36, 24)
        root.addLayout(body, 1)
        root.addLayout(bottom)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_therapist_key(event):
            self.therapist.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.start.emit()
        else:
            super().keyPressEvent(event)


@dataclass(frozen=True)
class PatientProgramme:
    """One programme on a patient's page: what to show, and their own figures for it."""

    path: Path
    title: str
    summary: str  # "2× a day · about 12 min a session"
    figures: Figures | None  # None: the file cannot be used
    problem: str = ""


class PatientPage(QWidget):
    """A patient's programmes as big buttons, each with how well they keep to it; nobody else's."""

    start = Signal(Path)
    progress = Signal(Path)
    done = Signal()

    def __init__(self, code: str, programmes: list[PatientProgramme], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.programmes = programmes
        title = QLabel(self.tr("Your programmes"), self)
        title.setObjectName("title")
        who = QLabel(self.tr("Code {0}").format(code), self)
        who.setProperty("secondary", True)
        self.done_button = QPushButton(self.tr("Done  ✓"), self)
        self.done_button.setAccessibleName(self.tr("Done: back to the start screen"))
        self.done_button.clicked.connect(self.done)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(who)
        top.addLayout(heading, 1)
        top.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignTop)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        self.start_buttons: list[QPushButton] = []
        for number, programme in enumerate(programmes, start=1):
            column.addWidget(self._card(number, programme))
        if not programmes:
            empty = QLabel(self.tr("No programmes yet. Please ask your therapist."), content)
            empty.setProperty("secondary", True)
            column.addWidget(empty)
        column.addStretch(1)
        scroll = scrolling(content, self)
        hint = QLabel(self.tr("Tap a programme to start it, or press its number. Esc: done."), self)
        hint.setProperty("secondary", True)

        root = QVBoxLayout(self)
        root.setContentsMargins(36, 24, 36, 24)
        root.setSpacing(16)
        root.addLayout(top)
        root.addWidget(scroll, 1)
        root.addWidget(hint)

    def _card(self, number: int, programme: PatientProgramme) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        row = QHBoxLayout(card)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(16)
        button = QPushButton(card)
        button.setObjectName("programme")
        lines = QVBoxLayout(button)  # a button's own text neither wraps nor mixes sizes
        lines.setContentsMargins(20, 12, 20, 12)
        for text, name in (
            (f"{number}   {programme.title}", "programmeTitle"),
            (programme.summary, "programmeSummary"),
        ):
            label = QLabel(text, button)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lines.addWidget(label)
        # Ignored: every card splits its width 3 : 2 whatever the title's length.
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        button.setAccessibleName(self.tr("Start {0}").format(programme.title))
        button.clicked.connect(lambda: self.start.emit(programme.path))
        row.addWidget(button, 3)
        self.start_buttons.append(button)
        figures = QLabel(card)
        figures.setObjectName("figures")
        figures.setWordWrap(True)
        figures.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(figures, 2)
        if programme.figures is None:
            button.setEnabled(False)
            figures.setText(programme.problem or self.tr("This programme cannot be used just now."))
            return card
        figures.setText(self._figures_text(programme.figures))
        progress = QPushButton(self.tr("Progress"), card)
        progress.setAccessibleName(self.tr("Your progress with {0}").format(programme.title))
        progress.clicked.connect(lambda: self.progress.emit(programme.path))
        progress.setEnabled(programme.figures.sessions > 0)
        row.addWidget(progress, 0)
        return card

    def _figures_text(self, figures: Figures) -> str:
        if not figures.sessions:
            return self.tr("No sessions yet: your first one will count here.")
        week = figures_text.week_text(figures)  # a Monday morning has no figure for the week yet
        lines = [figures_text.streak_text(figures), figures_text.today_text(figures)]
        return "\n".join([week, *lines] if week else lines)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape:
            self.done.emit()
        elif key in DIGIT_KEYS and 1 <= int(DIGIT_KEYS[key]) <= len(self.start_buttons):
            button = self.start_buttons[int(DIGIT_KEYS[key]) - 1]
            if button.isEnabled():
                button.click()
        else:
            super().keyPressEvent(event)
