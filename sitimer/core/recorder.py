"""Recorder: turns a session's events into history rows the moment they happen.

When the history cannot be written (read-only folder, full disk) the session
goes on: what could not be written waits in memory, in order, and is tried
again at every later event and at the end; the user is told once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from sitimer.core.engine import Event, EventKind
from sitimer.core.history import (
    HistoryError,
    HistoryStore,
    SessionLock,
    SessionStart,
    StepRecord,
    stamp,
    utc_now,
)
from sitimer.core.plan import Plan, Step, StepKind


def programme_hash(path: str | None) -> str:
    """SHA-256 of the programme file, so a record says exactly which prescription was done."""
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def planned_dose(plan: Plan) -> dict[str, dict[str, float]]:
    """Per exercise: sets, reps and seconds of holds or bouts one session prescribes."""
    dose: dict[str, dict[str, float]] = {}
    for step in plan.steps:
        if step.is_exercise and step.exercise:
            entry = dose.setdefault(step.exercise, {"sets": 0, "reps": 0, "seconds": 0.0})
            entry["sets"] = max(entry["sets"], step.sets or 1)
            entry["reps"] += step.reps or 0
            if step.kind in (StepKind.HOLD, StepKind.TIMED):
                entry["seconds"] += step.duration_s or 0.0
    return dose


def session_start(plan: Plan, *, simulated: bool, profile: str = "") -> SessionStart:
    """The opening record of a session of ``plan``."""
    programme = plan.programme
    per_day = programme.frequency.sessions_per_day
    return SessionStart(
        programme=programme.id,
        programme_title=programme.title.get("en"),
        programme_hash=programme_hash(programme.path),
        per_day_min=int(per_day.min),
        per_day_max=int(per_day.max),
        steps_planned=sum(1 for s in plan.steps if s.is_exercise),
        dose_planned=planned_dose(plan),
        simulated=simulated,
        profile=profile,
    )


Write = Callable[[HistoryStore], None]


class Recorder:
    """Listens to engine events and writes them to ``store`` as they come."""

    def __init__(
        self, open_store: Callable[[], HistoryStore], plan: Plan, *, simulated: bool, profile: str = ""
    ) -> None:
        self._open_store = open_store
        self.store: HistoryStore | None = None
        self.plan = plan
        self.simulated = simulated
        self.profile = profile
        self.session_id: int | None = None
        self.notice: str | None = None  # the one line the user is told when writing fails
        self.pain_before: int | None = None  # asked before the session, by setting
        self._pending: list[Write] = []
        self._lock: SessionLock | None = None

    @property
    def unsaved(self) -> int:
        """Writes still waiting in memory."""
        return len(self._pending)

    def open(self) -> None:
        """Open the history before the session starts, so its first cue is not held up."""
        try:
            if self.store is None:
                self.store = self._open_store()
        except HistoryError as err:
            self.notice = f"{err}; this session is kept in memory and saved when possible"

    def begin(self) -> None:
        """Write the session's opening row now (before its clock starts), unless already begun."""
        if self.session_id is None and not self._pending:
            self._begin()
            self.flush()

    def on_event(self, event: Event) -> None:
        """Record what the event means for the history."""
        if event.kind is EventKind.STEP_STARTED and self.session_id is None and not self._pending:
            self._begin()
        elif event.kind is EventKind.STEP_ENDED:
            step = self.plan.steps[event.step]
            if step.is_exercise:
                self._queue(self._step_write(step, event))
        elif event.kind is EventKind.FINISHED:
            status = "stopped" if event.skipped else "completed"
            self._queue(lambda store: store.end(self._id(), status))
        self.flush()
        if event.kind is EventKind.FINISHED and self._lock and not self._pending:
            self._lock.release()

    def rate(self, *, pain: int | None, effort: int | None, note: str | None) -> None:
        """Store the answers given after the session (with the pain before, if asked)."""
        before = self.pain_before
        self._queue(
            lambda store: store.rate(self._id(), pain=pain, effort=effort, note=note, pain_before=before)
        )
        self.flush()

    def flush(self) -> bool:
        """Try every waiting write, in order; True when nothing is left waiting."""
        try:
            if self.store is None and self._pending:
                self.store = self._open_store()
            while self._pending and self.store is not None:
                self._pending[0](self.store)
                self._pending.pop(0)
        except HistoryError as err:
            if self.notice is None:
                self.notice = f"{err}; this session is kept in memory and saved when possible"
            return False
        return True

    def _begin(self) -> None:
        start = session_start(self.plan, simulated=self.simulated, profile=self.profile)

        def write(store: HistoryStore) -> None:
            store.recover()  # a session a crash left open is closed before this one opens
            if store.notices:  # the file was damaged and moved aside: the patient is told
                self.notice = store.notices[-1]
            self._lock = SessionLock(store.path)
            self._lock.acquire()
            self.session_id = store.begin(start)

        self._pending.append(write)

    def _queue(self, write: Write) -> None:
        self._pending.append(write)

    def _id(self) -> int:
        assert self.session_id is not None, "the session's first write runs before any other"
        return self.session_id

    def _step_write(self, step: Step, event: Event) -> Write:
        record = StepRecord(
            step=step.index,
            kind=step.kind.value,
            exercise=step.exercise,
            set_no=step.set,
            side=step.side,
            reps=event.count if step.kind is StepKind.WORK else None,
            seconds=round(event.elapsed_s or 0.0, 3),
            skipped=event.skipped,
            ended_at=stamp((self.store.now if self.store else utc_now)()),
        )
        return lambda store: store.add_step(self._id(), record)
