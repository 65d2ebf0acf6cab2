"""What can go wrong with the history, told as one line for the user, and of which kind."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

# What went wrong, as HistoryError.kind: only CORRUPT ever moves the file aside.
BUSY, FULL, UNWRITABLE, NEWER, CORRUPT, OTHER = "busy", "full", "unwritable", "newer", "corrupt", "other"
_SQLITE_KINDS = {5: BUSY, 6: BUSY, 13: FULL, 3: UNWRITABLE, 8: UNWRITABLE, 14: UNWRITABLE, 23: UNWRITABLE}
_SQLITE_KINDS |= {11: CORRUPT, 26: CORRUPT}
_ERRNO_KINDS = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EACCES: UNWRITABLE, errno.EPERM: UNWRITABLE}
_ERRNO_KINDS |= {errno.EROFS: UNWRITABLE, errno.ENOTDIR: UNWRITABLE, errno.EISDIR: UNWRITABLE}
_ERRNO_KINDS |= {errno.EEXIST: UNWRITABLE}
IOERR = 10  # SQLite's SQLITE_IOERR
FULL_BELOW = 1024 * 1024  # free bytes under which an I/O error is taken for a full disk
_SCHEMA_PROBLEMS = ("no such table", "no such column", "already exists", "malformed", "not a database")


class HistoryError(Exception):
    """The history could not be read or written; the message says why, for the user.

    ``kind`` says what kind of trouble: BUSY (another program holds it), FULL, UNWRITABLE
    (read-only, no permission, not a folder), NEWER (a newer sitimer's schema), CORRUPT, OTHER.
    """

    def __init__(self, message: str, kind: str = OTHER) -> None:
        super().__init__(message)
        self.kind = kind


def kind_of(err: BaseException) -> str:
    """What kind of trouble an error from SQLite or the file system means."""
    if isinstance(err, HistoryError):
        return err.kind
    if isinstance(err, sqlite3.Error):
        code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
        if code in _SQLITE_KINDS:
            return _SQLITE_KINDS[code]
        text = str(err).lower()
        if "locked" in text or "busy" in text:
            return BUSY
        if "disk is full" in text:
            return FULL
        if any(problem in text for problem in _SCHEMA_PROBLEMS):
            return CORRUPT
        if "readonly" in text or "unable to open" in text:
            return UNWRITABLE
        return OTHER
    if isinstance(err, UnicodeDecodeError):
        return CORRUPT
    if isinstance(err, OSError):
        return _ERRNO_KINDS.get(err.errno or 0, OTHER)
    return OTHER


def _io_error(err: BaseException) -> bool:
    return isinstance(err, sqlite3.Error) and (
        (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF == IOERR or "disk i/o error" in str(err).lower()
    )


def _full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (next to) no room left."""
    folder = next((p for p in (path.parent, *path.parents) if p.exists()), None)
    try:
        return folder is not None and shutil.disk_usage(folder).free < FULL_BELOW
    except OSError:
        return False


def _read_only(folder: Path) -> bool:
    return folder.is_dir() and not os.access(folder, os.W_OK)


def one_line(text: object) -> str:
    return " ".join(str(text).split()) or "unknown"


def history_error(err: BaseException, path: Path, doing: str = "read") -> HistoryError:
    """``err`` as a :class:`HistoryError` about the history at ``path`` that could not be ``doing``."""
    if isinstance(err, HistoryError):
        return err
    kind = kind_of(err)
    reason = one_line(err.strerror if isinstance(err, OSError) and err.strerror else err)
    if kind == OTHER and _io_error(err) and _full(path):
        kind = FULL  # SQLite says "disk I/O error" on a full disk too, which reads as a broken disk
    if kind == UNWRITABLE and _read_only(path.parent):
        reason += "; the folder is read-only"
    if kind == BUSY:
        text = f"the history at {path} is in use by another program ({reason}); try again later"
    elif kind == FULL:
        text = f"the disk holding the history at {path} is full ({reason})"
    elif kind == UNWRITABLE:
        text = f"the history at {path} cannot be {doing} ({reason})"
    else:
        text = f"the history at {path} could not be {doing}: {reason}"
    return HistoryError(text, kind)
