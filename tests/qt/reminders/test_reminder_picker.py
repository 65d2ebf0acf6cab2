"""Issue 18, 7: a patient's copy of a bundled programme is told apart from the bundled one in the list."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from sitimer.qt.picker.entry_delegate import PATH_ROLE
from sitimer.qt.picker.picker import ProgrammePicker


def test_the_patients_copy_says_it_is_theirs(tmp_path: Path, si_gewricht: Path, qtbot: QtBot) -> None:
    own = tmp_path / "data" / "programmes"
    own.mkdir(parents=True)
    copy = own / "si-gewricht.yaml"
    shutil.copy(si_gewricht, copy)
    picker = ProgrammePicker(data_dir=tmp_path / "data", lang="en")
    qtbot.addWidget(picker)
    titles = {
        Path(picker.list.item(i).data(PATH_ROLE)): picker.list.item(i).text().split("\n")[0]
        for i in range(picker.list.count())
        if picker.list.item(i).data(PATH_ROLE)
    }
    assert titles[si_gewricht.resolve()] == "SI joint: mobilising exercises"
    assert titles[copy.resolve()] == "SI joint: mobilising exercises (your copy)"
    picker.select(copy)
    assert picker.title_label.text() == "SI joint: mobilising exercises (your copy)"
