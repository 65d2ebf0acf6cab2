"""What the stations of a practice share through its server: the codes, their programmes, and a
code's sessions.

A kiosk keeps its own copy of everything (``kiosk.json``, the programme files, the SQLite history),
so it works on when the server is down; the server is where the copies meet:

- **codes**: a code assigned, changed or removed on one station is put on the server
  (:func:`push_codes`) with the content of any programme file of the station's own, and every
  station takes the server's codes as its own (:func:`pull_codes`), writing the programme files
  it lacks into its data folder;
- **a code's sessions**: when a patient types their code, the sessions they did at other stations
  are copied into this station's history (:func:`pull_sessions`, by UUID, never twice), so their
  figures count every kiosk. Copied rows count as sent: they never go back to the server.

:func:`add_to_history` is the one way sessions from elsewhere enter a SQLite history (a code's
sessions from the server, a home patient's file handed in).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from sitimer.core.history.schema import SESSION_COLUMNS, STEP_COLUMNS
from sitimer.core.jsonfile import JsonFile
from sitimer.core.practice.server import PracticeError, check_version, connected, redact

BUSY_S = 5.0  # a session writing the history goes first; a copy may wait for it
RUNNING = "in_progress"
# Columns a session or step has wherever it is; the rest is the copy's own (its local ids, sent marks).
_SESSION_DATA = [c for c in SESSION_COLUMNS if c not in ("id", "uuid", "rev", "sent_rev")]
_STEP_DATA = [c for c in STEP_COLUMNS if c not in ("id", "session_id", "uuid", "sent")]
PROGRAMME_LIMIT = 1_000_000  # bytes of one programme file shared through the server


# -- sessions ---------------------------------------------------------------------------------------
def add_to_history(history: Path, sessions: list[dict[str, Any]], *, sent: bool) -> tuple[int, int]:
    """Put sessions from elsewhere into the SQLite history at ``history``, each once, by UUID.

    Each session is a dict of its columns (with ``uuid`` and ``rev``) and a ``steps`` list of step
    dicts (with ``uuid``). A session already here is updated when the one given is newer (a higher
    ``rev``: rated since), and gets the steps it lacks. ``sent``: the rows came from the server and
    are not to be sent back. Returns (sessions added, sessions already here); one transaction.
    """
    db = sqlite3.connect(history, timeout=BUSY_S, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        added = 0
        for session in sessions:
            added += _add_session(db, session, sent)
        db.execute("COMMIT")
    except sqlite3.Error as err:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise PracticeError(f"the history at {history} could not take the sessions: {err}") from err
    finally:
        db.close()
    return added, len(sessions) - added


def _add_session(db: sqlite3.Connection, session: Mapping[str, Any], sent: bool) -> int:
    """1 when the session is new here, else 0 (updated when newer)."""
    uuid, rev = str(session["uuid"]), int(session["rev"])
    values = [session.get(name) for name in _SESSION_DATA]
    found = db.execute("SELECT id, rev FROM sessions WHERE uuid = ?", (uuid,)).fetchone()
    if found is None:
        names = ", ".join([*_SESSION_DATA, "uuid", "rev", "sent_rev"])
        marks = ", ".join("?" * (len(_SESSION_DATA) + 3))
        cursor = db.execute(
            f"INSERT INTO sessions ({names}) VALUES ({marks})", (*values, uuid, rev, rev if sent else 0)
        )
        local_id = cursor.lastrowid
    else:
        local_id = found[0]
        if found[1] < rev:
            changes = ", ".join(f"{name} = ?" for name in _SESSION_DATA)
            db.execute(
                f"UPDATE sessions SET {changes}, rev = ?, sent_rev = ? WHERE id = ?",
                (*values, rev, rev if sent else 0, local_id),
            )
    names = ", ".join([*_STEP_DATA, "session_id", "uuid", "sent"])
    marks = ", ".join("?" * (len(_STEP_DATA) + 3))
    db.executemany(
        f"INSERT OR IGNORE INTO steps ({names}) VALUES ({marks})",
        [
            (*(step.get(name) for name in _STEP_DATA), local_id, str(step["uuid"]), int(sent))
            for step in session.get("steps", ())
        ],
    )
    return int(found is None)


def pull_sessions(url: str, code: str, history: Path) -> int:
    """Copy ``code``'s sessions from the server into the history at ``history``; returns how many
    were new here. A session still running somewhere is left until it has ended."""
    with connected(url, f"give the sessions of code {code}") as server:
        check_version(server, url)
        rows = server.execute(
            f"SELECT uuid, rev, {', '.join(_SESSION_DATA)} FROM sitimer.sessions_of(%s) WHERE status <> %s",
            (code, RUNNING),
        ).fetchall()
        names = ["uuid", "rev", *_SESSION_DATA]
        sessions = {str(row[0]): dict(zip(names, row, strict=True)) | {"steps": []} for row in rows}
        for step in server.execute(
            f"SELECT uuid, session_uuid, {', '.join(_STEP_DATA)} FROM sitimer.steps_of(%s)", (code,)
        ).fetchall():
            owner = sessions.get(str(step[1]))
            if owner is not None:
                owner["steps"].append(dict(zip(["uuid", "session_uuid", *_STEP_DATA], step, strict=True)))
    added, _known = add_to_history(history, list(sessions.values()), sent=True)
    return added


# -- codes and their programmes ----------------------------------------------------------------------
def _shared_ref(ref: str) -> bool:
    """Whether a programme named ``ref`` may be written into a data folder under that name."""
    path = PurePosixPath(ref)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in ref
        and path.suffix in (".yaml", ".yml")
    )


def push_codes(url: str, changes: Mapping[str, tuple[str, ...]], data_dir: Path, station: str) -> None:
    """Put the codes changed on this station on the server (no programmes: the code is removed),
    with the content of each programme file that is this station's own (under ``data_dir``)."""
    with connected(url, "take the codes changed here") as server:
        check_version(server, url)
        with server.transaction():
            for code, refs in changes.items():
                if not refs:
                    server.execute("DELETE FROM sitimer.codes WHERE code = %s", (code,))
                    continue
                server.execute(
                    "INSERT INTO sitimer.codes (code, programmes, station) VALUES (%s, %s::jsonb, %s)"
                    " ON CONFLICT (code) DO UPDATE SET programmes = EXCLUDED.programmes,"
                    " station = EXCLUDED.station, updated_at = now()",
                    (code, json.dumps(list(refs)), station),
                )
                for ref in refs:
                    _push_programme(server, ref, data_dir)


