"""The figure in the session view: beside the count, moved by the engine's clock, still when nothing moves.

si-gewricht with a figure for the windmills (reps of 3 s from 15 s, rest 105-165 s) and the SI
stretch (prepare 465 s, hold right 480-510 s, switch 510-520 s).
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from sitimer.cli.parser import build_parser
from sitimer.core.clock import FakeClock
from sitimer.core.figure.pose import Base, Pose
from sitimer.core.figure.skeleton import View
from sitimer.core.figure.spec import Figure
from sitimer.core.options import Options
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import StepKind, build_plan
from sitimer.core.session.engine import SessionEngine, State
from sitimer.core.session.figure import session_frame
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.session.demo import PresenterView
from sitimer.qt.session.figure_player import BREATHING_MS, MOVING_MS
from sitimer.qt.session.view import SessionView

START = Pose.of(Base.STAND, shoulder_abd_r=90, shoulder_abd_l=90)
REACH = Pose.of(Base.STAND, trunk_flex=80, trunk_twist=-35, shoulder_flex_r=90, shoulder_abd_l=120)
FIGURES = {
    "molenwieken": Figure(View.FRONT, START, rep=(REACH,)),
    "si-rekken": Figure(View.ABOVE, Pose.of(Base.BACK), hold=Pose.of(Base.BACK, hip_flex_r=90, knee_r=90)),
}


class Session:
    """A session view on an engine on a fake clock, moved to any moment of the session."""

    def __init__(self, qtbot, path, view=SessionView, size=(1280, 720), animation=True) -> None:
        programme = load_file(path)
        exercises = tuple(replace(e, figure=FIGURES.get(e.id)) for e in programme.exercises)
        self.clock = FakeClock()
        self.engine = SessionEngine(build_plan(replace(programme, exercises=exercises)), self.clock)
        self.view = view(self.engine, "en", animation=animation)
        qtbot.addWidget(self.view)
        self.view.resize(*size)
        self.view.show()
        qtbot.waitExposed(self.view)

    def at(self, t: float) -> SessionView:
        """Run to ``t`` seconds after the start, handing every event to the view."""
        events = self.engine.start() if self.engine.state is State.READY else []
        target = self.engine.session_start + t
        while self.engine.state is State.RUNNING:
            deadline = self.engine.next_deadline()
            if deadline is None or deadline > target:
                break
            self.clock.now = deadline
            events += self.engine.advance()
        self.clock.now = max(self.clock.now, target)
        events += self.engine.advance()
        for event in events:
            self.view.on_event(event)
        QApplication.processEvents()  # the view refreshes once after the events...
        QApplication.processEvents()  # ... and its layout follows
        return self.view

    def tick(self, seconds: float):
        """Let ``seconds`` pass with no engine event, then fire the frame timer once: the frame then."""
        self.clock.advance(seconds)
        self.view.figure_player.update()
        return self.view.visual.figure_view.frame


@pytest.fixture
def session(qtbot, si_gewricht):
    return Session(qtbot, si_gewricht)


def timer(view: SessionView) -> int | None:
    frames = view.figure_player.timer
    return frames.interval() if frames.isActive() else None


def test_the_figure_stands_beside_the_count_and_the_count_stays_the_largest_thing(session):
    view = session.at(15 + 12 * 3 + 0.5)
    figure, digits = view.visual.geometry(), view.digits.geometry()
    assert view.visual.isVisible()
    assert figure.left() >= digits.right()  # a column of its own
    assert digits.width() > 2 * figure.width()
    assert figure.height() >= 0.35 * view.height()


def test_during_reps_the_figure_moves_at_25_frames_a_second_and_shows_each_counted_rep(session):
    view = session.at(15 + 3)  # rep 1 counted: "right one"
    assert timer(view) == MOVING_MS
    assert view.visual.figure_view.frame.pose == REACH
    assert session.tick(1.5).pose == START  # half-way to the next count
    view = session.at(15 + 6)
    assert view.visual.figure_view.frame.pose == REACH.mirrored()


def test_in_a_rest_or_paused_no_frame_timer_runs_and_the_figure_does_not_change(session):
    view = session.at(105 + 5)
    assert session.engine.step.kind is StepKind.REST
    assert timer(view) is None
    frame = view.visual.figure_view.frame
    assert [session.tick(0.7) for _ in range(10)] == [frame] * 10
    view = session.at(165 + 1.2)  # set 2, moving
    assert timer(view) == MOVING_MS
    for event in session.engine.pause():
        view.on_event(event)
    QApplication.processEvents()
    assert timer(view) is None
    frame = view.visual.figure_view.frame
    assert session.tick(30) == frame


def test_a_hold_moves_in_then_only_breathes_at_4_frames_a_second(session):
    view = session.at(480 + 0.5)
    assert session.engine.step.kind is StepKind.HOLD
    assert timer(view) == MOVING_MS
    view = session.at(480 + 5)
    assert timer(view) == BREATHING_MS
    poses = {session.tick(0.5).pose for _ in range(8)}
    assert len(poses) == 1  # still: only the chest moves


def test_a_hold_held_at_its_start_shows_the_position_to_hold(session):
    """In the treatment room, stepped onto a hold and held there, the figure lay in the start
    pose; the stretch came only once the clock ran, and the therapist talks it through before."""
    view = session.at(480 + 0.01)
    assert session.engine.step.kind is StepKind.HOLD
    for event in session.engine.pause():
        view.on_event(event)
    QApplication.processEvents()
    held = FIGURES["si-rekken"].hold
    assert view.visual.figure_view.frame.pose in (held, held.mirrored())


def test_with_the_setting_off_there_is_no_figure_and_no_frame_timer(qtbot, si_gewricht):
    session = Session(qtbot, si_gewricht, animation=False)
    view = session.at(15 + 3)
    assert not view.visual.isVisible()
    assert timer(view) is None
    assert view.visual.figure_view.renders == 0
    assert view.figure_button.text() == "Figure: off"


def test_the_figure_button_and_the_f_key_turn_the_figure_off_and_on_and_say_so(session, qtbot):
    view = session.at(15 + 1)
    said: list[bool] = []
    view.animation_toggled.connect(said.append)
    view.figure_button.click()
    assert not view.visual.isVisible() and timer(view) is None
    QApplication.sendEvent(
        view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F, Qt.KeyboardModifier.NoModifier)
    )
    assert view.visual.isVisible() and timer(view) == MOVING_MS
    assert said == [False, True]


def test_without_any_figure_the_count_has_the_whole_width_and_no_figure_button(qtbot, si_gewricht):
    programme = load_file(si_gewricht)
    programme = replace(programme, exercises=tuple(replace(e, figure=None) for e in programme.exercises))
    view = SessionView(SessionEngine(build_plan(programme), FakeClock()), "en")
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    assert not view.visual.isVisible() and not view.figure_button.isVisible()


def test_the_presenter_shows_the_figure_large_enough_to_see_across_the_room(qtbot, si_gewricht):
    session = Session(qtbot, si_gewricht, view=PresenterView, size=(1920, 1080))
    view = session.at(15 + 12 * 3 + 0.5)
    assert view.visual.isVisible()
    assert view.visual.height() >= 0.4 * 1080
    assert not view.figure_button.isVisible()  # no buttons in front of the room: F still works


def _app(qtbot, tmp_path, settings: dict, **options):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"voice": False, "ask_pain_before": False, **settings}))
    app = App(
        Options(lang="en", data_dir=data, **options), sound=lambda: (SilentTonePlayer(), SilentSpeaker())
    )
    qtbot.addWidget(app.window)
    return app, data


def test_the_patients_choice_is_kept_for_the_next_session(qtbot, tmp_path, si_gewricht):
    app, data = _app(qtbot, tmp_path, {})
    app.start(si_gewricht)
    view = app.window.page
    assert view.visual.animation
    key_f = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view, key_f)
    assert json.loads((data / "settings.json").read_text())["animation"] is False
    app.session.stop()


@pytest.mark.parametrize(("setting", "no_figure"), [(False, False), (True, True)])
def test_the_setting_off_or_run_no_figure_starts_the_session_without_the_figure(
    qtbot, tmp_path, si_gewricht, setting, no_figure
):
    app, _ = _app(qtbot, tmp_path, {"animation": setting}, figure=not no_figure)
    app.start(si_gewricht)
    assert not app.window.page.visual.animation
    app.session.stop()


def test_sitimer_run_takes_no_figure():
    args = build_parser().parse_args(["run", "programme.yaml", "--no-figure"])
    assert args.no_figure
    assert not build_parser().parse_args(["run", "programme.yaml"]).no_figure


def test_a_frame_due_just_before_a_cue_is_left_out_so_the_cue_is_not_held_up(session):
    view = session.at(15 + 3 + 0.5)
    player, figure = view.figure_player, view.visual.figure_view
    due = session.engine.next_deadline()  # the engine's next moment: a second, a count
    session.clock.now = due - 0.3
    player.timer.timeout.emit()
    shown = figure.frame
    session.clock.now = due - 0.01
    assert session_frame(session.engine.plan, session.engine) != shown  # the figure has moved on...
    player.timer.timeout.emit()
    assert figure.frame == shown  # ... but 10 ms before a cue its frame waits for the cue's event


@pytest.mark.qt_log_ignore("No RHI backend", "No HW decoder")  # a video decoded without a GPU
def test_a_therapists_video_pauses_with_the_session_and_plays_on_with_it(qtbot, tmp_path):
    from PySide6.QtMultimedia import QMediaPlayer

    from tests.qt.figure.media_files import write_video

    write_video(tmp_path / "knie.mp4", ["#d02020"] * 5 + ["#2040d0"] * 5)
    path = tmp_path / "knie.yaml"
    path.write_text(
        "id: knie\ntitle: Knie\nfrequency:\n  sessions_per_day: 1\nexercises:\n"
        "  - id: knie\n    name: Knie naar borst\n    instructions: Trek de knie op.\n"
        "    kind: hold\n    hold_s: 30\n    prepare_s: 5\n    media: knie.mp4\n",
        encoding="utf-8",
    )
    session = Session(qtbot, path)
    view = session.at(10)  # in the hold
    media = view.visual.media_view
    assert media is not None and media.problem is None
    playing = QMediaPlayer.PlaybackState.PlayingState
    qtbot.waitUntil(lambda: media.player.playbackState() is playing, timeout=5000)
    for event in session.engine.pause():
        view.on_event(event)
    QApplication.processEvents()  # the view refreshes once after the events
    assert media.player.playbackState() is QMediaPlayer.PlaybackState.PausedState
    for event in session.engine.resume():
        view.on_event(event)
    QApplication.processEvents()
    assert media.player.playbackState() is playing
