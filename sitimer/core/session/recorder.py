"""Recorder: turns a session's events into history rows the moment they happen.

At the end it says how the session ended: "completed" when at least the dose threshold of its
prescribed dose was done (:class:`DoseTally`), else "partial"; "stopped" when left early.

When the history cannot be written (read-only folder, full disk, busy, a newer
sitimer's file) the session goes on: from then on each write goes to the
session's journal (a side file, see :mod:`sitimer.core.history.journal`), which is added
to the history at the end of the session if it can be written by then, else at
the next start. The user is told where it is kept. Only if no folder at all takes
the journal is the session held in memory alone (:attr:`Recorder.lost_on_exit`).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from sitimer.core.history.errors import HistoryError
from sitimer.core.history.journal import Journal
from sitimer.core.history.lock import SessionLock
from sitimer.core.history.rows import StepRecord
from sitimer.core.history.schema import stamp
from sitimer.core.history.store import HistoryStore, SessionStart, utc_now
from sitimer.core.notices import Notices
from sitimer.core.programme.plan import Plan, Step, StepKind
from sitimer.core.session.engine import Event, EventKind
from sitimer.core.settings import Settings


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


def prescribed(step: Step) -> float:
    """What one exercise step prescribes: its reps, its seconds (holds, bouts of a set length), else 1
    (done or not: an open-ended step, an activity)."""
    if step.kind is StepKind.WORK and step.reps:
        return float(step.reps)
    if step.kind in (StepKind.HOLD, StepKind.TIMED) and step.duration_s:
        return step.duration_s
    return 1.0


def done_of(step: Step, event: Event) -> float:
    """How much of :func:`prescribed` the ended step did: reps counted, seconds held (at most as
    prescribed), or 1 for an open-ended step not skipped."""
    if step.kind is StepKind.WORK and step.reps:
        return float(min(event.count or 0, step.reps))
    if step.kind in (StepKind.HOLD, StepKind.TIMED) and step.duration_s:
        return min(event.elapsed_s or 0.0, step.duration_s)
    return 0.0 if event.skipped else 1.0


class DoseTally:
    """The share of a session's prescribed dose done: per exercise what its steps did over what they
    prescribe, and the session's share the mean over its exercises (each exercise weighs the same)."""

    def __init__(self, plan: Plan) -> None:
        self.wanted: dict[str, float] = {}
        for step in plan.steps:
            if step.is_exercise and step.exercise:
                self.wanted[step.exercise] = self.wanted.get(step.exercise, 0.0) + prescribed(step)
        self.done = dict.fromkeys(self.wanted, 0.0)

    def add(self, step: Step, event: Event) -> None:
        """Count an exercise step that ended."""
        if step.exercise in self.done:
            self.done[step.exercise] += done_of(step, event)

    @property
    def share(self) -> float:
        """0-1; a session with no exercise to do did all of it."""
        if not self.wanted:
            return 1.0
        shares = [min(1.0, self.done[e] / w) if w else 1.0 for e, w in self.wanted.items()]
        return round(sum(shares) / len(shares), 4)


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


GLANCE_S = 0.25  # how long a session kept aside waits for the history at each later try

Write = dict[str, Any]  # one write, as a journal line: {"op": "begin" | "step" | "end" | "rate", ...}


