"""Journal: one session's history writes, kept in a side file while the history cannot take them.

When the history cannot be written (read-only folder, full disk, a history made by a newer
sitimer, a file where the data folder should be) the recorder writes each of the session's
writes as a JSON line here, fsynced, readable by its owner only. The file sits next to the
history when that folder takes it, else in the user's state folder, else in the temporary
folder; the next start that can write the history adds it there and removes the file.
A running session holds a lock on its journal, so no other sitimer adds it while it grows.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs

from sitimer.core.history.lock import lock_file

PREFIX = "history-pending-"


def folders(db_path: Path) -> list[Path]:
    """Where the journals of the history at ``db_path`` are kept, the preferred first."""
    key = hashlib.sha256(str(db_path.absolute()).encode()).hexdigest()[:12]
    return [
        db_path.parent,
        platformdirs.user_state_path("sitimer", appauthor=False) / "pending" / key,
        Path(tempfile.gettempdir()) / f"sitimer-pending-{os.getuid() if hasattr(os, 'getuid') else 0}" / key,
    ]


def pending(db_path: Path) -> list[Path]:
    """The journals waiting to be added to the history at ``db_path``, oldest first."""
    found: list[Path] = []
    for folder in folders(db_path):
        try:
            found += [p for p in folder.glob(f"{PREFIX}*.jsonl") if p.is_file()]
        except OSError:
            continue
    return sorted(found, key=lambda p: p.name)


@contextmanager
def claimed(path: Path) -> Iterator[list[dict[str, Any]] | None]:
    """The writes in the journal at ``path``, or None while a running session still writes it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        yield None
        return
    try:
        if not lock_file(fd, exclusive=True):
            yield None
            return
        with open(fd, "rb", closefd=False) as file:
            yield read(file.read())
    finally:
        os.close(fd)


def read(data: bytes) -> list[dict[str, Any]]:
    """The writes in a journal's bytes; a line torn by a power cut is left out."""
    writes = []
    for line in data.splitlines():
        try:
            write = json.loads(line)
        except ValueError:
            continue
        if isinstance(write, dict) and isinstance(write.get("op"), str):
            writes.append(write)
    return writes


class Journal:
    """The side file of one session's writes; ``path`` is None while no folder could take it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path: Path | None = None
        self.problem: str | None = None  # why no folder took it
        self.writes: list[dict[str, Any]] = []  # every write, also kept in memory
        self._fd: int | None = None

    def add(self, writes: list[dict[str, Any]]) -> None:
        """Append writes, each line fsynced; a folder that fails hands every write to the next."""
        self.writes += writes
        if self._fd is not None:
            try:
                self._append(self._fd, writes)
                return
            except OSError as err:
                self.problem = f"{self.path}: {err.strerror or err}"
        old_fd, old_path = self._fd, self.path
        self._fd, self.path = None, None
        if old_fd is not None:
            os.close(old_fd)
        if self._open() and old_path is not None:
            old_path.unlink(missing_ok=True)  # the new file holds every write; else the old one stays

    def _open(self) -> bool:
        name = f"{PREFIX}{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{id(self):x}.jsonl"
        for folder in folders(self.db_path):
            path = folder / name
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o600)
            except OSError as err:
                self.problem = f"{folder}: {err.strerror or err}"
                continue
            lock_file(fd, exclusive=True, wait=True)
            try:
                self._append(fd, self.writes)
            except OSError as err:
                self.problem = f"{folder}: {err.strerror or err}"
                os.close(fd)
                path.unlink(missing_ok=True)
                continue
            self._fd, self.path, self.problem = fd, path, None
            return True
        return False

    @staticmethod
    def _append(fd: int, writes: list[dict[str, Any]]) -> None:
        data = b"".join(json.dumps(w, ensure_ascii=False).encode() + b"\n" for w in writes)
        while data:
            data = data[os.write(fd, data) :]
        os.fsync(fd)

    def close(self) -> None:
        """Nothing more will be written: the file stays, for the next start to add."""
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
        self._fd = None

    def done(self) -> None:
        """Every write is in the history now: the file goes."""
        if self._fd is not None:
            os.close(self._fd)
        if self.path is not None:
            self.path.unlink(missing_ok=True)
        self._fd, self.path, self.writes = None, None, []
