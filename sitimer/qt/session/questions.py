"""The patient's own reports apart from pain and effort: why a session was missed, and the weekly EARS.

Both are one page each, big buttons on the dark background, and skippable: nothing is required.
The wording of the answers is the scales' own (:mod:`sitimer.core.history.scales`), in the
patient's language; the session flow decides when they are asked
(:mod:`sitimer.core.reminders.questions`) and stores the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.history import scales
from sitimer.qt.common import style
from sitimer.qt.common.scroll import scrolling


def tr(text: str) -> str:
    """Translate the questions' own words (context "Questions" in the .ts file)."""
    return QCoreApplication.translate("Questions", text)


class QuestionPage(QWidget):
    """A page with a title, a line under it, the question's own rows, and Skip (Esc) at the bottom."""

    finished = Signal()  # answered or skipped: the flow goes on
    question = ""  # what the voice says as the page comes after a session (phrases.QUESTIONS)

    def __init__(self, name: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(stylesheet(name))
        self.lang = lang
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setProperty("secondary", True)
        self.intro.setWordWrap(True)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.skip_button = QPushButton(tr("Skip"))
        self.skip_button.setAutoDefault(False)  # Enter never skips by accident; Esc does on purpose
        self.skip_button.clicked.connect(self.finished)
        self._save: QPushButton | None = None
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.skip_button)
        self.buttons.addStretch(1)
        # The question scrolls in a window too small for it (large text: 1366×768 at 150 % is 911×512,
        # and the weekly questions' dialog was taller than the screen, Save below its edge); Skip
        # and Save stay in sight under it.
        content = QWidget()
        content.setObjectName("content")
        self.scroller = scrolling(content)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.intro)
        inner.addLayout(self.body)
        inner.addStretch(1)
        self.column = QVBoxLayout(self)  # inside another page (the check-in), its margins go
        self.column.setContentsMargins(48, 32, 48, 28)
        self.column.setSpacing(12)
        self.column.addWidget(self.scroller, 1)
        self.column.addLayout(self.buttons)

    def add_save_button(self, save: Callable[[], None]) -> QPushButton:
        """Save at the bottom right, off until the answers are complete."""
        button = QPushButton(tr("Save"))
        button.setObjectName("primary")
        button.setAutoDefault(True)  # Enter on it saves, in the window as in a dialog
        button.setEnabled(False)
        button.clicked.connect(save)
        self.buttons.addWidget(button)
        self._save = button
        return button

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard on the page, so no answer looks suggested; Tab goes through the answers first.

        Skip stands below the answers, so it comes after them in the Tab order (and before Save,
        to its right)."""
        super().showEvent(event)
        answers = []
        widget = self.skip_button.nextInFocusChain()
        while widget is not None and widget is not self.skip_button and self.isAncestorOf(widget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget is not self._save:
                answers.append(widget)
            widget = widget.nextInFocusChain()
        if answers:
            QWidget.setTabOrder(answers[-1], self.skip_button)
        if self.focusWidget() is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc skips."""
        if event.key() == Qt.Key.Key_Escape:
            self.finished.emit()
            return
        super().keyPressEvent(event)


