"""EditorWindow: the therapist tailors a programme for one patient, without writing YAML.

Every change goes through :class:`~sitimer.core.programme.editing.ProgrammeDocument` as one undoable
step; after each one the text that would be saved is checked by the real loader, so the
problems shown are exactly the lines of ``sitimer validate``, and the session's length and
the time it takes a day are planned again. Saving writes the patient's own copy in their
programmes folder; a bundled programme is never written over. ``sitimer edit FILE`` opens it
on its own (:func:`run_editor`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeyEvent, QKeySequence, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.paths import bundled_programmes, home_short, programmes_dir, user_programmes_dir
from sitimer.core.programme.editing import ProgrammeDocument
from sitimer.core.programme.exercise_catalogue import CatalogueEntry, catalogue
from sitimer.core.programme.model import Programme
from sitimer.core.programme.reader import Problem, ProgrammeError
from sitimer.core.programme.writing import BundledProgrammeError, is_inside
from sitimer.qt.common import style
from sitimer.qt.common.screen import fit_to_screen
from sitimer.qt.common.scroll import scrolling
from sitimer.qt.common.startup import application, run_loop
from sitimer.qt.editor.catalogue import CatalogueDialog
from sitimer.qt.editor.columns import Columns
from sitimer.qt.editor.form import ExerciseForm, ProgrammeForm
from sitimer.qt.editor.panels import ChecksPanel, ExerciseList
from sitimer.qt.editor.undo import REDO_KEYS, UNDO_KEYS, Edit


class EditorWindow(QMainWindow):
    """A programme's exercises, the selected one's dose, frequency and phases, problems and length."""

    saved = Signal(Path)  # where the programme was saved (the patient's own copy)

    def __init__(self, path: Path, data_dir: Path, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = ProgrammeDocument.from_file(path)
        self.path = path
        self.data_dir = data_dir
        self.lang = lang
        self.bundled_dir = programmes_dir()
        self.programme: Programme | None = None
        self.problems: list[Problem] = []
        self.shown: Programme | None = None  # what the exercises' doses and figures are shown from
        self._good_frequency: tuple[tuple[int, int], float | None, list[str]] | None = None
        self.selected: str | None = None
        self._catalogue: list[CatalogueEntry] | None = None
        self.undo_stack = QUndoStack(self)
        self.setObjectName("EditorWindow")
        self.setStyleSheet(style.editor_stylesheet())
        font = QFont(self.font())
        font.setPixelSize(15)
        self.setFont(font)
        self._build()
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.selected = next(iter(self.document.exercise_ids()), None)
        fit_to_screen(self, 1280, 720)
        self.refresh()

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    # -- building --------------------------------------------------------------------------------
    def _button(self, text: str, action: Callable[[], Any], name: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: action())
        if name:
            button.setObjectName(name)
        return button

    def _build(self) -> None:
        self.heading = QLabel(self)
        heading_font = QFont(self.font())
        heading_font.setPixelSize(22)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.where = QLabel(self)
        self.where.setProperty("secondary", True)
        self.where.setWordWrap(True)

        body = self._build_body()
        bottom = self._build_buttons()
        page = QWidget(self)
        page.setObjectName("page")
        column = self.page_column = QVBoxLayout(page)
        column.setContentsMargins(20, 16, 20, 8)
        column.addWidget(self.heading)
        column.addWidget(self.where)
        column.addLayout(body, 1)
        # A screen too low for the columns scrolls them; the buttons below, Save among them, stay in
        # sight. (One too narrow for three columns puts the programme's under the exercises.)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        window = QWidget(self)
        window.setObjectName("page")
        outer = QVBoxLayout(window)
        outer.setContentsMargins(0, 0, 0, 16)
        outer.addWidget(scroll, 1)
        bottom.setContentsMargins(20, 0, 20, 0)
        outer.addLayout(bottom)
        self.setCentralWidget(window)
        for field in (*self.findChildren(QAbstractSpinBox), *self.findChildren(QLineEdit)):
            field.installEventFilter(self)

    def _build_body(self) -> Columns:
        """The exercises, the selected one's form, and the programme's form over the checks."""
        self.exercises = ExerciseList(self)
        self.exercises.selected.connect(self._select)
        self.exercises.move_requested.connect(self.move_exercise)
        self.exercises.add_requested.connect(self.choose_exercise)
        self.exercises.remove_requested.connect(self.remove_selected)

        self.form = ExerciseForm(self.lang, self)
        self.form.changed.connect(self._exercise_changed)
        self.form.reps_changed.connect(self._reps_changed)

        self.programme_form = ProgrammeForm(self.lang, self)
        self.programme_form.frequency_changed.connect(self._frequency_changed)
        self.programme_form.reminders_changed.connect(self._reminders_changed)
        self.programme_form.phase_toggled.connect(self._phase_toggled)
        self.checks = ChecksPanel(self.lang, self)
        self.checks.exercise_clicked.connect(self._problem_of)
        # The form scrolls on its own where the window is too low for it (1280×720): the whole page
        # scrolled, and the list's ▲▼, Add and Remove went below the window's edge.
        self.form_area = scrolling(self.form, self)
        self.columns = Columns(self.exercises, self.form_area, self.programme_form, self.checks)
        return self.columns

    def _fit_columns(self, width: int) -> None:
        margins = self.page_column.contentsMargins()
        self.columns.fit(self, width, margins.left() + margins.right())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_columns(event.size().width())
        super().resizeEvent(event)

    def _build_buttons(self) -> QHBoxLayout:
        """Undo and redo (buttons and keys), export and save."""
        self.undo_button = self._button(self.tr("Undo"), self.undo_stack.undo)
        self.redo_button = self._button(self.tr("Redo"), self.undo_stack.redo)
        self.export_button = self._button(self.tr("Export…"), self.choose_export)
        self.save_button = self._button("", self.save, "primary")
        # Why Save is off, beside it: the problems' list may be scrolled out of sight (1366×768 at 125 %)
        self.not_saved = QLabel(self)
        self.not_saved.setObjectName("not_saved")
        self.not_saved.setWordWrap(True)
        self.not_saved.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom = QHBoxLayout()
        for button in (self.undo_button, self.redo_button):
            bottom.addWidget(button)
        bottom.addWidget(self.not_saved, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.save_button)
        for keys, slot in ((UNDO_KEYS, self.undo_stack.undo), (REDO_KEYS, self.undo_stack.redo)):
            action = QAction(self)
            action.setShortcuts(list(keys))
            action.triggered.connect(slot)
            self.addAction(action)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        return bottom

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A spin box or line edit keeps Ctrl+Z for its own text; here it undoes the programme's last
        # step. The field claims the key (ShortcutOverride accepted) and the key press itself undoes,
        # so it works whether or not the window's shortcuts are live (another window active).
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())

            def hit(keys: tuple[QKeySequence, ...]) -> bool:
                return any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in keys)

            undo, redo = hit(UNDO_KEYS), hit(REDO_KEYS)
            if undo or redo:
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    (self.undo_stack.undo if undo else self.undo_stack.redo)()
                return True
        return super().eventFilter(watched, event)

    # -- changes, each one undoable ----------------------------------------------------------------
    def apply(self, text: str, change: Callable[[], None], key: object = None) -> None:
        """Make one change as an undoable step; consecutive ones with the same ``key`` merge."""
        self.undo_stack.push(Edit(self.document, text, key, change, self.refresh))

    def _exercise_changed(self, name: str, value: Any) -> None:
        exercise = self.selected
        if exercise is not None:
            self.apply(
                self.tr("Change {0}").format(name),
                lambda: self.document.set_exercise_field(exercise, name, value),
                ("exercise", exercise, name),
            )

    def _reps_changed(self, count: int, per_side: bool) -> None:
        exercise = self.selected
        if exercise is not None:
            self.apply(
                self.tr("Change reps"),
                lambda: self.document.set_reps(exercise, count, per_side),
                ("reps", exercise),
            )

    def _frequency_changed(self, low: int, high: int, weeks: int | None) -> None:
        self.apply(
            self.tr("Change frequency"),
            lambda: self.document.set_frequency((low, high), weeks),
            ("frequency",),
        )

    def _reminders_changed(self, times: list[str]) -> None:
        self.apply(self.tr("Change reminders"), lambda: self.document.set_reminders(times), ("reminders",))

    def _phase_toggled(self, phase_id: str, on: bool) -> None:
        self.apply(self.tr("Switch a phase"), lambda: self.document.set_phase_enabled(phase_id, on))

    def move_exercise(self, exercise_id: str, index: int) -> None:
        """Move an exercise to place ``index`` of the session."""
        if 0 <= index < len(self.document.exercise_ids()):
            self.selected = exercise_id
            self.apply(self.tr("Move an exercise"), lambda: self.document.move_exercise(exercise_id, index))

    def add_exercise(self, entry: CatalogueEntry) -> None:
        """Add a catalogue exercise after the selected one (or at the end)."""
        ids = self.document.exercise_ids()
        index = ids.index(self.selected) + 1 if self.selected in ids else None
        added: list[str] = []

        def add() -> None:
            added.append(self.document.add_exercise(entry.fields, index))
            self.selected = added[-1]

        self.apply(self.tr("Add an exercise"), add)

    def choose_exercise(self) -> None:
        """Pick an exercise from the bundled programmes' catalogue, and add it."""
        if self._catalogue is None:
            self._catalogue = catalogue(bundled_programmes())
        dialog = CatalogueDialog(self._catalogue, self.lang, self)
        if dialog.exec() and dialog.chosen is not None:
            self.add_exercise(dialog.chosen)

    def remove_selected(self) -> None:
        """Take the selected exercise out of the programme."""
        ids = self.document.exercise_ids()
        if self.selected not in ids or len(ids) < 2:
            return
        gone = self.selected
        at = ids.index(gone)
        self.selected = ids[at + 1] if at + 1 < len(ids) else ids[at - 1]
        self.apply(self.tr("Remove an exercise"), lambda: self.document.remove_exercise(gone))

    # -- showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Check the text that would be saved, and show everything again."""
        result = self.document.check(str(self.path))
        self.programme = result if isinstance(result, Programme) else None
        self.problems = result if isinstance(result, list) else []
        if self.programme is not None:
            self._good_frequency = self.document.frequency()
        self.shown = self.programme or self._with_good_frequency()
        ids = self.document.exercise_ids()
        if self.selected not in ids:
            self.selected = ids[0] if ids else None
        self.programme_form.show_document(self.document)
        self.checks.show_result(self.programme, self.problems)
        self.save_button.setEnabled(self.programme is not None)
        self.export_button.setEnabled(self.programme is not None)
        count = len(self.problems)
        if count > 1:
            why = self.tr("Cannot be saved: {0} problems, listed under Problems").format(count)
        else:
            why = self.tr("Cannot be saved: a problem, listed under Problems") if count else ""
        self.not_saved.setText(why)
        self.heading.setText(self.document.title().get(self.lang))
        self._show_place()
        self._show_selected()

    def _with_good_frequency(self) -> Programme | None:
        """Where every problem is in the frequency (a reminder time mistyped), the programme as it
        loads with the last frequency that did: the exercises' doses and figures stay in view while
        the problem is put right. Nothing of this is saved."""
        if self._good_frequency is None or not all(p.path.startswith("frequency") for p in self.problems):
            return None
        state = self.document.snapshot()
        (low, high), weeks, reminders = self._good_frequency
        try:
            self.document.set_frequency((low, high), weeks)
            self.document.set_reminders(reminders)
            result = self.document.check(str(self.path))
        finally:
            self.document.restore(state)
        return result if isinstance(result, Programme) else None

    def _show_selected(self) -> None:
        self.exercises.show_exercises(self.document, self.shown, self.selected, self.lang)
        self._show_form()

    def _show_form(self) -> None:
        loaded = None
        if self.shown is not None:
            loaded = next((e for e in self.shown.exercises if e.id == self.selected), None)
        self.form.show_exercise(self.document, self.selected, loaded)
        self._fit_columns(self.width())  # the form for another kind of exercise may need more room

    def _select(self, exercise_id: str) -> None:
        self.selected = exercise_id
        self.exercises.show_buttons(exercise_id)  # the list itself is mid-signal: not rebuilt now
        self._show_form()

    def _problem_of(self, index: int) -> None:
        ids = self.document.exercise_ids()
        if index < len(ids):
            self.selected = ids[index]
            self._show_selected()

    def is_own(self) -> bool:
        """Whether the file is the patient's own copy (saved in place), not one to copy first."""
        return is_inside(self.path, user_programmes_dir(self.data_dir))

    def _show_place(self) -> None:
        folder = home_short(user_programmes_dir(self.data_dir))
        if self.is_own():
            self.where.setText(self.tr("The patient's own programme: {0}").format(home_short(self.path)))
            self.save_button.setText(self.tr("Save"))
        else:
            self.where.setText(
                self.tr("{0} stays as it is. Saving makes the patient's own copy in {1}.").format(
                    self.path.name, folder
                )
            )
            self.save_button.setText(self.tr("Save as copy…"))
        self.setWindowTitle(self.tr("Edit programme — {0}").format(self.heading.text()) + "[*]")

    # -- saving ----------------------------------------------------------------------------------
    def save(self, label: str | None = None) -> Path | None:
        """Save as the patient's own copy (``label`` names a new one; asked for when not given)."""
        if self.programme is None:  # Save is off; closing can still ask for it
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr(
                    "The programme has problems (listed under Problems): fix them, or close without saving."
                ),
            )
            return None
        try:
            if self.is_own():
                self.document.save(self.path, self.bundled_dir)
            else:
                if label is None:
                    label = self._ask_label()
                    if not label:
                        return None
                self.path = self.document.save_copy(
                    user_programmes_dir(self.data_dir), label, self.bundled_dir
                )
                self.undo_stack.clear()  # earlier steps would bring back the bundled id and title
        except (OSError, BundledProgrammeError) as err:
            QMessageBox.warning(self, self.tr("Not saved"), str(err))
            return None
        self.undo_stack.setClean()
        self.refresh()
        self.saved.emit(self.path)
        return self.path

    def label_dialog(self) -> QInputDialog:
        """The question a new copy's name is asked with; its words wrap (in one line the dialog
        was 1030 pixels wide in Dutch)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save as the patient's own copy"))
        dialog.setLabelText(
            self.tr(
                "The original stays as it is. A short label for the copy, such as the patient's "
                "initials or today's date. It is shown with the title wherever the programme is, "
                "also on a practice's kiosk: not a name."
            )
        )
        dialog.setTextValue(self.tr("own"))
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)
        dialog.setMinimumWidth(min(560, self.width()))
        dialog.sizeHint()  # Qt makes the dialog's buttons now (else at its first show)
        if (buttons := dialog.findChild(QDialogButtonBox)) is not None:
            ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
            # an empty name saved nothing and said nothing: OK waits for one
            dialog.textValueChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        return dialog

    def _ask_label(self) -> str:
        dialog = self.label_dialog()
        try:
            return dialog.textValue().strip() if dialog.exec() else ""
        finally:
            dialog.deleteLater()

    def export_to(self, target: Path) -> bool:
        """Write the programme file elsewhere, to hand over (a USB stick, an e-mail)."""
        try:
            self.document.export(target, self.bundled_dir)
        except (OSError, BundledProgrammeError) as err:
            QMessageBox.warning(self, self.tr("Not exported"), str(err))
            return False
        from sitimer.qt.common.files import tell_saved

        tell_saved(self, self.tr("Export the programme"), target, openable=False)
        return True

    def choose_export(self) -> None:
        """Ask where to export the programme file."""
        from sitimer.core.paths import handover_name
        from sitimer.qt.common.files import save_file_name

        title, pattern = self.tr("Export the programme"), self.tr("Programmes (*.yaml *.yml)")
        target = save_file_name(self, title, Path.home() / handover_name(self.path), pattern)
        if target is not None:
            self.export_to(target)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and not self.undo_stack.isClean():
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to this programme?"),
                buttons.Save | buttons.Discard | buttons.Cancel,
            )
            if answer == buttons.Cancel or (answer == buttons.Save and self.save() is None):
                event.ignore()
                return
        super().closeEvent(event)


def run_editor(path: Path, data_dir: Path, lang: str) -> int:
    """``sitimer edit FILE``: the editor on its own; returns the exit code."""
    app = application(lang)
    try:
        window = EditorWindow(path, data_dir, lang)
    except ProgrammeError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    window.show()
    run_loop(app, window.close)
    return 0