class Recorder:
    """Listens to engine events and writes them to ``store`` as they come."""

    def __init__(
        self,
        open_store: Callable[[], HistoryStore],
        plan: Plan,
        *,
        db_path: Path,
        simulated: bool,
        profile: str = "",
        dose_threshold: float = Settings.dose_threshold,
    ) -> None:
        self._open_store = open_store
        self.db_path = db_path  # where the history is, for its journal when it cannot be opened
        self.store: HistoryStore | None = None
        self.plan = plan
        self.simulated = simulated
        self.profile = profile
        self.session_id: int | None = None
        self.notices = Notices()  # one line each, for the user (the history's are passed on)
        self.pain_before: int | None = None  # asked before the session, by setting
        self.dose = DoseTally(plan)
        self.dose_threshold = dose_threshold  # the share of the dose a completed session did at least
        self._pending: list[Write] = []
        self._opening: Write | None = None
        self._journal: Journal | None = None
        self._lock: SessionLock | None = None

    @property
    def unsaved(self) -> int:
        """Writes not yet in the history."""
        return len(self._pending)

    @property
    def journal_path(self) -> Path | None:
        """The side file this session is kept in while the history cannot take it."""
        return self._journal.path if self._journal else None

    @property
    def lost_on_exit(self) -> bool:
        """Writes held in memory alone: not in the history and in no journal."""
        return bool(self._pending) and self.journal_path is None

    def open(self) -> None:
        """Open the history before the session starts, so its first cue is not held up."""
        try:
            if self.store is None:
                self.store = self._open_store()
        except HistoryError:
            pass  # the session's first write meets it again, and keeps the session aside, saying where
        self._store_notices()

    def begin(self) -> None:
        """Write the session's opening row now (before its clock starts), unless already begun."""
        if self._opening is None:
            self._begin()
            self.flush()

    def on_event(self, event: Event) -> None:
        """Record what the event means for the history."""
        if event.kind is EventKind.STEP_STARTED and self._opening is None:
            self._begin()
        elif event.kind is EventKind.STEP_ENDED:
            step = self.plan.steps[event.step]
            if step.is_exercise:
                self.dose.add(step, event)
                self._queue(self._step_write(step, event))
        elif event.kind is EventKind.FINISHED:
            share = self.dose.share
            status = (
                "stopped" if event.skipped else "completed" if share >= self.dose_threshold else "partial"
            )
            self._queue({"op": "end", "status": status, "at": stamp(self._now()), "dose_share": share})
        self.flush(final=event.kind is EventKind.FINISHED)
        if event.kind is EventKind.FINISHED and self._lock and not self._pending:
            self._lock.release()

    def rate(self, *, pain: int | None, effort: float | None, note: str | None) -> None:
        """Store the answers given after the session (with the pain before, if asked)."""
        if self._opening is None:  # left while its sounds loaded: no session to answer for
            return
        answers = {"pain": pain, "effort": effort, "note": note, "pain_before": self.pain_before}
        self._queue({"op": "rate", "answers": answers})
        self.flush(final=True)

    def close(self) -> None:
        """The session and its questions are over: a last try, then its journal and lock are let go."""
        self.flush()
        if self._journal is not None:
            self._journal.close()
        if self._lock is not None:
            self._lock.release()

    def flush(self, *, final: bool = True) -> bool:
        """Try every waiting write, in order; True when nothing is left waiting.

        Once the session is kept in a journal, the history is tried again only when ``final``
        (the end, the answers): a busy history must not hold up every step.
        """
        if not self._pending:
            return True
        if self._journal is not None and not final:
            return False
        # Kept aside already: one short look, not BUSY_S again at the end, the answers and the
        # close each (a session of 10 s took 25 with another program holding the history).
        glance = self._journal is not None and self.store is not None
        try:
            if self.store is None:
                self.store = self._open_store()
            if glance:
                self.store.wait_for_lock(GLANCE_S)
            if self._journal is not None:  # the whole session at once, then the side file goes
                self.session_id = self.store.replay(self._journal.writes)
                self._journal.done()
                self._journal = None
                self._pending.clear()
                self.notices.add("the session kept aside is now in the history")
            while self._pending:
                self._apply(self.store, self._pending[0])
                self._pending.pop(0)
        except HistoryError as err:
            self._keep_aside(str(err))
            return False
        finally:
            if glance and self.store is not None:
                with contextlib.suppress(HistoryError):
                    self.store.wait_for_lock(self.store.busy_s)
            self._store_notices()
        return True

    def _keep_aside(self, problem: str) -> None:
        """The history failed: the session goes on in its journal, and the user is told where."""
        if self._journal is None:
            assert self._opening is not None, "the session's opening write comes first"
            self._journal = Journal(self.store.path if self.store else self.db_path)
            self._journal.add([{**self._opening, "id": self.session_id}, *self._unwritten()])
        where = self._journal.path
        if where is not None:
            self.notices.add(
                f"{problem}; this session is kept in {where} and added to the history when it can be"
            )
        else:
            self.notices.add(
                f"{problem}; this session could not be kept anywhere on disk ({self._journal.problem}); "
                "it is lost if sitimer is closed before the history can be written"
            )

    def _unwritten(self) -> list[Write]:
        return [w for w in self._pending if w["op"] != "begin"]

    def _apply(self, store: HistoryStore, write: Write) -> None:
        op = write["op"]
        if op == "begin":
            store.recover()  # a session a crash left open is closed before this one opens
            self._lock = SessionLock(store.path)
            self._lock.share()  # no other sitimer takes this session for one a crash left open
            start = SessionStart(**write["start"])
            self.session_id = store.begin(start, at=datetime.fromisoformat(write["started_at"]))
        elif op == "step":
            store.add_step(self._id(), StepRecord(**write["record"]))
        elif op == "end":
            at = datetime.fromisoformat(write["at"])
            store.end(self._id(), write["status"], at=at, dose_share=write.get("dose_share"))
        elif op == "rate":
            store.rate(self._id(), **write["answers"])

    def _store_notices(self) -> None:
        if self.store is not None:
            self.notices.add(*self.store.notices.take())

    def _now(self) -> datetime:
        return (self.store.now if self.store else utc_now)()

    def _begin(self) -> None:
        start = session_start(self.plan, simulated=self.simulated, profile=self.profile)
        self._opening = {"op": "begin", "start": asdict(start), "started_at": stamp(self._now())}
        self._queue(self._opening)
        if self.pain_before is not None:  # kept now: a session closed before its questions keeps it too
            answers = {"pain": None, "effort": None, "note": None, "pain_before": self.pain_before}
            self._queue({"op": "rate", "answers": answers})

    def _queue(self, write: Write) -> None:
        self._pending.append(write)
        if self._journal is not None:
            self._journal.add([write])

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
            ended_at=stamp(self._now()),
        )
        return {"op": "step", "record": asdict(record)}
