#!/usr/bin/env python3
"""Screenshots of the check-in and the reminder settings, for the user guide and for checking by eye.

    .venv/bin/python tools/reminder_screenshots.py             # docs/screenshots/reminder*.png, 1280×720
    .venv/bin/python tools/reminder_screenshots.py --lang nl --out /tmp/shots

Made offscreen: four weeks of SI-gewricht twice a day, pain easing from 6 to 3, so
``reminder.png`` is the check-in after the programme's four weeks; ``reminder-banner.png``
a reminder shown in the window; ``reminder-settings.png`` the settings page.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from sitimer.core.checkin import CheckIn  # noqa: E402
from sitimer.core.loader import load_file  # noqa: E402
from sitimer.core.reminder_state import QuietHours, ReminderState  # noqa: E402
from sitimer.qt.checkin import CheckInView  # noqa: E402
from sitimer.qt.main_window import MainWindow  # noqa: E402
from sitimer.qt.reminder_banner import attach  # noqa: E402
from sitimer.qt.reminder_settings import ProgrammeLine, ReminderSettingsView  # noqa: E402
from sitimer.qt.translation import install_translator  # noqa: E402

PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"
FIRST_DAY = date(2026, 3, 2)
PAIN_BY_WEEK = (6, 5, 4, 3)


def four_weeks() -> list[dict[str, Any]]:
    """History rows of SI-gewricht: 09:00 and 19:00 for 28 days, pain easing week by week."""
    rows = []
    for day in range(28):
        for hour in (8, 18):  # UTC: 09:00 and 19:00 in Amsterdam in March
            started = datetime.combine(FIRST_DAY + timedelta(days=day), time(hour), UTC)
            rows.append(
                {
                    "programme": "si-gewricht",
                    "simulated": 0,
                    "started_at": started.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    "pain": PAIN_BY_WEEK[day // 7] - (1 if hour == 18 and day % 3 == 0 else 0),
                    "effort": 4 if day < 14 else 3,
                }
            )
    return rows


def shoot(app: QApplication, widget: QWidget, out: Path, name: str, size: tuple[int, int]) -> None:
    """Show ``widget`` at ``size``, let it lay out, save it as NAME.png."""
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def main(argv: list[str] | None = None) -> int:
    """Make the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1280x720", help="WIDTHxHEIGHT")
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    install_translator(app, args.lang)
    programme = load_file(PROGRAMME)

    checkin = CheckInView(programme, CheckIn.REVIEW, four_weeks(), args.lang, maintenance_time="09:00")
    shoot(app, checkin, args.out, "reminder", (width, height))
    checkin.close()

    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(data_dir=Path(folder), lang=args.lang, start_session=lambda _path: None)
        window.select(PROGRAMME)
        banner = attach(window)
        title = app.translate("ReminderService", "Time for your exercises")
        body = app.translate("ReminderService", "{0}: {1} of {2} sessions done today.")
        actions = (
            ("start-now", app.translate("ReminderService", "Start now")),
            ("snooze", app.translate("ReminderService", "In 15 minutes")),
            ("not-today", app.translate("ReminderService", "Not today")),
        )
        banner.show_reminder(f"{title} — {body.format(programme.title.get(args.lang), 1, 2)}", actions)
        shoot(app, window, args.out, "reminder-banner", (width, height))
        window.close()

    lines = [ProgrammeLine(programme.id, programme.title.get(args.lang), ("09:00", "19:00"), None)]
    state = ReminderState(quiet=QuietHours(time(22), time(7)))
    settings = ReminderSettingsView(state, lines, autostart_on=True, autostart_possible=True)
    shoot(app, settings, args.out, "reminder-settings", (width, height))
    settings.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
