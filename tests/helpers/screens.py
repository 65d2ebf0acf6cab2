"""A screen as the app shows it (theme and translation), and whether each button shows its whole label."""

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from sitimer.qt.common import style
from sitimer.qt.common.translation import install_translator

SIZES = [(1280, 800), (1024, 768), (1280, 720)]  # a laptop, an old 4:3 screen, a small laptop


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
