"""An exercise on paper: its 2 to 4 key frames (start, end position per side) as pictures with captions,
or the still of the therapist's own photo or video.

Each picture is painted at print resolution (300 dpi at its printed size), dark on white, and all
pictures of one exercise share one box, so a figure keeps its size from start to end. The handout
puts them in a row under the instructions; ``tools/exercise_frames.py`` joins them into a strip.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from sitimer.core.figure.skeleton import View, draw
from sitimer.core.programme.model import Exercise
from sitimer.core.session.figure import KeyFrame, key_frames
from sitimer.qt.figure.media import media_still
from sitimer.qt.figure.paint import ON_LIGHT, Box, paint_drawing

MAT = replace(ON_LIGHT, floor="#E2E7ED")  # a lying figure's mat, seen from above: lighter, less ink

DPI = 300
MAX_WIDTH_MM = 34.0  # four in a row fit the text width of A4 (17 mm margins and print_'s 2 cm)
MAX_HEIGHT_MM = 25.0
MEDIA_MM = (60.0, 45.0)  # the largest a photo or a video's first frame is printed, width and height
MARGIN_M = 0.12  # around the figure, in metres: room for the floor line


def px(mm: float) -> int:
    """Millimetres as pixels at print resolution."""
    return round(mm / 25.4 * DPI)


def caption(moment: str, last: bool = True) -> str:
    """What a key frame shows, in words under its picture ("Start", "Right", "End"); an end
    position before the last one of a rep (flat, then hollow) is "Then"."""
    words = {
        "start": QCoreApplication.translate("Handout", "Start"),
        "end": (
            QCoreApplication.translate("Handout", "End")
            if last
            else QCoreApplication.translate("Handout", "Then")
        ),
        "right": QCoreApplication.translate("Handout", "Right"),
        "left": QCoreApplication.translate("Handout", "Left"),
        "then": QCoreApplication.translate("Handout", "Then"),  # a loop's other half (a stride)
    }
    return words[moment]


@dataclass(frozen=True)
class KeyPicture:
    """One key frame painted: its caption and the picture (white background)."""

    caption: str
    image: QImage


def frames_box(exercise: Exercise, frames: tuple[KeyFrame, ...]) -> Box:
    """The bounds (metres) of all the key frames together: one scale for all."""
    assert exercise.figure is not None
    bounds = [draw(k.frame.pose, exercise.figure.view).bounds() for k in frames]
    return (
        min(b[0] for b in bounds),
        min(b[1] for b in bounds),
        max(b[2] for b in bounds),
        max(b[3] for b in bounds),
    )


def key_pictures(exercise: Exercise, scale: float = 1.0) -> list[KeyPicture]:
    """The exercise's key frames as pictures, ``scale`` times the printed size; none without a figure."""
    frames = key_frames(exercise)
    if exercise.figure is None or not frames:
        return []
    box = frames_box(exercise, frames)
    width_m, height_m = box[2] - box[0] + 2 * MARGIN_M, box[3] - box[1] + 2 * MARGIN_M
    px_per_m = min(px(MAX_WIDTH_MM) / width_m, px(MAX_HEIGHT_MM) / height_m) * scale
    size = (max(1, round(width_m * px_per_m)), max(1, round(height_m * px_per_m)))
    margin = MARGIN_M * px_per_m
    inner = QRectF(margin, margin, size[0] - 2 * margin, size[1] - 2 * margin)
    look = MAT if exercise.figure.view is View.ABOVE else ON_LIGHT
    pictures = []
    for n, key in enumerate(frames):
        image = QImage(*size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        image.setDotsPerMeterX(round(DPI / 0.0254 * scale))
        image.setDotsPerMeterY(round(DPI / 0.0254 * scale))
        painter = QPainter(image)
        drawing = draw(key.frame.pose, exercise.figure.view, key.frame.breath)
        paint_drawing(painter, inner, drawing, box, look, key.frame.highlight)
        painter.end()
        later = any(k.moment == key.moment for k in frames[n + 1 :])
        pictures.append(KeyPicture(caption(key.moment, last=not later), image))
    return pictures


def media_picture(exercise: Exercise, folder: Path | None) -> KeyPicture | None:
    """The still of the exercise's photo or video (its file found in ``folder``), at print size; None
    when it has none or it cannot be read (``sitimer validate`` says why)."""
    if not exercise.media:
        return None
    path = folder / exercise.media if folder is not None else Path(exercise.media)
    still = media_still(replace(exercise, media=str(path)))
    if still is None or still.isNull():
        return None
    fitted = still.scaled(
        px(MEDIA_MM[0]),
        px(MEDIA_MM[1]),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return KeyPicture("", fitted)


def strip(pictures: list[KeyPicture], gap_px: int, font_px: int) -> QImage:
    """The pictures side by side on white, each with its caption under it (for docs and previews)."""
    width = sum(p.image.width() for p in pictures) + gap_px * (len(pictures) + 1)
    height = max(p.image.height() for p in pictures) + font_px * 2 + gap_px
    out = QImage(width, height, QImage.Format.Format_RGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    font = QFont("DejaVu Sans")
    font.setPixelSize(font_px)
    painter.setFont(font)
    painter.setPen(QColor(ON_LIGHT.body))
    x = gap_px
    for picture in pictures:
        painter.drawImage(x, gap_px // 2, picture.image)
        text_top = gap_px // 2 + picture.image.height()
        label = QRectF(x, text_top, picture.image.width(), font_px * 1.8)
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, picture.caption)
        x += picture.image.width() + gap_px
    painter.end()
    return out
