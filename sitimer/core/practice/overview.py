"""The therapist's overview of every code on the practice's server: who is falling behind first.

Read with the therapist's account (a station's is refused). The figures follow
:mod:`sitimer.core.history.adherence`, per programme of a code: a day's completed sessions
count up to the day's minimum, in the patient's local day; nothing is due before the
programme's first session; simulated runs never count. One difference: the minimum is the latest
session's ``per_day_min`` over every day (the tallies keep one a programme), where the patient's
progress view and report hold each day to its own sessions' prescription: after a change from 2 to 3
a day, the overview asks 3 of the days before it too. A code
doing two programmes has both due. They are read from the tallies a trigger keeps per code,
programme and day (the server's schema 2), so the overview never reads the sessions themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitimer.core.kiosk.config import STATION_PROFILE
from sitimer.core.practice.server import check_version, connected

TREND_DAYS = 14  # pain and effort: the mean of the last 14 days beside the 14 before


def _at(alias: str, moment: str, name: str) -> str:
    """A running sum at the end of the day ``moment``: the key's row then, its totals after its last
    day, nothing before its first."""
    return f"CASE WHEN %({moment})s >= p.last_day THEN p.{name} ELSE coalesce({alias}.{name}, 0) END"


def _between(name: str, start: tuple[str, str], end: tuple[str, str]) -> str:
    """A sum over the days after ``start`` up to and with ``end`` (each an alias and a moment)."""
    return f"{_at(*end, name)} - {_at(*start, name)}"


_ENDS = {
    "today": ("t", "today"),
    "yesterday": ("y", "yesterday"),
    "sunday": ("m", "sunday"),
    "recent": ("r", "recent"),
    "older": ("o", "older"),
}
# Per code and programme, its figures (the window sums are differences of running sums); then per
# code, its programmes added up, with the codes that have no session yet; who is falling behind first.
_OVERVIEW = f"""
WITH programmes AS (
    SELECT p.profile, p.programme, p.title, p.last_started, p.last_station,
        {_between("run_done", _ENDS["sunday"], _ENDS["today"])} AS week_done,
        p.per_day * greatest(0, %(today)s - greatest(p.first_day, %(sunday)s + 1))
            + {_between("run_done", _ENDS["yesterday"], _ENDS["today"])} AS week_due,
        {_at(*_ENDS["today"], "run_done")} AS total_done,
        p.per_day * greatest(0, %(today)s - p.first_day)
            + {_between("run_done", _ENDS["yesterday"], _ENDS["today"])} AS total_due,
        {
    ", ".join(
        f"{_between(name, start, end)} AS {name}_{window}"
        for name in ("run_pain_sum", "run_pain_n", "run_effort_sum", "run_effort_n")
        for window, start, end in (
            ("recent", _ENDS["recent"], _ENDS["today"]),
            ("older", _ENDS["older"], _ENDS["recent"]),
        )
    )
}
    FROM sitimer.code_programmes AS p
    {
    " ".join(
        f"LEFT JOIN sitimer.code_days AS {alias} ON {alias}.profile = p.profile"
        f" AND {alias}.programme = p.programme AND {alias}.day = %({moment})s"
        for alias, moment in _ENDS.values()
    )
}
    WHERE p.profile <> %(station)s
), codes AS (
    SELECT profile AS code, array_agg(title ORDER BY last_started DESC) AS titles,
        array_agg(programme ORDER BY last_started DESC) AS ids,
        sum(week_done)::int AS week_done, sum(week_due)::int AS week_due,
        sum(total_done)::int AS total_done, sum(total_due)::int AS total_due,
        sum(run_pain_sum_recent)::float8 / nullif(sum(run_pain_n_recent), 0) AS pain_recent,
        sum(run_pain_sum_older)::float8 / nullif(sum(run_pain_n_older), 0) AS pain_older,
        sum(run_effort_sum_recent) / nullif(sum(run_effort_n_recent), 0) AS effort_recent,
        sum(run_effort_sum_older) / nullif(sum(run_effort_n_older), 0) AS effort_older,
        max(last_started) AS last_started,
        (array_agg(last_station ORDER BY last_started DESC))[1] AS last_station
    FROM programmes GROUP BY profile
    UNION ALL
    SELECT code, '{{}}', '{{}}', 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, ''
    FROM sitimer.codes AS c
    WHERE code <> %(station)s
        AND NOT EXISTS (SELECT FROM sitimer.code_programmes AS p WHERE p.profile = c.code)
)
SELECT * FROM codes
ORDER BY week_due = 0, week_done::float8 / nullif(week_due, 0), total_done::float8 / nullif(total_due, 0),
    last_started NULLS FIRST, code
