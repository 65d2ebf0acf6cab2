"""A realistic history for tests: two weeks of "2 × a day", two sessions missed, pain easing."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sitimer.core.history.rows import SessionRow, StepRecord
from sitimer.core.history.schema import stamp
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import Plan, build_plan
from sitimer.core.session.recorder import session_start

FIRST_DAY = datetime(2026, 11, 2, tzinfo=UTC)  # a Monday
MISSED = ((3, 18), (9, 7))  # (day, hour): Thursday evening of week 1, Wednesday morning of week 2


class Wall:
    """A wall clock for the store that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def ticking_store(path: Path, start: datetime, tick: timedelta = timedelta(minutes=1)) -> HistoryStore:
    """A store at ``path`` whose clock starts at ``start`` and moves ``tick`` each time it is read."""
    now = [start]

    def clock() -> datetime:
        now[0] += tick
        return now[0]

    return HistoryStore(path, now=clock)


def record_session(store: HistoryStore, plan: Plan, *, status: str = "completed", profile: str = "") -> int:
    """One session of ``plan`` as the recorder writes it, every exercise step done, at the store's now."""
    sid = store.begin(session_start(plan, simulated=False, profile=profile))
    ended = stamp(store.now())
    for s in plan.steps:
        if s.is_exercise:
            store.add_step(
                sid,
                StepRecord(
                    s.index, s.kind.value, s.exercise, s.set, s.side, s.reps, s.planned_s, False, ended
                ),
            )
    store.end(sid, status)
    return sid


def two_weeks(db: Path, programme: Path, *, profile: str = "") -> HistoryStore:
    """Sessions at 07:00 and 18:00 UTC for 14 days, all steps done, rated; one demo run too.

    ``profile``: whose they are ("" at home, a patient code at a kiosk).
    """
    plan = build_plan(load_file(programme))
    now = [FIRST_DAY]
    store = HistoryStore(db, now=lambda: now[0])
    for day in range(14):
        for hour in (7, 18):
            if (day, hour) in MISSED:
                continue
            now[0] = FIRST_DAY + timedelta(days=day, hours=hour)
            sid = record_session(store, plan, profile=profile)
            store.rate(
                sid, pain=6 if day < 7 else 3, effort=4, note="Stijf na het opstaan" if day == 1 else None
            )
    now[0] = FIRST_DAY + timedelta(days=8, hours=12)
    store.begin(session_start(plan, simulated=True, profile=profile))  # a demonstration: never counted
    return store


def session_row(**fields) -> SessionRow:
    """A session as the store reads it back, with only the ``fields`` a test cares about set."""
    base = {
        "id": 1,
        "profile": "",
        "programme": "si-gewricht",
        "programme_title": "",
        "programme_hash": "",
        "per_day_min": 2,
        "per_day_max": 2,
        "started_at": "2026-11-02T08:00:00.000000Z",
        "utc_offset_min": 60,
        "ended_at": None,
        "status": "completed",
        "simulated": False,
        "steps_planned": 0,
        "dose_planned": "{}",
        "pain_before": None,
        "pain": None,
        "effort": None,
        "note": None,
        "steps_done": 0,
    }
    return SessionRow.of(base | fields)
