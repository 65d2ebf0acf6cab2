"""The `sitimer` command: parses arguments and hands over; no logic of its own.

The subcommands and their output are a contract (see docs/programme-format.md
and the README): `validate`, `plan --json`, `run`, `history`, `report`.
"""

from __future__ import annotations

import argparse
import json
import locale
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sitimer import __version__
from sitimer.core import logcap
from sitimer.core.options import UserError
from sitimer.core.programme.loader import ProgrammeError, load_file
from sitimer.core.programme.model import Programme
from sitimer.core.programme.plan import build_plan, session_minutes


def system_language() -> str:
    """nl when the system speaks Dutch, else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    code = locale.getlocale()[0] or ""
    return "nl" if code.lower().startswith("nl") else "en"


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

    validate = sub.add_parser("validate", help="check programme files; one line per problem")
    validate.add_argument("files", nargs="+", metavar="FILE")
    _globals(validate, suppress=True)

    plan = sub.add_parser("plan", help="show the steps of one session")
    plan.add_argument("file", metavar="FILE")
    plan.add_argument("--json", action="store_true", help="as JSON (the only format so far)")
    plan.add_argument(
        "--all-phases", action="store_true", help="include exercises of phases that are not switched on"
    )
    _globals(plan, suppress=True)

    run = sub.add_parser("run", help="go straight into a session of FILE")
    run.add_argument("file", metavar="FILE")
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
    _globals(run, suppress=True)
    _window(run, suppress=True)

    history = sub.add_parser("history", help="the sessions done, as JSON or CSV")
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="as JSON (the default)")
    form.add_argument("--csv", action="store_true", help="as CSV, for a spreadsheet")
    history.add_argument("--steps", action="store_true", help="with every step of each session")
    history.add_argument(
        "--include-simulated",
        action="store_true",
        help="also runs with --speed other than 1 (demonstrations, tests)",
    )
    _globals(history, suppress=True)

    handout = sub.add_parser("handout", help="the programme on paper (PDF), for the patient to take home")
    handout.add_argument("file", metavar="FILE")
    handout.add_argument("--pdf", metavar="OUT", required=True, help="where to write the PDF")
    _globals(handout, suppress=True)

    edit = sub.add_parser("edit", help="tailor a programme for one patient in a window; saves their own copy")
    edit.add_argument("file", metavar="FILE")
    _globals(edit, suppress=True)

    _kiosk_commands(sub)

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
    _globals(report, suppress=True)
    return parser


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


def cmd_validate(args: argparse.Namespace) -> int:
    """Exit 0 when every file is a valid programme; else print each problem and exit 1."""
    status = 0
    for name in args.files:
        try:
            programme = load_file(name)
        except ProgrammeError as err:
            status = 1
            for problem in err.problems:
                print(problem)
            continue
        minutes = session_minutes(build_plan(programme).total_s)
        active, total = len(programme.active_exercises()), len(programme.exercises)
        noun = "exercise" if total == 1 else "exercises"
        count = f"{total} {noun}" if active == total else f"{active} of {total} {noun} switched on"
        print(f"{name}: ok ({count}, about {minutes} min a session)")
    return status


def cmd_plan(args: argparse.Namespace) -> int:
    """Print the expanded session as JSON."""
    programme = _load(args.file)
    if programme is None:
        return 1
    plan = build_plan(programme, all_phases=args.all_phases)
    print(json.dumps(plan.to_json(args.lang or system_language()), indent=2, ensure_ascii=False))
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    """Print the history; a session a crash left open is reported as interrupted."""
    from sitimer.core.history.errors import HistoryError
    from sitimer.core.history.export import session_rows, to_csv
    from sitimer.core.history.store import HistoryStore
    from sitimer.core.paths import data_dir

    try:
        store = HistoryStore(data_dir(args.data_dir) / "history.db")
    except HistoryError as err:
        print(f"sitimer: {err}", file=sys.stderr)
        return 1
    try:
        store.recover()
        rows = session_rows(
            store, include_simulated=args.include_simulated, steps=args.steps, local_times=args.csv
        )
    except HistoryError as err:
        store.notices.append(str(err))
        rows = None
    for notice in store.notices:  # a file moved aside, a journal added, a history busy: said every time
        print(f"sitimer: {notice}", file=sys.stderr)
    if rows is None:
        return 1
    if args.csv:
        sys.stdout.write(to_csv(rows, steps=args.steps))
    else:
        print(json.dumps({"sessions": rows}, indent=2, ensure_ascii=False))
    return 0


def _need_screen() -> None:
    """A window needs a screen: without one Qt aborts (exit 134); say so in one line instead.

    Like the PDF commands, a Linux session with neither DISPLAY nor WAYLAND_DISPLAY has none, unless
    QT_QPA_PLATFORM names a platform explicitly (offscreen, vnc, ...).
    """
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        raise UserError(
            "no screen to show the window on (DISPLAY is not set); "
            "`sitimer handout`, `report` and `history` work without one"
        )


def _load(name: str | Path) -> Programme | None:
    """The programme in FILE; None when it is not one, its problems printed on stderr, one a line."""
    try:
        return load_file(name)
    except ProgrammeError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return None


def cmd_edit(args: argparse.Namespace) -> int:
    """The programme editor on its own; saving writes the patient's copy into the data folder."""
    if _load(args.file) is None:
        return 1
    _need_screen()
    from sitimer.core.paths import data_dir
    from sitimer.qt.editor.window import run_editor

    return run_editor(Path(args.file), data_dir(args.data_dir), args.lang or system_language())


