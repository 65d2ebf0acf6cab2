"""Keep each exercise of the handout on one page: its name, dose, instructions and pictures together.

QTextDocument breaks pages wherever a line ends, so an exercise's pictures could land on the next
page, away from their words. Here the document is laid out as ``QTextDocument.print_`` lays it out
for the PDF (a copy on the same page size, with the 2 cm margins print_ adds), and an exercise that
would cross a page starts on the next page instead, when it fits on one page.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

PRINT_MARGIN_CM = 2.0  # what QTextDocument.print_ adds inside the page's margins (qtextdocument.cpp)
ROUNDS = 20  # each round moves one exercise; a handout has fewer


def _writer(buffer: QBuffer, margin_mm: float, dpi: int) -> QPdfWriter:
    """A PDF writer set up as :func:`sitimer.qt.common.pdf.print_a4` sets up its own."""
    writer = QPdfWriter(buffer)
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(dpi)
    return writer


def _screen_dpi() -> float:
    """The dots per inch print_ takes the document to be in (Qt's qt_defaultDpiX)."""
    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInchX()) if screen is not None else 100


def _starts(block: QTextBlock) -> bool:
    """Whether ``block`` is an exercise's name (a level-3 heading)."""
    return block.blockFormat().headingLevel() == 3


def _ends(block: QTextBlock) -> bool:
    """Whether ``block`` ends the exercise before it: any heading (the closing note stays with the last)."""
    return block.blockFormat().headingLevel() in (1, 2, 3)


def _exercises(document: QTextDocument) -> list[tuple[int, int]]:
    """Each exercise as (first block number, last block number); the first exercise of a section
    starts at the section's heading, so no heading is left alone at the foot of a page."""
    spans: list[tuple[int, int]] = []
    block = document.begin()
    first: int | None = None
    section: int | None = None  # a section heading (and its notes) waiting for its first exercise
    last = 0
    while block.isValid():
        if first is not None and _ends(block):
            spans.append((first, last))
            first = None
        if block.blockFormat().headingLevel() in (1, 2):
            section = block.blockNumber()
        elif _starts(block):
            first = block.blockNumber() if section is None else section
            section = None
        last = block.blockNumber()
        block = block.next()
    if first is not None:
        spans.append((first, last))
    return spans


def _crossing(copy: QTextDocument, page_h: float, spans: list[tuple[int, int]]) -> int | None:
    """The first block of the first exercise that crosses a page and would fit on one."""
    layout = copy.documentLayout()
    for first, last in spans:
        top = layout.blockBoundingRect(copy.findBlockByNumber(first)).top()
        bottom = layout.blockBoundingRect(copy.findBlockByNumber(last)).bottom()
        if bottom - top < page_h * 0.9 and int(top // page_h) != int((bottom - 1) // page_h):
            return first
    return None


def keep_exercises_whole(document: QTextDocument, margin_mm: float, dpi: int = 300) -> None:
    """Put a page break before every exercise that would otherwise be split over two pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, margin_mm, dpi)
    spans = _exercises(document)
    for _ in range(ROUNDS):
        copy = document.clone()
        copy.documentLayout().setPaintDevice(writer)
        frame = copy.rootFrame().frameFormat()
        margin = int(PRINT_MARGIN_CM / 2.54 * _screen_dpi())  # as print_ gives it; the layout scales it
        for side in (frame.setLeftMargin, frame.setRightMargin, frame.setTopMargin, frame.setBottomMargin):
            side(margin)
        copy.rootFrame().setFrameFormat(frame)
        copy.setPageSize(writer.pageLayout().paintRectPixels(dpi).size().toSizeF())
        page_h = copy.pageSize().height()
        moved = _crossing(copy, page_h, spans)
        if moved is None:
            return
        block = document.findBlockByNumber(moved)
        policy = QTextBlockFormat()
        policy.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).mergeBlockFormat(policy)
