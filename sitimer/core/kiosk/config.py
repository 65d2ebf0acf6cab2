"""The practice-gym kiosk's config, without Qt.

The config (``kiosk.json`` in the data folder) holds the therapist's PIN as a salted
scrypt hash (:mod:`sitimer.core.kiosk.pin`), the idle minutes after which the kiosk goes
back to its start screen, the patient codes with their programme files, and optionally
one station programme that repeats. It is written atomically and readable by its owner
only; a file that cannot be read is moved aside (never deleted) and the caller is told.
When the kiosk counts as left alone is :mod:`sitimer.core.kiosk.idle`'s.
"""

from __future__ import annotations

import secrets
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sitimer.core.jsonfile import JsonFile
from sitimer.core.kiosk.pin import PinHash
from sitimer.core.notices import Notices
from sitimer.core.paths import resolved

CONFIG_NAME = "kiosk.json"
CODE_MIN, CODE_MAX = 6, 8  # digits in a new patient code
OLD_CODE_MIN = 3  # an older kiosk.json's codes may be this short: they still open, with a notice
DEFAULT_IDLE_MINUTES = 2.0
IDLE_MINUTES_RANGE = (0.5, 120.0)
# Station sessions are kept under this profile: never a valid code (codes are digits), so a
# station's runs are never any patient's adherence, yet the therapist can see its use.
STATION_PROFILE = "station"


def valid_code(text: str, shortest: int = CODE_MIN) -> bool:
    """A new patient code: 6 to 8 digits (0-9 only; leading zeros are part of it).

    ``shortest=OLD_CODE_MIN`` accepts the shorter codes an older kiosk.json may hold.
    """
    return shortest <= len(text) <= CODE_MAX and all(c in "0123456789" for c in text)


def drawn_code(taken: Collection[str]) -> str:
    """A new patient code of CODE_MIN digits, drawn at random (leading zeros kept), not one of ``taken``:
    on a touch screen with no keyboard, the therapist's page had no way to type one."""
    while True:
        code = f"{secrets.randbelow(10**CODE_MIN):0{CODE_MIN}d}"
        if code not in taken:
            return code


def short_codes(codes: Iterable[str]) -> list[str]:
    """The codes shorter than a new code may be: easier to guess, to be renewed."""
    return [code for code in codes if len(code) < CODE_MIN]


# -- programme files -----------------------------------------------------------------------------
def resolve_programme(ref: str, data_dir: Path, bundled_dir: Path) -> Path:
    """A programme named in the config: absolute as is; else in the data folder, else bundled."""
    path = Path(ref).expanduser()
    if path.is_absolute():
        return path
    own = data_dir / path
    if own.exists():
        return own
    bundled = bundled_dir / path
    return bundled if bundled.exists() else own


def programme_ref(path: Path, data_dir: Path, bundled_dir: Path) -> str:
    """How the config names a programme file: relative to the data folder or the bundled ones."""
    full = resolved(path)
    for base in (data_dir, bundled_dir):
        try:
            return full.relative_to(resolved(base)).as_posix()
        except ValueError:
            continue
    return str(full)


# -- the config ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class KioskConfig:
    """What the therapist set up: PIN, idle time, codes and their programmes, a station."""

    pin: PinHash | None = None
    idle_minutes: float = DEFAULT_IDLE_MINUTES
    codes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    station: str | None = None  # a programme that repeats, no code needed

    def assign(self, code: str, refs: Iterable[str]) -> KioskConfig:
        """The config with ``code``'s programmes set to ``refs`` (none: the code is removed)."""
        if not (valid_code(code) or (code in self.codes and valid_code(code, OLD_CODE_MIN))):
            raise ValueError(f"not a patient code ({CODE_MIN} to {CODE_MAX} digits): {code!r}")
        codes = dict(self.codes)
        chosen = tuple(dict.fromkeys(refs))  # in order, once each
        if chosen:
            codes[code] = chosen
        else:
            codes.pop(code, None)
        return replace(self, codes=dict(sorted(codes.items())))

    def to_json(self) -> dict[str, Any]:
        """The file's content."""
        return {
            "version": 1,
            "pin": self.pin.to_json() if self.pin else None,
            "idle_minutes": self.idle_minutes,
            "codes": {code: list(refs) for code, refs in self.codes.items()},
            "station": self.station,
        }

    def public_json(self) -> dict[str, Any]:
        """The content without the PIN hash (for `sitimer kiosk show`)."""
        raw = self.to_json()
        raw["pin"] = self.pin is not None
        return raw


