"""ReminderService: one timer aimed at the next reminder; the notification; what the patient answers.

The rules are :mod:`sitimer.core.reminders.rules`'; this module reads the wall clock, the programmes
and the history, shows what is due through a :class:`~sitimer.qt.reminders.notifications.Notifier`, and
keeps ``reminders.json``. The timer is aimed at the next reminder moment, and never further
than :data:`RECHECK_MS` ahead: a monotonic timer does not run while a laptop sleeps and knows
nothing of a new time zone, so each wake-up reads the wall clock afresh. The programme folders,
the programme files and ``reminders.json`` are watched (:class:`~sitimer.qt.reminders.watch.FileWatch`):
a time added or changed (by the settings page, another sitimer, or a new programme file)
re-aims the timer at once.
Only one sitimer reminds at a time (``reminders.lock`` in the data folder).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QObject, Qt, QTimer, QTimeZone, Signal

from sitimer.core.history.errors import HistoryError
from sitimer.core.history.lock import SessionLock
from sitimer.core.history.rows import SessionRow
from sitimer.core.history.store import HistoryStore
from sitimer.core.paths import user_programmes_dir
from sitimer.core.programme.catalogue import all_paths, by_id, read
from sitimer.core.programme.model import CheckIn as CheckInPoint
from sitimer.core.programme.model import Programme
from sitimer.core.reminders import checkin as ci
from sitimer.core.reminders import rules as rm
from sitimer.core.reminders.state import QuietHours, ReminderState, ReminderStateStore, hhmm, parse_hhmm
from sitimer.qt.reminders.checkin_view import reminder_text
from sitimer.qt.reminders.notifications import Notification, Notifier
from sitimer.qt.reminders.watch import FileWatch

log = logging.getLogger(__name__)

RECHECK_MS = 10 * 60 * 1000
DEFAULT_MAINTENANCE_TIME = "19:00"  # when a programme sets no reminder time of its own
START_NOW, SNOOZE, NOT_TODAY, ANSWER = "start-now", "snooze", "not-today", "answer"


def system_zone() -> tzinfo:
    """The system's time zone, read afresh (a laptop that travelled has a new one)."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # no tz database (Windows without tzdata)
        fixed = datetime.now().astimezone().tzinfo
        return fixed if fixed is not None else UTC


def local_now() -> datetime:
    """The wall clock: now, aware, in the system's time zone."""
    return datetime.now(system_zone())


@dataclass(frozen=True)
class Watched:
    """A programme and what the history says of it."""

    path: Path
    programme: Programme
    first_day: date | None
    done: dict[date, int]
    pain: list[int]


