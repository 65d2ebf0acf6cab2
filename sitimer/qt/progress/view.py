"""The history view: how well the programme is kept, at a glance.

This week's adherence and the streak in big figures, whether the week is on track (80 % or
more of the prescribed sessions), the sessions above the minimum and those not completed; the
last four weeks as a calendar of dots (a filled dot per session done, an open one per session
still due); the dose done per exercise; what the patient reported (EARS, GPE, PSK, why sessions
were missed, :mod:`sitimer.qt.progress.own_reports`); pain and effort over time (QtCharts).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMargins, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sitimer.core.history import adherence
from sitimer.core.history.rows import HistoryReader, SessionRow
from sitimer.core.programme.model import Programme
from sitimer.qt.common import style
from sitimer.qt.common.scroll import scrolling
from sitimer.qt.progress.own_reports import OwnReports

KEPT = style.OKABE_ITO["bluish_green"]
DUE = style.TEXT_MUTED
PAIN = style.OKABE_ITO["vermillion"]
EFFORT = style.OKABE_ITO["sky_blue"]
AXIS_TEXT_PX = 16  # the chart's dates, numbers and legend: readable for older eyes


def tr(text: str) -> str:
    """Translate the view's words (context "HistoryView" in the .ts file)."""
    return QCoreApplication.translate("HistoryView", text)


def trend_caption() -> str:
    """The caption over the pain and effort chart (the check-in shows it too)."""
    return tr("Pain and effort after each session")


