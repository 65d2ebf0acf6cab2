"""Whether an exercise's instructions still agree with its dose.

A therapist tailoring a programme changes a hold from 30 to 45 s in the editor; the instructions,
written for the leaflet, still say "Blijf zo 30 seconden liggen", and the handout printed both
one above the other. The editor cannot rewrite a sentence, but it can say which one disagrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitimer.core.programme.model import Exercise, Kind

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
