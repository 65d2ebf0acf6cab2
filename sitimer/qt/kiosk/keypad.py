"""The kiosk's on-screen keypad, the page built around it, and the kiosk pages' style.

A patient code and the therapist's PIN are typed the same way: big digit keys
(at least 72 px at 720 lines: a fingertip on a touch screen), or the keyboard's
digits, Backspace, Enter and Esc.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sitimer.qt.common import style

BACK, CLEAR = "back", "clear"
WAIT_REFRESH_MS = 200  # how often the wait still to run is redrawn; the clock decides, not the count
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in "0123456789"}


def kiosk_scale(width: int, height: int) -> float:
    """How much larger than at 1280×720 the kiosk's pages are drawn on a ``width`` × ``height`` window.

    Both sides count, so a 4:3 screen (1024×768) gets the pages of a 1024-pixel-wide one and the
    keypad stays on it; in steps of 0.05, so a window resized by a few pixels keeps its style.
    """
    return max(0.75, round(min(height / 720, width / 1280) * 20) / 20)


def kiosk_stylesheet(scale: float) -> str:
    """The kiosk pages' style, sizes ``scale`` times those of a 1280×720 window (:func:`kiosk_scale`).

    Every rule is scoped to ``#kioskPage``, so it can be set on the whole window without
    touching the session view, the questions or the progress view shown in the same window.
    """

    def px(value: float) -> str:
        return f"{round(value * scale)}px"

    rules = {**_page_rules(px), **_button_rules(px), **_input_rules(px)}
    return "\n".join(
        f"QWidget#kioskPage {{ {body} }}" if not selector else f"#kioskPage {selector} {{ {body} }}"
        for selector, body in rules.items()
    ) + _question_rules(px)


def _question_rules(px: Callable[[float], str]) -> str:
    """The kiosk's own questions ("Stop the session?", the therapist's "Remove?"): read at arm's length
    and answered by a finger on a touch screen, larger than at home (20 px text, 40 px buttons)."""
    return f"""
