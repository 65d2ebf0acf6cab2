"""The session view's words, in the session's language: phase, set, side, count and what comes next.

Plain data and Python, no Qt: the view shows these while the voice says the
same moments (see :mod:`sitimer.words.phrases`), so they follow the session's
``lang`` rather than the Qt translator that words the buttons.
"""

from __future__ import annotations

import math

from sitimer.core.programme.model import Exercise, Sides
from sitimer.core.programme.plan import Plan, Step, StepKind

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "prepare": "Get ready",
        "work": "Work",
        "hold": "Hold",
        "timed": "Work",
        "rest": "Rest",
        "switch": "Switch sides",
        "done": "Done",
        "paused": "Paused",
        "paused_hint": "Press Space or ▶ Go on",  # the kiosk has no keyboard: its button too
        "set": "Set {k} of {n}",
        "set_done": "Set {k} of {n} done",
        "exercise_of": "Exercise {k} of {n}",
        "right": "Right side",
        "left": "Left side",
        "right_lc": "right side",
        "left_lc": "left side",
        "start_right": "start right",
        "start_left": "start left",
        "alternating_right": "Right and left in turn",
        "alternating_left": "Left and right in turn",
        "next": "Next: {what}",
        "next_rest": "rest, {t}",
        "next_set": "set {k} of {n}",
        "next_switch": "switch to the {side}",
        "next_end": "end of the session",
        "left_time": "{t} left",
        "session": "Session",
        "well_done": "Well done!",
        "tap_hint": "Press Enter when you are done",
    },
    "nl": {
        "prepare": "Klaarmaken",
        "work": "Oefenen",
        "hold": "Vasthouden",
        "timed": "Oefenen",
        "rest": "Rust",
        "switch": "Wissel van kant",
        "done": "Klaar",
        "paused": "Pauze",
        "paused_hint": "Druk op de spatiebalk of op ▶ Verder",
        "set": "Serie {k} van {n}",
        "set_done": "Serie {k} van {n} klaar",
        "exercise_of": "Oefening {k} van {n}",
        "right": "Rechterkant",
        "left": "Linkerkant",
        "right_lc": "rechterkant",
        "left_lc": "linkerkant",
        "start_right": "begin rechts",
        "start_left": "begin links",
        "alternating_right": "Om en om rechts en links",
        "alternating_left": "Om en om links en rechts",
        "next": "Hierna: {what}",
        "next_rest": "rust, {t}",
        "next_set": "serie {k} van {n}",
        "next_switch": "wissel naar de {side}",
        "next_end": "einde van de sessie",
        "left_time": "nog {t}",
        "session": "Sessie",
        "well_done": "Goed gedaan!",
        "tap_hint": "Druk op Enter als u klaar bent",
    },
}


