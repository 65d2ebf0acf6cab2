"""An exercise's dose in a leaflet's words: "15× per kant, 3 keer", "30 sec vasthouden, 3× beiderzijds".

A therapist's leaflet counts per side where it prescribes per side, and in all where it
prescribes a total ("totaal 10× om en om"); it says how many times a series is done, and
for an activity (a walk, a ride) that there is no count. Rests are not part of these words.
"""

from __future__ import annotations

from sitimer.core.programme.model import Exercise, Kind, Range, Sides, Text


def _number(value: float, lang: str) -> str:
    value = round(value, 1)  # no more figures than a leaflet gives
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def _seconds(value: Range | float, lang: str) -> str:
    """A length as a leaflet writes it: "30 sec", "10–12 sec", "2 min" (en "30 s", "2 min"); in
    Dutch "sec" as everywhere else on the screen, in the handout and in the plan (no "sec." beside "sec")."""
    low, high = (value.min, value.max) if isinstance(value, Range) else (value, value)
    # minutes where they come out whole or half ("2,5 min"), not "2,08333–3,08333 min" for 125-185 s
    in_minutes = low >= 120 and low % 30 == 0 and high % 30 == 0
    unit_s, unit = (60, "min") if in_minutes else (1, "sec" if lang == "nl" else "s")
    figures = (
        [_number(low / unit_s, lang)] if low == high else [_number(v / unit_s, lang) for v in (low, high)]
    )
    return "–".join(figures) + f" {unit}"


def _count(e: Exercise, lang: str) -> str:
    reps = e.reps or 0
    if e.sides is Sides.EACH or (e.sides is Sides.ALTERNATE and e.counted_per_side):
        return f"{reps // 2}× per kant" if lang == "nl" else f"{reps // 2} per side"
    if e.sides is Sides.ALTERNATE:
        return f"totaal {reps}× om en om" if lang == "nl" else f"{reps} in all, alternating"
    return f"{reps}×" if lang == "nl" else f"{reps} reps"


def _core(e: Exercise, lang: str) -> str:
    if e.kind is Kind.REPS:
        return _count(e, lang)
    if e.kind is Kind.HOLD:
        held = _seconds(e.hold_s or 0, lang)
        return f"{held} vasthouden" if lang == "nl" else f"hold {held}"
    if e.duration_s is not None:
        return _seconds(e.duration_s, lang)
    return "n.v.t." if lang == "nl" else "no count"


def _series(e: Exercise, lang: str) -> str:
    """How often the whole is done: "3 keer", or "3× beiderzijds" for a hold on each side."""
    each = e.kind is not Kind.REPS and e.sides is Sides.EACH
    if each:
        if e.sets == 1:
            return "beiderzijds" if lang == "nl" else "each side"
        return f"{e.sets}× beiderzijds" if lang == "nl" else f"{e.sets} times each side"
    if e.sets == 1:
        return ""
    return f"{e.sets} keer" if lang == "nl" else f"{e.sets} times"


def leaflet_dose(exercise: Exercise) -> Text:
    """The dose of one exercise as a leaflet words it, in Dutch and English."""
    if exercise.kind is Kind.ACTIVITY and exercise.duration_s is None:
        return Text(nl="n.v.t.", en="no count")
    words = {
        lang: ", ".join(p for p in (_core(exercise, lang), _series(exercise, lang)) if p)
        for lang in ("nl", "en")
    }
    return Text(nl=words["nl"], en=words["en"])
