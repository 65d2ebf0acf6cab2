"""A session as a screen reader hears it: the real AT-SPI registry (Debian's at-spi2-core) on a
private D-Bus session, the app on Xvfb (xcb), read with pyatspi as Orca reads it.

The unit tests ask Qt's accessibility interface in the test process; this proves the same names
reach a screen reader through the bus.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.xdisplay import x_display

REPO = Path(__file__).resolve().parents[2]
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = Path("/usr/bin/python3")

pytestmark = pytest.mark.xvfb


def _need_atspi() -> None:
    if shutil.which("dbus-run-session") is None or not LAUNCHER.exists():
        pytest.skip("at-spi2-core and dbus are not installed (tools/system-deps.sh test installs them)")
    found = subprocess.run([str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False)
    if found.returncode != 0:
        pytest.skip("python3-pyatspi is not installed (tools/system-deps.sh test installs it)")


def test_a_screen_reader_hears_what_the_session_shows(tmp_path: Path) -> None:
    """Read over AT-SPI, the labels were "Fase", "Serie", "Oefening", "Telling of resterende tijd":
    what each label is, never "Klaarmaken", "Serie 1 van 3" or the count."""
    _need_atspi()
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False}))  # no speech engine to start
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    programme = REPO / "programmes" / "si-gewricht.yaml"
    script = f"""
{LAUNCHER} --launch-immediately &
"{sys.executable}" -m sitimer --data-dir "{data}" --lang nl run "{programme}" --auto &
app=$!
"{SYSTEM_PYTHON}" "{REPO / "tests" / "desktop" / "atspi_tree.py"}" sitimer Klaarmaken 30
read=$?
kill $app
wait $app
exit $read
"""
    with x_display(1280, 720, wm=None) as display:
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
    heard = json.loads(lines[-1]) if lines else []
    assert result.returncode == 0, f"no name reads 'Klaarmaken'; heard {heard or result.stderr[-2000:]}"
    labels = {item["description"]: item["name"] for item in heard if item["role"] == "label"}
    assert labels["Fase"] == "Klaarmaken"
    assert labels["Serie"] == "Serie 1 van 3"
    assert labels["Oefening"] == "1 · Molenwieken"
    count = [item for item in heard if item["description"].startswith("Klaarmaken: ")]
    assert count and count[0]["name"].isdigit()  # the count itself, "15" down to "1"
    buttons = {item["name"] for item in heard if item["role"] == "push button"}
    assert {"Naar de volgende stap", "De sessie stoppen"} <= buttons