def clock_text(seconds: float) -> str:
    """Seconds as a countdown shows them: whole seconds rounded up, m:ss from one minute."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}" if whole >= 60 else str(whole)


def length_text(seconds: float, lang: str = "en") -> str:
    """A length named ahead ("Next: rest, 15 s"): seconds with their unit under a minute, m:ss
    from one minute; a bare "15" there reads as a count, not as a rest. The unit is the one the
    rest of the screen uses ("sec" in Dutch), tied to its figure by a no-break space."""
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole}\u00a0{'sec' if lang == 'nl' else 's'}" if whole < 60 else clock_text(whole)


def minutes_text(seconds: float, *, counting_up: bool = False) -> str:
    """Always m:ss; time left rounds up, time spent (``counting_up``) rounds down."""
    whole = max(0, math.floor(seconds + 1e-6) if counting_up else math.ceil(seconds - 1e-6))
    return f"{whole // 60}:{whole % 60:02d}"


class SessionWords:
    """Describes the steps of one plan in one language."""

    def __init__(self, plan: Plan, lang: str) -> None:
        self.plan = plan
        self.lang = lang if lang in WORDS else "en"
        self.words = WORDS[self.lang]

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def phase(self, step: Step) -> str:
        """Work, Hold, Rest, Switch sides, Get ready or Done."""
        return self.words[step.kind.value]

    def _next_step(self, step: Step) -> Step | None:
        steps = self.plan.steps
        return steps[step.index + 1] if step.index + 1 < len(steps) else None

    def shown_exercise(self, step: Step) -> Exercise | None:
        """The exercise on screen: in the rest before a new exercise, that next one (read ahead)."""
        programme = self.plan.programme
        if step.kind is StepKind.REST and step.set is None:
            upcoming = self._next_step(step)
            if upcoming is not None and upcoming.exercise:
                return programme.exercise(upcoming.exercise)
        return programme.exercise(step.exercise) if step.exercise else None

    def exercise_name(self, exercise: Exercise) -> str:
        """ "2 · SI stretch": the leaflet's number and the name."""
        number = f"{exercise.number} · " if exercise.number else ""
        return number + exercise.name.get(self.lang)

    def set_line(self, step: Step) -> str:
        """ "Set 2 of 3"; in a rest between sets "Set 1 of 3 done"; between exercises, and in an
        exercise of one set (where "Set 1 of 1" says nothing), "Exercise 2 of 4"."""
        if (step.kind is StepKind.REST and step.set is None) or (step.set and step.sets == 1):
            shown = self.shown_exercise(step)
            active = [e.id for e in self.plan.exercises]  # walked in this session: no daily activity
            if shown is None or shown.id not in active:
                return ""
            return self.words["exercise_of"].format(k=active.index(shown.id) + 1, n=len(active))
        if not (step.set and step.sets):
            return ""
        key = "set_done" if step.kind is StepKind.REST else "set"
        return self.words[key].format(k=step.set, n=step.sets)

    def side_words(self, step: Step, *, lower: bool = False) -> str:
        """ "Right side", or for alternating reps the side they start on first: "Left and right in turn"
        ("start left" when lower)."""
        if step.side is Sides.ALTERNATE:
            key = ("start_" if lower else "alternating_") + step.first_side.value
            return self.words[key]
        if step.side is not None:
            return self.words[step.side.value + ("_lc" if lower else "")]
        return ""

    def side_line(self, step: Step, reps_done: int, open_ended: bool) -> str:
        """The side to work now: of the last rep counted when reps alternate."""
        side = ""
        if step.kind is StepKind.WORK and step.side is Sides.ALTERNATE:
            rep_side = step.rep_side(max(1, reps_done))
            side = self.words[rep_side.value] if rep_side else ""
        elif step.kind is not StepKind.REST:
            side = self.side_words(step)
        if open_ended and step.kind is not StepKind.DONE and not side:
            return self.words["tap_hint"]
        return side

    def count(self, step: Step, reps_done: int, remaining_s: float | None, elapsed_s: float) -> str:
        """The big figure: "12 / 30", a countdown ("30", "1:00"), or time spent when open-ended."""
        if step.kind is StepKind.DONE:
            return "✓"
        if step.kind is StepKind.WORK:
            return f"{reps_done} / {step.reps or 0}"
        if remaining_s is None:
            return minutes_text(elapsed_s, counting_up=True)
        if step.kind is StepKind.PREPARE:  # "0:15": a bare 15 over "Right and left in turn" read as 15 reps
            whole = max(0, math.ceil(remaining_s - 1e-6))
            return f"{whole // 60}:{whole % 60:02d}"
        return clock_text(remaining_s)

    def next_line(self, step: Step) -> str:
        """ "Next: SI stretch, right side", "Next: rest, 15 s", "Next: set 2 of 3, start right"."""
        upcoming = self._next_step(step)
        if upcoming is None or step.kind is StepKind.DONE:
            return ""
        w = self.words
        if upcoming.kind is StepKind.DONE:
            what = w["next_end"]
        elif upcoming.kind is StepKind.REST:
            what = w["next_rest"].format(t=length_text(upcoming.planned_s, self.lang))
        elif upcoming.kind is StepKind.SWITCH:
            what = w["next_switch"].format(side=self.side_words(upcoming, lower=True))
        elif upcoming.exercise != step.exercise or (step.kind is StepKind.REST and step.set is None):
            exercise = self.plan.programme.exercise(upcoming.exercise or "")
            side = self.side_words(upcoming, lower=True)
            what = exercise.name.get(self.lang) + (f", {side}" if side else "")
        else:
            what = w["next_set"].format(k=upcoming.set, n=upcoming.sets)
            side = self.side_words(upcoming, lower=True)
            what += f", {side}" if side and upcoming.kind is not StepKind.PREPARE else ""
        return w["next"].format(what=what)
