"""The patient's handout: the programme on paper (PDF), to take home from the treatment room.

The header says how often a day, how long a session takes, and the moments to take
stock (the leaflet's check-ins, the review among them: a review is no end date).
Every exercise follows with our number and, where the leaflet numbers it otherwise,
the card's ("5 · Pelvic tilt (card: ex. 6)"), its dose as the leaflet words it
("15 per side, 3 times"), the rest between sets, and the instructions. A daily
activity (a walk) stands apart from the sessions, without our planning estimate;
exercises of a phase that is not switched on yet are listed apart, "only when
your therapist says so".
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument

from sitimer.core.programme.model import CheckIn, Exercise, Kind, Programme
from sitimer.core.programme.plan import build_plan
from sitimer.qt.common.dose_text import card_text, duration_text, frequency_text, leaflet_words, seconds_text
from sitimer.qt.common.page_breaks import keep_parts_whole
from sitimer.qt.common.pdf import MARGIN_MM, html_lines, pdf_font, print_a4
from sitimer.qt.picker.key_pictures import DPI, key_pictures, media_picture


@dataclass
class Pictures:
    """The handout's pictures by the name its HTML gives them; photos and videos are found in ``folder``."""

    folder: Path | None
    images: dict[str, QImage] = field(default_factory=dict)


def tr(text: str) -> str:
    """Translate handout text (context "Handout")."""
    return QCoreApplication.translate("Handout", text)


def numbered_name(exercise: Exercise, lang: str) -> str:
    """Our number, the name, and the card's number where it differs: "5 · Pelvic tilt (card: ex. 6)"."""
    number = f"{exercise.number} · " if exercise.number else ""
    card = card_text(exercise)
    return number + exercise.name.get(lang) + (f" {card}" if card else "")


def _dose(exercise: Exercise, lang: str) -> str:
    """The dose as the leaflet gives it; a free activity has none (no estimate of ours)."""
    if exercise.kind is Kind.ACTIVITY and exercise.duration_s is None:
        return tr("No set count or time")
    return leaflet_words(exercise, lang)


def _pictures(exercise: Exercise, pictures: Pictures | None) -> str:
    """The key frames in a row, each with its caption under it, or the photo or video's still; kept
    in ``pictures`` by name."""
    if pictures is None:
        return ""
    if exercise.media:  # the therapist's own photo or video instead of the figure
        still = media_picture(exercise, pictures.folder)
        shown = [still] if still else []
    else:
        shown = key_pictures(exercise)
    if not shown:
        return ""
    cells, captions = [], []
    for n, picture in enumerate(shown):
        name = f"figure/{exercise.id}/{n}.png"
        pictures.images[name] = picture.image
        width, height = (round(size / DPI * 96) for size in (picture.image.width(), picture.image.height()))
        cells.append(f"<td align='center'><img src='{name}' width='{width}' height='{height}'></td>")
        captions.append(f"<td align='center' class='caption'>{html.escape(picture.caption)}</td>")
    below = f"<tr>{''.join(captions)}</tr>" if any(p.caption for p in shown) else ""
    return f"<table class='figure' cellspacing='0' cellpadding='6'><tr>{''.join(cells)}</tr>{below}</table>"


def _exercise(exercise: Exercise, lang: str, pictures: Pictures | None = None) -> str:
    rest = ""
    if exercise.sets > 1 and exercise.rest_s > 0:
        between = tr("{0} rest between sets").format(seconds_text(exercise.rest_s))
        rest = f"<p class='rest'>{html.escape(between)}</p>"
    return (
        f"<h3>{html.escape(numbered_name(exercise, lang))}</h3>"
        f"<p class='dose'>{html.escape(_dose(exercise, lang))}</p>{rest}"
        f"<p>{html_lines(exercise.instructions.get(lang))}</p>{_pictures(exercise, pictures)}"
    )


def _check_in(check_in: CheckIn, lang: str) -> str:
    weeks = f"{check_in.week:g}".replace(".", "," if lang == "nl" else ".")
    if check_in.review:
        when = tr("After 1 week — review:") if check_in.week == 1 else tr("After {0} weeks — review:")
    else:
        when = tr("After 1 week:") if check_in.week == 1 else tr("After {0} weeks:")
    return f"<b>{html.escape(when.format(weeks))}</b> {html.escape(check_in.note.get(lang))}"


def _header(programme: Programme, lang: str) -> list[str]:
    """Title; how often and how long; the check-ins; what the programme is for."""
    plan = build_plan(programme)
    # a programme of daily activities alone has no session to take minutes
    when = [frequency_text(programme), *([duration_text(plan.total_s)] if plan.exercises else [])]
    parts = [
        f"<h1>{html.escape(programme.title.get(lang))}</h1>",
        f"<p class='when'>{html.escape(' · '.join(when))}</p>",
    ]
    check_ins = programme.frequency.check_ins
    if check_ins:
        parts.append("<p class='checks'>" + "<br>".join(_check_in(c, lang) for c in check_ins) + "</p>")
    if programme.description:
        parts.append(f"<p>{html_lines(programme.description.get(lang))}</p>")
    return parts


def handout_html(programme: Programme, lang: str, pictures: Pictures | None = None) -> str:
    """The handout as HTML for a QTextDocument; with ``pictures``, each exercise's figure or photo too."""
    parts = _header(programme, lang)
    active = programme.active_exercises()
    daily = build_plan(programme).daily_activities
    session = [e for e in active if e not in daily]
    if daily:
        parts.append("<h2>" + tr("Every day, apart from the sessions") + "</h2>")
        parts += [_exercise(e, lang, pictures) for e in daily]
        if session:
            parts.append("<h2>" + tr("The exercises of each session") + "</h2>")
    parts += [_exercise(e, lang, pictures) for e in session]
    # A phase still off comes later, when the therapist says so; an exercise the therapist switched
    # off for this patient is not theirs at all, so the handout leaves it out.
    later = [e for e in programme.exercises if e not in active and e.enabled]
    if later:
        parts.append("<h2>" + tr("Later: only when your therapist says so") + "</h2>")
        for phase in programme.phases:
            if phase.enabled:
                continue
            note = f" — {html.escape(phase.note.get(lang))}" if phase.note else ""
            parts.append(f"<p><b>{html.escape(phase.title.get(lang))}</b>{note}</p>")
        parts += [_exercise(e, lang, pictures) for e in later]
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
    document.setDefaultFont(pdf_font(10))
    document.setDefaultStyleSheet(
        "h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14px; }"
        "h3 { font-size: 12pt; margin-top: 12px; margin-bottom: 2px; }"
        "p.when { font-size: 11pt; font-weight: bold; }"
        "p.dose { font-weight: bold; color: #0b5d8a; margin-bottom: 0px; }"
        "p.checks { margin-top: 4px; margin-bottom: 8px; } p.rest { color: #555555; margin-top: 0px; }"
        "p.small { font-size: 8pt; color: #555555; margin-top: 16px; }"
        "td.caption { font-size: 9pt; color: #2E3A48; }"
    )
    pictures = Pictures(Path(programme.path).parent if programme.path else None)
    text = handout_html(programme, lang, pictures)
    for name, image in pictures.images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(text)
    keep_parts_whole(document, MARGIN_MM)
    print_a4(document, out, programme.title.get(lang), margin_mm=MARGIN_MM, private=False)
