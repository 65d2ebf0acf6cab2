"""Writing a programme file: whole or not at all, and never over a bundled programme."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from sitimer.core.paths import resolved
from sitimer.core.programme.model import Programme


class BundledProgrammeError(Exception):
    """An attempt to write over a bundled programme, which stays as shipped."""


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is in ``folder`` or below it (links resolved)."""
    return resolved(path).is_relative_to(resolved(folder))


def write_programme(text: str, target: Path, bundled_dir: Path) -> None:
    """Write a programme file whole (a half-written one never replaces a good one)."""
    if is_inside(target, bundled_dir):
        raise BundledProgrammeError(f"{target}: a bundled programme is never changed; save a copy")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temp, 0o644)  # a file to read and hand over, not mkstemp's private 0600
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def carry_media(programme: Programme, source: Path, folder: Path) -> None:
    """Copy a programme's media files (found inside ``source``) to the same places in ``folder``.

    A programme saved in another folder then still finds its photos and videos beside it; a
    file already there is left alone.
    """
    if resolved(folder) == resolved(source):
        return
    for name in (e.media for e in programme.exercises if e.media is not None):
        target = folder / Path(name).relative_to(source)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(name, target)
