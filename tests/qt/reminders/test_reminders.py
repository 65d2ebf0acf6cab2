"""Reminders reach the desktop: ReminderService against a fake org.freedesktop.Notifications.

The fake describes and serves Notify as real servers do (see fake_notifications.py); the real
one, dunst on Xvfb, is in test_reminder_dunst.py.

As in test_inhibit, the fake (fake_notifications.py) runs on a private bus made by
dbus-run-session, and sitimer's side in a second process, as on a desktop; both talk in lines,
and every wait is on a line with a deadline. The wall clock is a fake one in both: the client
is told the time. The rest runs in this process, with notifications off the bus (the banner).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from sitimer.core.history.store import HistoryStore
from sitimer.core.reminders.checkin import Answer, CheckIn
from sitimer.core.reminders.state import ReminderStateStore
from sitimer.qt.reminders.notifications import Notifier
from sitimer.qt.reminders.service import RECHECK_MS, ReminderService
from tests.helpers.processes import FakeDesktop, LineProcess

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
JUNE = date(2026, 6, 10)
# The first action is the default one: a click on the notification itself starts the session.
ACTIONS = ["default", "Start now", "snooze", "In 15 minutes", "not-today", "Not today"]

# sitimer's side: "at HH:MM" sets the clock and checks; answers each line, and each signal, in JSON.
CLIENT = """
import json, sys, os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo
from PySide6.QtCore import QCoreApplication, QSocketNotifier
from sitimer.core.history.store import HistoryStore
from sitimer.core.reminders.state import ReminderStateStore
from sitimer.qt.reminders.service import ReminderService

data, programme = Path(sys.argv[1]), Path(sys.argv[2])
app = QCoreApplication([])
now = [datetime(2026, 6, 10, 8, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))]
history = HistoryStore(data / "history.db")
service = ReminderService(data, "en", open_store=lambda: history, programmes=lambda: [programme],
                          now=lambda: now[0])

def say(**what):
    state = ReminderStateStore.in_folder(data).load()
    what.update(way=service.notifier.last_way, timer_ms=service.timer.remainingTime(),
                last=service.banner_token, snoozes=sorted(state.snoozes), not_today=state.not_today)
    print(json.dumps(what), flush=True)

service.start_requested.connect(
    lambda path: say(start_requested=str(path), activation=service.notifier.activation_token)
)
service.banner.connect(lambda text: say(banner=text))
service.notifier.action.connect(lambda token, key: say(action=key, token=token))
service.start()
say(started=service.active)
pending = [b""]

def on_stdin():
    chunk = os.read(0, 4096)
    if not chunk:
        app.quit()
        return
    *lines, pending[0] = (pending[0] + chunk).split(b"\\n")
    for line in lines:
        hour, minute = line.decode().split()[1].split(":")
        now[0] = now[0].replace(hour=int(hour), minute=int(minute))
        service.check()
        say(checked=line.decode())

notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
notifier.activated.connect(on_stdin)
app.exec()
"""


def tailored(folder: Path, si_gewricht: Path, *times: str) -> Path:
    """The therapist's copy of SI-gewricht with reminder times, as a patient has it."""
    text = si_gewricht.read_text(encoding="utf-8")
    assert "  weeks: 4" in text
    path = folder / "si-gewricht.yaml"
    path.write_text(text.replace("  weeks: 4", f"  weeks: 4\n  reminders: {json.dumps(list(times))}"))
    return path


class Sitimer(LineProcess):
    """sitimer's ReminderService in its own process, on the bus at ``address``."""

    def __init__(self, address: str, data: Path, programme: Path, stderr: IO[Any]) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        super().__init__([sys.executable, "-c", CLIENT, str(data), str(programme)], env=env, stderr=stderr)
        assert self.line()["started"] is True

    def line(self) -> dict[str, Any]:
        answer: dict[str, Any] = json.loads(self.expect())
        return answer

    def at(self, hhmm: str) -> dict[str, Any]:
        self.say(f"at {hhmm}")
        return self.line()


