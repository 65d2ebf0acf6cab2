"""Guards against a Qt binding that would crash a long session."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    event = Signal(object)


def test_emitting_signals_keeps_python_refcounts_intact(qapp):
    # PySide6 6.12.0 released a reference to True on every emit; a 30-minute session
    # emits thousands of events, and Python aborts when True's count runs out.
    emitter = _Emitter()
    emitter.event.connect(lambda _e: None)
    before = sys.getrefcount(True)
    for i in range(2000):
        emitter.event.emit(i)
    assert abs(sys.getrefcount(True) - before) < 20  # the bug would show -2000
