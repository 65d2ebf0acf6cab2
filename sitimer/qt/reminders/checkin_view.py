"""The check-in page: how the complaints have gone (GPE) and the PSK, with the pain trend beside it.

Seed 000 (SI-gewricht) takes stock after two weeks (most patients are clearly better and may
start running again, gently) and reviews after four: the complaints should have lessened, and if
not, the patient contacts the sports physician; the exercises go on after the review. Seed 002
(SI-blokkade) asks the patient to keep the exercises up once free of pain, to prevent the
complaints from coming back. At a progress check-in the page shows the programme's note; at each
check-in it asks the global perceived effect (one tap of seven) and re-scores the PSK; after the
review it shows the advice, or offers a lighter maintenance schedule. The app keeps the answers
(:meth:`sitimer.qt.reminders.service.ReminderService.record_checkin`, the history's GPE and PSK).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.history.rows import SessionRow
from sitimer.core.programme.model import CheckIn as CheckInPoint
from sitimer.core.programme.model import Programme
from sitimer.core.reminders import checkin as ci
from sitimer.qt.common import style
from sitimer.qt.common.scroll import scrolling
from sitimer.qt.progress.view import KEPT, trend_caption, trend_chart
from sitimer.qt.session.outcome import GpeChoice, PskView


def _number(value: float, lang: str = "en") -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "nl" else text


class CheckInView(QWidget):
    """One check-in for one programme: the question, the advice, the maintenance offer."""

    answered = Signal(str, str)  # CheckIn value, Answer value: keep it
    progress_seen = Signal(float)  # the week of the progress check-in answered
    gpe_given = Signal(int)  # the global perceived effect, 1 to 7
    psk_given = Signal(object)  # ((activity, score 0-10), ...)
    finished = Signal()  # the patient is done here

    def __init__(
        self,
        programme: Programme,
        checkin: ci.CheckIn,
        sessions: list[SessionRow],
        lang: str,
        *,
        maintenance_time: str,
        point: CheckInPoint | None = None,
        psk_names: tuple[str, ...] = (),
        weeks_done: int | None = None,
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
        # the progress check-in shown (the caller finds it), else the review
        self.point = point if checkin is ci.CheckIn.PROGRESS else ci.review_point(programme)
        self.review: ci.Answer | None = None  # the review's answer, once the GPE is given
        self.weeks_done = weeks_done  # since the first session: later than the point's week after a break
        weeks = self.point.week if self.point is not None else None

        # Sized for a window of 1280×650 as well: a small laptop's screen less a panel and a title bar.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 20)
        layout.setSpacing(10)
        self.title = QLabel(self.tr("How are your complaints?"))
        self.title.setObjectName("title")
        self.subtitle = QLabel(self._subtitle())
        self.subtitle.setProperty("secondary", True)
        # Esc does the same; with only a mouse or a touch screen this is the way on to the exercises.
        # Beside the title, where the question's page has room to spare (at 720 px high it has none).
        self.later_button = self._button(self.tr("Answer later"))
        self.later_button.setObjectName("later")
        self.later_button.clicked.connect(self.finished)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.later_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)

        body = QHBoxLayout()
        body.setSpacing(32)
        self.steps = QStackedWidget()
        self.question = self._question(weeks)
        self.psk = PskView(psk_names, lang)
        self.psk.column.setContentsMargins(0, 8, 0, 0)  # inside this page's own margins
        self.psk.finished.connect(self._after_psk)
        self.psk.given.connect(self.psk_given)
        self.advice = self._advice(weeks)
        self.offer = self._offer(maintenance_time)
        for page in (self.question, self.psk, self.advice, self.offer):
            self.steps.addWidget(page)
        # Where the window is shorter than the page needs (a netbook's 1024×600), the page scrolls:
        # squeezed, the question was cut and the answers' words were cut at their feet.
        body.addWidget(scrolling(self.steps), 6)
        self.trend = self._trend(own)
        body.addWidget(self.trend, 5)
        layout.addLayout(body, 1)
        if checkin is ci.CheckIn.MAINTENANCE:
            self.title.setText(self.tr("Free of pain"))
            self._show(self.offer)
        else:
            self._show(self.question)

    def _trend(self, own: list[SessionRow]) -> QWidget:
        """The pain trend beside the question: a caption, the trend in words, the chart."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(trend_caption())
        caption.setObjectName("caption")
        column.addWidget(caption)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        self.chart = trend_chart(own, self.lang)
        column.addWidget(self.chart, 1)
        return box

    def _subtitle(self) -> str:
        """The programme's title; at a check-in, how many whole weeks it has been since the first session."""
        subtitle = self.programme.title.get(self.lang)
        weeks = self.weeks_done
        if weeks and self.checkin is not ci.CheckIn.MAINTENANCE:
            since = (
                self.tr("{0} · 1 week since your first session")
                if weeks == 1
                else self.tr("{0} · {1} weeks since your first session")
            )
            subtitle = since.format(subtitle, weeks)
        return subtitle

    # -- the steps --------------------------------------------------------------------------------
    def _page(self, heading: str, text: str) -> tuple[QWidget, QVBoxLayout, QLabel]:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(10)
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
        if self.checkin is ci.CheckIn.PROGRESS and self.point is not None:
            week = self.point.week
            heading = (
                self.tr("1 week on")
                if week == 1
                else self.tr("{0} weeks on").format(_number(week, self.lang))
            )
            text = self.point.note.get(self.lang)
        else:
            heading = self.tr("Time to take stock")
            text = self.tr(
                "Think of how the complaints were when you started the exercises, and how they are now."
            )
            if weeks:
                text = self.tr(
                    "You have been doing the exercises for {0} weeks: time to take stock. Think of how the "
                    "complaints were when you started, and how they are now. The exercises go on after it."
                ).format(_number(weeks, self.lang))
        page, column, _ = self._page(heading, text)
        self.gpe = GpeChoice(self.lang)
        self.gpe.chosen.connect(self._gpe)
        column.addWidget(self.gpe)
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
        """The page shown asks for its room and takes the keyboard (see ``_show``)."""
        super().showEvent(event)
        page = self.steps.currentWidget()
        if page is not None:
            self._show(page)

    def _show(self, page: QWidget) -> None:
        self.steps.setCurrentWidget(page)
        for other in self.steps.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            # only the page shown asks for room: the activities' wide rows do not squeeze the others
            ignored = QSizePolicy.Policy.Ignored
            other.setSizePolicy(
                QSizePolicy(ignored, ignored)
                if other is not page
                else QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            )
        self.trend.setVisible(page is not self.psk)  # the activities need the whole width
        self.later_button.setVisible(page is self.question)  # the later pages have their own way on
        # The keyboard to a name to type, else to the page: no answer looks chosen before it is
        # given (a focus ring on "Completely recovered" would lean the answer).
        first = page.findChild(QLineEdit)
        (first if first is not None else self).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- answers ----------------------------------------------------------------------------------
    def _gpe(self, value: int) -> None:
        """One tap of seven: kept at once, and for the review the answer follows from it; then the PSK."""
        self.gpe_given.emit(value)
        if self.checkin is ci.CheckIn.REVIEW:
            self.review = ci.review_answer(value)
            self.answered.emit(ci.CheckIn.REVIEW.value, self.review.value)
        elif self.point is not None:
            self.progress_seen.emit(self.point.week)
        self._show(self.psk)

    def _after_psk(self) -> None:
        """The PSK saved or skipped: after the review, the advice or the maintenance offer; else done."""
        if self.review is None:  # a progress check-in
            self.finished.emit()
            return
        # lessened: the maintenance offer; not lessened: advice only
        self._show(self.offer if ci.after_review(self.review) is ci.CheckIn.MAINTENANCE else self.advice)

    def _maintenance(self, answer: ci.Answer) -> None:
        self.answered.emit(ci.CheckIn.MAINTENANCE.value, answer.value)
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc: later, as "Answer later" (asked again when sitimer next opens; nothing is kept before the
        GPE). On the PSK, Esc skips it."""
        if event.key() == Qt.Key.Key_Escape:
            self.finished.emit()
            return
        super().keyPressEvent(event)


def reminder_text(
    programme: Programme, kind: ci.CheckIn | None, point: CheckInPoint | None, lang: str
) -> str:
    """What a check-in's reminder says: the review is a point to take stock, never an end."""
    title = programme.title.get(lang)
    review = ci.review_point(programme)
    if kind is ci.CheckIn.REVIEW and review is not None:
        if review.week == 1:
            text = tr(
                "{0}: 1 week on, time to take stock with your therapist. Open sitimer to answer two "
                "short questions; the exercises go on after it."
            )
        else:
            text = tr(
                "{0}: {1} weeks on, time to take stock with your therapist. Open sitimer to answer two "
                "short questions; the exercises go on after it."
            )
        return text.format(title, _number(review.week, lang))
    if kind is ci.CheckIn.PROGRESS and point is not None:
        if point.week == 1:
            text = tr("{0}: 1 week on. Open sitimer to read what comes next and answer two short questions.")
        else:
            text = tr(
                "{0}: {1} weeks on. Open sitimer to read what comes next and answer two short questions."
            )
        return text.format(title, _number(point.week, lang))
    return tr("{0}: open sitimer to answer a short question.").format(title)


def tr(text: str) -> str:
    """Translate the check-in reminder's words (context "CheckInReminder" in the .ts file)."""
    return QCoreApplication.translate("CheckInReminder", text)


def _stylesheet() -> str:
    return f"""
CheckInView {{ background: {style.BACKGROUND}; }}
CheckInView QScrollArea, CheckInView QScrollArea > QWidget > QWidget {{
    background: transparent; border: none;
}}
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
CheckInView QPushButton#gpe, CheckInView QPushButton#later {{ font-size: 19px; padding: 4px 16px; }}
CheckInView QPushButton#whole {{ text-align: center; padding: 8px 2px; }}
CheckInView QLabel#question {{ font-size: 21px; font-weight: bold; }}
"""
