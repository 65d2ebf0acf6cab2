"""Asking where to save or what to open, and saying where a file went.

The file dialog is the system's, or Qt's own made roomy.

Where the desktop offers no file dialog of its own (a plain window manager, the kiosk's), Qt
draws one at its own small size, which sitimer's larger type cut down to "C…", "Groott" and
"Datum gew". Here Qt's dialog opens at most of the window's size, its places wide enough to
read; a desktop's own dialog is left as the desktop makes it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QSplitter,
    QTreeView,
    QWidget,
)

# Qt's own dialog: at most this big, and at most this share of the window it opens over.
LARGEST = (1100, 680)
SHARE = 0.85
PLACES_WIDTH = 220  # the side list ("Computer", the home folder), in pixels


def save_file_name(parent: QWidget, title: str, suggested: Path, pattern: str) -> Path | None:
    """Where to save, ``suggested`` offered first; None when cancelled."""
    dialog = QFileDialog(parent, title, str(suggested.parent), pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(suggested.name)
    return _ask(dialog, parent)


def open_file_name(parent: QWidget, title: str, folder: Path, pattern: str) -> Path | None:
    """An existing file to open, looked for in ``folder`` first; None when cancelled."""
    dialog = QFileDialog(parent, title, str(folder), pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _ask(dialog, parent)


def _ask(dialog: QFileDialog, parent: QWidget) -> Path | None:
    roomy(dialog, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


def roomy(dialog: QFileDialog, parent: QWidget) -> None:
    """Qt's own dialog at most of the window's size, its places and columns wide enough to read."""
    window = parent.window()
    width = min(LARGEST[0], int(window.width() * SHARE))
    height = min(LARGEST[1], int(window.height() * SHARE))
    dialog.resize(max(width, dialog.sizeHint().width()), max(height, dialog.sizeHint().height()))
    splitter = dialog.findChild(QSplitter, "splitter")
    if splitter is not None and splitter.count() == 2:  # Qt's own: the places, then the files
        splitter.setSizes([PLACES_WIDTH, dialog.width() - PLACES_WIDTH])
    files = dialog.findChild(QTreeView, "treeView")
    if files is not None:
        header = files.header()
        for column in range(1, header.count()):  # size, type, date: whole; the name takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


def tell_saved(parent: QWidget, title: str, path: Path, *, openable: bool = True) -> QMessageBox:
    """Say that ``path`` was saved and in which folder; where ``openable``, offer to open it
    in the program the system has for it (a PDF viewer, to print the handout from).

    Without it the save dialog just closed: nothing said the file was there, or where. The box
    is window-modal and does not wait; it deletes itself once closed.
    """
    # One text, not a text and an "informative text": Qt wraps the latter to the former's width,
    # which broke a short folder's name in two ("/tmp/" above "tmpor67cq9u").
    said = (_tr("Saved: {0}").format(path.name), _tr("In the folder {0}").format(path.parent))
    box = QMessageBox(QMessageBox.Icon.Information, title, "\n".join(said), parent=parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if openable:
        box.addButton(_tr("Open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def clicked(button: QAbstractButton) -> None:
        # By role, not by identity: a signal's button may be another Python object for the same one.
        if box.buttonRole(button) is QMessageBox.ButtonRole.AcceptRole:
            open_file(parent, title, path)

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def open_file(parent: QWidget, title: str, path: Path) -> bool:
    """Open ``path`` in the system's program for it; say so where there is none."""
    if not no_program_for(path) and (
        _xdg_open(path) or QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    ):
        return True
    text = _tr("No program on this computer opens {0}. It is saved in the folder {1}.")
    QMessageBox.warning(parent, title, text.format(path.name, path.parent))
    return False


def _xdg_open(path: Path) -> bool:
    """Linux: ``xdg-open path`` in a session of its own, its output to nowhere; False where there is
    no xdg-open. Qt's openUrl starts it with sitimer's stderr, which is the log: the PDF viewer's own
    lines ("warning: ICC support is not available", "Terminated") went into sitimer.log as if
    sitimer had written them."""
    opener = shutil.which("xdg-open") if sys.platform.startswith("linux") else None
    if opener is None:
        return False
    try:
        subprocess.Popen(
            [opener, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    return True


def no_program_for(path: Path, wait_s: float = 3.0) -> bool:
    """Whether the desktop surely has no program for ``path``'s type (Linux: ``xdg-mime`` names
    none). Qt's openUrl only starts xdg-open and says yes; xdg-open then failed on its own ("no
    method available"), and Open after saving closed the box with nothing opened and nothing said.
    Where it cannot be asked, the answer is no: Qt tries."""
    if not sys.platform.startswith("linux") or shutil.which("xdg-mime") is None:
        return False
    try:
        ask = ["xdg-mime", "query", "filetype", str(path)]
        kind = subprocess.run(ask, capture_output=True, text=True, timeout=wait_s).stdout.strip()
        if not kind:
            return False
        ask = ["xdg-mime", "query", "default", kind.split(";")[0]]
        found = subprocess.run(ask, capture_output=True, text=True, timeout=wait_s)
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and not found.stdout.strip()
