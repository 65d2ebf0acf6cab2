"""The user's settings: a small JSON file in the data folder.

Unknown or broken values fall back to the defaults; a file that is not JSON
is moved aside (never deleted) and the caller is told, so nothing is lost.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """What the patient chose; each field has a safe default."""

    volume: float = 0.8  # 0..1, tones and voice
    muted: bool = False
    voice: bool = True  # spoken cues on
    count_sides: bool = True  # "right one, left one"; off: the count alone
    rep_tone: bool = False  # a short tick on every rep as well
    pain_before: bool = False  # also ask pain before the session
    kiosk: bool = False  # start as the practice gym's locked kiosk (see sitimer.core.kiosk)


class SettingsStore:
    """Reads and writes :class:`Settings` at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning: str | None = None  # set when the file had to be moved aside

    def load(self) -> Settings:
        """The saved settings, or the defaults."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as err:
            self._move_aside(err)
            return Settings()
        if not isinstance(raw, dict):
            self._move_aside(ValueError("not a JSON object"))
            return Settings()
        defaults = Settings()
        chosen = {}
        for f in fields(Settings):
            value = raw.get(f.name)
            wanted = type(getattr(defaults, f.name))
            if isinstance(value, wanted) or (wanted is float and type(value) is int):
                chosen[f.name] = wanted(value)
        settings = replace(defaults, **chosen)
        return replace(settings, volume=min(1.0, max(0.0, settings.volume)))

    def save(self, settings: Settings) -> None:
        """Write atomically, readable by the owner only."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(settings), handle, indent=2)
        os.replace(tmp, self.path)

    def _move_aside(self, err: Exception) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        try:
            os.replace(self.path, aside)
            self.warning = f"{self.path} could not be read ({err}); moved to {aside.name}, defaults used"
        except OSError:
            self.warning = f"{self.path} could not be read ({err}); defaults used"
