"""The check-in page: have the complaints lessened, with the pain trend beside it, and what next.

Seed 000 (SI-gewricht) asks after four weeks whether the complaints have lessened and, if
not, sends the patient to the sports physician; seed 002 (SI-blokkade) asks the patient to
keep the exercises up once free of pain, to prevent the complaints from coming back. The page
asks, shows the advice, and offers a lighter maintenance schedule; the app keeps the answers
(:meth:`sitimer.qt.reminders.service.ReminderService.record_checkin`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from sitimer.core.history.rows import SessionRow
from sitimer.core.programme.model import Programme
from sitimer.core.reminders import checkin as ci
from sitimer.qt.common import style
from sitimer.qt.progress.view import KEPT, trend_caption, trend_chart


def _number(value: float, lang: str = "en") -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "nl" else text


class CheckInView(QWidget):
    """One check-in for one programme: the question, the advice, the maintenance offer."""

    answered = Signal(str, str)  # CheckIn value, Answer value: keep it
    finished = Signal()  # the patient is done here

    def __init__(
        self,
        programme: Programme,
        checkin: ci.CheckIn,
        sessions: list[SessionRow],
        lang: str,
        *,
        maintenance_time: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CheckInView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_stylesheet())
        self.programme = programme
        self.checkin = checkin
        self.lang = lang
        own = [s for s in sessions if s.programme == programme.id and not s.simulated]
        self.pain = ci.pains(own, programme.id)
        weeks = programme.frequency.weeks

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 28)
        layout.setSpacing(12)
        self.title = QLabel(self.tr("How are your complaints?"))
        self.title.setObjectName("title")
        self.subtitle = QLabel(self._subtitle())
        self.subtitle.setProperty("secondary", True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        body = QHBoxLayout()
        body.setSpacing(32)
        self.steps = QStackedWidget()
        self.question = self._question(weeks)
        self.advice = self._advice(weeks)
        self.offer = self._offer(maintenance_time)
        for page in (self.question, self.advice, self.offer):
            self.steps.addWidget(page)
        body.addWidget(self.steps, 5)
        trend = QVBoxLayout()
        caption = QLabel(trend_caption())
        caption.setObjectName("caption")
        trend.addWidget(caption)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        trend.addWidget(self.summary)
        self.chart = trend_chart(own, lang)
        trend.addWidget(self.chart, 1)
        body.addLayout(trend, 6)
        layout.addLayout(body, 1)
        if checkin is ci.CheckIn.MAINTENANCE:
            self.title.setText(self.tr("Free of pain"))
            self._show(self.offer)
        else:
            self._show(self.question)

    def _subtitle(self) -> str:
        """The programme's title; at the review, how many weeks it has been."""
        subtitle = self.programme.title.get(self.lang)
        weeks = self.programme.frequency.weeks
        if weeks and self.checkin is ci.CheckIn.REVIEW:
            since = (
                self.tr("{0} · 1 week since your first session")
                if weeks == 1
                else self.tr("{0} · {1} weeks since your first session")
            )
            subtitle = since.format(subtitle, _number(weeks))
        return subtitle

    # -- the steps --------------------------------------------------------------------------------
    def _page(self, heading: str, text: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(16)
        head = QLabel(heading)
        head.setObjectName("heading")
        head.setWordWrap(True)
        words = QLabel(text)
        words.setWordWrap(True)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(head)
        column.addWidget(words)
        return page, column, words

    def _button(self, text: str, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(True)
        if primary:
            button.setObjectName("primary")
        return button

    def _question(self, weeks: float | None) -> QWidget:
        text = self.tr(
            "Think of how the complaints were when you started the exercises, and how they are now."
        )
        if weeks:
            text = self.tr(
                "You have been doing the exercises for {0} weeks. Think of how the complaints were "
                "when you started, and how they are now."
            ).format(_number(weeks))
        page, column, _ = self._page(self.tr("Have your complaints lessened since you started?"), text)
        self.yes_button = self._button(self.tr("Yes, they have lessened"), primary=True)
        self.no_button = self._button(self.tr("No, not lessened"))
        self.yes_button.clicked.connect(lambda: self._review(ci.Answer.LESSENED))
        self.no_button.clicked.connect(lambda: self._review(ci.Answer.NOT_LESSENED))
        column.addWidget(self.yes_button)
        column.addWidget(self.no_button)
        column.addStretch(1)
        return page

    def _advice(self, weeks: float | None) -> QWidget:
        if weeks:
            text = self.tr(
                "After {0} weeks of exercises the complaints should have lessened. As they have not, "
                "please contact your sports physician or therapist, and take this programme along."
            ).format(_number(weeks))
        else:
            text = self.tr(
                "As the complaints have not lessened, please contact your sports physician or "
                "therapist, and take this programme along."
            )
        page, column, _ = self._page(self.tr("Please contact your sports physician or therapist"), text)
        page.setObjectName("advice")
        self.ok_button = self._button(self.tr("OK"), primary=True)
        self.ok_button.clicked.connect(self.finished)
        column.addWidget(self.ok_button)
        column.addStretch(1)
        return page

    def _offer(self, maintenance_time: str) -> QWidget:
        if ci.pain_free(self.pain):
            text = self.tr(
                "Your last {0} sessions were free of pain. Keep doing the exercises regularly, also "
                "now: that helps prevent the complaints from coming back."
            ).format(ci.PAIN_FREE_SESSIONS)
        else:
            text = self.tr(
                "Keep doing the exercises regularly, also once you are free of pain: that helps "
                "prevent the complaints from coming back."
            )
        page, column, self.offer_text = self._page(self.tr("Keep the exercises up"), text)
        self.remind_button = self._button(
            self.tr("Remind me once a day at {0}").format(maintenance_time), True
        )
        self.decline_button = self._button(self.tr("No, thank you"))
        self.remind_button.clicked.connect(lambda: self._maintenance(ci.Answer.MAINTENANCE))
        self.decline_button.clicked.connect(lambda: self._maintenance(ci.Answer.DECLINED))
        column.addWidget(self.remind_button)
        column.addWidget(self.decline_button)
        note = QLabel(self.tr("You can stop the reminders at any time in the reminder settings."))
        note.setWordWrap(True)
        note.setProperty("secondary", True)
        column.addWidget(note)
        column.addStretch(1)
        return page

    def _summary(self) -> str:
        trend = ci.pain_trend(self.pain)
        if trend is None:
            return self.tr("Not enough pain ratings yet to show a trend.")
        if trend.change < 0:
            line = self.tr(
                "Pain after your sessions went from {0} at the start to {1} lately (0 is no pain)."
            )
        elif trend.change > 0:
            line = self.tr(
                "Pain after your sessions went up, from {0} at the start to {1} lately (0 is no pain)."
            )
        else:
            line = self.tr("Pain after your sessions stayed at {0} (0 is no pain).")
        return line.format(_number(trend.start, self.lang), _number(trend.recent, self.lang))

    def showEvent(self, event: QShowEvent) -> None:
        """Focus the first answer, so Enter or Space answers at once."""
        super().showEvent(event)
        page = self.steps.currentWidget()
        if page is not None:
            self._show(page)

    def _show(self, page: QWidget) -> None:
        self.steps.setCurrentWidget(page)
        first = page.findChild(QPushButton)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- answers ----------------------------------------------------------------------------------
    def _review(self, answer: ci.Answer) -> None:
        self.answered.emit(ci.CheckIn.REVIEW.value, answer.value)
        # lessened: the maintenance offer; not lessened: advice only
        self._show(self.offer if ci.after_review(answer) is ci.CheckIn.MAINTENANCE else self.advice)

    def _maintenance(self, answer: ci.Answer) -> None:
        self.answered.emit(ci.CheckIn.MAINTENANCE.value, answer.value)
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc: later (asked again another day); nothing is kept."""
        if event.key() == Qt.Key.Key_Escape:
            self.finished.emit()
            return
        super().keyPressEvent(event)


def _stylesheet() -> str:
    return f"""
CheckInView {{ background: {style.BACKGROUND}; }}
CheckInView QLabel {{ color: {style.TEXT}; font-size: 20px; }}
CheckInView QLabel#title {{ font-size: 34px; font-weight: bold; }}
CheckInView QLabel#heading {{ font-size: 26px; font-weight: bold; }}
CheckInView QWidget#advice QLabel#heading {{ color: {style.NOTICE}; }}
CheckInView QLabel#caption {{ font-size: 26px; font-weight: bold; }}
CheckInView QLabel[secondary="true"] {{ color: {style.TEXT_MUTED}; font-size: 17px; }}
CheckInView QPushButton {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 10px; font-size: 22px; padding: 12px 20px; text-align: left;
}}
CheckInView QPushButton:hover {{ background: {style.SURFACE_HOVER}; }}
CheckInView QPushButton:focus {{ border: 3px solid {style.FOCUS}; }}
CheckInView QPushButton#primary {{
    background: {KEPT}; color: #000000; border-color: {KEPT};
}}
CheckInView QPushButton#primary:focus {{ border: 3px solid {style.FOCUS}; }}
"""
