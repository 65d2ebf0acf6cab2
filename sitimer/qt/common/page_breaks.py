"""Keep what belongs together on one page: a handout's exercise with its pictures, a report's
heading with its table or chart.

QTextDocument breaks pages wherever a line ends, so an exercise's pictures could land on the next
page, away from their words, and a report's heading stay alone at the foot of a page. Here the
document is laid out as ``QTextDocument.print_`` lays it out for the PDF (a copy on the same page
size, with the 2 cm margins print_ adds), and a part that would cross a page starts on the next page
instead, when it fits on one page.

A part begins at a level-3 heading (an exercise's name, a report's table heading) and ends at the
next heading; the first part after a section's heading (levels 1 and 2) begins at that heading.
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
A4_WIDTH_MM = 210.0


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


def text_width_px(margin_mm: float) -> int:
    """The width of an A4 page's text column in the document's own pixels (as an ``<img width>``
    is read when printed): the page less ``margin_mm`` and print_'s 2 cm on each side."""
    column_mm = A4_WIDTH_MM - 2 * (margin_mm + PRINT_MARGIN_CM * 10)
    return int(column_mm / 25.4 * _screen_dpi())


def _starts(block: QTextBlock) -> bool:
    """Whether ``block`` begins a part (a level-3 heading)."""
    return block.blockFormat().headingLevel() == 3


def _ends(block: QTextBlock) -> bool:
    """Whether ``block`` ends the part before it: any heading (the closing note stays with the last)."""
    return block.blockFormat().headingLevel() in (1, 2, 3)


def _parts(document: QTextDocument) -> list[tuple[int, int]]:
    """Each part as (first block number, last block number); the first part of a section starts
    at the section's heading, so no heading is left alone at the foot of a page."""
    spans: list[tuple[int, int]] = []
    block = document.begin()
    first: int | None = None
    section: int | None = None  # a section heading (and its notes) waiting for its first part
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


def _extent(copy: QTextDocument, number: int) -> tuple[float, float]:
    """Where block ``number``'s lines begin and end on the laid-out pages. Its bounding rectangle
    does not say: a line the layout carried over to the next page keeps its place in the block's
    layout, moved down (a paragraph at a page's foot read as ending on that page, though it was
    printed on the next)."""
    block = copy.findBlockByNumber(number)
    rect = copy.documentLayout().blockBoundingRect(block)
    lines = [block.layout().lineAt(i) for i in range(block.layout().lineCount())]
    if not lines:
        return rect.top(), rect.bottom()
    first, last = lines[0], lines[-1]
    return rect.top() + first.y(), max(rect.bottom(), rect.top() + last.y() + last.height())


def _crosses(copy: QTextDocument, page_h: float, span: tuple[int, int]) -> bool:
    """Whether the part crosses a page and would fit on one."""
    top = _extent(copy, span[0])[0]
    bottom = _extent(copy, span[1])[1]
    return bottom - top < page_h * 0.9 and int(top // page_h) != int((bottom - 1) // page_h)


def _break_before(document: QTextDocument, number: int) -> None:
    policy = QTextBlockFormat()
    policy.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    block = document.findBlockByNumber(number)
    QTextCursor(block).mergeBlockFormat(policy)
    # laid out again from here on: the layout alone moved the block down, not what follows it
    document.markContentsDirty(block.position(), document.characterCount() - block.position())


def keep_parts_whole(document: QTextDocument, margin_mm: float, dpi: int = 300) -> None:
    """Put a page break before every part that would otherwise be split over two pages.

    One pass, first part to last: a break moves only what comes after it, so each part is looked
    at once, in a copy laid out again from the break on (a handout of 90 exercises, a report of
    many weeks).
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, margin_mm, dpi)
    copy = document.clone()
    copy.documentLayout().setPaintDevice(writer)
    frame = copy.rootFrame().frameFormat()
    margin = int(PRINT_MARGIN_CM / 2.54 * _screen_dpi())  # as print_ gives it; the layout scales it
    for side in (frame.setLeftMargin, frame.setRightMargin, frame.setTopMargin, frame.setBottomMargin):
        side(margin)
    copy.rootFrame().setFrameFormat(frame)
    copy.setPageSize(writer.pageLayout().paintRectPixels(dpi).size().toSizeF())
    page_h = copy.pageSize().height()
    for span in _parts(document):
        if _crosses(copy, page_h, span):
            _break_before(copy, span[0])
            _break_before(document, span[0])
