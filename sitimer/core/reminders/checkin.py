"""Check-ins: the moments the leaflets take stock with a patient, and what follows from the answer.

Seed 000 (SI-gewricht) names two: after 2 weeks most patients are clearly better and may start
running again, gently and as the complaints allow; after 4 weeks the complaints should have
lessened, and if not, the patient contacts the sports physician. The programme lists them as
``frequency.check_ins``; the one marked ``review`` (else the end of ``weeks``) is the review,
the others are progress check-ins that show their note. The review is a point to take stock,
not an end: the exercises go on after it. At each check-in the patient gives the global
perceived effect (GPE, 1-7) and scores the activities of the PSK; a GPE of 1-3 (completely
recovered to slightly improved) is "lessened". Seed 002 (SI-blokkade): "once you can exercise
free of pain, keep doing the exercises regularly to prevent the complaints from coming back" —
so once the last sessions were pain-free, a maintenance schedule is offered. Core gives enums
and figures; the Qt layer words them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sitimer.core.history.rows import SessionRow
from sitimer.core.programme import model
from sitimer.core.programme.model import Programme

PAIN_FREE_SESSIONS = 3  # this many rated sessions in a row at pain 0 count as pain-free
TREND_SESSIONS = 3  # the sessions averaged at the start and at the end of the pain trend
LESSENED_GPE = 3  # a GPE up to this (completely recovered, much or slightly improved) is "lessened"


class CheckIn(StrEnum):
    """Which check-in is due."""

    PROGRESS = "progress"  # a moment on the way the leaflet names (week 2: start running gently)
    REVIEW = "review"  # the review week: have the complaints lessened?
    MAINTENANCE = "maintenance"  # pain-free: keep the exercises up, with a lighter schedule


class Answer(StrEnum):
    """What the patient answered."""

    LESSENED = "lessened"
    NOT_LESSENED = "not_lessened"  # advice: contact the sports physician or therapist
    MAINTENANCE = "maintenance"  # yes to one reminder a day to keep the exercises up
    DECLINED = "declined"  # no maintenance reminders
    SEEN = "seen"  # a progress check-in was answered


def review_answer(gpe: int) -> Answer:
    """The review's answer from the GPE (1 completely recovered … 7 worse than ever)."""
    return Answer.LESSENED if gpe <= LESSENED_GPE else Answer.NOT_LESSENED


def answer_key(programme: str, checkin: CheckIn) -> str:
    """How an answer is kept in the reminder state: "programme|kind"."""
    return f"{programme}|{checkin.value}"


def progress_key(programme: str, week: float) -> str:
    """How a progress check-in's answer is kept: "programme|progress-2" for week 2."""
    return f"{programme}|{CheckIn.PROGRESS.value}-{week:g}"


def progress_seen(checkins: Mapping[str, str], programme: str) -> set[float]:
    """The weeks of the programme's progress check-ins answered so far."""
    prefix = f"{programme}|{CheckIn.PROGRESS.value}-"
    found = set()
    for key in checkins:
        if key.startswith(prefix):
            try:
                found.add(float(key.removeprefix(prefix)))
            except ValueError:
                continue
    return found


def answered(checkins: Mapping[str, str], programme: str) -> dict[CheckIn, Answer]:
    """The check-ins of one programme answered so far (unknown values are ignored)."""
    found: dict[CheckIn, Answer] = {}
    for kind in (CheckIn.REVIEW, CheckIn.MAINTENANCE):
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


def _reached(first_session_day: date, week: float, today: date) -> bool:
    return today >= first_session_day + timedelta(days=round(week * 7))


def review_point(programme: Programme) -> model.CheckIn | None:
    """The programme's review: its check-in marked ``review``, else one at the end of its weeks."""
    found = next((c for c in programme.frequency.check_ins if c.review), None)
    weeks = programme.frequency.weeks
    if found is None and weeks:
        return model.CheckIn(weeks, model.Text(), review=True)
    return found


def review_reached(programme: Programme, first_session_day: date | None, today: date) -> bool:
    """Whether the review week has come, counted from the programme's first session."""
    review = review_point(programme)
    return (
        review is not None
        and first_session_day is not None
        and _reached(first_session_day, review.week, today)
    )


def progress_point(
    programme: Programme, first_session_day: date | None, today: date, seen: Collection[float] = ()
) -> model.CheckIn | None:
    """The progress check-in to show now: the latest one reached, unless it was answered or the
    review has come since (a check-in passed while sitimer was not opened is not asked late)."""
    if first_session_day is None or review_reached(programme, first_session_day, today):
        return None
    passed = [
        c
        for c in programme.frequency.check_ins
        if not c.review and _reached(first_session_day, c.week, today)
    ]
    latest = max(passed, key=lambda c: c.week, default=None)
    return None if latest is None or latest.week in seen else latest


def checkin_due(
    programme: Programme,
    first_session_day: date | None,
    today: date,
    answers: Mapping[CheckIn, Answer],
    pain: Sequence[int] = (),
    seen: Collection[float] = (),
) -> CheckIn | None:
    """The check-in to ask now, if any.

    The review comes first, once its week has come; then a progress check-in reached and not yet
    answered (``seen``: the weeks answered); maintenance is offered once pain-free, in a programme
    that runs until recovery or after its review: not in the middle of one.
    """
    if first_session_day is None:
        return None
    reached = review_reached(programme, first_session_day, today)
    if reached and CheckIn.REVIEW not in answers:
        return CheckIn.REVIEW
    if progress_point(programme, first_session_day, today, seen) is not None:
        return CheckIn.PROGRESS
    if CheckIn.MAINTENANCE in answers:
        return None
    if pain_free(pain) and (review_point(programme) is None or reached):
        return CheckIn.MAINTENANCE
    return None


def after_review(answer: Answer) -> CheckIn | None:
    """What follows the review: lessened leads to the maintenance offer, not lessened to the advice
    to contact the sports physician (and to go on with the exercises meanwhile)."""
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
