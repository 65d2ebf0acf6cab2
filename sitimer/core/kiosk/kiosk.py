"""The practice-gym kiosk without Qt: its config file, the therapist's PIN, wrong-try delays.

The config (``kiosk.json`` in the data folder) holds the PIN as a salted scrypt
hash, the idle minutes after which the kiosk goes back to its start screen, the
patient codes with their programme files, and optionally one station programme
that repeats. It is written atomically and readable by its owner only; a file
that cannot be read is moved aside (never deleted) and the caller is told.
Wrong PINs and wrong patient codes each make the next try wait longer.
Times come from an injected :class:`~sitimer.core.clock.Clock`: deadlines, never ticks. When the
kiosk counts as left alone is :mod:`sitimer.core.kiosk.idle`'s.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import math
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from sitimer.core.clock import Clock
from sitimer.core.history.adherence import adherence
from sitimer.core.history.rows import SessionRow
from sitimer.core.jsonfile import JsonFile

CONFIG_NAME = "kiosk.json"
PIN_STATE_NAME = "kiosk-pin.json"  # the wrong PINs in a row, kept across restarts
CODE_STATE_NAME = "kiosk-codes.json"  # the recent wrong patient codes, kept across restarts
CODE_MIN, CODE_MAX = 6, 8  # digits in a new patient code
OLD_CODE_MIN = 3  # an older kiosk.json's codes may be this short: they still open, with a notice
CODE_FORGET_S = 300.0  # one wrong code is forgotten for each five minutes without another
PIN_MIN, PIN_MAX = 4, 12  # digits in the therapist's PIN
DEFAULT_IDLE_MINUTES = 2.0
IDLE_MINUTES_RANGE = (0.5, 120.0)
BACKOFF_CAP_S = 60.0
# Station sessions are kept under this profile: never a valid code (codes are digits), so a
# station's runs are never any patient's adherence, yet the therapist can see its use.
STATION_PROFILE = "station"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MiB and a tenth of a second a try
SALT_BYTES, DIGEST_BYTES = 16, 32


def valid_code(text: str, shortest: int = CODE_MIN) -> bool:
    """A new patient code: 6 to 8 digits (0-9 only; leading zeros are part of it).

    ``shortest=OLD_CODE_MIN`` accepts the shorter codes an older kiosk.json may hold.
    """
    return shortest <= len(text) <= CODE_MAX and all(c in "0123456789" for c in text)


def short_codes(codes: Iterable[str]) -> list[str]:
    """The codes shorter than a new code may be: easier to guess, to be renewed."""
    return [code for code in codes if len(code) < CODE_MIN]


def valid_pin(text: str) -> bool:
    """A therapist PIN: 4 to 12 digits, so it can be typed on the on-screen keypad."""
    return PIN_MIN <= len(text) <= PIN_MAX and all(c in "0123456789" for c in text)


# -- the PIN -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PinHash:
    """A PIN as stored: scrypt of the PIN with a random salt, and the cost it was made with."""

    salt: bytes
    digest: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    def to_json(self) -> dict[str, Any]:
        """The form kept in the config file."""
        return {
            "scheme": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": self.salt.hex(),
            "hash": self.digest.hex(),
        }

    @classmethod
    def from_json(cls, raw: object) -> PinHash:
        """Read the stored form; ValueError when it is not one."""
        if not isinstance(raw, dict) or raw.get("scheme") != "scrypt":
            raise ValueError("not a scrypt PIN hash")
        costs = [raw.get(k) for k in ("n", "r", "p")]
        if not all(type(c) is int and c > 0 for c in costs):
            raise ValueError("bad scrypt cost")
        n, r, p = (int(c) for c in costs if isinstance(c, int))
        if n & (n - 1) or n > 2**20 or r > 32 or p > 16:  # a power of two, and nothing absurd to compute
            raise ValueError("bad scrypt cost")
        salt, digest = bytes.fromhex(str(raw.get("salt"))), bytes.fromhex(str(raw.get("hash")))
        if len(salt) < 8 or len(digest) < 16:
            raise ValueError("salt or hash too short")
        return cls(salt, digest, n, r, p)


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=length)


def hash_pin(pin: str, *, salt: bytes | None = None) -> PinHash:
    """Hash a PIN with a fresh random salt (or the one given, for tests)."""
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    return PinHash(salt, _derive(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, DIGEST_BYTES))


def verify_pin(pin: str, stored: PinHash) -> bool:
    """Whether ``pin`` is the stored one; compared in constant time."""
    made = _derive(pin, stored.salt, stored.n, stored.r, stored.p, len(stored.digest))
    return hmac.compare_digest(made, stored.digest)


def backoff_s(failures: int, cap_s: float = BACKOFF_CAP_S) -> float:
    """The wait before the next try after ``failures`` wrong PINs in a row: 0, 1, 2, 4, 8 … cap."""
    if failures <= 1:
        return 0.0
    return min(cap_s, 2.0 ** (failures - 2))


class PinCheck(Enum):
    """What became of one try at the PIN."""

    RIGHT = "right"
    WRONG = "wrong"
    WAIT = "wait"  # refused unread: the delay after earlier wrong tries is still running
    NO_PIN = "no_pin"  # none is set: nothing opens (set one with `sitimer kiosk set-pin`)


@dataclass(frozen=True)
class PinResult:
    """A try's outcome and, when refused or wrong, how long until the next one is read."""

    check: PinCheck
    wait_s: float = 0.0


