"""Placing a window on the screen: fitted to the free area, as it was left, or full screen on a
chosen screen."""

from __future__ import annotations

import binascii
import os

from PySide6.QtCore import QByteArray, QSize, Qt
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


def bring_forward(window: QWidget, token: str | None = None) -> None:
    """Show ``window`` (minimised or hidden too), in front, with the keyboard.

    ``token`` is the desktop's activation token for the click that asked for it (a launcher's, a
    notification's). On Wayland, Qt hands ``XDG_ACTIVATION_TOKEN`` to the compositor as the window is
    shown or activated; without it GNOME leaves the window behind the others and only says "sitimer
    is ready". What Qt did not use is taken away again, so no program started later inherits it."""
    if token and QGuiApplication.platformName().startswith("wayland"):
        os.environ["XDG_ACTIVATION_TOKEN"] = token
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    os.environ.pop("XDG_ACTIVATION_TOKEN", None)


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


def window_place(window: QWidget) -> str:
    """The window's size, place, screen and state (maximised, full screen) as text to keep."""
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")


def restore_place(window: QWidget, place: str) -> bool:
    """Put ``window`` as :func:`window_place` found it; False (and nothing changed) when ``place``
    is not such text. Qt keeps it on a screen there now (one unplugged since, a smaller one).
    Call before showing."""
    try:
        data = binascii.a2b_base64(place.encode("ascii"), strict_mode=True)
    except (binascii.Error, UnicodeEncodeError):
        return False
    return bool(data) and window.restoreGeometry(QByteArray(data))
