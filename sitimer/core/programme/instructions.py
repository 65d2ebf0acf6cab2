"""Whether an exercise's instructions still agree with its dose, and the programme's description
with how often a day it is done.

A therapist tailoring a programme changes a hold from 30 to 45 s in the editor; the instructions,
written for the leaflet, still say "Blijf zo 30 seconden liggen", and the handout printed both
one above the other. So with "2 × a day" made "3-4 × a day" under a description that says "Doe de
oefeningen 2 keer per dag". The editor cannot rewrite a sentence, but it can say which one disagrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitimer.core.programme.model import Exercise, Kind, Programme

# "2 keer per dag", "3 tot 5 keer per dag", "3-5× per dag", "3 to 5 times a day", "twice a day"
_PER_DAY = re.compile(
    r"\b(\d+|once|twice)(?:\s*(?:tot en met|tot|to|-|–)\s*(\d+))?"
    r"\s*(?:keer|×|x|times)?\s*(?:per|a)\s+(?:dag|day)\b",
    re.IGNORECASE,
)
_WORDS = {"once": 1, "twice": 2}
_SECONDS = re.compile(r"(\d+)\s*(?:seconden|seconde|sec\b\.?|seconds?|s\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Disagreement:
    """The instructions of ``exercise`` (in ``lang``) name ``said`` seconds; its dose is ``dose``."""

    exercise: str
    lang: str
    said: int
    dose: float


def stale_seconds(exercise: Exercise) -> list[Disagreement]:
    """Where a hold's (or a timed bout's) instructions name a length other than its dose."""
    span = exercise.duration_s
    if exercise.kind is Kind.HOLD:
        dose = exercise.hold_s
    elif exercise.kind is Kind.TIMED and span is not None and span.min == span.max:
        dose = span.min
    else:
        return []  # no single length to compare with (counted reps, a range, an activity)
    if not dose:
        return []
    found = []
    for lang in ("nl", "en"):
        text = getattr(exercise.instructions, lang) or ""
        for said in sorted({int(m.group(1)) for m in _SECONDS.finditer(text)}):
            if said != dose:
                found.append(Disagreement(exercise.id, lang, said, dose))
    return found


@dataclass(frozen=True)
class PerDayDisagreement:
    """The description (in ``lang``) says ``said`` a day ("2", "3–5"); the programme, ``dose``."""

    lang: str
    said: str
    dose: str


def _span(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def stale_per_day(programme: Programme) -> list[PerDayDisagreement]:
    """Where the description names another number of sessions a day than the programme's."""
    wanted = programme.frequency.sessions_per_day
    found = []
    for lang in ("nl", "en"):
        text = (getattr(programme.description, lang) or "") if programme.description else ""
        for match in _PER_DAY.finditer(text):
            low = _WORDS.get(match.group(1).lower()) or int(match.group(1))
            high = int(match.group(2)) if match.group(2) else low
            if (low, high) != (wanted.min, wanted.max):
                found.append(PerDayDisagreement(lang, _span(low, high), _span(wanted.min, wanted.max)))
    return found
