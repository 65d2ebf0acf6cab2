"""The kiosk on a real X server with a window manager (Xvfb + openbox): the keys that close windows
elsewhere leave it full screen; only the therapist's PIN, then Exit, ends the process.

The kiosk session (resources/kiosk/) is run as a kiosk user's display manager would: its
openbox offers no key or click that hides the kiosk or opens a menu or a program. Under
openbox's own defaults, whatever hides the kiosk or takes the keyboard from it, it takes both
back. "In front" is what X says (xdotool, xprop, xwininfo); "the keypad reads the keys" is
what the screen shows (screenshots compared); every wait polls with a generous timeout.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitimer.core.history.store import HistoryStore
from tests.helpers import REPO
from tests.helpers.xdisplay import until, wm_ready, x_display

KIOSK = REPO / "resources" / "kiosk"
# Not 1280×720: that is the window's own first size, so a window brought back at it looked full screen
# (under openbox's defaults, Minimise gave it back at its normal size, full screen in name only).
WIDTH, HEIGHT = 1366, 768
PIN = "2468"
TOOLS = ("xdotool", "xprop", "xwininfo", "import", "compare")
# What openbox binds by default and a patient could press or click: show the desktop, go to
# desktop 2 (by keys and by Alt + the wheel), the window menu (with "Send to desktop"), the
# next window, a file manager, close; the desktop's menu is a right- or middle-click on it.
ESCAPE_KEYS = ("super+d", "ctrl+alt+Right", "super+F2", "alt+space", "alt+Tab", "super+e", "alt+F4")

pytestmark = pytest.mark.xvfb


def x(display: str, *args: str, timeout_s: float = 10) -> str:
    """Run an X client (xdotool, xprop, xwininfo) on ``display``; its output."""
    env = {**os.environ, "DISPLAY": display}
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout_s, check=True).stdout


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh WIDTH×HEIGHT X display managed by openbox, torn down afterwards."""

    with x_display(WIDTH, HEIGHT, tools=("xdotool", "xprop", "xwininfo"), ready=wm_ready) as name:
        yield name


def states(spy_log: Path) -> list[str]:
    """The WM_STATE values `xprop -spy` has seen so far: Normal, Iconic, ..."""
    return re.findall(r"window state: (\w+)", spy_log.read_text())


def full_screen_and_shown(display: str, window: str) -> bool:
    info = x(display, "xwininfo", "-id", window)
    state = x(display, "xprop", "-id", window, "_NET_WM_STATE")
    return (
        "Map State: IsViewable" in info
        and f"Width: {WIDTH}" in info
        and f"Height: {HEIGHT}" in info
        and "_NET_WM_STATE_FULLSCREEN" in state
    )


def set_up(data: Path) -> dict[str, str]:
    """A data folder with a PIN; the environment to run sitimer from this checkout."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "en_GB.UTF-8", "SITIMER_DATA_DIR": str(data)}
    set_pin = subprocess.run(
        [sys.executable, "-m", "sitimer", "kiosk", "set-pin"],
        input=f"{PIN}\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert set_pin.returncode == 0, set_pin.stderr
    (data / "settings.json").write_text('{"ask_pain_before": false}')  # the session starts at once
    return env


def find_window(display: str, *criteria: str, timeout_s: float = 30) -> str:
    """The first shown window matching ``criteria`` (xdotool search's), polled until it is there.

    Not ``xdotool search --sync``: a window that goes while xdotool reads it (Qt makes and drops
    some as it starts) makes xdotool exit 1, which once failed a run; polling asks again.
    """
    env = {**os.environ, "DISPLAY": display}
    found: list[str] = []

    def shown() -> bool:
        search = ["xdotool", "search", "--onlyvisible", *criteria]
        found[:] = subprocess.run(search, env=env, capture_output=True, text=True).stdout.split()
        return bool(found)

    until(shown, timeout_s, f"a window {' '.join(criteria)}")
    return found[0]


def kiosk_window(display: str) -> str:
    return find_window(display, "--name", "^sitimer$")


def shown_windows(display: str) -> set[str]:
    """The windows on screen: clients' frames, and a menu or a prompt of the window manager."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--maxdepth", "1", "--name", ""],
        env=env,
        capture_output=True,
        text=True,
    )
    return set(found.stdout.split())  # (exit 1: none)


