"""What the commands share: a programme loaded or its problems told, a screen, Qt for a PDF."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from sitimer.core import logcap
from sitimer.core.options import UserError
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Programme
from sitimer.core.programme.reader import ProgrammeError


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


def load(name: str | Path) -> Programme | None:
    """The programme in FILE; None when it is not one, its problems printed on stderr, one a line."""
    try:
        return load_file(name)
    except ProgrammeError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return None


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
