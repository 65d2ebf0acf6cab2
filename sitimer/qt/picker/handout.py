"""The patient's handout: the programme on paper (PDF), to take home from the treatment room.

Every exercise with its number, name, dose and instructions; how often a day
and for how many weeks; what the programme is for; exercises of a phase that
is not switched on yet are listed apart, "only when your therapist says so".
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument

from sitimer.core.programme.model import Exercise, Programme
from sitimer.core.programme.plan import build_plan
from sitimer.qt.common.dose_text import dose_text, duration_text, frequency_text
from sitimer.qt.common.pdf import print_a4


def tr(text: str) -> str:
    """Translate handout text (context "Handout")."""
    return QCoreApplication.translate("Handout", text)


def _exercise(exercise: Exercise, lang: str) -> str:
    number = f"{html.escape(exercise.number)}. " if exercise.number else ""
    return (
        f"<h3>{number}{html.escape(exercise.name.get(lang))}</h3>"
        f"<p class='dose'>{html.escape(dose_text(exercise))}</p>"
        f"<p>{html.escape(exercise.instructions.get(lang))}</p>"
    )


def handout_html(programme: Programme, lang: str) -> str:
    """The handout as HTML for a QTextDocument."""
    minutes = duration_text(build_plan(programme).total_s)
    parts = [
        f"<h1>{html.escape(programme.title.get(lang))}</h1>",
        f"<p class='when'>{html.escape(frequency_text(programme))} · {html.escape(minutes)}</p>",
    ]
    if programme.description:
        parts.append(f"<p>{html.escape(programme.description.get(lang))}</p>")
    active = programme.active_exercises()
    parts += [_exercise(e, lang) for e in active]
    later = [e for e in programme.exercises if e not in active]
    if later:
        parts.append("<h2>" + tr("Later: only when your therapist says so") + "</h2>")
        for phase in programme.phases:
            if phase.enabled:
                continue
            note = f" — {html.escape(phase.note.get(lang))}" if phase.note else ""
            parts.append(f"<p><b>{html.escape(phase.title.get(lang))}</b>{note}</p>")
        parts += [_exercise(e, lang) for e in later]
    parts.append(
        "<p class='small'>"
        + tr("Stop an exercise that causes sharp pain, and ask your therapist.")
        + (" " + tr("Source: {0}").format(html.escape(programme.source)) if programme.source else "")
        + "</p>"
    )
    return "".join(parts)


def write_handout(programme: Programme, out: Path, lang: str = "en") -> None:
    """Write the handout PDF (A4); ExportError when it cannot be written.

    A handout holds the programme only, no patient's data, and is made to be handed over, so it gets
    the usual file mode (the umask's), not the owner-only mode of a report.
    """
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setDefaultStyleSheet(
        "h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14px; }"
        "h3 { font-size: 12pt; margin-top: 12px; margin-bottom: 2px; }"
        "p.when { font-size: 11pt; font-weight: bold; } p.dose { font-weight: bold; color: #0b5d8a; }"
        "p.small { font-size: 8pt; color: #555555; margin-top: 16px; }"
    )
    document.setHtml(handout_html(programme, lang))
    print_a4(document, out, programme.title.get(lang), margin_mm=17, private=False)
