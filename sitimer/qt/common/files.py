"""Asking where to save or what to open: the system's file dialog, or Qt's own made roomy.

Where the desktop offers no file dialog of its own (a plain window manager, the kiosk's), Qt
draws one at its own small size, which sitimer's larger type cut down to "C…", "Groott" and
"Datum gew". Here Qt's dialog opens at most of the window's size, its places wide enough to
read; a desktop's own dialog is left as the desktop makes it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QSplitter, QTreeView, QWidget

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