def on_desktop(
    logs: IO[Any], processes: list[LineProcess], tmp_path: Path, si_gewricht: Path, *fake_args: str
) -> tuple[FakeDesktop, Sitimer, Path]:
    fake = FakeDesktop(logs, *fake_args)
    processes.append(fake)
    programme = tailored(tmp_path, si_gewricht, "09:00", "19:00")
    app = Sitimer(fake.address, tmp_path / "data", programme, logs)
    processes.append(app)
    return fake, app, programme


def test_reminder_is_a_desktop_notification_and_start_now_starts(
    logs: IO[Any], processes: list[LineProcess], tmp_path: Path, si_gewricht: Path
) -> None:
    fake, app, programme = on_desktop(logs, processes, tmp_path, si_gewricht)

    assert app.at("08:59")["way"] is None  # nothing yet
    assert app.at("09:00")["way"] == "dbus"
    nid, (app_name, replaces_id, _icon, summary, body, actions, hints, _timeout) = fake.notified()
    assert (app_name, replaces_id, summary) == ("sitimer", 0, "Time for your exercises")
    assert body == "SI joint: mobilising exercises: 0 of 2 sessions done today."
    assert actions == ACTIONS
    assert hints["desktop-entry"] == "sitimer"

    fake.say(f"invoke {nid} default")
    assert app.line()["start_requested"] == str(programme)
    assert app.line()["action"] == "start-now"
    assert fake.expect() == f"CloseNotification {nid}"  # taken off the screen once answered

    checked = app.at("09:05")  # one notification per reminder time
    assert checked["last"] is None and 0 < checked["timer_ms"] <= RECHECK_MS


def test_the_desktops_activation_token_for_the_click_reaches_the_window(
    logs: IO[Any], processes: list[LineProcess], tmp_path: Path, si_gewricht: Path
) -> None:
    """GNOME 46 and KDE send ActivationToken just before ActionInvoked: with it the window that
    starts the session may come in front on Wayland. It serves that one click only."""
    fake, app, programme = on_desktop(logs, processes, tmp_path, si_gewricht)
    app.at("09:00")
    nid, _ = fake.notified()
    fake.say(f"token {nid + 100} another-programs_TIME1")  # not ours: not kept
    fake.say(f"token {nid} abc-123_TIME42")
    fake.say(f"invoke {nid} default")
    started = app.line()
    assert (started["start_requested"], started["activation"]) == (str(programme), "abc-123_TIME42")
    assert app.line()["action"] == "start-now"
    fake.expect()  # CloseNotification

    app.at("19:00")
    evening, _ = fake.notified()
    fake.say(f"invoke {evening} default")  # a desktop that sends no token (dunst, GNOME 43)
    assert app.line()["activation"] is None


def test_snooze_once_then_not_today(
    logs: IO[Any], processes: list[LineProcess], tmp_path: Path, si_gewricht: Path
) -> None:
    fake, app, _ = on_desktop(logs, processes, tmp_path, si_gewricht)
    app.at("09:00")
    nid, _ = fake.notified()

    fake.say(f"invoke {nid} snooze")
    snoozed = app.line()
    assert snoozed["action"] == "snooze" and snoozed["snoozes"] == ["si-gewricht|2026-06-10|09:00"]
    fake.expect()  # CloseNotification

    app.at("09:15")
    again, call = fake.notified()
    assert call[5] == ["default", "Start now", "not-today", "Not today"]  # no second snooze

    fake.say(f"invoke {again} not-today")
    silenced = app.line()
    assert silenced["not_today"] == {"si-gewricht": "2026-06-10"}
    assert fake.expect() == f"CloseNotification {again}"
    assert app.at("19:00")["last"] is None  # the evening reminder is silenced too


