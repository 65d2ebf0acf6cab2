"""The in-window reminder: a bar above the page, a button per action, gone once answered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sitimer.qt.reminders.banner import attach
from sitimer.qt.window.main_window import MainWindow


def test_banner_shows_the_actions_above_the_page_and_says_which_was_chosen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(data_dir=tmp_path, lang="en", start_session=lambda _path: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    banner = attach(window)
    assert not banner.isVisible()
    page = window.picker

    def page_top() -> int:
        return page.mapTo(window, QPoint(0, 0)).y()

    assert page_top() == 0
    banner.show_reminder("Time for your exercises", (("start-now", "Start now"), ("not-today", "Not today")))
    assert sorted(b.text() for b in banner.findChildren(QPushButton)) == ["Not today", "Start now", "✕"]
    # the page moves down under the banner: its heading stays whole and visible
    qtbot.waitUntil(lambda: page_top() > banner.geometry().bottom())
    assert banner.isVisible() and banner.width() == window.width()

    with qtbot.waitSignal(banner.chosen) as chosen:
        next(b for b in banner.findChildren(QPushButton) if b.text() == "Start now").click()
    assert chosen.args == ["start-now"] and not banner.isVisible()
    qtbot.waitUntil(lambda: page_top() == 0)  # the room is given back

    banner.show_reminder("Again", (("start-now", "Start now"),))
    assert sorted(b.text() for b in banner.findChildren(QPushButton)) == ["Start now", "✕"]
