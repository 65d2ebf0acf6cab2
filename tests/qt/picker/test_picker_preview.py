"""The picker shows an exercise's figure doing it beside the programme's exercises.

The preview's time is injected (no sleeps): the test says how many seconds have passed.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

import sitimer.qt.picker.preview as preview_module
import sitimer.qt.picker.programme_list as programme_list
from sitimer.core.options import Options
from sitimer.core.programme.catalogue import ProgrammeFile
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Side
from sitimer.core.session.figure import sided
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.picker.picker import ProgrammePicker
from tests.qt.picker.figures import FIGURES, si_with_figures


class Seconds:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def seconds(monkeypatch: pytest.MonkeyPatch) -> Seconds:
    clock = Seconds()
    monkeypatch.setattr(preview_module, "_clock", lambda: clock)
    return clock


@pytest.fixture
def picker(qtbot, monkeypatch, tmp_path, seconds, si_gewricht) -> ProgrammePicker:  # type: ignore[no-untyped-def]
    """The picker with SI-gewricht's exercises given figures, SI-gewricht selected, on screen."""
    with_figures = si_with_figures(si_gewricht)
    read = programme_list.read

    def read_with_figures(path: Path) -> ProgrammeFile:
        entry = read(path)
        if entry.programme is not None and entry.programme.id == with_figures.id:
            return replace(entry, programme=with_figures)
        return entry

    monkeypatch.setattr(programme_list, "read", read_with_figures)
    widget = ProgrammePicker(data_dir=tmp_path / "data", lang="en")
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.select(si_gewricht)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(picker: ProgrammePicker) -> QImage:
    picker.preview.tick()
    return picker.preview.visual.grab().toImage()


def test_the_first_exercise_moves_from_its_start_to_its_end_pose(picker, seconds):
    preview = picker.preview
    assert preview.isVisible() and preview.timer.isActive()
    assert preview.exercise is not None and preview.exercise.id == "molenwieken"
    assert "Windmills" in preview.name_label.text()
    view = preview.visual.figure_view
    at_start = shown(picker)
    assert view.frame is not None and view.frame.pose == FIGURES["molenwieken"].start
    seconds.now += (
        3.0 * 0.999
    )  # nearly one rep at the leaflet's tempo (3 s): bent down, right hand to left foot
    bent = shown(picker)
    assert view.frame is not None and view.frame.working is Side.RIGHT
    assert view.frame.pose != FIGURES["molenwieken"].start
    assert bent != at_start  # the patient sees the figure move
    seconds.now += 3.0  # the next rep goes to the other side
    shown(picker)
    assert view.frame is not None and view.frame.working is Side.LEFT


def test_hovering_or_clicking_an_exercise_shows_its_figure(picker, seconds):
    assert "exercise:si-rekken" in picker.exercises_label.text()
    picker.exercises_label.linkHovered.emit("exercise:si-rekken")
    assert picker.preview.exercise is not None and picker.preview.exercise.id == "si-rekken"
    seconds.now += 2.0  # settled into the hold
    shown(picker)
    frame = picker.preview.visual.figure_view.frame
    assert frame is not None and frame.pose == sided(FIGURES["si-rekken"].hold, Side.RIGHT)  # type: ignore[arg-type]
    picker.exercises_label.linkActivated.emit("exercise:roteren")
    picker.exercises_label.linkHovered.emit("")  # the pointer leaves the names: the one clicked stays
    assert picker.preview.exercise is not None and picker.preview.exercise.id == "roteren"


def test_the_preview_runs_only_while_on_screen(picker):
    assert picker.preview.timer.isActive()
    picker.hide()
    assert not picker.preview.timer.isActive()
    picker.show()
    assert picker.preview.timer.isActive()


def test_with_the_moving_figure_off_nothing_is_shown_and_nothing_runs(picker):
    picker.set_animation(False)
    assert not picker.preview.isVisible() and not picker.preview.timer.isActive()
    picker.set_animation(True)
    assert picker.preview.isVisible() and picker.preview.timer.isActive()


PLAIN = """\
format: 1
id: plain
title: {en: Bridges}
frequency: {sessions_per_day: 1}
exercises:
  - id: bridge
    name: {en: Bridge}
    kind: hold
    hold_s: 30
    instructions: {en: Lift your hips.}
"""


def test_a_programme_without_figures_shows_no_preview(picker, tmp_path):
    plain = tmp_path / "plain.yaml"
    plain.write_text(PLAIN, encoding="utf-8")
    picker.select(plain)
    assert picker.selected_entry() is not None and picker.selected_entry().programme is not None
    assert not picker.preview.isVisible() and not picker.preview.timer.isActive()
    assert "exercise:" not in picker.exercises_label.text()  # no names to hover either


def test_a_photo_of_the_therapists_own_shows_in_the_figures_place(qtbot, tmp_path, seconds):
    photo = QImage(120, 90, QImage.Format.Format_RGB32)
    photo.fill(0x1565C0)
    photo.save(str(tmp_path / "knie.png"))
    (tmp_path / "mine.yaml").write_text(PLAIN, encoding="utf-8")
    preview = preview_module.ExercisePreview("en", seconds=seconds)
    qtbot.addWidget(preview)
    preview.show()
    plain = load_file(tmp_path / "mine.yaml")
    programme = replace(plain, exercises=(replace(plain.exercises[0], media="knie.png"),))
    preview.set_animation(False)  # the patient's setting is for the moving figure, not the therapist's photo
    preview.show_programme(programme)
    assert preview.isVisible() and preview.visual.media_view is not None
    assert preview.visual.currentWidget() is preview.visual.media_view
    assert not preview.timer.isActive()  # a photo does not move


@pytest.mark.parametrize(
    ("saved", "no_figure", "shown"), [(True, False, True), (False, False, False), (True, True, False)]
)
def test_the_app_gives_the_picker_the_patients_setting(qtbot, monkeypatch, tmp_path, saved, no_figure, shown):  # type: ignore[no-untyped-def]
    turned: list[bool] = []
    monkeypatch.setattr(ProgrammePicker, "set_animation", lambda self, on: turned.append(on))
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"animation": saved}))
    app = App(
        Options(lang="en", data_dir=data, figure=not no_figure),
        sound=lambda: (SilentTonePlayer(), SilentSpeaker()),
    )
    qtbot.addWidget(app.window)
    assert turned == [shown]
    app.flow.animation.emit(not shown)  # turned in a session: the picker follows
    assert turned == [shown, not shown]


def test_the_first_exercise_of_the_session_not_the_daily_walk(qtbot, tmp_path, seconds, si_blokkade):
    picker = ProgrammePicker(data_dir=tmp_path / "data", lang="en")
    qtbot.addWidget(picker)
    picker.select(si_blokkade)  # the bundled figures: the walk is a daily activity, apart from the list
    assert picker.preview.exercise is not None and picker.preview.exercise.id == "knieen-opzij"
