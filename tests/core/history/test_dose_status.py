"""A session is "completed" only with enough of its prescribed dose done; skipped through it is "partial".

Seed 000 (si-gewricht): four exercises, 2 × a day; windmills, rotation and the strength exercise
3 × 30 reps (15 a side, alternating), the SI stretch 3 × 30 seconds each side.
"""

import pytest

from sitimer.core.clock import FakeClock
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.session.engine import SessionEngine, State
from sitimer.core.session.recorder import Recorder
from sitimer.core.settings import Settings
from tests.helpers.history_data import Wall


@pytest.fixture
def plan(si_gewricht):
    return build_plan(load_file(si_gewricht))


def _session(plan, db, *, skip=lambda step: False, threshold=Settings.dose_threshold):
    """Walk a session on a fake clock; ``skip(step)``: the patient presses "next" as the step starts."""
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    recorder = Recorder(
        lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=False, dose_threshold=threshold
    )
    for event in engine.start():
        recorder.on_event(event)
    seen = set()
    while engine.state is State.RUNNING:
        step = engine.step
        if step.is_exercise and step.index not in seen and skip(step):
            seen.add(step.index)
            events = engine.skip()
        else:
            seen.add(step.index)
            clock.now = engine.next_deadline()
            events = engine.advance()
        for event in events:
            recorder.on_event(event)
    recorder.close()
    [session] = HistoryStore(db).sessions()
    return session


def test_a_session_done_in_full_is_completed_with_all_of_its_dose(plan, tmp_path):
    session = _session(plan, tmp_path / "history.db")
    assert session.status == "completed" and session.dose_share == 1.0


def test_skipping_through_every_step_is_partial_not_completed(plan, tmp_path):
    session = _session(plan, tmp_path / "history.db", skip=lambda step: True)
    assert session.status == "partial" and session.dose_share == 0.0


def test_three_of_four_exercises_done_is_75_percent_and_partial(plan, tmp_path):
    session = _session(plan, tmp_path / "history.db", skip=lambda step: step.exercise == "krachtoefening")
    assert session.dose_share == pytest.approx(0.75)
    assert session.status == "partial"  # under the 80 % a completed session needs


def test_a_practice_that_asks_less_counts_three_of_four_exercises_as_completed(plan, tmp_path):
    session = _session(
        plan, tmp_path / "history.db", skip=lambda step: step.exercise == "krachtoefening", threshold=0.7
    )
    assert session.status == "completed"


def test_two_of_three_sets_of_every_exercise_is_two_thirds(plan, tmp_path):
    # every exercise's third set skipped: 20 of 30 windmills, 60 of 90 seconds held each side, …
    session = _session(plan, tmp_path / "history.db", skip=lambda step: step.set == 3)
    assert session.dose_share == pytest.approx(2 / 3, abs=1e-3)
    assert session.status == "partial"


def test_one_hold_skipped_of_the_si_stretch_costs_only_that_hold(plan, tmp_path):
    holds = [s.index for s in plan.steps if s.kind is StepKind.HOLD]
    assert len(holds) == 6  # 3 × 30 s on each side
    session = _session(plan, tmp_path / "history.db", skip=lambda step: step.index == holds[-1])
    assert session.dose_share == pytest.approx((3 + 5 / 6) / 4, abs=1e-3)  # the stretch at 5/6
    assert session.status == "completed"


def test_a_session_stopped_early_stays_stopped(plan, tmp_path):
    db = tmp_path / "history.db"
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    recorder = Recorder(lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=False)
    for event in engine.start():
        recorder.on_event(event)
    for event in engine.stop():  # Esc
        recorder.on_event(event)
    recorder.close()
    [session] = HistoryStore(db).sessions()
    assert session.status == "stopped"


def test_a_session_kept_aside_while_the_history_could_not_be_written_keeps_its_status_and_share(
    plan, tmp_path
):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    db = blocker / "history.db"
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    recorder = Recorder(lambda: HistoryStore(db, now=Wall()), plan, db_path=db, simulated=False)
    for event in engine.start():
        recorder.on_event(event)
    while engine.state is State.RUNNING:
        for event in engine.skip():
            recorder.on_event(event)
    assert recorder.unsaved  # nothing reached the history
    blocker.unlink()  # the disk is back
    assert recorder.flush()
    [session] = HistoryStore(db).sessions()
    assert (session.status, session.dose_share) == ("partial", 0.0)
