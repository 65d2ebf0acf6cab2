"""The therapist's PIN and the wrong tries at the kiosk, without Qt.

The PIN is kept as a salted scrypt hash (:class:`PinHash`). Wrong PINs and wrong
patient codes each make the next try wait longer (:class:`WrongTries`), a count that can
outlive a restart. Times come from an injected :class:`~sitimer.core.clock.Clock`:
deadlines, never ticks.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, TypeGuard

from sitimer.core.clock import Clock
from sitimer.core.jsonfile import JsonFile

PIN_STATE_NAME = "kiosk-pin.json"  # the wrong PINs in a row, kept across restarts
CODE_STATE_NAME = "kiosk-codes.json"  # the recent wrong patient codes, kept across restarts
CODE_FORGET_S = 300.0  # one wrong code is forgotten for each five minutes without another
PIN_MIN, PIN_MAX = 4, 12  # digits in the therapist's PIN
BACKOFF_CAP_S = 60.0
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MiB and a tenth of a second a try
SALT_BYTES, DIGEST_BYTES = 16, 32


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
    the process, with the time on the ``wall`` clock (seconds since the epoch) when it was last
    counted and when its delay ends: a restart goes on with the delay where it was, so a restart
    buys a guesser nothing, and the time the kiosk was off counts as time without a wrong try.
    (Without the times, from an older sitimer, the delay it had reached starts again.) With
    ``forget_s``, one wrong try is forgotten for each ``forget_s`` seconds without another
    (patients' typos fade; a guesser's do not).
    """

    def __init__(
        self,
        clock: Clock,
        *,
        cap_s: float = BACKOFF_CAP_S,
        state: Path | None = None,
        forget_s: float | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.clock = clock
        self.cap_s = cap_s
        self.forget_s = forget_s
        self.wall = wall
        self._count = 0
        self._counted_at = clock.monotonic()
        self._not_before = -math.inf
        self._state = JsonFile(state) if state is not None else None
        if self._state is not None:
            self._restore(self._state.read() or {})

    def _restore(self, saved: dict[str, object]) -> None:
        count, counted_at, until = saved.get("failures"), saved.get("counted_at"), saved.get("until")
        if not (isinstance(count, int) and not isinstance(count, bool) and count > 0):
            return
        now, wall = self.clock.monotonic(), self.wall()
        delay = backoff_s(count, self.cap_s)
        if _number(until):  # the delay goes on where it was (a clock set back: at most the whole delay)
            delay = min(delay, max(0.0, until - wall))
        self._not_before = now + delay
        self._count = count
        if _number(counted_at):
            since = max(0.0, wall - counted_at)
            self._counted_at = now - since  # the time the kiosk was off, as time without a wrong try

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
        self._not_before = self.clock.monotonic() + backoff_s(count, self.cap_s)
        self._save()
        return self.wait_s()

    def clear(self) -> None:
        """The right one: the count starts again."""
        if self._count:
            self._count = 0
            self._save()
        self._not_before = -math.inf

    def _save(self) -> None:
        if self._state is not None:
            now, wall = self.clock.monotonic(), self.wall()
            kept: dict[str, object] = {"failures": self._count}
            if self._count:
                kept["counted_at"] = round(wall - (now - self._counted_at), 3)
                kept["until"] = round(wall + max(0.0, self._not_before - now), 3)
            # on a read-only disk the count is kept for as long as the kiosk runs
            with contextlib.suppress(OSError):
                self._state.write(kept)


def _number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class PinGate:
    """Checks PINs; each wrong one in a row makes the next wait longer (0, 1, 2, 4 … 60 s).

    A try during the delay is refused without being checked, so guessing fast teaches
    nothing. A right PIN clears the count. With ``state`` (a file) the count outlives the
    process (see :class:`WrongTries`).
    """

    def __init__(
        self,
        pin: PinHash | None,
        clock: Clock,
        *,
        cap_s: float = BACKOFF_CAP_S,
        state: Path | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.pin = pin
        self.clock = clock
        self.tries = WrongTries(clock, cap_s=cap_s, state=state, wall=wall)

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


def code_tries(clock: Clock, state: Path | None = None, wall: Callable[[], float] = time.time) -> WrongTries:
    """The count of wrong patient codes: slowed down like the PIN's, and forgotten only with time.

    A right code does not clear it: else a patient's own code typed between guesses
    would make guessing others' codes as fast as typing.
    """
    return WrongTries(clock, state=state, forget_s=CODE_FORGET_S, wall=wall)
