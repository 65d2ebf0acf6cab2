"""Which programme the picker selects first: what this patient most likely does now.

Their own copy first (the therapist tailored it for them); of several, the one most recently
changed or done. Else the programme done last; else the first one listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sitimer.core.programme.catalogue import ProgrammeFile

if TYPE_CHECKING:
    from sitimer.core.history.rows import LastStarted

EPOCH = datetime.fromtimestamp(0, UTC)


def changed(path: Path) -> datetime:
    """When a file was last changed (its copy made or edited); the epoch when it cannot be told."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return EPOCH


def moment(text: object) -> datetime | None:
    """A time the history wrote (ISO 8601, UTC); None for anything else."""
    try:
        found = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def add_done(done: dict[str, datetime], sessions: Iterable[LastStarted]) -> None:
    """Keep in ``done`` when each programme (by id) was last started, from the history."""
    for session in sessions:
        when = moment(session.started_at)
        name = session.programme
        if when is not None and (name not in done or done[name] < when):
            done[name] = when


def first_choice(
    own: list[ProgrammeFile], listed: list[ProgrammeFile], done: Mapping[str, datetime]
) -> Path | None:
    """The programme to select first: of the patient's own files, of all ``listed``, by ``done``."""

    def last_done(entry: ProgrammeFile) -> datetime | None:
        return done.get(entry.programme.id) if entry.programme is not None else None

    usable = [e for e in own if e.programme is not None]
    done_ones = [e for e in listed if last_done(e) is not None]
    if usable:
        return max(usable, key=lambda e: max(last_done(e) or EPOCH, changed(e.path))).path
    if done_ones:
        return max(done_ones, key=lambda e: last_done(e) or EPOCH).path
    return listed[0].path if listed else None
