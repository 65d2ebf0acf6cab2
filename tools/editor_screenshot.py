#!/usr/bin/env python3
"""A screenshot of the programme editor, for the therapist guide and for checking by eye.

    .venv/bin/python tools/editor_screenshot.py              # docs/screenshots/editor.png, 1280×720
    .venv/bin/python tools/editor_screenshot.py --lang nl --out /tmp/shots

Made offscreen from a throw-away data folder: SI-blokkade being tailored for one
patient, the building-up phase switched on, reminders at 09:00 and 19:00, and
"knee rolls" (whose reps come from a named dose) at 2 sets instead of 3.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sitimer.qt.common.startup import application  # noqa: E402
from sitimer.qt.editor.window import EditorWindow  # noqa: E402

PROGRAMME = REPO / "programmes" / "si-blokkade-herstel.yaml"


def main(argv: list[str] | None = None) -> int:
    """Make the screenshot; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = application(args.lang)  # as `sitimer edit` starts: translation and theme (the spin boxes' arrows)
    with tempfile.TemporaryDirectory(prefix="sitimer-editor-") as folder:
        os.environ["HOME"] = folder  # the folder reads as on a patient's laptop: ~/.local/share/sitimer
        window = EditorWindow(PROGRAMME, Path(folder) / ".local" / "share" / "sitimer", args.lang)
        window.resize(1280, 720)
        window.show()
        window.programme_form.phase_boxes["opbouw"].setChecked(True)
        window.programme_form.reminders.setText("09:00, 19:00")
        window.programme_form.reminders.textEdited.emit("09:00, 19:00")
        window.exercises.list.setCurrentRow(1)
        window.form.sets.setValue(2)
        window.exercises.list.setFocus()
        for _ in range(3):
            app.processEvents()
        window.resize(1280, 720)  # a first layout pass may grow it; a window manager would keep it
        app.processEvents()
        path = args.out / "editor.png"
        shot = window.grab()
        shot.save(str(path))
        print(f"{path}: {shot.width()}×{shot.height()}")
        window.undo_stack.setClean()  # nothing to ask on closing
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
