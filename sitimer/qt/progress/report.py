"""The therapist's report: one or two A4 pages of PDF from the history.

Per programme: what was prescribed, the period, adherence per week, dose done
per exercise, the pain and effort trend (a small chart and weekly means) and
the patient's notes. Laid out as HTML in a QTextDocument, printed by QPdfWriter.
"""

from __future__ import annotations

import html
import itertools
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPen,
    QTextDocument,
)

from sitimer.core.history import adherence
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.catalogue import by_id, listing
from sitimer.core.programme.model import Programme
from sitimer.qt.common.pdf import print_a4

PAIN_COLOUR = "#D55E00"  # Okabe-Ito vermillion
EFFORT_COLOUR = "#0072B2"  # Okabe-Ito blue


def tr(text: str) -> str:
    """Translate report text (context "Report" in the .ts file)."""
    return QCoreApplication.translate("Report", text)


def _count(n: float, one: str, other: str) -> str:
    """``one`` for 1, else ``other`` with ``{n}`` filled in (Dutch and English have these two forms)."""
    return (one if n == 1 else other).format(n=n)


def known_programmes(data_dir: Path) -> dict[str, Programme]:
    """Bundled and the patient's own programmes, by id, for exercise names."""
    return {pid: programme for pid, (_, programme) in by_id(listing(data_dir)).items()}


