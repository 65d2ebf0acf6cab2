"""The session engine on a fake clock: exact timing, controls, and what the patient hears."""

import random

import pytest

from sitimer.core.clock import FakeClock
from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.model import Side
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.session.cues import CueKind
from sitimer.core.session.engine import Event, EventKind, SessionEngine, State


def run_until(engine: SessionEngine, clock: FakeClock, t: float, *, late=lambda: 0.0) -> list[Event]:
    """Wake the engine at each of its deadlines (plus ``late()``) until clock time ``t``."""
    events: list[Event] = []
    while engine.state is State.RUNNING:
        deadline = engine.next_deadline()
        if deadline is None or deadline > t:
            break
        clock.now = max(clock.now, deadline + late())
        events += engine.advance()
    return events


def walk(engine: SessionEngine, clock: FakeClock, late=lambda: 0.0) -> list[Event]:
    events = engine.start()
    return events + run_until(engine, clock, float("inf"), late=late)


def cues(events: list[Event], kind: CueKind | None = None):
    return [e.cue for e in events if e.kind is EventKind.CUE and (kind is None or e.cue.kind is kind)]


@pytest.fixture
def gewricht(si_gewricht):
    return build_plan(load_file(si_gewricht))


def test_a_whole_session_ends_exactly_on_plan(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    events = walk(engine, clock)
    finished = [e for e in events if e.kind is EventKind.FINISHED]
    assert len(finished) == 1 and not finished[0].skipped
    assert finished[0].at == pytest.approx(1000.0 + gewricht.total_s, abs=1e-9)
    started = [e for e in events if e.kind is EventKind.STEP_STARTED]
    assert [e.step for e in started] == list(range(len(gewricht.steps)))
    for e in started:
        assert e.at - 1000.0 == pytest.approx(gewricht.steps[e.step].start_s, abs=1e-9)


def test_half_an_hour_walked_by_a_clock_that_wakes_late_ends_exactly_on_plan(si_blokkade):
    plan = build_plan(load_file(si_blokkade), all_phases=True)
    assert plan.total_s >= 29 * 60  # 29 min 21 s: exercises 2-11, the walk being a daily activity apart
    on_time = walk(SessionEngine(plan, c := FakeClock(), auto=True), c)
    rng = random.Random(7)
    clock = FakeClock()
    late = walk(SessionEngine(plan, clock, auto=True), clock, late=lambda: rng.uniform(0, 2.5))
    assert clock.now > 1000.0 + plan.total_s  # it really did wake late
    finish = next(e for e in late if e.kind is EventKind.FINISHED)
    assert finish.at == pytest.approx(1000.0 + plan.total_s, abs=1e-6)
    # every cue is still there, in order, stamped with the time it was due
    assert [(c.kind, c.step, c.count) for c in cues(late)] == [
        (c.kind, c.step, c.count) for c in cues(on_time)
    ]
    due = [e.at for e in late if e.kind is EventKind.CUE]
    assert due == pytest.approx([e.at for e in on_time if e.kind is EventKind.CUE], abs=1e-6)
    assert due == sorted(due)


def test_reps_are_counted_at_the_tempo_alternating_right_and_left(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    work = next(s for s in gewricht.steps if s.kind is StepKind.WORK)
    engine.start()
    events = run_until(engine, clock, 1000.0 + work.start_s + work.duration_s)
    reps = [e for e in events if e.kind is EventKind.REP]
    assert [e.count for e in reps] == list(range(1, 31))
    assert [e.side for e in reps[:4]] == [Side.RIGHT, Side.LEFT, Side.RIGHT, Side.LEFT]
    assert [e.at - reps[0].at for e in reps[:3]] == pytest.approx([0.0, 3.0, 6.0])
    assert reps[0].at == pytest.approx(1000.0 + work.start_s + 3.0)


def test_pause_moves_every_deadline_by_the_pause(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    engine.start()
    run_until(engine, clock, 1000.0 + 500)
    clock.now = 1000.0 + 500
    engine.advance()
    step, remaining = engine.index, engine.remaining_s()
    engine.pause()
    clock.advance(600)  # the doorbell
    assert engine.advance() == [] and engine.next_deadline() is None
    assert engine.index == step and engine.remaining_s() == remaining
    engine.resume()
    events = run_until(engine, clock, float("inf"))
    finish = next(e for e in events if e.kind is EventKind.FINISHED)
    assert finish.at == pytest.approx(1000.0 + gewricht.total_s + 600, abs=1e-9)


def test_skip_leaves_the_step_unfinished_and_starts_the_next_now(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    engine.start()
    clock.advance(4)
    events = engine.skip()
    ended = next(e for e in events if e.kind is EventKind.STEP_ENDED)
    assert ended.skipped and ended.step == 0 and ended.elapsed_s == pytest.approx(4)
    assert engine.index == 1 and engine.step.kind is StepKind.WORK
    assert engine.remaining_s() == pytest.approx(90)  # the whole set, from now


def test_back_starts_the_previous_step_again(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    engine.start()
    engine.skip()
    clock.advance(10)
    engine.back()
    assert engine.index == 0 and engine.elapsed_s() == 0
    assert engine.remaining_s() == gewricht.steps[0].duration_s


def test_restart_set_goes_back_to_the_start_of_this_set(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    engine.start()
    second_set = next(s for s in gewricht.steps if s.kind is StepKind.WORK and s.set == 2)
    run_until(engine, clock, 1000.0 + second_set.start_s + 20)
    clock.now = 1000.0 + second_set.start_s + 20
    engine.advance()
    assert engine.index == second_set.index and engine.reps_done == 6
    engine.restart_set()
    assert engine.index == second_set.index and engine.reps_done == 0
    assert engine.remaining_s() == pytest.approx(90)


SELF_PACED = """
id: t
title: T
frequency: {sessions_per_day: 2}
exercises:
  - id: bridge
    name: Bridge
    instructions: Lift your hips.
    kind: reps
    reps: 3
    tempo_s: 4
    pacing: self
    prepare_s: 0
  - id: walk
    name: Walk
    instructions: Walk.
    kind: activity
    estimate_s: 120
    prepare_s: 0
"""  # the walk is a daily activity: no step of the session


def test_self_paced_reps_count_on_each_tap_and_the_last_tap_ends_the_set():
    clock = FakeClock()
    engine = SessionEngine(build_plan(load_text(SELF_PACED)), clock)
    engine.start()
    clock.advance(30)  # nothing counts by itself
    assert [e.kind for e in engine.advance() if e.kind is EventKind.REP] == []
    for _ in range(2):
        clock.advance(5)
        engine.tap()
    assert engine.reps_done == 2 and engine.index == 0
    clock.advance(7)
    events = engine.tap()
    assert [c.kind for c in cues(events)][:2] == [CueKind.REP, CueKind.END]
    ended = next(e for e in events if e.kind is EventKind.STEP_ENDED)
    assert ended.count == 3 and not ended.skipped and ended.elapsed_s == pytest.approx(47)
    assert engine.state is State.FINISHED  # the last tap ends the session: the walk is done apart from it
    assert [c.kind for c in cues(events)] == [CueKind.REP, CueKind.END, CueKind.COMPLETE]


def test_auto_answers_self_paced_steps_at_the_planned_tempo():
    plan = build_plan(load_text(SELF_PACED))
    clock = FakeClock()
    events = walk(SessionEngine(plan, clock, auto=True), clock)
    reps = [e.at - 1000.0 for e in events if e.kind is EventKind.REP]
    assert reps == pytest.approx([4.0, 8.0, 12.0])
    finish = next(e for e in events if e.kind is EventKind.FINISHED)
    assert finish.at - 1000.0 == pytest.approx(12)  # the walk's 120 s estimate is no part of the session


def test_tempo_change_applies_from_the_next_rep(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    engine.start()
    work = gewricht.steps[1]
    run_until(engine, clock, 1000.0 + work.start_s + 6)  # two reps at 3 s
    engine.set_tempo(1.5)  # 50 % faster: 2 s a rep
    assert engine.rep_s() == pytest.approx(2.0)
    events = run_until(engine, clock, 1000.0 + work.start_s + 10)
    assert [e.at - 1000.0 - work.start_s for e in events if e.kind is EventKind.REP] == pytest.approx(
        [8.0, 10.0]
    )
    engine.set_tempo(10)  # clamped: never faster than twice the prescribed tempo
    assert engine.rep_s() == pytest.approx(1.5)


def test_stop_keeps_what_was_done_and_ends_the_session(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    engine.start()
    clock.advance(gewricht.steps[1].start_s + 3 * 7)  # seven reps into the first set
    events = engine.stop()
    ended = [e for e in events if e.kind is EventKind.STEP_ENDED][-1]
    assert ended.skipped and ended.count == 7
    assert events[-1].kind is EventKind.FINISHED and events[-1].skipped
    assert engine.state is State.FINISHED and engine.next_deadline() is None
    assert engine.tap() == [] and engine.skip() == []


def test_seconds_tick_on_the_shown_countdown_not_more(gewricht):
    clock = FakeClock()
    engine = SessionEngine(gewricht, clock)
    hold = next(s for s in gewricht.steps if s.kind is StepKind.HOLD)
    engine.start()
    run_until(engine, clock, 1000.0 + hold.start_s)
    events = run_until(engine, clock, 1000.0 + hold.start_s + hold.duration_s - 1e-6)
    seconds = [e.at - 1000.0 - hold.start_s for e in events if e.kind is EventKind.SECOND]
    assert seconds == pytest.approx([float(k) for k in range(1, 30)])
    # woken 5 s late, the display is brought up to date once, not five times
    clock.advance(5.5)
    assert sum(e.kind is EventKind.SECOND for e in engine.advance()) == 1


def test_cue_times_of_a_hold_and_a_rest(gewricht):
    clock = FakeClock()
    events = walk(SessionEngine(gewricht, clock), clock)
    hold = next(s for s in gewricht.steps if s.kind is StepKind.HOLD)
    at_hold = [(c.kind, c.offset_s, c.count) for c in cues(events) if c.step == hold.index]
    assert at_hold == [
        (CueKind.START, 0.0, None),
        (CueKind.HALFWAY, 15.0, None),
        (CueKind.COUNTDOWN, 27.0, 3),
        (CueKind.COUNTDOWN, 28.0, 2),
        (CueKind.COUNTDOWN, 29.0, 1),
        (CueKind.END, 30.0, None),
    ]
    rest = next(s for s in gewricht.steps if s.kind is StepKind.REST)
    at_rest = [(c.kind, c.offset_s) for c in cues(events) if c.step == rest.index]
    assert at_rest == [
        (CueKind.REST, 0.0),
        (CueKind.TEN_LEFT, 50.0),
        (CueKind.COUNTDOWN, 57.0),
        (CueKind.COUNTDOWN, 58.0),
        (CueKind.COUNTDOWN, 59.0),
    ]


class CountedSteps(tuple):  # type: ignore[type-arg]
    """A plan's steps that count every step read, one by one, by slice or by loop."""

    reads = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        found = super().__getitem__(key)
        CountedSteps.reads += len(found) if isinstance(key, slice) else 1
        return found

    def __iter__(self):  # type: ignore[no-untyped-def]
        for step in super().__iter__():
            CountedSteps.reads += 1
            yield step


def test_the_cue_schedule_of_the_largest_programme_reads_each_step_a_few_times_not_all_of_them():
    """100 exercises of 50 sets, each side: ~15,000 steps. 80,000 once froze `run` for 6 minutes (O(n²))."""
    exercise = (
        "  - {{id: e{0}, name: E, instructions: Do it., kind: hold, hold_s: 0.5, sides: each, sets: 50,"
        " switch_s: 0.5, prepare_s: 0, rest_after_s: 1}}\n"
    )
    text = "id: big\ntitle: Big\nfrequency: {sessions_per_day: 1}\nexercises:\n"
    plan = build_plan(load_text(text + "".join(exercise.format(i) for i in range(100))))
    steps = len(plan.steps)
    assert steps > 15_000
    counted = type(plan)(plan.programme, CountedSteps(plan.steps))
    CountedSteps.reads = 0
    engine = SessionEngine(counted, FakeClock(), auto=True)
    engine.start()
    for _ in range(100):
        engine.session_remaining_s()
    assert CountedSteps.reads < 10 * steps
    assert engine.session_remaining_s() == pytest.approx(plan.total_s)
