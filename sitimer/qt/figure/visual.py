"""ExerciseVisual: what shows an exercise being done, beside its words.

An exercise has a moving figure, the therapist's own photo or video, or neither; this widget
holds the one it has and hides itself when it has none, or when the patient turned the moving
figure off (off means off: nothing is shown and nothing is painted).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from sitimer.core.programme.model import Exercise, Programme
from sitimer.core.session.figure import FigureFrame
from sitimer.qt.figure.paint import ON_DARK, Look
from sitimer.qt.figure.view import FigureView


class ExerciseVisual(QStackedWidget):
    """The figure (or media) of the exercise shown; hidden when there is nothing to show."""

    def __init__(
        self, lang: str = "en", look: Look = ON_DARK, animation: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.animation = animation
        self.figure_view = FigureView(lang, look, self)
        self.addWidget(self.figure_view)
        self._exercise: Exercise | None = None
        self.setVisible(False)

    @property
    def moving(self) -> bool:
        """Whether the shown exercise is a figure that moves with the session's frames."""
        return self.animation and self._exercise is not None and self._exercise.figure is not None

    def set_exercise(self, exercise: Exercise | None, programme: Programme | None = None) -> None:
        """Show ``exercise`` (a file of its ``media`` is found beside ``programme``'s file)."""
        if exercise == self._exercise:
            return
        self._exercise = exercise
        self.figure_view.set_exercise(exercise if self.moving else None)
        self.setCurrentWidget(self.figure_view)
        self.setVisible(self.moving)

    def set_animation(self, on: bool) -> None:
        """Show the moving figure, or not at all (the patient's setting)."""
        self.animation = on
        self.figure_view.set_exercise(self._exercise if self.moving else None)
        self.setVisible(self.moving)

    def show_frame(self, frame: FigureFrame | None) -> None:
        """The figure at this moment (ignored when the exercise has no moving figure)."""
        if self.moving:
            self.figure_view.show_frame(frame)
