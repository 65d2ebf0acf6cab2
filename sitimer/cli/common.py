"""What the commands share: a programme loaded or its problems told, a screen, Qt for a PDF."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitimer.core import logcap
from sitimer.core.options import UserError
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Programme
from sitimer.core.programme.reader import Problem, ProgrammeError


def need_screen() -> None:
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


def load(name: str | Path, lang: str = "en") -> Programme | None:
    """The programme in FILE; None when it is not one, its problems printed on stderr, one a line,
    in ``lang``."""
    try:
        return load_file(name)
    except ProgrammeError as err:
        say_problem = problem_words(lang)
        for problem in err.problems:
            print(say_problem(problem), file=sys.stderr)
        return None


def problem_words(lang: str) -> Callable[[Problem], str]:
    """How a programme's problem is printed in ``lang``: as the core says it in English, or in
    Dutch through the app's translation (Qt's core only, loaded now there is something to say;
    no application object, which would warn about a locale that is not set up)."""
    if lang == "en":
        return str
    from functools import partial

    from sitimer.qt.common.problem_text import problem_line
    from sitimer.qt.common.translation import translator_for

    translator = translator_for(lang)
    return str if translator is None else partial(problem_line, translator=translator)


def pdf_app(lang: str) -> Any:
    """Qt for the fonts of a PDF, on no screen: a PDF from the command line needs no display.

    An explicit QT_QPA_PLATFORM is kept.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logcap.quiet_qt()  # the pictures of a video exercise load QtMultimedia, which warns as it loads
    from PySide6.QtGui import QGuiApplication

    from sitimer.qt.common.translation import install_translator

    app = QGuiApplication.instance() or QGuiApplication(["sitimer"])
    install_translator(app, lang)
    return app
