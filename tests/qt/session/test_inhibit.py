"""The screen stays awake during a session: ScreenInhibitor against a fake desktop screen saver.

The fake org.freedesktop.ScreenSaver (fake_screensaver.py) runs on a private bus made by
dbus-run-session; sitimer's side runs in a second process, as it would on a desktop. Both talk in
lines on their pipes, and every wait is on a line with a deadline, never a sleep.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Any

import pytest

from sitimer.core.services import ANSWER_S as SERVICE_ANSWER_S
from sitimer.qt.session import inhibit as inhibit_module
from sitimer.qt.session.inhibit import ES_CONTINUOUS, ES_DISPLAY_REQUIRED, ES_SYSTEM_REQUIRED, ScreenInhibitor
from tests.helpers import REPO
from tests.helpers.fake_service import FakeService
from tests.helpers.processes import FakeScreenSaver, LineProcess

REASON = "Exercise session: SI-gewricht, 3 x 10 bridges"
QUICK_S = 2.0  # "well under": a failed inhibit must not hold up the start of a session

# sitimer's side: reads "inhibit REASON" / "release" lines, answers each with one JSON line.
CLIENT = """
import json, sys, time
from PySide6.QtCore import QCoreApplication
from sitimer.qt.session.inhibit import ScreenInhibitor
app = QCoreApplication([])
inhibitor = ScreenInhibitor()
for line in sys.stdin:
    command, _, reason = line.rstrip("\\n").partition(" ")
    started = time.monotonic()
    result = inhibitor.inhibit(reason) if command == "inhibit" else inhibitor.release()
    print(json.dumps({"result": result, "problem": inhibitor.problem, "active": inhibitor.active,
                      "seconds": time.monotonic() - started}), flush=True)
"""


class Sitimer(LineProcess):
    """sitimer's ScreenInhibitor in its own process, on the bus at `address`."""

    def __init__(self, address: str, stderr: IO[Any]) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        super().__init__([sys.executable, "-c", CLIENT], env=env, stderr=stderr)

    def call(self, command: str) -> dict[str, Any]:
        self.say(command)
        answer: dict[str, Any] = json.loads(self.expect())
        return answer


def on_desktop(
    logs: IO[Any], processes: list[LineProcess], *fake_args: str
) -> tuple[FakeScreenSaver, Sitimer]:
    """The fake screen saver on its bus, and sitimer on the same bus."""
    fake = FakeScreenSaver(logs, *fake_args)
    processes.append(fake)
    app = Sitimer(fake.address, logs)
    processes.append(app)
    return fake, app


def assert_one_quick_line(answer: dict[str, Any]) -> None:
    """A failed inhibit: False, a one-line notice, and no noticeable wait."""
    assert answer["result"] is False and answer["active"] is False
    assert answer["problem"] and "\n" not in answer["problem"]
    assert answer["problem"].startswith("Could not keep the screen awake")
    assert answer["seconds"] < QUICK_S


def test_session_inhibits_with_its_reason_and_releases_the_same_cookie(
    logs: IO[Any], processes: list[LineProcess]
) -> None:
    fake, app = on_desktop(logs, processes)

    started = app.call(f"inhibit {REASON}")
    assert started["result"] is True and started["active"] is True and started["problem"] is None
    verb, path, app_name, cookie, reason = fake.expect().split(" ", 4)
    assert (verb, path, app_name, reason) == ("Inhibit", "/org/freedesktop/ScreenSaver", "sitimer", REASON)

    assert app.call(f"inhibit {REASON}")["result"] is True  # already held: no second cookie to leak

    assert app.call("release")["active"] is False
    assert fake.expect() == f"UnInhibit /org/freedesktop/ScreenSaver {cookie}"

    assert app.call("release")["active"] is False  # second release: nothing sent, so the next
    app.call("inhibit Next session")  # thing the screen saver hears is the next session's Inhibit
    next_line = fake.expect()
    assert next_line.startswith("Inhibit /org/freedesktop/ScreenSaver sitimer "), next_line
    next_cookie = next_line.split(" ")[3]
    assert next_cookie != cookie
    app.call("release")
    assert fake.expect() == f"UnInhibit /org/freedesktop/ScreenSaver {next_cookie}"


def test_older_kde_serves_only_slash_screensaver(logs: IO[Any], processes: list[LineProcess]) -> None:
    fake, app = on_desktop(logs, processes, "--path", "/ScreenSaver")

    assert app.call(f"inhibit {REASON}")["result"] is True
    verb, path, _, cookie, _ = fake.expect().split(" ", 4)
    assert (verb, path) == ("Inhibit", "/ScreenSaver")
    app.call("release")
    assert fake.expect() == f"UnInhibit /ScreenSaver {cookie}"


