"""Every window and dialog on a real desktop: Xvfb at 1280×720 with openbox, the xcb platform.

The app runs in a subprocess (``python -m tests.desktop.drive``) without the offscreen platform the
other tests use; it opens each window and dialog as the app does, and reports what the screen shows:
whether it fits the screen with its title bar, and whether its text has WCAG AA contrast (4.5:1)
in the pixels. The screenshots are kept in ``$SITIMER_SHOTS`` or ``shots/desktop/`` (git-ignored)
for CI to keep as artefacts, and for a person to look at.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.xdisplay import wm_ready, x_display

REPO = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1280, 720
LAPTOP = (1366, 768)
SHOTS = Path(os.environ.get("SITIMER_SHOTS", REPO / "shots" / "desktop"))
EVERY = [
    "picker",
    "picker-daily",
    "session",
    "session-tempo",
    "leave",
    "error",
    "save",
    "saved",
    "rating",
    "progress",
    "progress-empty",
    "reminders",
    "editor",
    "editor-save",
    "editor-add",
    "editor-unsaved",
    "kiosk-pin",
    "kiosk-patient",
    "kiosk-therapist",
    "kiosk-leave",
]
TEMPO = {"en": "Faster", "nl": "Sneller"}  # the words of the tempo shown over the session after +
DIALOGS = {"leave", "error", "save", "saved", "editor-save", "editor-add", "editor-unsaved", "kiosk-leave"}
LANGS = ("en", "nl")
DIALOG_TEXT_PX = 18  # dialog text for older eyes: at least this

Verdicts = dict[tuple[str, str], dict[str, Any]]

pytestmark = pytest.mark.xvfb


def _drive(
    size: tuple[int, int], runs: list[tuple[str, list[str]]], out: Path, data: Path
) -> dict[tuple[str, str], dict[str, Any]]:
    """Run the driver on a fresh display of ``size``, once per (language, scenarios); the verdicts."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    with x_display(*size, tools=("xprop",), ready=wm_ready) as display:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(
            DISPLAY=display,
            PYTHONPATH=str(REPO),
            SITIMER_DATA_DIR=str(data),
            DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent",  # a desktop without a session bus
        )
        for lang, scenarios in runs:
            # Into files, not pipes: a program the driver starts (speech-dispatcher spawns itself)
            # could hold a pipe open after the driver ended, and the wait ran to its timeout with
            # what the driver said unseen.
            said, told = data / f"drive-{lang}.out", data / f"drive-{lang}.err"
            with said.open("w") as stdout, told.open("w") as stderr:
                driver = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "tests.desktop.drive",
                        "--out",
                        str(out),
                        "--lang",
                        lang,
                        *scenarios,
                    ],
                    cwd=REPO,
                    env=env,
                    stdout=stdout,
                    stderr=stderr,
                    text=True,
                )
                try:
                    code = driver.wait(timeout=300)
                except subprocess.TimeoutExpired:
                    driver.kill()
                    driver.wait()
                    code = None
            assert code == 0, f"exit {code}: {told.read_text()[-3000:]}"
            for line in said.read_text().splitlines():
                verdict = json.loads(line)
                found[verdict["scenario"], verdict["lang"]] = verdict
    return found


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> Verdicts:
    """Every scenario in both languages at 1280×720, run once for the module on one display."""
    return _drive((WIDTH, HEIGHT), [(lang, EVERY) for lang in LANGS], SHOTS, tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def laptop_verdicts(tmp_path_factory: pytest.TempPathFactory) -> Verdicts:
    """The windows (not the dialogs) on a common laptop screen, 1366×768."""
    windows = [name for name in EVERY if name not in DIALOGS]
    data = tmp_path_factory.mktemp("data")
    return _drive(LAPTOP, [("en", windows)], SHOTS / "1366x768", data)


def _scenarios() -> list[Any]:
    return [pytest.param(name, lang, id=f"{lang}-{name}") for lang in LANGS for name in EVERY]


@pytest.mark.parametrize(("name", "lang"), _scenarios())
def test_every_window_and_dialog_fits_the_screen_and_its_text_is_readable(
    verdicts: Verdicts, name: str, lang: str
) -> None:
    verdict = verdicts[name, lang]
    assert verdict["platform"] == "xcb" and verdict["screen"] == [WIDTH, HEIGHT]
    assert Path(verdict["shot"]).is_file()
    assert verdict.get("placed", True), "the window manager never framed the dialog"
    shown, *under = verdict["windows"]
    for window in (shown, *under):
        assert window["fits"], f"{window['title']}: frame {window['frame']} off {window['available']}"
    assert shown["cut_off"] == []
    assert shown["clipped"] == [], "text cut off at its end"
    assert shown["low_contrast"] == [], f"text below 4.5:1 (see {verdict['shot']})"
    # Nothing drawn over anything else; only the new tempo, shown a moment over the session on purpose.
    over = [pair for pair in shown["overlapping"] if not (name == "session-tempo" and TEMPO[lang] in pair)]
    assert over == [], f"drawn over each other (see {verdict['shot']})"
    if name in DIALOGS:
        assert shown["smallest_text_px"] >= DIALOG_TEXT_PX, "dialog text too small"


@pytest.mark.parametrize("name", ["leave", "kiosk-leave"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_session_waits_while_leaving_is_asked(verdicts: Verdicts, name: str, lang: str) -> None:
    verdict = verdicts[name, lang]
    states = (verdict["before"], verdict["during"]["state"], verdict["after"])
    assert states == ("RUNNING", "PAUSED", "RUNNING")  # paused while asked; No goes on


@pytest.mark.parametrize("lang", LANGS)
def test_a_session_shows_no_technical_notice(verdicts: Verdicts, lang: str) -> None:
    """No D-Bus session bus here: the screen cannot be kept awake, and the patient is not told in jargon."""
    [window] = verdicts["session", lang]["windows"]
    assert not [text for text in window["texts"] if "D-Bus" in text or "awake" in text or "wakker" in text]


@pytest.mark.parametrize(("lang", "words"), [("en", "Faster"), ("nl", "Sneller")])
def test_plus_shows_the_new_tempo_on_the_session_screen(verdicts: Verdicts, lang: str, words: str) -> None:
    [window] = verdicts["session-tempo", lang]["windows"]
    assert [text for text in window["texts"] if text.startswith(words)]  # and readable: see the test above


@pytest.mark.parametrize("name", [name for name in EVERY if name not in DIALOGS])
def test_every_window_fits_a_1366_by_768_laptop_screen(laptop_verdicts: Verdicts, name: str) -> None:
    verdict = laptop_verdicts[name, "en"]
    assert verdict["screen"] == list(LAPTOP)
    [window] = verdict["windows"]
    assert window["fits"], f"{window['title']}: frame {window['frame']} off {window['available']}"
    assert window["cut_off"] == window["clipped"] == window["low_contrast"] == []
