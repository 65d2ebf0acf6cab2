"""The figure on the session's clock: the pose of each moment of si-gewricht, walked on a fake clock.

Windmills: 30 reps of 3 s from 15 s, right and left in turn; SI stretch: holds of 30 s from 480 s,
right first, changing sides at 510 s.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitimer.core.clock import FakeClock
from sitimer.core.figure.pose import Base, Pose
from sitimer.core.figure.skeleton import View
from sitimer.core.figure.spec import Figure
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Side
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.session.engine import SessionEngine, State
from sitimer.core.session.figure import FigureFrame, session_frame

# Arms out, both sides alike: the start pose is its own mirror image.
START = Pose.of(Base.STAND, shoulder_abd_r=90, shoulder_abd_l=90)
# Bent down, the right hand at the left foot (written for the right side).
REACH = Pose.of(Base.STAND, trunk_flex=80, trunk_twist=-35, shoulder_flex_r=90, shoulder_abd_l=120)
LIE = Pose.of(Base.BACK)
KNEE_ACROSS = Pose.of(Base.BACK, hip_flex_r=90, knee_r=90, hip_abd_r=-40)
WINDMILL = Figure(View.FRONT, START, rep=(REACH,))
STRETCH = Figure(View.ABOVE, LIE, hold=KNEE_ACROSS)


class Moment:
    """si-gewricht with figures, its engine on a fake clock, moved to any second of the session."""

    def __init__(self, path, first_side: Side = Side.RIGHT) -> None:
        programme = load_file(path)
        figures = {"molenwieken": WINDMILL, "si-rekken": STRETCH}
        exercises = tuple(
            replace(
                e, figure=figures.get(e.id), first_side=first_side if e.id == "si-rekken" else e.first_side
            )
            for e in programme.exercises
        )
        self.plan = build_plan(replace(programme, exercises=exercises))
        self.clock = FakeClock()
        self.engine = SessionEngine(self.plan, self.clock)
        self.engine.start()

    def at(self, t: float) -> FigureFrame | None:
        """The figure ``t`` seconds after the start (every deadline on the way handed out)."""
        assert self.engine.session_start is not None
        self.to(self.engine.session_start + t)
        return self.frame()

    def to(self, clock_time: float) -> None:
        engine = self.engine
        while engine.state is State.RUNNING:
            deadline = engine.next_deadline()
            if deadline is None or deadline > clock_time:
                break
            self.clock.now = deadline
            engine.advance()
        self.clock.now = max(self.clock.now, clock_time)
        engine.advance()

    def frame(self) -> FigureFrame | None:
        return session_frame(self.plan, self.engine)


@pytest.fixture
def moment(si_gewricht):
    return Moment(si_gewricht)


def test_each_rep_reaches_its_end_pose_as_it_is_counted_right_then_left(moment):
    before = moment.at(15 + 3 - 0.05)
    assert moment.engine.reps_done == 0 and before.pose != REACH
    frame = moment.at(15 + 3)
    assert moment.engine.reps_done == 1
    assert frame.pose == REACH  # "right one": the right hand at the left foot
    frame = moment.at(15 + 6)
    assert moment.engine.reps_done == 2
    assert frame.pose == REACH.mirrored()  # "left two": the mirror image
    assert REACH.mirrored() != REACH


def test_half_way_between_two_counts_the_figure_stands_in_its_start_pose(moment):
    assert moment.at(15 + 3 + 1.5).pose == START
    assert moment.at(15 + 3 + 2.2).pose not in (START, REACH.mirrored())  # on its way down again


def test_a_faster_tempo_brings_the_end_pose_with_the_earlier_count(moment):
    moment.at(15 + 3)  # rep 1 counted
    moment.engine.set_tempo(2.0)  # 1.5 s a rep from here
    counted = moment.engine.session_start + 15 + 3 + 1.5
    moment.to(counted - 0.1)
    assert moment.engine.reps_done == 1
    assert moment.frame().pose != REACH.mirrored()
    moment.to(counted)
    assert moment.engine.reps_done == 2
    assert moment.frame().pose == REACH.mirrored()


def test_paused_the_figure_stays_where_it_was_however_long(moment):
    before = moment.at(15 + 3 + 1.0)
    moment.engine.pause()
    moment.clock.advance(600)
    assert moment.frame() == before
    moment.engine.resume()
    assert moment.frame() == before  # and goes on from there


def test_skip_and_back_show_the_new_steps_figure_at_once(moment):
    moment.at(15 + 3 + 1.0)
    moment.engine.skip()  # to the rest after set 1: the start pose, still
    assert moment.engine.step.kind is StepKind.REST
    rest = moment.frame()
    assert rest is not None and (rest.pose, rest.working) == (START, None)
    moment.engine.back()  # set 1 again, from its first rep
    assert moment.engine.step.kind is StepKind.WORK and moment.engine.reps_done == 0
    again = moment.frame()
    assert again is not None and (again.pose, again.working) == (START, Side.RIGHT)


def test_a_hold_is_still_from_3_to_25_seconds_and_only_breathes(moment):
    at_3 = moment.at(480 + 3)
    at_25 = moment.at(480 + 25)
    assert moment.engine.step.kind is StepKind.HOLD
    assert at_3.pose == at_25.pose == KNEE_ACROSS
    assert at_3.working is Side.RIGHT
    breaths = {moment.at(480 + 25 + k * 0.5).breath for k in range(8)}
    assert len(breaths) > 1  # seen to breathe


def test_the_first_side_of_the_programme_is_the_first_held(si_gewricht):
    moment = Moment(si_gewricht, first_side=Side.LEFT)
    frame = moment.at(480 + 5)
    assert moment.engine.step.one_side is Side.LEFT
    assert frame.pose == KNEE_ACROSS.mirrored() and frame.working is Side.LEFT


def test_changing_sides_highlights_the_new_side_from_its_first_moment_and_goes_back_to_the_start(moment):
    frame = moment.at(510)
    assert moment.engine.step.kind is StepKind.SWITCH
    assert frame.working is Side.LEFT
    assert frame.pose == KNEE_ACROSS  # the right leg still across, about to come back
    assert moment.at(510 + 2).pose == LIE
