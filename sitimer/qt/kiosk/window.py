"""The kiosk's window and its watch on input: locked full screen, idle countdown, no leaving keys.

The window is frameless, on top and full screen; it ignores close requests (Alt+F4
through the window manager, a taskbar's Close) and the chords that close windows
elsewhere (Ctrl+Q, Ctrl+W, Alt+F4, F11) until the therapist unlocks it. A window
manager's Minimise or a leave from full screen is undone at once, and when the window
loses the front or the keyboard (another window, "show desktop", another desktop) it
takes both back within a moment, without taking them from its own dialogs. The kiosk
session in resources/kiosk/ keeps the window manager from offering those in the first place.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from sitimer.core.clock import Clock
from sitimer.core.kiosk.idle import IdleDeadline
from sitimer.qt.common.screen import show_on
from sitimer.qt.common.style import picker_stylesheet
from sitimer.qt.kiosk.keypad import kiosk_scale, kiosk_stylesheet
from sitimer.qt.kiosk.pages import StartPage
from sitimer.qt.window.main_window import MainWindow

E = QEvent.Type
INPUT_EVENTS = frozenset(
    {
        E.KeyPress,
        E.MouseButtonPress,
        E.MouseButtonDblClick,
        E.MouseMove,
        E.Wheel,
        E.TouchBegin,
        E.TouchUpdate,
        E.TabletPress,
    }
)
TAKE_BACK_MS = 250  # how soon, and how often until it holds, the window takes the front back
K, M = Qt.Key, Qt.KeyboardModifier
# Keys that close or leave a window elsewhere; at the kiosk they do nothing.
LEAVING_KEYS = {
    (K.Key_F4, M.AltModifier),
    (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier),
    (K.Key_F4, M.ControlModifier),
    (K.Key_F11, M.NoModifier),  # the home window's full-screen toggle
}


def leaves(event: QKeyEvent) -> bool:
    """Whether a key event is one of the chords that would close or shrink a window."""
    chords = M.ControlModifier | M.AltModifier | M.ShiftModifier | M.MetaModifier
    modifiers = M(event.modifiers().value & chords.value)
    return (Qt.Key(event.key()), modifiers) in LEAVING_KEYS


def lock_holds() -> bool:
    """Whether the kiosk can bring itself back in front when another window opens over it.

    Under X11 it can. A Wayland compositor lets no program take the keyboard from another (a
    terminal opened over the kiosk, seen on weston, stayed there), so there the practice is
    told to use the kiosk session, which is an X session.
    """
    return not QGuiApplication.platformName().startswith("wayland")


class KioskInput(QObject):
    """The kiosk's watch on all input: any key, click or touch restarts the idle countdown,
    and the chords that close windows elsewhere are swallowed.

    The countdown is a deadline on the injected clock; one timer is aimed at it and, when it
    fires, the clock decides. While ``busy()`` (a session running) nobody is expected to touch.

    It watches the app's windows (the kiosk's and its dialogs', each ``QWindow``), where every key,
    click and touch arrives before a widget sees it, not the whole application: a filter on the
    application is handed every event of every object, including those of widgets Qt is still
    building, and PySide6 6.11 then made Python wrappers for half-built objects, which now and then
    crashed the kiosk as a patient's page opened (seen as a segfault in ``QScrollArea``'s
    constructor, in PySide's lazy type lookup).
    """

    idle = Signal()

    def __init__(
        self, clock: Clock, idle_s: float, busy: Callable[[], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.deadline = IdleDeadline(clock, idle_s)
        self.busy = busy
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._watching = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            self._watching = True
            app.focusWindowChanged.connect(self.watch_windows)  # a window shown, a dialog opened
            self.watch_windows()
        self._arm()

    def watch_windows(self) -> None:
        """Watch every window the app has now (installing again only moves the watch to the front)."""
        if self._watching:
            for window in QGuiApplication.topLevelWindows():
                window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            self.deadline.touch()
        if kind in (E.KeyPress, E.ShortcutOverride) and isinstance(event, QKeyEvent) and leaves(event):
            event.accept()  # accepted and filtered: no widget sees it
            return True
        return False

    def touch(self) -> None:
        """Count from now, as if someone had pressed a key."""
        self.deadline.touch()
        self._arm()

    def set_idle_s(self, idle_s: float) -> None:
        """A new idle time, counted from now."""
        self.deadline.set_idle_s(idle_s)
        self._arm()

    def check(self) -> None:
        """Idle when the deadline has passed with nobody busy; otherwise aim at it again."""
        if self.busy():
            self.deadline.touch()
        elif self.deadline.expired():
            self.deadline.touch()
            self.idle.emit()
        self._arm()

    def _arm(self) -> None:
        self._timer.start(max(1, math.ceil(self.deadline.remaining_s() * 1000)))

    def stop(self) -> None:
        """Stop watching (the kiosk is closing)."""
        self._timer.stop()
        if self._watching:
            self._watching = False
            app = QGuiApplication.instance()
            if isinstance(app, QGuiApplication):
                app.focusWindowChanged.disconnect(self.watch_windows)
            for window in QGuiApplication.topLevelWindows():
                window.removeEventFilter(self)


class KioskWindow(MainWindow):
    """The kiosk's one window: frameless, on top, full screen; it closes only once unlocked."""

    _guarding = False  # (read by changeEvent while the base class is still being made)
    shown = Signal()  # on the screen, its QWindow made: the input watch takes it on

    def __init__(
        self, *, data_dir: Path, lang: str, start_session: Callable[[Path], None], therapist: bool = False
    ) -> None:
        super().__init__(data_dir=data_dir, lang=lang, start_session=start_session)
        # The home window's picker lists every programme; a patient sees only their own.
        self.stack.removeWidget(self.picker)
        self.picker.deleteLater()
        self.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.start_page = StartPage()
        self.home: QWidget = self.start_page
        self.stack.addWidget(self.start_page)
        self.stack.setCurrentWidget(self.start_page)
        self.may_close = False
        self._guarding = False
        self._styled_scale = 0.0
        self._restyle()
        # While the window is not in front with the keyboard, it tries to take both back.
        self._take_back_timer = QTimer(self)
        self._take_back_timer.setInterval(TAKE_BACK_MS)
        self._take_back_timer.timeout.connect(self.take_back)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the keyboard gone from a dialog of the kiosk's, too
            app.focusWindowChanged.connect(self._focus_moved)

    def set_home(self, page: QWidget) -> None:
        """The start screen: the code keypad, or a station's Start."""
        self.stack.addWidget(page)
        self.home = page
        self.show_picker()

    def show_picker(self) -> None:
        """Back to the start screen; the page before is deleted and the code field is empty."""
        self._drop_page()
        self.start_page.clear()
        self.stack.setCurrentWidget(self.home)
        self.home.setFocus(Qt.FocusReason.OtherFocusReason)

    def select(self, path: Path) -> None:
        """A kiosk has no picker to select in."""

    def _drop_page(self) -> None:
        page = self.page
        super()._drop_page()
        if page is not None:
            page.hide()  # hidden at once; deleted when control is back in the event loop

    def lock_screen(self, screen: int | None) -> None:
        """Full screen (on ``screen``), on top, and kept so until unlocked."""
        self._guarding = True
        screens = QGuiApplication.screens()
        chosen = screens[screen] if screen is not None and 0 <= screen < len(screens) else self.screen()
        if chosen is not None and not self.isVisible():
            # As large as the screen before it is shown: styled and laid out for it from its first
            # frame. Shown at its first size and then made full screen, a restarted kiosk showed its
            # keypad cut off for 1-2 s while it was styled again.
            self.resize(chosen.geometry().size())
        if screen is not None:
            show_on(self, screen)
        else:
            self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def unlock(self) -> None:
        """The therapist's exit: the window may close now."""
        self.may_close = True
        self._guarding = False
        self._take_back_timer.stop()

    def in_front(self) -> bool:
        """Whether the kiosk (or a dialog of its own) has the keyboard, on screen and full screen."""
        handle = self.windowHandle()
        return (
            QApplication.activeWindow() is not None
            and handle is not None
            and handle.isExposed()
            and bool(self.windowState() & Qt.WindowState.WindowFullScreen)
            and not self.windowState() & Qt.WindowState.WindowMinimized
            and self._covers_screen()
        )

    def _covers_screen(self) -> bool:
        """Whether the window is as large as its screen. Openbox, minimised and brought back, gives
        the window its normal size (1280×720 on a 1920×1080 screen) with the full-screen state
        still set: the desktop and its menu beside it."""
        whole = self.screen().geometry()
        return self.width() >= whole.width() and self.height() >= whole.height()

    def take_back(self) -> None:
        """Back in front, full screen, with the keyboard: the kiosk's own dialog if one is open."""
        if not self._guarding or self.in_front():
            self._take_back_timer.stop()
            return
        modal = QApplication.activeModalWidget()  # a question, or a file dialog (maybe the system's own)
        handle = self.windowHandle()
        if self.isVisible() and handle is not None and not handle.isExposed():
            # Hidden by the window manager (show desktop, another desktop): withdrawn now and
            # mapped anew at the next try, once the window manager has let go of it (mapped at
            # once, its full-screen state could be wiped as the window manager lets go). A question
            # open over it is answered No first: sent to another desktop from the question's own
            # window menu (openbox's defaults), both stayed there, and the desktop left behind had
            # the window manager's menu with a terminal in it.
            if isinstance(modal, QDialog):
                modal.reject()
            self.hide()
            self._take_back_timer.start()
            return
        if self.windowState() & Qt.WindowState.WindowFullScreen and not self._covers_screen():
            self.setWindowState(Qt.WindowState.WindowNoState)  # full screen in name only: asked anew
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.showFullScreen()
        if modal is not None:  # it keeps the keyboard; the kiosk only comes back behind it
            modal.raise_()
            modal.activateWindow()
        else:
            self.raise_()
            self.activateWindow()
            if QApplication.focusWidget() is None and (page := self.stack.currentWidget()) is not None:
                page.setFocus(Qt.FocusReason.ActiveWindowFocusReason)  # the keypad reads the keys again
        self._take_back_timer.start()  # and again until it holds

    def _focus_moved(self) -> None:
        if self._guarding and not self.in_front() and not self._take_back_timer.isActive():
            self._take_back_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close:
            super().closeEvent(event)
        else:
            event.ignore()  # Alt+F4 under a window manager, a taskbar's Close, the session ending

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if leaves(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        state = self.windowState()
        minimised_or_windowed = not state & Qt.WindowState.WindowFullScreen or bool(
            state & Qt.WindowState.WindowMinimized
        )
        if event.type() == E.WindowStateChange and self._guarding and minimised_or_windowed:
            QTimer.singleShot(0, self.take_back)  # a window menu's Minimise, a WM key
        elif event.type() == E.ActivationChange and self._guarding and not self.isActiveWindow():
            self._focus_moved()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()
        if self._guarding and not self._covers_screen():  # made smaller, its state left full screen
            self._focus_moved()

    @property
    def page_scale(self) -> float:
        """The kiosk's pages, the questions before and after a session too, as large as its screen asks."""
        return self._styled_scale or 1.0

    def _restyle(self) -> None:
        scale = kiosk_scale(self.width(), self.height())
        if scale != self._styled_scale:
            self._styled_scale = scale
            self.setStyleSheet(picker_stylesheet() + kiosk_stylesheet(scale))
