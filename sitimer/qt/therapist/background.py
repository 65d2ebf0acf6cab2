"""Work for the server done on a thread of its own, so the window never waits on the network.

A :class:`Background` runs one job at a time per call, each on a short-lived Python thread, and
hands its result (or its one-line error) back on the Qt event loop. Each job has a number: a
result that a newer call has overtaken is dropped, so pressing Refresh twice shows the last answer.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from sitimer.core.practice.server import PracticeError


class Background(QObject):
    """Runs jobs off the event loop; ``finished(number, ok, result or error line)`` on it."""

    finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest = 0  # the number of the job started last

    def start(self, work: Callable[[], Any]) -> int:
        """Start ``work`` on a thread; returns its number (the one ``finished`` will carry)."""
        self.latest += 1
        number = self.latest
        thread = threading.Thread(
            target=self._run, args=(number, work), name="sitimer-therapist", daemon=True
        )
        thread.start()
        return number

    def _run(self, number: int, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except PracticeError as err:
            self._tell(number, False, str(err))
        except Exception as err:
            self._tell(number, False, " ".join(str(err).split()) or type(err).__name__)
        else:
            self._tell(number, True, result)

    def _tell(self, number: int, ok: bool, result: object) -> None:
        # The window may have been closed while the server was slow: then nobody is told.
        with contextlib.suppress(RuntimeError):
            self.finished.emit(number, ok, result)
