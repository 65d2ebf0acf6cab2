"""Reading a small file the user may have put anything in: never waiting on it, never reading much.

A pipe, a device or a folder is refused at once (opened without blocking, then checked), and no
more than ``limit`` + 1 bytes are read from anything. The one answer for programmes and the
data folder's JSON files alike.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotAFile(OSError):
    """The path is a folder, pipe or device: never read, and never moved aside as if it were broken."""


class TooLarge(ValueError):
    """The file holds more than the caller's limit: broken, not something to read whole."""


def read_small(path: str | Path, limit: int) -> bytes:
    """The file's bytes. Raises NotAFile, TooLarge, or the OSError of opening or reading it."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise NotAFile(f"not a regular file (a folder, pipe or device): {path}")
        with os.fdopen(handle, "rb") as stream:
            handle = -1  # the stream closes it now
            data = stream.read(limit + 1)
    finally:
        if handle >= 0:
            os.close(handle)
    if len(data) > limit:
        raise TooLarge(f"larger than {limit:,} bytes")
    return data