QMessageBox QLabel {{ font-size: {px(26)}; }}
QMessageBox QPushButton {{
    font-size: {px(26)}; min-width: {px(150)}; min-height: {px(56)}; padding: {px(6)} {px(20)};
}}
"""


def _page_rules(px: Callable[[float], str]) -> dict[str, str]:
    """The page and its labels: titles, messages, the code display, figures."""
    return {
        "": f"background: {style.BACKGROUND};",
        "QLabel": f"color: {style.TEXT}; background: transparent; font-size: {px(20)};",
        "QLabel#title": f"font-size: {px(40)}; font-weight: bold;",
        "QLabel#subtitle": f"font-size: {px(24)}; font-weight: bold;",
        'QLabel[secondary="true"]': f"color: {style.TEXT_MUTED};",
        "QLabel#message": f"color: {style.NOTICE}; font-size: {px(22)}; min-height: {px(32)};",
        "QLabel#lock_note": f"color: {style.NOTICE}; font-size: {px(18)};",
        "QLabel#display": (
            f"font-size: {px(56)}; font-weight: bold; background: {style.SURFACE};"
            f" border: 2px solid {style.BORDER}; border-radius: 12px; padding: 4px 18px;"
            f" min-height: {px(84)};"
        ),
        "QLabel#figures": f"font-size: {px(19)}; color: {style.TEXT_MUTED};",
        "QLabel#value": (
            f"font-size: {px(24)}; font-weight: bold; background: {style.SURFACE};"
            f" border: 2px solid {style.BORDER}; border-radius: 10px; min-height: {px(48)};"
        ),
        "QLabel#programmeTitle": f"font-size: {px(26)}; font-weight: bold;",
        "QLabel#programmeSummary": f"font-size: {px(19)}; color: {style.TEXT_MUTED};",
    }


def _button_rules(px: Callable[[float], str]) -> dict[str, str]:
    """The buttons: digit keys, the primary one, programme choices, quiet ones."""
    return {
        "QPushButton": (
            f"color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};"
            f" border-radius: 12px; font-size: {px(22)}; padding: {px(8)} {px(22)}; min-height: {px(48)};"
        ),
        "QPushButton:hover": f"background: {style.SURFACE_HOVER};",
        "QPushButton:pressed": f"background: {style.BORDER};",
        "QPushButton:focus": f"border: 3px solid {style.FOCUS};",
        "QPushButton:disabled": f"color: #6C747E; border-color: {style.SURFACE};",
        "QPushButton#key": (
            f"font-size: {px(36)}; font-weight: bold; min-width: {px(104)}; min-height: {px(80)};"
        ),
        "QPushButton#primary": (
            f"background: {style.OKABE_ITO['bluish_green']}; color: #000000;"
            f" border-color: {style.OKABE_ITO['bluish_green']}; font-weight: bold; font-size: {px(28)};"
        ),
        "QPushButton#primary:focus": f"border: 3px solid {style.FOCUS};",
        "QPushButton#primary:disabled": (
            f"background: {style.SURFACE}; color: #6C747E; border-color: {style.SURFACE};"
        ),
        "QPushButton#programme": f"text-align: left; font-size: {px(26)}; padding: {px(14)} {px(24)};",
        "QPushButton#quiet": (
            f"background: transparent; color: {style.TEXT_MUTED}; border-color: {style.SURFACE};"
            f" font-size: {px(17)}; min-height: {px(40)};"
        ),
        "QPushButton#quiet:focus": f"border: 3px solid {style.FOCUS};",
    }


def _input_rules(px: Callable[[float], str]) -> dict[str, str]:
    """Cards, scroll areas, lists, check boxes and text fields."""
    return {
        "QFrame#card": f"background: {style.SURFACE}; border: 1px solid {style.BORDER}; border-radius: 12px;",
        "QScrollArea": "background: transparent; border: none;",
        "QScrollArea > QWidget > QWidget": "background: transparent;",
        "QListWidget": (
            f"color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};"
            f" border-radius: 10px; font-size: {px(20)}; padding: {px(6)}; outline: none;"
        ),
        "QListWidget::item": f"min-height: {px(40)};",  # no padding: word-wrapped items would clip
        "QListWidget::item:selected": f"background: {style.SURFACE_HOVER}; color: {style.TEXT};",
        "QScrollArea#choices": (
            f"background: {style.SURFACE}; border: 2px solid {style.BORDER}; border-radius: 10px;"
        ),
        "QScrollArea#choices > QWidget > QWidget": "background: transparent;",
        "QCheckBox::indicator": (
            f"width: {px(26)}; height: {px(26)}; border: 2px solid {style.TEXT_MUTED}; border-radius: 6px;"
        ),
        "QCheckBox::indicator:checked": (
            f"background: {style.OKABE_ITO['bluish_green']}; border-color: {style.OKABE_ITO['bluish_green']};"
        ),
        "QCheckBox::indicator:focus": f"border: 3px solid {style.FOCUS};",
        "QLineEdit#field": (
            f"color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};"
            f" border-radius: 10px; font-size: {px(20)}; padding: {px(6)};"
        ),
        "QListWidget:focus": f"border: 3px solid {style.FOCUS};",
        "QLineEdit#field:focus": f"border: 3px solid {style.FOCUS};",
    }


class Keypad(QWidget):
    """Digits 1-9 and 0 as a telephone keypad, with Clear and ⌫; ``pressed`` gives the key."""

    pressed = Signal(str)  # "0" to "9", BACK or CLEAR

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        keys = [*"123456789", CLEAR, "0", BACK]
        faces = {CLEAR: self.tr("Clear"), BACK: "⌫"}
        names = {CLEAR: self.tr("Clear everything"), BACK: self.tr("Delete the last digit")}
        for n, key in enumerate(keys):
            button = QPushButton(faces.get(key, key), self)
            button.setObjectName("key")
            button.setAccessibleName(names.get(key, key))
            # The page reads the keyboard itself; the keys are for fingers, not for Tab.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(key == BACK)
            button.clicked.connect(lambda _=False, k=key: self.pressed.emit(k))
            grid.addWidget(button, n // 3, n % 3)
            self.buttons[key] = button
        self.grid = grid

    def showEvent(self, event: QShowEvent) -> None:
        """Three equal columns, however wide "Clear" is in the language and type shown."""
        super().showEvent(event)
        self._even_columns()

    def changeEvent(self, event: QEvent) -> None:
        """The window's style sized anew (a kiosk brought to full screen after it was shown): the
        columns as wide as the keys are now. Left at the first size, they had a restarted kiosk's
        keypad cut off at its right and bottom until a key was typed."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and self.isVisible():
            self._even_columns()

    def _even_columns(self) -> None:
        widest = max(button.sizeHint().width() for button in self.buttons.values())
        for column in range(3):
            self.grid.setColumnMinimumWidth(column, widest)
            self.grid.setColumnStretch(column, 1)


GAP = "\u2009"  # a thin space between the digits: apart to the eye, and 8 fit beside the keypad at 1024 wide


