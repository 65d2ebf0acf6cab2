"""The user's settings: a small JSON file in the data folder.

Broken values fall back to the defaults, and are said by file and field; a key this
sitimer does not know (a typo, or a newer sitimer's setting) is said and kept in the file;
a file that is not JSON is moved aside (never deleted) and the caller is told, so nothing
is lost.
"""

from __future__ import annotations

import difflib
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
        self._unknown: dict[str, object] = {}  # keys this sitimer does not know: written back as found

    def load(self) -> Settings:
        """The saved settings, or the defaults."""
        raw = self._file.read()
        self.notices.add(self._file.warning)
        if raw is None:
            return Settings()
        defaults = Settings()
        known = [f.name for f in fields(Settings)]
        self._unknown = {key: value for key, value in raw.items() if key not in known}
        for key in self._unknown:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            self.notices.add(
                f"{self.path}: {key}: not a setting sitimer knows{hint}; kept in the file, not used"
            )
        chosen = {}
        kinds = {bool: "true or false", float: "a number", str: "text"}
        for f in fields(Settings):
            if f.name not in raw:
                continue
            value, default = raw[f.name], getattr(defaults, f.name)
            wanted = type(default)
            if isinstance(value, wanted) or (wanted is float and type(value) is int):
                chosen[f.name] = wanted(value)
            else:  # said, as the file and the field (it was left out without a word)
                given = json.dumps(value)[:40]
                self.notices.add(
                    f"{self.path}: {f.name}: {given} is not {kinds[wanted]}; {json.dumps(default)} is used"
                )
        settings = replace(defaults, **chosen)
        for name in ("volume", "dose_threshold"):  # shares: 0 to 1
            given = getattr(settings, name)
            if not 0.0 <= given <= 1.0:
                kept = min(1.0, max(0.0, given))
                self.notices.add(f"{self.path}: {name}: {given:g} is not from 0 to 1; {kept:g} is used")
                settings = replace(settings, **{name: kept})
        return settings

    def save(self, settings: Settings) -> None:
        """Write atomically, readable by the owner only; keys read that this sitimer does not know are
        written back as they were (a newer sitimer's settings survive a run of an older one)."""
        self._file.write({**self._unknown, **asdict(settings)})


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
