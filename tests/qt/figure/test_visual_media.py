"""ExerciseVisual with the therapist's own photo or video: shown in the figure's place, found
beside the programme file, and no video player made for a session that has no media."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from sitimer.core.figure.pose import Pose
from sitimer.core.figure.skeleton import View
from sitimer.core.figure.spec import Figure
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Exercise, Frequency, Kind, Programme, Range, Text
from sitimer.qt.figure.visual import ExerciseVisual
from tests.qt.figure.media_files import write_photo

RED = "#d02020"
STAND = Pose.of(hip_abd_r=20, hip_abd_l=20)


def _exercise(media: str | None = None, figure: Figure | None = None) -> Exercise:
    return Exercise(
        id="knee",
        name=Text(en="Knee to chest"),
        kind=Kind.HOLD,
        instructions=Text(en="Pull the knee to the chest."),
        hold_s=30,
        media=media,
        figure=figure,
    )


def _visual(qtbot: QtBot, animation: bool = True) -> ExerciseVisual:
    visual = ExerciseVisual(animation=animation)
    qtbot.addWidget(visual)
    visual.resize(300, 400)
    return visual


def _middle(visual: ExerciseVisual) -> QColor:
    image = visual.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_a_photo_beside_the_programme_file_shows_in_the_figures_place(qtbot: QtBot, tmp_path: Path) -> None:
    write_photo(tmp_path / "knie.jpg", RED)
    programme = Programme(
        id="si",
        title=Text(en="SI joint"),
        frequency=Frequency(Range(2, 2)),
        exercises=(_exercise("knie.jpg"),),
        path=str(tmp_path / "si.yaml"),
    )
    visual = _visual(qtbot)
    visual.set_exercise(programme.exercises[0], programme)
    assert not visual.isHidden()
    assert visual.currentWidget() is visual.media_view
    assert visual.media_view is not None and visual.media_view.problem is None
    assert _middle(visual) == QColor(RED)
    assert not visual.moving  # no frame timer runs for a photo


def test_the_photo_stays_when_the_moving_figure_is_turned_off(qtbot: QtBot, tmp_path: Path) -> None:
    visual = _visual(qtbot, animation=False)
    visual.set_exercise(_exercise(str(write_photo(tmp_path / "knie.png", RED))))
    assert not visual.isHidden()
    assert _middle(visual) == QColor(RED)


def test_a_missing_photo_still_shows_its_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    visual = _visual(qtbot)
    visual.set_exercise(_exercise(str(tmp_path / "knie.jpg")))
    assert not visual.isHidden()
    assert visual.media_view is not None
    assert visual.media_view.problem == "Could not show the photo knie.jpg: the file is missing"


def test_the_next_exercise_with_a_figure_shows_the_figure_again(qtbot: QtBot, tmp_path: Path) -> None:
    visual = _visual(qtbot)
    photo = _exercise(str(write_photo(tmp_path / "knie.png", RED)))
    visual.set_exercise(photo)
    visual.set_exercise(replace(photo, id="stand", media=None, figure=Figure(View.FRONT, STAND)))
    assert visual.currentWidget() is visual.figure_view
    assert visual.moving
    assert visual.media_view is not None and visual.media_view.image.isNull()


def test_a_session_without_media_makes_no_video_player(qtbot: QtBot) -> None:
    visual = _visual(qtbot)
    visual.set_exercise(_exercise(figure=Figure(View.FRONT, STAND)))
    visual.set_exercise(_exercise())
    assert visual.media_view is None
    assert visual.isHidden()


PROGRAMME = """\
id: demo
title: Demo
frequency:
  sessions_per_day: 2
exercises:
  - id: si-rekken
    name: SI-rekken
    instructions: Hold the knee across.
    kind: hold
    hold_s: 30
    media: knie.jpg
"""


def _loaded(folder: Path) -> Programme:
    path = folder / "programme.yaml"
    path.write_text(PROGRAMME, encoding="utf-8")
    return load_file(path)


def test_a_programme_whose_photo_is_missing_loads_and_says_so_in_the_photos_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    programme = _loaded(tmp_path)
    visual = _visual(qtbot)
    visual.set_exercise(programme.exercises[0], programme)
    assert not visual.isHidden()
    assert visual.media_view is not None and visual.media_view.problem is not None
    assert visual.media_view.problem.startswith("Could not show the photo or video: ")
    assert "knie.jpg" in visual.media_view.problem


@pytest.mark.qt_log_ignore("JFIF revision", "JPEG datastream")  # what Qt's JPEG reader says of it
def test_a_photo_that_looks_like_a_jpeg_but_is_damaged_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    # whole as far as validate looks (its start and its end), damaged within
    (tmp_path / "knie.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200) + b"\xff\xd9")
    programme = _loaded(tmp_path)
    visual = _visual(qtbot)
    visual.set_exercise(programme.exercises[0], programme)
    assert visual.media_view is not None
    assert visual.media_view.problem == "Could not show the photo knie.jpg: it is not a picture (PNG or JPEG)"
