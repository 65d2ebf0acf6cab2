"""How a programme's prescription reads: "2× a day, review after 4 weeks", "3 × 30 alternating, 60 s rest".

Used by the programme picker, the editor, and anything else that shows a programme
to the patient (a handout). The words go through Qt's translator, context "Dose";
figures with a fraction are written as in the language (Dutch "3,3", English "3.3").
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from sitimer.core.programme.dose_words import leaflet_dose
from sitimer.core.programme.model import Exercise, Kind, Pacing, Programme, Range, Sides
from sitimer.core.programme.plan import Plan, daily_minutes, session_minutes


def tr(text: str) -> str:
    """Translate in the "Dose" context."""
    return QCoreApplication.translate("Dose", text)


_UNIT = re.compile(r"(\d) (s|sec|min)\b")


def leaflet_words(exercise: Exercise, lang: str) -> str:
    """The dose in a leaflet's words ("30 sec vasthouden, 3× beiderzijds"), as shown and printed:
    a no-break space ties each figure to its unit, so a line never ends in "30" before "sec"."""
    return _UNIT.sub("\\1\u00a0\\2", leaflet_dose(exercise).get(lang))


def figure_text(value: float) -> str:
    """A figure as the language shown writes it, to one decimal at most: "12,5" in Dutch."""
    value = round(value, 1)
    return str(int(value)) if float(value).is_integer() else QLocale().toString(value, "f", 1)


def per_day_text(programme: Programme) -> str:
    """How often a day: "2× a day", "3–5× a day"."""
    per_day = programme.frequency.sessions_per_day
    if per_day.min == per_day.max:
        return tr("{0}× a day").format(figure_text(per_day.min))
    return tr("{0}–{1}× a day").format(figure_text(per_day.min), figure_text(per_day.max))


def frequency_text(programme: Programme) -> str:
    """How often a day, and when the review is: "2× a day, review after 4 weeks".

    The weeks are a review point, not an end: the exercises usually go on after it.
    """
    text = per_day_text(programme)
    weeks = programme.frequency.weeks
    if weeks:
        text += (tr(", review after 1 week") if weeks == 1 else tr(", review after {0} weeks")).format(
            figure_text(weeks)
        )
    return text


def no_session_text() -> str:
    """What stands for a session's length where a programme has daily activities alone."""
    return tr("Daily activities only")


def duration_text(total_s: float) -> str:
    """The session's planned length: "about 26 min a session"."""
    return tr("about {0} min a session").format(session_minutes(total_s))


def one_decimal(value: float, lang: str) -> str:
    """A figure to one decimal, with a decimal comma in Dutch: "6,0" (en "6.0")."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def _decimal(value: float, lang: str) -> str:
    """A figure to one decimal as ``lang`` writes it, without a trailing zero: "2", "3,3" (en "3.3")."""
    rounded = round(value + 1e-9, 1)  # half up: 69 min is 1.15 h, said "1.2"
    if rounded.is_integer():
        return str(int(rounded))
    return QLocale(lang).toString(rounded, "f", 1)


def daily_total_text(plan: Plan, lang: str) -> str:
    """A session's length times the sessions a day, for the therapist: "about 40 min a session × 3–5
    a day = 2–3.3 hours a day". Daily activities (a walk) are not counted.

    The day's figures are core's ``daily_minutes``: the sum on screen adds up, and ``sitimer plan``
    says the same.
    """
    per_day = plan.programme.frequency.sessions_per_day
    minutes = session_minutes(plan.total_s)
    times = _span(figure_text(per_day.min), figure_text(per_day.max))
    day = daily_minutes(plan)
    low, high = day.min, day.max
    if high < 60:
        total = tr("{0} min a day").format(_span(figure_text(low), figure_text(high)))
    else:
        figures = _span(_decimal(low / 60, lang), _decimal(high / 60, lang))
        total = (tr("{0} hour a day") if figures == "1" else tr("{0} hours a day")).format(figures)
    return tr("about {0} min a session × {1} a day = {2}").format(minutes, times, total)


def _span(low: str, high: str) -> str:
    return low if low == high else f"{low}–{high}"


def seconds_text(seconds: float) -> str:
    """A dose's time: "30 s", "2 min", "2 min 30 s"."""
    if seconds < 120:
        return tr("{0} s").format(figure_text(seconds))
    minutes, rest = divmod(round(seconds), 60)
    if rest:
        return tr("{0} min {1} s").format(minutes, rest)
    return tr("{0} min").format(minutes)


