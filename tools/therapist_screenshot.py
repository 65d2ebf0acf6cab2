#!/usr/bin/env python3
"""The therapist's overview (`sitimer --therapist`) against a real PostgreSQL, for the therapist guide.

    Xvfb :71 -screen 0 1280x720x24 & DISPLAY=:71 openbox &
    DISPLAY=:71 .venv/bin/python tools/therapist_screenshot.py --root  # docs/screenshots/…
    .venv/bin/python tools/therapist_screenshot.py --lang nl --out /tmp/shots   # the window alone, offscreen

A private PostgreSQL server (tests/helpers/pg_server.py: Debian's ``postgresql`` binaries) in a
temporary folder gets sitimer's schema and six codes' sessions from two kiosks, counted back from
today: some keep to "2 × a day", some fall behind, one has not been seen for a while. The window
is opened with the therapist's account and the PIN typed; this computer's own history has one
session not sent yet. ``--root`` shows it on the X display (a normal window, with the window
manager's frame) and saves the whole screen (ImageMagick's ``import -window root``), as the
therapist guide shows it; without it the window alone is drawn offscreen.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if "--root" in sys.argv else "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from sitimer.core.history.store import HistoryStore  # noqa: E402
from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore  # noqa: E402
from sitimer.core.kiosk.pin import hash_pin  # noqa: E402
from sitimer.core.options import Options  # noqa: E402
from sitimer.core.practice.sender import send  # noqa: E402
from sitimer.core.practice.server import THERAPIST_ROLE, init  # noqa: E402
from sitimer.core.programme.loader import load_file  # noqa: E402
from sitimer.core.programme.plan import Plan, build_plan  # noqa: E402
from sitimer.qt.common.startup import application  # noqa: E402
from sitimer.qt.therapist.app import TherapistWindow  # noqa: E402
from tests.helpers.history_data import record_session  # noqa: E402
from tests.helpers.pg_server import PgServer  # noqa: E402

PIN = "2468"
SI_JOINT = REPO / "programmes" / "si-gewricht.yaml"
BLOCKAGE = REPO / "programmes" / "si-blokkade-herstel.yaml"
HOURS = (7, 17)  # UTC: 08:00 and 18:00 in Amsterdam in winter

# code: (kiosk, programme, sessions on each of the last days (today last), pain then and now)
CODES = {
    "204518": ("kiosk-a", SI_JOINT, [2] * 21 + [2, 1, 1, 2, 1, 1, 0], (3, 5)),
    "317246": ("kiosk-b", SI_JOINT, [2] * 22 + [2, 2, 2, 2, 2, 1], (6, 3)),
    "482913": ("kiosk-a", SI_JOINT, [2] * 14 + [1, 1, 1, 0, 0, 0, 0], (4, 4)),
    "590377": ("kiosk-b", BLOCKAGE, [3, 3, 3, 3, 2, 3, 2], (5, 4)),
    "613085": ("kiosk-a", BLOCKAGE, [3] * 20 + [3, 3, 2, 3, 3, 3, 3, 1], (7, 5)),
    "735120": ("kiosk-b", SI_JOINT, [2] * 10 + [0] * 12, (2, 2)),
}


def _sessions(store: HistoryStore, plan: Plan, code: str, per_day: list[int], pain: tuple[int, int]) -> None:
    """The code's sessions on the last ``len(per_day)`` days, rated; the earlier half at the first pain."""
    now = datetime.now(UTC)
    first = now.date() - timedelta(days=len(per_day) - 1)
    clock = [now]
    store.now = lambda: clock[0]
    for offset, count in enumerate(per_day):
        day = first + timedelta(days=offset)
        for hour in (*HOURS, 12)[:count]:
            start = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
            if start > now:
                continue
            clock[0] = start
            sid = record_session(store, plan, profile=code)
            then = offset < len(per_day) - 14
            store.rate(sid, pain=pain[0] if then else pain[1], effort=5 if then else 4, note=None)


def fill(server: PgServer, folder: Path) -> str:
    """A practice database with the codes' sessions sent from two kiosks; the therapist's URL."""
    owner = server.create_database("praktijk")
    init(owner)
    plans = {path: build_plan(load_file(path)) for path in (SI_JOINT, BLOCKAGE)}
    for kiosk in ("kiosk-a", "kiosk-b"):
        history = folder / f"{kiosk}.db"
        store = HistoryStore(history)
        for code, (where, programme, per_day, pain) in CODES.items():
            if where == kiosk:
                _sessions(store, plans[programme], code, per_day, pain)
        store.close()
        send(history, owner, kiosk)
    server.create_login("fysio", "fysio-geheim", THERAPIST_ROLE)
    return server.url("praktijk", "fysio", "fysio-geheim")


def wait_for_rows(app: QApplication, window: TherapistWindow) -> None:
    page = window.overview
    deadline = time.monotonic() + 20
    while page is not None and not page.refresh_button.isEnabled() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    for _ in range(5):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    """Make the screenshot; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    parser.add_argument("--root", action="store_true", help="on the X display: the whole screen")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = application(args.lang)
    server = PgServer()
    try:
        with tempfile.TemporaryDirectory(prefix="sitimer-therapist-") as folder:
            data = Path(folder) / "data"
            data.mkdir()
            url = fill(server, Path(folder))
            KioskConfigStore.in_folder(data).save(KioskConfig(pin=hash_pin(PIN)))
            own = HistoryStore(data / "history.db")  # this computer: one session not sent yet
            record_session(own, build_plan(load_file(SI_JOINT)), profile="204518")
            own.close()
            options = Options(lang=args.lang, data_dir=data, history_url=url)
            window = TherapistWindow(options, KioskConfigStore.in_folder(data).load())
            window.show()
            window.pin_page.submitted.emit(PIN)
            wait_for_rows(app, window)
            if window.overview is not None:
                window.overview.table.selectRow(1)
            wait_for_rows(app, window)
            path = args.out / "therapist-overview.png"
            if args.root:
                subprocess.run(["import", "-window", "root", str(path)], check=True)
            else:
                window.grab().save(str(path))
            print(path)
            window.close()
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
