"""The adherence measures beside the sessions, as plain rows for `history --json` and `--csv`.

Per programme: adherence week by week (the rule of :func:`~sitimer.core.history.adherence.adherence`),
the weekly EARS, why sessions were missed, the GPE and PSK, and the daily activity ticked off. Each
kind is one table (:data:`TABLES`): a top-level key of the JSON, or one CSV with ``--csv --table``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sitimer.core.history.adherence import local_day, weekly
from sitimer.core.history.rows import HistoryReader, SessionRow

# Each table's columns, in the order the CSV gives them.
TABLES: dict[str, tuple[str, ...]] = {
    "weeks": (
        "programme",
        "week",
        "days",
        "per_day_min",
        "per_day_max",
        "prescribed",
        "done",
        "share",
        "adherent",
        "above_minimum",
        "not_completed",
        "days_kept",
    ),
    "ears": ("programme", "week", "answers", "scores", "total", "saved_at"),
    "missed_reasons": ("programme", "day", "reason", "saved_at"),
    "gpe": ("programme", "at", "value"),
    "psk": ("programme", "at", "activity", "score"),
    "activities": ("programme", "day", "exercise"),
}


def _weeks(programme: str, sessions: list[SessionRow], today: date) -> list[dict[str, Any]]:
    """A programme's weeks from its first session's Monday to ``today``'s week, each day held to its
    own prescription (:func:`~sitimer.core.history.adherence.days`); a week's ``per_day_min`` and
    ``per_day_max`` are the prescription at its end (its last session's, or the one before it)."""
    real = [s for s in sessions if not s.simulated]
    if not real:
        return []
    latest = real[-1]
    first = min(local_day(s) for s in real)
    monday = date.fromordinal(first.toordinal() - first.weekday())

    dated = [(local_day(s), s) for s in real]  # oldest first
    rows = []
    for week in weekly(real, latest.per_day_min, monday, max(today, local_day(latest)), today):
        sunday = week.monday + timedelta(days=6)
        then = next((s for day, s in reversed(dated) if day <= sunday), latest)  # the week's last, or before
        rows.append(
            {
                "programme": programme,
                "week": week.monday.isoformat(),
                "days": week.days,
                "per_day_min": then.per_day_min,
                "per_day_max": then.per_day_max,
                "prescribed": week.prescribed,
                "done": week.done,
                # nothing due yet (the first session today, a Monday morning): no figure, not 0 %
                "share": round(week.share, 4) if week.prescribed else None,
                "adherent": week.adherent if week.prescribed else None,
                "above_minimum": week.above,
                "not_completed": week.partial,
                "days_kept": week.days_kept,
            }
        )
    return rows


def _answers(store: HistoryReader, programme: str, profile: str) -> dict[str, list[dict[str, Any]]]:
    """One programme's answers apart from sessions, table by table."""
    at = {"programme": programme}
    return {
        "ears": [
            {**at, "week": e.week.isoformat(), "answers": list(e.answers), "scores": list(e.scores)}
            | {"total": e.total, "saved_at": e.saved_at}
            for e in store.ears(programme, profile=profile)
        ],
        "missed_reasons": [
            {**at, "day": m.day.isoformat(), "reason": m.reason, "saved_at": m.saved_at}
            for m in store.missed_reasons(programme, profile=profile)
        ],
        "gpe": [{**at, "at": g.at, "value": g.value} for g in store.gpe(programme, profile=profile)],
        "psk": [
            {**at, "at": p.at, "activity": activity, "score": score}
            for p in store.psk(programme, profile=profile)
            for activity, score in p.items
        ],
        "activities": [
            {**at, "day": day.isoformat(), "exercise": exercise}
            for day, exercise in store.activity_days(programme, profile=profile)
        ],
    }


def measure_rows(store: HistoryReader, *, today: date, profile: str = "") -> dict[str, list[dict[str, Any]]]:
    """Every table of :data:`TABLES` for ``profile``, programme by programme (simulated runs never count).

    A PSK row is one activity of one answer (``at`` ties the answer's activities together).
    """
    by_programme: dict[str, list[SessionRow]] = {}
    for session in store.sessions(profile=profile):
        by_programme.setdefault(session.programme, []).append(session)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for programme in sorted({*by_programme, *store.answered_programmes(profile=profile)}):
        tables["weeks"] += _weeks(programme, by_programme.get(programme, []), today)
        for name, rows in _answers(store, programme, profile).items():
            tables[name] += rows
    return tables
