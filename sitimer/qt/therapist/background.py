"""Work for the server done on a thread of its own, so the window never waits on the network.

A :class:`Background` runs one job at a time per call, each on a short-lived Python thread, and
hands its result (or its one-line error) back on the Qt event loop. Each job has a number: a
result that a newer call has overtaken is dropped, so pressing Refresh twice shows the last answer.

A job's thread never touches the window's objects: the window may be closed, and its objects
deleted, while the server is slow. It hands its result to one relay that lives as long as the
app, and the relay, on the event loop, passes it on to the Background if that is still there.
(A thread emitting the Background's own signal while the event loop deleted it aborted a run.)
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from sitimer.core.practice.server import PracticeError


class Background(QObject):
    """Runs jobs off the event loop; ``finished(number, ok, result or error line)`` on it."""

    finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest = 0  # the number of the job started last
        self._relay = _relay()

    def start(self, work: Callable[[], Any]) -> int:
        """Start ``work`` on a thread; returns its number (the one ``finished`` will carry)."""
        self.latest += 1
        number = self.latest
        thread = threading.Thread(
            target=_run,
            args=(self._relay, weakref.ref(self), number, work),
            name="sitimer-therapist",
            daemon=True,
        )
        thread.start()
        return number


def _run(relay: _Relay, to: weakref.ref[Background], number: int, work: Callable[[], Any]) -> None:
    """A job's thread: the work, then its result to the relay (never to the Background itself)."""
    try:
        result = work()
    except PracticeError as err:
        relay.result.emit(to, number, False, str(err))
    except Exception as err:
        relay.result.emit(to, number, False, " ".join(str(err).split()) or type(err).__name__)
    else:
        relay.result.emit(to, number, True, result)


class _Relay(QObject):
    """Made once, on the event loop's thread, and kept: the jobs' results come through it."""

    result = Signal(object, int, bool, object)  # the Background (a weak reference), number, ok, result

    def __init__(self) -> None:
        super().__init__()
        self.result.connect(self._deliver)  # queued: emitted on the jobs' threads

    @Slot(object, int, bool, object)
    def _deliver(self, to: weakref.ref[Background], number: int, ok: bool, result: object) -> None:
        background = to()
        if background is not None and shiboken6.isValid(background):  # its window may be gone
            background.finished.emit(number, ok, result)


_RELAY: list[_Relay] = []


def _relay() -> _Relay:
    if not _RELAY:
        _RELAY.append(_Relay())
    return _RELAY[0]
