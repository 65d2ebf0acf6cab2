"""What the session screen writes of a side: the side an exercise starts on comes first."""

from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Sides
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.words.session_words import SessionWords


def _first_prepare(plan, exercise_id):
    return next(
        s
        for s in plan.steps
        if s.exercise == exercise_id and s.kind is StepKind.PREPARE and s.side is Sides.ALTERNATE
    )


def test_the_side_line_names_first_the_side_the_reps_start_on(si_blokkade, si_gewricht):
    # Seed 002: knee rolls go to the left first ("first_side: left"); seed 000 starts every exercise right.
    knees = build_plan(load_file(si_blokkade))
    windmills = build_plan(load_file(si_gewricht))
    assert (
        SessionWords(knees, "nl").side_words(_first_prepare(knees, "knieen-opzij"))
        == "Om en om links en rechts"
    )
    assert (
        SessionWords(knees, "en").side_words(_first_prepare(knees, "knieen-opzij"))
        == "Left and right in turn"
    )
    assert SessionWords(windmills, "en").side_words(_first_prepare(windmills, "molenwieken")) == (
        "Right and left in turn"
    )
    assert (
        SessionWords(knees, "en").side_words(_first_prepare(knees, "knieen-opzij"), lower=True)
        == "start left"
    )


def test_the_next_line_gives_a_short_rest_its_unit(si_blokkade, si_gewricht):
    # Seed 002 rests 15 s between sets; seed 000 one minute. "Next: rest, 15" would read as a count.
    knees = build_plan(load_file(si_blokkade))
    windmills = build_plan(load_file(si_gewricht))

    def before_first_rest(plan):
        rest = next(s for s in plan.steps if s.kind is StepKind.REST)
        return plan.steps[rest.index - 1]

    assert SessionWords(knees, "en").next_line(before_first_rest(knees)) == "Next: rest, 15\u00a0s"
    assert (
        SessionWords(knees, "nl").next_line(before_first_rest(knees)) == "Hierna: rust, 15\u00a0sec"
    )  # as the picker words it
    assert SessionWords(windmills, "en").next_line(before_first_rest(windmills)) == "Next: rest, 1:00"


def test_an_exercise_of_one_set_says_which_exercise_it_is_not_set_1_of_1(tmp_path):
    programme = tmp_path / "two.yaml"
    programme.write_text(
        """\
id: two
title: Two
frequency: {sessions_per_day: 1}
exercises:
  - {id: once, name: Once, instructions: Once., kind: hold, hold_s: 5, sides: none}
  - {id: thrice, name: Thrice, instructions: Three times., kind: hold, hold_s: 5, sides: none, sets: 3}
"""
    )
    plan = build_plan(load_file(programme))
    words = SessionWords(plan, "en")
    lines = {(s.exercise, s.kind, s.set): words.set_line(s) for s in plan.steps if s.exercise}
    assert lines[("once", StepKind.HOLD, 1)] == "Exercise 1 of 2"
    assert lines[("thrice", StepKind.HOLD, 2)] == "Set 2 of 3"
    hold = next(s for s in plan.steps if s.exercise == "once" and s.kind is StepKind.HOLD)
    assert SessionWords(plan, "nl").set_line(hold) == "Oefening 1 van 2"


def test_the_time_to_get_ready_is_shown_as_a_time_not_as_a_count(si_gewricht):
    """Get ready's "15" over "Right and left in turn" (windmills, 15 a side) read as 15 reps."""
    windmills = build_plan(load_file(si_gewricht))
    words = SessionWords(windmills, "en")
    prepare = _first_prepare(windmills, "molenwieken")
    assert words.count(prepare, 0, 15.0, 0.0) == "0:15"
    hold = next(s for s in windmills.steps if s.kind is StepKind.HOLD)
    assert words.count(hold, 0, 30.0, 0.0) == "30"  # a hold's seconds, counted down, as before


def test_exercise_k_of_n_counts_the_exercises_of_the_session_not_the_daily_walk(si_blokkade):
    """SI blockage's walk is done once a day, apart from the sessions: "Exercise 4 of 9" showed for
    the third of the session's eight exercises."""
    plan = build_plan(load_file(si_blokkade))
    walked = [e.id for e in plan.exercises]
    words = SessionWords(plan, "en")
    between = [s for s in plan.steps if s.kind is StepKind.REST and s.set is None]
    lines = [words.set_line(s) for s in between]
    n = len(walked)
    assert "wandelen-fietsen" not in walked
    assert lines and all(line.endswith(f" of {n}") for line in lines)
    assert lines[0] == f"Exercise 2 of {n}"  # the rest before the session's second exercise