class ReminderService(QObject):
    """Reminds the patient at the programme's times; emits what the patient chose."""

    start_requested = Signal(Path)  # "start now"
    checkin_requested = Signal(Path, str)  # open the check-in page: programme, CheckIn value
    banner = Signal(str)  # for the main window, when there is no other way to show it

    def __init__(
        self,
        data_dir: Path,
        lang: str,
        *,
        open_store: Callable[[], HistoryStore],
        programmes: Callable[[], list[Path]] | None = None,
        notifier: Notifier | None = None,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.store = ReminderStateStore.in_folder(data_dir)
        self._open_store = open_store
        self._history_file = data_dir / "history.db"
        self._programmes = programmes or (lambda: all_paths(data_dir))
        self._now = now
        self.notifier = notifier or Notifier(parent=self)
        self.notifier.action.connect(self.answer)
        self.notifier.banner.connect(self._banner)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.check)
        self._lock = SessionLock(data_dir / "reminders")
        own = user_programmes_dir(data_dir)
        self._files = FileWatch([data_dir], lambda: [self.store.path, own, *self._programmes()], self)
        self._files.changed.connect(self._files_changed)
        self.active = False
        self._pending: dict[str, tuple[rm.Reminder, Path]] = {}  # token -> what it reminds of
        self.banner_token: str | None = None
        self.banner_actions: tuple[tuple[str, str], ...] = ()  # the buttons the banner should show

    # -- running -------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start reminding; False when another sitimer already does (it holds the lock)."""
        if not self._lock.acquire():
            if self._lock.problem is None:
                log.info("reminders: another sitimer is reminding")
                return False
            log.warning("reminders: %s; reminding without it", self._lock.problem)
        self.active = True
        self._files.start()
        self.check()
        return True

    def stop(self) -> None:
        """Stop reminding and let another sitimer take over."""
        self.timer.stop()
        self._files.stop()
        self.active = False
        self._lock.release()

    def load(self) -> ReminderState:
        """The state as saved (another sitimer may have changed it)."""
        state = self.store.load()
        for line in self.store.notices.take():  # each logged once
            log.warning("reminders: %s", line)
        return state

    def _save(self, state: ReminderState, today: date) -> None:
        try:
            self.store.save(state.pruned(today))
        except OSError as err:
            log.warning("reminders: %s could not be written: %s", self.store.path, err)
        self._files.take_as_seen()  # our own writing is no news

    def _files_changed(self) -> None:
        if self.active:
            log.info("reminders: the programmes or the reminder times changed; read afresh")
            self.check()

    def _history(self) -> list[SessionRow]:
        if not self._history_file.exists():
            return []  # nothing done yet: reading makes no history
        try:
            return self._open_store().sessions(profile="")
        except HistoryError as err:
            log.warning("reminders: %s", err)
            return []

    def watched(self) -> list[Watched]:
        """Every programme that loads, with its history; one per id (the patient's own copy wins)."""
        loaded = by_id(read(path) for path in self._programmes())
        rows = self._history()
        return [
            Watched(
                path,
                programme,
                rm.first_session_day(rows, programme.id),
                rm.sessions_done(rows, programme.id),
                ci.pains(rows, programme.id),
            )
            for path, programme in loaded.values()
        ]

    def _checkin(self, w: Watched, state: ReminderState, today: date) -> ci.CheckIn | None:
        answers = ci.answered(state.checkins, w.programme.id)
        seen = ci.progress_seen(state.checkins, w.programme.id)
        return ci.checkin_due(w.programme, w.first_day, today, answers, w.pain, seen)

    def _schedules(
        self, watched: list[Watched], state: ReminderState, today: date
    ) -> list[tuple[rm.Schedule, Watched, dict[date, int]]]:
        found = []
        for w in watched:
            review = ci.answered(state.checkins, w.programme.id).get(ci.CheckIn.REVIEW)
            schedule = rm.programme_schedule(
                w.programme,
                w.first_day,
                state.maintenance.get(w.programme.id),
                state.times.get(w.programme.id),
                going_on=review is ci.Answer.NOT_LESSENED,
            )
            if not schedule.times:
                continue
            found.append((schedule, w, w.done))
            if self._checkin(w, state, today) is not None:
                found.append((rm.checkin_schedule(schedule), w, {}))
        return found

    def check(self) -> None:
        """Show what is due now, then aim the timer at the next reminder."""
        if not self.active:
            return
        now = self._now()
        zone = now.tzinfo or UTC
        state = self.load()
        schedules = self._schedules(self.watched(), state, now.date())
        for schedule, w, done in schedules:
            reminder = rm.due(schedule, state, now, done)
            if reminder is not None:
                state = rm.mark_shown(state, schedule, reminder, zone)
                self._show(reminder, w, schedule)
        self._save(state, now.date())
        moment = rm.next_moment(
            [s for s, _, _ in schedules], state, now, {s.programme: done for s, _, done in schedules}
        )
        wait_ms = RECHECK_MS
        if moment is not None:
            wait_ms = min(RECHECK_MS, max(0, int((moment - now).total_seconds() * 1000) + 1))
        self.timer.start(wait_ms)

    # -- showing ------------------------------------------------------------------------------
    def _show(self, reminder: rm.Reminder, w: Watched, schedule: rm.Schedule) -> None:
        title = w.programme.title.get(self.lang)
        if reminder.programme.endswith(rm.CHECKIN):
            kind = self._checkin(w, self.load(), reminder.day)
            body = reminder_text(w.programme, kind, self.progress_point(w), self.lang)
            answers = ((ANSWER, self.tr("Answer now")), (NOT_TODAY, self.tr("Not today")))
            note = Notification(reminder.key, self.tr("How are your complaints?"), body, answers)
        else:
            done = w.done.get(reminder.day, 0)
            actions = [(START_NOW, self.tr("Start now"))]
            if reminder.can_snooze:
                actions.append((SNOOZE, self.tr("In 15 minutes")))
            actions.append((NOT_TODAY, self.tr("Not today")))
            note = Notification(
                reminder.key,
                self.tr("Time for your exercises"),
                (
                    self.tr("{0}: {1} of 1 session done today.")
                    if schedule.per_day == 1
                    else self.tr("{0}: {1} of {2} sessions done today.")
                ).format(title, done, schedule.per_day),
                tuple(actions),
            )
        self._pending[reminder.key] = (reminder, w.path)
        self.banner_token, self.banner_actions = reminder.key, note.actions
        self.notifier.show(note)

    def _banner(self, text: str) -> None:
        self.banner.emit(text)

    # -- answers ------------------------------------------------------------------------------
    def answer(self, token: str, key: str) -> None:
        """The patient clicked ``key`` on the notification (or the banner) ``token``."""
        pending = self._pending.get(token)
        if pending is None:
            return
        reminder, path = pending
        now = self._now()
        if key == START_NOW:
            self._forget(token)
            self.start_requested.emit(path)
        elif key == ANSWER:
            self._forget(token)
            checkin = self._checkin_for(path, now.date())
            if checkin is not None:
                self.checkin_requested.emit(path, checkin.value)
        elif key == SNOOZE:
            self._forget(token)
            self._change(lambda s: rm.snooze(s, reminder, now))
        elif key == NOT_TODAY:
            self._forget(token)
            self._change(lambda s: rm.not_today(s, reminder.programme, reminder.day))

    def banner_path(self) -> Path | None:
        """The programme file of the reminder the banner shows."""
        pending = self._pending.get(self.banner_token) if self.banner_token is not None else None
        return pending[1] if pending is not None else None

    def answer_banner(self, key: str) -> None:
        """A button of the in-app banner: it answers the last reminder shown."""
        if self.banner_token is not None:
            self.answer(self.banner_token, key)

    def _forget(self, token: str) -> None:
        self._pending.pop(token, None)
        self.notifier.withdraw(token)
        if self.banner_token == token:
            self.banner_token, self.banner_actions = None, ()

    def _change(self, change: Callable[[ReminderState], ReminderState]) -> None:
        today = self._now().date()
        self._save(change(self.load()), today)
        if self.active:
            self.check()

    def session_finished(self) -> None:
        """A session ended: today's tally changed, so re-aim (and take back a reminder now pointless)."""
        for token in list(self._pending):
            self._forget(token)
        if self.active:
            self.check()

    # -- check-ins ----------------------------------------------------------------------------
    def _checkin_for(self, path: Path, today: date) -> ci.CheckIn | None:
        state = self.load()
        return next(
            (self._checkin(w, state, today) for w in self.watched() if w.path == path),
            None,
        )

    def checkins_due(self) -> list[tuple[Path, ci.CheckIn]]:
        """The check-ins to ask now, per programme (the app shows the first when its window opens)."""
        state, today = self.load(), self._now().date()
        found = []
        for w in self.watched():
            checkin = self._checkin(w, state, today)
            if checkin is not None:
                found.append((w.path, checkin))
        return found

    def progress_point(self, w: Watched) -> CheckInPoint | None:
        """The progress check-in of ``w`` due now, if any (its week and note)."""
        seen = ci.progress_seen(self.load().checkins, w.programme.id)
        return ci.progress_point(w.programme, w.first_day, self._now().date(), seen)

    def weeks_done(self, w: Watched) -> int | None:
        """Whole weeks from ``w``'s first session to today (None before any): what a check-in says,
        which may be later than its own week when the patient was away."""
        return None if w.first_day is None else (self._now().date() - w.first_day).days // 7

    def watched_programme(self, path: Path) -> Watched | None:
        """The programme at ``path`` with its history (for the check-in page)."""
        return next((w for w in self.watched() if w.path == path), None)

    def maintenance_time(self, programme: Programme) -> str:
        """The time of day of the maintenance reminder: the first reminder time, chosen or the programme's."""
        times = self.times(programme)
        return times[0] if times else DEFAULT_MAINTENANCE_TIME

    def times(self, programme: Programme, state: ReminderState | None = None) -> tuple[str, ...]:
        """The reminder times ("HH:MM") of a programme: the patient's choice, else the therapist's."""
        state = state or self.load()
        times = rm.programme_schedule(programme, None, None, state.times.get(programme.id)).times
        return tuple(hhmm(t) for t in times)

    def set_times(self, programme_id: str, times: list[str] | None) -> None:
        """The patient's reminder times for a programme ([]: none); None: the programme's own again."""

        def change(state: ReminderState) -> ReminderState:
            chosen = {k: v for k, v in state.times.items() if k != programme_id}
            if times is not None:
                chosen[programme_id] = sorted({hhmm(parse_hhmm(t)) for t in times})
            return replace(state, times=chosen, offered=state.offered | {programme_id})

        self._change(change)

    def to_offer(self) -> Watched | None:
        """A programme to offer reminder times for: done once, no times at all, not offered before."""
        state = self.load()
        for w in self.watched():
            pid = w.programme.id
            if w.first_day is None or pid in state.offered or pid in state.maintenance:
                continue
            if pid not in state.times and not w.programme.frequency.reminders:
                return w
        return None

    def mark_offered(self, programme_id: str) -> None:
        """Times were offered for this programme: not again."""
        self._change(lambda s: replace(s, offered=s.offered | {programme_id}))

    def record_checkin(self, programme: Programme, checkin: ci.CheckIn, answer: ci.Answer) -> None:
        """Keep the patient's answer; yes to maintenance starts its daily reminder."""

        def change(state: ReminderState) -> ReminderState:
            checkins = {**state.checkins, ci.answer_key(programme.id, checkin): answer.value}
            maintenance = dict(state.maintenance)
            if answer is ci.Answer.MAINTENANCE:
                maintenance[programme.id] = self.maintenance_time(programme)
            return replace(state, checkins=checkins, maintenance=maintenance)

        self._change(change)

    def record_progress(self, programme: Programme, week: float) -> None:
        """The progress check-in of ``week`` was answered: not asked again."""
        key = ci.progress_key(programme.id, week)
        self._change(lambda s: replace(s, checkins={**s.checkins, key: ci.Answer.SEEN.value}))

    # -- settings -----------------------------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        """Reminders on or off (off: no notification at all, check-ins still in the window)."""
        self._change(lambda s: replace(s, enabled=enabled))

    def set_quiet(self, quiet: QuietHours) -> None:
        """The quiet hours."""
        self._change(lambda s: replace(s, quiet=quiet))

    def stop_maintenance(self, programme_id: str) -> None:
        """No more maintenance reminders for a programme."""
        self._change(
            lambda s: replace(s, maintenance={k: v for k, v in s.maintenance.items() if k != programme_id})
        )
