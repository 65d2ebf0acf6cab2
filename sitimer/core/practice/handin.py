"""A home patient's history handed in as one file: written at home, taken in by the therapist.

A patient at home has no account on the practice's server. ``sitimer export --practice FILE``
writes every session of their history, with its steps and UUIDs, into one JSON file
(:func:`hand_in`); the therapist's ``sitimer practice import FILE`` reads it back
(:func:`read_handin`, every field checked before anything is stored) and puts it on the server
(:func:`put_on_server`) or into a history of their own
(:func:`sitimer.core.practice.shared.add_to_history`). Sessions are known by their UUIDs, so a file
handed in twice adds nothing the second time, and a session rated since (a higher ``rev``) is
updated.

The file::

    {"format": "sitimer-practice", "version": 1, "exported_at": "2026-12-06T09:00:00.000000Z",
     "sessions": [{"uuid": …, "rev": …, "profile": …, … the server's session columns …,
                   "steps": [{"uuid": …, "step": …, "kind": …, …}]}]}

Simulated runs are in it too, marked ``"simulated": 1``: they never count.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sitimer.core.history.export import write_private
from sitimer.core.history.scales import EFFORT_STEPS
from sitimer.core.history.schema import NEW_UUID, STATUSES, as_text, stamp
from sitimer.core.practice.sender import BATCH, BUSY_S
from sitimer.core.practice.server import check_version, connected
from sitimer.core.programme.plan import StepKind
from sitimer.core.small_file import NotAFile, TooLarge, read_small

FORMAT = "sitimer-practice"
VERSION = 1
LIMIT_BYTES = 200_000_000  # years of sessions twice a day are a few tens of MB; more is not a hand-in
STATION = "hand-in"  # the station a handed-in session is filed under on the server
_INT_MAX = 2**31 - 1  # a PostgreSQL integer
_TEXT_MAX = 10_000  # characters of one text field
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
_SIDES = ("left", "right", "alternate")


class HandinError(ValueError):
    """A hand-in file that cannot be used; ``str()`` is one line naming the file and the line or field."""


class _Bad(ValueError):
    """One field's problem, before it is known where the field is."""


# -- checking one field: each returns the value as stored, or raises _Bad ---------------------------
Check = Callable[[Any], Any]


def _whole(low: int, high: int = _INT_MAX) -> Check:
    def check(value: Any) -> int:
        if type(value) is not int or not low <= value <= high:
            raise _Bad(f"not a whole number from {low} to {high}")
        return value

    return check


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> float:
        if type(value) not in (int, float) or not math.isfinite(value) or not low <= value <= high:
            raise _Bad(f"not a number from {low:g} to {high:g}")
        return float(value)

    return check


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad("not text")
    if len(value) > _TEXT_MAX:
        raise _Bad(f"longer than {_TEXT_MAX:,} characters")
    if "\x00" in value:
        raise _Bad("holds a NUL character")  # no database keeps one in its text
    return value


def _named(value: Any) -> str:
    if not _text(value):
        raise _Bad("empty")
    return str(value)


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str:
        if value not in choices:
            raise _Bad(f"not one of {', '.join(choices)}")
        return str(value)

    return check


def _uuid(value: Any) -> str:
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise _Bad("not a UUID")
    return value.lower()


def _time(value: Any) -> str:
    """A moment with its offset, stored as the history stores it: UTC, ISO 8601 with a Z."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise _Bad("not a time") from None
    if moment.tzinfo is None:
        raise _Bad("not a time (no offset from UTC)")
    return stamp(moment)


def _flag(value: Any) -> int:
    if value not in (0, 1) or type(value) not in (int, bool):
        raise _Bad("not 0 or 1")
    return int(value)


def _effort(value: Any) -> float:
    if type(value) not in (int, float) or value not in EFFORT_STEPS:
        raise _Bad("not an effort from 0 to 10 in half steps (Borg CR10)")
    return float(value)


def _dose(value: Any) -> str:
    """A session's planned dose: JSON text of an object, as the history keeps it."""
    try:
        dose = json.loads(_text(value))
    except ValueError:
        dose = None
    if not isinstance(dose, dict):
        raise _Bad("not a planned dose (the JSON text of an object)")
    return str(value)


def _optional(check: Check) -> Check:
    def optional(value: Any) -> Any:
        return None if value is None else check(value)

    return optional


