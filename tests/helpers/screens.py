"""A screen as the app shows it (theme and translation), and whether each button shows its whole label."""

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRect, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from sitimer.qt.common import style
from sitimer.qt.common.translation import install_translator

SIZES = [(1280, 800), (1024, 768), (1280, 720)]  # a laptop, an old 4:3 screen, a small laptop
# What a window gets on a small laptop's screen, less the desktop's panel and the title bar:
# 1280×720 under GNOME or weston (Wayland), 1024×600 a netbook's.
SHORT_SIZES = [(1280, 650), (1024, 600)]
# Large text: 1366×768 at 150 % and 1024×768 at 125 % (Qt's scale factor), less a panel and a title bar.
LARGE_TEXT_SIZES = [(911, 470), (819, 570)]


@contextmanager
def as_the_app_runs(qapp: QApplication, lang: str) -> Iterator[None]:
    """The app's theme (its dialogs' style sheet too) and ``lang``'s translation, as start-up gives
    them; afterwards the test app's own look, in English."""
    sheet, palette = qapp.styleSheet(), qapp.palette()
    before = set(qapp.findChildren(QTranslator))
    install_translator(qapp, lang)
    style.apply_theme(qapp)
    try:
        yield
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:  # sitimer's and Qt's own words
            qapp.removeTranslator(translator)
            translator.deleteLater()
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)


def cut_buttons(widget: QWidget) -> list[str]:
    """The visible buttons in ``widget`` narrower or lower than their label needs, with their sizes."""
    QApplication.processEvents()
    cut = []
    for button in widget.findChildren(QPushButton):
        has, needs = button.size(), button.sizeHint()
        if button.isVisible() and (has.width() < needs.width() or has.height() < needs.height()):
            cut.append(f"'{button.text()}': {has.width()}×{has.height()} < {needs.width()}×{needs.height()}")
    return cut


def overlapping(page: QWidget) -> list[str]:
    """Texts, buttons and fields on ``page`` drawn over each other, or a wrapped text given fewer
    lines than it needs: what a page squeezed below the height it needs shows."""
    QApplication.processEvents()
    kinds, window = QLabel | QAbstractButton | QLineEdit, page.window()
    shown = [w for w in page.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()]
    shown = [w for w in shown if w.window() is window]
    found = []
    places = {w: _place(w) for w in shown}
    for i, one in enumerate(shown):
        for other in shown[i + 1 :]:
            if one.isAncestorOf(other) or other.isAncestorOf(one):
                continue
            if places[one].intersects(places[other]):
                found.append(f"{_name(one)} over {_name(other)}")
        if isinstance(one, QLabel) and one.wordWrap() and one.height() < one.heightForWidth(one.width()):
            found.append(f"{_name(one)}: {one.height()} px high, needs {one.heightForWidth(one.width())}")
    return found


def _place(widget: QWidget) -> QRect:
    """Where ``widget`` is in its window, as far as it is not scrolled out of a scroll area's view."""
    window = widget.window()
    place = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea):  # parent is the area's viewport
            place &= QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        parent = parent.parentWidget()
    return place


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) else ""
    return f"{type(widget).__name__} '{text or widget.objectName()}'"