def _pdf_app(lang: str) -> Any:
    """Qt for the fonts of a PDF, on no screen: a PDF from the command line needs no display.

    An explicit QT_QPA_PLATFORM is kept.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from sitimer.qt.common.translation import install_translator

    app = QGuiApplication.instance() or QGuiApplication(["sitimer"])
    install_translator(app, lang)
    return app


def cmd_handout(args: argparse.Namespace) -> int:
    """Write the patient's handout of a programme."""
    from sitimer.core.history.export import ExportError, writable_target

    programme = _load(args.file)
    if programme is None:
        return 1
    lang = args.lang or system_language()
    try:
        writable_target(args.pdf)  # before Qt starts: its warnings would come first
        app = _pdf_app(lang)
        from sitimer.qt.picker.handout import write_handout

        write_handout(programme, Path(args.pdf), lang)
    except ExportError as err:
        raise UserError(f"cannot write PDF {err}") from None
    del app
    count = len(programme.exercises)
    print(f"{args.pdf}: {count} {'exercise' if count == 1 else 'exercises'}")
    return 0


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
    app = _pdf_app(lang)
    from sitimer.qt.progress.report import write_report

    try:
        store = HistoryStore(folder / "history.db")
    except HistoryError as err:
        print(f"sitimer: {err}", file=sys.stderr)
        return 1
    try:
        store.recover()
        count = write_report(Path(args.pdf), store, folder, lang=lang, since=args.since, patient=args.patient)
    except ExportError as err:
        raise UserError(f"cannot write PDF {err}") from None
    except HistoryError as err:
        store.notices.append(str(err))
        count = None
    finally:
        for notice in store.notices:
            print(f"sitimer: {notice}", file=sys.stderr)
    del app
    if count is None:
        return 1
    print(f"{args.pdf}: {count} {'session' if count == 1 else 'sessions'}")
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    """The windowed app: the picker, or straight into `run FILE`."""
    if args.command == "run" and _load(args.file) is None:
        return 1  # a broken file never starts Qt: its problems are the only lines
    _need_screen()
    # Qt Multimedia warns about a missing PipeWire as it loads, before any code of ours runs.
    quiet = "qt.multimedia.symbolsresolver.warning=false"
    rules = os.environ.get("QT_LOGGING_RULES", "")
    os.environ["QT_LOGGING_RULES"] = f"{rules};{quiet}" if rules else quiet
    logcap.install()  # before Qt loads: a line Qt repeats in a loop can never fill a disk
    from sitimer.qt.app import app  # Qt loads only for the windowed commands

    options = app.default_options(args.lang or system_language(), args.data_dir)
    options.demo = bool(args.demo)
    options.screen = args.screen
    options.reminders = bool(args.reminders) and args.command is None
    if args.kiosk or (
        args.command is None and not options.reminders and _kiosk_in_settings(options.data_dir)
    ):
        return _kiosk_app(args, options)
    if args.command == "run":
        options.programme = Path(args.file)
        options.speed = args.speed
        options.auto = args.auto
        options.cue_log = _cue_log(args.cue_log) if args.cue_log else None
        options.exit_when_done = True
    return app.run(options)