SESSION_FIELDS: dict[str, Check] = {
    "uuid": _uuid,
    "rev": _whole(1),
    "profile": _text,
    "programme": _named,
    "programme_title": _text,
    "programme_hash": _text,
    "per_day_min": _whole(0, 100),
    "per_day_max": _whole(0, 100),
    "started_at": _time,
    "utc_offset_min": _whole(-24 * 60, 24 * 60),
    "ended_at": _optional(_time),
    "status": _one_of(STATUSES),
    "simulated": _flag,
    "steps_planned": _whole(0),
    "dose_planned": _dose,
    "pain_before": _optional(_whole(0, 10)),
    "pain": _optional(_whole(0, 10)),
    "effort": _optional(_effort),
    "note": _optional(_text),
    "dose_share": _optional(_number(0, 1)),
}
STEP_FIELDS: dict[str, Check] = {
    "uuid": _uuid,
    "step": _whole(0),
    "kind": _one_of(tuple(kind.value for kind in StepKind)),
    "exercise": _optional(_named),
    "set_no": _optional(_whole(0)),
    "side": _optional(_one_of(_SIDES)),
    "reps": _optional(_whole(0)),
    "seconds": _number(0, 7 * 24 * 3600),
    "skipped": _flag,
    "ended_at": _time,
}


def _fields(raw: Any, fields: dict[str, Check], where: str) -> dict[str, Any]:
    """The checked fields of one session or step; _Bad with the field's place."""
    if not isinstance(raw, dict):
        raise _Bad(f"{where}: not an object")
    checked = {}
    for name, check in fields.items():
        if name not in raw:
            raise _Bad(f"{where}.{name}: missing")
        try:
            checked[name] = check(raw[name])
        except _Bad as err:
            raise _Bad(f"{where}.{name}: {err}") from None
    return checked


def _session(raw: Any, where: str, seen: dict[str, str]) -> dict[str, Any]:
    """One session with its steps, checked; ``seen``: the place of each UUID met so far."""
    session = _fields(raw, SESSION_FIELDS, where)
    if session["per_day_min"] > session["per_day_max"]:
        raise _Bad(f"{where}.per_day_min: more than per_day_max")
    steps = raw.get("steps")
    if not isinstance(steps, list):
        raise _Bad(f"{where}.steps: {'missing' if steps is None else 'not a list'}")
    session["steps"] = [_fields(step, STEP_FIELDS, f"{where}.steps[{i}]") for i, step in enumerate(steps)]
    for place, row in [(where, session)] + [
        (f"{where}.steps[{i}]", s) for i, s in enumerate(session["steps"])
    ]:
        if row["uuid"] in seen:
            raise _Bad(f"{place}.uuid: the same as {seen[row['uuid']]}'s")
        seen[row["uuid"]] = place
    return session