class MissedReasonView(QuestionPage):
    """Yesterday fell short of the prescribed sessions: why? One tap, or skipped."""

    chosen = Signal(str)  # a key of scales.MISSED_REASONS
    question = "ask_missed"

    def __init__(
        self, day: date, done: int, prescribed: int, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__("MissedReasonView", lang, parent)
        title = tr("Yesterday: {0} of {1} sessions").format(done, prescribed)
        self.title.setText(tr("Yesterday: no session") if prescribed == 1 else title)
        self.intro.setText(
            tr("What kept you from the exercises yesterday? One tap is enough; it helps your therapist.")
        )
        self.day = day
        self.reason_buttons: dict[str, QPushButton] = {}
        for key, label in scales.MISSED_REASONS.items():
            button = QPushButton(label.get(lang))
            button.setAutoDefault(True)
            button.clicked.connect(lambda _checked=False, key=key: self._choose(key))
            self.reason_buttons[key] = button
            self.body.addWidget(button)

    def _choose(self, reason: str) -> None:
        self.chosen.emit(reason)
        self.finished.emit()


class EarsView(QuestionPage):
    """The Exercise Adherence Rating Scale's six statements, each answered on five steps, once a week."""

    answered = Signal(object)  # the six answers, 0 (completely agree) to 4, in the scale's order
    question = "ask_week"

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__("EarsView", lang, parent)
        self.title.setText(tr("Your exercises this past week"))
        self.intro.setText(tr("How far do you agree with each sentence? There are no wrong answers."))
        self.groups: list[QButtonGroup] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(0, 5)
        for answer in range(len(scales.EARS_ANSWERS)):
            grid.setColumnStretch(1 + answer, 2)
        for row, item in enumerate(scales.EARS_ITEMS):
            statement = QLabel(item.text.get(lang))
            statement.setWordWrap(True)
            grid.addWidget(statement, row, 0)
            group = QButtonGroup(self)
            for answer, label in enumerate(scales.EARS_ANSWERS):
                button = QPushButton(two_lines(label.get(lang)))
                # as high as the row: the answers on one line as high as those on two
                button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
                button.setCheckable(True)
                button.setObjectName("answer")
                button.setAutoDefault(False)  # in a dialog too, Enter picks no answer for the patient
                button.setAccessibleName(f"{item.text.get(lang)} {label.get(lang)}")
                group.addButton(button, answer)
                grid.addWidget(button, row, 1 + answer)
            group.idClicked.connect(self._changed)
            self.groups.append(group)
        self.body.addLayout(grid)
        # Each answer column as wide as the widest answer: five equal answers, none cut short when the
        # statements' column (or a dialog, from the progress view) leaves them little room.
        widest = max(button.sizeHint().width() for group in self.groups for button in group.buttons())
        for answer in range(len(scales.EARS_ANSWERS)):
            grid.setColumnMinimumWidth(1 + answer, widest)
        self.save_button = self.add_save_button(self.save)

    def answers(self) -> tuple[int, ...] | None:
        """The six answers, or None while one is still open."""
        chosen = tuple(group.checkedId() for group in self.groups)
        return None if -1 in chosen else chosen

    def choose(self, answers: tuple[int, ...]) -> None:
        """Answer every statement as if tapped."""
        for group, answer in zip(self.groups, answers, strict=True):
            group.button(answer).click()

    def _changed(self, _answer: int) -> None:
        self.save_button.setEnabled(self.answers() is not None)

    def save(self) -> None:
        """Keep the answers (all six given) and go on."""
        answers = self.answers()
        if answers is not None:
            self.answered.emit(answers)
            self.finished.emit()


# The EARS answers longer than this go on two lines ("Completely / agree", "Helemaal / mee eens"), so
# five equal buttons leave the statement beside them room to read at 1024 pixels wide.
ONE_LINE = 12


def two_lines(answer: str) -> str:
    """An answer longer than ONE_LINE characters, broken at the space nearest its middle."""
    spaces = [at for at, char in enumerate(answer) if char == " "]
    if len(answer) <= ONE_LINE or not spaces:
        return answer
    at = min(spaces, key=lambda space: abs(2 * space - len(answer)))
    return f"{answer[:at]}\n{answer[at + 1 :]}"


def stylesheet(name: str) -> str:
    """The questions' look: the dark background, large text, big buttons (also the check-in's)."""
    return f"""
{name}, {name} QScrollArea, {name} QWidget#content {{ background: {style.BACKGROUND}; }}
{name} QLabel {{ color: {style.TEXT}; font-size: 20px; }}
{name} QLabel#title {{ font-size: 34px; font-weight: bold; }}
{name} QLabel#heading {{ font-size: 24px; font-weight: bold; }}
{name} QLabel[secondary="true"] {{ color: {style.TEXT_MUTED}; font-size: 18px; }}
{name} QPushButton {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 10px; font-size: 20px; padding: 10px 16px;
}}
{name} QPushButton#whole {{ padding: 8px 2px; }}
{name} QPushButton#answer {{ font-size: 17px; padding: 6px 6px; }}
{name} QPushButton:hover {{ background: {style.SURFACE_HOVER}; }}
{name} QPushButton:checked {{ background: {style.OKABE_ITO["sky_blue"]}; color: #000000; }}
{name} QPushButton:focus {{ border: 3px solid {style.FOCUS}; }}
{name} QPushButton:disabled {{ color: {style.DISABLED_TEXT}; }}
{name} QPushButton#primary {{ background: {style.OKABE_ITO["bluish_green"]}; color: #000000; }}
{name} QPushButton#primary:disabled {{ background: {style.SURFACE}; color: {style.DISABLED_TEXT}; }}
{name} QLineEdit {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 8px; font-size: 20px; padding: 8px;
}}
{name} QLineEdit:focus {{ border: 3px solid {style.FOCUS}; }}
"""