def test_another_programs_action_is_ignored_and_dismissal_is_quiet(
    logs: IO[Any], processes: list[LineProcess], tmp_path: Path, si_gewricht: Path
) -> None:
    fake, app, _ = on_desktop(logs, processes, tmp_path, si_gewricht)
    app.at("09:00")
    nid, _ = fake.notified()
    fake.say(f"invoke {nid + 100} default")
    fake.say(f"close {nid} 2")  # dismissed: the reminder stays shown, nothing else happens
    checked = app.at("09:01")
    assert "start_requested" not in checked and "action" not in checked


def test_bus_without_notification_service_falls_back_to_the_banner(
    logs: IO[Any], processes: list[LineProcess], tmp_path: Path, si_gewricht: Path
) -> None:
    _, app, _ = on_desktop(logs, processes, tmp_path, si_gewricht, "--no-service")
    banner = app.at("09:00")
    assert (
        banner["banner"]
        == "Time for your exercises — SI joint: mobilising exercises: 0 of 2 sessions done today."
    )
    assert app.line()["way"] == "banner"


def test_no_bus_at_all_falls_back_to_the_banner(
    logs: IO[Any], processes: list[LineProcess], tmp_path: Path, si_gewricht: Path
) -> None:
    programme = tailored(tmp_path, si_gewricht, "09:00", "19:00")
    app = Sitimer(f"unix:path={tmp_path / 'no-such-bus'}", tmp_path / "data", programme, logs)
    processes.append(app)
    assert app.at("09:00")["banner"].startswith("Time for your exercises")


# -- in this process: no D-Bus, no tray ---------------------------------------------------------
class Clock:
    """The wall clock of the in-process tests."""

    def __init__(self) -> None:
        self.now = datetime(2026, 6, 10, 8, 0, tzinfo=AMSTERDAM)

    def __call__(self) -> datetime:
        return self.now

    def set(self, day: date, hour: int, minute: int = 0) -> None:
        self.now = datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(tmp_path: Path, si_gewricht: Path, clock: Clock, qtbot: QtBot) -> Iterator[ReminderService]:
    programme = tailored(tmp_path, si_gewricht, "09:00", "19:00")
    store = HistoryStore(tmp_path / "data" / "history.db")
    notifier = Notifier(tray=None, use_dbus=False)
    made = ReminderService(
        tmp_path / "data",
        "en",
        open_store=lambda: store,
        programmes=lambda: [programme],
        notifier=notifier,
        now=clock,
    )
    yield made
    made.stop()
    store.close()


def test_no_tray_and_no_service_is_a_banner_with_buttons(
    service: ReminderService, clock: Clock, qtbot: QtBot
) -> None:
    banners: list[str] = []
    service.banner.connect(banners.append)
    assert service.start()
    assert banners == [] and service.timer.isActive()
    assert service.timer.remainingTime() <= 60 * 60 * 1000  # aimed at 09:00, an hour away at most

    clock.set(JUNE, 9)
    service.check()
    assert banners == [
        "Time for your exercises — SI joint: mobilising exercises: 0 of 2 sessions done today."
    ]
    assert [key for key, _ in service.banner_actions] == ["start-now", "snooze", "not-today"]

    with qtbot.waitSignal(service.start_requested) as started:
        service.answer_banner("start-now")
    assert started.args is not None and started.args[0].name == "si-gewricht.yaml"
    assert service.banner_actions == ()
    service.answer_banner("start-now")  # answered already: nothing


def test_a_second_sitimer_does_not_remind_twice(
    service: ReminderService, tmp_path: Path, clock: Clock
) -> None:
    assert service.start()
    store = HistoryStore(tmp_path / "data" / "history.db")
    other = ReminderService(tmp_path / "data", "en", open_store=lambda: store, programmes=list, now=clock)
    assert other.start() is False and not other.timer.isActive()
    service.stop()
    assert other.start() is True
    other.stop()
    store.close()


