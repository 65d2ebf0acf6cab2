"""The bundled programmes' figures on the session's clock: at the moment a count is said, the figure
is where the leaflet says the body is.

Walked on a fake clock; the events are the ones the app speaks from, so "rechts één" and the
figure's right hand at the left foot come from one and the same moment.
"""

from __future__ import annotations

import math
from pathlib import Path

from sitimer.core.clock import FakeClock
from sitimer.core.figure.pose import Pose
from sitimer.core.figure.skeleton import joints
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Side, Sides
from sitimer.core.programme.plan import Plan, StepKind, build_plan
from sitimer.core.session.engine import Event, EventKind, SessionEngine, State
from sitimer.core.session.figure import FigureFrame, key_frames, session_frame, working_limbs


def _walk(path: Path) -> tuple[Plan, list[tuple[Event, FigureFrame | None]]]:
    """Every event of a whole session with the figure at its moment."""
    plan = build_plan(load_file(path), all_phases=True)
    clock = FakeClock()
    engine = SessionEngine(plan, clock, auto=True)
    moments = [(e, session_frame(plan, engine)) for e in engine.start()]
    while engine.state is State.RUNNING:
        deadline = engine.next_deadline()
        assert deadline is not None
        clock.now = deadline
        moments += [(e, session_frame(plan, engine)) for e in engine.advance() if e.step == engine.index]
    return plan, moments


def _gap(pose: Pose, a: str, b: str) -> float:
    j = joints(pose)
    return math.dist(j[a], j[b])


def test_windmill_each_count_is_said_as_the_hand_reaches_the_other_foot(si_gewricht: Path) -> None:
    plan, moments = _walk(si_gewricht)
    windmill = [(e, f) for e, f in moments if plan.steps[e.step].exercise == "molenwieken"]
    # every count but the last of a set, which ends the step
    reps = [
        (e, f)
        for e, f in windmill
        if e.kind is EventKind.REP and (e.count or 0) < (plan.steps[e.step].reps or 0)
    ]
    assert len(reps) == 3 * 29
    for event, frame in reps:
        assert frame is not None
        hand, foot = ("hand_r", "toe_l") if event.side is Side.RIGHT else ("hand_l", "toe_r")
        assert _gap(frame.pose, hand, foot) < 0.05, (event, hand)
        assert frame.working is event.side
    first = reps[0][0]
    assert (first.count, first.side) == (1, Side.RIGHT)  # "rechts één": right hand, left foot


def test_si_stretch_holds_still_with_the_knee_across_then_goes_back_and_changes_side(
    si_gewricht: Path,
) -> None:
    plan = build_plan(load_file(si_gewricht))
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    engine.start()
    hold = next(s for s in plan.steps if s.exercise == "si-rekken" and s.kind is StepKind.HOLD)
    seen: dict[float, FigureFrame] = {}
    for t in (3.0, 10.0, 25.0, 29.9, 30.5):
        clock.now = (engine.session_start or 0.0) + hold.start_s + t
        engine.advance()
        frame = session_frame(plan, engine)
        assert frame is not None
        seen[t] = frame
    assert seen[3.0].pose == seen[10.0].pose == seen[25.0].pose == seen[29.9].pose  # held still
    assert len({seen[t].breath for t in (3.0, 10.0, 25.0, 29.9)}) > 1  # but breathing
    assert seen[3.0].working is Side.RIGHT and _gap(seen[3.0].pose, "hand_l", "knee_r") < 0.05
    after = seen[30.5]  # "wissel van kant": the switch step has begun
    assert plan.steps[engine.index].kind is StepKind.SWITCH
    assert after.working is Side.LEFT
    assert _gap(after.pose, "hand_l", "knee_r") > 0.1  # letting go of the right knee


def test_every_bundled_exercise_has_a_figure_with_its_stills_per_side(
    si_gewricht: Path, si_blokkade: Path
) -> None:
    exercises = [*load_file(si_gewricht).exercises, *load_file(si_blokkade).exercises]
    assert len(exercises) == 15
    for exercise in exercises:
        assert exercise.figure is not None, exercise.id
        stills = key_frames(exercise)
        assert 2 <= len(stills) <= 4, exercise.id
        moments = [k.moment for k in stills]
        if exercise.sides is Sides.NONE:
            assert set(moments) <= {"start", "end", "then"}, exercise.id
        else:
            first = exercise.first_side.value
            assert moments == ["start", first, exercise.first_side.other.value], exercise.id
            assert stills[1].frame.pose.mirrored() == stills[2].frame.pose


def test_the_limbs_that_do_the_work_are_the_ones_highlighted(si_gewricht: Path, si_blokkade: Path) -> None:
    exercises = {e.id: e for e in (*load_file(si_gewricht).exercises, *load_file(si_blokkade).exercises)}

    def lit(exercise_id: str, side: Side) -> frozenset[str]:
        figure = exercises[exercise_id].figure
        assert figure is not None
        return working_limbs(figure, side)

    # "rechterarm met linkerbeen": the right arm and the LEFT leg, not the left leg lying still
    assert lit("arm-en-been-heffen", Side.RIGHT) == {"arm_r", "leg_l"}
    assert lit("arm-en-been-heffen", Side.LEFT) == {"arm_l", "leg_r"}
    assert lit("knie-naar-borst", Side.RIGHT) >= {"leg_r"} and "leg_l" not in lit(
        "knie-naar-borst", Side.RIGHT
    )
    assert lit("krachtoefening", Side.RIGHT) == {"leg_r", "leg_l"}  # one drawn up, the other pushed away
    assert lit("buikspieren-schuin", Side.LEFT) == {"arm_l", "leg_l"}  # no limb moves: the side
