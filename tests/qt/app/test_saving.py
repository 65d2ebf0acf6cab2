"""Saving from the home window: the handout, a programme's file, the report. Each says where the
file went, and a PDF or CSV opens from there in the system's program for it."""

import json
import os
import sys
import time

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from sitimer.core.options import Options
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.common import files


class Viewer(QObject):
    """Stands in for the desktop's PDF viewer: the URLs Qt hands it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def viewer(monkeypatch):
    monkeypatch.setattr(files, "no_program_for", lambda _path: False)  # a desktop that has one
    monkeypatch.setattr(files, "_xdg_open", lambda _path: False)  # through Qt, to this handler
    handler = Viewer()
    QDesktopServices.setUrlHandler("file", handler, "show")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture(autouse=True)
def no_box_left_open():
    """Each "Saved" box is window-modal: one left open by a test would take the keys of every window
    a later test makes (a kiosk's Esc was lost so, run after these)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.done(0)


def _app(qtbot, tmp_path, monkeypatch, out):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False}))
    monkeypatch.setattr(files, "save_file_name", lambda *a, **kw: out)
    app = App(Options(lang="en", data_dir=data), sound=lambda: (SilentTonePlayer(), SilentSpeaker()))
    qtbot.addWidget(app.window)
    return app


def _told(app) -> QMessageBox:
    [box] = [b for b in app.window.findChildren(QMessageBox) if b.isVisible()]
    return box


def _button(box: QMessageBox, text: str):
    found = [b for b in box.buttons() if b.text() == text]
    return found[0] if found else None


def test_a_saved_handout_says_where_it_is_and_opens_in_the_pdf_viewer(
    qtbot, tmp_path, monkeypatch, si_gewricht, viewer
):
    out = tmp_path / "papers" / "handout.pdf"
    out.parent.mkdir()
    app = _app(qtbot, tmp_path, monkeypatch, out)
    app.save_handout(si_gewricht)
    assert out.read_bytes().startswith(b"%PDF-")
    box = _told(app)
    assert box.text() == f"Saved: handout.pdf\nIn the folder {out.parent}"
    assert viewer.opened == []  # only when asked
    _button(box, "Open").click()
    assert viewer.opened == [QUrl.fromLocalFile(str(out))]
    qtbot.waitUntil(lambda: not box.isVisible())


def test_with_no_program_for_pdfs_it_says_where_the_file_is(qtbot, tmp_path, monkeypatch, si_gewricht):
    out = tmp_path / "handout.pdf"
    app = _app(qtbot, tmp_path, monkeypatch, out)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # as without xdg-open
    monkeypatch.setattr(files, "_xdg_open", lambda _path: False)
    app.save_handout(si_gewricht)
    _button(_told(app), "Open").click()
    assert warned == [f"No program on this computer opens handout.pdf. It is saved in the folder {tmp_path}."]


def test_a_programme_copied_for_the_patient_is_said_but_not_offered_to_open(
    qtbot, tmp_path, monkeypatch, si_gewricht, viewer
):
    out = tmp_path / "for-the-patient.yaml"
    app = _app(qtbot, tmp_path, monkeypatch, out)
    offered: list[tuple[str, str]] = []
    monkeypatch.setattr(
        files, "save_file_name", lambda _p, _t, start, pattern: offered.append((start.name, pattern)) or out
    )
    app.save_programme(si_gewricht)
    # the name the package opens in sitimer with a double-click (README, docs/packaging.md)
    assert offered == [("si-gewricht.sitimer.yaml", "Programmes (*.yaml *.yml)")]
    assert out.read_bytes() == si_gewricht.read_bytes()
    box = _told(app)
    assert box.text().startswith("Saved: for-the-patient.yaml\n") and _button(box, "Open") is None
    box.button(QMessageBox.StandardButton.Close).click()
    assert viewer.opened == []


