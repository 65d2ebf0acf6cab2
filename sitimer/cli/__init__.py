"""The `sitimer` command: parses arguments and hands over; no logic of its own.

The subcommands and their output are a contract (see docs/programme-format.md
and the README): `validate`, `plan --json`, `run`, `history`, `report`.
Each group of commands has its module: :mod:`.programmes` (validate, plan, handout, edit),
:mod:`.session` (the window, run), :mod:`.history` (history, report) and :mod:`.kiosk`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from sitimer.cli.handin import cmd_export
from sitimer.cli.history import cmd_history, cmd_report
from sitimer.cli.kiosk import cmd_kiosk
from sitimer.cli.parser import build_parser
from sitimer.cli.practice import cmd_practice
from sitimer.cli.programmes import cmd_edit, cmd_handout, cmd_plan, cmd_validate
from sitimer.cli.session import cmd_app
from sitimer.core.notices import say
from sitimer.core.options import UserError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    commands = {
        "validate": cmd_validate,
        "plan": cmd_plan,
        "run": cmd_app,
        "history": cmd_history,
        "report": cmd_report,
        "handout": cmd_handout,
        "edit": cmd_edit,
        "kiosk": cmd_kiosk,
        "practice": cmd_practice,
        "export": cmd_export,
        None: cmd_app,
    }
    try:
        status = commands[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not as Python exits
    except UserError as err:
        say(str(err))
        return 1
    except BrokenPipeError:  # `sitimer plan FILE | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # as a program ended by SIGPIPE
    return status
