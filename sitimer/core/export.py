"""History out of the app: the `history --json` contract, a CSV for spreadsheets, and writing files whole.

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
from pathlib import Path
from typing import Any

from sitimer.core.history import HistoryStore

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
)
STEP_FIELDS = ("step", "kind", "exercise", "set_no", "side", "reps", "seconds", "skipped", "ended_at")


def session_rows(
    store: HistoryStore,
    *,
    include_simulated: bool = False,
    steps: bool = False,
    profile: str | None = "",
    since: str | None = None,
) -> list[dict[str, Any]]:
    """Sessions as in the `history --json` contract, optionally with their steps."""
    rows = []
    for session in store.sessions(profile=profile, include_simulated=include_simulated, since=since):
        row: dict[str, Any] = {name: session[name] for name in SESSION_FIELDS}
        row["simulated"] = bool(row["simulated"])
        if steps:
            row["steps"] = [
                {**{name: s[name] for name in STEP_FIELDS}, "skipped": bool(s["skipped"])}
                for s in store.steps(session["id"])
            ]
        rows.append(row)
    return rows


def to_csv(rows: list[dict[str, Any]], *, steps: bool = False) -> str:
    """One line per session, or with ``steps`` one line per step carrying its session's fields."""
    out = io.StringIO()
    if not steps:
        writer = csv.DictWriter(out, SESSION_FIELDS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    columns = [f"session_{name}" for name in SESSION_FIELDS] + list(STEP_FIELDS)
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        session = {f"session_{name}": row[name] for name in SESSION_FIELDS}
        for step in row.get("steps", []):
            writer.writerow({**session, **step})
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
