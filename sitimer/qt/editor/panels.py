"""The programme editor's side panels: the exercise list, and the loader's verdict with the session length.

The length is the session's, and the time it takes a day (times the sessions a day), so the
therapist chooses a subset knowingly; a daily activity (a walk) is in neither.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.programme.editing import ProgrammeDocument
from sitimer.core.programme.instructions import stale_per_day, stale_seconds
from sitimer.core.programme.model import Exercise, Programme
from sitimer.core.programme.plan import build_plan
from sitimer.core.programme.reader import Problem
from sitimer.qt.common import dose_text, style
from sitimer.qt.common.problem_text import problem_line

ID_ROLE = Qt.ItemDataRole.UserRole
_EXERCISE_INDEX = re.compile(r"^exercises\[(\d+)\]")


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("secondary", True)
    return label


class ExerciseList(QWidget):
    """The exercises in session order with their doses; drag or Up/Down to reorder, Add…, Remove."""

    selected = Signal(str)
    move_requested = Signal(str, int)  # exercise id, its new place (0 is the first)
    add_requested = Signal()
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Exercises, in the order of a session"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.currentItemChanged.connect(self._current)
        self.list.model().rowsMoved.connect(self._dropped)
        self.up_button = QPushButton("▲", self)
        self.down_button = QPushButton("▼", self)
        self.up_button.setAccessibleName(self.tr("Move up"))
        self.down_button.setAccessibleName(self.tr("Move down"))
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setToolTip(self.tr("Move down"))
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.setAccessibleName(self.tr("Add an exercise from the bundled programmes"))
        self.up_button.clicked.connect(lambda: self._step(-1))
        self.down_button.clicked.connect(lambda: self._step(1))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self.remove_requested)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(_caption(self.tr("Exercises"), self))
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        self._ids: list[str] = []

    def show_exercises(
        self, document: ProgrammeDocument, programme: Programme | None, chosen: str | None, lang: str
    ) -> None:
        """List the document's exercises, with their doses when the programme loads (a daily activity:
        that it is done daily, in no session)."""
        loaded: dict[str, Exercise] = {e.id: e for e in programme.exercises} if programme else {}
        daily = build_plan(programme).daily_activities if programme else ()
        self._ids = document.exercise_ids()
        self.list.blockSignals(True)
        self.list.clear()
        for exercise_id in self._ids:
            exercise = loaded.get(exercise_id)
            # numbered as the patient sees it (the leaflet's number), not by place in the list
            name = document.exercise_name(exercise_id).get(lang)
            text = f"{exercise.number} · {name}" if exercise and exercise.number else name
            if exercise in daily:
                text += "\n     " + self.tr("daily, not in a session")
            elif exercise is not None:
                text += f"\n     {dose_text.dose_text(exercise)}"
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, exercise_id)
            if programme is not None and exercise is not None and not programme.is_active(exercise):
                off = self.tr("its phase is switched off") if exercise.enabled else self.tr("switched off")
                item.setText(text + "\n     " + off)  # a line of its own
                item.setForeground(QColor(style.TEXT_MUTED))
            if exercise_id == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.show_buttons(chosen)

    def show_buttons(self, chosen: str | None) -> None:
        """Enable what can be done with the chosen exercise."""
        at = self._ids.index(chosen) if chosen in self._ids else -1
        self.up_button.setEnabled(at > 0)
        self.down_button.setEnabled(0 <= at < len(self._ids) - 1)
        self.remove_button.setEnabled(at >= 0 and len(self._ids) > 1)

    def current_id(self) -> str | None:
        """The selected exercise's id."""
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def _current(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.selected.emit(str(item.data(ID_ROLE)))

    def _step(self, step: int) -> None:
        chosen = self.current_id()
        if chosen in self._ids:
            self.move_requested.emit(chosen, self._ids.index(chosen) + step)

    def _dropped(
        self, _parent: QModelIndex | QPersistentModelIndex, start: int, _end: int, _dest: Any, row: int
    ) -> None:
        index = row if row < start else row - 1
        moved = self._ids[start] if start < len(self._ids) else None
        if moved is not None:
            # Not inside the model's signal: the edit rebuilds the list the drop is still using.
            QTimer.singleShot(0, lambda: self.move_requested.emit(moved, index))


class ChecksPanel(QWidget):
    """The session's length and the time a day, and every problem as ``sitimer validate`` prints it."""

    exercise_clicked = Signal(int)  # a problem of exercises[N] was clicked

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.length = QLabel(self)
        self.length.setObjectName("length")
        self.length.setWordWrap(True)
        self.daily_total = QLabel(self)
        self.daily_total.setObjectName("daily_total")
        self.daily_total.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.problems.setAccessibleName(self.tr("Problems, as sitimer validate reports them"))
        self.problems.setWordWrap(True)  # a long line wraps to the panel's width, never scrolls sideways
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.itemClicked.connect(self._clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.length)
        column.addWidget(self.daily_total)
        column.addWidget(_caption(self.tr("Problems"), self))
        column.addWidget(self.problems, 1)
        # Notes, not problems (it can be saved): a label, as a list's item wrapped to too few lines.
        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("notes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet(f"color: {style.NOTICE};")
        self.notes_label.hide()
        column.addWidget(self.notes_label)

    def show_result(self, programme: Programme | None, problems: list[Problem]) -> None:
        """Show the loader's verdict on the text that would be saved."""
        self.problems.clear()
        self.notes_label.hide()
        for problem in problems:
            QListWidgetItem(problem_line(problem), self.problems)
        if programme is None:
            self.length.setText(self.tr("Session length: fix the problems below first"))
            self.daily_total.setText("")
            return
        ok = QListWidgetItem(self.tr("None: this programme can be used."), self.problems)
        ok.setForeground(QColor(style.TEXT_MUTED))
        ok.setFlags(Qt.ItemFlag.NoItemFlags)
        notes = []
        for exercise in programme.exercises:  # a dose changed here, the leaflet's sentence not
            for stale in stale_seconds(exercise):
                said = (
                    self.tr("{0}: the Dutch instructions say {1} seconds, the dose is {2}\u00a0s now")
                    if stale.lang == "nl"
                    else self.tr("{0}: the English instructions say {1} seconds, the dose is {2}\u00a0s now")
                )
                notes.append(said.format(exercise.name.get(self.lang), stale.said, f"{stale.dose:g}"))
        for stale_day in stale_per_day(programme):  # so with how often a day, in the description
            said = (
                self.tr("The Dutch description says {0} times a day, the programme {1} now")
                if stale_day.lang == "nl"
                else self.tr("The English description says {0} times a day, the programme {1} now")
            )
            notes.append(said.format(stale_day.said, stale_day.dose))
        if notes:
            notes.append(self.tr("(tell the patient, or change the sentence in the file)"))
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        plan = build_plan(programme)
        if not plan.exercises:  # daily activities alone
            self.length.setText(dose_text.no_session_text())
            self.daily_total.setText("")
            return
        self.length.setText(  # the exact length, and the rounded one the picker shows the patient
            self.tr("Session length: {0} ({1})").format(
                dose_text.seconds_text(plan.total_s), dose_text.duration_text(plan.total_s)
            )
        )
        self.daily_total.setText(dose_text.daily_total_text(plan, self.lang))

    def lines(self) -> list[str]:
        """The problem lines shown."""
        items = (self.problems.item(row) for row in range(self.problems.count()))
        return [item.text() for item in items if item.flags() != Qt.ItemFlag.NoItemFlags]

    def notes(self) -> list[str]:
        """The notes shown under the problems: instructions that no longer agree with a dose."""
        return self.notes_label.text().splitlines() if self.notes_label.isVisibleTo(self) else []

    def _clicked(self, item: QListWidgetItem) -> None:
        parts = item.text().split(": ", 2)
        found = _EXERCISE_INDEX.match(parts[1]) if len(parts) == 3 else None
        if found:
            self.exercise_clicked.emit(int(found.group(1)))
