"""The therapist's page of the kiosk, behind the PIN: codes and their programmes, idle time, exports, exit.

Every change is handed on at once (``changed``) for the kiosk to save; the page
keeps no state the config does not hold, apart from a code just added that has
no programme yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QLocale, QRegularExpression, Qt, Signal
from PySide6.QtGui import QMouseEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.kiosk.config import CODE_MAX, CODE_MIN, KioskConfig, drawn_code, short_codes, valid_code

REF_ROLE = Qt.ItemDataRole.UserRole
IDLE_STEPS_MIN = (0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 45, 60, 90, 120)


@dataclass(frozen=True)
class Choice:
    """A programme the therapist can give a code: how the config names it, and its title."""

    ref: str
    title: str


class _Title(QLabel):
    """A programme's title next to its check box; a tap on it ticks the box too."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.box.toggle()
        event.accept()


class ChoiceList(QScrollArea):
    """Programmes to tick: a big check box and a title that wraps, one row each.

    (Not a QListWidget: with a styled, larger check box its items are measured for the
    small one, so a title that nearly fits is cut off.)
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choices")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.boxes: dict[str, QCheckBox] = {}
        content = QWidget(self)
        self._rows = QVBoxLayout(content)
        self._rows.setSpacing(10)
        self.setWidget(content)

    def fill(self, choices: list[Choice], ticked: Iterable[str]) -> None:
        """Show ``choices``, those in ``ticked`` ticked, without telling ``changed``."""
        while (item := self._rows.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.boxes = {}
        chosen = set(ticked)
        for choice in choices:
            row = QWidget(self.widget())
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            box = QCheckBox(row)
            box.setAccessibleName(choice.title)
            box.setToolTip(choice.ref)
            box.setChecked(choice.ref in chosen)
            box.toggled.connect(lambda _on: self.changed.emit())
            title = _Title(choice.title, box, row)
            title.setToolTip(choice.ref)
            line.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(title, 1)
            self._rows.addWidget(row)
            self.boxes[choice.ref] = box
        self._rows.addStretch(1)

    def ticked(self) -> list[str]:
        """The programmes ticked, in the order shown."""
        return [ref for ref, box in self.boxes.items() if box.isChecked()]


class TherapistPage(QWidget):
    """Assign programmes to patient codes, set the idle time, export a code's history, lock or exit."""

    changed = Signal(object)  # the new KioskConfig, to be saved
    export = Signal(str, str)  # code, "pdf" or "csv"
    lock = Signal()
    exit = Signal()

    def __init__(
        self,
        config: KioskConfig,
        choices: list[Choice],
        parent: QWidget | None = None,
        *,
        title_of: Callable[[str], str] = str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.config = config
        self.choices = choices
        self.title_of = title_of  # a programme given by path: its title (it was listed by file name)
        self._pending: set[str] = set()  # codes added here that have no programme yet
        self._extra: list[str] = []  # programmes given by path (the command line): offered to every code
        self._build()
        self._fill_codes()
        if short := short_codes(config.codes):
            # an older kiosk's codes: they still open, but are easy to guess
            if len(short) == 1:
                renew = self.tr(
                    "Code {0} is shorter than {1} digits and easy to guess: give this patient a new code."
                )
            else:
                renew = self.tr(
                    "Codes {0} are shorter than {1} digits and easy to guess: give them new codes."
                )
            self._note_code(renew.format(", ".join(short), CODE_MIN))

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        top = self._build_top()
        codes_below = self._build_codes()
        self.programmes_caption = _caption(self.tr("Programmes"), self)
        self.programmes = ChoiceList(self)
        self.programmes.setAccessibleName(self.tr("Programmes of the selected code"))
        self.programmes.changed.connect(self._programmes_changed)
        kiosk = self._build_kiosk()

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(_caption(self.tr("Patient codes"), self), 0, 0)
        grid.addWidget(self.codes, 1, 0)
        grid.addLayout(codes_below, 2, 0)
        grid.addWidget(self.programmes_caption, 0, 1)
        grid.addWidget(self.programmes, 1, 1, 2, 1)
        grid.addLayout(kiosk, 1, 2, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(1, 1)
        root = QVBoxLayout(self)
        root.setContentsMargins(36, 24, 36, 24)
        root.setSpacing(16)
        root.addLayout(top)
        self.lock_note = QLabel(self)  # where the desktop does not let the kiosk hold the front
        self.lock_note.setObjectName("lock_note")
        self.lock_note.setWordWrap(True)
        self.lock_note.hide()
        root.addWidget(self.lock_note)
        root.addLayout(grid, 1)
        root.addWidget(self.practice)

    def _build_top(self) -> QHBoxLayout:
        """The title, with Lock and Exit."""
        title = QLabel(self.tr("Therapist"), self)
        title.setObjectName("title")
        self.lock_button = QPushButton(self.tr("&Lock"), self)
        self.lock_button.setAccessibleName(self.tr("Lock: back to the start screen"))
        self.lock_button.clicked.connect(self.lock)
        self.exit_button = QPushButton(self.tr("&Exit kiosk"), self)
        self.exit_button.clicked.connect(self.exit)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.lock_button)
        top.addWidget(self.exit_button)
        return top

    def _build_codes(self) -> QVBoxLayout:
        """The list of codes; below it, the new code's field with Add and Remove (returned)."""
        self.codes = QListWidget(self)
        self.codes.setAccessibleName(self.tr("Patient codes"))
        self.codes.currentItemChanged.connect(lambda *_: self._show_code())
        self.new_code = QLineEdit(self)
        self.new_code.setObjectName("field")
        self.new_code.setPlaceholderText(self.tr("New code"))
        self.new_code.setAccessibleName(self.tr("New code ({0}–{1} digits)").format(CODE_MIN, CODE_MAX))
        digits = QRegularExpression(f"[0-9]{{0,{CODE_MAX}}}")
        self.new_code.setValidator(QRegularExpressionValidator(digits, self.new_code))  # dies with its field
        self.new_code.returnPressed.connect(self.add_code)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.add_code)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected code"))
        self.remove_button.clicked.connect(self.remove_code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button, 1)
        buttons.addWidget(self.remove_button, 1)
        self.code_note = QLabel(self)  # what became of the code typed, under its field
        self.code_note.setProperty("secondary", True)
        self.code_note.setWordWrap(True)
        self.code_note.hide()  # no room taken until there is something to say
        codes_below = QVBoxLayout()
        codes_below.addWidget(self.new_code)
        codes_below.addLayout(buttons)
        codes_below.addWidget(self.code_note)
        return codes_below

    def _build_idle(self) -> QHBoxLayout:
        """The idle time between − and + buttons."""
        # A label between big − and + buttons: a spin box without its arrows draws no text
        # once styled (seen with Qt 6.8-6.11), and its arrows are too small for a finger.
        self.idle = QLabel(self)
        self.idle.setObjectName("value")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        less, more = QPushButton("−", self), QPushButton("+", self)
        less.setAccessibleName(self.tr("Less idle time"))
        more.setAccessibleName(self.tr("More idle time"))
        less.clicked.connect(lambda: self.step_idle(-1))
        more.clicked.connect(lambda: self.step_idle(+1))
        self._show_idle()
        idle_row = QHBoxLayout()
        idle_row.addWidget(less)
        idle_row.addWidget(self.idle, 1)
        idle_row.addWidget(more)
        return idle_row

    def _build_kiosk(self) -> QVBoxLayout:
        """The kiosk's column: idle time, exports, the station loop, the exports' status line."""
        idle_row = self._build_idle()
        self.export_caption = _caption(self.tr("Export"), self)
        self.pdf_button = QPushButton(self.tr("Report (PDF)…"), self)
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        self.csv_button = QPushButton(self.tr("History (CSV)…"), self)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.status = QLabel(self)
        self.status.setProperty("secondary", True)
        self.status.setWordWrap(True)
        self.practice = QLabel(self)  # what is not on the practice's server yet (when there is one)
        self.practice.setProperty("secondary", True)
        self.practice.setWordWrap(True)
        self.practice.hide()
        kiosk = QVBoxLayout()
        kiosk.addWidget(_caption(self.tr("Back to the start screen after"), self))
        kiosk.addLayout(idle_row)
        kiosk.addSpacing(16)
        kiosk.addWidget(self.export_caption)
        kiosk.addWidget(self.pdf_button)
        kiosk.addWidget(self.csv_button)
        if self.config.station:
            station = QLabel(self.tr("Station loop: {0}").format(self.config.station), self)
            station.setProperty("secondary", True)
            station.setWordWrap(True)
            kiosk.addSpacing(16)
            kiosk.addWidget(station)
        kiosk.addWidget(self.status)
        kiosk.addStretch(1)
        return kiosk

    def warn_lock_weak(self) -> None:
        """Say that this desktop (Wayland) lets a window that opens over the kiosk stay there."""
        self.lock_note.setText(
            self.tr(
                "On this desktop (Wayland) the kiosk cannot bring itself back in front: a window "
                "that opens over it stays there. For a locked kiosk, log in to the sitimer kiosk "
                "session (see the therapist guide)."
            )
        )
        self.lock_note.show()

    def show_practice(self, text: str, detail: str = "") -> None:
        """What this kiosk has not sent to the practice's server yet, and why (``detail``: the
        server's own words, as the tooltip)."""
        self.practice.setText(text)
        self.practice.setToolTip(detail)
        self.practice.setVisible(bool(text))

    # -- codes -------------------------------------------------------------------------------
    def _fill_codes(self, select: str | None = None) -> None:
        keep = select or self.selected_code()
        self.codes.blockSignals(True)
        self.codes.clear()
        for code in sorted({*self.config.codes, *self._pending}):
            count = len(self.config.codes.get(code, ()))
            many = self.tr("{0}  ·  1 programme") if count == 1 else self.tr("{0}  ·  {1} programmes")
            item = QListWidgetItem(many.format(code, count))
            item.setData(REF_ROLE, code)
            self.codes.addItem(item)
            if code == keep:
                self.codes.setCurrentItem(item)
        if self.codes.currentItem() is None and self.codes.count():
            self.codes.setCurrentRow(0)
        self.codes.blockSignals(False)
        self._show_code()

    def selected_code(self) -> str | None:
        """The code whose programmes are shown, if any."""
        item = self.codes.currentItem()
        return str(item.data(REF_ROLE)) if item is not None else None

    def add_code(self) -> None:
        """Add the typed code, or with none typed one drawn at random (it is kept once it has a
        programme): a kiosk on a touch screen has no keyboard to type one with."""
        typed = self.new_code.text().strip()
        code = typed or drawn_code({*self.config.codes, *self._pending})
        if not valid_code(code):
            self._note_code(self.tr("A code is {0} to {1} digits.").format(CODE_MIN, CODE_MAX))
            return
        if code not in self.config.codes:
            self._pending.add(code)
        self.new_code.clear()
        if typed:
            self._note_code(self.tr("Now tick the programmes for code {0}.").format(code))
        else:
            self._note_code(self.tr("Code {0} drawn for the patient: now tick its programmes.").format(code))
        self._fill_codes(select=code)

    def _note_code(self, text: str) -> None:
        self.code_note.setText(text)
        self.code_note.setVisible(bool(text))

    def remove_code(self) -> None:
        """Remove the selected code and its programmes (its history stays in the store)."""
        code = self.selected_code()
        if code is None:
            return
        asked = self.tr("Remove code {0} and its programmes? Its history is kept.").format(code)
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        if QMessageBox.question(self, self.tr("Remove"), asked, yes | no, no) != yes:
            return  # a slip of the finger: one tap no longer removes a patient's code
        self._pending.discard(code)
        self._set(self.config.assign(code, []))
        self._note_code(self.tr("Code {0} removed; its history is kept.").format(code))
        self._fill_codes()

    # -- a code's programmes -----------------------------------------------------------------
    def _show_code(self) -> None:
        code = self.selected_code()
        for widget in (self.programmes, self.remove_button, self.pdf_button, self.csv_button):
            widget.setEnabled(code is not None)
        if code is None:
            self.programmes.fill([], ())
            self.programmes_caption.setText(self.tr("Programmes"))
            self.export_caption.setText(self.tr("Export"))
            return
        self.programmes_caption.setText(self.tr("Programmes of code {0}").format(code))
        self.export_caption.setText(self.tr("Export for code {0}").format(code))
        assigned = self.config.codes.get(code, ())
        known = {c.ref for c in self.choices}
        # given by path with the command line: kept in the list once seen, so one untick can be ticked
        # back, and offered to the other codes too (it went from the list at the untick)
        for refs in self.config.codes.values():
            self._extra += [ref for ref in refs if ref not in known and ref not in self._extra]
        self.programmes.fill(
            [*self.choices, *(Choice(ref, self.title_of(ref)) for ref in self._extra)], assigned
        )

    def _programmes_changed(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        refs = self.programmes.ticked()
        if refs:
            self._pending.discard(code)
        else:
            self._pending.add(code)  # stays in the list, to tick again
        self._set(self.config.assign(code, refs))
        self._fill_codes(select=code)

    # -- the kiosk ---------------------------------------------------------------------------
    def step_idle(self, direction: int) -> None:
        """The next idle time up (+1) or down (-1) of IDLE_STEPS_MIN."""
        now = self.config.idle_minutes
        steps = [m for m in IDLE_STEPS_MIN if (m > now if direction > 0 else m < now)]
        if steps:
            self._set(replace(self.config, idle_minutes=min(steps) if direction > 0 else max(steps)))
            self._show_idle()

    def _show_idle(self) -> None:
        minutes = self.config.idle_minutes
        self.idle.setText(self.tr("{0} min").format(QLocale().toString(float(minutes), "g", 6)))
        self.idle.setAccessibleName(
            (
                self.tr("Back to the start screen after 1 minute idle")
                if minutes == 1
                else self.tr("Back to the start screen after {0} minutes idle")
            ).format(f"{minutes:g}")
        )

    def _export(self, kind: str) -> None:
        code = self.selected_code()
        if code is not None:
            self.export.emit(code, kind)

    def _set(self, config: KioskConfig) -> None:
        self.config = config
        self.changed.emit(config)

    def take_config(self, config: KioskConfig) -> None:
        """The kiosk's set-up as saved (what the command line wrote meanwhile, with this page's
        changes on top): shown, so the next change starts from it."""
        self.config = config
        self._fill_codes()


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("subtitle")
    label.setFrameShape(QFrame.Shape.NoFrame)
    label.setWordWrap(True)  # a long Dutch caption takes two lines instead of losing its end
    return label
