"""After a session's rating: the patient's own reports that are due, each once and skippable.

- the PSK, after a programme's first session: the activities that matter to the patient,
  scored at the start (the check-ins score them again);
- why yesterday fell short of the prescribed sessions (one tap);
- the weekly EARS, once the patient has a whole week to look back on.

When each is due is :mod:`sitimer.core.reminders.questions`'s rule; the answers go into the
history (:class:`~sitimer.core.history.answers.PatientAnswers`), and what was asked into the
reminder state, so nothing is asked twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sitimer.core.history.errors import HistoryError
from sitimer.core.history.store import HistoryStore
from sitimer.core.reminders import questions as q
from sitimer.core.reminders.rules import first_session_day, sessions_done
from sitimer.core.reminders.state import ReminderStateStore
from sitimer.qt.session.outcome import PskView
from sitimer.qt.session.questions import EarsView, MissedReasonView, QuestionPage

log = logging.getLogger(__name__)


class PatientReports:
    """The report pages due after a session of ``programme`` (an id) by ``profile``."""

    def __init__(
        self,
        store: HistoryStore,
        data_dir: Path,
        programme: str,
        per_day: int,
        lang: str,
        *,
        profile: str = "",
        today: date,
    ) -> None:
        self.store = store
        self.state = ReminderStateStore.in_folder(data_dir)
        self.programme = programme
        self.per_day = per_day
        self.lang = lang
        self.profile = profile
        self.today = today

    def due(self) -> list[QuestionPage]:
        """The pages to show now, in order; none when the history cannot be read."""
        try:
            return self._due()
        except HistoryError as err:
            log.warning("questions after the session: history: %s", err)
            return []

    def _due(self) -> list[QuestionPage]:
        pid, profile = self.programme, self.profile
        rows = [s for s in self.store.sessions(profile=profile) if s.programme == pid and not s.simulated]
        asked = self.state.load().asked
        pages: list[QuestionPage] = []
        if len(rows) == 1 and not self.store.psk(pid, profile=profile):
            psk = PskView((), self.lang)
            psk.given.connect(
                lambda items: self._keep(lambda s: s.save_psk(pid, s.now(), items, profile=profile))
            )
            pages.append(psk)
        missed = q.missed_day(
            rows,
            pid,
            self.per_day,
            self.today,
            reasons=[r.day for r in self.store.missed_reasons(pid, profile=profile)],
            asked=asked.get(q.asked_key(pid, profile, q.Question.MISSED)),
        )
        if missed is not None:
            done = sessions_done(rows, pid).get(missed, 0)
            view = MissedReasonView(missed, done, self.per_day, self.lang)
            view.chosen.connect(
                lambda reason: self._keep(
                    lambda s: s.save_missed_reason(pid, missed, reason, profile=profile)
                )
            )
            self._asked(view, q.Question.MISSED, missed)
            pages.append(view)
        week = q.ears_week(
            first_session_day(rows, pid),
            self.today,
            answered=[e.week for e in self.store.ears(pid, profile=profile)],
            asked=asked.get(q.asked_key(pid, profile, q.Question.EARS)),
        )
        if week is not None:
            ears = EarsView(self.lang)
            ears.answered.connect(
                lambda answers: self._keep(lambda s: s.save_ears(pid, week, answers, profile=profile))
            )
            self._asked(ears, q.Question.EARS, week)
            pages.append(ears)
        return pages

    def _asked(self, page: QuestionPage, question: q.Question, day: date) -> None:
        """Once the page is answered or skipped, it is not asked again for ``day``."""
        key = q.asked_key(self.programme, self.profile, question)
        page.finished.connect(lambda: self._mark(key, day))

    def _mark(self, key: str, day: date) -> None:
        try:
            self.state.save(q.mark_asked(self.state.load(), key, day))
        except OSError as err:  # asked again next time: no harm
            log.warning("questions after the session: %s", err)

    def _keep(self, write: Callable[[HistoryStore], None]) -> None:
        try:
            write(self.store)
        except HistoryError as err:
            log.warning("questions after the session: history: %s", err)
