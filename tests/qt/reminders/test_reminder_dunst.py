"""A real notification server: `sitimer --reminders` against dunst on Xvfb, as a patient's desktop.

Each test starts Xvfb with openbox, a private D-Bus session bus (never the machine's) and dunst
on both, then `sitimer --reminders` on that bus with a reminder time set to the current minute
(so nothing waits for a real minute; TZ=UTC in the app and here). What dunst showed is read
back with `dunstctl history` once closed (`dunstctl count displayed` while up); its buttons are
used as a patient would: a click on the notification (its default action, "Start now") with
xdotool, or its context menu (dunst's "dmenu", here a script that picks the line a patient
would). Every wait polls with a deadline.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from tests.helpers import REPO
from tests.helpers.history_data import record_session
from tests.helpers.xdisplay import x_display

pytestmark = pytest.mark.xvfb

DEADLINE_S = 60.0  # a loaded 2-core machine can be slow; the waits end as soon as it is there
T = TypeVar("T")

DUNSTRC = """
[global]
    origin = top-left
    offset = 0x0
    width = 500
    mouse_left_click = do_action, close_current
    dmenu = {dmenu}
    show_indicators = no
[urgency_normal]
    timeout = 2
"""
# dunst's own timeout is 10 s; 2 s here: a reminder that went with it would be gone long before a
# patient away from the screen came back

# dunst's context menu hands its lines ("#Start now [Time for your exercises]", ...) to "dmenu"
# and does what the chosen line says: this one picks the line with the text in the file ``pick``
# beside it (dunst runs it, with dunst's environment, not dunstctl's).
DMENU = """#!/bin/sh
grep -F -m1 "$(cat "$(dirname "$0")/pick")"
"""


def poll(what: Callable[[], T | None], message: Callable[[], str]) -> T:
    """``what()`` once it is not None; fails with ``message()`` after DEADLINE_S."""
    end = time.monotonic() + DEADLINE_S
    while True:
        found = what()
        if found is not None:
            return found
        if time.monotonic() > end:
            pytest.fail(message())
        time.sleep(0.2)


@dataclass
class Desktop:
    """Xvfb + openbox + a private session bus + dunst."""

    env: dict[str, str]
    tmp: Path

    def shown(self) -> list[dict[str, str]]:
        """The notifications dunst has shown and closed (its history)."""
        out = subprocess.run(["dunstctl", "history"], env=self.env, capture_output=True, text=True)
        if out.returncode != 0:
            return []
        history = json.loads(out.stdout)["data"][0]
        return [{key: entry[key]["data"] for key in ("summary", "body", "appname")} for entry in history]

    def displayed(self) -> int:
        """How many notifications are on the screen now."""
        out = subprocess.run(["dunstctl", "count", "displayed"], env=self.env, capture_output=True, text=True)
        return int(out.stdout.strip() or 0)

    def wait_displayed(self, count: int) -> None:
        poll(
            lambda: True if self.displayed() == count else None,
            lambda: f"dunst shows {self.displayed()} notifications, not {count}: {self.shown()}",
        )

    def click_first(self) -> None:
        """A patient's click on the notification at the top of the screen."""
        subprocess.run(["xdotool", "mousemove", "60", "15", "click", "1"], env=self.env, check=True)

    def context_pick(self, label: str) -> None:
        """The notification's menu (dunst's context menu), choosing ``label``."""
        (self.tmp / "pick").write_text(label)
        subprocess.run(["dunstctl", "context"], env=self.env, check=True)


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    tools = ("dunst", "dunstctl", "dbus-daemon", "xdotool")
    with x_display(800, 600, tools=tools) as display:
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        dmenu = tmp_path / "dmenu.sh"
        dmenu.write_text(DMENU)
        dmenu.chmod(0o755)
        config = tmp_path / "dunstrc"
        config.write_text(DUNSTRC.format(dmenu=dmenu))
        env = {
            k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")
        }
        env.update(DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=address, TZ="UTC")
        dunst = subprocess.Popen(
            ["dunst", "-config", str(config)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / "dunst.log").open("w"),
        )
        here = Desktop(env, tmp_path)
        try:
            poll(
                lambda: (
                    True
                    if subprocess.run(["dunstctl", "is-paused"], env=env, capture_output=True).returncode == 0
                    else None
                ),
                lambda: "dunst did not come on the bus: " + (tmp_path / "dunst.log").read_text(),
            )
            yield here
        finally:
            for process in (dunst, bus):
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


def programme_copy(data: Path, bundled: str, times: list[str]) -> Path:
    """A patient's copy of a bundled programme, with the therapist's reminder times."""
    text = (REPO / "programmes" / bundled).read_text(encoding="utf-8")
    anchor = "frequency:\n"
    assert anchor in text
    folder = data / "programmes"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / bundled
    path.write_text(text.replace(anchor, f"{anchor}  reminders: {json.dumps(times)}\n", 1), encoding="utf-8")
    return path


