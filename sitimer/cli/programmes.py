"""`sitimer validate`, `plan`, `handout` and `edit`: one programme file at a time."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sitimer.cli.common import load, need_screen, pdf_app, problem_words
from sitimer.cli.parser import system_language
from sitimer.core import logcap
from sitimer.core.options import UserError
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan, session_minutes
from sitimer.core.programme.reader import ProgrammeError
from sitimer.core.programme.summary import plan_lines


def cmd_validate(args: argparse.Namespace) -> int:
    """Exit 0 when every file is a valid programme; else print each problem and exit 1."""
    status = 0
    lang = args.lang or system_language()
    for name in args.files:
        try:
            programme = load_file(name, strict=True)
        except ProgrammeError as err:
            status = 1
            say_problem = problem_words(lang)
            for problem in err.problems:
                print(say_problem(problem))
            continue
        minutes = session_minutes(build_plan(programme).total_s)
        active, total = len(programme.active_exercises()), len(programme.exercises)
        noun = "exercise" if total == 1 else "exercises"
        count = f"{total} {noun}" if active == total else f"{active} of {total} {noun} switched on"
        length = f"about {minutes} min a session" if programme.has_session() else "daily activities only"
        print(f"{name}: ok ({count}, {length})")
    return status


def cmd_plan(args: argparse.Namespace) -> int:
    """Print the expanded session: as JSON with --json, else a summary for the therapist to read."""
    programme = load(args.file, args.lang or system_language())
    if programme is None:
        return 1
    plan = build_plan(programme, all_phases=args.all_phases)
    lang = args.lang or system_language()
    if args.json:
        print(json.dumps(plan.to_json(lang), indent=2, ensure_ascii=False))
    else:
        print("\n".join(plan_lines(plan, lang, args.all_phases)))
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    """The programme editor on its own; saving writes the patient's copy into the data folder."""
    if load(args.file, args.lang or system_language()) is None:
        return 1
    need_screen()
    from sitimer.core.paths import data_dir

    folder, lang = data_dir(args.data_dir), args.lang or system_language()
    logcap.quiet_qt()
    logcap.install(folder / logcap.LOG_NAME)  # before Qt loads, as for the other windows
    from sitimer.qt.editor.window import run_editor

    return run_editor(Path(args.file), folder, lang)


def cmd_handout(args: argparse.Namespace) -> int:
    """Write the patient's handout of a programme."""
    from sitimer.core.history.export import ExportError, writable_target

    programme = load(args.file, args.lang or system_language())
    if programme is None:
        return 1
    lang = args.lang or system_language()
    try:
        writable_target(args.pdf)  # before Qt starts: its warnings would come first
        app = pdf_app(lang)
        from sitimer.qt.picker.handout import write_handout

        write_handout(programme, Path(args.pdf), lang)
    except ExportError as err:
        raise UserError(f"cannot write PDF {err}") from None
    del app
    count = sum(
        e.enabled for e in programme.exercises
    )  # as the handout has them: one switched off is left out
    off = len(programme.exercises) - count
    left_out = f" ({off} switched off, left out)" if off else ""
    print(f"{args.pdf}: {count} {'exercise' if count == 1 else 'exercises'}{left_out}")
    return 0
