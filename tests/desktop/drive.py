"""Runs the app's real windows on an X display (xcb) and reports what a patient sees, as JSON.

    DISPLAY=:5 python -m tests.desktop.drive --out DIR --lang en picker session leave ...

Each scenario opens one window or dialog the way the app does, waits until the window
manager has placed it, saves the screen as ``DIR/LANG-SCENARIO.png`` and prints one JSON line:
whether every window's frame (title bar included) lies within the screen's available area,
which text has a contrast below WCAG AA (4.5:1) in the pixels on the screen, which controls
lie outside the screen, the text shown, and the size of the smallest text.
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFontInfo, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore
from sitimer.core.kiosk.pin import PinHash
from sitimer.core.options import Options
from sitimer.qt.app.app import App
from sitimer.qt.audio.speech import SilentSpeaker
from sitimer.qt.audio.tones import SilentTonePlayer
from sitimer.qt.common import style
from sitimer.qt.common.translation import install_translator
from tests.helpers.screens import overlapping

REPO = Path(__file__).resolve().parents[2]
PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"
CODE, PIN = "123456", "2468"
AA = 4.5
Verdict = dict[str, Any]
# Every app made stays until the process ends: Python collecting one while Qt still holds its
# windows or signals would crash the run.
KEPT: list[Any] = []


def quiet() -> tuple[SilentTonePlayer, SilentSpeaker]:
    return SilentTonePlayer(), SilentSpeaker()


def settle(done: Callable[[], bool] = lambda: True, timeout_s: float = 5.0) -> None:
    """Run the event loop until ``done()``, then until the X server has every paint.

    ``done`` asks about the window manager, another process that sends Qt no event for it,
    so it is polled; what Qt itself still has to do is flushed with ``sync``, not waited out.
    """
    end = time.monotonic() + timeout_s
    while time.monotonic() < end and not done():
        QApplication.processEvents()
        time.sleep(0.02)
    QApplication.processEvents()
    QGuiApplication.sync()  # a round trip: the server has drawn what Qt sent
    QApplication.processEvents()


def frame_extents(window: QWidget) -> tuple[int, int, int, int] | None:
    """The window manager's frame around ``window`` (left, right, top, bottom), as it tells it in
    _NET_FRAME_EXTENTS; None until it has framed the window. Asked of the X server, not of Qt,
    which may not have heard yet."""
    if window.windowFlags() & Qt.WindowType.FramelessWindowHint:
        return (0, 0, 0, 0)
    found = subprocess.run(
        ["xprop", "-id", str(int(window.winId())), "_NET_FRAME_EXTENTS"],
        capture_output=True,
        text=True,
        timeout=10,
    ).stdout
    numbers = [int(n) for n in re.findall(r"\d+", found.partition("=")[2])]
    return (numbers[0], numbers[1], numbers[2], numbers[3]) if len(numbers) == 4 else None


def frame(window: QWidget) -> QRect:
    """Where the window is on the screen with its title bar and borders."""
    extents = frame_extents(window)
    if extents is None:
        return window.frameGeometry()
    left, right, top, bottom = extents
    return window.geometry().adjusted(-left, -top, right, bottom)


def placed(window: QWidget) -> bool:
    """Shown, exposed and framed: the window manager has put it where it stays."""
    handle = window.windowHandle()
    shown = window.isVisible() and handle is not None and handle.isExposed()
    return shown and frame_extents(window) is not None


def steady(windows: tuple[QWidget, ...]) -> Callable[[], bool]:
    """A condition that holds once the windows' frames have stayed put for ten looks in a row
    (a window being maximised moves once more after it is first framed)."""
    last: list[list[QRect]] = []

    def still() -> bool:
        last.append([frame(w) for w in windows])
        return len(last) >= 10 and all(seen == last[-1] for seen in last[-10:])

    return still


# -- what the screen shows -----------------------------------------------------------------------
def _luminance(r: int, g: int, b: int) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _ratio(a: float, b: float) -> float:
    high, low = max(a, b), min(a, b)
    return (high + 0.05) / (low + 0.05)


def pixel_contrast(image: QImage, rect: QRect) -> tuple[float, str, str]:
    """The text's contrast in ``rect`` of the screen: its commonest colour is the background, the
    colour furthest from it is the ink. Returns (ratio, ink, background)."""
    crop = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(crop.constBits())[: crop.sizeInBytes()]
    stride, width = crop.bytesPerLine(), crop.width()
    counts: Counter[bytes] = Counter()
    for row in range(crop.height()):
        line = data[row * stride : row * stride + width * 4]
        counts.update(line[i : i + 4] for i in range(0, len(line), 4))
    if not counts:
        return 21.0, "", ""
    background = counts.most_common(1)[0][0]
    lum = {colour: _luminance(colour[2], colour[1], colour[0]) for colour in counts}
    ink = max(counts, key=lambda c: _ratio(lum[c], lum[background]))

    def name(c: bytes) -> str:
        return f"#{c[2]:02X}{c[1]:02X}{c[0]:02X}"

    return _ratio(lum[ink], lum[background]), name(ink), name(background)


def _text(widget: QWidget) -> str | None:
    """The text a widget shows, or None when it shows none worth reading."""
    if isinstance(widget, QLabel):
        return widget.text() if widget.pixmap().isNull() else None
    if isinstance(widget, QAbstractButton | QLineEdit):
        return widget.text()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return None


def _clipped(widget: QWidget) -> bool:
    """Whether a one-line label or a button is narrower than its text: the end of the text is cut."""
    if isinstance(widget, QLabel) and not widget.wordWrap() and widget.textFormat() != Qt.TextFormat.RichText:
        shown = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")  # no mnemonics
        needed = max(widget.fontMetrics().horizontalAdvance(line) for line in shown.split("\n"))
        margins = widget.contentsMargins()
        return needed > widget.width() - margins.left() - margins.right() - 2 * widget.margin() + 1
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.sizeHint().width() > widget.width() + 1
    return False


def _scrolled(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def look(window: QWidget, image: QImage, *, read: bool = True) -> Verdict:
    """Fit, contrast, cut-off controls and text sizes of one window, from ``image`` of the screen.

    ``read``: whether its text is looked at; not for a window half hidden under a dialog.
    """
    screen = window.screen()
    available = screen.availableGeometry()
    framed = frame(window)
    low: list[Verdict] = []
    cut: list[str] = []
    clipped: list[str] = []
    texts: list[str] = []
    smallest = 999
    for widget in [window, *window.findChildren(QWidget)]:
        text = _text(widget)
        if not widget.isVisible() or widget.window() is not window or not text or not text.strip():
            continue
        shown = widget.visibleRegion().boundingRect()
        if shown.isEmpty() or not read:
            continue
        texts.append(text)
        where = QRect(widget.mapToGlobal(shown.topLeft()), shown.size())
        name = f"{type(widget).__name__}#{widget.objectName()} {text[:60]!r}"
        if _clipped(widget):
            clipped.append(name)
        whole = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
        if not _scrolled(widget) and not available.contains(whole):
            cut.append(name)
        if isinstance(widget, QAbstractButton):  # the text, not the border or the focus ring
            where = where.adjusted(5, 5, -5, -5)
        on_screen = where.intersected(screen.geometry())
        if not widget.isEnabled() or on_screen.isEmpty():
            continue  # WCAG asks nothing of a control that cannot be used
        smallest = min(smallest, QFontInfo(widget.font()).pixelSize())
        ratio, ink, background = pixel_contrast(image, on_screen)
        if ratio < AA:
            low.append({"widget": name, "ratio": round(ratio, 2), "ink": ink, "background": background})
    return {
        "title": window.windowTitle(),
        "frame": [framed.x(), framed.y(), framed.width(), framed.height()],
        "available": [available.x(), available.y(), available.width(), available.height()],
        "fits": available.contains(framed),
        "low_contrast": low,
        "cut_off": cut,
        "clipped": clipped,
        "overlapping": overlapping(window) if read else [],
        "texts": texts,
        "smallest_text_px": smallest,
    }


class Run:
    """One language's scenarios, in one QApplication."""

    def __init__(self, out: Path, lang: str, data: Path) -> None:
        self.out, self.lang, self.data = out, lang, data
        (data / "settings.json").write_text('{"ask_pain_before": false}')  # sessions start at once

    def app(self) -> App:
        home = App(Options(lang=self.lang, data_dir=self.data), sound=quiet)
        KEPT.append(home)
        return home

    def shoot(self, name: str, *windows: QWidget) -> Verdict:
        """Screenshot the screen, and look at ``windows`` (the first is the one asked about)."""
        settle(lambda: all(placed(w) for w in windows))
        settle(steady(windows))
        screen = windows[0].screen()
        image = screen.grabWindow(0).toImage()
        shot = self.out / f"{self.lang}-{name}.png"
        image.save(str(shot))
        return {
            "scenario": name,
            "lang": self.lang,
            "platform": QGuiApplication.platformName(),
            "screen": [screen.geometry().width(), screen.geometry().height()],
            "shot": str(shot),
            "windows": [look(w, image, read=w is windows[0]) for w in windows],
        }

    @contextmanager
    def shown(self, home: App) -> Iterator[App]:
        home.window.show()
        settle(lambda: placed(home.window))
        try:
            yield home
        finally:
            for widget in QApplication.topLevelWidgets():
                widget.close()
            settle()

    def modal(self, name: str, open_it: Callable[[], object], answer: Callable[[QWidget], None]) -> Verdict:
        """Open a modal dialog by ``open_it``, look at it (and the window under it), then answer it."""
        verdict: Verdict = {}
        give_up = time.monotonic() + 15

        def when_open() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or (not placed(dialog) and time.monotonic() < give_up):
                QTimer.singleShot(50, when_open)
                return
            under = dialog.parentWidget().window() if dialog.parentWidget() else None
            verdict.update(self.shoot(name, dialog, *([under] if under else [])))
            verdict["placed"] = placed(dialog)
            verdict["during"] = self.during()
            answer(dialog)

        QTimer.singleShot(0, when_open)
        open_it()
        return verdict

    def during(self) -> dict[str, str]:
        return {}


