#!/usr/bin/env python3
"""Screenshots of the check-in and the reminder settings, for the user guide and for checking by eye.

    .venv/bin/python tools/reminder_screenshots.py             # docs/screenshots/reminder*.png, 1280×720
    .venv/bin/python tools/reminder_screenshots.py --lang nl --out /tmp/shots

Made offscreen: four weeks of SI-gewricht twice a day, pain easing from 6 to 3, so
``reminder.png`` is the check-in after the programme's four weeks, ``checkin-week2.png`` the one
after two (the leaflet's word on running again); ``reminder-banner.png``
a reminder shown in the window; ``reminder-settings.png`` the settings page. And, when Xvfb,
dbus-daemon, dunst and ImageMagick's ``import`` are there (``tools/system-deps.sh test``),
``reminder-notification.png``: a real desktop notification, as dunst shows sitimer's reminder,
sent the way sitimer sends it, on a private X display and session bus.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from sitimer.core.history.rows import SessionRow  # noqa: E402
from sitimer.core.programme.loader import load_file  # noqa: E402
from sitimer.core.reminders.checkin import CheckIn  # noqa: E402
from sitimer.core.reminders.rules import suggested_times  # noqa: E402
from sitimer.core.reminders.state import QuietHours, ReminderState  # noqa: E402
from sitimer.qt.common import style  # noqa: E402
from sitimer.qt.common.translation import install_translator  # noqa: E402
from sitimer.qt.reminders.banner import attach  # noqa: E402
from sitimer.qt.reminders.checkin_view import CheckInView  # noqa: E402
from sitimer.qt.reminders.notifications import Notification, Notifier  # noqa: E402
from sitimer.qt.reminders.settings import ProgrammeLine, ReminderSettingsView  # noqa: E402
from sitimer.qt.window.main_window import MainWindow  # noqa: E402
from tests.helpers.history_data import session_row  # noqa: E402

PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"
HERSTEL = REPO / "programmes" / "si-blokkade-herstel.yaml"
DUNSTRC = """
[global]
    origin = top-right
    offset = 16x16
    width = 480
    font = DejaVu Sans 13
    frame_width = 2
    frame_color = "#56B4E9"
    padding = 14
    horizontal_padding = 16
    icon_position = off
[urgency_normal]
    background = "#242930"
    foreground = "#F4F5F6"
    timeout = 0
"""
FIRST_DAY = date(2026, 3, 2)
PAIN_BY_WEEK = (6, 5, 4, 3)


def four_weeks() -> list[SessionRow]:
    """History rows of SI-gewricht: 09:00 and 19:00 for 28 days, pain easing week by week."""
    rows = []
    for day in range(28):
        for hour in (8, 18):  # UTC: 09:00 and 19:00 in Amsterdam in March
            started = datetime.combine(FIRST_DAY + timedelta(days=day), time(hour), UTC)
            rows.append(
                session_row(
                    programme="si-gewricht",
                    simulated=False,
                    started_at=started.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    pain=PAIN_BY_WEEK[day // 7] - (1 if hour == 18 and day % 3 == 0 else 0),
                    effort=4 if day < 14 else 3,
                )
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
    style.apply_theme(app)  # as the app looks: its palette and controls (the time boxes' arrows)
    programme = load_file(PROGRAMME)

    checkin = CheckInView(
        programme, CheckIn.REVIEW, four_weeks(), args.lang, maintenance_time="09:00", weeks_done=4
    )
    shoot(app, checkin, args.out, "reminder", (width, height))
    checkin.close()

    [week_two] = [c for c in programme.frequency.check_ins if c.week == 2]
    two_weeks = four_weeks()[:28]  # the first 14 days
    progress = CheckInView(
        programme,
        CheckIn.PROGRESS,
        two_weeks,
        args.lang,
        maintenance_time="09:00",
        point=week_two,
        weeks_done=2,
    )
    shoot(app, progress, args.out, "checkin-week2", (width, height))
    progress.close()

    with tempfile.TemporaryDirectory() as folder:
        # A home of its own, so the picker names the folder as on a patient's PC
        # (~/.local/share/sitimer/programmes), not the temporary one.
        home = os.environ.get("HOME")
        os.environ["HOME"] = folder
        data = Path(folder) / ".local" / "share" / "sitimer"
        window = MainWindow(data_dir=data, lang=args.lang, start_session=lambda _path: None)
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
        if home is not None:
            os.environ["HOME"] = home

    herstel = load_file(HERSTEL)
    lines = [
        ProgrammeLine(
            programme.id, programme.title.get(args.lang), ("09:00", "19:00"), None, suggested_times(programme)
        ),
        ProgrammeLine(herstel.id, herstel.title.get(args.lang), (), None, suggested_times(herstel)),
    ]
    state = ReminderState(quiet=QuietHours(time(22), time(7)))
    settings = ReminderSettingsView(state, lines, autostart_on=True, autostart_possible=True)
    shoot(app, settings, args.out, "reminder-settings", (width, height))
    settings.close()

    note = Notification(
        "shot",
        app.translate("ReminderService", "Time for your exercises"),
        body.format(programme.title.get(args.lang), 0, 2),
        actions,
    )
    notification_shot(note, args.out / "reminder-notification.png")
    return 0


def notification_shot(note: Notification, out: Path) -> None:
    """``note`` as dunst shows it, on a private Xvfb and session bus; skipped without the tools."""
    missing = [t for t in ("Xvfb", "dbus-daemon", "dunst", "dunstctl", "import") if shutil.which(t) is None]
    if missing:
        print(f"{out.name}: not made, {', '.join(missing)} missing (tools/system-deps.sh test)")
        return
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = ":" + pipe.readline().strip()
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    env = {**os.environ, "DISPLAY": display, "DBUS_SESSION_BUS_ADDRESS": address}
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "dunstrc"
        config.write_text(DUNSTRC)
        dunst = subprocess.Popen(["dunst", "-config", str(config)], env=env, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                if subprocess.run(["dunstctl", "is-paused"], env=env, capture_output=True).returncode == 0:
                    break
                clock.sleep(0.1)
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
            way = Notifier(use_dbus=True).show(note)
            for _ in range(100):
                shown = subprocess.run(
                    ["dunstctl", "count", "displayed"], env=env, capture_output=True, text=True
                )
                if shown.stdout.strip() == "1":
                    break
                clock.sleep(0.1)
            clock.sleep(0.5)  # drawn
            subprocess.run(
                ["import", "-display", display, "-window", "root", "-crop", "560x140+720+0", str(out)],
                check=True,
            )
            print(out, f"(shown by {way})")
        finally:
            for process in (dunst, bus, xvfb):
                process.terminate()
                process.wait()


if __name__ == "__main__":
    sys.exit(main())
