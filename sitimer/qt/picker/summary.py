"""What the picker says of a loaded programme: its one-line summary and its table of session exercises."""

from __future__ import annotations

import html

from sitimer.core.programme.model import Programme
from sitimer.core.programme.plan import build_plan
from sitimer.qt.common import dose_text, style


def summary(programme: Programme) -> str:
    """Frequency, review, length: "2× a day, review after 4 weeks · about 26 min a session"."""
    plan = build_plan(programme)
    if not plan.exercises:  # no session: "1× a day · about 1 min a session" said what is not there
        return dose_text.no_session_text()
    return " · ".join((dose_text.frequency_text(programme), dose_text.duration_text(plan.total_s)))


def exercises_html(programme: Programme, lang: str) -> str:
    """The exercises of a session as a table: handout number, name (and the card's number), dose.

    The dose in the leaflet's words, as the handout has it, so screen and paper agree. The name of
    an exercise with a figure (or a photo or video) is a link, ``exercise:<id>``: the picker shows its figure.

    A daily activity (a walk) is no part of a session: the picker shows it apart.
    """
    rows = []
    daily = build_plan(programme).daily_activities
    for e in programme.active_exercises():
        if e in daily:
            continue
        card = dose_text.card_text(e)
        card_html = f" <span style='color:{style.TEXT_MUTED}'>{html.escape(card)}</span>" if card else ""
        name = f"<b>{html.escape(e.name.get(lang))}</b>"
        if e.figure is not None or e.media:
            link = f"color:{style.TEXT}; text-decoration:none"
            name = f"<a href='exercise:{html.escape(e.id)}' style='{link}'>{name}</a>"
        rows.append(
            "<tr>"
            f"<td style='color:{style.TEXT_MUTED}; padding-right:12px' align='right'>"
            f"{html.escape(e.number or '')}</td>"
            f"<td style='padding-right:24px'>{name}{card_html}</td>"
            f"<td>{html.escape(dose_text.leaflet_words(e, lang) + dose_text.rest_text(e))}</td>"
            "</tr>"
        )
    return "<table cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"
