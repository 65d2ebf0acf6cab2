"""The `sitimer` command line's arguments: every subcommand, its flags and their checks."""

from __future__ import annotations

import argparse
import locale
import os
import sys
from datetime import date

from sitimer import __version__

# Windows' locale names are words: getlocale() gives "Dutch_Netherlands", "Dutch_Belgium".
_DUTCH = ("nl", "dutch")


def system_language() -> str:
    """nl when the system speaks Dutch, else en.

    The locale variables when set (LC_ALL, LC_MESSAGES, LANG, LANGUAGE); else, when Qt is loaded
    (the windowed app), the languages Qt reads from the system (a macOS Finder launch sets no
    LANG, nor does Windows); else Python's locale, with Windows' names understood.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "nl" if value.lower().startswith(_DUTCH) else "en"
    if "PySide6.QtCore" in sys.modules:  # never loads Qt for a command that does not need it
        from sitimer.qt.common.translation import system_language as qt_system_language

        return qt_system_language()
    code = locale.getlocale()[0] or ""
    return "nl" if code.lower().startswith(_DUTCH) else "en"


def _globals(parser: argparse.ArgumentParser, suppress: bool) -> None:
    # Accepted before and after the subcommand; the subparser's copy must not
    # overwrite a value given before it, hence SUPPRESS there.
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder for history and settings (or SITIMER_DATA_DIR)",
    )
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        default=default,
        help="language of text and voice (default: the system's)",
    )
    parser.add_argument(
        "--history-url",
        metavar="URL",
        default=default,
        help="a practice's PostgreSQL server, postgresql://… (or SITIMER_HISTORY_URL)",
    )
    parser.add_argument(
        "--therapist",
        action="store_true",
        default=default if suppress else False,
        help="the therapist's overview of the practice (the kiosk's PIN; needs --history-url)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        default=default if suppress else False,
        help="the practice gym's locked kiosk: patients by code, a therapist PIN to leave",
    )


def _window(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """Options of the windowed app: `sitimer --demo`, `sitimer run FILE --demo --screen 1`."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--demo",
        action="store_true",
        default=default if suppress else False,
        help="demonstration in the treatment room: presenter view, clicker stepping, nothing recorded",
    )
    parser.add_argument(
        "--screen", type=int, metavar="N", default=default, help="show full screen on screen N (0 = first)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="sitimer", description="Exercise-session timer for physiotherapy home programmes."
    )
    parser.add_argument("--version", action="version", version=f"sitimer {__version__}")
    _globals(parser, suppress=False)
    _window(parser, suppress=False)
    parser.add_argument(
        "--reminders",
        action="store_true",
        help="stay in the background and remind at the chosen times (start at login runs this)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _programme_commands(sub)  # validate, plan, run
    _history_commands(sub)  # history, handout, edit
    _kiosk_commands(sub)
    _practice_commands(sub)
    export = sub.add_parser("export", help="your history in one file, to hand in to your therapist")
    export.add_argument("--practice", metavar="FILE", required=True, help="where to write the file")
    _globals(export, suppress=True)
    report = sub.add_parser("report", help="a PDF report for the therapist")
    report.add_argument("--pdf", metavar="OUT", required=True, help="where to write the PDF")
    report.add_argument(
        "--since", metavar="DATE", type=_date, help="only sessions from this day (YYYY-MM-DD)"
    )
    report.add_argument(
        "--patient",
        metavar="TEXT",
        default="",
        help="the patient's name or code on the report (else a blank)",
    )
    report.add_argument("--code", metavar="CODE", help=CODE_HELP)
    _globals(report, suppress=True)
    return parser


CODE_HELP = "a kiosk's patient code (or 'station'): that code's sessions, not those done at home"


def programme_file(text: str) -> str:
    """FILE as given; or, where there is no such file, the bundled programme of that name
    ("si-gewricht", "si-gewricht.yaml"): installed from the package, the bundled programmes are
    in /opt/sitimer, not in a programmes/ folder beside the patient, and `plan si-gewricht` said
    "cannot read"."""
    if not text or os.path.exists(text) or os.sep in text or (os.altsep and os.altsep in text):
        return text
    from sitimer.core.paths import bundled_programmes

    for path in bundled_programmes():
        if text in (path.name, path.stem):
            return str(path)
    return text


def _programme_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sitimer validate`, `plan` and `run`."""
    validate = sub.add_parser("validate", help="check programme files; one line per problem")
    validate.add_argument("files", nargs="+", metavar="FILE", type=programme_file)
    _globals(validate, suppress=True)

    opened = sub.add_parser(
        "open", help="show a programme file in sitimer, ready to start (a double-clicked file opens so)"
    )
    opened.add_argument("file", metavar="FILE", type=programme_file)
    _globals(opened, suppress=True)

    plan = sub.add_parser("plan", help="show the steps of one session")
    plan.add_argument("file", metavar="FILE", type=programme_file)
    plan.add_argument("--json", action="store_true", help="as JSON (without it: a summary to read)")
    plan.add_argument(
        "--all-phases", action="store_true", help="include exercises of phases that are not switched on"
    )
    _globals(plan, suppress=True)

    run = sub.add_parser("run", help="go straight into a session of FILE")
    run.add_argument("file", metavar="FILE", type=programme_file)
    run.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        help="run the clock X times as fast (demonstration, testing); recorded as simulated",
    )
    run.add_argument(
        "--auto",
        action="store_true",
        help="answer self-paced steps at the planned tempo and the questions after, unattended",
    )
    run.add_argument("--cue-log", metavar="PATH", help="write one JSON line per cue, as it happens")
    run.add_argument(
        "--no-figure", action="store_true", help="no moving figure doing the exercises (the setting stays)"
    )
    _globals(run, suppress=True)
    _window(run, suppress=True)


def _history_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sitimer history`, then `handout` and `edit` (the order of --help)."""
    history = sub.add_parser("history", help="the sessions done, as JSON or CSV")
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="as JSON (the default)")
    form.add_argument("--csv", action="store_true", help="as CSV, for a spreadsheet")
    history.add_argument("--steps", action="store_true", help="with every step of each session")
    history.add_argument(
        "--table",
        choices=("sessions", "weeks", "ears", "missed_reasons", "gpe", "psk", "activities"),
        default="sessions",
        help="with --csv: which records (the JSON has them all); see docs/adherence.md",
    )
    history.add_argument(
        "--include-simulated",
        action="store_true",
        help="also runs with --speed other than 1 (demonstrations, tests)",
    )
    history.add_argument("--code", metavar="CODE", help=CODE_HELP)
    _globals(history, suppress=True)

    handout = sub.add_parser("handout", help="the programme on paper (PDF), for the patient to take home")
    handout.add_argument("file", metavar="FILE", type=programme_file)
    handout.add_argument("--pdf", metavar="OUT", required=True, help="where to write the PDF")
    _globals(handout, suppress=True)

    edit = sub.add_parser("edit", help="tailor a programme for one patient in a window; saves their own copy")
    edit.add_argument("file", metavar="FILE", type=programme_file)
    _globals(edit, suppress=True)


def _kiosk_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sitimer kiosk set-pin | assign | station | idle | show`: the kiosk's set-up (therapist guide)."""
    kiosk = sub.add_parser("kiosk", help="set up the practice-gym kiosk: PIN, codes, station, idle time")
    _globals(kiosk, suppress=True)
    actions = kiosk.add_subparsers(dest="kiosk_action", metavar="ACTION", required=True)
    set_pin = actions.add_parser("set-pin", help="the therapist's PIN, asked twice (or one line on stdin)")
    assign = actions.add_parser("assign", help="give a patient code its programmes (none: remove the code)")
    assign.add_argument("code", metavar="CODE")
    assign.add_argument("files", nargs="*", metavar="FILE")
    station = actions.add_parser("station", help="one programme that repeats, no code needed")
    station.add_argument("file", nargs="?", metavar="FILE")
    station.add_argument("--off", action="store_true", help="no station: patients by code")
    idle = actions.add_parser("idle", help="minutes without input before the start screen returns")
    idle.add_argument("minutes", type=float, metavar="MINUTES")
    show = actions.add_parser("show", help="the kiosk's set-up as JSON (the PIN only as set or not)")
    for action in (set_pin, assign, station, idle, show):
        _globals(action, suppress=True)


def _practice_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`sitimer practice init | account`: a practice's PostgreSQL server (therapist guide)."""
    practice = sub.add_parser("practice", help="set up a practice's shared PostgreSQL server")
    _globals(practice, suppress=True)
    actions = practice.add_subparsers(dest="practice_action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create or update sitimer's schema and roles (as the owner)")
    init.add_argument("url", metavar="URL", help="postgresql://owner@host/database")
    account = actions.add_parser("account", help="a login for a station or a therapist (password on stdin)")
    account.add_argument("url", metavar="URL", help="postgresql://owner@host/database")
    account.add_argument("name", metavar="NAME")
    account.add_argument("--role", choices=("station", "therapist"), required=True)
    send = actions.add_parser("send", help="send this computer's history to the server (--history-url)")
    send.add_argument("--station", metavar="NAME", help="this station's name (default: the computer's)")
    send.add_argument(
        "--all",
        action="store_true",
        help="send every session again, sent or not (after the server was restored from a backup)",
    )
    waiting = actions.add_parser("waiting", help="how many sessions and steps are not sent yet")
    report = actions.add_parser(
        "report", help="every code's adherence, pain and last session, who is falling behind first"
    )
    form = report.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="as CSV, for a spreadsheet")
    form.add_argument("--json", action="store_true", help="as JSON")
    report.add_argument(
        "--code", metavar="CODE", help="one code's sessions: with --pdf OUT its report, else CSV"
    )
    report.add_argument("--pdf", metavar="OUT", help="with --code: that code's PDF report")
    handin = actions.add_parser("import", help="a home patient's file from `sitimer export --practice`")
    handin.add_argument("file", metavar="FILE")
    handin.add_argument("--code", metavar="CODE", help="file the sessions under this patient code")
    for action in (init, account, send, waiting, report, handin):
        _globals(action, suppress=True)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.01 <= value <= 1000:
        raise argparse.ArgumentTypeError("must be between 0.01 and 1000")
    return value
