"""Digits: the big count or countdown of the session view, sized by the digits themselves.

A QLabel draws its text inside the font's whole line box (ascent, descent,
leading), so digits fill only about 60 % of its height. This label is painted
tight, so a window can give the digits a quarter of its height and get it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

DIGITS = "0123456789"
PAD = 0.04  # space above and below the ink, as a share of the digits' height


class Digits(QLabel):
    """The big count or countdown, drawn tight so the digits themselves fill the given height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._glyph_px = 100
        self._above = 100  # ink above the baseline, below it (the slash of "12 / 30"), and padding
        self._below = 0
        self._pad = 0
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def set_glyph_height(self, glyph_px: int, max_width: int, widest: str) -> None:
        """Size the font so a digit is ``glyph_px`` tall, but ``widest`` still fits ``max_width``."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(200)
        fm = QFontMetrics(font)
        per_px = fm.tightBoundingRect(DIGITS).height() / 200
        width_per_px = fm.horizontalAdvance(widest) / 200
        size = glyph_px / per_px
        if width_per_px * size > max_width:
            size = max_width / width_per_px
        font.setPixelSize(max(10, round(size)))
        self.setFont(font)
        fm = QFontMetrics(font)
        digits = fm.tightBoundingRect(DIGITS)
        self._glyph_px = digits.height()
        self._above = -digits.top()
        self._below = max(0, digits.bottom(), fm.tightBoundingRect(widest).bottom())
        self._pad = round(self._glyph_px * PAD)
        self.setMinimumHeight(self._box())
        self.updateGeometry()

    def _box(self) -> int:
        return self._pad + self._above + self._below + self._pad

    def sizeHint(self) -> QSize:
        return QSize(QFontMetrics(self.font()).horizontalAdvance(self.text()), self._box())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._box())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        fm = QFontMetrics(self.font())
        text = self.text()
        top = (self.height() - self._box()) / 2
        if any(c.isdigit() for c in text):
            baseline = top + self._pad + self._above  # one baseline for every count: no jumping
        else:
            ink = fm.tightBoundingRect(text)  # a sign such as ✓: centred on its own ink
            baseline = self.height() / 2 - (ink.top() + ink.height() / 2)
        x = (self.width() - fm.horizontalAdvance(text)) / 2
        painter.drawText(round(x), round(baseline), text)
        painter.end()
