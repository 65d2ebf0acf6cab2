"""The session view full screen on a real X server (Xvfb + openbox), as a patient's screen shows it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from sitimer.qt.common import style
from tests.helpers.xdisplay import x_display

REPO = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1280, 720

pytestmark = pytest.mark.xvfb


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh X display of 1280×720 with a window manager, torn down afterwards."""
    with x_display(WIDTH, HEIGHT, tools=("import",)) as name:
        yield name


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def test_full_screen_session_view_on_x(display: str, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "SITIMER_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "screenshots.py"),
            "--full-screen",
            "--root",
            "--out",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for name, phase in (("work", "vermillion"), ("hold", "blue"), ("rest", "bluish_green")):
        for shot in (out / f"{name}.png", out / f"screen-{name}.png"):
            assert shot.exists(), shot
            assert png_size(shot) == (WIDTH, HEIGHT), shot
        # What the screen shows is the view, full screen: its phase banner near the top left.
        screen = QImage(str(out / f"screen-{name}.png"))
        banner = screen.pixelColor(WIDTH // 2, round(HEIGHT * 0.05))
        assert banner.name().upper() == style.OKABE_ITO[phase], name
    assert png_size(out / "screen-picker.png") == (WIDTH, HEIGHT)
