"""MainWindow: the programme picker, or one page in its place (a session, the questions after, progress)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from sitimer.qt.common import style
from sitimer.qt.common.screen import fit_to_screen
from sitimer.qt.picker.picker import ProgrammePicker


class MainWindow(QMainWindow):
    """One window: the picker, or one page the app hands it (a session, the questions after, progress)."""

    first_painted = Signal()  # the window is on the screen: the rest of start-up can follow
    painted = False  # the window has been on the screen (painted once)
    file_opened = Signal(str)  # a programme file handed over by the system (macOS's Finder), for the app

    def __init__(
        self, *, data_dir: Path, lang: str, start_session: Callable[[Path], None], therapist: bool = False
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("sitimer — demonstration") if therapist else "sitimer")
        # The background by palette: the pages bring their own style sheets, and one on the
        # window as well would make Qt style every widget twice.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(style.BACKGROUND))
        self.setPalette(palette)
        central = QWidget(self)
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self.stack = QStackedWidget(central)
        # made inside the stack, so it is styled once, not again when it moves in
        self.picker = ProgrammePicker(data_dir=data_dir, lang=lang, therapist=therapist, parent=self.stack)
        self.picker.start_requested.connect(start_session)
        self.stack.addWidget(self.picker)
        self._column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.page: QWidget | None = None
        # The pages scale their fonts to the window, so the window keeps one fixed minimum
        # instead of following theirs (and the offscreen platform warns on every change).
        layout = self.layout()
        assert layout is not None  # a QMainWindow always has its own layout
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # no larger than the screen: at 150 % a 1024×768 screen is 683×512, and a minimum of 800
        # pushed Start, Done and Stop off its right edge
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(800, 450)
        self.setMinimumSize(min(800, room.width()), min(450, room.height()))
        fit_to_screen(self, 1280, 720)

    def event(self, event: QEvent) -> bool:
        """Tell once when the window has first been painted."""
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)  # after this paint has reached the screen
        return super().event(event)

    def add_above(self, widget: QWidget) -> None:
        """A bar above every page (a reminder): shown, it pushes the page down; hidden, it takes no room."""
        self._column.insertWidget(self._column.count() - 1, widget)

    @property
    def page_scale(self) -> float:
        """How much larger than at home a page's text is drawn in this window (a kiosk's: its screen's)."""
        return 1.0

    def show_page(self, view: QWidget) -> None:
        """Show a page in place of the picker (or the page before); the window owns it from now on."""
        self._drop_page()
        self.page = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        # The keyboard where the page put it as it was shown (the PSK's first name to type), else on
        # the page: focusing the page itself would take it from there.
        (view.focusWidget() or view).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_picker(self) -> None:
        """Back to the picker; the page is removed and deleted."""
        self._drop_page()
        self.stack.setCurrentWidget(self.picker)
        self.picker.reload()
        self.picker.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def select(self, path: Path) -> None:
        """Select a programme file in the picker (adding it when it is in neither folder)."""
        self.picker.select(path)

    def _drop_page(self) -> None:
        if self.page is not None:
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # F11: full screen for a TV or a projector, and back.
        if event.key() == Qt.Key.Key_F11:
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
            event.accept()
            return
        super().keyPressEvent(event)