def _chart(
    points: list[tuple[int, int | None, int | None]],
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
    painter.setFont(QFont("DejaVu Sans", 18))
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


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"


def _programme_section(
    document: QTextDocument,
    store: HistoryStore,
    sessions: list[dict[str, Any]],
    programme: Programme | None,
    lang: str,
    index: int,
) -> str:
    first = min(adherence.local_day(s) for s in sessions)
    last = max(adherence.local_day(s) for s in sessions)
    title = (
        programme.title.get(lang) if programme else sessions[0]["programme_title"] or sessions[0]["programme"]
    )
    per_min, per_max = sessions[-1]["per_day_min"], sessions[-1]["per_day_max"]
    per_day = f"{per_min}" if per_min == per_max else f"{per_min}–{per_max}"
    parts = [f"<h2>{html.escape(title)}</h2>"]
    weeks_text = ""
    if programme and programme.frequency.weeks:
        weeks_text = _count(programme.frequency.weeks, tr(", for 1 week"), tr(", for {n:g} weeks"))
    prescribed = (
        tr("Prescribed: 1 session a day{weeks}.")
        if per_day == "1"
        else tr("Prescribed: {per_day} sessions a day{weeks}.")
    )
    parts.append(
        "<p>"
        + prescribed.format(per_day=per_day, weeks=weeks_text)
        + " "
        + tr("Period: {first} to {last} ({days}), {count}.").format(
            first=first.isoformat(),
            last=last.isoformat(),
            days=_count((last - first).days + 1, tr("1 day"), tr("{n} days")),
            count=_count(len(sessions), tr("1 session recorded"), tr("{n} sessions recorded")),
        )
        + "</p>"
    )
    window = adherence.days(sessions, first - timedelta(days=first.weekday()), last)
    window = [d for d in window if d.day >= first]
    rows = [
        [
            w.monday.isoformat(),
            f"{w.done} / {w.prescribed}",
            f"{w.percent:.0f} %",
            f"{w.days_kept} / {w.days}",
        ]
        for w in adherence.weeks(window)
    ]
    parts.append(f"<h3>{tr('Adherence per week')}</h3>")
    parts.append(
        _table([tr("Week of"), tr("Sessions done / prescribed"), tr("Adherence"), tr("Days kept")], rows)
    )
    partial = sum(1 for s in sessions if s["status"] not in (adherence.COMPLETED, adherence.RUNNING))
    if partial:
        parts.append(
            "<p>"
            + _count(
                partial,
                tr(
                    "1 session was stopped early or cut off; its finished steps count towards the dose below."
                ),
                tr(
                    "{n} sessions were stopped early or cut off; their finished steps "
                    "count towards the dose below."
                ),
            )
            + "</p>"
        )

    planned = json.loads(sessions[-1]["dose_planned"])
    prescribed_sessions = sum(d.prescribed for d in window)
    done = store.done_by_exercise([s["id"] for s in sessions])
    percents = adherence.dose_percent(done, planned, prescribed_sessions)
    dose_rows = []
    order = [e.id for e in programme.exercises] if programme else []
    for exercise, plan in sorted(
        planned.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
    ):
        name = exercise
        if programme:
            found = next((e for e in programme.exercises if e.id == exercise), None)
            name = found.name.get(lang) if found else exercise
        sets = _count(plan["sets"], tr("1 set"), tr("{n:g} sets"))
        measure = adherence.dose_measure(plan)
        if measure == "reps":
            per_session = f"{sets}, " + _count(plan["reps"], tr("1 rep"), tr("{n:g} reps"))
            got = _count(done.get(exercise, {}).get("reps", 0), tr("1 rep"), tr("{n:g} reps"))
        elif measure == "times":  # as long as it takes: how often it was done
            per_session = _count(plan["sets"], tr("1 time"), tr("{n:g} times"))
            got = _count(done.get(exercise, {}).get("times", 0), tr("1 time"), tr("{n:g} times"))
        else:
            per_session = f"{sets}, " + tr("{seconds:g} s").format(seconds=plan["seconds"])
            got = tr("{seconds:g} s").format(seconds=done.get(exercise, {}).get("seconds", 0))
        dose_rows.append([html.escape(name), per_session, got, f"{percents.get(exercise, 0):.0f} %"])
    parts.append(f"<h3>{tr('Dose per exercise')}</h3>")
    parts.append(
        _table([tr("Exercise"), tr("Per session"), tr("Done in the period"), tr("Of prescribed")], dose_rows)
    )
    rated = [
        (i, s["pain"], s["effort"])
        for i, s in enumerate(sessions)
        if s["pain"] is not None or s["effort"] is not None
    ]
    parts.append(f"<h3>{tr('Pain and effort')}</h3>")
    if rated:
        name = f"chart{index}.png"
        image = _chart(rated, first.isoformat(), last.isoformat())
        document.addResource(QTextDocument.ResourceType.ImageResource, name, image)
        legend = (
            f"<span style='color:{PAIN_COLOUR}'>● {tr('pain now (0–10)')}</span> &nbsp; "
            f"<span style='color:{EFFORT_COLOUR}'>■ {tr('effort (Borg CR10)')}</span>"
        )
        parts.append(f"<p>{legend}</p><img src='{name}' width='570'>")  # the text width of A4
        trend_rows = []
        for w in adherence.weeks(window):
            week_sessions = [
                s for s in sessions if w.monday <= adherence.local_day(s) < w.monday + timedelta(7)
            ]
            pains = [s["pain"] for s in week_sessions if s["pain"] is not None]
            efforts = [s["effort"] for s in week_sessions if s["effort"] is not None]
            trend_rows.append(
                [
                    w.monday.isoformat(),
                    f"{sum(pains) / len(pains):.1f}" if pains else "–",
                    f"{sum(efforts) / len(efforts):.1f}" if efforts else "–",
                ]
            )
        parts.append(_table([tr("Week of"), tr("Mean pain"), tr("Mean effort")], trend_rows))
    else:
        parts.append("<p>" + tr("No ratings were given.") + "</p>")
    notes = [(adherence.local_day(s), s["note"]) for s in sessions if s["note"]]
    if notes:
        parts.append(f"<h3>{tr('Notes')}</h3><ul>")
        parts += [f"<li>{day.isoformat()}: {html.escape(note)}</li>" for day, note in notes]
        parts.append("</ul>")
    return "".join(parts)


def write_report(
    out: Path,
    store: HistoryStore,
    data_dir: Path,
    *,
    lang: str = "en",
    since: date | None = None,
    profile: str = "",
    patient: str = "",
) -> int:
    """Write the PDF, readable by its owner only; returns how many sessions it covers.

    ``patient``: the name (or code) on its "Patient:" line; without it a line to fill in by hand.

    ExportError when it cannot be written (``out`` is then as it was).
    """
    since_text = f"{since.isoformat()}T00:00:00.000000Z" if since else None
    sessions = store.sessions(profile=profile, since=since_text)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    document.setDefaultStyleSheet(
        "h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 10px; } h3 { font-size: 10.5pt; }"
        "th { background: #e8eef4; text-align: left; } td { border-bottom: 1px solid #dddddd; }"
    )
    parts = [f"<h1>{tr('Exercise report')}</h1>"]
    name = " ".join(patient.split())  # one line, whatever was given
    parts.append("<p>" + tr("Patient: {name}").format(name=html.escape(name) if name else "_" * 40) + "</p>")
    if profile:
        parts.append("<p>" + tr("Patient code: {code}").format(code=html.escape(profile)) + "</p>")
    parts.append(
        "<p>"
        + tr("Made by sitimer on {day}. Runs at demonstration speed are left out.").format(
            day=date.today().isoformat()
        )
        + "</p>"
    )
    programmes = known_programmes(data_dir)
    by_programme: dict[str, list[dict[str, Any]]] = {}
    for s in sessions:
        by_programme.setdefault(s["programme"], []).append(s)
    if not by_programme:
        parts.append("<p>" + tr("No sessions recorded in this period.") + "</p>")
    for index, (programme_id, group) in enumerate(sorted(by_programme.items())):
        parts.append(_programme_section(document, store, group, programmes.get(programme_id), lang, index))
    document.setHtml("".join(parts))
    print_a4(document, out, tr("Exercise report"))
    return len(sessions)
