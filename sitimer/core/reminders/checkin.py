"""Check-ins: the questions the leaflets ask of a patient over time, and what follows from the answer.

Seed 000 (SI-gewricht): "after 4 weeks the complaints must have lessened; if not, contact the
sports physician" — so when a programme's ``weeks`` are over, the patient is asked. Seed 002
(SI-blokkade): "once you can exercise free of pain, keep doing the exercises regularly to
prevent the complaints from coming back" — so once the last sessions were pain-free, a
maintenance schedule is offered. Core gives enums and figures; the Qt layer words them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sitimer.core.history.rows import SessionRow
from sitimer.core.programme.model import Programme
from sitimer.core.reminders.rules import programme_schedule

PAIN_FREE_SESSIONS = 3  # this many rated sessions in a row at pain 0 count as pain-free
TREND_SESSIONS = 3  # the sessions averaged at the start and at the end of the pain trend


class CheckIn(StrEnum):
    """Which check-in is due."""

    REVIEW = "review"  # the period is over: have the complaints lessened?
    MAINTENANCE = "maintenance"  # pain-free: keep the exercises up, with a lighter schedule


class Answer(StrEnum):
    """What the patient answered."""

    LESSENED = "lessened"
    NOT_LESSENED = "not_lessened"  # advice: contact the sports physician or therapist
    MAINTENANCE = "maintenance"  # yes to one reminder a day to keep the exercises up
    DECLINED = "declined"  # no maintenance reminders


def answer_key(programme: str, checkin: CheckIn) -> str:
    """How an answer is kept in the reminder state: "programme|kind"."""
    return f"{programme}|{checkin.value}"


def answered(checkins: Mapping[str, str], programme: str) -> dict[CheckIn, Answer]:
    """The check-ins of one programme answered so far (unknown values are ignored)."""
    found: dict[CheckIn, Answer] = {}
    for kind in CheckIn:
        value = checkins.get(answer_key(programme, kind))
        if value in {a.value for a in Answer}:
            found[kind] = Answer(value)
    return found


def pains(sessions: Iterable[SessionRow], programme: str) -> list[int]:
    """The pain after each rated session of a programme, oldest first (simulated runs left out)."""
    own = (s for s in sessions if s.programme == programme and not s.simulated)
    return [int(s.pain) for s in own if s.pain is not None]


def pain_free(pain: Sequence[int]) -> bool:
    """Whether the last :data:`PAIN_FREE_SESSIONS` rated sessions were all at pain 0."""
    last = pain[-PAIN_FREE_SESSIONS:]
    return len(last) == PAIN_FREE_SESSIONS and not any(last)


def period_over(programme: Programme, first_session_day: date | None, today: date) -> bool:
    """Whether the programme's weeks have passed since its first session."""
    end = programme_schedule(programme, first_session_day).end_day
    return end is not None and today >= end


def checkin_due(
    programme: Programme,
    first_session_day: date | None,
    today: date,
    answers: Mapping[CheckIn, Answer],
    pain: Sequence[int] = (),
) -> CheckIn | None:
    """The check-in to ask now, if any.

    The review comes first, when the period is over; maintenance is offered once pain-free, in a
    programme that runs until recovery or after its period: not in the middle of one.
    """
    if first_session_day is None:
        return None
    over = period_over(programme, first_session_day, today)
    if over and CheckIn.REVIEW not in answers:
        return CheckIn.REVIEW
    if CheckIn.MAINTENANCE in answers:
        return None
    if pain_free(pain) and (programme.frequency.weeks is None or over):
        return CheckIn.MAINTENANCE
    return None


def after_review(answer: Answer) -> CheckIn | None:
    """What follows the review: lessened leads to the maintenance offer, not lessened to advice only."""
    return CheckIn.MAINTENANCE if answer is Answer.LESSENED else None


@dataclass(frozen=True)
class PainTrend:
    """Pain after sessions at the start and lately, averaged over a few sessions (0-10)."""

    start: float
    recent: float
    sessions: int  # rated sessions in all

    @property
    def change(self) -> float:
        """Recent minus start: below 0 when the pain has lessened."""
        return self.recent - self.start


def pain_trend(pain: Sequence[int]) -> PainTrend | None:
    """The trend beside the review question; None before two rated sessions."""
    if len(pain) < 2:
        return None
    width = min(TREND_SESSIONS, len(pain) // 2)
    start, recent = pain[:width], pain[-width:]
    return PainTrend(sum(start) / width, sum(recent) / width, len(pain))
