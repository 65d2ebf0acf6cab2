"""sitimer on Wayland, the session GNOME starts on Debian 13 and Ubuntu: a real compositor, weston,
headless at 1280×720 with its desktop shell (a panel at the top), and Qt's own wayland platform.

Seen there by hand (weston inside Xvfb): the window, with the title bar Qt draws itself, had 655
pixels of height, and the questions after a session, laid out for 700, drew Borg's words over its
buttons. Under X11 with openbox the same screen left 700.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.xdisplay import until

REPO = Path(__file__).resolve().parents[2]
SOCKET = "wayland-sitimer"


@contextmanager
def weston(folder: Path, width: int = 1280, height: int = 720) -> Iterator[dict[str, str]]:
    """A headless weston for the test alone; yields the environment a Wayland client needs."""
    if shutil.which("weston") is None:
        pytest.skip("weston is not installed (tools/system-deps.sh test installs it)")
    runtime = folder / "run"
    runtime.mkdir(mode=0o700)
    log = folder / "weston.log"
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("DISPLAY", None)
    server = subprocess.Popen(
        ["weston", "--backend=headless-backend.so", f"--socket={SOCKET}", f"--width={width}",
         f"--height={height}", "--idle-time=0", f"--log={log}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        until(lambda: (runtime / SOCKET).exists() or server.poll() is not None, 15, "weston's socket")
        if server.poll() is not None:
            pytest.fail(f"weston ended: {log.read_text(errors='replace')[-2000:]}")
        yield {**env, "WAYLAND_DISPLAY": SOCKET, "QT_QPA_PLATFORM": "wayland"}
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_on_wayland_every_home_page_fits_the_window_the_compositor_gives(tmp_path: Path, lang: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"voice": False}))
    with weston(tmp_path) as env:
        done = subprocess.run(
            [sys.executable, "-m", "tests.desktop.wayland_drive", "--lang", lang, "--data", str(data)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.splitlines()[-1])
    assert (report["platform"], report["exposed"], report["screen"]) == ("wayland", True, [1280, 720])
    for page in ("picker", "rating", "progress"):
        seen = report[page]
        width, height = seen["window"]
        assert width <= 1280 and height < 720, f"{page}: not the compositor's size: {seen['window']}"
        assert seen["overlapping"] == [], f"{page} at {width}×{height}"
        assert seen["cut"] == [], f"{page} at {width}×{height}"
