"""``python -m sitimer``, printing a line each time the window with the keyboard focus changes:

    python -m tests.desktop.focus_watch --lang en --data-dir DIR

"focus sitimer" when sitimer's window has it, "focus none" when another program's window does.
"""

import sys
import time

from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

import sitimer.qt.app.app as app_module
from sitimer.cli import main

made = app_module.application
start = time.monotonic()


def application(lang: str) -> QApplication:
    app = made(lang)

    def changed(window: QWindow | None) -> None:
        seen = window.title() if window is not None else "none"
        print(f"{time.monotonic() - start:.2f} focus {seen}", flush=True)

    app.focusWindowChanged.connect(changed)
    return app


app_module.application = application
sys.exit(main(sys.argv[1:]))
