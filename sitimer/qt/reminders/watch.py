"""FileWatch: tells when the files the reminders come from have changed, once the writing has settled.

A file being written fires several changes: they are read once they have settled
(:data:`SETTLE_MS`). A file replaced is a new file, so the paths are watched again after
each change. Only what the files are (inode, time, size) counts: a change that leaves them as
they were, or that was taken as seen (sitimer's own writing), is no news.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from sitimer.core.paths import file_stamp

SETTLE_MS = 300


class FileWatch(QObject):
    """Watches ``folders`` (for files appearing) and ``files()``; emits ``changed`` when the files did."""

    changed = Signal()

    def __init__(
        self, folders: list[Path], files: Callable[[], list[Path]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._folders, self._files = folders, files
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._touched)
        self._watcher.directoryChanged.connect(self._touched)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self._seen: tuple[object, ...] = ()
        self.active = False

    def start(self) -> None:
        """Watch, taking the files as they are now as seen."""
        self.active = True
        self._watch()
        self.take_as_seen()

    def stop(self) -> None:
        """Watch no more."""
        self.active = False
        self._settle.stop()
        if self._watcher.files() or self._watcher.directories():
            self._watcher.removePaths(self._watcher.files() + self._watcher.directories())

    def take_as_seen(self) -> None:
        """The files as they are now are no news (sitimer itself just wrote one)."""
        self._seen = self._stamp()

    def _watch(self) -> None:
        paths = [str(p) for p in [*self._folders, *self._files()] if p.exists()]
        known = set(self._watcher.files() + self._watcher.directories())
        new = [p for p in paths if p not in known]
        if new:
            self._watcher.addPaths(new)

    def _stamp(self) -> tuple[object, ...]:
        """What the files are now: a change in any is news."""
        return tuple((str(path), file_stamp(path)) for path in self._files())

    def _touched(self, _path: str) -> None:
        if self.active:
            self._settle.start()

    def _settled(self) -> None:
        if not self.active:
            return
        self._watch()
        stamp = self._stamp()
        if stamp != self._seen:
            self._seen = stamp
            self.changed.emit()
