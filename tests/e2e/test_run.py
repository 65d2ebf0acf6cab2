"""`sitimer run` as a script or a tester would use it: a whole session, unattended."""

import json
import os
import signal
import subprocess
import sys

import pytest

from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import StepKind, build_plan


def _env():
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_a_whole_session_runs_unattended_and_logs_every_count_in_order(tmp_path, si_gewricht):
    log = tmp_path / "cues.jsonl"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitimer",
            "run",
            str(si_gewricht),
            "--speed",
            "200",
            "--auto",
            "--cue-log",
            str(log),
        ],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    cues = [json.loads(line) for line in log.read_text().splitlines()]
    assert set(cues[0]) >= {"cue", "step", "scheduled_s", "actual_s"}
    plan = build_plan(load_file(si_gewricht))
    for step in plan.steps:
        if step.kind is StepKind.WORK:
            counts = [(c["count"], c["side"]) for c in cues if c["cue"] == "rep" and c["step"] == step.index]
            sides = ["right", "left"] * (step.reps // 2)
            assert counts == list(zip(range(1, step.reps + 1), sides, strict=True))
    assert [c["step"] for c in cues] == sorted(c["step"] for c in cues)
    assert [c["scheduled_s"] for c in cues] == sorted(c["scheduled_s"] for c in cues)
    spoken = {c["cue"] for c in cues}
    assert spoken >= {
        "exercise",
        "start",
        "rep",
        "rest",
        "next",
        "ten_left",
        "countdown",
        "halfway",
        "switch",
        "end",
        "complete",
    }
    assert cues[-1]["cue"] == "complete"
    assert cues[-1]["scheduled_s"] == pytest.approx(plan.total_s)
    # How late cues come is measured in benchmarks/timing.py, not asserted here; early they are
    # by the driver's one-millisecond lead at most.
    assert all(c["actual_s"] >= c["scheduled_s"] - 0.001 * 200 - 1e-5 for c in cues)


def test_ctrl_c_ends_the_session_like_esc(tmp_path, si_gewricht):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitimer",
            "run",
            str(si_gewricht),
            "--speed",
            "20",
            "--auto",
            "--cue-log",
            "/dev/stdout",
        ],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in proc.stdout:  # the log is flushed a line at a time: read it live
            if json.loads(line)["cue"] == "rep":
                break
        proc.send_signal(signal.SIGINT)
        rest = proc.stdout.read()
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
    assert "complete" not in rest  # stopped, not finished
    assert "Traceback" not in proc.stderr.read()


def test_a_broken_programme_is_refused_with_its_problems(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: X\nfrequency: {sessions_per_day: 2}\nexercises: []\n")
    done = subprocess.run(
        [sys.executable, "-m", "sitimer", "run", str(bad), "--auto"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert f"{bad}:4:12: exercises: a programme needs at least one exercise" in done.stderr
    assert "Traceback" not in done.stderr
