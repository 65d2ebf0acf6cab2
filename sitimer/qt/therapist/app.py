"""`sitimer --therapist`: the kiosk's PIN, then the practice's overview in a normal window.

The PIN is the kiosk's own (kiosk.json in the data folder, with the same growing wait after
wrong tries); the overview is read with the therapist's account from the practice's server. A
code's report and sessions are copied from the server into a temporary history first, then
written as the kiosk's therapist page writes them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from sitimer.core.clock import Clock, SystemClock
from sitimer.core.history.errors import HistoryError
from sitimer.core.history.export import session_rows, to_csv, write_private
from sitimer.core.history.store import HistoryStore
from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore
from sitimer.core.kiosk.pin import PIN_STATE_NAME, PinGate
from sitimer.core.notices import say
from sitimer.core.options import Options
from sitimer.core.practice.overview import CodeLine, in_language, overview
from sitimer.core.practice.sender import Waiting, waiting
from sitimer.core.practice.server import is_practice_url
from sitimer.core.practice.shared import pull_sessions
from sitimer.core.programme import catalogue
from sitimer.qt.common.screen import fit_to_screen
from sitimer.qt.common.startup import application, run_loop
from sitimer.qt.kiosk.keypad import kiosk_scale, kiosk_stylesheet
from sitimer.qt.kiosk.pages import PinPage
from sitimer.qt.progress.report import write_report
from sitimer.qt.therapist.background import Background
from sitimer.qt.therapist.look import overview_stylesheet
from sitimer.qt.therapist.overview import OverviewPage

WINDOW_SIZE = (1240, 680)  # fits a 1280x720 screen with a window frame


class TherapistWindow(QMainWindow):
    """The PIN page, and once it is right the overview; a code's report and sessions saved on request."""

    def __init__(
        self,
        options: Options,
        config: KioskConfig,
        *,
        load: Callable[[], list[CodeLine]] | None = None,
        clock: Clock | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.options, self.today = options, today
        self.setWindowTitle(self.tr("sitimer: practice overview"))
        self.load = load or self.from_server
        self.gate = PinGate(config.pin, clock or SystemClock(), state=options.data_dir / PIN_STATE_NAME)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.pin_page = PinPage(self.gate)
        self.pin_page.prompt.setText(self.tr("Type the kiosk's PIN to see the practice's overview."))
        self.pin_page.unlocked.connect(self.show_overview)
        self.pin_page.cancelled.connect(self.close)
        self.stack.addWidget(self.pin_page)
        self.overview: OverviewPage | None = None
        self.exports = Background(self)
        self.exports.finished.connect(self._pulled)
        self._asked: dict[int, tuple[str, str, Path, Path]] = {}  # job: code, kind, file, temp folder
        self._styled_scale = 0.0
        self._restyle()
        fit_to_screen(self, *WINDOW_SIZE)  # maximised on a smaller screen, as the home window is

    def show_overview(self) -> None:
        """The overview in place of the PIN page, loading at once."""
        page = OverviewPage(self.load, self.waiting, lang=self.options.lang)
        page.export.connect(self.export)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.stack.removeWidget(self.pin_page)
        self.pin_page.deleteLater()
        self.overview = page
        page.table.setFocus(Qt.FocusReason.OtherFocusReason)
        page.refresh()

    def from_server(self) -> list[CodeLine]:
        """Every code's line, read with the therapist's account (on the page's loading thread)."""
        lines = overview(self.options.history_url, self.today())
        return in_language(lines, catalogue.titles(self.options.data_dir, self.options.lang))

    def waiting(self) -> Waiting | None:
        """What this computer's own history has not sent to the server (None: it has none)."""
        history = self.options.data_dir / "history.db"
        if not history.exists():
            return None
        HistoryStore(history).close()  # brought up to date before it is read, as `practice waiting` does
        return waiting(history)

    # -- a code's report and sessions ----------------------------------------------------------
    def ask_file(self, name: str, pattern: str) -> Path | None:
        """Where to save (a dialog); None when cancelled."""
        from sitimer.qt.common.files import save_file_name

        return save_file_name(self, self.tr("Save as"), Path.home() / name, pattern)

    def export(self, code: str, kind: str) -> None:
        """Save one code's report (PDF) or sessions with their steps (CSV), from the server."""
        stem = self.tr("sitimer-{0}-report") if kind == "pdf" else self.tr("sitimer-{0}-history")
        name = stem.format(code) + (".pdf" if kind == "pdf" else ".csv")  # in the language shown
        out = self.ask_file(name, "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)")
        if out is None or self.overview is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="sitimer-therapist-"))
        history = folder / "history.db"
        url = self.options.history_url

        def pull() -> int:
            HistoryStore(history).close()  # an empty history to copy the code's sessions into
            return pull_sessions(url, code, history)

        self.overview.saved.setText(self.tr("Copying the sessions of code {0} from the server…").format(code))
        self._asked[self.exports.start(pull)] = (code, kind, out, folder)

    def _pulled(self, number: int, ok: bool, result: object) -> None:
        code, kind, out, folder = self._asked.pop(number)
        try:
            text = self._write(code, kind, out, folder / "history.db") if ok else str(result)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if self.overview is not None:
            self.overview.saved.setText(text)

    def _write(self, code: str, kind: str, out: Path, history: Path) -> str:
        try:
            store = HistoryStore(history)
            try:
                if kind == "pdf":
                    count = write_report(
                        out, store, self.options.data_dir, lang=self.options.lang, profile=code
                    )
                else:
                    rows = session_rows(store, steps=True, profile=code, local_times=True)
                    write_private(out, to_csv(rows, steps=True))
                    count = len(rows)
            finally:
                store.close()
        except (OSError, HistoryError) as err:
            return self.tr("Not saved: {0}").format(err)
        return self.tr("Saved {0}: sessions of code {1}: {2}.").format(out.name, code, count)

    # -- looks ---------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

    def _restyle(self) -> None:
        scale = kiosk_scale(self.width(), self.height())
        if scale != self._styled_scale:
            self._styled_scale = scale
            self.setStyleSheet(overview_stylesheet() + kiosk_stylesheet(scale))


def problem(options: Options, config: KioskConfig) -> str:
    """Why the overview cannot start (no server named, no PIN set), or ""."""
    if not is_practice_url(options.history_url):
        return (
            "--therapist needs the practice's server: --history-url postgresql://… (or SITIMER_HISTORY_URL)"
        )
    if config.pin is None:
        return f"--therapist needs the kiosk's PIN first: sitimer kiosk set-pin --data-dir {options.data_dir}"
    return ""


def run(options: Options) -> int:
    """The PIN, then the overview, until the window is closed; returns the exit code."""
    store = KioskConfigStore.in_folder(options.data_dir)
    config = store.load()
    say(*store.notices.take())
    if line := problem(options, config):
        say(line)
        return 2
    app = application(options.lang)
    window = TherapistWindow(options, config)
    window.show()
    run_loop(app, window.close)
    return 0