class Calendar(QWidget):
    """Four weeks of days, a dot per prescribed session: filled when done."""

    def __init__(self, days: list[adherence.Day], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = days
        self.today = today
        names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"))
        self.names = [*names, self.tr("Sat"), self.tr("Sun")]
        self.setMinimumSize(QSize(420, 200))
        kept = sum(d.kept for d in days if d.day <= today)
        due = sum(1 for d in days if d.day <= today and d.counted)  # today once kept
        self.setAccessibleName(self.tr("{kept} of {due} days kept").format(kept=kept, due=due))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the grid: weekday names on top, one row per week."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        head = 26
        rows = max(1, (len(self.days) + 6) // 7)
        cell_w = self.width() / 7
        cell_h = (self.height() - head) / rows
        painter.setFont(QFont("DejaVu Sans", 11))
        painter.setPen(QColor(style.TEXT_MUTED))
        for i, name in enumerate(self.names):
            painter.drawText(QRectF(i * cell_w, 0, cell_w, head), Qt.AlignmentFlag.AlignCenter, name)
        offset = self.days[0].day.weekday() if self.days else 0
        for n, day in enumerate(self.days):
            slot = n + offset
            cell = QRectF((slot % 7) * cell_w + 3, head + (slot // 7) * cell_h + 3, cell_w - 6, cell_h - 6)
            future = day.day > self.today
            border = QColor(style.FOCUS) if day.day == self.today else QColor(style.BORDER)
            painter.setPen(QPen(border, 2))
            painter.setBrush(QColor(style.SURFACE if not day.kept else "#1F3B33"))
            painter.drawRoundedRect(cell, 6, 6)
            painter.setPen(QColor(style.TEXT_MUTED if future else style.TEXT))
            painter.drawText(cell.adjusted(6, 2, 0, 0), Qt.AlignmentFlag.AlignLeft, str(day.day.day))
            dots = max(day.prescribed, day.done)
            radius = min(7.0, cell.width() / (2.6 * max(1, dots)))
            for k in range(dots):
                x = cell.center().x() + (k - (dots - 1) / 2) * radius * 2.6
                centre = QPointF(x, cell.bottom() - radius - 6)
                if k < day.done:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(KEPT))
                else:
                    painter.setPen(QPen(QColor(DUE if not future else style.BORDER), 1.5))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius, radius)
        painter.end()


def _figure(value: str, caption: str, said: str = "") -> QWidget:
    """A big figure over its caption; ``said`` is what a screen reader says where "–" or "0/2" would
    not read well (by default the figure and its caption)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    number = QLabel(value)
    number.setObjectName("figure")
    words = QLabel(caption)
    words.setProperty("secondary", True)
    column.addWidget(number)
    column.addWidget(words)
    box.setAccessibleName(said or f"{value} {caption}")
    return box


def _time_ticks(first: datetime, last: datetime) -> tuple[list[datetime], str]:
    """Moments to label the time axis at, whole days (or hours within two days), each label different;
    and the format of the labels. ``first`` and ``last`` are local times."""
    if last - first < timedelta(days=2):
        start = first.replace(minute=0, second=0, microsecond=0)
        hours = max(2, math.ceil((last - start) / timedelta(hours=1)))
        step = next(s for s in (1, 2, 3, 4, 6, 12) if hours / s <= 6)
        count = math.ceil(hours / step)
        return [start + timedelta(hours=step * i) for i in range(count + 1)], "d MMM HH:mm"
    start = first.replace(hour=0, minute=0, second=0, microsecond=0)
    days = math.ceil((last - start) / timedelta(days=1))
    # at most six: the check-in's chart is half a screen wide, and Qt cuts "16 Mar" to "16 ..." in less
    step = next((s for s in (1, 2, 3, 7, 14, 28) if days / s <= 6), math.ceil(days / 6))
    count = math.ceil(days / step)
    return [
        start + timedelta(days=step * i) for i in range(count + 1)
    ], "d MMM" if days < 300 else "d MMM yyyy"


def _ms(moment: datetime) -> float:
    return moment.timestamp() * 1000


def trend_chart(sessions: list[SessionRow], lang: str = "en", *, today: date | None = None) -> QChartView:
    """Pain and effort after each session over time (the progress view's, and the check-in's).

    The time axis is labelled in ``lang`` (month names too), by the day, or by the hour when the
    sessions fall within two days; with no sessions it shows the four weeks up to ``today``.
    """
    chart = QChart()
    chart.setBackgroundBrush(QColor(style.SURFACE))
    chart.legend().setLabelColor(QColor(style.TEXT))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    font = QFont(chart.legend().font())
    font.setPixelSize(AXIS_TEXT_PX)
    chart.legend().setFont(font)
    x_axis = QCategoryAxis()
    x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    y_axis = QValueAxis()
    y_axis.setRange(0, 10)
    y_axis.setTickCount(3)
    y_axis.setLabelFormat("%d")
    for axis in (x_axis, y_axis):
        axis.setLabelsColor(QColor(style.TEXT_MUTED))
        axis.setLabelsFont(font)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    moments = []
    for key, colour, name in _lines():
        series = QLineSeries()
        series.setName(name)
        series.setPen(QPen(QColor(colour), 3))
        series.setPointsVisible(True)
        for s in sessions:
            value = s.pain if key == "pain" else s.effort
            if value is not None:
                moment = datetime.strptime(s.started_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
                series.append(_ms(moment), float(value))
                moments.append(moment.astimezone())
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    if not moments:
        end = datetime.combine(today or date.today(), time()).astimezone()
        moments = [end - timedelta(days=27), end]
    ticks, form = _time_ticks(min(moments), max(moments))
    locale = QLocale(lang)
    x_axis.setStartValue(_ms(ticks[0]))
    labels = [locale.toString(QDateTime.fromMSecsSinceEpoch(round(_ms(tick))), form) for tick in ticks]
    if form.endswith("HH:mm"):  # by the hour: the day only where it changes ("7 dec 18:00", "21:00",
        # "8 dec 00:00"); six "7 dec 18:00"s did not fit the check-in's half-width chart ("7 de…").
        # The first two have it: Qt Charts hides the first, centred on the plot's left edge, as it
        # reaches past the axis (seen on Xvfb: "11:00", "12:00" and no day at all).
        labels = [
            label
            if i <= 1 or tick.date() != ticks[i - 1].date()
            else locale.toString(QDateTime.fromMSecsSinceEpoch(round(_ms(tick))), "HH:mm")
            for i, (label, tick) in enumerate(zip(labels, ticks, strict=True))
        ]
    for label, tick in zip(labels, ticks, strict=True):
        x_axis.append(label, _ms(tick))
    x_axis.setRange(_ms(ticks[0]), _ms(ticks[-1]))
    chart.setBackgroundRoundness(8)
    chart.setMargins(_label_room(QFontMetrics(font), labels[-1]))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    view = QChartView(chart)
    view.setBackgroundBrush(QColor(style.BACKGROUND))
    view.setFrameShape(QChartView.Shape.NoFrame)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(160)  # the page fits a window of 1280×650 without scrolling
    view.setAccessibleName(trend_caption())
    view.setAccessibleDescription(trend_words(sessions, lang))
    return view


def _label_room(metrics: QFontMetrics, last: str) -> QMargins:
    """The chart's margins: the plot gets the room (the view is short at 720 lines), but the time
    axis's last label, centred on the plot's right edge, must show whole: "6 dec 23:00" needs more
    than "16 nov"."""
    return QMargins(8, 8, max(32, metrics.horizontalAdvance(last) // 2 + 8), 0)


def _lines() -> tuple[tuple[str, str, str], ...]:
    """The chart's two lines: the answer each shows, its colour and its name in the legend."""
    return (("pain", PAIN, tr("pain (0–10)")), ("effort", EFFORT, tr("effort (Borg CR10)")))


def trend_words(sessions: list[SessionRow], lang: str) -> str:
    """What a screen reader says of the lines it cannot see: each one's first and last answer."""
    locale = QLocale(lang)
    said = []
    for key, _, name in _lines():
        answers = [s.pain if key == "pain" else s.effort for s in sessions]
        given = [locale.toString(float(a), "g", 3) for a in answers if a is not None]
        if len(given) == 1:
            said.append(tr("{name}: {first}, one session").format(name=name, first=given[0]))
        elif given:
            said.append(
                tr("{name}: from {first} to {last}, {count} sessions").format(
                    name=name, first=given[0], last=given[-1], count=len(given)
                )
            )
    return "; ".join(said) or tr("No answers yet")


class HistoryView(QWidget):
    """The patient's progress on one programme."""

    back = Signal()
    export_pdf = Signal()
    export_csv = Signal()

    def __init__(
        self,
        store: HistoryReader,
        programme: Programme,
        lang: str,
        *,
        today: date | None = None,
        profile: str = "",
        save_ears: Callable[[tuple[int, ...]], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``save_ears``: how to keep the weekly questions answered here (without it, not offered)."""
        super().__init__(parent)
        self.setObjectName("HistoryView")
        self.setStyleSheet(_stylesheet())
        today = today or date.today()
        monday = today - timedelta(days=today.weekday())
        first = monday - timedelta(days=21)  # four whole weeks, this one last
        since = datetime.combine(first - timedelta(days=1), time()).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        sessions = [s for s in store.sessions(profile=profile, since=since) if s.programme == programme.id]
        per_day = int(programme.frequency.sessions_per_day.min)
        kept = adherence.adherence(sessions, per_day, first, monday + timedelta(days=6), today)
        days = list(kept.days)

        # In a window shorter than the page needs (a netbook's 1024×600), the page scrolls: squeezed,
        # the calendar's last week lay under the chart's caption.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.addLayout(self._top(programme.title.get(lang), bool(sessions)))
        if not sessions:
            empty = QLabel(self.tr("No sessions yet. Your first session will show here."))
            empty.setProperty("secondary", True)
            layout.addWidget(empty)
        figures = QHBoxLayout()
        week = "–" if kept.week_percent is None else f"{kept.week_percent:.0f} %"  # –: nothing due yet
        nothing_due = self.tr("this week: nothing due yet") if kept.week_percent is None else ""
        figures.addWidget(_figure(week, self.tr("this week"), nothing_due))
        figures.addWidget(_figure(str(kept.streak_days), self.tr("days in a row")))
        done_today = self.tr("{0} of {1} sessions today").format(kept.today_done, per_day)
        figures.addWidget(_figure(f"{kept.today_done}/{per_day}", self.tr("sessions today"), done_today))
        self.week_line = QLabel(self._week_line(kept.this_week, bool(sessions)))
        self.week_line.setProperty("secondary", True)
        self.week_line.setWordWrap(True)
        for i in range(figures.count()):
            figures.setStretch(i, 1)
        figures.addWidget(self.week_line, 2)
        layout.addLayout(figures)

        grid = QGridLayout()
        grid.addWidget(_caption(self.tr("The last four weeks")), 0, 0)
        self.calendar = Calendar(days, today)
        grid.addWidget(self.calendar, 1, 0, 2, 1)
        grid.addWidget(_caption(self.tr("Done of what was prescribed, per exercise")), 0, 1)
        grid.addWidget(self._dose(store, sessions, programme, lang, days, today), 1, 1)
        self.own = OwnReports(store, programme.id, lang, profile=profile, save_ears=save_ears)
        grid.addWidget(self.own, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid, 3)
        layout.addWidget(_caption(trend_caption()))
        self.chart = trend_chart(sessions, lang, today=today)
        layout.addWidget(self.chart, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))

    def _week_line(self, week: adherence.Week, any_sessions: bool) -> str:
        """This week in words: on track or not, and the sessions above the minimum and not completed."""
        if not week.prescribed:  # a Monday morning (today counts as far as done); or nothing done ever
            if not any_sessions:
                return ""
            parts = [self.tr("Nothing missed yet this week: today counts from your first session.")]
        else:
            parts = [
                self.tr("On track this week: 80 % or more of the prescribed sessions done.")
                if week.adherent
                else self.tr("Not yet on track this week: that takes 80 % of the prescribed sessions.")
            ]
        # below either: a session stopped on the first day (or a Monday morning) was said nowhere
        if week.above:
            parts.append(self.tr("Sessions above the minimum: {0}.").format(week.above))
        if week.partial:
            parts.append(
                self.tr("Not completed (too little of the exercises done, or stopped): {0}.").format(
                    week.partial
                )
            )
        return " ".join(parts)

    def _top(self, subtitle_text: str, any_sessions: bool) -> QHBoxLayout:
        """The title and the programme's, the export buttons (usable once there are sessions), Back."""
        top = QHBoxLayout()
        heading = QVBoxLayout()
        title = QLabel(self.tr("Your progress"))
        title.setObjectName("title")
        subtitle = QLabel(subtitle_text)
        subtitle.setProperty("secondary", True)
        subtitle.setWordWrap(True)  # a long title wraps: the page is never wider than the screen
        heading.addWidget(title)
        heading.addWidget(subtitle)
        top.addLayout(heading, 1)
        exports = (
            (self.tr("Report for your therapist (PDF)…"), self.export_pdf),
            (self.tr("Export (CSV)…"), self.export_csv),
        )
        for text, signal in exports:
            button = QPushButton(text)
            button.setProperty("export", True)  # the kiosk hides these: saving files is the therapist's
            button.clicked.connect(signal)
            button.setEnabled(any_sessions)
            top.addWidget(button)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(self.back)
        top.addWidget(back)
        return top

    def _dose(
        self,
        store: HistoryReader,
        sessions: list[SessionRow],
        programme: Programme,
        lang: str,
        days: list[adherence.Day],
        today: date,
    ) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        planned = sessions[-1].planned_dose() if sessions else {}
        so_far = [d for d in days if d.day <= today]  # today: as far as done
        per_day = adherence.done_by_day(sessions, store.done_by_session([s.id for s in sessions]))
        percents = adherence.dose_percent(per_day, planned, adherence.day_doses(sessions, so_far))
        self.dose_bars: dict[str, QProgressBar] = {}
        for exercise in programme.exercises:
            if exercise.id not in planned:
                continue
            row = QHBoxLayout()
            name = QLabel(exercise.name.get(lang))
            name.setMinimumWidth(180)
            bar = QProgressBar()
            bar.setRange(0, 100)
            value = round(percents.get(exercise.id, 0.0))
            bar.setValue(min(100, value))
            bar.setFormat(f"{value} %")
            bar.setAccessibleName(f"{exercise.name.get(lang)}: {value} %")
            self.dose_bars[exercise.id] = bar
            row.addWidget(name)
            row.addWidget(bar, 1)
            column.addLayout(row)
        column.addStretch(1)
        return box

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc goes back, as on the other pages (the questions, the check-in)."""
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
        else:
            super().keyPressEvent(event)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("caption")
    return label


def _stylesheet() -> str:
    return f"""
HistoryView {{ background: {style.BACKGROUND}; }}
HistoryView QScrollArea, HistoryView QScrollArea > QWidget > QWidget {{
    background: transparent; border: none;
}}
HistoryView QLabel {{ color: {style.TEXT}; font-size: 15px; }}
HistoryView QLabel#title {{ font-size: 28px; font-weight: bold; }}
HistoryView QLabel#figure {{ font-size: 44px; font-weight: bold; color: {KEPT}; }}
HistoryView QLabel#caption {{ font-size: 18px; margin-top: 12px; }}
HistoryView QLabel[secondary="true"] {{ color: {style.TEXT_MUTED}; }}
HistoryView QPushButton {{
    color: {style.TEXT}; background: {style.SURFACE}; border: 2px solid {style.BORDER};
    border-radius: 10px; font-size: 18px; padding: 8px 20px;
}}
HistoryView QPushButton#small {{ font-size: 15px; padding: 3px 12px; }}
HistoryView QLabel#lines {{ font-size: 14px; }}
HistoryView QPushButton:focus {{ border: 3px solid {style.FOCUS}; }}
HistoryView QProgressBar {{
    background: {style.SURFACE}; border: none; border-radius: 6px; color: {style.TEXT};
    min-height: 26px; text-align: center; font-size: 14px;
}}
HistoryView QProgressBar::chunk {{ background: {KEPT}; border-radius: 6px; }}
"""
