"""After the session: pain now (NRS 0-10) and effort (Borg CR10 in half steps), in two taps.

Both rows are big buttons, the effort's with Borg's verbal anchors
(:data:`sitimer.core.history.scales.BORG_ANCHORS`, in the patient's language) under them, and
above them where two neighbours' would run together. The second tap saves at once; a note can
still be typed and is saved when it is left or with "Done". The thanks come only then, never
while the patient is still choosing or typing. Digits 0-9 pick on the focused row (T for ten),
arrows move (over the half steps too), Enter confirms, Esc skips. Nothing is required.

Before a session only the pain is asked. A tap or a digit marks the answer and gives "Start"
the keyboard, so a slip is put right with another digit and Enter then starts.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.history import scales
from sitimer.qt.common import style
from sitimer.qt.common.scroll import scrolling
from sitimer.qt.session.view_parts import PEDAL_KEYS

# Borg CR10 in half steps; whole numbers as ints, so "4" is 4 and "4½" is 4.5
TEN_S = 1.0  # "1" then "0" within this many seconds is ten, as a patient types it
now = time.monotonic  # the clock the two keys are timed on (a test sets its own)
EFFORT_VALUES = tuple(int(v) if v.is_integer() else v for v in scales.EFFORT_STEPS)


def tr(text: str) -> str:
    """Translate the pain scale's ends (context "RatingView" in the .ts file)."""
    return QCoreApplication.translate("RatingView", text)


def pain_anchors() -> dict[float, str]:
    """The ends of the pain scale (NRS 0-10)."""
    return {0: tr("no pain"), 10: tr("worst pain")}


def borg_anchors(lang: str) -> dict[float, str]:
    """Borg CR10's verbal anchors (Borg 1998) in ``lang``, by the value they stand beside."""
    return {value: label.get(lang) for value, label in scales.BORG_ANCHORS.items()}