# -- reading a hand-in ----------------------------------------------------------------------------------
def read_handin(path: Path) -> list[dict[str, Any]]:
    """The sessions of the hand-in file at ``path``, every field checked; HandinError (one line) when
    the file cannot be read, is no JSON, is no hand-in, or any field is wrong."""
    try:
        text = read_small(path, LIMIT_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise HandinError(f"{path}: no such file") from None
    except NotAFile:
        raise HandinError(f"{path}: not a regular file (a folder, pipe or device)") from None
    except TooLarge as err:
        raise HandinError(f"{path}: {err}: not a hand-in") from None
    except UnicodeDecodeError:
        raise HandinError(f"{path}: not a hand-in (not UTF-8 text)") from None
    except OSError as err:
        raise HandinError(f"{path}: {err.strerror or err}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        why = "the file ends too soon (cut short?)" if err.pos >= len(text.rstrip()) else err.msg
        raise HandinError(f"{path}:{err.lineno}:{err.colno}: not valid JSON: {why}") from None
    except (ValueError, RecursionError) as err:
        raise HandinError(f"{path}: not valid JSON: {err}") from None
    try:
        return _document(document)
    except _Bad as err:
        raise HandinError(f"{path}: {err}") from None


def _document(document: Any) -> list[dict[str, Any]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        raise _Bad(f"format: not a sitimer hand-in ({FORMAT!r} expected, not {found!r})")
    version = document.get("version")
    if type(version) is int and version > VERSION:
        raise _Bad(f"version: made by a newer sitimer (version {version}); update sitimer to read it")
    if version != VERSION or type(version) is not int:
        raise _Bad(f"version: not {VERSION}")
    try:
        _time(document.get("exported_at"))
    except _Bad as err:
        raise _Bad(f"exported_at: {err}") from None
    sessions = document.get("sessions")
    if not isinstance(sessions, list):
        raise _Bad(f"sessions: {'missing' if sessions is None else 'not a list'}")
    seen: dict[str, str] = {}
    return [_session(raw, f"sessions[{i}]", seen) for i, raw in enumerate(sessions)]


# -- writing one at home ----------------------------------------------------------------------------------
def _rows(history: Path) -> list[dict[str, Any]]:
    """Every session in the history with its steps, as stored; sessions without a UUID get one."""
    db = sqlite3.connect(
        f"{history.absolute().as_uri()}?mode=rw", uri=True, timeout=BUSY_S, isolation_level=None
    )
    try:
        db.text_factory = as_text
        db.row_factory = sqlite3.Row
        db.execute("BEGIN IMMEDIATE")
        db.execute(f"UPDATE sessions SET uuid = {NEW_UUID} WHERE uuid IS NULL")  # rows written bare
        db.execute(f"UPDATE steps SET uuid = {NEW_UUID} WHERE uuid IS NULL")
        columns = ", ".join(SESSION_FIELDS)
        sessions = {
            row["id"]: {**dict(row), "steps": []}
            for row in db.execute(f"SELECT id, {columns} FROM sessions ORDER BY started_at, id")
        }
        columns = ", ".join(STEP_FIELDS)
        for row in db.execute(f"SELECT session_id, {columns} FROM steps ORDER BY session_id, step, id"):
            owner = sessions.get(row["session_id"])
            if owner is not None:
                owner["steps"].append(dict(row))
        db.execute("COMMIT")
    finally:
        db.close()
    return list(sessions.values())


def hand_in(history: Path, out: Path, now: datetime) -> tuple[int, list[str]]:
    """Write every session of the history at ``history`` into the hand-in file ``out`` (readable by
    its owner only, whole or not at all); returns how many, and a line for each session left out
    because the file could not carry it (a row damaged in the history).

    sqlite3.Error when the history cannot be read; ExportError when ``out`` cannot be written.
    """
    sessions, left_out = [], []
    seen: dict[str, str] = {}
    for row in _rows(history):
        try:
            sessions.append(_session(row, "session", seen))
        except _Bad as err:
            left_out.append(f"the session started {row['started_at']} cannot be handed in ({err})")
    document = {"format": FORMAT, "version": VERSION, "exported_at": stamp(now), "sessions": sessions}
    write_private(out, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    return len(sessions), left_out


# -- putting one on the practice's server ---------------------------------------------------------
def put_on_server(url: str, sessions: list[dict[str, Any]]) -> tuple[int, int]:
    """Put checked sessions (of :func:`read_handin`) on the server at ``url`` in one transaction, each
    once by UUID (a newer rev updating an older); returns (added, already there). The account must
    read the practice's sessions (the therapist's). PracticeError (one line) when the server says no:
    then nothing was put."""
    with connected(url, "take the handed-in sessions") as server:
        check_version(server, url)
        with server.transaction():
            uuids = [session["uuid"] for session in sessions]
            known = server.execute(
                "SELECT count(*) FROM sitimer.sessions WHERE uuid = ANY(%s::uuid[])", (uuids,)
            ).fetchone()[0]
            station = {"station": STATION}
            rows = [{name: s[name] for name in SESSION_FIELDS} | station for s in sessions]
            rows.sort(key=lambda row: (row["profile"], row["programme"]))  # as stations send: no deadlock
            steps = [step | {"session_uuid": s["uuid"]} for s in sessions for step in s["steps"]]
            batches = [steps[start : start + BATCH] for start in range(0, len(steps), BATCH)]
            with server.cursor() as cursor:  # pipelined: not one round trip per session
                cursor.executemany("SELECT sitimer.put_session(%s::jsonb)", [(json.dumps(r),) for r in rows])
                cursor.executemany("SELECT sitimer.put_steps(%s::jsonb)", [(json.dumps(b),) for b in batches])
    return len(sessions) - int(known), int(known)
