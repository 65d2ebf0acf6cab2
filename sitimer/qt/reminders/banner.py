"""ReminderBanner: a reminder shown inside the window, when the desktop has no other way to show it.

A bar across the top of the main window, above whatever page is shown (it pushes the page down
rather than covering its heading), with a button per action; choosing one, or ✕, hides it again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sitimer.qt.common import style
from sitimer.qt.window.main_window import MainWindow


class ReminderBanner(QFrame):
    """A one-line reminder with its actions; ``chosen(key)`` says which was clicked."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReminderBanner")
        self.setStyleSheet(_stylesheet())
        self.setAccessibleName(self.tr("Reminder"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(18, 10, 10, 10)
        self._row.addWidget(self.text, 1)
        self._buttons: list[QPushButton] = []
        self.close_button = QPushButton("✕", self)
        self.close_button.setObjectName("close")
        self.close_button.setAccessibleName(self.tr("Close the reminder"))
        self.close_button.clicked.connect(self.hide)
        self._row.addWidget(self.close_button)
        self.hide()

    def show_reminder(self, text: str, actions: tuple[tuple[str, str], ...]) -> None:
        """Show ``text`` with a button per (key, label)."""
        for button in self._buttons:
            self._row.removeWidget(button)
            button.setParent(None)  # gone at once, not only at the next event loop pass
            button.deleteLater()
        self._buttons = []
        for key, label in actions:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, key=key: self._choose(key))
            self._row.insertWidget(self._row.count() - 1, button)
            self._buttons.append(button)
        self.text.setText(text)
        self.show()

    def _choose(self, key: str) -> None:
        self.hide()
        self.chosen.emit(key)


def _stylesheet() -> str:
    return f"""
QFrame#ReminderBanner {{
    background: {style.SURFACE}; border: none; border-bottom: 3px solid {style.OKABE_ITO["bluish_green"]};
}}
QFrame#ReminderBanner QLabel {{ color: {style.TEXT}; font-size: 18px; background: transparent; }}
QFrame#ReminderBanner QPushButton {{
    color: {style.TEXT}; background: {style.SURFACE_HOVER}; border: 2px solid {style.BORDER};
    border-radius: 8px; font-size: 16px; padding: 6px 14px;
}}
QFrame#ReminderBanner QPushButton:focus {{ border: 3px solid {style.FOCUS}; }}
QFrame#ReminderBanner QPushButton#close {{ background: transparent; border: none; padding: 6px 8px; }}
"""


def attach(window: MainWindow) -> ReminderBanner:
    """A banner across the top of ``window``, above its pages."""
    banner = ReminderBanner()
    banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    window.add_above(banner)
    return banner
