"""How the picker's list draws a programme: its whole title over its whole summary; section headers; hints."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sitimer.qt.common import style

PATH_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "entry", "header" or "hint"
BROKEN_ROLE = Qt.ItemDataRole.UserRole + 2

MAX_TITLE_LINES = 4


def wrap_title(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """A title broken at spaces into lines no wider than ``width``, so all of it shows.

    What tells a patient's own copy from the programme it came from ends the title
    ("... (Mrs Jansen)"), so nothing is cut from the end and that label stays on one line when
    it can. A word wider than a line is elided in its middle; a title of more than
    MAX_TITLE_LINES lines loses words before its last line.
    """
    words = [word for word in text.split(" ") if word]  # not at a no-break space: "11\u00a0min" stays whole
    opens = [n for n, word in enumerate(words) if word.startswith("(")]
    if opens and words[-1].endswith(")"):  # the copy's label, "(Mrs Jansen)", kept on one line if it fits
        label = " ".join(words[opens[-1] :])
        if metrics.horizontalAdvance(label) <= width:
            words = [*words[: opens[-1]], label]
    lines: list[str] = []
    for word in words:
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    if len(lines) > MAX_TITLE_LINES:
        rest = " ".join(lines[MAX_TITLE_LINES - 1 :])
        lines = [*lines[: MAX_TITLE_LINES - 1], metrics.elidedText(rest, Qt.TextElideMode.ElideLeft, width)]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width) for line in lines] or [""]


class EntryDelegate(QStyledItemDelegate):
    """Draws a programme as a bold title over a muted summary (both wrapped, never cut short);
    section headers as small captions."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPixelSize(max(10, round(title.pixelSize() * 0.85)))
        return title, small

    def title_lines(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> list[str]:
        """The lines an entry's title is drawn in, within ``option.rect``."""
        title_font, _ = self._fonts(option)
        pad = QFontMetrics(title_font).height() // 2
        title = str(index.data()).split("\n")[0]
        return wrap_title(title, QFontMetrics(title_font), option.rect.width() - 2 * pad)

    def summary_lines(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> list[str]:
        """The lines an entry's summary ("2× a day, review after 4 weeks · …") is drawn in."""
        title_font, small_font = self._fonts(option)
        pad = QFontMetrics(title_font).height() // 2
        lines = str(index.data()).split("\n")
        if len(lines) < 2:
            return []
        return wrap_title(lines[1], QFontMetrics(small_font), option.rect.width() - 2 * pad)

    def hint_lines(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> list[str]:
        """The lines a hint ("None yet. Put programme files in:", a folder) is drawn in: its words
        wrapped, whole, and a folder too long for the row shortened in its middle."""
        title_font, small_font = self._fonts(option)
        pad = QFontMetrics(title_font).height() // 2
        metrics, width = QFontMetrics(small_font), option.rect.width() - 2 * pad
        lines = []
        for line in str(index.data()).split("\n"):
            if " " in line:
                lines += wrap_title(line, metrics, width)
            else:  # a folder: its start and its end tell it apart
                lines.append(metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, width))
        return lines

    def header_lines(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> list[str]:
        """The lines a section header ("Meegeleverde programma's") is drawn in: wrapped, never cut
        (a narrow list at 150 % cut it at the right edge)."""
        title_font, _ = self._fonts(option)
        pad = QFontMetrics(title_font).height() // 2
        return wrap_title(str(index.data()), QFontMetrics(title_font), option.rect.width() - pad // 2 - pad)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, small = self._fonts(option)
        lines = str(index.data()).split("\n")
        pad = QFontMetrics(title).height() // 2
        rows, small_rows = 1, min(1, len(lines) - 1)
        view = self.parent()
        if index.data(KIND_ROLE) == "hint":
            if isinstance(view, QListView):
                sized = QStyleOptionViewItem(option)
                sized.rect = QRect(0, 0, view.viewport().width(), 1)
                lines = self.hint_lines(sized, index)
            return QSize(100, QFontMetrics(small).height() * len(lines) + pad)
        if index.data(KIND_ROLE) in ("entry", "header") and isinstance(view, QListView):
            sized = QStyleOptionViewItem(option)
            sized.rect = QRect(0, 0, view.viewport().width(), 1)  # an entry is as wide as the list
            if index.data(KIND_ROLE) == "header":
                rows = len(self.header_lines(sized, index))
            else:
                rows, small_rows = len(self.title_lines(sized, index)), len(self.summary_lines(sized, index))
        height = QFontMetrics(title).height() * rows + QFontMetrics(small).height() * small_rows
        return QSize(100, height + pad * (2 if index.data(KIND_ROLE) == "entry" else 1))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        title_font, small_font = self._fonts(option)
        rect = QRect(option.rect)
        kind = index.data(KIND_ROLE)
        painter.save()
        pad = QFontMetrics(title_font).height() // 2
        if kind == "entry":
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            if selected:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setBrush(QColor(style.SURFACE_HOVER))
                painter.setPen(QColor(style.OKABE_ITO["bluish_green"]))
                painter.drawRoundedRect(rect.adjusted(1, 1, -2, -2), 8, 8)
            text_rect = rect.adjusted(pad, pad, -pad, -pad)
            painter.setFont(title_font)
            painter.setPen(QColor(style.TEXT))
            fm = QFontMetrics(title_font)
            title = self.title_lines(option, index)
            for n, line in enumerate(title):
                painter.drawText(text_rect.topLeft() + QPoint(0, n * fm.height() + fm.ascent()), line)
            broken = bool(index.data(BROKEN_ROLE))
            painter.setFont(small_font)
            painter.setPen(QColor(style.ERROR if broken else style.TEXT_MUTED))
            sm = QFontMetrics(small_font)
            for n, line in enumerate(self.summary_lines(option, index)):
                at = QPoint(0, len(title) * fm.height() + n * sm.height() + sm.ascent())
                painter.drawText(text_rect.topLeft() + at, line)
        elif kind == "hint":
            painter.setFont(small_font)
            painter.setPen(QColor(style.TEXT_MUTED))
            sm = QFontMetrics(small_font)
            text_rect = rect.adjusted(pad, pad // 2, -pad, 0)
            for n, line in enumerate(self.hint_lines(option, index)):
                painter.drawText(text_rect.topLeft() + QPoint(0, n * sm.height() + sm.ascent()), line)
        else:
            painter.setFont(title_font)
            painter.setPen(QColor(style.TEXT_MUTED))
            fm = QFontMetrics(title_font)
            header = self.header_lines(option, index)
            top = rect.bottom() - pad // 4 - len(header) * fm.height()  # the lines sit at the bottom
            for n, line in enumerate(header):
                painter.drawText(QPoint(rect.left() + pad // 2, top + n * fm.height() + fm.ascent()), line)
        painter.restore()
