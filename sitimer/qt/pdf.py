"""Printing a laid-out document to an A4 PDF: the therapist's report and the patient's handout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def print_a4(document: QTextDocument, out: Path, title: str, margin_mm: float = 15.0) -> None:
    """Write ``document`` to ``out`` as an A4 portrait PDF at 300 dpi."""
    writer = QPdfWriter(str(out))
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
