"""ExercisePreview: one exercise's figure doing it on its own, with its name, beside a list of exercises.

The preview is no session: its time is only the phase of the loop (reps at their tempo, a hold
held a moment and let go), counted from when the exercise was chosen, so every exercise starts
from its start pose. The frame timer runs only while the preview is on screen and its figure
moves; with the moving figure turned off (the patient's setting) nothing is shown, as in the session.
The therapist's own photo or video is shown instead of a figure, whatever that setting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sitimer.core.programme.model import Exercise, Programme
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.figure import preview_frame
from sitimer.qt.figure.paint import ON_DARK, Look
from sitimer.qt.figure.visual import ExerciseVisual

FRAME_MS = 40  # 25 frames a second while the figure moves


def _clock() -> Callable[[], float]:
    """Seconds since now, from a monotonic clock."""
    timer = QElapsedTimer()
    timer.start()
    return lambda: timer.elapsed() / 1000


class ExercisePreview(QWidget):
    """The figure of the chosen exercise, moving, with the exercise's name under it."""

    def __init__(
        self,
        lang: str,
        look: Look = ON_DARK,
        seconds: Callable[[], float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._seconds = seconds or _clock()
        self._started = 0.0
        self._exercise: Exercise | None = None
        self.visual = ExerciseVisual(lang, look, parent=self)
        self.name_label = QLabel(self)
        self.name_label.setObjectName("preview_name")
        self.name_label.setProperty("secondary", True)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.name_label.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.tick)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.visual, 1)
        column.addWidget(self.name_label)
        self.setVisible(False)

    @property
    def exercise(self) -> Exercise | None:
        """The exercise shown (whether or not its figure can be seen)."""
        return self._exercise

    def set_animation(self, on: bool) -> None:
        """The patient's setting: show the moving figure, or nothing."""
        self.visual.set_animation(on)
        self._restart()

    def show_programme(self, programme: Programme | None) -> None:
        """Show the first exercise of the programme's session that has a figure, photo or video
        (not a daily activity: the list beside names the session's exercises)."""
        daily = build_plan(programme).daily_activities if programme else ()
        shown = [e for e in programme.active_exercises() if e not in daily] if programme else []
        self.show_exercise(next((e for e in shown if e.figure or e.media), None), programme)

    def show_exercise(self, exercise: Exercise | None, programme: Programme | None = None) -> None:
        """Show ``exercise`` from its start; hidden when it has no figure or the figure is off."""
        if exercise == self._exercise:
            return
        self._exercise = exercise
        self.visual.set_exercise(exercise, programme)
        name = exercise.name.get(self.lang) if exercise else ""
        self.name_label.setText(f"{exercise.number} · {name}" if exercise and exercise.number else name)
        self._restart()

    def _restart(self) -> None:
        """Shown when there is something to show, from the start pose."""
        self._started = self._seconds()
        self.setVisible(not self.visual.isHidden())
        self.tick()
        self._run()

    def tick(self) -> None:
        """Show the frame for now."""
        if self._exercise is not None and self.visual.moving:
            self.visual.show_frame(preview_frame(self._exercise, self._seconds() - self._started))

    def _run(self) -> None:
        """The timer runs only while the figure is on screen and moves."""
        moving = self.isVisible() and self.visual.moving
        if moving and not self.timer.isActive():
            self.timer.start()
        elif not moving:
            self.timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._run()