def test_timer_aims_at_the_next_reminder_and_rechecks(service: ReminderService, clock: Clock) -> None:
    clock.set(JUNE, 8, 55)
    service.start()
    assert 4 * 60 * 1000 < service.timer.remainingTime() <= 5 * 60 * 1000 + 1
    clock.set(JUNE, 9, 30)  # shown? No: it was 08:55 then; now the 09:00 one is due, late
    service.check()
    assert service.banner_token == "si-gewricht|2026-06-10|09:00"
    assert service.timer.remainingTime() == pytest.approx(RECHECK_MS, abs=1000)  # 19:00 is hours away


def test_period_over_asks_the_check_in_instead(
    service: ReminderService, clock: Clock, tmp_path: Path, si_gewricht: Path, qtbot: QtBot
) -> None:
    start = datetime(2026, 5, 1, 9, 0, tzinfo=AMSTERDAM)
    store = HistoryStore(tmp_path / "data" / "history.db", now=lambda: start)
    sid = store.begin(_start())
    store.end(sid, "completed")
    store.rate(sid, pain=6, effort=4, note=None)
    store.close()

    clock.set(JUNE, 9)  # more than four weeks after 1 May
    banners: list[str] = []
    service.banner.connect(banners.append)
    service.start()
    assert service.checkins_due() == [(tmp_path / "si-gewricht.yaml", CheckIn.REVIEW)]
    assert banners == [  # a review to take stock, never "the weeks are over"
        "How are your complaints? — SI joint: mobilising exercises: 4 weeks on, time to take stock with "
        "your therapist. Open sitimer to answer two short questions; the exercises go on after it."
    ]
    assert service.banner_token == "si-gewricht#checkin|2026-06-10|09:00"
    assert [key for key, _ in service.banner_actions] == ["answer", "not-today"]
    with qtbot.waitSignal(service.checkin_requested) as asked:
        service.answer_banner("answer")
    assert asked.args == [tmp_path / "si-gewricht.yaml", "review"]

    watched = service.watched_programme(tmp_path / "si-gewricht.yaml")
    assert watched is not None
    service.record_checkin(watched.programme, CheckIn.REVIEW, Answer.LESSENED)
    service.record_checkin(watched.programme, CheckIn.MAINTENANCE, Answer.MAINTENANCE)
    assert service.checkins_due() == []
    state = ReminderStateStore.in_folder(tmp_path / "data").load()
    assert state.maintenance == {"si-gewricht": "09:00"}
    clock.set(JUNE + timedelta(days=1), 9)
    service.check()  # the maintenance reminder: one session a day
    assert service.banner_token == "si-gewricht|2026-06-11|09:00"


def test_not_lessened_at_the_review_keeps_the_reminders_going(
    service: ReminderService, clock: Clock, tmp_path: Path
) -> None:
    start = datetime(2026, 5, 1, 9, 0, tzinfo=AMSTERDAM)
    store = HistoryStore(tmp_path / "data" / "history.db", now=lambda: start)
    store.end(store.begin(_start()), "completed")
    store.close()
    clock.set(JUNE, 9)  # past the four weeks: the review's reminder instead of the sessions'
    service.start()
    assert service.banner_token == "si-gewricht#checkin|2026-06-10|09:00"
    watched = service.watched_programme(tmp_path / "si-gewricht.yaml")
    assert watched is not None
    service.record_checkin(watched.programme, CheckIn.REVIEW, Answer.NOT_LESSENED)
    clock.set(JUNE + timedelta(days=1), 19)
    service.check()  # the exercises go on: "0 of 2 sessions done today", as before the review
    assert service.banner_token == "si-gewricht|2026-06-11|19:00"


