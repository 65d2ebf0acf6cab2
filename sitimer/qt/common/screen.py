"""Placing a window on the screen: fitted to the free area, or full screen on a chosen screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The most a window manager's title bar and borders take (openbox, GNOME, KDE, Xfce, Windows 11).
FRAME_ROOM = QSize(16, 64)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open ``window`` at ``width`` × ``height`` when that fits the screen's free area with a title bar
    and borders around it; maximised otherwise, so the window manager fits it, title bar included, and
    the bottom row of buttons stays on a 1280×720 or 1366×768 screen. Call before showing."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        window.resize(width, height)  # no window manager to fit: drawn at the size asked (tests, screenshots)
        return
    available = window.screen().availableGeometry()
    room = available.size() - FRAME_ROOM
    window.resize(min(width, available.width()), min(height, available.height()))  # also the size restored to
    if width > room.width() or height > room.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def show_on(window: QWidget, screen: int) -> None:
    """Show ``window`` full screen on screen number ``screen`` (0 is the first)."""
    screens = QGuiApplication.screens()
    if not screens:
        return
    target = screens[min(max(screen, 0), len(screens) - 1)]
    window.showNormal()
    window.setScreen(target)
    window.move(target.geometry().topLeft())
    window.showFullScreen()