def _no(dialog: QWidget) -> None:
    if isinstance(dialog, QMessageBox) and dialog.button(QMessageBox.StandardButton.No) is not None:
        dialog.button(QMessageBox.StandardButton.No).click()
    elif isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()


def _broken(folder: Path) -> Path:
    path = folder / "broken.yaml"
    path.write_text("id: broken\ntitle: Broken\nexercises:\n  - {id: a, name: A, kind: reps, reps: -3}\n")
    return path


# -- the scenarios ---------------------------------------------------------------------------------
def picker(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        home.window.select(PROGRAMME)
        return run.shoot("picker", home.window)


def picker_daily(run: Run) -> Verdict:
    """Seed 002: the session's exercises 2-4, the time a day, and the daily walk ticked off for today."""
    with run.shown(run.app()) as home:
        home.window.select(REPO / "programmes" / "si-blokkade-herstel.yaml")
        for box in home.window.picker.daily.boxes.values():
            box.click()
        return run.shoot("picker-daily", home.window)


def _session_scenario(run: Run, name: str, leave: bool) -> Verdict:
    with run.shown(run.app()) as home:
        home.start(PROGRAMME)
        session = home.session
        assert session is not None
        settle(lambda: session.engine.session_start is not None, 10)
        if not leave:
            return run.shoot(name, home.window)
        before = session.engine.state.name
        run.during = lambda: {"state": session.engine.state.name}  # type: ignore[method-assign]
        verdict = run.modal(name, lambda: QTest.keyClick(session.view, Qt.Key.Key_Escape), _no)
        run.during = lambda: {}  # type: ignore[method-assign]
        verdict["before"] = before
        verdict["after"] = session.engine.state.name
        session.stop()
        settle()
        return verdict


def session(run: Run) -> Verdict:
    return _session_scenario(run, "session", leave=False)


def session_tempo(run: Run) -> Verdict:
    """The session just after + : the new tempo, large for a moment."""
    with run.shown(run.app()) as home:
        home.start(PROGRAMME)
        session = home.session
        assert session is not None
        settle(lambda: session.engine.session_start is not None, 10)
        QTest.keyClick(session.view, Qt.Key.Key_Plus)
        verdict = run.shoot("session-tempo", home.window)
        session.stop()
        settle()
        return verdict


def leave(run: Run) -> Verdict:
    return _session_scenario(run, "leave", leave=True)


def error(run: Run) -> Verdict:
    with run.shown(run.app()) as home, tempfile.TemporaryDirectory() as folder:
        return run.modal("error", lambda: home.start(_broken(Path(folder))), _no)


def save(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        return run.modal("save", lambda: home._save_as("sitimer-report.pdf", "PDF (*.pdf)"), _no)


def saved(run: Run) -> Verdict:
    """The handout saved: which file, which folder, and Open to print it from the PDF viewer."""
    from sitimer.qt.common import files

    asked = files.save_file_name
    with run.shown(run.app()) as home, tempfile.TemporaryDirectory() as folder:
        home.window.select(PROGRAMME)  # the programme whose handout it is, as the therapist chose it
        files.save_file_name = lambda *a, **kw: Path(folder) / "si-gewricht.pdf"  # type: ignore[assignment]
        try:
            home.save_handout(PROGRAMME)
        finally:
            files.save_file_name = asked
        told = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        verdict = run.shoot("saved", *told, home.window)
        verdict["placed"] = len(told) == 1 and placed(told[0])
        for box in told:
            box.close()
        return verdict


def rating(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        home.flow.ask(before=False, then=lambda: None)
        return run.shoot("rating", home.window)


def progress(run: Run) -> Verdict:
    from tests.helpers.history_data import two_weeks

    two_weeks(run.data / "history.db", PROGRAMME).close()
    with run.shown(run.app()) as home:
        home.show_progress(PROGRAMME)
        return run.shoot("progress", home.window)


def progress_empty(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        home.show_progress(PROGRAMME)
        return run.shoot("progress-empty", home.window)


def reminders(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        home.reminder_flow().show_settings()
        return run.shoot("reminders", home.window)


def _editor(home: App) -> QWidget:
    from sitimer.qt.editor.window import EditorWindow

    home.edit_programme(PROGRAMME)
    editor = next(w for w in QApplication.topLevelWidgets() if isinstance(w, EditorWindow))
    settle(lambda: placed(editor))
    return editor


def editor(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        return run.shoot("editor", _editor(home))


def editor_save(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        window = _editor(home)
        return run.modal("editor-save", lambda: window.save(), _no)  # type: ignore[attr-defined]


def editor_add(run: Run) -> Verdict:
    with run.shown(run.app()) as home:
        window = _editor(home)
        return run.modal("editor-add", lambda: window.choose_exercise(), _no)  # type: ignore[attr-defined]


def editor_unsaved(run: Run) -> Verdict:
    def discard(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Discard).click()

    with run.shown(run.app()) as home:
        window: Any = _editor(home)
        window.form.pacing.setCurrentIndex(window.form.pacing.findData("self"))
        return run.modal("editor-unsaved", window.close, discard)


def _kiosk(run: Run) -> Any:
    from sitimer.qt.kiosk.app import KioskApp

    salt = b"kiosk-test-salt!"  # a tiny scrypt cost: no time spent hashing
    pin = PinHash(salt, hashlib.scrypt(PIN.encode(), salt=salt, n=16, r=8, p=1, dklen=32), n=16)
    config = KioskConfig(pin=pin).assign(CODE, ["si-gewricht.yaml"])
    KioskConfigStore.in_folder(run.data).save(config)
    app = KioskApp(Options(lang=run.lang, data_dir=run.data), sound=quiet)
    KEPT.append(app)
    app.kiosk_window.lock_screen(None)
    settle(lambda: placed(app.window))
    return app


@contextmanager
def _kiosk_shown(run: Run) -> Iterator[Any]:
    app = _kiosk(run)
    try:
        yield app
    finally:
        app.input.stop()
        app.kiosk_window.unlock()
        app.window.close()
        settle()


def kiosk_pin(run: Run) -> Verdict:
    with _kiosk_shown(run) as app:
        app.ask_pin()
        return run.shoot("kiosk-pin", app.window)


def kiosk_patient(run: Run) -> Verdict:
    with _kiosk_shown(run) as app:
        app.open_code(CODE)
        return run.shoot("kiosk-patient", app.window)


def kiosk_therapist(run: Run) -> Verdict:
    with _kiosk_shown(run) as app:
        app.show_therapist()
        return run.shoot("kiosk-therapist", app.window)


def kiosk_leave(run: Run) -> Verdict:
    with _kiosk_shown(run) as app:
        app.open_code(CODE)
        app.flow.start(PROGRAMME)
        session = app.session
        settle(lambda: session.engine.session_start is not None, 10)
        before = session.engine.state.name
        run.during = lambda: {"state": session.engine.state.name}  # type: ignore[method-assign]
        verdict = run.modal("kiosk-leave", lambda: QTest.keyClick(session.view, Qt.Key.Key_Escape), _no)
        run.during = lambda: {}  # type: ignore[method-assign]
        verdict["before"], verdict["after"] = before, session.engine.state.name
        session.stop()
        settle()
        return verdict


SCENARIOS: dict[str, Callable[[Run], Verdict]] = {
    "picker": picker,
    "picker-daily": picker_daily,
    "session": session,
    "session-tempo": session_tempo,
    "leave": leave,
    "error": error,
    "save": save,
    "saved": saved,
    "rating": rating,
    "progress": progress,
    "progress-empty": progress_empty,
    "reminders": reminders,
    "editor": editor,
    "editor-save": editor_save,
    "editor-add": editor_add,
    "editor-unsaved": editor_unsaved,
    "kiosk-pin": kiosk_pin,
    "kiosk-patient": kiosk_patient,
    "kiosk-therapist": kiosk_therapist,
    "kiosk-leave": kiosk_leave,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    parser.add_argument("scenarios", nargs="+", choices=sorted(SCENARIOS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    app = QApplication([sys.argv[0]])
    app.setApplicationName("sitimer")
    install_translator(app, args.lang)
    style.apply_theme(app)
    for name in args.scenarios:
        print(f"scenario {name}", file=sys.stderr, flush=True)
        faulthandler.dump_traceback_later(60, exit=True)  # a scenario that hangs shows where
        with tempfile.TemporaryDirectory() as folder:
            run = Run(args.out, args.lang, Path(folder))
            verdict = SCENARIOS[name](run)
        faulthandler.cancel_dump_traceback_later()
        print(json.dumps(verdict), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
