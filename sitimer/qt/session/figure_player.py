"""The session's figure kept in step with the engine: the frame of this moment, never a timer's count.

The view asks for the figure on every engine event; between events a frame timer asks again,
but only while the figure moves (reps, a timed bout, the first moments of a hold or a change of
sides at 25 frames a second; a hold's breathing at 4) and only while it can be seen. In a rest,
while preparing, paused or finished the figure stands still and no timer runs: the cues keep
the GUI thread to themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from sitimer.core.programme.plan import StepKind
from sitimer.core.session.engine import SessionEngine, State
from sitimer.core.session.figure import SETTLE_S, FigureFrame, session_frame, step_frame
from sitimer.qt.figure.visual import ExerciseVisual
from sitimer.words.session_words import SessionWords

MOVING_MS = 40  # 25 frames a second while the figure moves
BREATHING_MS = 250  # 4 a second while it holds still and breathes
CUE_GUARD_S = 0.025  # a frame that falls this close before a cue is left out: the cue's event shows it


class FigurePlayer(QObject):
    """Shows the engine's figure of this moment in ``visual``; runs a frame timer only while it moves."""

    def __init__(
        self,
        engine: SessionEngine,
        words: SessionWords,
        visual: ExerciseVisual,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.words = words
        self.visual = visual
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)

    def update(self) -> None:
        """Show the figure as the engine is now, and run or stop the frame timer to suit."""
        engine = self.engine
        step = engine.step
        finished = engine.state is State.FINISHED or step.kind is StepKind.DONE
        exercise = None if finished else self.words.shown_exercise(step)
        self.visual.set_exercise(exercise, engine.plan.programme)
        self.visual.set_running(engine.state is State.RUNNING)
        frame = self._frame() if self.visual.moving else None
        self.visual.show_frame(frame)
        interval = self.interval_ms()
        if interval is None:
            self.timer.stop()
        elif not self.timer.isActive() or self.timer.interval() != interval:
            self.timer.start(interval)

    def _tick(self) -> None:
        """The frame timer: the figure now, unless a cue is about to be due (the cue goes first)."""
        deadline = self.engine.next_deadline()
        if deadline is not None and deadline - self.engine.clock.monotonic() < CUE_GUARD_S:
            return
        self.update()

    def _frame(self) -> FigureFrame | None:
        step = self.engine.step
        exercise = self.words.shown_exercise(step)
        if exercise is not None and exercise.id != step.exercise and exercise.figure is not None:
            return FigureFrame(exercise.figure.start)  # the rest before it: the next exercise, ready
        engine = self.engine
        held = step.kind is StepKind.HOLD and engine.state is not State.RUNNING
        if held and exercise is not None and exercise.figure is not None and engine.elapsed_s() < SETTLE_S:
            # A hold not yet begun (held by the therapist, or paused at its start) shows the position
            # to hold, not the lying start it moves from: that is what is talked through.
            return step_frame(exercise.figure, step, SETTLE_S, 0.0, 0, None)
        return session_frame(engine.plan, engine)

    def interval_ms(self) -> int | None:
        """How often the figure changes now, in milliseconds; None while it stands still or is not seen."""
        engine = self.engine
        if engine.state is not State.RUNNING or not self.visual.moving or not self.visual.isVisible():
            return None
        step = engine.step
        if step.kind is StepKind.WORK:
            counting = engine.rep_s() is not None and engine.reps_done < (step.reps or 0)
            return MOVING_MS if counting else None
        if step.kind is StepKind.TIMED:
            return MOVING_MS
        if step.kind in (StepKind.HOLD, StepKind.SWITCH):
            return MOVING_MS if engine.elapsed_s() < SETTLE_S else BREATHING_MS
        return None
