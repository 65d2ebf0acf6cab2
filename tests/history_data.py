"""A realistic history for tests: two weeks of "2 × a day", two sessions missed, pain easing."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sitimer.core.history import HistoryStore, StepRecord, stamp
from sitimer.core.loader import load_file
from sitimer.core.plan import build_plan
from sitimer.core.recorder import session_start

FIRST_DAY = datetime(2026, 11, 2, tzinfo=UTC)  # a Monday
MISSED = ((3, 18), (9, 7))  # (day, hour): Thursday evening of week 1, Wednesday morning of week 2


def two_weeks(db: Path, programme: Path) -> HistoryStore:
    """Sessions at 07:00 and 18:00 UTC for 14 days, all steps done, rated; one demo run too."""
    plan = build_plan(load_file(programme))
    now = [FIRST_DAY]
    store = HistoryStore(db, now=lambda: now[0])
    for day in range(14):
        for hour in (7, 18):
            if (day, hour) in MISSED:
                continue
            now[0] = FIRST_DAY + timedelta(days=day, hours=hour)
            sid = store.begin(session_start(plan, simulated=False))
            for s in plan.steps:
                if s.is_exercise:
                    record = StepRecord(
                        s.index,
                        s.kind.value,
                        s.exercise,
                        s.set,
                        s.side,
                        s.reps,
                        s.planned_s,
                        False,
                        stamp(now[0]),
                    )
                    store.add_step(sid, record)
            store.end(sid, "completed")
            store.rate(
                sid, pain=6 if day < 7 else 3, effort=4, note="Stijf na het opstaan" if day == 1 else None
            )
    now[0] = FIRST_DAY + timedelta(days=8, hours=12)
    store.begin(session_start(plan, simulated=True))  # a demonstration: never counted
    return store
