"""A page's part that scrolls where the window is too short for it, and otherwise looks as if it did not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a scroll area without a frame, as wide and high as the area while it fits.

    The area itself takes no keyboard focus: Tab goes from control to control inside it, and a
    control reached so is scrolled into view.
    """
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(content)
    return scroll
