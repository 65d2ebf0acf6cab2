"""`sitimer practice report`: the therapist's overview of every code on the practice's server, who is
falling behind first (a table, CSV or JSON); with ``--code`` one code's sessions as CSV, or its PDF
report as `sitimer report` makes it."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import tempfile
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

from sitimer.cli.common import pdf_app
from sitimer.cli.parser import system_language
from sitimer.core.notices import say
from sitimer.core.options import UserError
from sitimer.core.paths import data_dir
from sitimer.core.practice.overview import TREND_DAYS, CodeLine, in_language, overview
from sitimer.core.practice.server import PracticeError, is_practice_url
from sitimer.core.programme import catalogue

NO_CODE = "(no code)"  # how the sessions recorded without a code are shown
CSV_FIELDS = (
    "code",
    "programmes",
    "week_done",
    "week_due",
    "week_percent",
    "total_done",
    "total_due",
    "total_percent",
    "pain_last_14_days",
    "pain_14_days_before",
    "effort_last_14_days",
    "effort_14_days_before",
    "last_started",
    "last_station",
)


def cmd_overview(args: argparse.Namespace) -> int:
    """Print every code's figures, who is falling behind first; or one code's sessions or report.

    Exit 2 with one line for a wrong use; 1 with the server's one line when it says no.
    """
    url = args.history_url or os.environ.get("SITIMER_HISTORY_URL", "")
    if not is_practice_url(url):
        say("practice report needs --history-url postgresql://… (or SITIMER_HISTORY_URL)")
        return 2
    if args.pdf and args.code is None:
        say("practice report --pdf needs --code CODE: the report is one patient's")
        return 2
    if args.code is not None and args.json:
        say("practice report --code gives the code's sessions as CSV, or with --pdf OUT its report")
        return 2
    try:
        if args.code is not None:
            return _one_code(args, url)
        lines = overview(url, date.today())
        lines = in_language(lines, catalogue.titles(data_dir(args.data_dir), args.lang or system_language()))
    except PracticeError as err:
        say(str(err))
        return 1
    if args.json:
        print(json.dumps([_as_dict(line) for line in lines], indent=2, ensure_ascii=False))
    elif args.csv:
        sys.stdout.write(to_csv(lines))
    else:
        sys.stdout.write(to_table(lines))
    return 0


def _as_dict(line: CodeLine) -> dict[str, object]:
    """A line as JSON: its fields, the two percentages, the trends named by their windows."""
    values = asdict(line)
    pain, effort = values.pop("pain"), values.pop("effort")
    return {
        **values,
        "programmes": list(line.programmes),
        "week_percent": _rounded(line.week_percent),
        "total_percent": _rounded(line.total_percent),
        "pain_last_14_days": _rounded(pain[0]),
        "pain_14_days_before": _rounded(pain[1]),
        "effort_last_14_days": _rounded(effort[0]),
        "effort_14_days_before": _rounded(effort[1]),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def to_csv(lines: list[CodeLine]) -> str:
    """The overview as CSV, one code a row (times in UTC, as stored)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for line in lines:
        writer.writerow(_as_dict(line) | {"programmes": "; ".join(line.programmes)})
    return out.getvalue()


def _ratio(done: int, due: int, percent: float | None) -> str:
    return "nothing due" if percent is None else f"{done}/{due} {percent:3.0f} %"


def _trend(values: tuple[float | None, float | None]) -> str:
    """The 14 days before, then the last 14: "5.0 → 3.5"."""
    recent, before = values
    if recent is None and before is None:
        return "–"
    shown = ["–" if v is None else f"{v:.1f}" for v in (before, recent)]
    return " → ".join(shown)


def _local(utc: str | None) -> str:
    """A stored UTC time in this computer's local time, to the minute."""
    return "never" if utc is None else datetime.fromisoformat(utc).astimezone().strftime("%Y-%m-%d %H:%M")


def to_table(lines: list[CodeLine]) -> str:
    """The overview as a plain text table to read in a terminal."""
    head = ("code", "this week", "so far", "programme", "pain", "effort", "last session", "station")
    rows = [
        (
            line.code or NO_CODE,
            _ratio(line.week_done, line.week_due, line.week_percent),
            _ratio(line.total_done, line.total_due, line.total_percent),
            ", ".join(line.programmes) or "–",
            _trend(line.pain),
            _trend(line.effort),
            _local(line.last_started),
            line.last_station or "–",
        )
        for line in lines
    ]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [head, *rows]
    ]
    if rows:
        text.append(f"pain and effort: {TREND_DAYS} days before → the last {TREND_DAYS} days (mean)")
    else:
        text.append("no codes and no sessions on the server yet")
    return "\n".join(text) + "\n"


def _one_code(args: argparse.Namespace, url: str) -> int:
    """The code's sessions copied from the server into a history of its own, then as `sitimer history
    --csv --steps` or `sitimer report` gives them."""
    from sitimer.core.history.errors import HistoryError
    from sitimer.core.history.export import ExportError, session_rows, writable_target
    from sitimer.core.history.export import to_csv as sessions_csv
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.paths import data_dir
    from sitimer.core.practice.shared import pull_sessions

    if args.pdf:
        try:
            writable_target(args.pdf)  # before anything is fetched
        except ExportError as err:
            raise UserError(f"cannot write PDF {err}") from None
    with tempfile.TemporaryDirectory(prefix="sitimer-code-") as folder:
        history = Path(folder) / "history.db"
        try:
            HistoryStore(history).close()
            if not pull_sessions(url, args.code, history):
                say(f"code {args.code}: no finished sessions on the server")  # said apart from the CSV
            store = HistoryStore(history)
        except HistoryError as err:
            say(str(err))
            return 1
        try:
            if not args.pdf:
                rows = session_rows(store, profile=args.code, steps=True, local_times=True)
                sys.stdout.write(sessions_csv(rows, steps=True))
                return 0
            lang = args.lang or system_language()
            app = pdf_app(lang)
            from sitimer.qt.progress.report import write_report

            try:
                count = write_report(
                    Path(args.pdf),
                    store,
                    data_dir(args.data_dir),
                    lang=lang,
                    profile=args.code,
                    patient=args.code,
                )
            except ExportError as err:
                raise UserError(f"cannot write PDF {err}") from None
            del app
        finally:
            store.close()
    print(f"{args.pdf}: {count} {'session' if count == 1 else 'sessions'} of code {args.code}")
    return 0