def exists(display: str, window: str) -> bool:
    env = {**os.environ, "DISPLAY": display}
    return subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True).returncode == 0


def one_desktop(display: str) -> bool:
    return "_NET_NUMBER_OF_DESKTOPS(CARDINAL) = 1" in x(display, "xprop", "-root", "_NET_NUMBER_OF_DESKTOPS")


def root(display: str) -> str:
    return x(display, "xprop", "-root", "_NET_CURRENT_DESKTOP", "_NET_SHOWING_DESKTOP")


def in_front(display: str, window: str) -> bool:
    """The kiosk shown, full screen, the active window and the one with the keyboard focus."""
    active = subprocess.run(
        ["xdotool", "getactivewindow"], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True
    ).stdout.strip()
    focus = x(display, "xdotool", "getwindowfocus").strip()
    return active == window and focus == window and full_screen_and_shown(display, window)


def shot(display: str, path: Path) -> Path:
    x(display, "import", "-window", "root", str(path))
    return path


def same_picture(a: Path, b: Path) -> bool:
    """Whether two screenshots are the same, pixel for pixel (ImageMagick's count of differences)."""
    done = subprocess.run(
        ["compare", "-metric", "AE", str(a), str(b), "null:"], capture_output=True, text=True
    )
    return done.stderr.strip().split()[0] == "0"


def still_screen(display: str, folder: Path, name: str) -> Path:
    """A screenshot once the screen stays the same for 1.5 s (openbox's "desktop 2" pop-up stays 1 s)."""
    first, second = folder / f"{name}-before.png", folder / f"{name}-still.png"

    def still() -> bool:
        shot(display, first)
        threading.Event().wait(1.5)
        return same_picture(first, shot(display, second))

    until(still, 20, f"a still screen ({name})")
    return first


def sessions_begun(data: Path) -> int:
    """The sessions in the kiosk's history (read only: the kiosk may be writing)."""
    if not (data / "history.db").exists():
        return 0
    with contextlib.closing(sqlite3.connect(f"file:{data / 'history.db'}?mode=ro", uri=True)) as db:
        return int(db.execute("SELECT count(*) FROM sessions").fetchone()[0])


def leave_question_shown(display: str) -> bool:
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Stop the session$"], env=env)
    return found.returncode == 0


