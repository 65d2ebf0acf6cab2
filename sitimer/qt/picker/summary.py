"""What the picker says of a loaded programme: its one-line summary and its table of exercises."""

from __future__ import annotations

import html

from sitimer.core.programme.model import Programme
from sitimer.core.programme.plan import build_plan
from sitimer.qt.common import dose_text, style


def summary(programme: Programme) -> str:
    """How often, and how long a session takes: "2 sessions a day, for 4 weeks · 12 min"."""
    total_s = build_plan(programme).total_s
    return " · ".join((dose_text.frequency_text(programme), dose_text.duration_text(total_s)))


def exercises_html(programme: Programme, lang: str) -> str:
    """The active exercises as a table: handout number, name, dose."""
    rows = []
    for e in programme.active_exercises():
        rows.append(
            "<tr>"
            f"<td style='color:{style.TEXT_MUTED}; padding-right:12px' align='right'>"
            f"{html.escape(e.number or '')}</td>"
            f"<td style='padding-right:24px'><b>{html.escape(e.name.get(lang))}</b></td>"
            f"<td>{html.escape(dose_text.dose_text(e))}</td>"
            "</tr>"
        )
    return "<table cellspacing='0' cellpadding='4'>" + "".join(rows) + "</table>"
