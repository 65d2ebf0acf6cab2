"""FigureView and ExerciseVisual: the figure painted from its cache, one box an exercise, hidden when off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from sitimer.core.figure.box import figure_box
from sitimer.core.figure.pose import Base, Pose
from sitimer.core.figure.skeleton import View, draw
from sitimer.core.figure.spec import Figure
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Side
from sitimer.core.session.figure import FigureFrame
from sitimer.qt.figure.view import CACHE_BYTES, FigureView
from sitimer.qt.figure.visual import ExerciseVisual

START = Pose.of(Base.STAND, shoulder_abd_r=90, shoulder_abd_l=90)
REACH = Pose.of(Base.STAND, trunk_flex=80, trunk_twist=-35, shoulder_flex_r=90, shoulder_abd_l=120)
UP = Pose.of(Base.STAND, shoulder_flex_r=180)
WINDMILL = Figure(View.FRONT, START, rep=(REACH,))


@pytest.fixture
def windmills(si_gewricht):
    return replace(load_file(si_gewricht).exercises[0], figure=WINDMILL)


class Paints(QObject):
    """Counts the paint events a widget gets."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def shown(qtbot, widget, size=(300, 400)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_two_poses_look_different_and_each_is_painted_once_however_often_it_is_shown(qtbot, windmills):
    view = shown(qtbot, FigureView("en"))
    view.set_exercise(windmills)
    start, reach = FigureFrame(START), FigureFrame(REACH, Side.RIGHT)
    view.show_frame(start)
    first = view.grab().toImage()
    view.show_frame(reach)
    second = view.grab().toImage()
    assert first != second
    for _ in range(5):  # rep after rep: the same frames again
        view.show_frame(start)
        assert view.grab().toImage() == first
        view.show_frame(reach)
    assert view.renders == 2


def test_showing_the_frame_already_shown_does_not_repaint(qtbot, windmills):
    view = shown(qtbot, FigureView("en"))
    view.set_exercise(windmills)
    view.show_frame(FigureFrame(START))
    QApplication.processEvents()
    paints = Paints(view)
    view.show_frame(FigureFrame(START))
    QApplication.processEvents()
    assert paints.count == 0
    view.show_frame(FigureFrame(REACH))
    QApplication.processEvents()
    assert paints.count == 1


def test_the_working_side_is_painted_in_the_accent_colour(qtbot, windmills):
    view = shown(qtbot, FigureView("en"))
    view.set_exercise(windmills)
    view.show_frame(FigureFrame(REACH))
    plain = view.grab().toImage()
    view.show_frame(FigureFrame(REACH, Side.RIGHT, highlight=frozenset({"arm_r"})))
    assert view.grab().toImage() != plain


def test_one_box_holds_every_pose_of_the_exercise_on_both_sides_and_on_the_way(windmills):
    left, bottom, right, top = figure_box(Figure(View.SIDE, Pose(), rep=(UP,)))
    for pose in (Pose(), UP, UP.mirrored(), Pose.of(Base.STAND, shoulder_flex_r=90)):  # half-way: forwards
        x0, y0, x1, y1 = draw(pose, View.SIDE).bounds()
        assert left <= x0 and bottom <= y0 and x1 <= right and y1 <= top


def test_a_screen_reader_hears_which_exercise_the_figure_does(qtbot, windmills):
    view = shown(qtbot, FigureView("en"))
    view.set_exercise(windmills)
    assert view.accessibleName() == "Figure doing Windmills"


def test_the_visual_is_hidden_without_a_figure_or_with_the_setting_off(qtbot, windmills):
    visual = shown(qtbot, ExerciseVisual("en"))
    visual.set_exercise(windmills)
    assert visual.isVisible() and visual.moving
    visual.set_exercise(replace(windmills, figure=None))
    assert not visual.isVisible()
    off = shown(qtbot, ExerciseVisual("en", animation=False))
    off.set_exercise(windmills)
    off.show_frame(FigureFrame(START))
    assert not off.isVisible() and off.figure_view.renders == 0
    off.set_animation(True)
    assert off.isVisible()


def test_the_kept_frames_stay_within_their_memory_however_large_the_figure(qtbot, windmills):
    view = shown(qtbot, FigureView("en"), size=(1200, 1000))  # ~4.6 MiB a frame
    view.set_exercise(windmills)
    for k in range(1, 25):
        view.show_frame(FigureFrame(Pose.of(Base.STAND, shoulder_flex_r=7 * k)))
        view.grab()
    assert view.renders == 24
    assert 0 < view.cached_bytes <= CACHE_BYTES