def _range_text(value: Range) -> str:
    if value.min == value.max:
        return seconds_text(value.max)
    # minutes where they come out whole or half, as dose_words writes them
    unit_s = 60 if value.min >= 120 and value.min % 30 == 0 and value.max % 30 == 0 else 1
    low, high = figure_text(value.min / unit_s), figure_text(value.max / unit_s)
    return (tr("{0}–{1} min") if unit_s == 60 else tr("{0}–{1} s")).format(low, high)


def card_text(exercise: Exercise) -> str:
    """The leaflet's own number where it differs from ours: "(card: ex. 6)"; empty where it does not.

    The card is Dutch ("oef. 6", "afb. 5"); its abbreviations are said in the language shown.
    """
    if not exercise.card:
        return ""
    label = exercise.card
    found = re.fullmatch(r"(oef|afb)\.?\s*(\S+)", label, re.IGNORECASE)
    if found:
        word = tr("ex. {0}") if found.group(1).lower() == "oef" else tr("fig. {0}")
        label = word.format(found.group(2))
    return tr("(card: {0})").format(label)


def dose_text(exercise: Exercise) -> str:
    """What one exercise asks: "3 × 30 alternating, 60 s rest", "3 × hold 30 s each side"."""
    e = exercise
    if e.kind is Kind.REPS:
        if e.sides is Sides.ALTERNATE:
            core = tr("{0} alternating").format(e.reps)
        elif e.sides is Sides.EACH:
            core = tr("{0} each side").format(e.reps_per_block())
        else:
            core = str(e.reps)
        if e.pacing is Pacing.SELF:
            core += tr(", at your own pace")
    elif e.kind is Kind.HOLD:
        core = tr("hold {0}").format(seconds_text(e.hold_s or 0))
        if e.sides is Sides.EACH:
            core += tr(" each side")
    elif e.kind is Kind.TIMED:
        core = _range_text(e.duration_s) if e.duration_s else ""
    elif e.duration_s is not None:
        core = _range_text(e.duration_s)
    else:
        core = tr("about {0}").format(seconds_text(e.estimate_s or 0))
    sets = f"{e.sets} × " if e.sets > 1 else ""
    return sets + core + rest_text(e)


def rest_text(exercise: Exercise) -> str:
    """The rest between its series, to follow a dose: ", 60 s rest"; empty without one."""
    if exercise.sets > 1 and exercise.rest_s > 0:
        return tr(", {0} rest").format(seconds_text(exercise.rest_s))  # "15 sec rust" on one line
    return ""


def off_lines(programme: Programme, lang: str) -> list[str]:
    """What this programme leaves out for now: "Building up — switched off; ask your therapist"."""
    lines = []
    for phase in programme.phases:
        if not phase.enabled:
            count = sum(1 for e in programme.exercises if e.phase == phase.id)
            text = (
                tr("{0} — switched off; ask your therapist (1 exercise)")
                if count == 1
                else tr("{0} — switched off; ask your therapist ({1} exercises)")
            )
            lines.append(text.format(phase.title.get(lang), count))
    for e in programme.exercises:
        own_phase = programme.phase(e.phase)
        if not e.enabled and (own_phase is None or own_phase.enabled):
            lines.append(tr("{0} — switched off; ask your therapist").format(e.name.get(lang)))
    return lines
