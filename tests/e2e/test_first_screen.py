"""The first screen loads only what it shows: a patient's sitimer opens without waiting for the
session's sound and voice, the editor, the reports, the reminders or the practice's server.

The window is started as `sitimer` starts it, offscreen; at its first painted frame the script
notes what the picker shows and which modules Python has loaded, and quits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO

FIRST_FRAME = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstFrame(QObject):
        seen = False
        def eventFilter(self, obj, event):
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, self.done)
            return False
        def done(self):
            picker = next(w.picker for w in QApplication.topLevelWidgets() if hasattr(w, "picker"))
            print(json.dumps({
                "title": picker.title_label.text(),
                "listed": picker.list.count(),
                "modules": sorted(sys.modules),
            }), flush=True)
            QApplication.quit()

    app = QApplication(sys.argv[:1])
    hook = FirstFrame()
    app.installEventFilter(hook)
    from sitimer.cli import main
    sys.exit(main(["--data-dir", sys.argv[1], "--lang", "en"]))
""")

# What the picker does not show, each loaded when first used: (module prefix, what it is).
NOT_ON_THE_FIRST_SCREEN = {
    "PySide6.QtMultimedia": "tones and the therapist's videos",
    "PySide6.QtTextToSpeech": "the voice",
    "PySide6.QtCharts": "the progress chart",
    "PySide6.QtPrintSupport": "PDF printing",
    "psycopg": "the practice's server",
    "sitimer.qt.session": "a running session",
    "sitimer.qt.audio": "sound and voice",
    "sitimer.qt.editor": "the therapist's editor",
    "sitimer.qt.progress": "progress and the therapist's report",
    "sitimer.qt.reminders": "reminders (started once the list is on the screen)",
    "sitimer.qt.kiosk": "the kiosk",
    "sitimer.qt.therapist": "the therapist's overview",
    "sitimer.core.practice": "the practice's server",
    "sitimer.core.history": "the history (a first start has none to read)",
    "sitimer.cli.history": "the history command",
    "sitimer.cli.kiosk": "the kiosk commands",
    "sitimer.cli.practice": "the practice commands",
    "sitimer.cli.handin": "the hand-in file",
}


def first_frame(data_dir: Path) -> dict[str, object]:
    """Start the window in a fresh data folder; what it shows and has loaded at its first frame."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SITIMER_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(data_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    found: dict[str, object] = json.loads(lines[-1])
    return found


def test_first_screen_shows_the_programmes_without_loading_what_it_does_not_show(tmp_path: Path) -> None:
    shown = first_frame(tmp_path / "data")
    listed = shown["listed"]
    assert isinstance(listed, int) and listed >= 2  # the bundled programmes (and their section's header)
    assert shown["title"] not in ("", "No programme selected")  # a programme is chosen and shown
    modules = shown["modules"]
    assert isinstance(modules, list)
    loaded = {
        prefix: [m for m in modules if m == prefix or m.startswith(prefix + ".")]
        for prefix in NOT_ON_THE_FIRST_SCREEN
    }
    assert {prefix: names for prefix, names in loaded.items() if names} == {}