def this_minute() -> str:
    """The reminder time that is due now (a new minute about to start is waited out)."""
    now = datetime.now(UTC)
    if now.second >= 55:
        time.sleep(61 - now.second)
        now = datetime.now(UTC)
    return now.strftime("%H:%M")


def prepare(data: Path) -> None:
    """No quiet hours, so a test run at night reminds too."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "reminders.json").write_text(json.dumps({"quiet": {"start": "00:00", "end": "00:00"}}))


def done_today(data: Path, programme: Path, count: int) -> None:
    """``count`` completed sessions of ``programme`` today, in the history."""
    store = HistoryStore(data / "history.db")
    plan = build_plan(load_file(programme))
    for _ in range(count):
        record_session(store, plan)
    store.close()


def sessions(data: Path) -> list[tuple[str, str]]:
    """(programme, status) of each session in the history, read without disturbing the app."""
    db = data / "history.db"
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return list(con.execute("SELECT programme, status FROM sessions"))
    except sqlite3.Error:
        return []


@pytest.fixture
def sitimer(desktop: Desktop) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    """Starts `sitimer --reminders` on the desktop; stopped (SIGTERM) at the end."""
    started: list[subprocess.Popen[str]] = []

    def start(data: Path, lang: str) -> subprocess.Popen[str]:
        log = (desktop.tmp / f"sitimer-{len(started)}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "-m", "sitimer", "--reminders", "--lang", lang, "--data-dir", str(data)],
            env={**desktop.env, "QT_QPA_PLATFORM": "offscreen"},
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for log in sorted(desktop.tmp.glob("sitimer-*.log")):
        print(log.name, log.read_text(), sep="\n")


def test_english_reminder_on_dunst_and_a_click_starts_the_session(
    desktop: Desktop, sitimer: Callable[..., Any], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    prepare(data)
    at = this_minute()
    programme_copy(data, "si-gewricht.yaml", [at])
    # The other programme is done for today: at the same minute, it must not remind.
    herstel = programme_copy(data, "si-blokkade-herstel.yaml", [at])
    done_today(data, herstel, 3)
    # straight into the session (the pain before it, asked by default, is the flow's own test), and
    # no voice: its speech-dispatcher, in the developer's own HOME, outlived the test run
    (data / "settings.json").write_text(json.dumps({"ask_pain_before": False, "voice": False}))
    sitimer(data, "en")

    desktop.wait_displayed(1)
    time.sleep(3)  # past dunst's timeout (2 s here): the reminder asked to stay until answered
    assert desktop.displayed() == 1
    desktop.click_first()  # the notification's default action: Start now
    poll(
        lambda: True if ("si-gewricht", "in_progress") in sessions(data) else None,
        lambda: f"no session started; history: {sessions(data)}",
    )
    desktop.wait_displayed(0)
    # What it said (dunst's history has it once it is closed); the programme done today said nothing.
    assert desktop.shown() == [
        {
            "summary": "Time for your exercises",
            "body": "SI joint: mobilising exercises: 0 of 2 sessions done today.",
            "appname": "sitimer",
        }
    ]


def test_dutch_reminder_on_dunst_and_not_today_silences_the_day(
    desktop: Desktop, sitimer: Callable[..., Any], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    prepare(data)
    at = this_minute()
    programme_copy(data, "si-gewricht.yaml", [at])
    sitimer(data, "nl")

    desktop.wait_displayed(1)
    desktop.context_pick("Vandaag niet")
    today = datetime.now(UTC).date().isoformat()

    def silenced() -> bool | None:
        state = json.loads((data / "reminders.json").read_text())
        return True if state.get("not_today", {}).get("si-gewricht") == today else None

    poll(silenced, lambda: "'Vandaag niet' was not kept: " + (data / "reminders.json").read_text())
    desktop.wait_displayed(0)
    assert sessions(data) == []
    [shown] = desktop.shown()
    assert shown["summary"] == "Tijd voor uw oefeningen"
    assert shown["body"] == "SI-gewricht: mobiliserende oefeningen: vandaag 0 van 2 sessies gedaan."

    # The rest of the day stays silent: a time added now, due at once, reminds of the other
    # programme (the running sitimer reads both files) but not of this one.
    earlier = (datetime.strptime(at, "%H:%M") - timedelta(minutes=1)).strftime("%H:%M")
    if earlier > at:
        pytest.skip("the minute before is yesterday")
    programme_copy(data, "si-gewricht.yaml", [earlier, at])
    programme_copy(data, "si-blokkade-herstel.yaml", [earlier])
    desktop.wait_displayed(1)
    subprocess.run(["dunstctl", "close-all"], env=desktop.env, check=True)
    desktop.wait_displayed(0)
    later = desktop.shown()
    assert len(later) == 2, later
    assert later[0]["body"].startswith("SI-blokkade: herstelbevorderende oefeningen: vandaag 0 van 3")
