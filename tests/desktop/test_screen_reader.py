"""A session as a screen reader hears it, and a foot pedal's key on a real X server.

The real AT-SPI registry (Debian's at-spi2-core) on a private D-Bus session, the app on Xvfb (xcb),
read with pyatspi as Orca reads it. The unit tests ask Qt's accessibility interface in the test
process; this proves the same names reach a screen reader through the bus, and reads what a key
pressed on the X server (with its own keymap) did.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.xdisplay import wm_ready, x_display

REPO = Path(__file__).resolve().parents[2]
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")
PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"

pytestmark = pytest.mark.xvfb


def _need_atspi() -> None:
    if shutil.which("dbus-run-session") is None or not LAUNCHER.exists():
        pytest.skip("at-spi2-core and dbus are not installed (tools/system-deps.sh test installs them)")
    found = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False)
    if found.returncode != 0:
        pytest.skip("python3-pyatspi is not installed (tools/system-deps.sh test installs it)")


def _heard(tmp_path: Path, run: list[str] | None, steps: str, *, wm: bool = False) -> list[dict[str, str]]:
    """Start ``sitimer … run …`` (plain ``sitimer`` when ``run`` is None) on a fresh Xvfb (with
    openbox when ``wm``: it gives the window the keyboard) and the AT-SPI bus, run the shell
    ``steps`` (``$read WANTED`` reads the tree until a name contains WANTED), and return the last
    tree read."""
    _need_atspi()
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False}))  # no speech engine to start
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    args = "" if run is None else "run " + " ".join(f'"{arg}"' for arg in run)
    script = f"""
read="{SYSTEM_PYTHON} {REPO / "tests" / "desktop" / "atspi_tree.py"} sitimer"
{LAUNCHER} --launch-immediately &
"{sys.executable}" -m sitimer --data-dir "{data}" --lang nl {args} &
app=$!
{steps}
status=$?
kill $app
wait $app
exit $status
"""
    tools = ("xprop", "xdotool") if wm else ()
    ready = wm_ready if wm else None
    with x_display(
        1280, 720, tools=tools, ready=ready, wm=("openbox", "--sm-disable") if wm else None
    ) as display:
        own = ("QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS")  # xcb, and the private session's bus
        env = {k: v for k, v in os.environ.items() if k not in own}
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            XDG_RUNTIME_DIR=str(runtime),
            PYTHONPATH=str(REPO),
        )
        result = subprocess.run(
            ["dbus-run-session", "--", "bash", "-c", script],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    lines = result.stdout.splitlines()
    heard: list[dict[str, str]] = json.loads(lines[-1]) if lines else []
    assert result.returncode == 0, f"not heard; last read {heard or result.stderr[-2000:]}"
    return heard


def test_a_screen_reader_hears_what_the_session_shows(tmp_path: Path) -> None:
    """Read over AT-SPI, the labels were "Fase", "Serie", "Oefening", "Telling of resterende tijd":
    what each label is, never "Klaarmaken", "Serie 1 van 3" or the count."""
    heard = _heard(tmp_path, [str(PROGRAMME), "--auto"], "$read Klaarmaken 30")
    labels = {item["description"]: item["name"] for item in heard if item["role"] == "label"}
    assert labels["Fase"] == "Klaarmaken"
    assert labels["Serie"] == "Serie 1 van 3"
    assert labels["Oefening"] == "1 · Molenwieken"
    count = [item for item in heard if item["description"].startswith("Klaarmaken: ")]
    assert count and re.fullmatch(r"0:\d\d", count[0]["name"])  # the time itself, "0:15" down to "0:01"
    # named as they show, for voice control ("klik Volgende"); what they do is their description
    buttons = {(item["name"], item["description"]) for item in heard if item["role"] == "push button"}
    assert {("Volgende", "Naar de volgende stap"), ("Stop", "De sessie stoppen")} <= buttons


def test_a_foot_pedals_f13_starts_the_session_with_linuxs_keymap(tmp_path: Path) -> None:
    """On Linux a pedal's F13 arrives as XF86Tools (xkb's evdev keymap, X11 and Wayland alike), which
    sitimer did not know: a patient with only a pedal could neither start nor count. Pressed on the
    real X server, it now starts the session from the pain question."""
    steps = """
$read "Pijn voordat u begint" 30 > /dev/null || exit 3
xdotool key XF86Tools
$read Klaarmaken 30
"""
    heard = _heard(tmp_path, [str(PROGRAMME)], steps, wm=True)
    labels = {item["description"]: item["name"] for item in heard if item["role"] == "label"}
    assert labels["Fase"] == "Klaarmaken"  # the session, not the question


def test_behind_the_pain_question_a_screen_reader_hears_no_programme_list(tmp_path: Path) -> None:
    """The picker's rows said "showing" over AT-SPI while the pain question covered them."""
    steps = """
$read "Kies uw programma" 30 > /dev/null || exit 3
xdotool key Return
$read "Pijn voordat u begint" 30
"""
    heard = _heard(tmp_path, None, steps, wm=True)
    assert [item["name"] for item in heard if item["role"] == "list item"] == []
    assert any(item["name"] == "Pijn nu 0, geen pijn" for item in heard)  # the question is heard
