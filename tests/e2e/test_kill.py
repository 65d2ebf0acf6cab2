"""Nothing is lost: a session killed at any moment keeps every step it completed."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys

SEED = 20261121
SPEED = 200


def _completed_steps(lines: list[dict]) -> set[int]:
    """Steps whose END cue was followed by a cue of a later wake-up: their record was written before it.

    The app records what a moment caused once that moment's cues are out, so a step's row
    is on disk before any cue of the next wake-up. A wake-up hands out only what is due,
    so a cue due after the END cue was handed out cannot have come in the same wake-up.
    """
    completed = set()
    for i, end in enumerate(lines):
        if end["cue"] == "end" and any(c["scheduled_s"] > end["actual_s"] for c in lines[i + 1 :]):
            completed.add(end["step"])
    return completed


def test_sigkill_at_twenty_random_moments_loses_no_completed_step(tmp_path, si_gewricht):
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SITIMER_DATA_DIR": str(data)}
    rng = random.Random(SEED)
    expected: list[set[int]] = []
    for _ in range(20):
        stop_after = rng.randint(1, 120)  # cue lines: from the first seconds to well into exercise 2
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sitimer",
                "run",
                str(si_gewricht),
                "--speed",
                str(SPEED),
                "--auto",
                "--cue-log",
                "/dev/stdout",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        seen = []
        try:
            for line in proc.stdout:
                seen.append(json.loads(line))
                if len(seen) >= stop_after:
                    break
            proc.send_signal(signal.SIGKILL)
            seen += [json.loads(line) for line in proc.stdout]  # what was flushed before it died
        finally:
            proc.kill()
            proc.wait()
        expected.append(_completed_steps(seen))

    done = subprocess.run(
        [sys.executable, "-m", "sitimer", "history", "--json", "--steps", "--include-simulated"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    sessions = json.loads(done.stdout)["sessions"]
    assert len(sessions) == 20
    for session, steps in zip(sessions, expected, strict=True):
        recorded = {s["step"] for s in session["steps"] if not s["skipped"]}
        assert steps <= recorded, f"session {session['id']} lost steps {sorted(steps - recorded)}"
        assert session["status"] == "interrupted"
        assert session["simulated"] is True
    db = sqlite3.connect(data / "history.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
