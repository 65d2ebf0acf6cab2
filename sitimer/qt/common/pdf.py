"""Printing a laid-out document to an A4 PDF: the therapist's report and the patient's handout."""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from sitimer.core.history.export import replacing
from sitimer.core.paths import resources_dir

PDF_FAMILY = "DejaVu Sans"
# Bundled (resources/fonts, from Debian's fonts-dejavu-core; LICENSE-DejaVu.txt beside them), so a
# machine without DejaVu (Windows, macOS, a bare Linux) prints the handout and report the same.
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
_loaded: list[str] = []
# Inside this, QTextDocument.print_ adds 2 cm of its own: 25 mm in all, a letter's margins. (It was
# 15 mm and 17 mm, 35-37 mm in all: a column of 136 mm, a handout of 4 exercises over 3 pages.)
MARGIN_MM = 5.0  # the font files added to Qt's database, once each


def load_bundled_fonts() -> list[str]:
    """Add the bundled DejaVu Sans to Qt's fonts (once; needs the QGuiApplication); the files added."""
    for name in FONT_FILES:
        if (
            name not in _loaded
            and QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name)) >= 0
        ):
            _loaded.append(name)
    return list(_loaded)


def pdf_font(point_size: float) -> QFont:
    """The handout's and report's font, DejaVu Sans as bundled, at ``point_size``."""
    load_bundled_fonts()
    font = QFont(PDF_FAMILY)
    font.setPointSizeF(point_size)
    return font


def html_lines(text: str) -> str:
    """``text`` escaped for the document's HTML, its own line breaks kept (a programme's
    instructions written line by line, a patient's note of three lines)."""
    return "<br>".join(html.escape(line) for line in text.strip().splitlines())


def print_a4(
    document: QTextDocument,
    out: str | os.PathLike[str],
    title: str,
    margin_mm: float = MARGIN_MM,
    *,
    private: bool = True,
) -> None:
    """Write ``document`` to ``out`` as an A4 portrait PDF at 300 dpi, whole or not at all.

    ``private`` (a patient's data): readable by its owner only. ExportError says why it was not written.
    """
    load_bundled_fonts()
    with replacing(out, private=private) as tmp:
        file = QFile(str(tmp))
        if not file.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
            raise OSError(0, file.errorString())
        writer = QPdfWriter(file)
        writer.setTitle(title)
        writer.setCreator("sitimer")
        margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
        writer.setPageLayout(layout)
        writer.setResolution(300)
        document.print_(writer)
        del writer
        file.close()  # a write that failed (a full disk) shows here; its reason is known after closing
        if file.error() != QFile.FileError.NoError:
            raise OSError(0, file.errorString())
        if not _complete(tmp):
            raise OSError(0, "the PDF came out incomplete")


def _complete(path: Path) -> bool:
    """Whether ``path`` holds a PDF from its header to its end-of-file mark."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(5)
        handle.seek(max(0, size - 32))
        tail = handle.read()
    return head == b"%PDF-" and b"%%EOF" in tail
