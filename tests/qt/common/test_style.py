"""The dark theme as it is seen: ticked boxes show a tick, spin boxes their arrows, buttons their colour.

Each test grabs the widgets with the app's theme applied (as the app, the kiosk and the editor do)
and reads the pixels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QDialog,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sitimer.core.paths import bundled_programmes
from sitimer.core.programme.exercise_catalogue import catalogue
from sitimer.core.reminders.state import ReminderState
from sitimer.qt.common import style
from sitimer.qt.editor.catalogue import CatalogueDialog
from sitimer.qt.editor.window import EditorWindow
from sitimer.qt.kiosk.keypad import kiosk_scale, kiosk_stylesheet
from sitimer.qt.kiosk.therapist import Choice, ChoiceList
from sitimer.qt.reminders.settings import ReminderSettingsView


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """The app's theme, as ``apply_theme`` gives it; the test app's own look afterwards."""
    sheet, palette = qapp.styleSheet(), qapp.palette()
    style.apply_theme(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


def _shown(qtbot: QtBot, widget: QWidget, width: int = 900, height: int = 600) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


def _name(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()


def _pixels(image: QImage, rect: QRect) -> Counter[str]:
    return Counter(
        _name(image, x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def _indicator(box: QCheckBox) -> tuple[QImage, QRect]:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    return box.grab().toImage(), rect


def _tick_pixels(box: QCheckBox) -> int:
    """Pixels inside the box's square that stand out (contrast 3:1 or more) against its fill."""
    image, rect = _indicator(box)
    inner = rect.adjusted(4, 4, -4, -4)  # inside the border
    pixels = _pixels(image, inner)
    fill = pixels.most_common(1)[0][0]
    return sum(n for colour, n in pixels.items() if style.contrast(colour, fill) >= 3)


def _check_boxes(
    qtbot: QtBot, si_gewricht: Path, tmp_path: Path
) -> tuple[list[QWidget], dict[str, QCheckBox]]:
    editor = EditorWindow(si_gewricht, tmp_path / "data", "en")
    _shown(qtbot, editor, 1200, 800)
    reminders = ReminderSettingsView(ReminderState(), [], autostart_on=False, autostart_possible=True)
    _shown(qtbot, reminders)
    kiosk = QWidget()  # the therapist's page: its rows of programmes to tick, as the kiosk window styles it
    kiosk.setObjectName("kioskPage")
    kiosk.setStyleSheet(style.picker_stylesheet() + kiosk_stylesheet(kiosk_scale(1280, 800)))
    choices = ChoiceList(kiosk)
    choices.fill([Choice("si-gewricht", "SI joint")], [])
    QVBoxLayout(kiosk).addWidget(choices)
    _shown(qtbot, kiosk, 400, 200)
    boxes = {
        "editor": editor.form.enabled,
        "reminders": reminders.autostart,
        "kiosk": choices.boxes["si-gewricht"],
    }
    return [editor, reminders, kiosk], boxes


@pytest.mark.usefixtures("themed")
def test_a_ticked_box_shows_a_large_tick_everywhere(qtbot: QtBot, si_gewricht: Path, tmp_path: Path) -> None:
    _windows, boxes = _check_boxes(qtbot, si_gewricht, tmp_path)
    problems = []
    for where, box in boxes.items():
        box.setChecked(False)
        if _tick_pixels(box):
            problems.append(f"{where}: an empty box shows marks")
        box.setChecked(True)
        if (tick := _tick_pixels(box)) < 25:
            problems.append(f"{where}: a ticked box shows {tick} pixels of tick")
        _image, rect = _indicator(box)
        if min(rect.width(), rect.height()) < 20:
            problems.append(f"{where}: the box is {rect.width()} pixels, too small to see")
    assert problems == []


def _arrows_stand_out(box: QAbstractSpinBox) -> dict[str, int]:
    """For each arrow button: its pixels with a contrast of 4.5:1 or more against the button."""
    option = QStyleOptionSpinBox()
    box.initStyleOption(option)
    image = box.grab().toImage()
    found = {}
    for name, part in (("up", QStyle.SubControl.SC_SpinBoxUp), ("down", QStyle.SubControl.SC_SpinBoxDown)):
        rect = box.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, box)
        pixels = _pixels(image, rect.adjusted(2, 1, -1, -1))
        button = pixels.most_common(1)[0][0]
        found[name] = sum(n for colour, n in pixels.items() if style.contrast(colour, button) >= 4.5)
    return found


@pytest.mark.usefixtures("themed")
def test_every_spin_box_shows_its_arrows(qtbot: QtBot, si_gewricht: Path, tmp_path: Path) -> None:
    editor = EditorWindow(si_gewricht, tmp_path / "data", "en")
    _shown(qtbot, editor, 1200, 800)
    reminders = ReminderSettingsView(ReminderState(), [], autostart_on=False, autostart_possible=True)
    _shown(qtbot, reminders)
    dialog = QDialog()  # a dialog asking for a figure
    spin = QSpinBox(dialog)
    spin.setRange(0, 10)
    spin.setValue(5)
    QVBoxLayout(dialog).addWidget(spin)
    _shown(qtbot, dialog, 300, 100)
    boxes = {
        "editor sets": editor.form.sets,
        "quiet hours": reminders.quiet_start,
        "dialog": spin,
    }
    faint = {
        where: arrows for where, box in boxes.items() if min((arrows := _arrows_stand_out(box)).values()) < 12
    }
    assert faint == {}


@pytest.mark.usefixtures("themed")
def test_the_catalogues_add_button_is_green_like_the_editors_other_main_buttons(
    qtbot: QtBot, si_gewricht: Path, tmp_path: Path
) -> None:
    editor = EditorWindow(si_gewricht, tmp_path / "data", "en")
    _shown(qtbot, editor, 1200, 800)
    dialog = CatalogueDialog(catalogue(bundled_programmes()), "en", editor)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    _shown(qtbot, dialog, 860, 520)
    image = dialog.add_button.grab().toImage()
    assert _name(image, 12, image.height() // 2) == style.OKABE_ITO["bluish_green"].lower()
    save = editor.save_button.grab().toImage()
    assert _name(save, 12, save.height() // 2) == _name(image, 12, image.height() // 2)


def test_a_dialogs_buttons_show_their_whole_words_in_dutch(qtbot: QtBot, qapp: QApplication) -> None:
    """A minimum width in the dialogs' style sheet let a message box squeeze "Verwerpen" and "Annuleren"."""
    from PySide6.QtWidgets import QMessageBox

    from tests.helpers.screens import as_the_app_runs, cut_buttons

    with as_the_app_runs(qapp, "nl"):
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question, "?", "Opslaan?", buttons.Save | buttons.Discard | buttons.Cancel
        )
        qtbot.addWidget(box)
        box.show()
        assert {b.text() for b in box.buttons()} == {"Opslaan", "Verwerpen", "Annuleren"}
        assert cut_buttons(box) == []


def test_the_windows_carry_sitimers_icon(qapp):
    """No window icon was set: openbox, Xfce and Alt+Tab showed a blank window for sitimer."""
    from sitimer.qt.common.startup import application

    app = application("en")
    assert not app.windowIcon().pixmap(48, 48).isNull()
    assert app.desktopFileName() == "sitimer"
