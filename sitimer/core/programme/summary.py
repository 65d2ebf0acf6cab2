"""A plan as a therapist reads it on the command line (`sitimer plan FILE`), in Dutch or English.

One line per exercise with our number and the card's own where they differ, the dose in the
leaflet's words, the daily activities apart, the time a session and a day takes, the check-ins,
and what is switched off. `plan --json` gives the same facts to a program.
"""

from __future__ import annotations

import math

from sitimer.core.programme.dose_words import leaflet_dose
from sitimer.core.programme.model import Exercise
from sitimer.core.programme.plan import Plan, daily_minutes, session_minutes

_WORDS = {
    "nl": {
        "per_day": "{0}× per dag",
        "once": "1× per dag",
        "no_session": "Geen oefenmoment: alleen dagelijkse activiteiten",
        "session": "ongeveer {0} min per keer",
        "daily": "{0} per dag",
        "card": "kaart",
        "activities": "Elke dag, los van de oefenmomenten:",
        "check_ins": "Momenten om de balans op te maken:",
        "week": "week {0}",
        "review": "week {0}, evaluatie",
        "off": "Staat uit: {0}",
        "hours": "{0} uur {1} min",
    },
    "en": {
        "per_day": "{0} times a day",
        "once": "once a day",
        "no_session": "No session: daily activities only",
        "session": "about {0} min each time",
        "daily": "{0} a day",
        "card": "card",
        "activities": "Every day, apart from the sessions:",
        "check_ins": "Check-ins:",
        "week": "week {0}",
        "review": "week {0}, review",
        "off": "Switched off: {0}",
        "hours": "{0} h {1} min",
    },
}


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _length(seconds: float, lang: str) -> str:
    """A day's time: "33 min", "1 uur 28 min" (rounded up to the minute, as a session's is)."""
    minutes = math.ceil(seconds / 60 - 1e-9)
    if minutes < 60:
        return f"{minutes} min"
    return _WORDS[lang]["hours"].format(*divmod(minutes, 60))


def exercise_line(e: Exercise, lang: str) -> str:
    """ "5 · Bekken kantelen (hol en bol) (kaart: oef. 6) — 10×, 3 keer"."""
    name = e.name.get(lang)
    if e.number:
        name = f"{e.number} · {name}"
    if e.card:
        name += f" ({_WORDS[lang]['card']}: {e.card})"
    return f"{name} — {leaflet_dose(e).get(lang)}"


def _times(plan: Plan, lang: str) -> str:
    words = _WORDS[lang]
    per_day, daily = plan.programme.frequency.sessions_per_day, daily_minutes(plan)
    count = (
        _figure(per_day.min)
        if per_day.min == per_day.max
        else f"{_figure(per_day.min)}–{_figure(per_day.max)}"
    )
    low, high = _length(daily.min * 60, lang), _length(daily.max * 60, lang)
    if low == high:
        total = low
    elif high.count(" ") == 1:  # both in minutes: "33–54 min"
        total = f"{low.split()[0]}–{high}"
    else:
        total = f"{low} – {high}"
    if not plan.exercises:  # daily activities alone: no session, so no times a day of it
        return words["no_session"]
    often = words["once"] if count == "1" else words["per_day"].format(count)
    parts = (often, words["session"].format(session_minutes(plan.total_s)))
    return " · ".join((*parts, words["daily"].format(total)))


def plan_lines(plan: Plan, lang: str, all_phases: bool = False) -> list[str]:
    """The plan of one session and a day, as lines to print."""
    p, words = plan.programme, _WORDS[lang]
    lines = [p.title.get(lang), _times(plan, lang), ""]
    lines += [f"  {exercise_line(e, lang)}" for e in plan.exercises]
    if plan.daily_activities:
        lines += ["", words["activities"], *(f"  {exercise_line(e, lang)}" for e in plan.daily_activities)]
    if p.frequency.check_ins:
        lines += ["", words["check_ins"]]
        for c in p.frequency.check_ins:
            when = words["review" if c.review else "week"].format(_figure(c.week))
            lines.append(f"  {when}: {c.note.get(lang)}")
    off = [e.name.get(lang) for e in p.exercises if not p.is_active(e, all_phases)]
    if off:
        lines += ["", words["off"].format("; ".join(off))]
    return lines
