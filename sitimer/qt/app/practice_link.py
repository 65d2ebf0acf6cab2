"""PracticeLink: a station's history sent on to the practice's server, on a thread of its own.

The session writes its history first, as always; this only reads it afterwards and sends what
the server does not have (:mod:`sitimer.core.practice.sender`), so the session never waits on
the network. It sends when poked (a step written, the answers saved) and otherwise tries again
every minute. When the server cannot be reached it says so once, calmly, and once more when
sending works again; the sessions stay in the history here and go later.

A kiosk also shares its codes through it (:mod:`sitimer.core.practice.shared`): a code changed
here is kept in the data folder until the server has it, the server's codes come back each
round (``codes``), and a patient's sessions done at other kiosks are copied here when they type
their code (``pulled``). All of it on the same thread, never in the window's way.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from sitimer.core.practice.sender import send
from sitimer.core.practice.server import CONNECT_TIMEOUT_S, NEWER, REFUSED, UNREACHABLE, PracticeError
from sitimer.core.practice.shared import PendingCodes, pull_codes, pull_sessions, push_codes

RETRY_S = 60.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("PracticeLink", text)


def line_for(err: PracticeError) -> str:
    """The one calm line a station shows for what went wrong with the server."""
    if err.kind == UNREACHABLE:
        return _tr("The practice's server cannot be reached; the sessions are kept here and sent later.")
    if err.kind == REFUSED:
        return _tr("The practice's server refused this computer; the sessions are kept here.")
    if err.kind == NEWER:
        return _tr("The practice's server needs a newer sitimer; the sessions are kept here.")
    return _tr("The practice's server cannot take the sessions just now; they are kept here.")


class PracticeLink(QObject):
    """Sends the history at ``history`` to the server at ``url`` in the background."""

    changed = Signal(str)  # the one line to show: "" once sending works (again)
    codes = Signal(object)  # the server's codes, {code: (programme, ...)} (a kiosk's, see share_codes)
    pulled = Signal(str)  # a code with sessions from other stations newly in the history here

    def __init__(
        self, history: Path, url: str, station: str, retry_s: float = RETRY_S, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.history, self.url, self.station, self.retry_s = history, url, station, retry_s
        self.line = ""  # what was said last
        self.problem = ""  # the server's own words for it, for the log and the therapist
        self._pending: PendingCodes | None = None  # a kiosk's codes changed here, not yet sent
        self._data_dir: Path | None = None
        self._want_codes: list[str] = []  # codes whose sessions to copy here
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sitimer-practice-send", daemon=True)
        self._thread.start()

    def share_codes(self, data_dir: Path, codes: Mapping[str, tuple[str, ...]]) -> None:
        """A kiosk with ``codes``: send the codes changed here, and take the server's (``codes``
        signal) every round; linked to this server for the first time, all its codes go there."""
        pending = PendingCodes(data_dir)
        with self._lock:
            pending.link(self.url, codes)
            self._data_dir, self._pending = data_dir, pending
        self.poke()

    def codes_changed(self, changes: Mapping[str, tuple[str, ...]]) -> None:
        """Codes assigned, changed or removed here (no programmes: removed): sent as soon as it can."""
        if self._pending is not None:
            with self._lock:
                self._pending.add(changes)
            self.poke()

    def pull(self, code: str) -> None:
        """Copy ``code``'s sessions done at other stations into the history here (``pulled`` when done)."""
        with self._lock:
            self._want_codes.append(code)
        self.poke()

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
            line = self._round()
            if line != self.line and not self._stop.is_set():
                self.line = line
                self.changed.emit(line)
            self._wake.wait(self.retry_s)
        if not self.line:
            self._round(last=True)

    def _round(self, last: bool = False) -> str:
        try:
            send(self.history, self.url, self.station)
            if self._pending is not None and self._data_dir is not None:
                self._share(self._pending, self._data_dir, last)
        except PracticeError as err:
            self.problem = str(err)
            return line_for(err)
        self.problem = ""
        return ""

    def _share(self, pending: PendingCodes, data_dir: Path, last: bool) -> None:
        with self._lock:
            changes = pending.read()
        if changes:
            push_codes(self.url, changes, data_dir, self.station)
            with self._lock:
                pending.sent(changes)
        if last:
            return
        with self._lock:
            wanted = list(dict.fromkeys(self._want_codes))
        for code in wanted:
            added = pull_sessions(self.url, code, self.history)
            with self._lock:
                self._want_codes = [c for c in self._want_codes if c != code]
            if added:  # their page is made again only when it would show more
                self.pulled.emit(code)
        codes = pull_codes(self.url, data_dir)
        with self._lock:  # a code changed here meanwhile keeps its change until it is sent
            codes = {c: r for c, r in (codes | pending.read()).items() if r}
        self.codes.emit(codes)
