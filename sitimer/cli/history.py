"""`sitimer history` and `report`: the sessions done, as JSON, CSV or the therapist's PDF."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from sitimer.cli.common import pdf_app
from sitimer.cli.parser import system_language
from sitimer.core.notices import say
from sitimer.core.options import UserError


def cmd_history(args: argparse.Namespace) -> int:
    """Print the history; a session a crash left open is reported as interrupted.

    JSON: the sessions and, beside them, each table of measures (weekly adherence, EARS, missed
    reasons, GPE, PSK, activities ticked off); CSV: the sessions, or with ``--table`` one of those.
    """
    from sitimer.core.history.errors import HistoryError
    from sitimer.core.history.export import session_rows, table_csv, to_csv
    from sitimer.core.history.measures import TABLES, measure_rows
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.paths import data_dir

    profile = _profile(args.code)
    try:
        store = HistoryStore(data_dir(args.data_dir) / "history.db")
    except HistoryError as err:
        say(str(err))
        return 1
    try:
        store.recover()
        rows = session_rows(
            store,
            include_simulated=args.include_simulated,
            steps=args.steps,
            profile=profile,
            local_times=args.csv,
        )
        measures = measure_rows(store, today=date.today(), profile=profile)
    except HistoryError as err:
        store.notices.add(str(err))
        rows = None
    say(*store.notices)  # a file moved aside, a journal added, a history busy: said every time
    if rows is None:
        return 1
    if profile and not rows:
        say(f"no sessions under code {profile} in {store.path}")
    if args.csv and args.table != "sessions":
        sys.stdout.write(table_csv(measures[args.table], TABLES[args.table]))
    elif args.csv:
        sys.stdout.write(to_csv(rows, steps=args.steps))
    else:
        print(json.dumps({"sessions": rows, **measures}, indent=2, ensure_ascii=False))
    return 0


def _profile(code: str | None) -> str:
    """The history's profile for ``--code``: "" (at home) without one. A code that no kiosk could
    have given is the person's typing error, said at once."""
    from sitimer.core.kiosk.config import CODE_MAX, OLD_CODE_MIN, STATION_PROFILE, valid_code

    if code is None:
        return ""
    if code != STATION_PROFILE and not valid_code(code, OLD_CODE_MIN):
        raise UserError(
            f"--code: a kiosk's code is {OLD_CODE_MIN} to {CODE_MAX} digits, or 'station': {code!r}"
        )
    return code


def cmd_report(args: argparse.Namespace) -> int:
    """Write the therapist's PDF report."""
    from sitimer.core.history.errors import HistoryError
    from sitimer.core.history.export import ExportError, writable_target
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.paths import data_dir

    lang = args.lang or system_language()
    try:
        writable_target(args.pdf)  # before Qt starts: its warnings would come first
    except ExportError as err:
        raise UserError(f"cannot write PDF {err}") from None
    folder = data_dir(args.data_dir)
    app = pdf_app(lang)
    from sitimer.qt.progress.report import write_report

    try:
        store = HistoryStore(folder / "history.db")
    except HistoryError as err:
        say(str(err))
        return 1
    try:
        store.recover()
        count = write_report(
            Path(args.pdf),
            store,
            folder,
            lang=lang,
            since=args.since,
            patient=args.patient,
            profile=_profile(args.code),
        )
    except ExportError as err:
        raise UserError(f"cannot write PDF {err}") from None
    except HistoryError as err:
        store.notices.add(str(err))
        count = None
    finally:
        say(*store.notices)
    del app
    if count is None:
        return 1
    if count == 0 and args.code:
        say(f"no sessions under code {args.code} in {folder / 'history.db'}")
    print(f"{args.pdf}: {count} {'session' if count == 1 else 'sessions'}")
    return 0
