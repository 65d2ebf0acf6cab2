"""The programme editor's forms: one exercise's dose, and the programme's frequency, reminders and phases.

The forms only show a :class:`ProgrammeDocument` and say what the therapist changed (signals);
the editor window turns each change into an undoable edit and shows them again.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.programme.editing import ProgrammeDocument, Source
from sitimer.core.programme.fields import DOSE_FIELDS, KIND_FIELDS, KIND_SIDES, MAX_SECONDS
from sitimer.core.programme.model import Exercise, Kind, Pacing, Sides
from sitimer.core.reminders.state import parse_times
from sitimer.qt.common import dose_text
from sitimer.qt.picker.preview import ExercisePreview

_SESSION_ONLY = ("rest_s", "rest_after_s", "prepare_s")  # what only a step of a session has


class Spin(QSpinBox):
    """A spin box that says what it did not take: a key that would make the figure too large or
    not a figure ("-", "999" for at most 100), and, as the field is left, a figure below its
    lowest that it put back (it had only changed them, silently)."""

    refused = Signal(str)  # the text as typed
    entered = Signal()  # the field has the keys again

    def __init__(self) -> None:
        super().__init__()
        self._typed = ""  # the last text taken while typing, with the suffix
        self.editingFinished.connect(self._finished)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text, pos)
        state = result[0]
        if self.hasFocus() and text != self.text():
            if state is QValidator.State.Invalid:
                self.refused.emit(text.removesuffix(self.suffix()).strip())
            else:
                self._typed = text
        return result

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.entered.emit()

    def _finished(self) -> None:
        typed, self._typed = self._typed, ""
        figure = typed.removesuffix(self.suffix()).strip()
        if typed and typed != self.text() and figure != self.specialValueText():
            self.refused.emit(figure)


def _spin(low: int, high: int, suffix: str = "") -> Spin:
    box = Spin()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setMinimumWidth(96)
    return box


def _secondary(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("secondary", True)
    return label


def typed_times(text: str) -> list[str]:
    """Reminder times as typed ("9:00, 19.30", "9u 19u", as the patient's reminder page takes
    them), as "HH:MM"; what is not a time stays as typed, for the file's check to name it."""
    times = parse_times(text)
    return times if times is not None else [t for t in text.replace(",", " ").replace(";", " ").split() if t]


def typed_whole(text: str) -> bool:
    """Whether every time typed so far has both its hour and its minutes ("19:00", not "19:0")."""
    return all(re.fullmatch(r"\d{1,2}[:.]\d{2}", t) for t in text.replace(",", " ").replace(";", " ").split())


