"""History out of the app: the `history --json` contract, a CSV for spreadsheets, and writing files whole.

The JSON gives times in UTC (``...Z``), as stored; the CSV, for a person with a spreadsheet, gives each
session's own local time with the UTC offset it was recorded with (``2026-12-04T09:15:02+01:00``), in
columns named ``..._local``.

What is written for a person (a report, an export) goes to a temporary file beside the target and is
renamed into place only when complete, so a failed write never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sitimer.core.history.rows import HistoryReader

SESSION_FIELDS = (
    "id",
    "programme",
    "started_at",
    "ended_at",
    "status",
    "simulated",
    "steps_done",
    "steps_planned",
    "pain",
    "effort",
    "note",
    "dose_share",
    "pain_before",
)
STEP_FIELDS = ("step", "kind", "exercise", "set_no", "side", "reps", "seconds", "skipped", "ended_at")


LOCAL = "_local"  # the CSV's name for a time column: ``started_at`` becomes ``started_local``


def local_time(utc: str | None, offset_min: int) -> str | None:
    """A stored UTC time as local time with its offset, to the second: ``2026-12-04T09:15:02+01:00``."""
    if utc is None:
        return None
    zone = timezone(timedelta(minutes=offset_min))
    return datetime.fromisoformat(utc).astimezone(zone).replace(microsecond=0).isoformat()


def session_rows(
    store: HistoryReader,
    *,
    include_simulated: bool = False,
    steps: bool = False,
    profile: str | None = "",
    since: str | None = None,
    local_times: bool = False,
) -> list[dict[str, Any]]:
    """Sessions as in the `history --json` contract (times in UTC), optionally with their steps.

    ``local_times`` (for the CSV): times in the session's own local time with the UTC offset it was
    recorded with, under the names ending in ``_local`` instead of ``_at``.
    """
    rows = []
    for session in store.sessions(profile=profile, include_simulated=include_simulated, since=since):
        values = asdict(session)
        row: dict[str, Any] = {name: values[name] for name in SESSION_FIELDS}
        if steps:
            row["steps"] = [
                {name: value for name, value in asdict(s).items() if name in STEP_FIELDS}
                for s in store.steps(session.id)
            ]
        if local_times:
            offset = session.utc_offset_min
            row = _local(row, offset)
            if steps:
                row["steps"] = [_local(step, offset) for step in row["steps"]]
        rows.append(row)
    return rows


def _local(row: dict[str, Any], offset_min: int) -> dict[str, Any]:
    return {
        name.removesuffix("_at") + LOCAL if name.endswith("_at") else name: (
            local_time(value, offset_min) if name.endswith("_at") else value
        )
        for name, value in row.items()
    }


def _csv_names(fields: tuple[str, ...]) -> list[str]:
    return [name.removesuffix("_at") + LOCAL if name.endswith("_at") else name for name in fields]


def to_csv(rows: list[dict[str, Any]], *, steps: bool = False) -> str:
    """Rows of ``session_rows(..., local_times=True)`` as CSV: one line per session, or with ``steps``
    one line per step carrying its session's fields (a session stopped before its first step was
    done is one line with the step's columns empty: a therapist counting lines counts it too)."""
    out = io.StringIO()
    fields = _csv_names(SESSION_FIELDS)
    if not steps:
        writer = csv.DictWriter(out, fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    columns = [f"session_{name}" for name in fields] + _csv_names(STEP_FIELDS)
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        session = {f"session_{name}": row[name] for name in fields}
        for step in row.get("steps") or [{}]:
            writer.writerow({**session, **step})
    return out.getvalue()


def table_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
    """Rows of one of :data:`sitimer.core.history.measures.TABLES` as CSV; a list (the EARS answers and
    scores) as its numbers with a space between."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: " ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()})
    return out.getvalue()


class ExportError(OSError):
    """A file that could not be written; ``str()`` is one line: the file and why."""

    def __init__(self, out: Path, why: str) -> None:
        super().__init__(f"{out}: {why}")
        self.out = out
        self.why = why


def _why(err: OSError) -> str:
    return err.strerror or str(err)


def writable_target(out: str | os.PathLike[str]) -> Path:
    """The file ``out`` names (links followed), when a file can be written there; else ExportError."""
    given = Path(out)
    path = Path(os.path.realpath(given))
    if path.is_dir():
        raise ExportError(given, "that is a folder")
    if path.exists() and not path.is_file():
        raise ExportError(given, "not a regular file")
    folder = path.parent
    if not folder.exists():
        raise ExportError(given, f"no folder {folder}")
    if not folder.is_dir():
        raise ExportError(given, f"{folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(given, f"the folder {folder} cannot be written")
    return path


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


@contextmanager
def replacing(out: str | os.PathLike[str], *, private: bool = True) -> Iterator[Path]:
    """A temporary file beside ``out`` to write, renamed over ``out`` once the block ends without error.

    ``private``: readable by its owner only (0600), for anything with a patient's data; else the
    usual mode (the umask's). A failure leaves ``out`` as it was and no temporary file, and is raised as
    ExportError.
    """
    target = writable_target(out)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)  # 0600
    except OSError as err:
        raise ExportError(Path(out), _why(err)) from err
    os.close(fd)
    tmp = Path(name)
    try:
        if not private:
            tmp.chmod(0o666 & ~_umask())
        yield tmp
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        if isinstance(err, ExportError):
            raise
        raise ExportError(Path(out), _why(err)) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_private(out: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``out``, readable by its owner only; whole or not at all (ExportError)."""
    with replacing(out) as tmp:
        tmp.write_text(text, encoding="utf-8")