def test_week_two_reminds_of_its_check_in_and_answered_it_is_not_asked_again(
    service: ReminderService, clock: Clock, tmp_path: Path, qtbot: QtBot
) -> None:
    start = datetime(2026, 5, 27, 9, 0, tzinfo=AMSTERDAM)  # two weeks before 10 June
    store = HistoryStore(tmp_path / "data" / "history.db", now=lambda: start)
    store.end(store.begin(_start()), "completed")
    store.close()
    banners: list[str] = []
    service.banner.connect(banners.append)
    clock.set(JUNE, 9)
    service.start()
    assert service.checkins_due() == [(tmp_path / "si-gewricht.yaml", CheckIn.PROGRESS)]
    assert banners[-1] == (
        "How are your complaints? — SI joint: mobilising exercises: 2 weeks on. Open sitimer to read "
        "what comes next and answer two short questions."
    )
    watched = service.watched_programme(tmp_path / "si-gewricht.yaml")
    assert watched is not None
    point = service.progress_point(watched)
    assert point is not None and point.week == 2
    service.record_progress(watched.programme, 2)
    assert service.checkins_due() == []
    assert ReminderStateStore.in_folder(tmp_path / "data").load().checkins == {
        "si-gewricht|progress-2": "seen"
    }


def test_a_check_in_met_after_a_week_away_counts_the_weeks_since_the_first_session(
    service: ReminderService, clock: Clock, tmp_path: Path
) -> None:
    start = datetime(2026, 5, 27, 9, 0, tzinfo=AMSTERDAM)  # two weeks before 10 June
    store = HistoryStore(tmp_path / "data" / "history.db", now=lambda: start)
    store.end(store.begin(_start()), "completed")
    store.close()
    clock.set(JUNE + timedelta(days=7), 9)  # sitimer not opened for a week: 3 weeks and 1 day
    service.start()
    watched = service.watched_programme(tmp_path / "si-gewricht.yaml")
    assert watched is not None
    point = service.progress_point(watched)
    assert point is not None and point.week == 2  # week 2's word, still to be read
    assert service.weeks_done(watched) == 3


def test_turned_off_reminds_nothing(service: ReminderService, clock: Clock) -> None:
    banners: list[str] = []
    service.banner.connect(banners.append)
    service.start()
    service.set_enabled(False)
    clock.set(JUNE, 9)
    service.check()
    assert banners == [] and service.timer.remainingTime() == pytest.approx(RECHECK_MS, abs=1000)


def _start():  # type: ignore[no-untyped-def]
    from sitimer.core.history.store import SessionStart

    return SessionStart("si-gewricht", "SI-gewricht", "hash", 2, 2, 10, {})


def test_a_time_added_while_reminding_is_read_at_once(
    tmp_path: Path, si_gewricht: Path, clock: Clock, qtbot: QtBot
) -> None:
    """`sitimer --reminders` runs; the patient's copy of a programme gets a time that is due now."""
    data = tmp_path / "data"
    store = HistoryStore(data / "history.db")
    service = ReminderService(
        data, "en", open_store=lambda: store, notifier=Notifier(tray=None, use_dbus=False), now=clock
    )
    banners: list[str] = []
    service.banner.connect(banners.append)
    try:
        clock.set(JUNE, 9, 30)
        assert service.start() and banners == []  # the bundled programmes set no times
        own = data / "programmes"
        own.mkdir()
        text = tailored(tmp_path, si_gewricht, "09:30").read_text(encoding="utf-8")
        (own / "si-gewricht.yaml.tmp").write_text(text, encoding="utf-8")
        (own / "si-gewricht.yaml.tmp").rename(own / "si-gewricht.yaml")  # as an editor saves it
        qtbot.waitUntil(lambda: banners != [], timeout=20_000)  # not at the 10-minute re-check
        assert banners[0].startswith("Time for your exercises — SI joint")

        # The times change in the file again, to one due now: read again, shown again.
        clock.set(JUNE, 10, 15)
        (own / "si-gewricht.yaml").write_text(text.replace('"09:30"', '"10:15"'), encoding="utf-8")
        qtbot.waitUntil(lambda: len(banners) == 2, timeout=20_000)
    finally:
        service.stop()
        store.close()
