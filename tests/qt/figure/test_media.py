"""The therapist's own photo or video: shown scaled, a video muted and looped and only while seen,
its first frame for the handout, and one clear line for a file that cannot be shown."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sitimer.core.programme.model import Exercise, Kind, Text
from sitimer.qt.figure.media import MediaView, media_still
from tests.qt.figure.media_files import write_photo, write_video

REPO = Path(__file__).resolve().parents[3]
RED, BLUE = "#d02020", "#2040d0"

# The offscreen platform has no GPU: Qt says once that it turns video frames to images on the CPU.
pytestmark = pytest.mark.qt_log_ignore("No RHI backend", "No HW decoder")


def _exercise(media: Path | None) -> Exercise:
    return Exercise(
        id="knee",
        name=Text(nl="Knie naar de borst", en="Knee to chest"),
        kind=Kind.HOLD,
        instructions=Text(en="Pull the knee to the chest."),
        hold_s=30,
        media=str(media) if media is not None else None,
    )


def _close(colour: QColor, expected: str) -> bool:
    want = QColor(expected)
    return (
        max(
            abs(colour.red() - want.red()),
            abs(colour.green() - want.green()),
            abs(colour.blue() - want.blue()),
        )
        <= 24
    )


def _middle(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def _view(qtbot: QtBot, media: Path | None) -> MediaView:
    view = MediaView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.set_exercise(_exercise(media))
    view.show()
    return view


@pytest.fixture
def video(tmp_path: Path) -> Path:
    """One second of video: five red frames, then five blue."""
    return write_video(tmp_path / "knie.mp4", [RED] * 5 + [BLUE] * 5)


def test_a_photo_is_shown_scaled_into_the_view(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot, write_photo(tmp_path / "knie.jpg", RED))
    assert view.problem is None
    assert _close(_middle(view), RED)


def test_a_video_plays_without_sound_and_starts_again_at_its_end(qtbot: QtBot, video: Path) -> None:
    view = _view(qtbot, video)
    assert view.player.audioOutput() is None  # no output at all: nothing can talk over the cues
    assert view.player.loops() == QMediaPlayer.Loops.Infinite
    positions: list[int] = []
    view.player.positionChanged.connect(positions.append)
    qtbot.waitUntil(lambda: any(b < a for a, b in itertools.pairwise(positions)), timeout=5000)
    assert view.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState
    assert view.problem is None
    qtbot.waitUntil(lambda: _close(_middle(view), BLUE), timeout=5000)


def test_a_hidden_video_pauses_and_plays_on_when_shown_again(qtbot: QtBot, video: Path) -> None:
    view = _view(qtbot, video)
    qtbot.waitUntil(lambda: view.player.position() > 0, timeout=5000)
    view.hide()
    assert view.player.playbackState() is QMediaPlayer.PlaybackState.PausedState
    view.show()
    assert view.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState


def test_another_exercise_stops_the_video(qtbot: QtBot, video: Path, tmp_path: Path) -> None:
    view = _view(qtbot, video)
    qtbot.waitUntil(lambda: view.player.position() > 0, timeout=5000)
    view.set_exercise(_exercise(write_photo(tmp_path / "rug.png", BLUE)))
    assert view.player.playbackState() is QMediaPlayer.PlaybackState.StoppedState
    assert _close(_middle(view), BLUE)


def test_a_missing_photo_says_so_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot, tmp_path / "knie.jpg")
    assert view.problem == "Could not show the photo knie.jpg: the file is missing"
    assert view.image.isNull()


def test_a_corrupt_photo_says_so_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "knie.jpg"
    broken.write_bytes(os.urandom(2000))
    view = _view(qtbot, broken)
    assert view.problem == "Could not show the photo knie.jpg: it is not a picture (PNG or JPEG)"


def test_a_missing_video_says_so_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot, tmp_path / "knie.mp4")
    assert view.problem == "Could not show the video knie.mp4: the file is missing"
    assert view.player.playbackState() is QMediaPlayer.PlaybackState.StoppedState


@pytest.mark.qt_log_ignore("Could not open media", "Invalid data found")
def test_a_corrupt_video_says_so_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "knie.mp4"
    broken.write_bytes(os.urandom(4000))
    view = _view(qtbot, broken)
    qtbot.waitUntil(lambda: view.problem is not None, timeout=5000)
    assert view.problem == "Could not show the video knie.mp4: it is not a video this computer can play"
    assert view.image.isNull()


def test_the_handout_still_of_a_video_is_its_first_frame(qtbot: QtBot, video: Path) -> None:
    still = media_still(_exercise(video))
    assert still is not None
    assert _close(still.pixelColor(still.width() // 2, still.height() // 2), RED)


def test_the_handout_still_of_a_photo_is_the_photo_and_none_when_broken(tmp_path: Path) -> None:
    still = media_still(_exercise(write_photo(tmp_path / "knie.png", BLUE)))
    assert still is not None and _close(still.pixelColor(10, 10), BLUE)
    assert media_still(_exercise(tmp_path / "weg.jpg")) is None
    assert media_still(_exercise(tmp_path / "weg.mp4")) is None
    assert media_still(_exercise(None)) is None


STILL_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from sitimer.core.programme.model import Exercise, Kind, Text
from sitimer.qt.figure.media import media_still
app = QApplication([])
exercise = Exercise(id="k", name=Text(en="Knee"), kind=Kind.HOLD, instructions=Text(en="."),
                    media=sys.argv[1])
still = media_still(exercise)
colour = still.pixelColor(still.width() // 2, still.height() // 2)
print(colour.red(), colour.green(), colour.blue())
"""


def test_the_still_is_taken_without_a_display_as_the_handout_command_does(video: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", STILL_SCRIPT, str(video)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    red, green, blue = (int(x) for x in done.stdout.split())
    assert _close(QColor(red, green, blue), RED)


def test_a_phone_photo_is_turned_upright(qtbot: QtBot, tmp_path: Path) -> None:
    # A JPEG stored sideways with EXIF orientation 6 (turn 90° clockwise) is shown tall, not wide.
    wide = QImage(80, 40, QImage.Format.Format_RGB32)
    wide.fill(QColor(RED))
    path = tmp_path / "telefoon.jpg"
    assert wide.save(str(path))
    _set_exif_orientation(path, 6)
    view = _view(qtbot, path)
    assert (view.image.width(), view.image.height()) == (40, 80)


def _set_exif_orientation(path: Path, orientation: int) -> None:
    """Put an APP1 EXIF block with only the orientation tag right after the JPEG's SOI marker."""
    tiff = (
        b"MM\x00\x2a\x00\x00\x00\x08"  # big-endian TIFF header, first IFD at 8
        + b"\x00\x01"  # one entry
        + b"\x01\x12\x00\x03\x00\x00\x00\x01"  # tag 0x0112 orientation, SHORT, count 1
        + orientation.to_bytes(2, "big")
        + b"\x00\x00"
        + b"\x00\x00\x00\x00"  # no next IFD
    )
    body = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body
    data = path.read_bytes()
    assert data[:2] == b"\xff\xd8"
    path.write_bytes(data[:2] + segment + data[2:])