def test_release_without_inhibit_sends_nothing(logs: IO[Any], processes: list[LineProcess]) -> None:
    fake, app = on_desktop(logs, processes)

    assert app.call("release")["result"] is None
    app.call(f"inhibit {REASON}")
    assert fake.expect().startswith("Inhibit ")


def test_bus_without_screen_saver_says_so_quickly(logs: IO[Any], processes: list[LineProcess]) -> None:
    _, app = on_desktop(logs, processes, "--no-service")

    answer = app.call(f"inhibit {REASON}")
    assert_one_quick_line(answer)
    assert "no screen saver service" in answer["problem"]
    assert app.call("release")["active"] is False


def test_wedged_screen_saver_costs_at_most_the_timeout(logs: IO[Any], processes: list[LineProcess]) -> None:
    fake, app = on_desktop(logs, processes)
    assert app.call(f"inhibit {REASON}")["result"] is True
    fake.expect()

    fake.pause()
    released = app.call("release")  # UnInhibit goes unanswered: given up after the timeout
    assert released["active"] is False and released["seconds"] < QUICK_S
    answer = app.call(f"inhibit {REASON}")
    assert_one_quick_line(answer)
    assert "did not answer" in answer["problem"]


def test_no_bus_at_all_says_so_quickly(tmp_path: Path, logs: IO[Any], processes: list[LineProcess]) -> None:
    app = Sitimer(f"unix:path={tmp_path / 'no-such-bus'}", logs)
    processes.append(app)

    answer = app.call(f"inhibit {REASON}")
    assert_one_quick_line(answer)
    assert "no D-Bus session bus" in answer["problem"]
    assert app.call("release")["active"] is False


def test_a_bus_that_never_answers_costs_seconds_not_the_session(
    tmp_path: Path, logs: IO[Any], processes: list[LineProcess]
) -> None:
    # it takes the connection and then says nothing: libdbus would wait 25 s or more
    with FakeService(tmp_path / "bus", answer=None):
        app = Sitimer(f"unix:path={tmp_path / 'bus'}", logs)
        processes.append(app)
        answer = app.call(f"inhibit {REASON}")
    assert answer["result"] is False and answer["seconds"] < SERVICE_ANSWER_S + 1
    assert answer["problem"] == "Could not keep the screen awake: the D-Bus session bus does not answer."


def test_elsewhere_the_session_runs_and_the_log_says_why() -> None:
    inhibitor = ScreenInhibitor(platform="haiku")

    assert inhibitor.inhibit(REASON) is False
    assert inhibitor.problem == "Could not keep the screen awake: not supported on this system."
    inhibitor.release()
    inhibitor.release()


def test_windows_holds_display_and_system_until_release(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def set_state(flags: int) -> int:
        calls.append(flags)
        return ES_CONTINUOUS  # the previous state: success

    monkeypatch.setattr(inhibit_module, "_set_thread_execution_state", set_state)
    inhibitor = ScreenInhibitor(platform="win32")

    assert inhibitor.inhibit(REASON) is True and inhibitor.active
    inhibitor.release()
    inhibitor.release()
    assert calls == [ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED, ES_CONTINUOUS]


def test_windows_refusal_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inhibit_module, "_set_thread_execution_state", lambda flags: 0)
    inhibitor = ScreenInhibitor(platform="win32")

    assert inhibitor.inhibit(REASON) is False and not inhibitor.active
    assert inhibitor.problem == "Could not keep the screen awake: Windows refused."


def test_the_patient_sees_no_notice_when_the_screen_cannot_be_kept_awake(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The session runs all the same; why the screen may dim is for the log, not above the exercise."""
    from PySide6.QtWidgets import QLabel

    from sitimer.core.options import Options
    from sitimer.qt.app.app import App
    from sitimer.qt.audio.speech import SilentSpeaker
    from sitimer.qt.audio.tones import SilentTonePlayer

    monkeypatch.setattr(inhibit_module, "HAVE_QTDBUS", False)  # as on a system without D-Bus
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False, "ask_pain_before": False}))
    app = App(Options(lang="en", data_dir=data), sound=lambda: (SilentTonePlayer(), SilentSpeaker()))
    qtbot.addWidget(app.window)
    app.start(REPO / "programmes" / "si-gewricht.yaml")
    session = app.session
    assert session is not None
    qtbot.waitUntil(lambda: session.engine.session_start is not None, timeout=5000)
    shown = [label.text() for label in session.view.findChildren(QLabel) if label.isVisibleTo(session.view)]
    assert not [text for text in shown if "awake" in text or "D-Bus" in text]
    assert "Could not keep the screen awake" in caplog.text
    session.stop()
