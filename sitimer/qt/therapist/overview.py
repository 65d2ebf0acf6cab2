"""The overview page: one row per code on the practice's server, who is falling behind first.

The rows are loaded on a thread of their own (:class:`Background`): the server may be slow or
down, and the window never waits on it. While loading the page says so in one calm line; when
the server cannot be reached or refuses, it shows the server's line and a Try again button. A
week under the adherent share is marked by a word ("behind") and a sign as well as a colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.practice.overview import CodeLine
from sitimer.core.practice.sender import Waiting
from sitimer.qt.common import style
from sitimer.qt.therapist import cells
from sitimer.qt.therapist.background import Background

CODE, PROGRAMMES, WEEK, TOTAL, PAIN, EFFORT, LAST, STATION = range(8)


@dataclass(frozen=True)
class Loaded:
    """What one load brought: the codes' lines, and what this computer has not sent (None: unknown)."""

    lines: list[CodeLine]
    waiting: Waiting | None


def local_now() -> datetime:
    """Now, in this computer's time zone."""
    return datetime.now().astimezone()


class OverviewPage(QWidget):
    """Every code's week, programme, pain and effort, last session and station; exports per code."""

    export = Signal(str, str)  # code, "pdf" or "csv"

    def __init__(
        self,
        load: Callable[[], list[CodeLine]],
        waiting: Callable[[], Waiting | None] = lambda: None,
        now: Callable[[], datetime] = local_now,
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("overviewPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.load, self.waiting, self.now = load, waiting, now
        self.lines: list[CodeLine] = []
        self.loaded_at: datetime | None = None  # when the rows shown were loaded
        self.background = Background(self)
        self.background.finished.connect(self._loaded)
        title = QLabel(self.tr("Practice overview"), self)
        title.setObjectName("title")
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.refresh_button)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("&Try again"), self)
        self.retry_button.clicked.connect(self.refresh)
        self.retry_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.table = self._make_table()
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 18, 24, 18)
        root.setSpacing(12)
        root.addLayout(top)
        root.addLayout(status_row)
        root.addWidget(self.table, 1)
        root.addLayout(self._export_row())
        self.sent_line = QLabel(self)
        self.sent_line.setProperty("secondary", True)
        self.sent_line.setWordWrap(True)
        root.addWidget(self.sent_line)
        self._selected()

    def _make_table(self) -> QTableWidget:
        headers = [
            self.tr("Code"),
            self.tr("Programmes"),
            self.tr("This week"),
            self.tr("So far"),
            self.tr("Pain"),
            self.tr("Effort"),
            self.tr("Last session"),
            self.tr("Station"),
        ]
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        tips = {
            WEEK: self.tr("Sessions done of those due this week, Monday to today"),
            TOTAL: self.tr("Sessions done of those due since the programme's first session"),
            PAIN: self.tr("The mean pain after a session (0-10): the 14 days before → the last 14 days"),
            EFFORT: self.tr("The mean effort (Borg CR10): the 14 days before → the last 14 days"),
        }
        for column, tip in tips.items():
            item = table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(tip)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)  # a code's programmes, one a line
        table.verticalHeader().hide()
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PROGRAMMES, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The programmes wrap: each row as high as its programmes need at the column's width now.
        header.sectionResized.connect(lambda column, _old, _new: self._fit_rows(column))
        table.setAccessibleName(self.tr("Codes, furthest behind first"))
        table.itemSelectionChanged.connect(self._selected)
        return table

    def _fit_rows(self, column: int) -> None:
        if column == PROGRAMMES:
            self.table.resizeRowsToContents()

    def _export_row(self) -> QHBoxLayout:
        self.chosen = QLabel(self)
        self.pdf_button = QPushButton(self.tr("Report (PDF)…"), self)
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.csv_button = QPushButton(self.tr("Sessions (CSV)…"), self)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.saved = QLabel(self)
        self.saved.setProperty("secondary", True)
        self.saved.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.chosen)
        row.addWidget(self.pdf_button)
        row.addWidget(self.csv_button)
        row.addWidget(self.saved, 1)
        return row

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the overview again, on a thread of its own; the rows shown stay until it comes."""
        self.retry_button.hide()
        self.refresh_button.setEnabled(False)
        self._say(self.tr("Loading the overview from the practice's server…"), problem=False)
        load, waiting = self.load, self.waiting
        self.background.start(lambda: Loaded(load(), _quietly(waiting)))

    def _loaded(self, number: int, ok: bool, result: object) -> None:
        if number != self.background.latest:
            return  # overtaken by a newer Refresh
        self.refresh_button.setEnabled(True)
        if not ok or not isinstance(result, Loaded):
            line = str(result)
            if self.loaded_at is not None:  # the rows stay, and say how old they are
                line += "\n" + self.tr("The rows below are as they were at {0}.").format(
                    self.loaded_at.strftime("%H:%M")
                )
            self._say(line, problem=True)
            self.retry_button.show()
            return
        self.loaded_at = self.now()
        self.show_lines(result.lines)
        self._say("" if result.lines else self.tr("No codes on the practice's server yet."), problem=False)
        self._show_waiting(result.waiting)

    def _say(self, text: str, *, problem: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("problem", problem)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setVisible(bool(text))

    def _show_waiting(self, left: Waiting | None) -> None:
        if left is None:
            self.sent_line.clear()
        elif left:
            sessions = self.tr("1 session") if left.sessions == 1 else self.tr("{0} sessions")
            steps = self.tr("1 step") if left.steps == 1 else self.tr("{0} steps")
            self.sent_line.setText(
                self.tr("Not sent yet from this computer: {0}, {1}.").format(
                    sessions.format(left.sessions), steps.format(left.steps)
                )
            )
        else:
            self.sent_line.setText(self.tr("Everything from this computer has been sent."))

    # -- the rows --------------------------------------------------------------------------------
    def show_lines(self, lines: list[CodeLine]) -> None:
        """One row per code, in the order given (falling behind first); the selection kept by code."""
        chosen = self.selected_code()
        self.lines = list(lines)
        now = self.now()
        table = self.table
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            texts = {
                CODE: line.code or self.tr("(no code)"),
                PROGRAMMES: "\n".join(line.programmes),
                WEEK: cells.week_text(line),
                TOTAL: cells.total_text(line),
                PAIN: cells.trend_text(line.pain, pain=True, lang=self.lang),
                EFFORT: cells.trend_text(line.effort, pain=False, lang=self.lang),
                LAST: cells.last_text(line.last_started, now),
                STATION: line.last_station,
            }
            tips = {
                TOTAL: cells.total_tip(line),
                PAIN: cells.trend_tip(line.pain, self.lang),
                EFFORT: cells.trend_tip(line.effort, self.lang),
            }
            late = cells.behind(line)
            if late:
                texts[CODE] = f"⚠ {texts[CODE]}"
            for column, text in texts.items():
                item = QTableWidgetItem(text)
                item.setToolTip(tips.get(column, text))
                if late and column in (CODE, WEEK):
                    _mark_behind(item)
                table.setItem(row, column, item)
            if line.code == chosen:
                table.selectRow(row)
        table.resizeRowsToContents()
        self._selected()

    def selected_code(self) -> str | None:
        """The code of the row chosen, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.lines[rows[0].row()].code if rows and rows[0].row() < len(self.lines) else None

    def _selected(self) -> None:
        code = self.selected_code()
        for button in (self.pdf_button, self.csv_button):
            button.setEnabled(code is not None)
        self.chosen.setText(
            self.tr("Code {0}:").format(code) if code else self.tr("Choose a code for its report:")
        )

    def _export(self, kind: str) -> None:
        code = self.selected_code()
        if code is not None:
            self.export.emit(code, kind)


def _mark_behind(item: QTableWidgetItem) -> None:
    """A week under the adherent share: besides the sign and the word, bold and orange."""
    item.setForeground(QColor(style.NOTICE))
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)


def _quietly(waiting: Callable[[], Waiting | None]) -> Waiting | None:
    """What this computer has not sent; None when its history cannot be read (the overview still shows)."""
    try:
        return waiting()
    except Exception:
        return None
