#!/usr/bin/env python3
"""Screenshots of the picker, the session and the questions after it, for the docs and by eye.

    DISPLAY=:5 QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots.py --full-screen   # docs/screenshots
    .venv/bin/python tools/screenshots.py   # the same, drawn offscreen
    .venv/bin/python tools/screenshots.py --out DIR --all # also prepare, switch, paused, done
    DISPLAY=:5 QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots.py --full-screen --root --out DIR

The session runs on a fake clock, so every shot shows the same moment. Without
``--full-screen`` the widgets are drawn offscreen at ``--size``; with it they
are shown full screen on the X display, and ``--root`` also saves what the
screen shows (ImageMagick's ``import -window root``) as ``screen-NAME.png``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
if "--full-screen" not in sys.argv:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from sitimer.core.clock import FakeClock  # noqa: E402
from sitimer.core.programme.loader import load_file  # noqa: E402
from sitimer.core.programme.plan import build_plan  # noqa: E402
from sitimer.core.session.engine import Event, SessionEngine, State  # noqa: E402
from sitimer.qt.common.startup import application  # noqa: E402
from sitimer.qt.progress.view import HistoryView  # noqa: E402
from sitimer.qt.session.demo import PresenterView  # noqa: E402
from sitimer.qt.session.questions import EarsView, MissedReasonView  # noqa: E402
from sitimer.qt.session.rating import RatingView  # noqa: E402
from sitimer.qt.session.view import SessionView  # noqa: E402
from sitimer.qt.window.main_window import MainWindow  # noqa: E402
from tests.helpers.history_data import two_weeks  # noqa: E402

PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"

# (name, seconds into the si-gewricht session): a moment of each kind worth showing.
MOMENTS = [
    ("prepare", 6.2),  # get ready for windmills
    ("work", 51.5),  # windmills, set 1: 12 of 30 counted
    ("paused", 51.5),
    ("rest", 413.2),  # rest before SI stretch
    ("hold", 492.3),  # SI stretch, right side, 18 s left
    ("switch", 513.4),  # to the left side
    ("done", 1e9),
]
DOCS = ("work", "hold", "rest")


def run_to(engine: SessionEngine, clock: FakeClock, t: float) -> list[Event]:
    """Wake the engine at each deadline until ``t`` seconds after the session started."""
    events = engine.start() if engine.state is State.READY else []
    assert engine.session_start is not None
    target = engine.session_start + t
    while engine.state is State.RUNNING:
        deadline = engine.next_deadline()
        if deadline is None or deadline > target:
            break
        clock.now = deadline
        events += engine.advance()
    if engine.state is State.RUNNING:
        clock.now = max(clock.now, target)
        events += engine.advance()
    return events


def settle(app: QApplication, done: Callable[[], bool], timeout_s: float = 5.0) -> None:
    """Run the event loop until ``done()`` (a window mapped, resized) or the timeout."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        app.processEvents()
        if done():
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.02)


def shoot(app: QApplication, widget: QWidget, out: Path, name: str, root: bool) -> None:
    """Save the widget as NAME.png, and the whole screen as screen-NAME.png."""
    settle(app, lambda: True, 0)
    widget.grab().save(str(out / f"{name}.png"))
    if root:
        env = {**os.environ}
        subprocess.run(["import", "-window", "root", str(out / f"screen-{name}.png")], check=True, env=env)
    print(out / f"{name}.png")


def main(argv: list[str] | None = None) -> int:
    """Make the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x720", help="WIDTHxHEIGHT when not full screen")
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    parser.add_argument("--all", action="store_true", help="every moment, not only those for the docs")
    parser.add_argument("--full-screen", action="store_true", help="show full screen on the X display")
    parser.add_argument("--root", action="store_true", help="also save the X screen (import -window root)")
    parser.add_argument("--data-dir", type=Path, default=None, help="for the picker's own folder")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    app = application(args.lang)  # as the app starts: theme, translation, logging rules

    def present(widget: QWidget) -> None:
        if args.full_screen:
            widget.showFullScreen()
            screen = widget.screen().geometry().size()
            settle(app, lambda: widget.isVisible() and widget.size() == screen)
        else:
            widget.resize(width, height)
            widget.show()
            settle(app, lambda: True, 0)

    with tempfile.TemporaryDirectory() as home:
        if args.data_dir:  # only read: the picker lists its programmes
            data_dir, store = args.data_dir, None
        else:  # a returning patient's: the day at a glance from two weeks of sessions
            os.environ["HOME"] = home  # the list's hint names ~/.local/share/sitimer/programmes
            data_dir = Path(home) / ".local" / "share" / "sitimer"  # whatever SITIMER_DATA_DIR says
            data_dir.mkdir(parents=True)
            store = two_weeks(data_dir / "history.db", PROGRAMME)
        window = MainWindow(data_dir=data_dir, lang=args.lang, start_session=lambda _path: None)
        if store is not None:
            window.picker.today = lambda: date(2026, 11, 15)
            window.picker.use_history(lambda: store)
        window.select(PROGRAMME)
        present(window)
        shoot(app, window, args.out, "picker", args.root)
        window.close()
        if store is not None:
            store.close()

    clock = FakeClock()
    engine = SessionEngine(build_plan(load_file(PROGRAMME)), clock)
    view = SessionView(engine, args.lang)
    present(view)
    for name, t in MOMENTS:
        if not args.all and name not in DOCS:
            continue
        for event in run_to(engine, clock, t):
            view.on_event(event)
        if name == "paused":
            for event in engine.pause():
                view.on_event(event)
        view.refresh()  # the view refreshes after a wake-up's events; here, at once
        shoot(app, view, args.out, name, args.root)
        if name == "paused":
            for event in engine.resume():
                view.on_event(event)
    view.close()

    clock = FakeClock()
    engine = SessionEngine(build_plan(load_file(PROGRAMME)), clock)
    presenter = PresenterView(engine, args.lang)
    present(presenter)
    run_to(engine, clock, 492.3)  # SI stretch, right side, as the therapist shows it
    # the line DemoControls.set_speed(6) gives, in the shot's language
    notice = QCoreApplication.translate("DemoControls", "Demonstration at {0}× speed · D changes it")
    presenter.set_notice(notice.format("6"))
    presenter.refresh()
    shoot(app, presenter, args.out, "presenter", args.root)
    presenter.close()

    rating = RatingView(lang=args.lang)
    present(rating)
    rating.pain.pick(3)
    rating.effort.pick(4)
    shoot(app, rating, args.out, "rating", args.root)
    rating.close()

    missed = MissedReasonView(date(2026, 11, 14), 1, 2, args.lang)  # as it opens: no answer marked
    present(missed)
    shoot(app, missed, args.out, "missed", args.root)
    missed.close()

    ears = EarsView(args.lang)
    present(ears)
    ears.choose((1, 3, 3, 1, 4, 0))
    shoot(app, ears, args.out, "ears", args.root)
    ears.close()

    with tempfile.TemporaryDirectory() as folder:
        store = two_weeks(Path(folder) / "history.db", PROGRAMME)
        history = HistoryView(store, load_file(PROGRAMME), args.lang, today=date(2026, 11, 15))
        present(history)
        shoot(app, history, args.out, "history", args.root)
        history.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
