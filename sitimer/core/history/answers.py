"""What the patient reports apart from a session: the weekly EARS, why a session was missed, the GPE
and PSK at check-ins, and the daily activity ticked off.

:class:`PatientAnswers` gives :class:`~sitimer.core.history.store.HistoryStore` these writes and
reads; each write is checked (ValueError saying what is allowed, see
:mod:`sitimer.core.history.scales`) and is its own durable commit, like a step of a session.
Answers belong to a programme of a profile (the kiosk's patients; "" at home).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from sitimer.core.history import scales
from sitimer.core.history.schema import query, stamp


@dataclass(frozen=True)
class EarsRow:
    """One week's EARS: the answers as given (0 = completely agree … 4), their scores and total (0-24)."""

    programme: str
    week: date  # the Monday
    answers: tuple[int, ...]
    scores: tuple[int, ...]  # per item, higher = more adherent
    total: int
    saved_at: str  # UTC, ISO 8601 with a Z


@dataclass(frozen=True)
class MissedReason:
    """Why the prescribed sessions of a day were not all done."""

    programme: str
    day: date
    reason: str  # a key of scales.MISSED_REASONS
    saved_at: str


@dataclass(frozen=True)
class GpeRow:
    """The global perceived effect given at a moment: 1 (completely recovered) to 7 (worse than ever)."""

    programme: str
    at: str  # UTC, ISO 8601 with a Z
    value: int


@dataclass(frozen=True)
class PskRow:
    """The patient-specific complaints at a moment: up to three activities, each 0 (no trouble) to 10."""

    programme: str
    at: str
    items: tuple[tuple[str, int], ...]


def _monday(week: date) -> date:
    if not isinstance(week, date) or isinstance(week, datetime):
        raise ValueError(f"a week is given by a date, not {week!r}")
    return date.fromordinal(week.toordinal() - week.weekday())


def _day(day: date) -> str:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValueError(f"a day is a date, not {day!r}")
    return day.isoformat()


def _named(programme_id: str, what: str = "programme") -> str:
    if not isinstance(programme_id, str) or not programme_id.strip():
        raise ValueError(f"a {what} id is needed, not {programme_id!r}")
    return programme_id


def _ints(raw: str, length: int | None = None) -> tuple[int, ...]:
    """A JSON list of whole numbers as read back; a damaged one reads as none."""
    try:
        values = json.loads(raw)
    except (TypeError, ValueError):
        return ()
    if not isinstance(values, list) or not all(type(v) is int for v in values):
        return ()
    return tuple(values) if length is None or len(values) == length else ()


