"""History out of the app: the `history --json` contract and a CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
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