class ExerciseForm(QGroupBox):
    """The dose of the selected exercise; a value the exercise inherits says where it comes from."""

    changed = Signal(str, object)  # field, value; written on the exercise itself
    reps_changed = Signal(int, bool)  # count, per side

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._quiet = False
        self._range_min: int | None = None  # the lower end of a duration given as a range {min, max}
        self._shown: str | None = None  # the exercise shown
        # what a field did not take, said beside it until it is taken up again
        self._notes: dict[str, str] = {}
        self.enabled = QCheckBox(self.tr("In the session"))
        self.sets = _spin(1, 100)
        self.reps = _spin(1, self._reps_top(per_side=False))
        self.reps_per = QComboBox()
        self.reps_per.addItem(self.tr("per side"), True)
        self.reps_per.addItem(self.tr("in all"), False)
        self.sides = QComboBox()
        self.tempo = QDoubleSpinBox()
        self.tempo.setRange(0.5, 60)
        self.tempo.setSingleStep(0.5)
        self.tempo.setDecimals(1)
        self.tempo.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pacing = QComboBox()
        self.pacing.addItem(self.tr("the app counts"), Pacing.PACED.value)
        self.pacing.addItem(self.tr("own pace (the patient taps)"), Pacing.SELF.value)
        top = int(MAX_SECONDS)
        s = self.tr(" s")  # the unit after a figure of seconds
        self.tempo.setSuffix(s)
        self.seconds = {
            "hold_s": _spin(1, top, s),
            "duration_s": _spin(0, top, s),  # 0 only for an activity: no set time ("none")
            "estimate_s": _spin(1, top, s),
            "rest_s": _spin(0, top, s),
            "rest_after_s": _spin(0, top, s),
            "prepare_s": _spin(0, top, s),
        }
        self.hints: dict[str, QLabel] = {}
        self.summary = _secondary()
        self.summary.setWordWrap(True)
        self.instructions = _secondary()
        self.instructions.setWordWrap(True)
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview = ExercisePreview(lang, parent=self)  # the exercise as it loads: the tempo as edited
        self.preview.name_label.hide()  # the form's title names it
        self.preview.setFixedSize(170, 200)  # the editor still fits a 1280x720 screen
        for choice in (self.reps_per, self.sides, self.pacing):
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._build()

    def _build(self) -> None:
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.addRow("", self.enabled)
        reps_row = QWidget()
        reps_line = QHBoxLayout(reps_row)
        reps_line.setContentsMargins(0, 0, 0, 0)
        reps_line.addWidget(self.reps)
        reps_line.addWidget(self.reps_per)
        labels = {
            "sets": self.tr("Sets"),
            "reps": self.tr("Reps"),
            "sides": self.tr("Sides"),
            "tempo_s": self.tr("Seconds per rep"),
            "pacing": self.tr("Pace"),
            "hold_s": self.tr("Hold"),
            "duration_s": self.tr("Duration"),
            "estimate_s": self.tr("Usual length"),
            "rest_s": self.tr("Rest between sets"),
            "rest_after_s": self.tr("Rest after the exercise"),
            "prepare_s": self.tr("Time to get ready"),
        }
        widgets: dict[str, QWidget] = {
            "sets": self.sets,
            "reps": reps_row,
            "sides": self.sides,
            "tempo_s": self.tempo,
            "pacing": self.pacing,
            **self.seconds,
        }
        self.rows: dict[str, QWidget] = {}
        for name, label in labels.items():
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(widgets[name])
            self.hints[name] = _secondary()
            self.hints[name].setWordWrap(True)  # the field keeps its width; a long hint wraps
            line.addWidget(self.hints[name], 1)
            self.form.addRow(label, row)
            self.rows[name] = row
            # The row's label names the field inside it for a screen reader: its buddy is the field,
            # not the row (on Linux a combo box is named by its choice and labelled by its buddy).
            field = self.reps if name == "reps" else widgets[name]
            field.setAccessibleName(label)
            buddy = self.form.labelForField(row)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(field)
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addLayout(self.form)
        below = QHBoxLayout()
        below.addWidget(self.instructions, 1)
        below.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(below, 1)

        self.enabled.toggled.connect(lambda on: self._emit("enabled", on))
        self.sets.valueChanged.connect(lambda n: self._emit("sets", n))
        self.reps.valueChanged.connect(lambda _: self._emit_reps())
        self.reps_per.currentIndexChanged.connect(lambda _: self._per_side_changed())
        self.sides.currentIndexChanged.connect(lambda _: self._emit("sides", self.sides.currentData()))
        self.tempo.valueChanged.connect(lambda v: self._emit("tempo_s", v))
        self.pacing.currentIndexChanged.connect(lambda _: self._emit("pacing", self.pacing.currentData()))
        for name, box in self.seconds.items():
            box.valueChanged.connect(lambda v, n=name: self._emit(n, self._seconds_value(n, v)))
        boxes = {"sets": self.sets, "reps": self.reps, **self.seconds}
        for name, box in boxes.items():
            box.refused.connect(lambda typed, n=name, b=box: self._refused(n, b, typed))
            box.entered.connect(lambda n=name: self._notes.pop(n, None))

    def _refused(self, name: str, box: Spin, typed: str) -> None:
        """Say by the field what it did not take, and what it takes."""
        low = box.specialValueText() or str(box.minimum())  # "none" stands for its lowest, 0
        self._notes[name] = self.tr("“{0}” not taken: from {1} to {2}").format(typed, low, box.maximum())
        self.hints[name].setText(self._notes[name])

    # -- telling the editor ----------------------------------------------------------------------
    def _emit(self, name: str, value: Any) -> None:
        if not self._quiet:
            self.changed.emit(name, value)

    @staticmethod
    def _reps_top(*, per_side: bool) -> int:
        """The most reps the format takes: fewer per side than in all."""
        top = DOSE_FIELDS["reps_per_side" if per_side else "reps"].maximum
        assert top is not None
        return int(top)

    def _per_side_changed(self) -> None:
        """The count's box takes no more than the format does, so it never offers a dose that fails."""
        self.reps.setMaximum(self._reps_top(per_side=bool(self.reps_per.currentData())))
        self._emit_reps()

    def _emit_reps(self) -> None:
        if not self._quiet:
            self.reps_changed.emit(self.reps.value(), bool(self.reps_per.currentData()))

    def _seconds_value(self, name: str, value: int) -> Any:
        if name != "duration_s":
            return value
        if value == 0:  # an activity's "none": the field goes
            return None
        # A range {min, max}: the box sets its longest, from the lower end it had as the field was
        # taken up (typing "20" passes "2" on the way); at or below that end it is one figure.
        if self._range_min is not None and value > self._range_min:
            return {"min": self._range_min, "max": value}
        return value

    # -- showing an exercise ---------------------------------------------------------------------
    def _hint(self, name: str, source: Source, dose: str | None) -> None:
        words = {
            Source.EXERCISE: "",
            Source.DOSE: self.tr("from dose “{0}”").format(dose),
            Source.DEFAULTS: self.tr("programme default"),
            Source.BUILTIN: self.tr("sitimer default"),
            Source.NONE: self.tr("not given"),
        }
        self.hints[name].setText(words[source])

    def show_exercise(
        self, document: ProgrammeDocument, exercise_id: str | None, loaded: Exercise | None
    ) -> None:
        """Fill the form from the document (``loaded``: the exercise as it loads, for the summary)."""
        self._quiet = True
        try:
            self._fill(document, exercise_id, loaded)
        finally:
            self._quiet = False

    def _fill(self, document: ProgrammeDocument, exercise_id: str | None, loaded: Exercise | None) -> None:
        self.setEnabled(exercise_id is not None)
        same, self._shown = self._shown == exercise_id, exercise_id
        if not same:
            self._notes.clear()
        if exercise_id is None:
            self.setTitle(self.tr("No exercise selected"))
            self.summary.clear()
            self.instructions.clear()
            self.preview.show_exercise(None)
            return
        self.setTitle(document.exercise_name(exercise_id).get(self.lang))
        self.summary.setText(dose_text.dose_text(loaded) if loaded else "")
        self.instructions.setText(loaded.instructions.get(self.lang) if loaded else "")
        self.preview.show_exercise(loaded)
        kind_value = document.value(exercise_id, "kind").value
        kind = Kind(kind_value) if kind_value in tuple(Kind) else None
        fits = KIND_FIELDS[kind] if kind else set()
        dose = document.value(exercise_id, "dose").value
        daily = kind is Kind.ACTIVITY  # done once a day, apart: no session step, so no rests around it
        for name, row in self.rows.items():
            self.form.setRowVisible(row, name in fits and not (daily and name in _SESSION_ONLY))
        self.enabled.setText(self.tr("On the daily list") if daily else self.tr("In the session"))
        self.form.setRowVisible(self.rows["sides"], kind is not None and len(KIND_SIDES[kind]) > 1)
        own_enabled = document.value(exercise_id, "enabled")
        self.enabled.setChecked(own_enabled.value is not False)

        def show(name: str, fallback: Any) -> Any:
            found = document.value(exercise_id, name)
            self._hint(name, found.source, str(dose) if dose else None)
            return found.value if found.value is not None else fallback

        _set(self.sets, show("sets", 1))
        count, per_side = document.reps(exercise_id)
        reps_source = document.value(exercise_id, "reps_per_side" if per_side else "reps")
        self._hint("reps", reps_source.source, str(dose) if dose else None)
        self.reps_per.setCurrentIndex(0 if per_side else 1)
        self.reps.setMaximum(self._reps_top(per_side=per_side))
        _set(self.reps, count or 1)
        _set(self.tempo, show("tempo_s", 3))
        self.pacing.setCurrentIndex(max(0, self.pacing.findData(show("pacing", "paced"))))
        sides = str(show("sides", "none"))
        choices = KIND_SIDES[kind] if kind else ()
        if [self.sides.itemData(i) for i in range(self.sides.count())] != [c.value for c in choices]:
            self.sides.clear()  # only when the kind changes: this box may be the one telling us now
            names = {
                Sides.NONE: self.tr("both at once, or no side"),
                Sides.ALTERNATE: self.tr("alternating right and left"),
                Sides.EACH: self.tr("each side in turn"),
            }
            for choice in choices:
                self.sides.addItem(names[choice], choice.value)
        self.sides.setCurrentIndex(max(0, self.sides.findData(sides)))
        # A walk may have no set time ("none"); a timed exercise must have one, and its 1 is a 1.
        duration = self.seconds["duration_s"]
        duration.setMinimum(0 if kind is Kind.ACTIVITY else 1)
        duration.setSpecialValueText(self.tr("none") if kind is Kind.ACTIVITY else "")
        for name, box in self.seconds.items():
            value = show(name, box.minimum())
            if name == "duration_s":
                if not (same and box.hasFocus()):  # not while the therapist types in it
                    self._range_min = value.get("min") if isinstance(value, dict) else None
                if isinstance(value, dict):
                    self.hints[name].setText(
                        self.tr("from {0} s; the field is the longest").format(value.get("min"))
                    )
                value = value.get("max", box.minimum()) if isinstance(value, dict) else value
            _set(box, value)
            if box.specialValueText() and box.value() == box.minimum():
                self.hints[name].clear()  # the box says "none" already: not "none, not given"
        for name, note in self._notes.items():  # the fields' changes just made leave them said
            self.hints[name].setText(note)