class PatientAnswers:
    """The store's writes and reads of what the patient reports apart from sessions."""

    # provided by HistoryStore
    now: Callable[[], datetime]
    _write: Callable[[str, tuple[Any, ...]], int]
    _read: Callable[[Callable[[sqlite3.Connection], list[dict[str, Any]]]], list[dict[str, Any]]]

    def _rows(self, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
        return self._read(partial(query, sql=sql, args=args))

    def answered_programmes(self, *, profile: str = "") -> list[str]:
        """The programmes the profile answered anything for (EARS, reasons, GPE, PSK, ticks), sorted."""
        tables = ("ears", "missed_reasons", "gpe", "psk", "activities")
        union = " UNION ".join(f"SELECT programme FROM {t} WHERE profile = ?" for t in tables)
        rows = self._rows(union + " ORDER BY programme", (profile,) * len(tables))
        return [str(row["programme"]) for row in rows]

    # -- EARS, once a week --------------------------------------------------
    def save_ears(
        self, programme_id: str, week: date, answers: tuple[int, ...], *, profile: str = ""
    ) -> None:
        """The week's EARS (six answers, each 0 = completely agree to 4 = completely disagree); ``week``
        is any day of it. Answered again the same week, the new answers stand."""
        scales.ears_scores(answers)
        self._write(
            "INSERT OR REPLACE INTO ears (profile, programme, week, answers, saved_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                profile,
                _named(programme_id),
                _monday(week).isoformat(),
                json.dumps(list(answers)),
                stamp(self.now()),
            ),
        )

    def ears(self, programme_id: str, *, profile: str = "") -> list[EarsRow]:
        """The programme's EARS, week by week (a damaged row is left out)."""
        rows = self._rows(
            "SELECT * FROM ears WHERE programme = ? AND profile = ? ORDER BY week", (programme_id, profile)
        )
        found = []
        for row in rows:
            answers = _ints(row["answers"], len(scales.EARS_ITEMS))
            try:
                scores = scales.ears_scores(answers)
                week = date.fromisoformat(row["week"])
            except ValueError:
                continue
            found.append(EarsRow(programme_id, week, answers, scores, sum(scores), str(row["saved_at"])))
        return found

    # -- a missed session's reason ------------------------------------------
    def save_missed_reason(self, programme_id: str, day: date, reason: str, *, profile: str = "") -> None:
        """Why ``day``'s prescribed sessions were not all done: one of scales.MISSED_REASONS (the
        last answer for a day stands)."""
        scales.check_reason(reason)
        self._write(
            "INSERT OR REPLACE INTO missed_reasons (profile, programme, day, reason, saved_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (profile, _named(programme_id), _day(day), reason, stamp(self.now())),
        )

    def missed_reasons(self, programme_id: str, *, profile: str = "") -> list[MissedReason]:
        """The reasons given, day by day."""
        rows = self._rows(
            "SELECT * FROM missed_reasons WHERE programme = ? AND profile = ? ORDER BY day",
            (programme_id, profile),
        )
        found = []
        for row in rows:
            try:
                day = date.fromisoformat(row["day"])
            except (TypeError, ValueError):
                continue
            found.append(MissedReason(programme_id, day, str(row["reason"]), str(row["saved_at"])))
        return found

    # -- GPE and PSK, at the start and the check-ins -------------------------
    def save_gpe(self, programme_id: str, at: datetime, value: int, *, profile: str = "") -> None:
        """The global perceived effect at ``at``: 1 (completely recovered) to 7 (worse than ever)."""
        scales.check_gpe(value)
        self._write(
            "INSERT INTO gpe (profile, programme, at, value) VALUES (?, ?, ?, ?)",
            (profile, _named(programme_id), stamp(at), value),
        )

    def gpe(self, programme_id: str, *, profile: str = "") -> list[GpeRow]:
        """The GPE answers, oldest first."""
        rows = self._rows(
            "SELECT * FROM gpe WHERE programme = ? AND profile = ? ORDER BY at, id", (programme_id, profile)
        )
        return [GpeRow(programme_id, str(r["at"]), r["value"]) for r in rows if type(r["value"]) is int]

    def save_psk(
        self, programme_id: str, at: datetime, items: tuple[tuple[str, int], ...], *, profile: str = ""
    ) -> None:
        """The patient-specific complaints at ``at``: one to three named activities, each 0 to 10."""
        scales.check_psk(items)
        self._write(
            "INSERT INTO psk (profile, programme, at, items) VALUES (?, ?, ?, ?)",
            (profile, _named(programme_id), stamp(at), json.dumps([[n.strip(), s] for n, s in items])),
        )

    def psk(self, programme_id: str, *, profile: str = "") -> list[PskRow]:
        """The PSK answers, oldest first (a damaged row is left out)."""
        rows = self._rows(
            "SELECT * FROM psk WHERE programme = ? AND profile = ? ORDER BY at, id", (programme_id, profile)
        )
        found = []
        for row in rows:
            try:
                items = tuple((str(name), score) for name, score in json.loads(row["items"]))
                scales.check_psk(items)
            except (TypeError, ValueError):
                continue
            found.append(PskRow(programme_id, str(row["at"]), items))
        return found

    # -- the daily activity, ticked off -------------------------------------
    def tick_activity(self, programme_id: str, exercise_id: str, day: date, *, profile: str = "") -> None:
        """The daily activity ``exercise_id`` was done on ``day`` (ticking twice is once)."""
        self._write(
            "INSERT OR IGNORE INTO activities (profile, programme, exercise, day) VALUES (?, ?, ?, ?)",
            (profile, _named(programme_id), _named(exercise_id, "exercise"), _day(day)),
        )

    def untick_activity(self, programme_id: str, exercise_id: str, day: date, *, profile: str = "") -> None:
        """Take back a tick (none there: nothing happens)."""
        self._write(
            "DELETE FROM activities WHERE profile = ? AND programme = ? AND exercise = ? AND day = ?",
            (profile, _named(programme_id), _named(exercise_id, "exercise"), _day(day)),
        )

    def activities_done(self, programme_id: str, day: date, *, profile: str = "") -> set[str]:
        """The daily activities ticked off on ``day``."""
        rows = self._rows(
            "SELECT exercise FROM activities WHERE programme = ? AND profile = ? AND day = ?",
            (programme_id, profile, _day(day)),
        )
        return {str(row["exercise"]) for row in rows}

    def activity_days(self, programme_id: str, *, profile: str = "") -> list[tuple[date, str]]:
        """Every tick of the programme: (day, exercise), oldest first."""
        rows = self._rows(
            "SELECT day, exercise FROM activities WHERE programme = ? AND profile = ? ORDER BY day, exercise",
            (programme_id, profile),
        )
        found = []
        for row in rows:
            try:
                found.append((date.fromisoformat(row["day"]), str(row["exercise"])))
            except (TypeError, ValueError):
                continue
        return found