"""


@dataclass(frozen=True)
class CodeLine:
    """One code's adherence, pain and effort trend and last session, as the therapist sees it."""

    code: str  # the kiosk code (sessions.profile); "" = sessions with no code
    programmes: tuple[str, ...]  # programme titles of its sessions, most recent first
    week_done: int  # sessions counted this week (Mon..today), per the adherence rules
    week_due: int  # prescribed sessions this week so far (today's as far as done, as in adherence)
    total_done: int  # the same over the whole programme (first session .. today)
    total_due: int
    pain: tuple[float | None, float | None]  # mean pain after: the last 14 days, the 14 before
    effort: tuple[float | None, float | None]  # mean effort, the same two windows
    last_started: str | None  # ISO UTC of its last session (started_at as stored)
    last_station: str  # the station that sent it
    programme_ids: tuple[str, ...] = ()  # the ids of ``programmes``, in their order

    @property
    def week_percent(self) -> float | None:
        """This week's prescribed sessions done, 0-100; None when nothing is due."""
        return 100.0 * self.week_done / self.week_due if self.week_due else None

    @property
    def total_percent(self) -> float | None:
        """The whole programme's prescribed sessions done, 0-100; None when nothing is due."""
        return 100.0 * self.total_done / self.total_due if self.total_due else None


def overview(url: str, today: date) -> list[CodeLine]:
    """Every code's figures up to ``today`` (the therapist's local date), who is falling behind first.

    ``url`` is the therapist's account; PracticeError (one line) when the server cannot be
    reached, is not set up for this sitimer, or refuses (a station's account).
    """
    sunday = today - timedelta(days=today.weekday() + 1)  # the day before this week
    recent = today - timedelta(days=TREND_DAYS)  # the day before the last 14 days
    moments = {
        "today": today,
        "yesterday": today - timedelta(days=1),  # today is due as far as done (see adherence)
        "sunday": sunday,
        "recent": recent,
        "older": recent - timedelta(days=TREND_DAYS),
        "station": STATION_PROFILE,
    }
    with connected(url, "show the overview of every code") as db:
        check_version(db, url)
        rows = db.execute(_OVERVIEW, moments).fetchall()
    return [
        CodeLine(
            code=code,
            programmes=tuple(_by_title(ids, titles)),
            week_done=week_done,
            week_due=week_due,
            total_done=total_done,
            total_due=total_due,
            pain=(pain_recent, pain_older),
            effort=(effort_recent, effort_older),
            last_started=last_started,
            last_station=last_station,
            programme_ids=tuple(_by_title(ids, titles).values()),
        )
        for (
            code,
            titles,
            ids,
            week_done,
            week_due,
            total_done,
            total_due,
            pain_recent,
            pain_older,
            effort_recent,
            effort_older,
            last_started,
            last_station,
        ) in rows
    ]


def _by_title(ids: list[str], titles: list[str]) -> dict[str, str]:
    """Each title once (the most recent first), with the id of the programme it was first seen with."""
    named: dict[str, str] = {}
    for programme, title in zip(ids, titles, strict=True):
        named.setdefault(title, programme)
    return named


def in_language(lines: list[CodeLine], titles: Mapping[str, str]) -> list[CodeLine]:
    """The lines with each programme named as ``titles`` name its id (the reader's language, for the
    programmes known on this computer); any other keeps the title its sessions were recorded with,
    which is in the language of the station that recorded them."""
    out = []
    for line in lines:
        named = _by_title(
            list(line.programme_ids),
            [titles.get(pid, title) for pid, title in zip(line.programme_ids, line.programmes, strict=True)],
        )
        out.append(replace(line, programmes=tuple(named), programme_ids=tuple(named.values())))
    return out