def _set(box: QSpinBox | QDoubleSpinBox, value: Any) -> None:
    """Set a spin box only when its value differs, so the cursor stays where the therapist types."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = box.minimum()
    if isinstance(box, QSpinBox):
        if box.value() != round(number):
            box.setValue(round(number))
    elif box.value() != number:
        box.setValue(number)


class ProgrammeForm(QGroupBox):
    """How often a day, after how many weeks the review is, when to remind, and which phases are on."""

    frequency_changed = Signal(int, int, object)  # sessions a day low, high; weeks or None
    reminders_changed = Signal(list)
    phase_toggled = Signal(str, bool)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._quiet = False
        self.setTitle(self.tr("Programme"))
        self.per_day_low = _spin(1, 24)
        self.per_day_high = _spin(1, 24)
        self.weeks = _spin(0, 104, self.tr(" weeks"))
        self.weeks.setSpecialValueText(self.tr("none"))  # a review week, not an end: the exercises go on
        self.weeks.setMaximumWidth(200)
        self.reminders = QLineEdit()
        self.reminders.setPlaceholderText(self.tr("e.g. 09:00, 19:00"))
        self.reminders.setAccessibleName(self.tr("Reminder times"))
        self.per_day_low.setAccessibleName(self.tr("Sessions a day, from"))  # for a screen reader
        self.per_day_high.setAccessibleName(self.tr("Sessions a day, up to"))
        per_day = QWidget()
        line = QHBoxLayout(per_day)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.per_day_low)
        line.addWidget(QLabel(self.tr("to")))
        line.addWidget(self.per_day_high)
        line.addStretch(1)
        self.phase_box = QWidget()
        self.phase_lines = QVBoxLayout(self.phase_box)
        self.phase_lines.setContentsMargins(0, 0, 0, 0)
        self.phase_boxes: dict[str, QCheckBox] = {}
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Sessions a day"), per_day)
        form.addRow(self.tr("Review after"), self.weeks)
        form.addRow(self.tr("Reminders"), self.reminders)
        self.phases_label = QLabel(self.tr("Phases"))
        form.addRow(self.phases_label, self.phase_box)
        self._form = form
        for box in (self.per_day_low, self.per_day_high, self.weeks):
            box.valueChanged.connect(lambda _: self._frequency())
        # Checked as typed once each time is whole, so a time half typed ("19:0") does not flash up as
        # a problem at every key; Enter, Tab or a click elsewhere checks what is there.
        self.reminders.textEdited.connect(self._reminders_typed)
        self.reminders.editingFinished.connect(self._reminders_left)
        self._times: list[str] = []  # as the document has them

    def _reminders_typed(self, text: str) -> None:
        if typed_whole(text):
            self._reminders(typed_times(text))

    def _reminders_left(self) -> None:
        self._reminders(typed_times(self.reminders.text()))

    def _reminders(self, times: list[str]) -> None:
        if times != self._times and not self._quiet:
            self._times = times
            self.reminders_changed.emit(times)

    def _frequency(self) -> None:
        if not self._quiet:
            weeks = self.weeks.value() or None
            self.frequency_changed.emit(self.per_day_low.value(), self.per_day_high.value(), weeks)

    def _phase(self, phase_id: str, on: bool) -> None:
        if not self._quiet:
            self.phase_toggled.emit(phase_id, on)

    def show_document(self, document: ProgrammeDocument) -> None:
        """Fill the form from the document."""
        self._quiet = True
        try:
            (low, high), weeks, reminders = document.frequency()
            _set(self.per_day_low, low)
            _set(self.per_day_high, high)
            _set(self.weeks, weeks or 0)
            self._times = list(reminders)
            if typed_times(self.reminders.text()) != reminders:
                self.reminders.setText(", ".join(reminders))
            self._show_phases(document)
        finally:
            self._quiet = False

    def _show_phases(self, document: ProgrammeDocument) -> None:
        phases = document.phases()
        if [p[0] for p in phases] != list(self.phase_boxes):
            for box in self.phase_boxes.values():
                box.deleteLater()
            self.phase_boxes = {}
            for phase_id, title, _ in phases:
                box = QCheckBox(title.get(self.lang))
                box.toggled.connect(lambda on, p=phase_id: self._phase(p, on))
                self.phase_lines.addWidget(box)
                self.phase_boxes[phase_id] = box
        for phase_id, _, enabled in phases:
            self.phase_boxes[phase_id].setChecked(enabled)
        self._form.setRowVisible(self.phase_box, bool(phases))
