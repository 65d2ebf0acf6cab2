"""A station sending as it goes: `sitimer run … --history-url` with a real PostgreSQL server, and
with none at all (the session is the same, one calm line, nothing lost)."""

from __future__ import annotations

import os
import subprocess
import sys

from sitimer.core.practice.sender import waiting
from sitimer.core.practice.server import connected
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from tests.conftest import PROGRAMMES

PROGRAMME = PROGRAMMES / "si-blokkade-herstel.yaml"


def _run(data_dir, url):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SITIMER_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "sitimer", "run", str(PROGRAMME), "--speed", "200", "--auto"]
    return subprocess.run(
        [*command, "--history-url", url], env=env, capture_output=True, text=True, timeout=180
    )


def test_a_session_run_at_a_station_is_on_the_server_when_it_ends(practice_url, tmp_path):
    done = _run(tmp_path, practice_url)
    assert done.returncode == 0, done.stderr
    with connected(practice_url) as db:
        sessions = db.execute("SELECT status, simulated FROM sitimer.sessions").fetchall()
        steps = db.execute("SELECT count(*) FROM sitimer.steps").fetchone()[0]
    exercise_steps = [s for s in build_plan(load_file(PROGRAMME)).steps if s.is_exercise]
    assert sessions == [("completed", 1)]
    assert steps == len(exercise_steps)
    assert not waiting(tmp_path / "history.db")
    assert "practice" not in done.stderr


def test_a_station_whose_server_is_down_runs_the_session_and_keeps_it(tmp_path):
    done = _run(tmp_path, "postgresql://kiosk:geheim@/praktijk?host=/nonexistent&connect_timeout=1")
    assert done.returncode == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "practice" in line]
    assert said == [
        "sitimer: The practice's server cannot be reached; the sessions are kept here and sent later."
    ]
    assert "geheim" not in done.stderr
    assert waiting(tmp_path / "history.db").sessions == 1
