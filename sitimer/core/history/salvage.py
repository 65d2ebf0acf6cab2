"""Salvage: what a damaged history file still holds, copied row by row into a new one.

Used only when the history is found damaged and moved aside (``HistoryStore``): every
session and step that can still be read goes into the new file, so moving a file aside
never hides a session it holds.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sitimer.core.history.schema import ANSWER_TABLES, SESSION_COLUMNS, STATUSES, STEP_COLUMNS, as_text

# What a salvaged row gets for a value that cannot be read and may not be empty.
_DEFAULTS = {
    "sessions": {"profile": "", "programme": "", "programme_title": "", "programme_hash": ""}
    | {"per_day_min": 1, "per_day_max": 1, "utc_offset_min": 0, "status": "interrupted", "simulated": 0}
    | {"steps_planned": 0, "dose_planned": "{}"},
    "steps": {"kind": "", "seconds": 0.0, "skipped": 0, "ended_at": ""},
}


def _held(source: sqlite3.Connection, table: str, columns: list[str]) -> list[str]:
    """The ``columns`` the damaged file's ``table`` has (an older schema lacks later ones, or the table);
    all when that cannot be read."""
    try:
        found = {row[1] for row in source.execute(f"PRAGMA table_info({table})")}
    except sqlite3.Error:
        return columns
    return [c for c in columns if c in found]


def salvage(aside: Path, db: sqlite3.Connection) -> tuple[int, int]:
    """Copy the sessions, steps and the patient's other answers still readable in the damaged file at
    ``aside`` into ``db``; returns how many sessions and steps.

    Row by row in order of id: a damaged stretch is stepped over, not a reason to stop, and a
    row with a damaged value keeps the values that can be read. The file is opened read-only,
    so it stays exactly as it was found.
    """
    try:
        source = sqlite3.connect(f"{aside.absolute().as_uri()}?mode=ro", uri=True, timeout=0)
        # Before the schema is read: a schema whose indexes lie in a lost part of the file (a file
        # cut short) is otherwise refused whole, and not one of its readable rows was kept.
        source.execute("PRAGMA writable_schema=ON")
    except sqlite3.Error:
        return 0, 0
    source.text_factory = as_text
    source.row_factory = sqlite3.Row
    counts = []
    try:
        db.execute("BEGIN")
        tables = {"sessions": SESSION_COLUMNS, "steps": STEP_COLUMNS, **ANSWER_TABLES}
        for table, columns in tables.items():
            count = 0
            held = _held(source, table, columns)
            for row in _readable_rows(source, table, held) if held else ():
                values = {k: as_text(v) if isinstance(v, bytes) else v for k, v in row.items()}
                for key, default in _DEFAULTS.get(table, {}).items():
                    if values.get(key) is None:
                        values[key] = default
                if table == "sessions" and not _plausible(values):
                    continue
                if table in ("sessions", "steps") and not values.get("uuid"):
                    values["uuid"] = str(uuid.uuid4())  # an older file's row, or its UUID unreadable
                try:
                    db.execute(
                        f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                        tuple(values.values()),
                    )
                except sqlite3.IntegrityError:
                    continue  # a damaged row that breaks the schema's rules, or a step of no session kept
                count += 1
            counts.append(count)
        db.execute("COMMIT")
    except sqlite3.Error:
        if db.in_transaction:
            db.execute("ROLLBACK")
        return 0, 0
    finally:
        source.close()
    return counts[0], counts[1]


def _plausible(session: dict[str, Any]) -> bool:
    """A session row whose start can be read as a time; a damaged status or dose is made plain."""
    if session.get("status") not in STATUSES:
        session["status"] = "interrupted"
    try:
        if not isinstance(json.loads(session["dose_planned"]), dict):
            raise ValueError(session["dose_planned"])
    except (TypeError, ValueError):
        session["dose_planned"] = "{}"
    try:
        datetime.fromisoformat(str(session.get("started_at")))
    except ValueError:
        return False
    return True


def _readable_rows(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[dict[str, Any]]:
    """The rows of ``table`` that can be read, in order of id, stepping over damaged ones.

    A scan in order of id stops at the first damaged row, and loses the row before it too
    (Python's cursor reads one ahead); so past a damage each id is looked up on its own,
    until a scan runs again. Long damaged stretches are crossed in growing steps. A torn page
    that points back to one before it makes a scan go round for ever: a scan that comes back
    to a row it gave already is damage too (a damaged id may still go down once: that is a row).
    """
    names = ", ".join(columns)
    scan = f"SELECT {names} FROM {table} WHERE id >= ? ORDER BY id"
    next_id, misses, step = -(2**63), 0, 1
    given: set[int] = set()
    while step < 2**40:
        try:
            for found in source.execute(scan, (next_id,)):
                if found["id"] in given:  # round in a circle
                    next_id = max(next_id, max(given) + 1)
                    break
                given.add(found["id"])
                yield dict(zip(columns, found, strict=True))
                next_id = found["id"] + 1
            else:
                return
        except sqlite3.Error:
            next_id = max(next_id, 1)  # ids start at 1
        row = _one_row(source, table, columns, next_id)
        if row is not None and row["id"] not in given:
            given.add(row["id"])
            yield row
            misses, step = 0, 1
        else:
            misses += 1
            if misses > 300:  # a long damaged stretch (several pages): bigger steps over it
                step *= 2
        next_id += step


def _one_row(source: sqlite3.Connection, table: str, columns: list[str], key: int) -> dict[str, Any] | None:
    """One row by id; when a value of it is damaged, the others one by one (the damaged ones None).

    None when there is no such row, or not one of its values can be read.
    """
    query = f"SELECT {{}} FROM {table} WHERE id = ?"
    try:
        found = source.execute(query.format(", ".join(columns)), (key,)).fetchone()
        return None if found is None else dict(zip(columns, found, strict=True))
    except sqlite3.Error:
        pass
    row: dict[str, Any] = {"id": key}
    for column in columns[1:]:
        try:
            found = source.execute(query.format(column), (key,)).fetchone()
        except sqlite3.Error:
            continue
        if found is None:
            return None
        row[column] = found[0]
    return row if len(row) > 1 else None


def move_aside(path: Path) -> Path:
    """Move the damaged file at ``path`` (with its -wal and -shm) aside, named with the time; its new path."""
    stamp_ = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.corrupt-{stamp_}{path.suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.stem}.corrupt-{stamp_}-{number}{path.suffix}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside
