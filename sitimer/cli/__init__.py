"""The `sitimer` command: parses arguments and hands over; no logic of its own.

The subcommands and their output are a contract (see docs/programme-format.md
and the README): `validate`, `plan --json`, `run`, `history`, `report`.
Each group of commands has its module: :mod:`.programmes` (validate, plan, handout, edit),
:mod:`.session` (the window, run), :mod:`.history` (history, report) and :mod:`.kiosk`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sitimer.cli.parser import build_parser
from sitimer.core.notices import say
from sitimer.core.options import UserError

# Each command's module and function, imported when that command runs: the window's start-up
# does not pay for the history, the kiosk or the practice's server.
COMMANDS = {
    "validate": "programmes:cmd_validate",
    "plan": "programmes:cmd_plan",
    "run": "session:cmd_app",
    "open": "session:cmd_app",
    "history": "history:cmd_history",
    "report": "history:cmd_report",
    "handout": "programmes:cmd_handout",
    "edit": "programmes:cmd_edit",
    "kiosk": "kiosk:cmd_kiosk",
    "practice": "practice:cmd_practice",
    "export": "handin:cmd_export",
    None: "session:cmd_app",
}


def command(name: str | None) -> Callable[[argparse.Namespace], int]:
    """The function that runs the command ``name`` (None: the window)."""
    module, function = COMMANDS[name].split(":")
    found: Callable[[argparse.Namespace], int] = getattr(
        importlib.import_module(f"sitimer.cli.{module}"), function
    )
    return found


def shown_by_the_one_running(args: argparse.Namespace) -> bool:
    """Plain ``sitimer`` (or ``open FILE``, or a patient's ``run FILE``) while one runs for the same
    data folder (its window, or its reminders): that one shows its window, with the file, at once,
    and this start ends (:mod:`sitimer.core.running`)."""
    if args.reminders or args.kiosk or args.demo or args.therapist or args.screen is not None:
        return False
    patient_run = args.command == "run" and args.speed == 1 and not (args.auto or args.cue_log)
    if args.command not in (None, "open") and not patient_run:
        return False
    from sitimer.core.paths import data_dir
    from sitimer.core.running import ask_to_open, ask_to_show

    # the launcher's activation token; GLib before 2.76 (GNOME 43, Debian 12) names it only so
    token = os.environ.get("XDG_ACTIVATION_TOKEN") or os.environ.get("DESKTOP_STARTUP_ID")
    folder = data_dir(args.data_dir)
    if args.command is None:
        if not ask_to_show(folder, token=token):
            return False
        say("already running: its window is shown")
    else:
        taken = ask_to_open(folder, Path(args.file), start=patient_run, token=token)
        if taken is None:
            return False
        if taken == "later":
            say("already running, a session under way: the programme is chosen there when it is over")
        else:
            say(
                "already running: the session starts there"
                if patient_run
                else "already running: it is shown there"
            )
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command != "run" and shown_by_the_one_running(args):
            return 0  # `run FILE` asks once its file is known to load (cmd_app)
        status = command(args.command)(args)
        sys.stdout.flush()  # a closed pipe shows here, not as Python exits
    except UserError as err:
        say(str(err))
        return 1
    except BrokenPipeError:  # `sitimer plan FILE | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # as a program ended by SIGPIPE
    return status