def test_a_cancelled_or_failed_save_says_no_saved(qtbot, tmp_path, monkeypatch, si_gewricht):
    app = _app(qtbot, tmp_path, monkeypatch, None)  # the dialog cancelled
    app.save_handout(si_gewricht)
    assert app.window.findChildren(QMessageBox) == []
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    monkeypatch.setattr(files, "save_file_name", lambda *a, **kw: tmp_path / "no-folder" / "x.pdf")
    app.save_handout(si_gewricht)
    assert len(warned) == 1 and "no-folder" in warned[0]
    assert [b for b in app.window.findChildren(QMessageBox) if b.isVisible()] == []


def test_the_patients_csv_opens_in_their_spreadsheet(qtbot, tmp_path, monkeypatch, viewer):
    out = tmp_path / "sitimer-history.csv"
    app = _app(qtbot, tmp_path, monkeypatch, out)
    app._export(app.history(), "csv")
    assert out.read_text().startswith("session_id")
    _button(_told(app), "Open").click()
    assert viewer.opened == [QUrl.fromLocalFile(str(out))]


def test_saved_is_said_in_dutch(qtbot, qapp, tmp_path, monkeypatch, si_gewricht):
    from sitimer.qt.common.translation import install_translator

    out = tmp_path / "oefenschema.pdf"
    translator = install_translator(qapp, "nl")
    try:
        app = _app(qtbot, tmp_path, monkeypatch, out)
        app.save_handout(si_gewricht)
        box = _told(app)
        assert box.text() == f"Opgeslagen: oefenschema.pdf\nIn de map {tmp_path}"
        assert _button(box, "Openen") is not None
        assert box.button(QMessageBox.StandardButton.Close).text() == "Sluiten"
    finally:
        QApplication.instance().removeTranslator(translator)


@pytest.mark.parametrize(("default", "none"), [("", True), ("mupdf.desktop", False)])
def test_whether_the_desktop_has_a_program_is_asked_of_xdg_mime(tmp_path, monkeypatch, default, none):
    """Qt's openUrl says yes once xdg-open is started, also when xdg-open then finds no program:
    Open closed the box with nothing opened and nothing said (seen without a PDF viewer)."""
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "xdg-mime"
    answers = {"filetype": "application/pdf", "default": default}
    fake.write_text(
        "#!/bin/sh\n" + "".join(f'[ "$2" = {k} ] && echo "{v}"\n' for k, v in answers.items()) + "exit 0\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:{os.environ['PATH']}")
    assert files.no_program_for(tmp_path / "handout.pdf") is none


def test_with_no_program_named_by_the_desktop_open_says_where_the_file_is(
    qtbot, tmp_path, monkeypatch, si_gewricht
):
    out = tmp_path / "handout.pdf"
    app = _app(qtbot, tmp_path, monkeypatch, out)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    monkeypatch.setattr(files, "no_program_for", lambda _path: True)
    tried = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: tried.append(url) or True)  # xdg-open starts
    app.save_handout(si_gewricht)
    _button(_told(app), "Open").click()
    assert (
        tried == []
        and len(warned) == 1
        and warned[0].startswith("No program on this computer opens handout.pdf")
    )


def test_the_viewer_opened_writes_nothing_into_sitimers_log(tmp_path, monkeypatch, capfd):
    """The PDF viewer inherited sitimer's stderr, which is the log: its "warning: ICC support is not
    available" and "Terminated" stood in sitimer.log as if sitimer had said them."""
    tools = tmp_path / "bin"
    tools.mkdir()
    opened = tmp_path / "opened"
    fake = tools / "xdg-open"
    fake.write_text(f'#!/bin/sh\necho "warning: ICC support is not available" >&2\necho "$1" > {opened}\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:{os.environ['PATH']}")
    monkeypatch.setattr(sys, "platform", "linux")
    pdf = tmp_path / "handout.pdf"
    assert files._xdg_open(pdf)
    deadline = time.monotonic() + 10
    while not opened.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert opened.read_text().strip() == str(pdf)
    assert "ICC" not in capfd.readouterr().err
