"""Small JSON files in the data folder (settings, reminders, the kiosk): read safely, written whole.

A file that is not a JSON object is moved aside with a timestamp, never deleted, and the
caller gets one line to tell the user; so does one that cannot be read or is no regular
file, which is left where it is. Reading never waits on a pipe and never reads much.
Writing goes to a private temporary file that is synced and renamed over the old one, so a
crash leaves the old file or the new, never half.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from sitimer.core.private_folder import make_private_folder
from sitimer.core.small_file import NotAFile, read_small

MAX_BYTES = 10_000_000  # far above any settings, reminders or kiosk file; a larger one is broken


class JsonFile:
    """One JSON object at ``path``; ``warning`` is set when it had to be moved aside."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None

    def read(self) -> dict[str, Any] | None:
        """The object, or None when the file is missing or could not be used (``warning`` says why).

        Only a file whose content is broken is moved aside: one that cannot be read now (no
        permission, a disk error) stays, and so does a folder, pipe or device put in its place.
        """
        self.warning = None  # of this read, not an earlier one
        try:
            raw = json.loads(read_small(self.path, MAX_BYTES).decode("utf-8"))
        except FileNotFoundError:
            return None
        except NotAFile:
            self.warning = f"{self.path} is not a regular file (a folder, pipe or device); not used"
            return None
        except OSError as err:
            self.warning = f"{self.path} could not be read ({err.strerror or err}); not used"
            return None
        except ValueError as err:  # not JSON, not UTF-8, or too large
            self._move_aside(err)
            return None
        if not isinstance(raw, dict):
            self._move_aside(ValueError("not a JSON object"))
            return None
        return raw

    def write(self, data: dict[str, Any]) -> None:
        """Replace the file atomically; readable by its owner only, as is a folder made for it."""
        folder = make_private_folder(self.path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2)
                handle.write("\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _move_aside(self, err: Exception) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        try:
            os.replace(self.path, aside)
            self.warning = f"{self.path} could not be read ({err}); moved to {aside.name}"
        except OSError:
            self.warning = f"{self.path} could not be read ({err})"