class WrongTries:
    """Wrong tries and the delay they earn: 0, 1, 2, 4 … ``cap_s`` seconds before the next is read.

    The delay is a deadline on the injected clock. With ``state`` (a file) the count outlives
    the process: a restart starts the delay it had reached again from the beginning, so a
    restart buys a guesser nothing. With ``forget_s``, one wrong try is forgotten for each
    ``forget_s`` seconds without another (patients' typos fade; a guesser's do not).
    """

    def __init__(
        self,
        clock: Clock,
        *,
        cap_s: float = BACKOFF_CAP_S,
        state: Path | None = None,
        forget_s: float | None = None,
    ) -> None:
        self.clock = clock
        self.cap_s = cap_s
        self.forget_s = forget_s
        self._count = 0
        self._counted_at = clock.monotonic()
        self._not_before = -math.inf
        self._state = JsonFile(state) if state is not None else None
        saved = (self._state.read() or {}).get("failures") if self._state is not None else None
        if isinstance(saved, int) and not isinstance(saved, bool) and saved > 0:
            self._count = saved
            self._not_before = clock.monotonic() + backoff_s(saved, cap_s)

    @property
    def failures(self) -> int:
        """The wrong tries that count now."""
        if self.forget_s is not None and self._count:
            forgotten = int((self.clock.monotonic() - self._counted_at) // self.forget_s)
            if forgotten:
                self._count = max(0, self._count - forgotten)
                self._counted_at += forgotten * self.forget_s
                self._save()
        return self._count

    def wait_s(self) -> float:
        """Seconds until a try is read again (0 when it is read now)."""
        return max(0.0, self._not_before - self.clock.monotonic())

    def wrong(self) -> float:
        """One more wrong try; the wait it earns."""
        count = self.failures + 1
        self._count, self._counted_at = count, self.clock.monotonic()
        self._save()
        self._not_before = self.clock.monotonic() + backoff_s(count, self.cap_s)
        return self.wait_s()

    def clear(self) -> None:
        """The right one: the count starts again."""
        if self._count:
            self._count = 0
            self._save()
        self._not_before = -math.inf

    def _save(self) -> None:
        if self._state is not None:
            # on a read-only disk the count is kept for as long as the kiosk runs
            with contextlib.suppress(OSError):
                self._state.write({"failures": self._count})


class PinGate:
    """Checks PINs; each wrong one in a row makes the next wait longer (0, 1, 2, 4 … 60 s).

    A try during the delay is refused without being checked, so guessing fast teaches
    nothing. A right PIN clears the count. With ``state`` (a file) the count outlives the
    process (see :class:`WrongTries`).
    """

    def __init__(
        self, pin: PinHash | None, clock: Clock, *, cap_s: float = BACKOFF_CAP_S, state: Path | None = None
    ) -> None:
        self.pin = pin
        self.clock = clock
        self.tries = WrongTries(clock, cap_s=cap_s, state=state)

    @property
    def failures(self) -> int:
        """The wrong PINs in a row."""
        return self.tries.failures

    def wait_s(self) -> float:
        """Seconds until a try is read again (0 when it is read now)."""
        return self.tries.wait_s()

    def attempt(self, pin: str) -> PinResult:
        """Check ``pin``, unless the delay of earlier wrong tries is still running."""
        wait = self.wait_s()
        if wait > 0:
            return PinResult(PinCheck.WAIT, wait)
        if self.pin is None:
            return PinResult(PinCheck.NO_PIN)
        if verify_pin(pin, self.pin):
            self.tries.clear()
            return PinResult(PinCheck.RIGHT)
        return PinResult(PinCheck.WRONG, self.tries.wrong())


def code_tries(clock: Clock, state: Path | None = None) -> WrongTries:
    """The count of wrong patient codes: slowed down like the PIN's, and forgotten only with time.

    A right code does not clear it: else a patient's own code typed between guesses
    would make guessing others' codes as fast as typing.
    """
    return WrongTries(clock, state=state, forget_s=CODE_FORGET_S)


# -- what a patient sees of their own history ----------------------------------------------------
@dataclass(frozen=True)
class Figures:
    """A patient's adherence to one programme, at a glance."""

    sessions: int  # done, ever (not simulated), to the end or stopped early
    week_percent: float
    streak_days: int
    today_done: int
    per_day: int


def figures(sessions: list[SessionRow], per_day: int, today: date) -> Figures:
    """This week's adherence, the streak and today's count; nothing is due before the first session."""
    real = [s for s in sessions if not s.simulated]
    monday = today - timedelta(days=today.weekday())
    kept = adherence(real, per_day, min(monday, today - timedelta(days=27)), today, today)
    return Figures(
        sessions=len(real),  # a stopped session counts too: it is on the patient's progress view
        week_percent=kept.week_percent,
        streak_days=kept.streak_days,
        today_done=kept.today_done,
        per_day=per_day,
    )


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
    full = path.expanduser().resolve()
    for base in (data_dir, bundled_dir):
        try:
            return full.relative_to(base.expanduser().resolve()).as_posix()
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


def _config_from(raw: dict[str, Any], notices: list[str], where: Path) -> KioskConfig:
    """Read each part on its own: one bad value falls back to its default, with a notice."""
    config = KioskConfig()
    if raw.get("pin") is not None:
        try:
            config = replace(config, pin=PinHash.from_json(raw["pin"]))
        except ValueError as err:
            notices.append(f"{where}: the PIN could not be read ({err}); set it with `sitimer kiosk set-pin`")
    idle = raw.get("idle_minutes", DEFAULT_IDLE_MINUTES)
    low, high = IDLE_MINUTES_RANGE
    if type(idle) in (int, float) and low <= idle <= high:
        config = replace(config, idle_minutes=float(idle))
    else:
        notices.append(f"{where}: idle_minutes must be a number from {low:g} to {high:g}; 2 used")
    codes: dict[str, tuple[str, ...]] = {}
    raw_codes = raw.get("codes", {})
    for code, refs in raw_codes.items() if isinstance(raw_codes, dict) else ():
        files = isinstance(refs, list) and all(isinstance(r, str) and r for r in refs)
        if valid_code(code, OLD_CODE_MIN) and files:
            codes[code] = tuple(refs)
        else:
            notices.append(f"{where}: codes.{code} left out (digits only, with a list of files)")
    if not isinstance(raw_codes, dict):
        notices.append(f"{where}: codes must map each code to a list of programme files")
    station = raw.get("station")
    if station is not None and not (isinstance(station, str) and station):
        notices.append(f"{where}: station must be a programme file; left out")
        station = None
    if short := short_codes(codes):
        notices.append(
            f"{where}: codes {', '.join(short)} are shorter than {CODE_MIN} digits and easy to guess;"
            " they still open, but give these patients a new code"
        )
    return replace(config, codes=dict(sorted(codes.items())), station=station)


class KioskConfigStore:
    """Reads and writes :class:`KioskConfig` at ``path``; ``notices`` says what could not be read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices: list[str] = []
        self._file = JsonFile(path)

    @classmethod
    def in_folder(cls, data_dir: Path) -> KioskConfigStore:
        """The store of the kiosk config in a data folder."""
        return cls(data_dir / CONFIG_NAME)

    def load(self) -> KioskConfig:
        """The saved config, or an empty one (no PIN, no codes)."""
        raw = self._file.read()
        if self._file.warning and self._file.warning not in self.notices:
            self.notices.append(self._file.warning)
        return KioskConfig() if raw is None else _config_from(raw, self.notices, self.path)

    def save(self, config: KioskConfig) -> None:
        """Write atomically (a new file renamed over the old), readable by the owner only."""
        self._file.write(config.to_json())
