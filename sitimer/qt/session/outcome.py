"""How the complaints go, in the patient's own words: the GPE (one tap of seven) and the PSK.

The PSK (patiëntspecifieke klachtenlijst) has the patient name up to three activities that the
complaints make hard, at the start, and score each from 0 (no trouble) to 10 (impossible); at the
check-ins the same activities are scored again. The wording is the scales' own
(:mod:`sitimer.core.history.scales`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from sitimer.core.history import scales
from sitimer.qt.session.questions import QuestionPage
from sitimer.qt.session.rating import ScaleRow


def tr(text: str) -> str:
    """Translate the PSK page's words (context "Outcome" in the .ts file)."""
    return QCoreApplication.translate("Outcome", text)


class GpeChoice(QWidget):
    """The global perceived effect: the question and seven answers, one tap."""

    chosen = Signal(int)  # 1 (completely recovered) to 7 (worse than ever)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.question = QLabel(scales.GPE_QUESTION.get(lang))
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        column.addWidget(self.question)
        self.buttons: list[QPushButton] = []
        for value, label in enumerate(scales.GPE_LABELS, start=1):
            button = QPushButton(label.get(lang))
            button.setAutoDefault(True)
            button.setObjectName("gpe")
            button.clicked.connect(lambda _checked=False, value=value: self.chosen.emit(value))
            self.buttons.append(button)
            column.addWidget(button)


class PskView(QuestionPage):
    """Up to three activities, named (the first time) or as named before, each scored 0 to 10."""

    given = Signal(object)  # ((activity, score), ...): the rows with a name and a score
    question = "ask_activities"

    def __init__(self, names: tuple[str, ...], lang: str, parent: QWidget | None = None) -> None:
        super().__init__("PskView", lang, parent)
        self.title.setText(tr("Activities that are hard for you"))
        self.intro.setText(
            tr(
                "Name up to three everyday activities the complaints make hard (putting on socks, say), "
                "and score each."
            )
            if not names
            else tr("The activities you named before: how hard are they now?")
        )
        question = QLabel(scales.PSK_QUESTION.get(lang))
        question.setWordWrap(True)
        self.body.addWidget(question)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        self.names: list[QLineEdit | QLabel] = []
        self.scores: list[ScaleRow] = []
        for row in range(len(names) if names else scales.PSK_MAX_ITEMS):
            name: QLineEdit | QLabel
            if names:
                name = QLabel(names[row])
                name.setWordWrap(True)
            else:
                name = QLineEdit()
                name.setPlaceholderText(tr("Activity {0}").format(row + 1))
                name.setAccessibleName(name.placeholderText())
                name.textChanged.connect(self._changed)
            name.setMinimumWidth(260)
            score = ScaleRow(names[row] if names else tr("Activity {0}").format(row + 1), {}, lang=lang)
            if isinstance(name, QLineEdit):  # its buttons named by the activity typed
                name.textChanged.connect(
                    lambda text, s=score, n=row + 1: s.rename(text.strip() or tr("Activity {0}").format(n))
                )
            score.chosen.connect(self._changed)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignVCenter)  # level with its buttons
            grid.addWidget(score, row, 1)
            self.names.append(name)
            self.scores.append(score)
        self.body.addLayout(grid)
        self.save_button = self.add_save_button(self.save)

    def showEvent(self, event: QShowEvent) -> None:
        """The first activity's name can be typed at once; no score is marked before one is given."""
        super().showEvent(event)
        first = self.names[0]
        (first if isinstance(first, QLineEdit) else self).setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """By keyboard as the other questions: in a name, Enter goes to its scores; a digit (T for
        10) scores the row that has the keyboard (else the first not yet scored) and goes on to the
        next row; Enter saves once it can."""
        key = event.key()
        here = next((i for i, row in enumerate(self.scores) if row.isAncestorOf(self.focusWidget())), None)
        named = next((i for i, name in enumerate(self.names) if name.hasFocus()), None)
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        digit = Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or key == Qt.Key.Key_T
        if here is None and named is None and digit:
            here = next((i for i, row in enumerate(self.scores) if row.value is None), None)
        if (
            enter
            and named is not None
            and not self.names[named].text().strip()
            and self.save_button.isEnabled()
        ):
            self.save()  # an empty name: nothing more to score
        elif enter and named is not None:
            self._to_scores(named)
        elif digit and here is not None:
            self.scores[here].pick(10 if key == Qt.Key.Key_T else key - Qt.Key.Key_0)
            following = here + 1
            if following >= len(self.names):
                self.save_button.setFocus()
            elif isinstance(self.names[following], QLineEdit):
                self.names[following].setFocus()
            else:
                self._to_scores(following)
        elif enter and here is not None and self.save_button.isEnabled():
            self.save()
        else:
            super().keyPressEvent(event)

    def _to_scores(self, row: int) -> None:
        scores = self.scores[row]
        scores.button(scores.value if scores.value is not None else 0).setFocus()

    def items(self) -> tuple[tuple[str, int], ...]:
        """The activities named and scored so far."""
        found = []
        for name, score in zip(self.names, self.scores, strict=True):
            if name.text().strip() and score.value is not None:
                found.append((name.text().strip(), int(score.value)))
        return tuple(found)

    def _changed(self, _value: object = None) -> None:
        names = [name for name, _ in self.items()]
        self.save_button.setEnabled(bool(names) and len(set(names)) == len(names))

    def save(self) -> None:
        """Keep the scored activities and go on."""
        items = self.items()
        if items:
            self.given.emit(items)
            self.finished.emit()
