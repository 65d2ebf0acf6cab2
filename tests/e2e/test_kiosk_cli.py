"""`sitimer kiosk ...` and `sitimer --kiosk`, run as a therapist (or a set-up script) runs them."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from sitimer.core.kiosk.config import KioskConfigStore
from sitimer.core.kiosk.pin import verify_pin
from tests.conftest import REPO


def sitimer(*args: str | Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "en_GB.UTF-8", "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "sitimer", *map(str, args)],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_set_pin_reads_stdin_and_keeps_a_salted_hash_only(tmp_path):
    data = tmp_path / "data"
    done = sitimer("kiosk", "set-pin", "--data-dir", data, stdin="2468\n2468\n")
    assert done.returncode == 0, done.stderr
    path = data / "kiosk.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700  # the data folder it made: as history makes it
    assert "2468" not in path.read_text()
    config = KioskConfigStore(path).load()
    assert config.pin is not None and verify_pin("2468", config.pin)
    for bad in ("24\n", "2468\n1357\n", "24x8\n", ""):
        refused = sitimer("--data-dir", data, "kiosk", "set-pin", stdin=bad)
        assert refused.returncode == 1 and "nothing changed" in refused.stderr, bad
    again = KioskConfigStore(path).load()
    assert again.pin == config.pin  # a refused PIN changed nothing


def test_assign_station_idle_and_show(tmp_path):
    data = tmp_path / "data"
    own = data / "programmes"
    own.mkdir(parents=True)
    (own / "plank.yaml").write_text(
        "id: plank\ntitle: Plank\nfrequency:\n  sessions_per_day: 1\nexercises:\n"
        "  - {id: plank, name: Plank, instructions: Hold., kind: hold, hold_s: 30, sides: none}\n"
    )
    steps = [
        ("kiosk", "assign", "004217", "si-gewricht.yaml", own / "plank.yaml"),
        ("kiosk", "assign", "567890", REPO / "programmes" / "si-blokkade-herstel.yaml"),
        ("kiosk", "station", "programmes/plank.yaml"),
        ("kiosk", "idle", "5"),
    ]
    for args in steps:
        done = sitimer(*args, "--data-dir", data)
        assert done.returncode == 0, (args, done.stderr)
    shown = sitimer("kiosk", "show", "--data-dir", data)
    assert json.loads(shown.stdout) == {
        "version": 1,
        "pin": False,
        "idle_minutes": 5.0,
        "codes": {
            "004217": ["si-gewricht.yaml", "programmes/plank.yaml"],
            "567890": ["si-blokkade-herstel.yaml"],
        },
        "station": "programmes/plank.yaml",
    }
    for short in ("12", "12345"):  # a new code is at least six digits
        wrong = sitimer("kiosk", "assign", short, "si-gewricht.yaml", "--data-dir", data)
        assert wrong.returncode == 1 and "6 to 8 digits" in wrong.stderr
    broken = sitimer("kiosk", "assign", "123456", "nothing-here.yaml", "--data-dir", data)
    assert broken.returncode == 1 and "nothing-here.yaml" in broken.stderr
    assert "123456" not in json.loads(sitimer("kiosk", "show", "--data-dir", data).stdout)["codes"]
    unknown = sitimer("kiosk", "assign", "999999", "--data-dir", data)  # removing a code never set up
    assert unknown.returncode == 1 and "nothing to remove" in unknown.stderr
    asked = sitimer("kiosk", "station", "--data-dir", data)  # no file: not a way to switch it off
    assert asked.returncode == 1
    assert "programmes/plank.yaml" in asked.stderr and "nothing changed" in asked.stderr
    assert (
        json.loads(sitimer("kiosk", "show", "--data-dir", data).stdout)["station"] == "programmes/plank.yaml"
    )
    assert sitimer("kiosk", "station", "--off", "--data-dir", data).returncode == 0
    assert json.loads(sitimer("kiosk", "show", "--data-dir", data).stdout)["station"] is None


def test_an_older_short_code_can_still_be_changed_or_removed(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "kiosk.json").write_text(json.dumps({"version": 1, "codes": {"4217": ["si-gewricht.yaml"]}}))
    changed = sitimer("kiosk", "assign", "4217", "si-blokkade-herstel.yaml", "--data-dir", data)
    assert changed.returncode == 0, changed.stderr
    codes = json.loads(sitimer("kiosk", "show", "--data-dir", data).stdout)["codes"]
    assert codes == {"4217": ["si-blokkade-herstel.yaml"]}
    assert sitimer("kiosk", "assign", "4217", "--data-dir", data).returncode == 0
    assert json.loads(sitimer("kiosk", "show", "--data-dir", data).stdout)["codes"] == {}
    new_short = sitimer("kiosk", "assign", "4218", "si-gewricht.yaml", "--data-dir", data)
    assert new_short.returncode == 1 and "6 to 8 digits" in new_short.stderr


def test_the_kiosk_does_not_start_without_a_pin(tmp_path):
    done = sitimer("--kiosk", "--data-dir", tmp_path / "data")
    assert done.returncode == 2
    assert "sitimer kiosk set-pin" in done.stderr
