"""Demonstration in the treatment room: a presenter's view, stepped by a clicker, never recorded.

The therapist steps with a presentation clicker (PageDown / PageUp, B to run
or hold; there are no buttons on this view), or lets it run at a demonstration speed (D: 1×, 2×, 6× — a 30 s
hold shown in 5 s). S moves the window to the next screen (a TV, a second
monitor). Stepping keeps the session paused when it was paused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QWidget

from sitimer.core.clock import SystemClock
from sitimer.core.programme.plan import StepKind
from sitimer.core.session.engine import State
from sitimer.qt.common.screen import show_on
from sitimer.qt.common.style import Size
from sitimer.qt.session.driver import SessionDriver
from sitimer.qt.session.view import SessionView
from sitimer.qt.session.view_parts import KEYS

DEMO_SPEEDS = (1.0, 2.0, 6.0)


class PresenterSize(Size):
    """Larger still: read from across the treatment room."""

    DIGITS_GLYPH = 0.30
    NAME = 0.06
    INSTRUCTIONS = 0.04
    INSTRUCTIONS_MIN = 0.03
    INSTRUCTIONS_BOX = 0.2


PRESENTER_KEYS: dict[Qt.Key, str] = {
    **KEYS,
    Qt.Key.Key_PageDown: "next_step",  # a clicker's "next slide"
    Qt.Key.Key_Right: "next_step",
    Qt.Key.Key_PageUp: "previous_step",
    Qt.Key.Key_Left: "previous_step",
    Qt.Key.Key_D: "demo_speed",
    Qt.Key.Key_S: "next_screen",
}


class PresenterView(SessionView):
    """The session view for demonstrating: larger, and stepped like slides."""

    keys = PRESENTER_KEYS
    sizes = PresenterSize
    figure_width = 0.62  # the figure large enough to be seen across the room
    next_step = Signal()
    previous_step = Signal()
    demo_speed = Signal()
    next_screen = Signal()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._notice = ""  # what set_notice() was last given (the demonstration's speed)
        super().__init__(*args, **kwargs)

    def _show_state(self) -> None:
        super()._show_state()
        # The therapist steps with a clicker or the keys: the room sees the exercise, not buttons.
        for button in (*self.buttons.values(), self.figure_button):
            button.setVisible(False)
        # Stepped through paused, like slides: the step stays in full view, and the line above it
        # says "Paused" (the home session's paused screen would dim the whole step).
        paused = self.engine.state is State.PAUSED
        self.overlays.show_paused(False, "", "")
        said = [self.words["paused"]] if paused else []  # the therapist knows B runs it
        line = " · ".join([*said, *([self._notice] if self._notice else [])])
        self.notice_label.setVisible(True)  # always its line: pausing does not move the step down
        if line != self.notice_label.text():  # this runs at every tick
            self.notice_label.setText(line)
            self._fit_digits()  # a speed's line may take two

    def set_notice(self, text: str) -> None:
        """The line above the session, after "Paused · …" while it is paused."""
        self._notice = text
        self._show_state()

    def _leave_question(self) -> tuple[str, str]:
        """A demonstration is no one's adherence: nothing of it is kept."""
        return self.tr("End the demonstration"), self.tr("End the demonstration? Nothing of it is recorded.")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Like the session view, with the presenter's own keys."""
        action = self.keys.get(Qt.Key(event.key()))
        if action in ("next_step", "previous_step", "demo_speed", "next_screen") and not event.isAutoRepeat():
            event.accept()
            getattr(self, action).emit()
            return
        super().keyPressEvent(event)


class DemoControls(QObject):
    """What the presenter's keys do to the session: step, change speed, change screen."""

    notice = Signal(str)  # a line for the view: "Demonstration at 6× speed"

    def __init__(
        self,
        view: PresenterView,
        driver: SessionDriver,
        clock: SystemClock,
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.driver = driver
        self.clock = clock
        self.window = window
        self._at_last = False  # the line says "The last step": a step back gives the speed's line again
        view.next_step.connect(self.next_step)
        view.previous_step.connect(lambda: self._step(driver.back))
        view.demo_speed.connect(self.next_speed)
        view.next_screen.connect(self.next_screen)

    def next_step(self) -> None:
        """The clicker's "next"; on the last step it stays there, as one press too many ended the
        demonstration (and a `run --demo` with it) with no way back to the step shown."""
        engine = self.driver.engine
        steps = engine.plan.steps
        last = len(steps) - (2 if steps[-1].kind is StepKind.DONE else 1)  # "done" is the end itself
        if engine.index >= last and engine.state is not State.FINISHED:
            self._at_last = True
            self.notice.emit(self.tr("The last step · Esc ends the demonstration"))
            return
        self._step(self.driver.skip)

    def _step(self, move: object) -> None:
        paused = self.driver.engine.state in (State.PAUSED, State.READY)
        if self.driver.engine.state is State.READY:
            self.driver.start()
        if callable(move):
            move()
        if paused and self.driver.engine.state is State.RUNNING:
            self.driver.toggle_pause()  # stepping through by hand: stay on the new step
        if self._at_last:
            self._at_last = False
            self.notice.emit(self._speed_line())

    def next_speed(self) -> None:
        """1× → 2× → 6× → 1×."""
        later = [s for s in DEMO_SPEEDS if s > self.clock.speed]
        self.set_speed(later[0] if later else DEMO_SPEEDS[0])

    def set_speed(self, speed: float) -> None:
        """Run the demonstration at ``speed`` times real time from now on."""
        self.clock.set_speed(speed)
        self.driver.retime()
        self._at_last = False
        self.notice.emit(self._speed_line())

    def _speed_line(self) -> str:
        return self.tr("Demonstration at {0}× speed · D changes it").format(f"{self.clock.speed:g}")

    def next_screen(self) -> None:
        """Move the full-screen window to the next screen."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return
        here = screens.index(self.window.screen()) if self.window.screen() in screens else 0
        show_on(self.window, (here + 1) % len(screens))
