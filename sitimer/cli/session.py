"""`sitimer`, `sitimer run FILE`, `sitimer --kiosk` and `sitimer --therapist`: the windowed app, with its
options."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from sitimer.cli.common import load, need_screen
from sitimer.cli.parser import system_language
from sitimer.core import logcap
from sitimer.core.notices import say
from sitimer.core.options import Options, UserError


def cmd_app(args: argparse.Namespace) -> int:
    """The windowed app: the picker, or straight into `run FILE`; the kiosk when asked for."""
    if args.command == "run" and load(args.file, args.lang or system_language()) is None:
        return 1  # a broken file never starts Qt: its problems are the only lines
    if args.command == "run":
        from sitimer.cli import shown_by_the_one_running

        if shown_by_the_one_running(args):  # a patient's run while sitimer runs: its session, there
            return 0
    need_screen()
    from sitimer.core.paths import data_dir

    folder = data_dir(args.data_dir)
    logcap.quiet_qt()
    # Before Qt loads: a line Qt repeats in a loop can never fill a disk, and what the window
    # says (a traceback, a crash) is kept in the data folder, where no terminal shows it.
    logcap.install(folder / logcap.LOG_NAME)
    from sitimer.core.settings import kiosk_in_settings, practice_url
    from sitimer.qt.app import app  # Qt loads only for the windowed commands

    reminders = bool(args.reminders) and args.command is None
    options = Options(
        lang=args.lang or system_language(),
        data_dir=folder,
        demo=bool(args.demo),
        screen=args.screen,
        reminders=reminders,
        history_url=practice_url(args.history_url, folder),  # or SITIMER_HISTORY_URL, or settings.json
    )
    if args.therapist:
        from sitimer.qt.therapist import app as therapist

        if args.command == "run":
            say("--therapist opens the practice's overview; it does not go with run")
            return 2
        return therapist.run(options)
    if args.kiosk or (args.command is None and not reminders and kiosk_in_settings(options.data_dir)):
        from sitimer.cli.kiosk import run_kiosk

        return run_kiosk(args, replace(options, kiosk=True))
    if args.command == "open":  # a broken file too: the picker shows its problems in the window
        options = replace(options, opened=Path(args.file).absolute())
    if args.command == "run":
        options = replace(
            options,
            programme=Path(args.file),
            speed=args.speed,
            auto=args.auto,
            cue_log=_cue_log(args.cue_log) if args.cue_log else None,
            figure=not args.no_figure,
            exit_when_done=True,
        )
    return app.run(options)


def _cue_log(name: str) -> Path:
    """The cue log's path, once it is known it can be written: before Qt starts, not in the session."""
    try:
        with open(name, "w", encoding="utf-8"):
            pass
    except OSError as err:
        raise UserError(f"cannot write cue log {name}: {err.strerror or err}") from None
    return Path(name)
