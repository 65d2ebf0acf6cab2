"""SessionEngine: walks a plan against a monotonic clock, deadline by deadline.

Nothing here counts ticks. Each step starts at the exact moment the previous
one was due to end (not when the caller happened to wake up), every cue and
rep has a due time on the clock, and :meth:`SessionEngine.advance` hands out
everything that has fallen due, in order, however late it is called. Pausing
moves the deadlines. Every command returns the events it caused; the engine
never calls out, so the Qt driver, the cue log and tests just read events.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sitimer.core.clock import Clock
from sitimer.core.programme.model import Side
from sitimer.core.programme.plan import Plan, Step, StepKind
from sitimer.core.session.cues import Cue, CueKind, end_cue, rep_cue, step_cues

TEMPO_MIN, TEMPO_MAX = 0.5, 2.0
_EPS = 1e-9


class EventKind(StrEnum):
    """What an :class:`Event` reports."""

    STEP_STARTED = "step_started"
    STEP_ENDED = "step_ended"
    SECOND = "second"  # the shown time changes: repaint
    REP = "rep"
    CUE = "cue"
    PAUSED = "paused"
    RESUMED = "resumed"
    FINISHED = "finished"


@dataclass(frozen=True)
class Event:
    """Something that happened in a session, stamped with the clock time it was due."""

    kind: EventKind
    step: int
    at: float
    cue: Cue | None = None
    count: int | None = None  # REP: the rep number; STEP_ENDED: reps done
    side: Side | None = None
    elapsed_s: float | None = None  # STEP_ENDED: time spent in the step, pauses left out
    skipped: bool = False  # STEP_ENDED / FINISHED: left early by the patient


class State(StrEnum):
    """Where the session is."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class SessionEngine:
    """The state machine of one session. ``auto`` answers self-paced steps at the planned tempo."""

    def __init__(self, plan: Plan, clock: Clock, *, auto: bool = False) -> None:
        self.plan = plan
        self.clock = clock
        self.auto = auto
        self.state = State.READY
        self.index = 0
        self.tempo_factor = 1.0
        self.session_start: float | None = None
        self._schedule = [step_cues(plan, i) for i in range(len(plan.steps))]
        self._later_s = [0.0] * len(plan.steps)  # planned time of the steps after each one
        for i in range(len(plan.steps) - 2, -1, -1):
            self._later_s[i] = self._later_s[i + 1] + plan.steps[i + 1].planned_s
        self._step_start = 0.0
        self._pending: list[Cue] = []
        self._reps = 0
        self._rep_anchor = 0.0  # offset of the last counted rep from the step start
        self._next_second: float | None = None
        self._paused_at: float | None = None

    # -- what the view reads ---------------------------------------------
    @property
    def step(self) -> Step:
        """The current step."""
        return self.plan.steps[self.index]

    @property
    def reps_done(self) -> int:
        """Reps counted so far in the current step."""
        return self._reps

    def now(self) -> float:
        """The engine's time: frozen while paused."""
        return self._paused_at if self._paused_at is not None else self.clock.monotonic()

    def elapsed_s(self) -> float:
        """Time spent in the current step, pauses left out."""
        return max(0.0, self.now() - self._step_start) if self.state is not State.READY else 0.0

    def since_rep_s(self) -> float:
        """Time since the last rep was counted in this step (or since the step began), pauses left out."""
        return max(0.0, self.elapsed_s() - self._rep_anchor)

    def rep_s(self) -> float | None:
        """Seconds per rep now, after tempo changes."""
        tempo = self.step.tempo_s
        return tempo / self.tempo_factor if tempo else None

    def remaining_s(self) -> float | None:
        """Time left in the current step, or None when it lasts until the patient says done."""
        if self.state is State.READY:
            return self.step.planned_s
        end = self._end_time()
        if end is None:
            rep_s = self.rep_s()
            if self._counts_itself() and rep_s and self.step.reps:
                left = (self.step.reps - self._reps) * rep_s - (self.elapsed_s() - self._rep_anchor)
                return max(0.0, left)
            return None
        return max(0.0, end - self.now())

    def session_remaining_s(self) -> float:
        """Planned time left in the session: this step's remainder and every later step."""
        later = self._later_s[self.index]
        current = self.remaining_s()
        if current is None:
            current = max(0.0, self.step.planned_s - self.elapsed_s())
        return later + (current if self.state is not State.FINISHED else 0.0)

    def next_deadline(self) -> float | None:
        """The clock time of the next moment that matters, for the driver's one timer."""
        if self.state is not State.RUNNING:
            return None
        due = self._due()
        return due[0] if due else None

    # -- commands --------------------------------------------------------
    def start(self) -> list[Event]:
        """Begin the session at the first step."""
        if self.state is not State.READY:
            return []
        now = self.clock.monotonic()
        self.session_start = now
        self.state = State.RUNNING
        return self._enter(0, now) + self.advance()

    def advance(self) -> list[Event]:
        """Hand out everything that has fallen due, in order, each stamped with its due time."""
        events: list[Event] = []
        now = self.clock.monotonic()
        while self.state is State.RUNNING:
            due = self._due()
            if due is None or due[0] > now + _EPS:
                break
            at, what = due
            if what == "second":
                events.append(Event(EventKind.SECOND, self.index, at))
                self._next_second = self._second_after(max(at, now))
            elif what == "cue":
                events.append(Event(EventKind.CUE, self.index, at, cue=self._pending.pop(0)))
            elif what == "rep":
                events += self._count_rep(at)
            else:
                events += self._finish_step(at)
        return events

    def pause(self) -> list[Event]:
        """Stop the clock for this session; deadlines wait."""
        events = self.advance()
        if self.state is not State.RUNNING:
            return events
        self._paused_at = self.clock.monotonic()
        self.state = State.PAUSED
        return [*events, Event(EventKind.PAUSED, self.index, self._paused_at)]

    def resume(self) -> list[Event]:
        """Go on where the session was paused; every deadline moves by the pause."""
        if self.state is not State.PAUSED or self._paused_at is None:
            return []
        now = self.clock.monotonic()
        shift = now - self._paused_at
        self._step_start += shift
        if self._next_second is not None:
            self._next_second += shift
        self._paused_at = None
        self.state = State.RUNNING
        return [Event(EventKind.RESUMED, self.index, now), *self.advance()]

    def toggle_pause(self) -> list[Event]:
        """Space bar: pause when running, resume when paused, start when ready."""
        if self.state is State.READY:
            return self.start()
        return self.resume() if self.state is State.PAUSED else self.pause()

    def tap(self) -> list[Event]:
        """The patient says "done": one rep of a self-paced set, or the end of this step."""
        events = self.advance()
        if self.state is not State.RUNNING:
            return events
        now = self.clock.monotonic()
        if self.step.kind is StepKind.WORK and not self.step.paced:
            return events + self._count_rep(now) + self.advance()
        return events + self._finish_step(now) + self.advance()

    def skip(self) -> list[Event]:
        """Leave this step unfinished and go to the next."""
        return self._jump(lambda: self.index + 1)

    def back(self) -> list[Event]:
        """Leave this step and start the one before it again."""
        return self._jump(lambda: max(0, self.index - 1))

    def restart_set(self) -> list[Event]:
        """Start the current set again from its first exercise step."""
        return self._jump(self._set_start)

    def set_tempo(self, factor: float) -> None:
        """Count faster (factor > 1) or slower; applies from the next rep."""
        self.tempo_factor = min(TEMPO_MAX, max(TEMPO_MIN, factor))

    def stop(self) -> list[Event]:
        """End the session early, keeping what was done (Esc, Ctrl+C)."""
        events = self.advance()
        if self.state not in (State.RUNNING, State.PAUSED):
            return events
        now = self.now()
        events.append(self._ended(now, skipped=True))
        self.state = State.FINISHED
        self._paused_at = None
        return [*events, Event(EventKind.FINISHED, self.index, now, skipped=True)]

    # -- internals -------------------------------------------------------
    def _counts_itself(self) -> bool:
        """Whether reps of this step are counted by the clock (paced, or auto)."""
        return self.step.kind is StepKind.WORK and (self.step.paced or self.auto)

    def _end_time(self) -> float | None:
        step = self.step
        if step.duration_s is not None and step.kind is not StepKind.WORK:
            return self._step_start + step.duration_s
        return None

    def _due(self) -> tuple[float, str] | None:
        candidates: list[tuple[float, int, str]] = []
        if self._next_second is not None:
            candidates.append((self._next_second, 0, "second"))
        if self._counts_itself() and self._reps < (self.step.reps or 0):
            rep_s = self.rep_s() or 0.0
            candidates.append((self._step_start + self._rep_anchor + rep_s, 1, "rep"))
        if self._pending:
            candidates.append((self._step_start + self._pending[0].offset_s, 2, "cue"))
        end = self._end_time()
        if end is not None:
            candidates.append((end, 3, "end"))
        if not candidates:
            return None
        at, _, what = min(candidates)
        return at, what

    def _second_after(self, t: float) -> float | None:
        end = self._end_time()
        if end is not None:
            whole = math.floor(end - t - _EPS)
            return end - whole if whole >= 1 else None
        return self._step_start + math.floor(t - self._step_start + _EPS) + 1

    def _enter(self, index: int, at: float) -> list[Event]:
        self.index = index
        self._step_start = at
        self._pending = list(self._schedule[index])
        self._reps = 0
        self._rep_anchor = 0.0
        self._next_second = self._second_after(at)
        events = [Event(EventKind.STEP_STARTED, index, at)]
        if self.step.kind is StepKind.DONE:
            events += [Event(EventKind.CUE, index, at, cue=c) for c in self._pending]
            self._pending = []
            self.state = State.FINISHED
            events.append(Event(EventKind.FINISHED, index, at))
        return events

    def _ended(self, at: float, skipped: bool) -> Event:
        return Event(
            EventKind.STEP_ENDED,
            self.index,
            at,
            count=self._reps,
            elapsed_s=max(0.0, at - self._step_start),
            skipped=skipped,
        )

    def _finish_step(self, at: float) -> list[Event]:
        """The step is done (its time is up, or the patient said so): cues left, then the next."""
        events = [
            Event(EventKind.CUE, self.index, at, cue=c)
            for c in self._pending
            if c.kind in (CueKind.END, CueKind.COMPLETE)
        ]
        if self.step.kind is StepKind.WORK:
            events.append(Event(EventKind.CUE, self.index, at, cue=end_cue(self.step, at - self._step_start)))
        self._pending = []
        events.append(self._ended(at, skipped=False))
        return events + self._enter(self.index + 1, at)

    def _count_rep(self, at: float) -> list[Event]:
        self._reps += 1
        self._rep_anchor = at - self._step_start
        side = self.step.rep_side(self._reps)
        events = [
            Event(EventKind.REP, self.index, at, count=self._reps, side=side),
            Event(EventKind.CUE, self.index, at, cue=rep_cue(self.step, self._reps, self._rep_anchor)),
        ]
        if self._reps >= (self.step.reps or 0):
            events += self._finish_step(at)
        return events

    def _jump(self, target: Callable[[], int]) -> list[Event]:
        events = self.advance()
        if self.state is State.PAUSED:
            events += self.resume()
        if self.state is not State.RUNNING:
            return events
        now = self.clock.monotonic()
        index = target()
        events.append(self._ended(now, skipped=True))
        return events + self._enter(min(index, len(self.plan.steps) - 1), now) + self.advance()

    def _set_start(self) -> int:
        step = self.step
        for s in self.plan.steps:
            if s.exercise == step.exercise and s.set == step.set and s.is_exercise:
                return s.index
        return self.index