def _config_from(raw: dict[str, Any], notices: Notices, where: Path) -> KioskConfig:
    """Read each part on its own: one bad value falls back to its default, with a notice."""
    config = KioskConfig()
    if raw.get("pin") is not None:
        try:
            config = replace(config, pin=PinHash.from_json(raw["pin"]))
        except ValueError as err:
            notices.add(f"{where}: the PIN could not be read ({err}); set it with `sitimer kiosk set-pin`")
    idle = raw.get("idle_minutes", DEFAULT_IDLE_MINUTES)
    low, high = IDLE_MINUTES_RANGE
    if type(idle) in (int, float) and low <= idle <= high:
        config = replace(config, idle_minutes=float(idle))
    else:
        notices.add(f"{where}: idle_minutes must be a number from {low:g} to {high:g}; 2 used")
    codes: dict[str, tuple[str, ...]] = {}
    raw_codes = raw.get("codes", {})
    for code, refs in raw_codes.items() if isinstance(raw_codes, dict) else ():
        files = isinstance(refs, list) and all(isinstance(r, str) and r for r in refs)
        if valid_code(code, OLD_CODE_MIN) and files:
            codes[code] = tuple(refs)
        else:
            notices.add(f"{where}: codes.{code} left out (digits only, with a list of files)")
    if not isinstance(raw_codes, dict):
        notices.add(f"{where}: codes must map each code to a list of programme files")
    station = raw.get("station")
    if station is not None and not (isinstance(station, str) and station):
        notices.add(f"{where}: station must be a programme file; left out")
        station = None
    if short := short_codes(codes):
        which = f"code {short[0]} is" if len(short) == 1 else f"codes {', '.join(short)} are"
        notices.add(
            f"{where}: {which} shorter than {CODE_MIN} digits and easy to guess;"
            f" {'it still opens' if len(short) == 1 else 'they still open'}, but give"
            f" {'this patient' if len(short) == 1 else 'these patients'} a new code"
        )
    return replace(config, codes=dict(sorted(codes.items())), station=station)


class KioskConfigStore:
    """Reads and writes :class:`KioskConfig` at ``path``; ``notices`` says what could not be read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices = Notices()
        self._file = JsonFile(path)

    @classmethod
    def in_folder(cls, data_dir: Path) -> KioskConfigStore:
        """The store of the kiosk config in a data folder."""
        return cls(data_dir / CONFIG_NAME)

    def load(self) -> KioskConfig:
        """The saved config, or an empty one (no PIN, no codes)."""
        raw = self._file.read()
        self.notices.add(self._file.warning)
        return KioskConfig() if raw is None else _config_from(raw, self.notices, self.path)

    @property
    def unread(self) -> bool:
        """Whether the last :meth:`load` could not read the file at all (moved aside, no permission):
        not a part of it left out, nor a code said to be short."""
        return self._file.warning is not None

    def stamp(self) -> tuple[int, int, int] | None:
        """What tells one version of the file from the next (a save renames a new file over it);
        None while there is none."""
        try:
            found = self.path.stat()
        except OSError:
            return None
        return (found.st_ino, found.st_mtime_ns, found.st_size)

    def save(self, config: KioskConfig) -> None:
        """Write atomically (a new file renamed over the old), readable by the owner only."""
        self._file.write(config.to_json())
