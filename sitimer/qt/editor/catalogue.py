"""CatalogueDialog: pick an exercise from every bundled programme, reading its instructions and
seeing its figure do it first."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.programme.exercise_catalogue import CatalogueEntry
from sitimer.qt.common import dose_text
from sitimer.qt.picker.preview import ExercisePreview

ENTRY_ROLE = Qt.ItemDataRole.UserRole


class CatalogueDialog(QDialog):
    """The exercises of the bundled programmes, by programme; the chosen one is :attr:`chosen`."""

    def __init__(self, entries: list[CatalogueEntry], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CatalogueDialog")
        self.setWindowTitle(self.tr("Add an exercise"))
        self.lang = lang
        self.entries = entries
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Exercises of the bundled programmes"))
        # a long name (a Dutch programme's title) wraps: a sideways scroll bar hid the ends of names
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # wrapped again as the list widens
        self.list.setMinimumWidth(360)
        programme = None
        for i, entry in enumerate(entries):
            if entry.programme_id != programme:
                programme = entry.programme_id
                header = QListWidgetItem(entry.programme_title.get(lang), self.list)
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
            item = QListWidgetItem(f"   {entry.exercise.name.get(lang)}", self.list)
            item.setData(ENTRY_ROLE, i)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumWidth(300)
        self.preview = ExercisePreview(lang, parent=self)  # the therapist's: always moving
        self.preview.name_label.hide()  # the details name it
        self.preview.setFixedSize(220, 280)
        buttons = QDialogButtonBox(self)
        # The name before the button joins the dialog: the style sheet is applied as it does.
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("primary")
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addWidget(self.details, 1)
        body.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.addLayout(body, 1)
        column.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.list.itemDoubleClicked.connect(lambda *_: self.accept() if self.chosen else None)
        first = next((self.list.item(r) for r in range(self.list.count()) if self.list.item(r).flags()), None)
        if first is not None:
            self.list.setCurrentItem(first)
        self.resize(920, 540)

    @property
    def chosen(self) -> CatalogueEntry | None:
        """The selected exercise, if any."""
        item = self.list.currentItem()
        index = item.data(ENTRY_ROLE) if item is not None else None
        return self.entries[index] if isinstance(index, int) else None

    def _show(self) -> None:
        entry = self.chosen
        self.add_button.setEnabled(entry is not None)
        self.preview.show_exercise(entry.exercise if entry else None)
        if entry is None:
            self.details.clear()
            return
        e = entry.exercise
        self.details.setText(
            f"<p><b>{escape(e.name.get(self.lang))}</b><br>{escape(dose_text.dose_text(e))}</p>"
            f"<p>{escape(e.instructions.get(self.lang))}</p>"
        )