def number(value: float, lang: str) -> str:
    """A scale value as the patient reads it: 4, 4,5 in Dutch, 4.5 in English."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def _spoken_anchor(anchor: str) -> str:
    """An anchor after a number in a sentence: "1, heel licht"."""
    return anchor[:1].lower() + anchor[1:]


class ScaleRow(QWidget):
    """A row of big buttons, one per value of the scale, with word anchors under some of them.

    Whole numbers have their own button id (0 to 10), so ``group.button(4)`` is "4"; a half step
    (Borg CR10 has them) is a narrower "½" button after its whole number.
    """

    chosen = Signal(object)  # the value: an int, or a float for a half step

    def __init__(
        self,
        name: str,
        anchors: dict[float, str],
        values: tuple[float, ...] = tuple(range(11)),
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.value: float | None = None
        self.values = values
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self._by_id: dict[int, float] = {}
        self._buttons: dict[float, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(5)
        self._anchors, self._lang = anchors, lang
        for column, value in enumerate(values):
            whole = float(value).is_integer()
            button = QPushButton(str(int(value)) if whole else "½")
            button.setCheckable(True)
            # narrow enough that Borg's 21 buttons fit a 1366-pixel screen at 150 % (911 logical
            # pixels) and a 1024-pixel one at 100 %; they grow with the window
            button.setMinimumSize(40 if whole else 26, 56)
            button.setObjectName("whole" if whole else "half")
            button_id = int(value) if whole else len(values) + column
            self._by_id[button_id] = value
            self._buttons[value] = button
            self.group.addButton(button, button_id)
            grid.addWidget(button, 1, column)
            grid.setColumnStretch(column, 3 if whole else 2)
        self.rename(name)
        self._anchor_labels(grid, anchors, lang)
        self.group.idClicked.connect(lambda button_id: self._pick(self._by_id[button_id]))

    def rename(self, name: str) -> None:
        """What a screen reader calls the row's buttons: "Socks on 4" (the activity the patient typed,
        where it was "Activity 1 4"), with the word anchor where the scale has one."""
        for value, button in self._buttons.items():
            spoken = f"{name} {number(value, self._lang)}"
            if value in self._anchors:
                spoken += ", " + _spoken_anchor(self._anchors[value])
            button.setAccessibleName(spoken)
            button.setToolTip(spoken)

    def _anchor_labels(self, grid: QGridLayout, anchors: dict[float, str], lang: str) -> None:
        """Whole numbers' anchors centred on them, with the room of the half steps either side; a
        half step's anchor on a line of its own below ("0,5 = …"), as its narrow button has none.

        Anchors go under their buttons, but of two neighbours (Borg's 0 to 5) the second goes above
        them: side by side, "Matig Tamelijk zwaar Zwaar" ran on as one phrase on a 1024-pixel screen.
        """
        last = len(self.values) - 1
        above: set[float] = set()
        spans: dict[float, tuple[int, int]] = {}
        for value in sorted(v for v in anchors if float(v).is_integer()):
            column = self.values.index(value)
            first = column - 1 if column > 0 and not float(self.values[column - 1]).is_integer() else column
            end = column + 1 if column < last and not float(self.values[column + 1]).is_integer() else column
            if value - 1 in anchors and value - 1 not in above:
                above.add(value)
            spans[value] = (first, end)
        below = sorted(value for value in spans if value not in above)
        for value, (first, end) in spans.items():
            label = _anchor(anchors[value])
            if value in above:
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            elif value == self.values[0] or value == self.values[-1]:
                first, end = self._edge_span(value, below, spans)
                edge = Qt.AlignmentFlag.AlignLeft if first == 0 else Qt.AlignmentFlag.AlignRight
                label.setAlignment(edge | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, 0 if value in above else 2, first, 1, end - first + 1)
        for value in (v for v in anchors if not float(v).is_integer()):
            column = self.values.index(value)
            label = _anchor(f"{number(value, lang)} = {anchors[value]}")
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, 3, column, 1, len(self.values) - column)

    def _edge_span(
        self, value: float, below: list[float], spans: dict[float, tuple[int, int]]
    ) -> tuple[int, int]:
        """The columns of the first or the last value's anchor: inwards up to the next anchor under
        the buttons, at most half the row. Over its own column or two, Borg's "Extremely strong
        (maximal)" took three lines and the row more height than a 1280×720 screen has to give."""
        last, middle = len(self.values) - 1, (len(self.values) - 1) // 2
        at = below.index(value)
        if self.values.index(value) == 0:
            limit = spans[below[at + 1]][0] - 1 if at + 1 < len(below) else last
            return 0, min(limit, middle - 1)
        limit = spans[below[at - 1]][1] + 1 if at > 0 else 0
        return max(limit, middle + 1), last

    def button(self, value: float) -> QPushButton:
        """The button of ``value``."""
        return self._buttons[value]

    def _pick(self, value: float) -> None:
        self.value = value
        self.chosen.emit(value)

    def pick(self, value: float) -> None:
        """Choose ``value`` as if its button was tapped."""
        button = self.button(value)
        button.setChecked(True)
        button.setFocus()
        self._pick(value)

    def focus_value(self) -> float:
        """The value whose button has focus, or the chosen one, or 0."""
        for value in self.values:
            if self.button(value).hasFocus():
                return value
        return self.value if self.value is not None else 0

    def step(self, value: float, by: int) -> float:
        """The value ``by`` buttons on from ``value`` (kept on the scale)."""
        index = self.values.index(value) + by
        return self.values[min(len(self.values) - 1, max(0, index))]


class RatingView(QWidget):
    """Pain and effort after a session (or pain alone, before one)."""

    rated = Signal(object, object, str)  # pain (int or None), effort (a half step, or None), note
    finished = Signal()  # the patient is done here: saved or skipped

    def __init__(
        self, *, before: bool = False, lang: str = "en", scale: float = 1.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RatingView")
        self.before = before
        self.setStyleSheet(_stylesheet(scale))  # 1.5× at a 1920×1080 kiosk: 16 px was small there
        title = QLabel(self.tr("Pain before you start") if before else self.tr("How did it go?"))
        title.setObjectName("title")
        pain, effort = self.tr("Pain now"), self.tr("How hard was it?")
        self.pain = ScaleRow(pain, pain_anchors(), lang=lang)
        self.effort = ScaleRow(effort, borg_anchors(lang), EFFORT_VALUES, lang)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("A note for your therapist (optional)"))
        self.note.setAccessibleName(self.note.placeholderText())
        self.saved = QLabel("")
        self.saved.setObjectName("saved")
        self.skip_button = QPushButton(self.tr("Skip"))
        self.done_button = QPushButton(self.tr("Start") if before else self.tr("Done"))
        self.done_button.setObjectName("primary")
        self.skip_button.clicked.connect(self.skip)
        self.done_button.clicked.connect(self.done)
        self.note.returnPressed.connect(self.done)
        self.note.textEdited.connect(lambda _text: self.saved.clear())
        self.note.editingFinished.connect(self._note_left)
        self.note.installEventFilter(self)
        self.pain.chosen.connect(self._pain_chosen)
        self.effort.chosen.connect(self._effort_chosen)
        self._saved_text = self.tr("Saved. Thank you!")
        self._left = False  # done or skipped: nothing more is saved from here
        self._one: tuple[ScaleRow, float] | None = None  # a "1" just typed, and when: "0" next makes it 10

        # Sized for 1280×650 and 1024×600 as well: a laptop's screen less a panel and a title bar. In
        # a window shorter than the page (large text: 1366×768 at 150 % is 911×512), it scrolls: the
        # effort row was squashed there, its "½" over the numbers and its words across the buttons.
        content = QWidget()
        content.setObjectName("content")
        self.scroller = scrolling(content, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        layout = self._layout = QVBoxLayout(content)
        layout.setContentsMargins(48, 28, 48, 24)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(_heading(pain + " (0–10)"))
        layout.addWidget(self.pain)
        if not before:
            layout.addWidget(_heading(effort + " (Borg CR10)"))
            layout.addWidget(self.effort)
            layout.addWidget(self.note)
        layout.addStretch(1)
        hint = QLabel(self.tr("Digits 0–9 (T = 10) · arrows · Enter · Esc skips"))
        hint.setProperty("secondary", True)
        # The page has the keyboard as it comes: a screen reader reads it by these (it read an
        # unnamed "filler", neither the question nor the keys).
        asked = pain if before else f"{pain}; {effort}"
        self.setAccessibleName(title.text())
        self.setAccessibleDescription(f"{asked}. {hint.text()}")
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.saved)  # the thanks beside Done, not a line of its own above the hint
        row.addSpacing(16)
        row.addWidget(self.done_button)
        row.setContentsMargins(48, 0, 48, 24)
        self._buttons_row = row
        outer.addLayout(row)  # below the scrolled part: Skip and Done are always in view
        self.effort.setEnabled(not before)
        self.setTabOrder(self.pain, self.effort)

    def showEvent(self, event: object) -> None:
        """The page has the keyboard, so digits work at once; no answer is marked before the patient
        gives one (a focus ring on 5 reads as a suggested pain)."""
        self.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        side = 48 if self.width() >= 1100 else 16  # a narrow window gives its room to the buttons
        self._layout.setContentsMargins(side, 28 if self.height() >= 600 else 12, side, 8)
        self._buttons_row.setContentsMargins(side, 0, side, 24 if self.height() >= 600 else 12)

    def _pain_chosen(self, _value: float) -> None:
        if self.before:  # Start has the keyboard now: Enter starts, another digit corrects the answer
            self.done_button.setFocus()
            return
        self.effort.button(self.effort.value if self.effort.value is not None else 3).setFocus()
        self._save_if_both()

    def _effort_chosen(self, _value: float) -> None:
        self._save_if_both()
        self.note.setFocus()

    def keep_what_is_given(self) -> None:
        """The page is left unanswered (a kiosk's idle reset): the pain or effort chosen so far is kept
        (a pain tapped before the patient walked away was lost)."""
        if not self.before and (self.pain.value is not None or self.effort.value is not None):
            self.rated.emit(self.pain.value, self.effort.value, self.note.text().strip())

    def _save_if_both(self) -> None:
        self.saved.clear()  # a change is saved, but the patient may not be done yet
        if self.pain.value is not None and self.effort.value is not None:
            self.rated.emit(self.pain.value, self.effort.value, self.note.text().strip())
            self.skip_button.hide()  # nothing left to skip

    def _given(self) -> bool:
        return self.pain.value is not None or self.effort.value is not None or bool(self.note.text().strip())

    def _save_all(self) -> None:
        """Save whatever was given, with the note, and thank the patient for it."""
        if self._given():
            self.rated.emit(self.pain.value, self.effort.value, self.note.text().strip())
            self.saved.setText(self._saved_text)

    def _note_left(self) -> None:
        if not self._left:  # Enter in the note, or the view going away, is not a second save
            self._save_all()

    def done(self) -> None:
        """Save whatever was given (with the note) and leave."""
        self._save_all()
        self._left = True
        self.finished.emit()

    def skip(self) -> None:
        """Leave without answering."""
        self._left = True
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits pick on the focused row; arrows move a button (over the half steps too); Enter
        confirms; Esc skips."""
        if not self.isVisible():  # left already: Enter in the note (returnPressed) finished it
            return
        key = event.key()
        row = self.effort if self.effort.isAncestorOf(self.focusWidget()) else self.pain
        if self.note.hasFocus() and key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            super().keyPressEvent(event)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self._digit(row, key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_T:
            self._one = None
            row.pick(10)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            if row.value is None and not row.isAncestorOf(self.focusWidget()):
                row.button(row.values[0]).setFocus()  # from nothing, the first arrow lands on 0 (was 1)
            else:
                row.button(row.step(row.focus_value(), 1 if key == Qt.Key.Key_Right else -1)).setFocus()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.note.hasFocus() or self.done_button.hasFocus():
                self.done()
            elif row.isAncestorOf(self.focusWidget()):  # the button the arrows went to
                row.pick(row.focus_value())
            elif self.before and not event.isAutoRepeat():
                self.done()  # a pedal's press starts the session, with no pain given
            # else, after the session with nothing chosen: Enter (a pedal's last press) answers nothing
        elif key in PEDAL_KEYS:
            if self.before and not event.isAutoRepeat():
                self.done()  # what a pedal can do here: start (a digit given before it is kept)
        elif key == Qt.Key.Key_Escape:
            self.skip()
        else:
            super().keyPressEvent(event)

    def _digit(self, row: ScaleRow, digit: int) -> None:
        """A digit typed: its answer on ``row``; but "1" then at once "0" is 10 on the row the "1"
        went to (a patient types ten as "10": it gave 1, and 0 on the next row, or in the note)."""
        one, self._one = self._one, None
        if digit == 0 and one is not None and now() - one[1] <= TEN_S:
            one[0].pick(10)
            return
        if digit == 1:
            self._one = (row, now())
        row.pick(digit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the note while it is empty, the arrows still move the effort by half steps: after "4"
        the note has the keyboard, and → makes it 4½ (a note once begun keeps its arrows). After
        the effort's "1", a "0" at once makes it 10 rather than beginning the note."""
        if watched is self.note and isinstance(event, QKeyEvent) and not self.note.text():
            key = event.key()
            one = self._one
            ten = key == Qt.Key.Key_0 and one is not None and now() - one[1] <= TEN_S
            if event.type() is QEvent.Type.KeyPress and ten:
                self._digit(self.effort, 0)
                return True
            if (
                event.type() is QEvent.Type.KeyPress
                and key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
                and (self.effort.value is not None)
            ):
                self.effort.pick(self.effort.step(self.effort.value, 1 if key == Qt.Key.Key_Right else -1))
                return True
        return super().eventFilter(watched, event)


def _anchor(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    label.setWordWrap(True)
    label.setProperty("secondary", True)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


def _stylesheet(scale: float = 1.0) -> str:
    def px(value: float) -> str:
        return f"{round(value * scale)}px"

    return f"""
RatingView, RatingView QScrollArea, RatingView QWidget#content {{ background: {style.BACKGROUND}; }}
RatingView QLabel {{ color: {style.TEXT}; font-size: {px(16)}; }}
RatingView QLabel#title {{ font-size: {px(34)}; font-weight: bold; }}
RatingView QLabel#heading {{ font-size: {px(22)}; margin-top: {px(10)}; }}
RatingView QLabel#saved {{ color: {style.OKABE_ITO["bluish_green"]}; font-size: {px(20)}; }}
RatingView QLabel[secondary="true"] {{ color: {style.TEXT_MUTED}; font-size: {px(16)}; }}
RatingView QPushButton {{
    color: {style.TEXT}; background: {style.SURFACE}; border: {px(2)} solid {style.BORDER};
    border-radius: {px(10)}; font-size: {px(24)}; padding: {px(8)} {px(18)};
}}
RatingView QPushButton#whole {{ padding: {px(8)} {px(2)}; }}
RatingView QPushButton#half {{ padding: {px(4)} {px(0)}; font-size: {px(22)}; }}
RatingView QPushButton:checked {{ background: {style.OKABE_ITO["sky_blue"]}; color: #000000; }}
RatingView QPushButton:focus {{ border: {px(3)} solid {style.FOCUS}; }}
RatingView QPushButton#primary {{ background: {style.OKABE_ITO["bluish_green"]}; color: #000000; }}
RatingView QLineEdit {{
    color: {style.TEXT}; background: {style.SURFACE}; border: {px(2)} solid {style.BORDER};
    border-radius: {px(8)}; font-size: {px(20)}; padding: {px(10)};
}}
RatingView QLineEdit:focus {{ border: {px(3)} solid {style.FOCUS}; }}
"""