def _push_programme(server: Any, ref: str, data_dir: Path) -> None:
    path = data_dir / ref
    if not _shared_ref(ref) or not path.is_file():
        return  # a bundled programme: every station has it
    content = path.read_text(encoding="utf-8")
    server.execute(
        "INSERT INTO sitimer.programmes (ref, content) VALUES (%s, %s) ON CONFLICT (ref) DO UPDATE"
        " SET content = EXCLUDED.content, updated_at = now() WHERE programmes.content <> EXCLUDED.content",
        (ref, content),
    )


def pull_codes(url: str, data_dir: Path) -> dict[str, tuple[str, ...]]:
    """The server's codes and their programmes; programme files that are new or changed there are
    written into ``data_dir`` first, so every code's programmes open here."""
    with connected(url, "give the practice's codes") as server:
        check_version(server, url)
        codes = {
            str(code): tuple(str(ref) for ref in refs)
            for code, refs in server.execute("SELECT code, programmes FROM sitimer.codes ORDER BY code")
        }
        wanted = sorted({ref for refs in codes.values() for ref in refs if _shared_ref(ref)})
        contents = server.execute(
            "SELECT ref, content FROM sitimer.programmes WHERE ref = ANY(%s)", (wanted,)
        ).fetchall()
    for ref, content in contents:
        _write_programme(data_dir / ref, content)
    return codes


def _write_programme(path: Path, content: str) -> None:
    """The file at ``path`` with ``content``, written whole or not at all (never half a programme)."""
    data = content.encode("utf-8")
    if len(data) > PROGRAMME_LIMIT:
        raise PracticeError(f"the programme {path.name} on the practice's server is too large to use")
    try:
        if path.is_file() and path.read_bytes() == data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as err:
        raise PracticeError(
            f"the programme {path} from the practice's server could not be written: {err}"
        ) from err


class PendingCodes:
    """Codes changed on this station and not yet on the server, kept in the data folder
    (``practice-codes.json``) so a change made while the server is down survives a restart.

    The file also names the server it was last shared with: a station linked to a server for the
    first time (or to another one) sends all its codes there, so none is lost to the server's list.
    """

    NAME = "practice-codes.json"

    def __init__(self, data_dir: Path) -> None:
        self._file = JsonFile(data_dir / self.NAME)

    def _raw(self) -> dict[str, Any]:
        return self._file.read() or {}

    def read(self) -> dict[str, tuple[str, ...]]:
        """The changes waiting: each code with its programmes (none: removed)."""
        codes = self._raw().get("codes")
        if not isinstance(codes, dict):
            return {}
        kept = {code: refs for code, refs in codes.items() if isinstance(refs, list)}
        return {str(code): tuple(str(ref) for ref in refs) for code, refs in kept.items()}

    def _write(self, server: str, codes: Mapping[str, tuple[str, ...]]) -> None:
        self._file.write({"server": server, "codes": {code: list(refs) for code, refs in codes.items()}})

    def link(self, url: str, codes: Mapping[str, tuple[str, ...]]) -> None:
        """This station shares with the server at ``url``: the first time, all its ``codes`` wait to go."""
        server = redact(url)
        if self._raw().get("server") != server:
            self._write(server, dict(codes) | self.read())

    def add(self, changes: Mapping[str, tuple[str, ...]]) -> None:
        """Keep ``changes`` until they are sent (a later change of a code replaces an earlier one)."""
        self._write(str(self._raw().get("server", "")), self.read() | dict(changes))

    def sent(self, changes: Mapping[str, tuple[str, ...]]) -> None:
        """``changes`` are on the server: forget them, unless a code was changed again meanwhile."""
        left = {code: refs for code, refs in self.read().items() if changes.get(code) != refs}
        self._write(str(self._raw().get("server", "")), left)
