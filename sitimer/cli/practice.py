"""`sitimer practice init URL` and `sitimer practice account URL NAME --role station|therapist`:
setting up a practice's PostgreSQL server (therapist guide, "A practice on one database")."""

from __future__ import annotations

import argparse
import getpass
import socket
import sys

from sitimer.core.notices import say
from sitimer.core.practice.server import (
    STATION_ROLE,
    THERAPIST_ROLE,
    PracticeError,
    add_account,
    init,
    redact,
)

ROLES = {"station": STATION_ROLE, "therapist": THERAPIST_ROLE}


def cmd_practice(args: argparse.Namespace) -> int:
    """Set up the practice's server; exit 1 with one line when the server says no."""
    try:
        if args.practice_action in ("send", "waiting"):
            return _send(args)
        if args.practice_action == "import":
            from sitimer.cli.handin import cmd_import

            return cmd_import(args)
        if args.practice_action == "report":
            from sitimer.cli.overview import cmd_overview

            return cmd_overview(args)
        if args.practice_action == "init":
            version = init(args.url)
            roles = f"{STATION_ROLE}, {THERAPIST_ROLE}"
            print(f"{redact(args.url)}: sitimer's schema is at version {version}; roles {roles}")
            return 0
        password = _read_password()
        if not password:
            say("no password given; nothing changed")
            return 1
        add_account(args.url, args.name, password, ROLES[args.role])
        print(f"{redact(args.url)}: account {args.name} is a {args.role} account")
        return 0
    except PracticeError as err:
        say(str(err))
        return 1


def _send(args: argparse.Namespace) -> int:
    """`practice send` and `practice waiting`: the history of this computer's data folder."""
    from sitimer.core.history.errors import HistoryError
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.paths import data_dir
    from sitimer.core.practice.sender import send, waiting
    from sitimer.core.practice.server import is_practice_url
    from sitimer.core.settings import practice_url

    history = data_dir(args.data_dir) / "history.db"
    try:
        HistoryStore(history).close()  # made, or brought up to date, before it is read
    except HistoryError as err:
        say(str(err))
        return 1
    if args.practice_action == "waiting":
        left = waiting(history)
        print(f"{history}: {left.sessions} sessions and {left.steps} steps not sent yet")
        return 0
    url = practice_url(args.history_url, data_dir(args.data_dir))
    if not is_practice_url(url):
        say("practice send needs a server: --history-url URL, SITIMER_HISTORY_URL or settings.json")
        return 2
    sent = send(history, url, args.station or socket.gethostname(), again=args.all)
    print(f"{redact(url)}: {sent.sessions} sessions and {sent.steps} steps sent")
    return 0


def _read_password() -> str:
    """Asked twice at a terminal; one line on stdin otherwise."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password for the account: ")
    if getpass.getpass("Again: ") != first:
        say("the two passwords differ")
        return ""
    return first
