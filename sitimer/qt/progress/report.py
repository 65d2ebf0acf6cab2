"""The therapist's report: one or two A4 pages of PDF from the history.

Per programme: what was prescribed, the period, adherence per week, dose done
per exercise, the pain and effort trend (a small chart and weekly means) and
the patient's notes. Laid out as HTML in a QTextDocument, printed by QPdfWriter.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPen,
    QTextDocument,
)

from sitimer.core.history.adherence import local_day
from sitimer.core.history.report_figures import programme_figures
from sitimer.core.history.rows import HistoryReader, SessionRow
from sitimer.core.history.schema import stamp
from sitimer.core.kiosk.config import CONFIG_NAME, KioskConfigStore, resolve_programme
from sitimer.core.paths import programmes_dir
from sitimer.core.programme.catalogue import by_id, listing, read
from sitimer.core.programme.model import Programme
from sitimer.qt.common.page_breaks import keep_parts_whole, text_width_px
from sitimer.qt.common.pdf import MARGIN_MM, pdf_font, print_a4
from sitimer.qt.progress import report_html
from sitimer.qt.progress.report_html import EFFORT_COLOUR, PAIN_COLOUR


def known_programmes(data_dir: Path) -> dict[str, Programme]:
    """Bundled and the patient's own programmes, by id, for exercise names; at a kiosk also the
    files its codes were given by path (the report named their exercises "a", "b")."""
    files = listing(data_dir)
    if (data_dir / CONFIG_NAME).exists():
        store = KioskConfigStore.in_folder(data_dir)
        refs = {ref for refs in store.load().codes.values() for ref in refs}
        store.notices.take()  # a broken kiosk.json is the kiosk's to tell
        files += [read(resolve_programme(ref, data_dir, programmes_dir())) for ref in sorted(refs)]
    return {pid: programme for pid, (_, programme) in by_id(files).items()}


def _chart(
    points: list[tuple[int, int | None, float | None]],
    first: str,
    last: str,
    width: int = 1600,
    height: int = 440,
) -> QImage:
    """A line chart of pain and effort (0-10) per session, oldest on the left."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    left, right, top, bottom = 70, 20, 20, 50
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    painter.setFont(pdf_font(18))
    painter.setPen(QPen(QColor("#bbbbbb"), 1))
    for value in range(0, 11, 2):
        y = plot.bottom() - plot.height() * value / 10
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#444444"))
        painter.drawText(QRectF(0, y - 14, left - 12, 28), Qt.AlignmentFlag.AlignRight, str(value))
        painter.setPen(QPen(QColor("#bbbbbb"), 1))
    painter.setPen(QColor("#444444"))
    below = QRectF(plot.left(), plot.bottom() + 8, plot.width(), bottom - 8)
    painter.drawText(below, Qt.AlignmentFlag.AlignLeft, first)
    painter.drawText(below, Qt.AlignmentFlag.AlignRight, last)
    n = max(1, len(points) - 1)
    for column, colour, marker in ((1, PAIN_COLOUR, "dot"), (2, EFFORT_COLOUR, "square")):
        series = [(i, v) for i, p in enumerate(points) if (v := p[column]) is not None]
        pen = QPen(QColor(colour), 4)
        painter.setPen(pen)
        coords = [
            QPointF(plot.left() + plot.width() * i / n, plot.bottom() - plot.height() * float(v) / 10)
            for i, v in series
        ]
        for a, b in itertools.pairwise(coords):
            painter.drawLine(a, b)
        painter.setBrush(QColor(colour))
        for c in coords:
            if marker == "dot":
                painter.drawEllipse(c, 7, 7)
            else:
                painter.drawRect(QRectF(c.x() - 6, c.y() - 6, 12, 12))
    painter.end()
    return image


def write_report(
    out: Path,
    store: HistoryReader,
    data_dir: Path,
    *,
    lang: str = "en",
    since: date | None = None,
    profile: str = "",
    patient: str = "",
    today: date | None = None,
) -> int:
    """Write the PDF, readable by its owner only; returns how many sessions it covers (up to
    ``today``, the patient's day: the wall clock's unless a test gives its own).

    ``patient``: the name (or code) on its "Patient:" line; without it a line to fill in by hand.

    ExportError when it cannot be written (``out`` is then as it was).
    """
    # From the patient's day, as each session was done (where it was done: a session in New York on
    # the evening before is not "since" by this computer's midnight); the query reaches a day further.
    since_text = stamp(datetime.combine(since - timedelta(days=1), time(), UTC)) if since else None
    sessions = store.sessions(profile=profile, since=since_text)
    if since is not None:
        sessions = [s for s in sessions if local_day(s) >= since]
    document = QTextDocument()
    document.setDefaultFont(pdf_font(9))
    document.setDefaultStyleSheet(
        "h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 10px; } h3 { font-size: 10.5pt; }"
        "th { background: #e8eef4; text-align: left; } td { border-bottom: 1px solid #dddddd; }"
    )
    today = today or date.today()
    parts = [report_html.head(patient, profile, today, lang)]
    programmes = known_programmes(data_dir)
    by_programme: dict[str, list[SessionRow]] = {}
    for s in sessions:
        by_programme.setdefault(s.programme, []).append(s)
    if not by_programme:
        parts.append(report_html.nothing_recorded())
    width = text_width_px(MARGIN_MM)  # the chart as wide as the text column
    for index, (programme_id, group) in enumerate(sorted(by_programme.items())):
        programme = programmes.get(programme_id)
        figures = programme_figures(
            store, group, [e.id for e in programme.exercises] if programme else [], today
        )
        chart, name = None, f"chart{index}.png"
        if figures.rated:
            points = [(r.index, r.pain, r.effort) for r in figures.rated]
            # the points are the rated sessions side by side: the days under them are theirs (the
            # period's first and last day read as the days of the first and last rating)
            day = report_html.day_text
            chart = _chart(points, day(figures.rated[0].day, lang), day(figures.rated[-1].day, lang))
            document.addResource(QTextDocument.ResourceType.ImageResource, name, chart)
        ticks = store.activity_days(programme_id, profile=profile)
        parts.append(report_html.programme_section(figures, programme, lang, chart, name, ticks, width))
    document.setHtml("".join(parts))
    keep_parts_whole(document, MARGIN_MM)  # a heading with its table or chart, a table's rows together
    print_a4(document, out, report_html.title())
    return len(sessions)
