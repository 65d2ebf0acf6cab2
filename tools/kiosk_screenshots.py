#!/usr/bin/env python3
"""Screenshots of the practice-gym kiosk, for the therapist guide and for checking by eye.

    .venv/bin/python tools/kiosk_screenshots.py              # docs/screenshots/kiosk-*.png, 1280×720
    .venv/bin/python tools/kiosk_screenshots.py --lang nl --out /tmp/shots --size 1024x768

Made offscreen from a throw-away data folder: patient 123456 with two programmes and
two weeks of "2× a day", the kiosk's clock and calendar fixed, so every run shows
the same screens: the keypad with a code typed, the patient's page, a session at
the kiosk and the therapist's page.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sitimer.core.clock import FakeClock  # noqa: E402
from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore  # noqa: E402
from sitimer.core.kiosk.pin import hash_pin  # noqa: E402
from sitimer.core.options import Options  # noqa: E402
from sitimer.core.programme.loader import load_file  # noqa: E402
from sitimer.core.programme.plan import build_plan  # noqa: E402
from sitimer.core.session.engine import SessionEngine, State  # noqa: E402
from sitimer.qt.audio.speech import SilentSpeaker  # noqa: E402
from sitimer.qt.audio.tones import SilentTonePlayer  # noqa: E402
from sitimer.qt.common.startup import application  # noqa: E402
from sitimer.qt.kiosk.app import KioskApp  # noqa: E402
from sitimer.qt.session.view import SessionView  # noqa: E402
from tests.helpers.history_data import two_weeks  # noqa: E402

PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"
TODAY = date(2026, 11, 15)
WORK_AT_S = 51.5  # windmills, set 1: 12 of 30 counted (as in tools/screenshots.py)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(argv: list[str] | None = None) -> int:
    """Make the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    parser.add_argument("--size", default="1280x720", help="WIDTHxHEIGHT: the kiosk's screen")
    parser.add_argument(
        "--history-url",
        default="",
        help="a practice's server (one that is down shows what waits): kiosk-therapist-practice.png",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = application(args.lang)  # as the kiosk starts: theme, translation, logging rules
    with tempfile.TemporaryDirectory(prefix="sitimer-kiosk-") as folder:
        data = Path(folder)
        (data / "settings.json").write_text(json.dumps({"voice": False}))
        config = KioskConfig(pin=hash_pin("2468")).assign(
            "123456", ["si-gewricht.yaml", "si-blokkade-herstel.yaml"]
        )
        KioskConfigStore.in_folder(data).save(config.assign("567890", ["si-blokkade-herstel.yaml"]))
        two_weeks(data / "history.db", PROGRAMME, profile="123456").close()  # two sessions missed
        kiosk = KioskApp(
            Options(lang=args.lang, data_dir=data, history_url=args.history_url),
            clock=FakeClock(),
            today=lambda: TODAY,
            sound=lambda: (SilentTonePlayer(), SilentSpeaker()),
        )
        window = kiosk.window
        window.resize(*(int(v) for v in args.size.split("x")))
        window.show()

        def shoot(name: str) -> None:
            settle(app)
            path = args.out / f"kiosk-{name}.png"
            window.grab().save(str(path))
            print(path)

        for digit in "123456":
            window.start_page.press(digit)
        shoot("keypad")
        window.start_page.submit()
        shoot("patient")

        clock = FakeClock()
        engine = SessionEngine(build_plan(load_file(PROGRAMME)), clock)
        view = SessionView(engine, args.lang)
        window.show_page(view)
        events = engine.start()
        assert engine.session_start is not None
        while engine.state is State.RUNNING:
            deadline = engine.next_deadline()
            if deadline is None or deadline > engine.session_start + WORK_AT_S:
                break
            clock.now = deadline
            events += engine.advance()
        clock.now = engine.session_start + WORK_AT_S
        events += engine.advance()
        for event in events:
            view.on_event(event)
        view.refresh()
        shoot("session")

        link = kiosk.flow.link
        deadline = time.monotonic() + 15
        while link is not None and not (link.problem or link.line) and time.monotonic() < deadline:
            app.processEvents()  # its first try at the server has an answer
            time.sleep(0.05)
        kiosk.show_therapist()
        shoot("therapist-practice" if link else "therapist")
        kiosk.input.stop()
        window.unlock()
        window.close()
        kiosk.history().close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