class EntryDisplay(QLabel):
    """The digits typed, as wide from the first as ``reserve`` (the longest entry shown in full):
    as it grew with each digit, the keypad beside it moved under the finger (66 px by the 8th)."""

    def __init__(self, reserve: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reserve = reserve

    def _widened(self, hint: QSize) -> QSize:
        margins = self.contentsMargins()  # padding and border; 2 px for the text's own rounding
        reserved = margins.left() + margins.right() + 2 + self.fontMetrics().horizontalAdvance(self.reserve)
        return QSize(max(hint.width(), reserved), hint.height())

    def sizeHint(self) -> QSize:
        return self._widened(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._widened(super().minimumSizeHint())


class KeypadPage(QWidget):
    """A title, what to type, the digits typed so far (or dots), a message line, the keypad and OK.

    ``wait_s()`` says how long wrong tries still hold the keys off: while it runs the keypad
    and OK are off and the message counts it down (read from the clock, not counted).
    """

    submitted = Signal(str)

    def __init__(
        self,
        *,
        masked: bool,
        max_length: int,
        wait_s: Callable[[], float] = lambda: 0.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.wait_s = wait_s
        self.reason = ""  # what the message line says, before the wait (e.g. "Wrong PIN.")
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(WAIT_REFRESH_MS)
        self._wait_timer.timeout.connect(self.refresh)
        self.setObjectName("kioskPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.masked = masked
        self.max_length = max_length
        self._entry = ""
        self._accepting = True
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.prompt = QLabel(self)
        self.prompt.setProperty("secondary", True)
        self.prompt.setWordWrap(True)
        # Room for 8 digits (a patient's code, at most): a longer PIN may still widen it.
        self.display = EntryDisplay(GAP.join(("●" if masked else "8") * min(max_length, 8)), self)
        self.display.setObjectName("display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAccessibleDescription(self.tr("Message"))  # the name: the message shown
        self.keypad = Keypad(self)
        self.keypad.pressed.connect(self.press)
        self.ok_button = QPushButton(self.tr("OK  ▶"), self)
        self.ok_button.setAccessibleName(self.tr("OK"))  # the arrow is for the eye
        self.ok_button.setObjectName("primary")
        self.ok_button.clicked.connect(self.submit)
        self.bottom = QHBoxLayout()  # for the page's own buttons (Therapist, Cancel)

        text = QVBoxLayout()
        text.addStretch(1)
        for widget in (self.title, self.prompt, self.display, self.message):
            text.addWidget(widget)
        text.addSpacing(12)
        text.addWidget(self.ok_button)
        text.addStretch(1)
        body = QHBoxLayout()
        body.addStretch(1)
        body.addLayout(text, 4)
        body.addSpacing(64)
        body.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignVCenter)
        body.addStretch(1)
        root = QVBoxLayout(self)
        root.setContentsMargins(36, 24, 36, 24)
        root.addLayout(body, 1)
        root.addLayout(self.bottom)
        self._show()
        self.refresh()

    def entry(self) -> str:
        """The digits typed so far."""
        return self._entry

    def press(self, key: str) -> None:
        """One key of the keypad (or the keyboard): a digit, BACK or CLEAR."""
        if not self._accepting:
            return
        if key == BACK:
            self._entry = self._entry[:-1]
        elif key == CLEAR:
            self._entry = ""
        elif len(self._entry) < self.max_length:
            self._entry += key
        self._show()

    def clear(self) -> None:
        """Nothing typed, no message but the wait still to run."""
        self._entry = ""
        self.reason = ""
        self._show()
        self.refresh()

    def refresh(self) -> None:
        """Show the wait still to run and refuse keys until it ends; then the reason alone."""
        wait_s = self.wait_s()
        waiting = wait_s > 0
        self.set_accepting(not waiting)
        if waiting:
            self.message.setText(f"{self.reason} {self.wait_text(math.ceil(wait_s))}".strip())
            if not self._wait_timer.isActive():
                self._wait_timer.start()
        else:
            self._wait_timer.stop()
            self.message.setText(self.reason)

    def wait_text(self, seconds: int) -> str:
        """How the wait is said."""
        return (self.tr("Wait 1 second…") if seconds == 1 else self.tr("Wait {0} seconds…")).format(seconds)

    def submit(self) -> None:
        """Hand on what was typed (the page decides what it means)."""
        if self._accepting:
            self.submitted.emit(self._entry)

    def set_accepting(self, accepting: bool) -> None:
        """Take keys, or refuse them all (while a wrong PIN's delay runs)."""
        self._accepting = accepting
        self.keypad.setEnabled(accepting)
        self.ok_button.setEnabled(accepting)

    def escape(self) -> None:
        """Esc: clear what was typed (a page may do more)."""
        self.clear()

    def _show(self) -> None:
        shown = "●" * len(self._entry) if self.masked else self._entry
        self.display.setText(GAP.join(shown) if shown else "")
        self.display.setAccessibleName(
            (self.tr("1 digit typed") if len(self._entry) == 1 else self.tr("{0} digits typed")).format(
                len(self._entry)
            )
            if self.masked
            else self._entry
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        chords = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if event.modifiers() & chords:
            super().keyPressEvent(event)
        elif key in DIGIT_KEYS:
            self.press(DIGIT_KEYS[key])
        elif key == Qt.Key.Key_Backspace:
            self.press(BACK)
        elif key == Qt.Key.Key_Delete:
            self.press(CLEAR)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Escape:
            self.escape()
        else:
            super().keyPressEvent(event)
