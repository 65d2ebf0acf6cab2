"""The data folder is made the one way: with its parents, readable by its owner only."""

from __future__ import annotations

from pathlib import Path


def make_private_folder(folder: Path) -> Path:
    """Make ``folder`` (0700) and the folders above it, if missing; OSError when it cannot be made.

    A new patient's account has no data folder yet: every first write (a lock, the history, a
    settings file) goes through here, so none of them fails on a folder that is not there.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