def _cue_log(name: str) -> Path:
    """The cue log's path, once it is known it can be written: before Qt starts, not in the session."""
    try:
        with open(name, "w", encoding="utf-8"):
            pass
    except OSError as err:
        raise UserError(f"cannot write cue log {name}: {err.strerror or err}") from None
    return Path(name)


def _kiosk_in_settings(folder: Path) -> bool:
    from sitimer.core.settings import kiosk_in_settings

    return kiosk_in_settings(folder)


def _kiosk_app(args: argparse.Namespace, options: Any) -> int:
    """`sitimer --kiosk`, or `"kiosk": true` in settings.json."""
    if args.command == "run":
        print("sitimer: --kiosk starts the kiosk; it does not go with run", file=sys.stderr)
        return 2
    from sitimer.qt.kiosk import app as kiosk

    options.kiosk = True
    return kiosk.run(options)


def _read_pin() -> str | None:
    """The new PIN: typed twice without echo, or the first line of stdin when it is not a terminal."""
    import getpass

    if not sys.stdin.isatty():
        lines = sys.stdin.read().splitlines()
        if len(lines) > 1 and lines[1] and lines[1] != lines[0]:
            print("sitimer: the two PINs differ; nothing changed", file=sys.stderr)
            return None
        return lines[0].strip() if lines else ""
    first = getpass.getpass("Therapist PIN (4 to 12 digits): ")
    if getpass.getpass("The same PIN again: ") != first:
        print("sitimer: the two PINs differ; nothing changed", file=sys.stderr)
        return None
    return first


def cmd_kiosk(args: argparse.Namespace) -> int:
    """Change the kiosk's set-up in kiosk.json in the data folder."""
    from dataclasses import replace

    from sitimer.core.kiosk import kiosk
    from sitimer.core.paths import data_dir, programmes_dir

    folder = data_dir(args.data_dir)
    store = kiosk.KioskConfigStore.in_folder(folder)
    config = store.load()
    for notice in store.notices:
        print(f"sitimer: {notice}", file=sys.stderr)

    def ref(name: str) -> str | None:  # a file as the config names it, once it loads
        path = Path(name) if Path(name).exists() else kiosk.resolve_programme(name, folder, programmes_dir())
        return None if _load(path) is None else kiosk.programme_ref(path, folder, programmes_dir())

    action = args.kiosk_action
    if action == "show":
        print(json.dumps(config.public_json(), indent=2))
        return 0
    if action == "set-pin":
        pin = _read_pin()
        if pin is None:
            return 1
        if not kiosk.valid_pin(pin):
            print(
                f"sitimer: a PIN is {kiosk.PIN_MIN} to {kiosk.PIN_MAX} digits; nothing changed",
                file=sys.stderr,
            )
            return 1
        config = replace(config, pin=kiosk.hash_pin(pin))
    elif action == "assign":
        known = args.code in config.codes and kiosk.valid_code(args.code, kiosk.OLD_CODE_MIN)
        if not (kiosk.valid_code(args.code) or known):  # an older short code may still change or go
            print(
                f"sitimer: a code is {kiosk.CODE_MIN} to {kiosk.CODE_MAX} digits: {args.code!r}",
                file=sys.stderr,
            )
            return 1
        refs = [ref(name) for name in args.files]
        if None in refs:
            return 1
        config = config.assign(args.code, [r for r in refs if r])
    elif action == "station":
        station = None if args.off or not args.file else ref(args.file)
        if args.file and not args.off and station is None:
            return 1
        config = replace(config, station=station)
    elif action == "idle":
        low, high = kiosk.IDLE_MINUTES_RANGE
        if not low <= args.minutes <= high:
            print(f"sitimer: idle minutes must be from {low:g} to {high:g}", file=sys.stderr)
            return 1
        config = replace(config, idle_minutes=args.minutes)
    try:
        store.save(config)
    except OSError as err:
        raise UserError(f"cannot save the kiosk set-up {store.path}: {err.strerror or err}") from None
    print(f"{store.path}: saved")
    return 0


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
        None: cmd_app,
    }
    try:
        status = commands[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, not as Python exits
    except UserError as err:
        print(f"sitimer: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `sitimer plan FILE | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # as a program ended by SIGPIPE
    return status
