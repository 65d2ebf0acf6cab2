"""`sitimer export --practice FILE` and `sitimer practice import FILE [--code CODE]`: a home patient
hands in their history as a file, and the therapist takes it in (user guide, "Handing in your
history")."""

from __future__ import annotations

import argparse
from pathlib import Path

from sitimer.core.notices import say


def _history(args: argparse.Namespace) -> Path | None:
    """The data folder's history, opened once so it is brought up to date and a crash's session
    closed first; None (said why) when it cannot be used."""
    from sitimer.core.history.errors import HistoryError
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.paths import data_dir

    history = data_dir(args.data_dir) / "history.db"
    try:
        store = HistoryStore(history)
        try:
            store.recover()
        finally:
            store.close()
    except HistoryError as err:
        say(str(err))
        return None
    say(*store.notices.take())
    return history


def cmd_export(args: argparse.Namespace) -> int:
    """Write this computer's history to one file for the therapist: "FILE: N sessions"."""
    import sqlite3

    from sitimer.core.history.export import ExportError
    from sitimer.core.history.store import utc_now
    from sitimer.core.paths import data_dir
    from sitimer.core.practice.handin import hand_in

    if not (data_dir(args.data_dir) / "history.db").is_file():
        say(f"no history in {data_dir(args.data_dir)} yet: nothing to hand in")
        return 1
    history = _history(args)
    if history is None:
        return 1
    try:
        count, left_out = hand_in(history, Path(args.practice), utc_now())
    except ExportError as err:
        say(str(err))
        return 1
    except sqlite3.Error as err:
        say(f"the history at {history} could not be read: {err}")
        return 1
    say(*left_out)
    print(f"{args.practice}: {count} {'session' if count == 1 else 'sessions'}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Take in a home patient's file, each session once: on the practice's server (--history-url,
    SITIMER_HISTORY_URL or settings.json) or, without one, into this computer's history.
    Prints "FILE: N sessions added, M already there"."""
    from sitimer.core.kiosk.config import CODE_MAX, OLD_CODE_MIN, valid_code
    from sitimer.core.paths import data_dir
    from sitimer.core.practice.handin import HandinError, put_on_server, read_handin
    from sitimer.core.practice.server import PracticeError, is_practice_url, redact
    from sitimer.core.practice.shared import add_to_history
    from sitimer.core.settings import practice_url

    url = practice_url(args.history_url, data_dir(args.data_dir))
    if url and not is_practice_url(url):
        say(f"not a PostgreSQL server (postgresql://…): {redact(url)}")
        return 2
    if args.code is not None and not valid_code(args.code, OLD_CODE_MIN):
        say(f"--code: not a patient code ({OLD_CODE_MIN} to {CODE_MAX} digits): {args.code!r}")
        return 2
    try:
        sessions = read_handin(Path(args.file))
    except HandinError as err:
        say(str(err))
        return 1
    if args.code is not None:
        sessions = [session | {"profile": args.code} for session in sessions]
    history = None if url else _history(args)  # without a server: this computer's own history
    if not url and history is None:
        return 1
    try:
        if history is None:
            added, known = put_on_server(url, sessions)
        else:
            added, known = add_to_history(history, sessions, sent=False)
    except PracticeError as err:
        say(str(err))
        return 1
    print(f"{args.file}: {added} sessions added, {known} already there")
    return 0
