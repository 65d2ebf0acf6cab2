"""After the session: pain now (NRS 0-10) and effort (Borg CR10), in two taps.

Both rows are big buttons. The second tap saves at once; a note can still be
typed and is saved when it is left or with "Done". The thanks come only then,
never while the patient is still choosing or typing. Digits 0-9 pick on the
focused row (T for ten), arrows move, Enter confirms, Esc skips. Nothing is
required.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sitimer.qt.common import style


def tr(text: str) -> str:
    """Translate the scales' anchors (context "RatingView" in the .ts file)."""
    return QCoreApplication.translate("RatingView", text)


def borg_anchors() -> dict[int, str]:
    """Borg CR10 anchors (Borg 1998), shown under their numbers."""
    return {
        0: tr("nothing"),
        1: tr("very light"),
        2: tr("light"),
        3: tr("moderate"),
        5: tr("hard"),
        7: tr("very hard"),
        10: tr("maximal"),
    }


def pain_anchors() -> dict[int, str]:
    """The ends of the pain scale (NRS 0-10)."""
    return {0: tr("no pain"), 10: tr("worst pain")}


class ScaleRow(QWidget):
    """Eleven big buttons, 0 to 10, with word anchors under some of them."""

    chosen = Signal(int)

    def __init__(self, name: str, anchors: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value: int | None = None
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        labels = QHBoxLayout()
        labels.setSpacing(8)
        for n in range(11):
            button = QPushButton(str(n))
            button.setCheckable(True)
            button.setAccessibleName(f"{name} {n}" + (f", {anchors[n]}" if n in anchors else ""))
            button.setMinimumSize(64, 64)
            self.group.addButton(button, n)
            buttons.addWidget(button)
            anchor = QLabel(anchors.get(n, ""))
            anchor.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            anchor.setWordWrap(True)
            anchor.setProperty("secondary", True)
            anchor.setMinimumWidth(64)
            labels.addWidget(anchor)
        self.group.idClicked.connect(self._pick)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addLayout(labels)

    def _pick(self, value: int) -> None:
        self.value = value
        self.chosen.emit(value)

    def pick(self, value: int) -> None:
        """Choose ``value`` as if its button was tapped."""
        button = self.group.button(value)
        button.setChecked(True)
        button.setFocus()
        self._pick(value)

    def focus_value(self) -> int:
        """The value whose button has focus, or the chosen one, or 0."""
        for n in range(11):
            if self.group.button(n).hasFocus():
                return n
        return self.value if self.value is not None else 0


class RatingView(QWidget):
    """Pain and effort after a session (or pain alone, before one)."""

    rated = Signal(object, object, str)  # pain, effort (int or None), note
    finished = Signal()  # the patient is done here: saved or skipped

    def __init__(self, *, before: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RatingView")
        self.before = before
        self.setStyleSheet(_stylesheet())
        title = QLabel(self.tr("Pain before you start") if before else self.tr("How did it go?"))
        title.setObjectName("title")
        pain, effort = self.tr("Pain now"), self.tr("How hard was it?")
        self.pain = ScaleRow(pain, pain_anchors())
        self.effort = ScaleRow(effort, borg_anchors())
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
        self.pain.chosen.connect(self._pain_chosen)
        self.effort.chosen.connect(self._effort_chosen)
        self._saved_text = self.tr("Saved. Thank you!")
        self._left = False  # done or skipped: nothing more is saved from here

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(_heading(pain + " (0–10)"))
        layout.addWidget(self.pain)
        if not before:
            layout.addWidget(_heading(effort + " (Borg CR10)"))
            layout.addWidget(self.effort)
            layout.addWidget(self.note)
        layout.addWidget(self.saved)
        layout.addStretch(1)
        hint = QLabel(self.tr("Digits 0–9 (T = 10) · arrows · Enter · Esc skips"))
        hint.setProperty("secondary", True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.skip_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self.effort.setEnabled(not before)
        self.setTabOrder(self.pain, self.effort)

    def showEvent(self, event: object) -> None:
        """Focus the first row so digits work at once."""
        self.pain.group.button(5).setFocus()

    def _pain_chosen(self, _value: int) -> None:
        if self.before:
            self.done()
            return
        self.effort.group.button(self.effort.value if self.effort.value is not None else 3).setFocus()
        self._save_if_both()

    def _effort_chosen(self, _value: int) -> None:
        self._save_if_both()
        self.note.setFocus()

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
        """Digits pick on the focused row; Enter confirms; Esc skips."""
        if not self.isVisible():  # left already: Enter in the note (returnPressed) finished it
            return
        key = event.key()
        row = self.effort if self.effort.isAncestorOf(self.focusWidget()) else self.pain
        if self.note.hasFocus() and key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            super().keyPressEvent(event)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            row.pick(key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_T:
            row.pick(10)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            row.group.button(min(10, max(0, row.focus_value() + step))).setFocus()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.note.hasFocus() or self.focusWidget() is self.done_button:
                self.done()
            else:
                row.pick(row.focus_value())
        elif key == Qt.Key.Key_Escape:
            self.skip()
        else:
            super().keyPressEvent(event)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


def _stylesheet() -> str:
    return f"""
RatingView {{ background: {style.BACKGROUND}; }}
RatingView QLabel {{ color: {style.TEXT}; font-size: 16px; }}
RatingView QLabel#title {{ font-size: 34px; font-weight: bold; }}
RatingView QLabel#heading {{ font-size: 22px; margin-top: 10px; }}
RatingView QLabel#saved {{ color: {style.OKABE_ITO["bluish_green"]}; font-size: 20px; }}
RatingView QLabel[secondary="true"] {{ color: {style.TEXT_MUTED}; font-size: 16px; }}
RatingView QPushButton {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 10px; font-size: 24px; padding: 8px 18px;
}}
RatingView QPushButton:checked {{ background: {style.OKABE_ITO["sky_blue"]}; color: #000000; }}
RatingView QPushButton:focus {{ border: 3px solid {style.FOCUS}; }}
RatingView QPushButton#primary {{ background: {style.OKABE_ITO["bluish_green"]}; color: #000000; }}
RatingView QLineEdit {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 8px; font-size: 20px; padding: 10px;
}}
RatingView QLineEdit:focus {{ border: 3px solid {style.FOCUS}; }}
"""
