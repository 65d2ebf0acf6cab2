"""The cue log of a real Dutch session says what the voice says: a therapist can read it back."""

import itertools
import json
import os
import subprocess
import sys

import pytest

from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan


@pytest.fixture(scope="module")
def dutch_log(tmp_path_factory) -> list[dict]:
    """``sitimer run si-gewricht.yaml --speed 200 --auto --cue-log F --lang nl``, read back."""
    tmp = tmp_path_factory.mktemp("run")
    log = tmp / "cues.jsonl"
    programme = os.path.join(os.path.dirname(__file__), "..", "..", "programmes", "si-gewricht.yaml")
    command = ["run", programme, "--speed", "200", "--auto", "--cue-log", str(log), "--lang", "nl"]
    done = subprocess.run(
        [sys.executable, "-m", "sitimer", *command, "--data-dir", str(tmp / "data")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_every_cue_says_its_words_and_a_tone_says_none(dutch_log):
    assert all({"cue", "step", "scheduled_s", "actual_s", "say"} <= set(c) for c in dutch_log)
    tones = {c["cue"] for c in dutch_log if c["say"] is None}
    assert tones == {"countdown", "end"}


def test_the_dutch_session_reads_from_start_to_end(dutch_log):
    said = [c["say"] for c in dutch_log if c["say"]]
    # molenwieken: named once with its set, the first side before the first count, 30 counts
    assert said[:4] == [
        "Molenwieken, serie één van drie, dertig keer",
        "begin rechts: rechterhand naar linkervoet",
        "rechts één",
        "links twee",
    ]
    assert said[31:35] == [
        "links dertig",
        "rust, één minuut",
        "nog tien seconden",
        "serie twee van drie, begin rechts",
    ]
    assert "rechts: dertig seconden vasthouden" in said
    assert "wissel van kant: links, linkerknie naar rechts" in said
    assert said[-1] == "klaar, goed gedaan"
    assert not any(a == b for a, b in itertools.pairwise(said))  # nothing said twice in a row
    assert not any("set " in s or "houd vast" in s for s in said)


def test_the_log_has_a_line_for_every_count_of_the_plan(dutch_log, si_gewricht):
    plan = build_plan(load_file(si_gewricht))
    counts = [c for c in dutch_log if c["cue"] == "rep"]
    assert len(counts) == sum(s.reps or 0 for s in plan.steps if s.kind.value == "work") == 270
    assert counts[0]["say"] == "rechts één" and counts[29]["say"] == "links dertig"
