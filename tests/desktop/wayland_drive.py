"""Runs the home window on a Wayland compositor and reports, as one JSON line, what each page shows.

    WAYLAND_DISPLAY=wayland-1 python -m tests.desktop.wayland_drive --lang nl --data DIR

The window is shown as a start shows it, at the size the compositor gives it; then the programme
list, the questions after a session and the progress view are shown in turn, and for each the
texts and buttons drawn over each other and the buttons cut short are listed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sitimer.core.options import Options
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.common import style
from sitimer.qt.common.translation import install_translator
from tests.helpers.screens import cut_buttons, overlapping

PROGRAMME = Path(__file__).resolve().parents[2] / "programmes" / "si-gewricht.yaml"


def settle() -> None:
    """The compositor's answers (a round trip) and the layouts that follow them."""
    QApplication.processEvents()
    QGuiApplication.sync()
    QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    parser.add_argument("--data", type=Path, required=True)
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "wayland"
    app = QApplication([sys.argv[0]])
    app.setApplicationName("sitimer")
    install_translator(app, args.lang)
    style.apply_theme(app)
    quiet = lambda: (SilentTonePlayer(), SilentSpeaker())  # noqa: E731
    home = App(Options(lang=args.lang, data_dir=args.data), sound=quiet)
    home.restore_window()
    home.window.show()
    QTest.qWaitForWindowExposed(home.window, 15_000)  # the compositor's first configure
    settle()
    pages = {
        "picker": lambda: home.window.select(PROGRAMME),
        "rating": lambda: home.flow.ask(before=False, then=lambda: None),
        "progress": lambda: home.show_progress(PROGRAMME),
    }
    report: dict[str, object] = {
        "platform": QGuiApplication.platformName(),
        "exposed": home.window.windowHandle().isExposed(),
        "screen": list(home.window.screen().geometry().size().toTuple()),
    }
    for name, show in pages.items():
        home.window.show_picker()
        show()
        settle()
        report[name] = {
            "window": list(home.window.size().toTuple()),
            "overlapping": overlapping(home.window),
            "cut": cut_buttons(home.window),
        }
    print(json.dumps(report), flush=True)
    home.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