@contextlib.contextmanager
def in_a_session(display: str, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str, Path]]:
    """The kiosk with code 123456 for SI-gewricht, the code typed and its first programme's session
    begun: the kiosk, its window and its log. Killed at the end if it still runs."""
    env = set_up(tmp_path / "data")
    assigned = subprocess.run(
        [sys.executable, "-m", "sitimer", "kiosk", "assign", "123456", "si-gewricht.yaml"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert assigned.returncode == 0, assigned.stderr
    log = tmp_path / "kiosk.log"
    with log.open("w") as stderr:
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "sitimer", "--kiosk", "--lang", "en"],
            env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        window = kiosk_window(display)
        until(lambda: in_front(display, window), 20, "the kiosk in front with the keyboard")
        x(display, "xdotool", "mousemove", "1260", "20")
        start_screen = shot(display, tmp_path / "start.png")
        x(display, "xdotool", "type", "123456")
        x(display, "xdotool", "key", "Return")
        patient = tmp_path / "patient.png"
        until(lambda: not same_picture(start_screen, shot(display, patient)), 10, "the patient's page")
        x(display, "xdotool", "key", "1")  # their first programme
        until(lambda: not same_picture(patient, shot(display, tmp_path / "session.png")), 20, "the session")
        until(lambda: sessions_begun(tmp_path / "data") == 1, 20, "the session begun (its sounds loaded)")
        yield kiosk, window, log
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()


def keypad_reads_keys(display: str, folder: Path, name: str) -> None:
    """Digits typed show in the code field, and Esc clears them again: the keyboard is the keypad's."""
    before = still_screen(display, folder, name)
    typed, cleared = folder / f"{name}-typed.png", folder / f"{name}-cleared.png"
    x(display, "xdotool", "type", "12")
    until(lambda: not same_picture(before, shot(display, typed)), 10, f"digits shown on the keypad ({name})")
    x(display, "xdotool", "key", "Escape")
    until(lambda: same_picture(before, shot(display, cleared)), 10, f"Esc clearing them ({name})")


def exit_with_pin(display: str) -> None:
    x(display, "xdotool", "key", "--clearmodifiers", "alt+t")  # Therapist: the PIN page at once
    x(display, "xdotool", "type", PIN)
    x(display, "xdotool", "key", "Return")
    x(display, "xdotool", "key", "--clearmodifiers", "alt+e")  # Exit kiosk


def press(display: str, what: str) -> None:
    """A key chord, a click ("click:3" right, "click:2" middle) or Alt + the wheel ("alt+wheel")."""
    if what == "alt+wheel":
        x(display, "xdotool", "keydown", "alt", "click", "5", "click", "5", "click", "4", "keyup", "alt")
    elif what.startswith("click:"):
        x(display, "xdotool", "click", what.removeprefix("click:"))
    else:
        x(display, "xdotool", "key", "--clearmodifiers", what)


def test_the_kiosk_sessions_openbox_shows_no_menu_and_switches_nothing(tmp_path: Path) -> None:
    """On the bare desktop of the kiosk session's openbox: no menu, no other desktop, no program."""
    rc = str(KIOSK / "rc.xml")
    wm = ("openbox", "--sm-disable", "--config-file", rc)

    with x_display(WIDTH, HEIGHT, tools=TOOLS, ready=wm_ready, wm=wm) as display:
        until(lambda: one_desktop(display), 10, "openbox with one desktop")
        x(display, "xdotool", "mousemove", "640", "360")
        before, desktops = shown_windows(display), root(display)
        for what in ("click:3", "click:2", "alt+wheel", *ESCAPE_KEYS):
            press(display, what)
            x(display, "xdotool", "sleep", "0.3")  # (a menu would open at once; this only lets it)
            assert shown_windows(display) == before, what
            assert root(display) == desktops, what
        shot(display, tmp_path / "bare-desktop.png")


def test_the_kiosk_session_keeps_the_kiosk_in_front_and_starts_it_again(tmp_path: Path) -> None:
    """The session as a kiosk user's display manager starts it: escape keys and clicks do nothing,
    a crashed kiosk comes back, and the therapist's Exit ends the session."""
    env = set_up(tmp_path / "data")
    with x_display(WIDTH, HEIGHT, tools=TOOLS, wm=None) as display:
        log = tmp_path / "session.log"
        with log.open("w") as stderr:
            session = subprocess.Popen(
                [str(KIOSK / "sitimer-kiosk-session"), "--lang", "en"],
                env={
                    **env,
                    "DISPLAY": display,
                    "QT_QPA_PLATFORM": "xcb",
                    "SITIMER": f"{sys.executable} -m sitimer",
                },
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        try:
            window = kiosk_window(display)
            until(lambda: in_front(display, window), 20, "the kiosk in front with the keyboard")
            until(lambda: one_desktop(display), 10, "openbox with one desktop")
            x(display, "xdotool", "mousemove", "20", "700")  # a corner with no button under it
            before, desktops = shown_windows(display), root(display)
            for what in ("click:3", "click:2", "alt+wheel", *ESCAPE_KEYS):
                press(display, what)
                x(display, "xdotool", "sleep", "0.3")
                assert shown_windows(display) == before, what  # no menu, no prompt, no program
                assert root(display) == desktops, what  # the same desktop, not "showing the desktop"
                assert in_front(display, window), what
                keypad_reads_keys(display, tmp_path, what.replace("+", "-").replace(":", "-"))

            pid = x(display, "xdotool", "getwindowpid", window).strip()
            os.kill(int(pid), signal.SIGKILL)  # a crash
            until(lambda: not exists(display, window), 20, "the crashed kiosk gone")
            window = kiosk_window(display)
            until(lambda: in_front(display, window), 30, "the kiosk started again, in front")
            keypad_reads_keys(display, tmp_path, "restarted")
            assert "starting it again" in log.read_text()

            exit_with_pin(display)
            assert session.wait(timeout=30) == 0, log.read_text()  # the session ends: the login screen
        finally:
            shot(display, tmp_path / "last.png")
            if session.poll() is None:
                session.terminate()
                session.wait(timeout=10)


def test_under_openbox_defaults_the_kiosk_takes_back_the_front_and_the_keyboard(
    display: str, tmp_path: Path
) -> None:
    """Openbox as it comes: its keys still work, but whatever hid the kiosk or took its keyboard,
    the kiosk is back in front with the keypad reading the keys within a moment."""
    env = set_up(tmp_path / "data")
    log = tmp_path / "kiosk.log"
    with log.open("w") as stderr:
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "sitimer", "--kiosk", "--lang", "en"],
            env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    other = subprocess.Popen(  # another program's window, behind the kiosk
        ["xmessage", "-geometry", "300x100+20+20", "another program"],
        env={**os.environ, "DISPLAY": display},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        window = kiosk_window(display)
        until(lambda: in_front(display, window), 20, "the kiosk in front with the keyboard")
        xmessage = find_window(display, "--class", "xmessage")
        x(display, "xdotool", "mousemove", "1260", "20")  # no button under it
        escapes: list[tuple[str, tuple[str, ...]]] = [
            ("minimised", ("xdotool", "windowminimize", window)),
            ("the desktop shown", ("xdotool", "key", "--clearmodifiers", "super+d")),
            ("desktop 2", ("xdotool", "key", "--clearmodifiers", "ctrl+alt+Right")),
            ("sent to desktop 2", ("xdotool", "set_desktop_for_window", window, "1")),
            ("another window", ("xdotool", "windowactivate", xmessage)),
            ("alt+tab", ("xdotool", "key", "--clearmodifiers", "alt+Tab")),
            ("alt+wheel", ("xdotool", "keydown", "alt", "click", "5", "keyup", "alt")),
            ("unmapped", ("xdotool", "windowunmap", window)),
        ]
        for name, command in escapes:
            subprocess.run(command, env={**os.environ, "DISPLAY": display}, capture_output=True, timeout=10)
            try:
                until(lambda: in_front(display, window), 20, f"the kiosk back in front after: {name}")
            except pytest.fail.Exception:  # what the screen and the window manager showed
                shot(display, tmp_path / f"{name}-stuck.png".replace(" ", "-"))
                props = ("_NET_WM_STATE", "WM_STATE", "_NET_WM_DESKTOP")
                print(x(display, "xwininfo", "-id", window), x(display, "xprop", "-id", window, *props))
                print(root(display), x(display, "xdotool", "getwindowfocus"), log.read_text())
                raise
            keypad_reads_keys(display, tmp_path, name.replace(" ", "-"))
        exit_with_pin(display)
        assert kiosk.wait(timeout=15) == 0, log.read_text()
    finally:
        other.kill()
        other.wait()
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()


def test_a_question_sent_to_another_desktop_with_the_kiosk_leaves_no_desktop_behind(
    display: str, tmp_path: Path
) -> None:
    """Openbox as it comes: "Stop the session?", then "Send to desktop 2" from the question's own
    window menu. Both went, the kiosk did not come back (only the idle reset brought it, minutes
    later), and the desktop left behind had openbox's menu, with a terminal, a right-click away."""
    with in_a_session(display, tmp_path) as (_kiosk, window, log):
        x(display, "xdotool", "key", "Escape")
        until(lambda: leave_question_shown(display), 20, "the question to leave the session")
        question = find_window(display, "--name", "^Stop the session$")
        for moved in (question, window):  # as openbox's "Send to desktop" moves a dialog and its window
            subprocess.run(
                ["xdotool", "set_desktop_for_window", moved, "1"],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
                timeout=10,
            )
        try:
            until(lambda: in_front(display, window), 20, "the kiosk back in front on the desktop shown")
        except pytest.fail.Exception:
            shot(display, tmp_path / "stuck.png")
            print(root(display), log.read_text())
            raise
        assert not leave_question_shown(display)  # answered No: the session goes on


def test_the_kiosk_survives_closing_keys_and_exits_only_with_the_pin(display: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "en_GB.UTF-8", "SITIMER_DATA_DIR": str(data)}
    set_pin = subprocess.run(
        [sys.executable, "-m", "sitimer", "kiosk", "set-pin"],
        input=f"{PIN}\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert set_pin.returncode == 0, set_pin.stderr
    log = tmp_path / "kiosk.log"
    with log.open("w") as stderr:
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "sitimer", "--kiosk", "--data-dir", str(data), "--lang", "en"],
            env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        window = kiosk_window(display)
        until(lambda: full_screen_and_shown(display, window), 10, "the kiosk full screen")
        x(display, "xdotool", "windowactivate", "--sync", window)

        x(display, "xdotool", "type", "12")  # a code begun, for Esc to clear
        # openbox turns Alt+F4 into a close request (WM_DELETE_WINDOW); the others reach Qt
        for chord in ("alt+F4", "Escape", "ctrl+q", "ctrl+w"):
            x(display, "xdotool", "key", "--clearmodifiers", chord)
        assert kiosk.poll() is None, log.read_text()
        assert full_screen_and_shown(display, window)

        spy_log = tmp_path / "wm_state.log"
        with spy_log.open("w") as out:  # every change of the window's WM_STATE, as it happens
            spy = subprocess.Popen(
                ["xprop", "-spy", "-id", window, "WM_STATE"],
                env={**os.environ, "DISPLAY": display},
                stdout=out,
            )
        try:
            until(lambda: states(spy_log) == ["Normal"], 10, "xprop -spy")
            x(display, "xdotool", "windowminimize", window)  # the window menu's Minimise
            # At least one change after the first look, the last back to Normal. Iconic and back are two
            # changes, but xprop reads the value when told of one, so when the kiosk comes back quickly
            # both may read "Normal"; and under a full CI run only one change came at all (seen:
            # ['Normal', 'Normal'], the kiosk back full screen). Were it never minimised, none would come.
            try:
                seen = lambda: states(spy_log)  # noqa: E731
                until(lambda: len(seen()) >= 2 and seen()[-1] == "Normal", 10, "minimised, back")
            except pytest.fail.Exception:  # seen once under a full CI run: what was there to see
                shown = full_screen_and_shown(display, window)
                pytest.fail(
                    f"minimised, back: WM_STATE seen {states(spy_log)}, full screen and shown now: {shown}; "
                    f"the kiosk said: {log.read_text()[-1500:]!r}"
                )
        finally:
            spy.terminate()
            spy.wait(timeout=5)
        until(lambda: full_screen_and_shown(display, window), 10, "the kiosk back full screen")
        x(display, "xdotool", "windowactivate", "--sync", window)

        x(display, "xdotool", "key", "--clearmodifiers", "alt+t")  # Therapist: the PIN page at once
        x(display, "xdotool", "type", PIN)
        x(display, "xdotool", "key", "Return")
        x(display, "xdotool", "key", "--clearmodifiers", "alt+e")  # Exit kiosk
        try:
            assert kiosk.wait(timeout=15) == 0
        except subprocess.TimeoutExpired:
            if shutil.which("import"):  # what the screen showed, to see where it stuck
                x(display, "import", "-window", "root", str(tmp_path / "stuck.png"))
            raise
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()
    assert "kiosk closed by the therapist" in log.read_text()


def test_after_a_stopped_and_rated_session_the_keypad_reads_the_keys(display: str, tmp_path: Path) -> None:
    """Code, Enter, the first programme, Esc, y, the two questions by keys, Enter: back on the start
    screen the digits typed show at once, with no click first."""
    with in_a_session(display, tmp_path) as (kiosk, _window, log):
        x(display, "xdotool", "key", "Escape")
        until(lambda: leave_question_shown(display), 20, "the question to leave the session")
        x(display, "xdotool", "key", "y")
        until(lambda: not leave_question_shown(display), 10, "the question answered")
        still_screen(display, tmp_path, "rating")  # the two questions after the session
        for key in ("3", "4", "Return"):  # pain 3, effort 4, Enter (in the note): done
            x(display, "xdotool", "key", key)
        keypad_reads_keys(display, tmp_path, "after-the-session")
        exit_with_pin(display)
        assert kiosk.wait(timeout=15) == 0, log.read_text()
    [session] = HistoryStore(tmp_path / "data" / "history.db").sessions(profile="123456")
    assert (session.status, session.pain, session.effort) == ("stopped", 3, 4)
