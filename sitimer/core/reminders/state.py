"""What the patient did with reminders and check-ins, kept in ``reminders.json`` next to the settings.

Reminders on or off, quiet hours, the reminder times the patient chose per programme (and
which programmes were offered times), which reminders were shown, snoozes, "not today",
check-in answers, a maintenance schedule, and which of the patient's questions after a session
were asked. Written atomically and readable by the owner only; a file
that is not JSON is moved aside (never deleted) and the caller is told, like the settings.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

from sitimer.core.jsonfile import JsonFile
from sitimer.core.notices import Notices

KEEP_DAYS = 3  # shown reminders older than this are forgotten: they can never be due again
ASKED_DAYS = 8  # a question asked longer ago than this is for a day or week gone: forgotten


def parse_hhmm(text: str) -> time:
    """A time of day written "HH:MM" (the programme format's reminders); ValueError otherwise."""
    hours, sep, minutes = text.partition(":")
    if not sep or len(minutes) != 2 or not (hours.isdigit() and minutes.isdigit()):
        raise ValueError(f"not a time of day (HH:MM): {text!r}")
    return time(int(hours), int(minutes))


def hhmm(moment: time) -> str:
    """A time of day as "HH:MM"."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


# One time of day as people write it: 09:00, 9:00, 12.30, 9, 9u, 9 uur, 9h; then a comma or a space.
_TIME = re.compile(r"\s*(\d{1,2})(?:[:.](\d{2}))?(?:\s*(?:uur|u|h)\b)?\s*[,;]?", re.IGNORECASE)


def parse_times(text: str) -> list[str] | None:
    """ "09:00, 19:00" (commas or spaces between; 12.30 and 9u too) as sorted "HH:MM"; None when one
    is not a time."""
    found, at, text = set(), 0, text.strip()
    while at < len(text):
        match = _TIME.match(text, at)
        if match is None or match.end() == at:
            return None
        hours, minutes = int(match[1]), int(match[2] or 0)
        if hours > 23 or minutes > 59:
            return None
        found.add(hhmm(time(hours, minutes)))
        at = match.end()
    return sorted(found)


@dataclass(frozen=True)
class QuietHours:
    """A stretch of the day without reminders, such as 22:00-07:00; start == end means none."""

    start: time = time(22, 0)
    end: time = time(7, 0)

    def contains(self, wall: time) -> bool:
        """Whether a local time of day falls in the quiet hours."""
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= wall < self.end
        return wall >= self.start or wall < self.end

    def silences(self, wall: time) -> bool:
        """Whether a reminder at ``wall`` never comes: it is in quiet hours that end only the next day."""
        return self.contains(wall) and self.end <= wall


@dataclass(frozen=True)
class ReminderState:
    """Everything the reminders remember between runs; each field has a safe default."""

    enabled: bool = True
    quiet: QuietHours = QuietHours()
    # "programme|YYYY-MM-DD|HH:MM" of each reminder shown or answered, so none shows twice
    shown: frozenset[str] = frozenset()
    # reminder key -> ISO instant (UTC) when a snoozed reminder comes back
    snoozes: dict[str, str] = field(default_factory=dict)
    # programme id -> the local day (ISO) the patient said "not today"
    not_today: dict[str, str] = field(default_factory=dict)
    # "programme|kind" -> the answer (see sitimer.core.reminders.checkin)
    checkins: dict[str, str] = field(default_factory=dict)
    # programme id -> "HH:MM": one reminder a day to keep the exercises up
    maintenance: dict[str, str] = field(default_factory=dict)
    # programme id -> the times ("HH:MM") the patient chose; [] is "no reminders". Without an
    # entry, the programme's own times (the therapist's) hold.
    times: dict[str, list[str]] = field(default_factory=dict)
    # programmes whose reminder times were offered after the first session (offered once)
    offered: frozenset[str] = frozenset()
    # "programme|profile|question" -> the day (ISO) it was last asked for: a missed day, or the
    # Monday of an EARS week (see sitimer.core.reminders.questions)
    asked: dict[str, str] = field(default_factory=dict)

    def pruned(self, today: date) -> ReminderState:
        """Without shown reminders and "not today"s of days long gone (keeps the file small)."""
        oldest = (today - timedelta(days=KEEP_DAYS)).isoformat()
        return replace(
            self,
            shown=frozenset(k for k in self.shown if k.split("|")[1] >= oldest),
            not_today={p: d for p, d in self.not_today.items() if d >= oldest},
            snoozes={k: v for k, v in self.snoozes.items() if k.split("|")[1] >= oldest},
            asked={
                k: v for k, v in self.asked.items() if v >= (today - timedelta(days=ASKED_DAYS)).isoformat()
            },
        )


def _to_json(state: ReminderState) -> dict[str, Any]:
    raw = asdict(state)
    raw["quiet"] = {"start": hhmm(state.quiet.start), "end": hhmm(state.quiet.end)}
    raw["shown"] = sorted(state.shown)
    raw["offered"] = sorted(state.offered)
    return raw


def _times(value: object) -> dict[str, list[str]]:
    """Programme id -> its chosen times, each "HH:MM". A time that is none is left out, the others
    of its programme kept (one "25:00" dropped the patient's 08:00 with it); an entry with no time
    left that had some is dropped, so the programme's own times hold."""
    if not isinstance(value, dict):
        return {}
    found: dict[str, list[str]] = {}
    for key, times in value.items():
        if not (isinstance(key, str) and isinstance(times, list)):
            continue
        kept = set()
        for text in times:
            try:
                kept.add(hhmm(parse_hhmm(text)))
            except (TypeError, ValueError, AttributeError):
                continue
        if kept or not times:
            found[key] = sorted(kept)
    return found


def _text_map(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def _from_json(raw: dict[str, Any]) -> ReminderState:
    """Every field that has the right shape; the rest keep their defaults."""
    state = ReminderState()
    chosen: dict[str, Any] = {}
    if isinstance(raw.get("enabled"), bool):
        chosen["enabled"] = raw["enabled"]
    quiet = raw.get("quiet")
    if isinstance(quiet, dict):
        with contextlib.suppress(KeyError, ValueError):
            chosen["quiet"] = QuietHours(parse_hhmm(str(quiet["start"])), parse_hhmm(str(quiet["end"])))
    shown = raw.get("shown")
    if isinstance(shown, list):
        chosen["shown"] = frozenset(k for k in shown if isinstance(k, str) and k.count("|") == 2)
    chosen["times"] = _times(raw.get("times"))
    offered = raw.get("offered")
    if isinstance(offered, list):
        chosen["offered"] = frozenset(p for p in offered if isinstance(p, str))
    for name in ("snoozes", "not_today", "checkins", "maintenance", "asked"):
        chosen[name] = _text_map(raw.get(name))
    chosen["snoozes"] = {k: v for k, v in chosen["snoozes"].items() if k.count("|") == 2}
    known = {f.name for f in fields(ReminderState)}
    return replace(state, **{k: v for k, v in chosen.items() if k in known})


class ReminderStateStore:
    """Reads and writes :class:`ReminderState` at ``path`` (``reminders.json`` in the data folder).

    ``notices`` says when the file could not be used (moved aside, or not readable).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices = Notices()
        self._file = JsonFile(path)

    @classmethod
    def in_folder(cls, data_dir: Path) -> ReminderStateStore:
        """The store in the data folder, next to ``settings.json``."""
        return cls(data_dir / "reminders.json")

    def load(self) -> ReminderState:
        """The saved state, or the defaults."""
        raw = self._file.read()
        self.notices.add(self._file.warning)
        return ReminderState() if raw is None else _from_json(raw)

    def save(self, state: ReminderState) -> None:
        """Write atomically, readable by the owner only."""
        self._file.write(_to_json(state))
