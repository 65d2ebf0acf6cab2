"""The user's settings: a small JSON file in the data folder.

Unknown or broken values fall back to the defaults; a file that is not JSON
is moved aside (never deleted) and the caller is told, so nothing is lost.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from sitimer.core.jsonfile import MAX_BYTES, JsonFile
from sitimer.core.notices import Notices
from sitimer.core.small_file import read_small


@dataclass(frozen=True)
class Settings:
    """What the patient chose; each field has a safe default."""

    volume: float = 0.8  # 0..1, tones and voice
    muted: bool = False
    voice: bool = True  # spoken cues on
    count_sides: bool = True  # "right one, left one"; off: the count alone
    rep_tone: bool = False  # a short tick on every rep as well
    ask_pain_before: bool = True  # also ask pain before the session
    dose_threshold: float = 0.8  # a session is "completed" with this share of its dose done, else "partial"
    animation: bool = True  # the moving figure doing the exercise in the session
    kiosk: bool = False  # start as the practice gym's locked kiosk (see sitimer.core.kiosk.config)
    history_url: str = ""  # a practice's PostgreSQL server the history is also sent to (postgresql://…)
    window: str = ""  # the window's size, place and state at the last quit, as Qt keeps them (base64)


class SettingsStore:
    """Reads and writes :class:`Settings` at ``path``; ``notices`` says when the file could not be used."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices = Notices()  # e.g. the file was moved aside: the defaults are used
        self._file = JsonFile(path)

    def load(self) -> Settings:
        """The saved settings, or the defaults."""
        raw = self._file.read()
        self.notices.add(self._file.warning)
        if raw is None:
            return Settings()
        defaults = Settings()
        chosen = {}
        for f in fields(Settings):
            value = raw.get(f.name)
            wanted = type(getattr(defaults, f.name))
            if isinstance(value, wanted) or (wanted is float and type(value) is int):
                chosen[f.name] = wanted(value)
        settings = replace(defaults, **chosen)
        return replace(
            settings,
            volume=min(1.0, max(0.0, settings.volume)),
            dose_threshold=min(1.0, max(0.0, settings.dose_threshold)),
        )

    def save(self, settings: Settings) -> None:
        """Write atomically, readable by the owner only."""
        self._file.write(asdict(settings))


def kiosk_in_settings(data_dir: Path) -> bool:
    """Whether settings.json says ``"kiosk": true`` (only read: a broken file is the app's to report)."""
    try:
        raw = json.loads(read_small(data_dir / "settings.json", MAX_BYTES).decode("utf-8"))
    except (OSError, ValueError):  # a pipe or device there too: never waited on
        return False
    return isinstance(raw, dict) and raw.get("kiosk") is True


def practice_url(given: str | None, data_dir: Path) -> str:
    """The practice's server: ``--history-url``, else ``SITIMER_HISTORY_URL``, else settings.json's
    ``history_url``; "" for none (a patient at home)."""
    if given:
        return given
    if os.environ.get("SITIMER_HISTORY_URL"):
        return os.environ["SITIMER_HISTORY_URL"]
    try:
        raw = json.loads(read_small(data_dir / "settings.json", MAX_BYTES).decode("utf-8"))
    except (OSError, ValueError):
        return ""
    url = raw.get("history_url") if isinstance(raw, dict) else None
    return url if isinstance(url, str) else ""
