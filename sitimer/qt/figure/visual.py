"""ExerciseVisual: what shows an exercise being done, beside its words.

An exercise has a moving figure, the therapist's own photo or video, or neither; this widget
holds the one it has and hides itself when it has none, or when the patient turned the moving
figure off (off means off: nothing is shown and nothing is painted). The therapist's own photo or
video is shown whatever that setting; its view is made only when an exercise has one, so a
session without media never loads the video player.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

from sitimer.core.programme.model import Exercise, Programme
from sitimer.core.session.figure import FigureFrame
from sitimer.qt.figure.paint import ON_DARK, Look
from sitimer.qt.figure.view import FigureView

if TYPE_CHECKING:  # QtMultimedia loads only for an exercise with a photo or video
    from sitimer.qt.figure.media import MediaView


class ExerciseVisual(QStackedWidget):
    """The figure (or media) of the exercise shown; hidden when there is nothing to show."""

    def __init__(
        self, lang: str = "en", look: Look = ON_DARK, animation: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.animation = animation
        self.figure_view = FigureView(lang, look, self)
        self.addWidget(self.figure_view)
        self.media_view: MediaView | None = None
        self._exercise: Exercise | None = None
        self._running = True
        self.setVisible(False)

    @property
    def moving(self) -> bool:
        """Whether the shown exercise is a figure that moves with the session's frames."""
        exercise = self._exercise
        return self.animation and exercise is not None and exercise.figure is not None and not exercise.media

    def set_exercise(self, exercise: Exercise | None, programme: Programme | None = None) -> None:
        """Show ``exercise`` (a file of its ``media`` is found beside ``programme``'s file)."""
        if exercise is not None and exercise.media and programme is not None and programme.path:
            exercise = replace(exercise, media=str(Path(programme.path).parent / exercise.media))
        if exercise == self._exercise:
            return
        self._exercise = exercise
        self._show()

    def set_animation(self, on: bool) -> None:
        """Show the moving figure, or not at all (the patient's setting)."""
        self.animation = on
        self._show()

    def set_running(self, running: bool) -> None:
        """Whether the session shown runs: a therapist's video pauses with it."""
        self._running = running
        if self.media_view is not None:
            self.media_view.set_running(running)

    def _show(self) -> None:
        exercise = self._exercise
        has_media = exercise is not None and (
            exercise.media is not None or exercise.media_problem is not None
        )
        if has_media and self.media_view is None:
            from sitimer.qt.figure.media import MediaView

            self.media_view = MediaView(self)
            self.media_view.set_running(self._running)
            self.addWidget(self.media_view)
        if self.media_view is not None:
            self.media_view.set_exercise(exercise if has_media else None)
        self.figure_view.set_exercise(exercise if self.moving else None)
        self.setCurrentWidget(self.media_view if has_media and self.media_view else self.figure_view)
        self.setVisible(self.moving or has_media)

    def show_frame(self, frame: FigureFrame | None) -> None:
        """The figure at this moment (ignored when the exercise has no moving figure)."""
        if self.moving:
            self.figure_view.show_frame(frame)
