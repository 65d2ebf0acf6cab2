"""How a programme's prescription reads: "2× a day, for 4 weeks", "3 × 30 alternating, 60 s rest".

Used by the programme picker, and by anything else that shows a programme to
the patient (a handout). The words go through Qt's translator, context "Dose".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sitimer.core.programme.model import Exercise, Kind, Pacing, Programme, Range, Sides
from sitimer.core.programme.plan import session_minutes


def tr(text: str) -> str:
    """Translate in the "Dose" context."""
    return QCoreApplication.translate("Dose", text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def frequency_text(programme: Programme) -> str:
    """How often a day and for how many weeks: "2× a day, for 4 weeks"."""
    per_day = programme.frequency.sessions_per_day
    if per_day.min == per_day.max:
        text = tr("{0}× a day").format(_number(per_day.min))
    else:
        text = tr("{0}–{1}× a day").format(_number(per_day.min), _number(per_day.max))
    weeks = programme.frequency.weeks
    if weeks:
        text += (tr(", for 1 week") if weeks == 1 else tr(", for {0} weeks")).format(_number(weeks))
    return text


def duration_text(total_s: float) -> str:
    """The session's planned length: "about 26 min a session"."""
    return tr("about {0} min a session").format(session_minutes(total_s))


def seconds_text(seconds: float) -> str:
    """A dose's time: "30 s", "2 min", "2 min 30 s"."""
    if seconds < 120:
        return tr("{0} s").format(_number(seconds))
    minutes, rest = divmod(round(seconds), 60)
    if rest:
        return tr("{0} min {1} s").format(minutes, rest)
    return tr("{0} min").format(minutes)


def _range_text(value: Range) -> str:
    if value.min == value.max:
        return seconds_text(value.max)
    unit_s = 60 if value.min >= 120 else 1
    low, high = _number(value.min / unit_s), _number(value.max / unit_s)
    return (tr("{0}–{1} min") if unit_s == 60 else tr("{0}–{1} s")).format(low, high)


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
    rest = ""
    if e.sets > 1 and e.rest_s > 0:
        rest = tr(", {0} rest").format(seconds_text(e.rest_s))
    return sets + core + rest


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
