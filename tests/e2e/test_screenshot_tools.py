"""The tools that make the user guide's screenshots still run and still draw something.

Nothing else runs them, and one had stopped (`tools/reminder_screenshots.py` still built
history rows as dicts after they became `SessionRow`s): the guide's pictures could no longer
be made again after a change to the screens they show.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]

TOOLS = {
    "screenshots.py": ("picker", "work", "hold", "rest", "rating", "history", "presenter"),
    "reminder_screenshots.py": ("reminder", "reminder-banner", "reminder-settings"),
    "kiosk_screenshots.py": ("kiosk-keypad", "kiosk-patient", "kiosk-session"),
    "editor_screenshot.py": ("editor",),
}


def colours(path: Path) -> int:
    """How many different colours a 16 x 16 grid over the picture finds (1: blank)."""
    image = QImage(str(path))
    assert not image.isNull(), f"{path.name} is no picture"
    grid = [(x * image.width() // 16, y * image.height() // 16) for x in range(16) for y in range(16)]
    return len({image.pixel(x, y) for x, y in grid})


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_the_screenshot_tool_makes_its_pictures(tool: str, tmp_path: Path) -> None:
    # The reminder tool also shows a real notification when dunst and Xvfb are there; its
    # offscreen shots are the ones every machine can make.
    own_folder = ["--data-dir", str(tmp_path / "data")] if tool == "screenshots.py" else []  # not the user's
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PATH": os.path.dirname(sys.executable)}
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / tool), "--out", str(tmp_path), "--lang", "nl", *own_folder],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    for name in TOOLS[tool]:
        picture = tmp_path / f"{name}.png"
        assert picture.is_file(), f"{tool} made no {name}.png"
        assert colours(picture) >= 3, f"{name}.png is blank"
