"""PracticeLink: a station's history sent on to the practice's server, on a thread of its own.

The session writes its history first, as always; this only reads it afterwards and sends what
the server does not have (:mod:`sitimer.core.practice.sender`), so the session never waits on
the network. It sends when poked (a step written, the answers saved) and otherwise tries again
every minute. When the server cannot be reached it says so once, calmly, and once more when
sending works again; the sessions stay in the history here and go later.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from sitimer.core.practice.sender import send
from sitimer.core.practice.server import CONNECT_TIMEOUT_S, REFUSED, PracticeError

RETRY_S = 60.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("PracticeLink", text)


class PracticeLink(QObject):
    """Sends the history at ``history`` to the server at ``url`` in the background."""

    changed = Signal(str)  # the one line to show: "" once sending works (again)

    def __init__(
        self, history: Path, url: str, station: str, retry_s: float = RETRY_S, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.history, self.url, self.station, self.retry_s = history, url, station, retry_s
        self.line = ""  # what was said last
        self.problem = ""  # the server's own words for it, for the log and the therapist
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sitimer-practice-send", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """Something was written: send it now (without waiting for it here)."""
        self._wake.set()

    def close(self) -> None:
        """Stop sending, after a last try when the server was reachable (the session's end, its
        answers); what is still not sent goes next time sitimer runs."""
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=CONNECT_TIMEOUT_S + 1)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            line = self._send_once()
            if line != self.line and not self._stop.is_set():
                self.line = line
                self.changed.emit(line)
            self._wake.wait(self.retry_s)
        if not self.line:
            self._send_once()

    def _send_once(self) -> str:
        try:
            send(self.history, self.url, self.station)
        except PracticeError as err:
            self.problem = str(err)
            if err.kind == REFUSED:
                return _tr("The practice's server refused this computer; the sessions are kept here.")
            return _tr("The practice's server cannot be reached; the sessions are kept here and sent later.")
        self.problem = ""
        return ""
