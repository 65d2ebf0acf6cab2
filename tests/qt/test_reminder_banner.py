"""The in-window reminder: over the top of the window, a button per action, gone once answered."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sitimer.qt.reminder_banner import attach


def test_banner_shows_the_actions_and_says_which_was_chosen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    banner = attach(window)
    assert not banner.isVisible()

    banner.show_reminder("Time for your exercises", (("start-now", "Start now"), ("not-today", "Not today")))
    assert banner.isVisible() and banner.y() == 12 and banner.width() == 1100
    assert sorted(b.text() for b in banner.findChildren(QPushButton)) == ["Not today", "Start now", "✕"]

    with qtbot.waitSignal(banner.chosen) as chosen:
        next(b for b in banner.findChildren(QPushButton) if b.text() == "Start now").click()
    assert chosen.args == ["start-now"] and not banner.isVisible()

    banner.show_reminder("Again", (("start-now", "Start now"),))
    assert sorted(b.text() for b in banner.findChildren(QPushButton)) == ["Start now", "✕"]
    window.resize(800, 450)
    assert banner.width() == 800 - 32
