"""`sitimer practice init URL` and `sitimer practice account URL NAME --role station|therapist`:
setting up a practice's PostgreSQL server (therapist guide, "A practice on one database")."""

from __future__ import annotations

import argparse
import getpass
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


def _read_password() -> str:
    """Asked twice at a terminal; one line on stdin otherwise."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password for the account: ")
    if getpass.getpass("Again: ") != first:
        say("the two passwords differ")
        return ""
    return first
