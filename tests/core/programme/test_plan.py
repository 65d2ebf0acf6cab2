"""The plan: what one session of a bundled programme consists of."""

import dataclasses
import itertools

from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.model import Side, Sides
from sitimer.core.programme.plan import (
    Plan,
    Step,
    StepKind,
    build_plan,
    daily_minutes,
    daily_time_s,
    session_minutes,
)


def exercise_steps(plan: Plan, exercise_id: str) -> list[Step]:
    """The steps that belong to one exercise."""
    return [s for s in plan.steps if s.exercise == exercise_id]


def test_si_gewricht_molenwieken_is_three_sets_of_thirty_alternating_with_a_minute_between(si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    steps = exercise_steps(plan, "molenwieken")
    work = [s for s in steps if s.kind is StepKind.WORK]
    assert [(s.set, s.sets, s.reps, s.side) for s in work] == [(k, 3, 30, "alternate") for k in (1, 2, 3)]
    rests = [s for s in steps if s.kind is StepKind.REST and s.set is not None]
    assert [r.duration_s for r in rests] == [60.0, 60.0]
    # rests sit between the sets, not after the last
    kinds = [s.kind for s in steps if s.set is not None]
    assert kinds == [
        StepKind.PREPARE,
        StepKind.WORK,
        StepKind.REST,
        StepKind.WORK,
        StepKind.REST,
        StepKind.WORK,
    ]


def test_si_rekken_is_six_holds_of_thirty_seconds_three_per_side(si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    holds = [s for s in exercise_steps(plan, "si-rekken") if s.kind is StepKind.HOLD]
    assert [h.duration_s for h in holds] == [30.0] * 6
    assert [h.side for h in holds] == ["right", "left"] * 3
    switches = [s for s in exercise_steps(plan, "si-rekken") if s.kind is StepKind.SWITCH]
    assert len(switches) == 5  # between every two holds


def test_start_times_add_up_and_total_is_the_end(si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    for before, after in zip(plan.steps, plan.steps[1:], strict=False):
        assert after.start_s == before.start_s + before.planned_s
    assert plan.steps[-1].kind is StepKind.DONE
    assert plan.total_s == plan.steps[-1].start_s
    assert 20 * 60 < plan.total_s < 35 * 60  # a session a patient can do twice a day


def test_phase_switched_off_is_left_out_unless_all_phases(si_blokkade):
    programme = load_file(si_blokkade)
    today = {s.exercise for s in build_plan(programme).steps if s.exercise}
    everything = {s.exercise for s in build_plan(programme, all_phases=True).steps if s.exercise}
    assert len(today) == 3  # exercises 2-4: the walk of exercise 1 is a daily activity, not a step
    assert len(everything) == 10
    assert today < everything


def test_heel_walk_runs_to_the_upper_figure_of_ten_to_twelve_seconds(si_blokkade):
    plan = build_plan(load_file(si_blokkade), all_phases=True)
    bouts = [s for s in plan.steps if s.kind is StepKind.TIMED]
    assert [b.duration_s for b in bouts] == [12.0] * 3


def test_the_walk_is_a_daily_activity_apart_from_the_session_and_its_length(si_blokkade):
    """Seed 002's exercise 1 ("n.v.t.", no asterisk) is not part of the 3-5x a day series."""
    programme = load_file(si_blokkade)
    plan = build_plan(programme)
    assert [e.id for e in plan.daily_activities] == ["wandelen-fietsen"]
    assert "wandelen-fietsen" not in {s.exercise for s in plan.steps}
    assert "activity" not in {s.kind.value for s in plan.steps}
    # the session starts with exercise 2, and its length no longer holds the walk's 10-minute estimate
    assert plan.steps[0].exercise == "knieen-opzij" and plan.steps[0].start_s == 0
    # 2 and 4: 15 s prepare + 3 sets of 20 reps at 3 s + 2 x 15 s rest = 225 s; 3 (2 s a rep): 165 s;
    # 2 x 15 s between. With the walk it was 1275 s (22 min): 600 s estimate, 15 s prepare, 15 s rest.
    assert plan.total_s == 645
    assert plan.daily_activities[0].estimate_s == 600  # kept, as the therapist's planning aid only


def test_daily_time_is_the_session_times_three_to_five_for_seed_002_all_switched_on(si_blokkade):
    programme = load_file(si_blokkade)
    opbouw_on = dataclasses.replace(
        programme, phases=tuple(dataclasses.replace(p, enabled=True) for p in programme.phases)
    )
    plan = build_plan(opbouw_on)
    assert plan.total_s == 1761  # exercises 2-11: about 29 min a session (was 2361 with the walk)
    daily = daily_time_s(plan)
    assert (daily.min, daily.max) == (3 * 1761, 5 * 1761)  # "drie tot vijf maal daags": 88-147 min
    assert [e.id for e in plan.daily_activities] == ["wandelen-fietsen"]  # listed apart, not counted


def test_daily_time_of_seed_000_is_twice_the_session(si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    daily = daily_time_s(plan)
    assert daily.min == daily.max == 2 * plan.total_s  # "2x/dag"


EACH_REPS = """
id: t
title: T
frequency: {sessions_per_day: 1}
exercises:
  - id: step-ups
    name: Step-ups
    instructions: Step up.
    kind: reps
    sets: 2
    reps_per_side: 8
    sides: each
    first_side: left
    rest_s: 30
    prepare_s: 0
"""


def test_each_side_in_turn_splits_a_set_into_first_side_switch_other_side():
    plan = build_plan(load_text(EACH_REPS))
    shape = [(s.kind.value, s.set, s.side, s.reps) for s in plan.steps]
    assert shape == [
        ("work", 1, "left", 8),
        ("switch", 1, "right", None),
        ("work", 1, "right", 8),
        ("rest", 1, None, None),
        ("work", 2, "left", 8),
        ("switch", 2, "right", None),
        ("work", 2, "right", 8),
        ("done", None, None, None),
    ]


def test_self_paced_reps_have_no_fixed_length_but_plan_at_their_tempo():
    plan = build_plan(load_text(EACH_REPS.replace("sides: each", "sides: each\n    pacing: self")))
    work = plan.steps[0]
    assert work.duration_s is None and not work.paced
    assert work.planned_s == 8 * 3.0  # built-in tempo of 3 s a rep


def test_plan_json_gives_the_estimate_of_every_step_the_patient_decides_and_the_starts_add_up(si_blokkade):
    self_paced = build_plan(load_text(EACH_REPS.replace("sides: each", "sides: each\n    pacing: self")))
    for plan in (build_plan(load_file(si_blokkade)), self_paced):
        steps = plan.to_json()["steps"]
        for step, after in itertools.pairwise(steps):
            assert after["start_s"] == step["start_s"] + (step["duration_s"] or step["estimate_s"]), step
    walks = build_plan(load_file(si_blokkade)).to_json()["daily_activities"]
    assert [(w["id"], w["estimate_s"]) for w in walks] == [("wandelen-fietsen", 600)]
    assert [(s["duration_s"], s["estimate_s"]) for s in self_paced.to_json()["steps"][:1]] == [(None, 24)]


def test_a_steps_side_is_a_side_of_the_body_or_alternate_never_a_bare_string(si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    assert {type(s.side) for s in plan.steps} == {Side, Sides, type(None)}
    assert {s.side for s in plan.steps if type(s.side) is Sides} == {Sides.ALTERNATE}
    holds = [s for s in exercise_steps(plan, "si-rekken") if s.kind is StepKind.HOLD]
    assert [h.one_side for h in holds] == [Side.RIGHT, Side.LEFT] * 3
    # the `plan --json` contract still prints the plain words
    printed = {type(s["side"]) for s in plan.to_json()["steps"]}
    assert printed == {str, type(None)}


def test_the_day_as_said_is_the_session_as_said_times_the_sessions(si_blokkade):
    """Seed 002's default session is 645 s, said "about 11 min": the day is said 33–55 min (11 × 3–5),
    never 33–54, so the sum a therapist reads adds up (in `sitimer plan`, the picker and the editor)."""
    plan = build_plan(load_file(si_blokkade))
    assert plan.total_s == 645 and session_minutes(plan.total_s) == 11
    day = daily_minutes(plan)
    assert (day.min, day.max) == (33, 55)
