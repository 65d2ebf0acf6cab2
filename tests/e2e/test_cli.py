"""The command-line contract, run as a user runs it: `python -m sitimer` in a subprocess."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

STEP_KEYS = {"kind", "exercise", "set", "sets", "side", "reps", "duration_s", "estimate_s", "start_s"}
STEP_KINDS = {"prepare", "work", "hold", "timed", "rest", "switch", "done"}  # "activity": a daily one now
PROBLEM = re.compile(
    r"(?P<file>.+?):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<path>\S[^:]*): (?P<message>.+)"
)

VALID = """\
id: demo
title: Demo
frequency:
  sessions_per_day: 2
exercises:
  - id: si-rekken
    name: SI-rekken
    instructions: Hold the knee across.
    kind: hold
    hold_s: 30
    sides: each
"""


def sitimer(
    *args: str | Path,
    cwd: Path = REPO,
    lang: str = "en_GB.UTF-8",
    drop: tuple[str, ...] = (),
    **run: Any,
) -> subprocess.CompletedProcess[str]:
    """``python -m sitimer ARGS`` as a user runs it; ``drop`` leaves variables out of its environment,
    ``run`` goes to subprocess.run (input, user, umask, ...)."""
    env = {**os.environ, "LANG": lang, "LC_ALL": lang, "PYTHONPATH": str(REPO)}
    for name in ("LANGUAGE", "LC_MESSAGES", *drop):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "sitimer", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        **run,
    )


def problem_lines(output: str, file: Path | str) -> list[re.Match[str]]:
    """Every line of ``output`` as a located problem about ``file``; fails on any other line."""
    lines = output.splitlines()
    assert lines, "a broken file must be reported"
    matches = []
    for line in lines:
        match = PROBLEM.fullmatch(line)
        assert match, f"not FILE:LINE:COL: path: message: {line!r}\n{output}"
        assert match["file"] == str(file), line
        matches.append(match)
    return matches


def plan(*args: str | Path, lang: str = "en_GB.UTF-8", cwd: Path = REPO) -> dict[str, Any]:
    result = sitimer("plan", *args, "--json", lang=lang, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


# --- validate ----------------------------------------------------------------------------------


def test_validate_accepts_both_bundled_programmes(si_gewricht: Path, si_blokkade: Path) -> None:
    result = sitimer("validate", si_gewricht, si_blokkade)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{si_gewricht}: ok (4 exercises")
    assert lines[1].startswith(f"{si_blokkade}: ok (4 of 11 exercises switched on")


def test_validate_gives_the_length_the_picker_shows(
    qtbot: Any, tmp_path: Path, si_gewricht: Path, si_blokkade: Path
) -> None:
    # SI-blokkade lasts 10 min 45 s (it was 21 min 15 s with the walk): validate said "about 10 min"
    # where the picker said "about 11 min".
    from sitimer.core.programme.loader import load_file
    from sitimer.qt.picker.entry_delegate import KIND_ROLE
    from sitimer.qt.window.main_window import MainWindow

    minutes = re.compile(r"about (\d+)\s+min a session")  # on screen a no-break space
    result = sitimer("validate", si_gewricht, si_blokkade)
    said = {}
    for path, line in zip((si_gewricht, si_blokkade), result.stdout.splitlines(), strict=True):
        found = minutes.search(line)
        assert found, line
        said[load_file(path).title.get("en")] = found[1]
    window = MainWindow(data_dir=tmp_path, lang="en", start_session=lambda path: None)
    qtbot.addWidget(window)
    items = [window.picker.list.item(i) for i in range(window.picker.list.count())]
    shown = {}
    for item in items:
        if item.data(KIND_ROLE) == "entry":
            title, summary = item.text().split("\n")
            found = minutes.search(summary)
            assert found, summary
            shown[title] = found[1]
    assert (
        said
        == shown
        == {"SI joint: mobilising exercises": "26", "SI joint blockage: recovery exercises": "11"}
    )


BROKEN: dict[str, tuple[bytes, int, int, str]] = {
    # name: (file content, line, column, path of the first problem)
    "yaml-syntax": (
        VALID.replace("  sessions_per_day: 2\n", "  sessions_per_day: 2\n    weeks: 4\n").encode(),
        5,
        10,
        "(yaml)",
    ),
    "wrong-type": (
        VALID.replace("hold_s: 30", "hold_s: half a minute").encode(),
        10,
        13,
        "exercises[0].hold_s",
    ),
    "zero-duration": (VALID.replace("hold_s: 30", "hold_s: 0").encode(), 10, 13, "exercises[0].hold_s"),
    "negative-count": (
        VALID.replace("sides: each", "sides: each\n    sets: -3").encode(),
        12,
        11,
        "exercises[0].sets",
    ),
    "zero-per-day": (
        VALID.replace("sessions_per_day: 2", "sessions_per_day: 0").encode(),
        4,
        21,
        "frequency.sessions_per_day",
    ),
    "unknown-field": (
        VALID.replace("hold_s: 30", "hold_s: 30\n    hold_sec: 30").encode(),
        11,
        5,
        "exercises[0].hold_sec",
    ),
    "empty": (b"", 1, 1, "(file)"),
    "png": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU",
        1,
        1,
        "(file)",
    ),
    "binary-junk": (bytes(range(256)) * 8, 1, 1, "(file)"),
    "nul-bytes": (b"id: demo\x00\x00\x00\n", 1, 9, "(yaml)"),
    "python-tag": (b'!!python/object/apply:os.system ["touch pwned"]\n', 1, 1, "(file)"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_validate_reports_a_broken_file_on_located_lines(tmp_path: Path, name: str) -> None:
    content, line, column, path = BROKEN[name]
    file = tmp_path / f"{name}.yaml"
    file.write_bytes(content)
    result = sitimer("validate", file, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "", "never a traceback"
    first = problem_lines(result.stdout, file)[0]
    assert (int(first["line"]), int(first["col"]), first["path"]) == (line, column, path), first[0]
    assert not (tmp_path / "pwned").exists()


def test_a_bundled_programme_is_found_by_its_name(tmp_path: Path, si_gewricht: Path) -> None:
    """Installed from the package, the bundled programmes are in /opt/sitimer: `sitimer plan
    si-gewricht` said "cannot read". A file of that name where sitimer is run still comes first."""
    result = sitimer("validate", "si-gewricht", "si-blokkade-herstel.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(f"{si_gewricht.resolve()}: ok (4 exercises")
    assert plan("si-gewricht", cwd=tmp_path)["programme"]["id"] == "si-gewricht"
    (tmp_path / "si-gewricht.yaml").write_text("not: a programme\n")
    result = sitimer("validate", "si-gewricht.yaml", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.startswith("si-gewricht.yaml:")


def test_validate_reports_a_missing_file(tmp_path: Path) -> None:
    result = sitimer("validate", "missing.yaml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    [problem] = problem_lines(result.stdout, "missing.yaml")
    assert (problem["line"], problem["col"], problem["path"]) == ("1", "1", "(file)")
    assert "cannot read" in problem["message"]


def test_a_python_tag_in_a_field_runs_nothing(tmp_path: Path) -> None:
    mark = tmp_path / "pwned"
    file = tmp_path / "evil.yaml"
    file.write_text(VALID.replace("title: Demo", f'title: !!python/object/apply:os.system ["touch {mark}"]'))
    result = sitimer("validate", file, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    problems = problem_lines(result.stdout, file)
    assert not mark.exists()
    assert any("not allowed" in p["message"] for p in problems)
    result = sitimer("plan", file, "--json", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not mark.exists()


def test_validate_reports_every_file_and_every_problem(tmp_path: Path, si_gewricht: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        VALID.replace("hold_s: 30", "hold_sec: 30\n    rest: 60").replace(
            "sessions_per_day: 2", "sessions_per_day: 0"
        )
    )
    result = sitimer("validate", broken, si_gewricht)
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert lines[-1].startswith(f"{si_gewricht}: ok")
    problems = problem_lines("\n".join(lines[:-1]), broken)
    located = {(int(p["line"]), int(p["col"]), p["path"]) for p in problems}
    assert {
        (4, 21, "frequency.sessions_per_day"),
        (10, 5, "exercises[0].hold_sec"),
        (11, 5, "exercises[0].rest"),
    } <= located
    hints = {p["path"]: p["message"] for p in problems}
    assert hints["exercises[0].hold_sec"] == "unknown field (did you mean 'hold_s'?)"
    assert hints["exercises[0].rest"] == "unknown field (did you mean 'rest_s'?)"


def test_validate_and_plan_say_the_problems_in_dutch_for_a_dutch_therapist(tmp_path: Path) -> None:
    """`--lang nl` (or a Dutch system) was taken and the problems were printed in English anyway."""
    tabbed = tmp_path / "tab.yaml"
    tabbed.write_text(VALID.replace("exercises:\n  - id:", "exercises:\n\t- id:"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(VALID.replace("hold_s: 30", "hold_sec: 30"), encoding="utf-8")
    result = sitimer("validate", "--lang", "nl", tabbed, broken)
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and result.stderr == ""
    assert lines[0].endswith(
        ": (yaml): bij het lezen van het volgende stuk: teken '\\t' kan hier niet staan"
        " (springt u in met een tab? gebruik spaties)"
    )
    assert lines[1] == f"{broken}:10:5: exercises[0].hold_sec: onbekend veld (bedoelt u 'hold_s'?)"
    planned = sitimer("plan", broken, lang="nl_NL.UTF-8")  # the system's language
    assert planned.returncode == 1 and "onbekend veld" in planned.stderr
    english = sitimer("validate", tabbed)
    assert "the character '\\t' cannot stand here (indented with a tab? use spaces)" in english.stdout


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('"hold\\nsec": 30\n', "hold"),
        ('"\\ud800": 1\n', "\\ud800"),
        (VALID.replace("title: Demo", 'title: "Demo \\ud800"'), "title"),
    ],
    ids=["newline-in-a-field-name", "lone-surrogate-field-name", "lone-surrogate-title"],
)
def test_odd_characters_are_reported_on_one_line_and_never_crash_plan(
    tmp_path: Path, text: str, path: str
) -> None:
    file = tmp_path / "odd.yaml"
    file.write_text(text)
    result = sitimer("validate", file)
    assert (result.returncode, result.stderr) == (1, ""), result.stderr
    problems = problem_lines(result.stdout, file)
    assert any(path in p["path"] for p in problems), result.stdout
    result = sitimer("plan", file, "--json")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr


# --- plan --json ---------------------------------------------------------------------------------


def check_contract(data: dict[str, Any]) -> None:
    """Exactly the keys of the contract (and the ones added since); steps back to back (by duration_s, else
    estimate_s); total_s the start of `done`."""
    assert set(data) == {"programme", "total_s", "steps", "daily_activities", "daily_time_s", "exercises"}
    assert set(data["programme"]) == {"id", "title", "sessions_per_day", "weeks", "check_ins"}
    per_day = data["programme"]["sessions_per_day"]
    assert data["daily_time_s"] == {
        "min": pytest.approx(data["total_s"] * per_day["min"]),
        "max": pytest.approx(data["total_s"] * per_day["max"]),
    }
    walked = list(dict.fromkeys(s["exercise"] for s in data["steps"] if s["exercise"]))
    assert [e["id"] for e in data["exercises"]] == walked
    for exercise in data["exercises"] + data["daily_activities"]:
        assert {"id", "number", "card", "name", "leaflet_dose"} <= set(exercise), exercise
    assert set(data["programme"]["sessions_per_day"]) == {"min", "max"}
    steps = data["steps"]
    for step in steps:
        assert set(step) == STEP_KEYS, step
        assert step["kind"] in STEP_KINDS
        assert step["side"] in ("left", "right", "alternate", None)
    assert steps[-1]["kind"] == "done" and [s["kind"] for s in steps].count("done") == 1
    assert steps[0]["start_s"] == 0
    assert data["total_s"] == steps[-1]["start_s"]
    assert [s["start_s"] for s in steps] == sorted(s["start_s"] for s in steps)
    for step, after in itertools.pairwise(steps):
        # exactly one of the two: a fixed length, or the estimate of a length the patient decides
        assert (step["duration_s"] is None) != (step["estimate_s"] is None), step
        assert after["start_s"] == pytest.approx(step["start_s"] + (step["duration_s"] or step["estimate_s"]))


def exercise_steps(data: dict[str, Any], exercise_id: str) -> list[dict[str, Any]]:
    return [s for s in data["steps"] if s["exercise"] == exercise_id]


def test_plan_si_gewricht_follows_the_leaflet(si_gewricht: Path) -> None:
    data = plan(si_gewricht)
    check_contract(data)
    assert {k: v for k, v in data["programme"].items() if k != "check_ins"} == {
        "id": "si-gewricht",
        "title": "SI joint: mobilising exercises",
        "sessions_per_day": {"min": 2, "max": 2},
        "weeks": 4,
    }
    steps = data["steps"]
    for before, after in itertools.pairwise(steps):  # every step here has a fixed length
        assert after["start_s"] == pytest.approx(before["start_s"] + before["duration_s"]), before
    # molenwieken, roteren, krachtoefening: 3 sets of 15 per side, counted as 30 alternating reps,
    # "met tussenpozen van 1 minuut".
    for exercise_id, tempo_s in (("molenwieken", 3), ("roteren", 3), ("krachtoefening", 2)):
        own = exercise_steps(data, exercise_id)
        work = [s for s in own if s["kind"] == "work"]
        assert [(s["set"], s["sets"], s["reps"], s["side"]) for s in work] == [
            (1, 3, 30, "alternate"),
            (2, 3, 30, "alternate"),
            (3, 3, 30, "alternate"),
        ], exercise_id
        assert {s["duration_s"] for s in work} == {30 * tempo_s}
        kinds = [s["kind"] for s in own if s["kind"] != "rest" or s["set"] is not None]
        assert kinds == ["prepare", "work", "rest", "work", "rest", "work"], exercise_id
        assert [s["duration_s"] for s in own if s["kind"] == "rest" and s["set"]] == [60, 60]
    # SI-rekken: hold 30 s, "3x beiderzijds": 6 holds, right and left in turn.
    holds = [s for s in exercise_steps(data, "si-rekken") if s["kind"] == "hold"]
    assert [(s["side"], s["duration_s"], s["set"]) for s in holds] == [
        ("right", 30, 1),
        ("left", 30, 1),
        ("right", 30, 2),
        ("left", 30, 2),
        ("right", 30, 3),
        ("left", 30, 3),
    ]
    # 4 prepares of 15 s, 3x90 + 3x90 + 3x60 s of reps, 6 holds of 30 s, 5 switches of 10 s,
    # 6 rests of 60 s between sets and 3 of 60 s between exercises.
    assert data["total_s"] == 4 * 15 + 270 + 270 + 180 + 6 * 30 + 5 * 10 + 6 * 60 + 3 * 60 == 1550


def test_plan_si_blokkade_default_session_has_exercises_2_to_4_and_the_walk_apart(si_blokkade: Path) -> None:
    data = plan(si_blokkade)
    check_contract(data)
    assert data["programme"]["sessions_per_day"] == {"min": 3, "max": 5}
    assert data["programme"]["weeks"] is None
    order = list(dict.fromkeys(s["exercise"] for s in data["steps"] if s["exercise"]))
    assert order == ["knieen-opzij", "been-lang-maken", "knie-naar-borst"]
    # exercise 1 ("n.v.t.", outside the 3-5x a day series) is a daily activity, not a step
    assert {s["kind"] for s in data["steps"]} == {"prepare", "work", "rest", "done"}
    assert data["daily_activities"] == [
        {
            "id": "wandelen-fietsen",
            "number": "1",
            "card": None,
            "name": "Walk or cycle",
            "leaflet_dose": "no count",
            "estimate_s": 600,
        }
    ]
    assert data["total_s"] == 645
    for exercise_id in order:  # "beide zijden 10x", 3 times
        work = [s for s in exercise_steps(data, exercise_id) if s["kind"] == "work"]
        assert [(s["set"], s["reps"], s["side"]) for s in work] == [
            (1, 20, "alternate"),
            (2, 20, "alternate"),
            (3, 20, "alternate"),
        ]
    rests = [s["duration_s"] for s in data["steps"] if s["kind"] == "rest"]
    assert rests and set(rests) == {15}  # "daarna ± 15 sec. rust"


def test_plan_si_blokkade_all_phases_has_exercises_2_to_11_and_the_walk_apart(si_blokkade: Path) -> None:
    data = plan(si_blokkade, "--all-phases")
    check_contract(data)
    order = list(dict.fromkeys(s["exercise"] for s in data["steps"] if s["exercise"]))
    assert order == [
        "knieen-opzij",
        "been-lang-maken",
        "knie-naar-borst",
        "hol-en-bol",
        "knie-naar-andere-schouder",
        "knieen-naar-schouder",
        "arm-en-been-heffen",
        "buikspieren-recht",
        "buikspieren-schuin",
        "hakkenloop",
    ]
    heels = exercise_steps(data, "hakkenloop")
    timed = [s for s in heels if s["kind"] == "timed"]
    assert [(s["set"], s["sets"], s["duration_s"]) for s in timed] == [(1, 3, 12), (2, 3, 12), (3, 3, 12)]
    assert [s["duration_s"] for s in heels if s["kind"] == "rest"] == [15, 15]
    assert {s["duration_s"] for s in data["steps"] if s["kind"] == "rest"} == {15}
    # the walk is no step: the patient decides its length, and its 10-minute estimate is no part of a session
    assert [s["kind"] for s in data["steps"] if s["kind"] == "activity"] == []
    assert [(a["id"], a["estimate_s"]) for a in data["daily_activities"]] == [("wandelen-fietsen", 600)]
    assert data["total_s"] == 1761


def test_plan_json_gives_the_card_number_the_leaflet_dose_and_the_time_a_day(si_blokkade: Path) -> None:
    data = plan(si_blokkade, "--all-phases", "--lang", "nl")
    check_contract(data)
    by_id = {e["id"]: e for e in data["exercises"]}
    # the card's table and descriptions swap 5 and 6: "10x hol en bol" is "Oef. 6", "beide benen 10x" "Afb. 5"
    assert (by_id["hol-en-bol"]["number"], by_id["hol-en-bol"]["card"]) == ("5", "oef. 6")
    assert (by_id["knie-naar-andere-schouder"]["number"], by_id["knie-naar-andere-schouder"]["card"]) == (
        "6",
        "afb. 5",
    )
    assert by_id["knieen-opzij"]["leaflet_dose"] == "10× per kant, 3 keer"  # "beide zijden 10x ... 3 keer"
    assert by_id["arm-en-been-heffen"]["leaflet_dose"] == "totaal 10× om en om, 3 keer"  # "totaal 10x"
    assert by_id["hakkenloop"]["leaflet_dose"] == "10–12 sec, 3 keer"  # "duur: 10-12 sec."
    assert [(a["id"], a["leaflet_dose"]) for a in data["daily_activities"]] == [
        ("wandelen-fietsen", "n.v.t.")
    ]
    # every exercise switched on: 29 min 21 s a session, "drie tot vijf maal daags"
    assert data["daily_time_s"] == {"min": 3 * 1761, "max": 5 * 1761}


def test_plan_json_gives_seed_000s_check_ins_with_week_4_as_the_review(si_gewricht: Path) -> None:
    check_ins = plan(si_gewricht)["programme"]["check_ins"]
    assert [(c["week"], c["review"]) for c in check_ins] == [(2, False), (4, True)]
    assert "running" in check_ins[0]["note"] and "sports physician" in check_ins[1]["note"]


def test_plan_without_json_reads_as_the_leaflet_with_the_card_number_and_the_day(si_blokkade: Path) -> None:
    result = sitimer("plan", si_blokkade, "--all-phases", "--lang", "nl")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "SI-blokkade: herstelbevorderende oefeningen"
    # 29 min 21 s a session, 3-5 times: 88-147 min (rounded up to the minute)
    assert lines[1] == "3–5× per dag · ongeveer 30 min per keer · 1 uur 30 min – 2 uur 30 min per dag"
    assert "  5 · Bekken kantelen (hol en bol) (kaart: oef. 6) — 10×, 3 keer" in lines
    assert "  6 · Knie naar de andere schouder (kaart: afb. 5) — 10× per kant, 3 keer" in lines
    assert "  2 · Knieën opzij kantelen — 10× per kant, 3 keer" in lines
    apart = lines.index("Elke dag, los van de oefenmomenten:")
    assert lines[apart + 1] == "  1 · Wandelen of fietsen — n.v.t."
    assert not any("Wandelen" in line for line in lines[:apart])


def test_plan_without_json_says_what_is_off_and_the_check_ins(si_gewricht: Path, si_blokkade: Path) -> None:
    today = sitimer("plan", si_blokkade, "--lang", "en").stdout.splitlines()
    assert today[1] == "3–5 times a day · about 11 min each time · 33–55 min a day"
    assert today[-1].startswith("Switched off: Pelvic tilt (hollow and round); Knee to opposite shoulder;")
    seed_000 = sitimer("plan", si_gewricht, "--lang", "en").stdout.splitlines()
    assert seed_000[1] == "2 times a day · about 26 min each time · 52 min a day"
    assert "  1 · Windmills — 15 per side, 3 times" in seed_000
    assert "  2 · SI stretch — hold 30 s, 3 times each side" in seed_000
    assert seed_000[-2].startswith("  week 2: ") and seed_000[-1].startswith("  week 4, review: ")


def test_plan_says_once_a_day_and_no_session_for_daily_activities_alone(
    si_gewricht: Path, tmp_path: Path
) -> None:
    once = tmp_path / "once.yaml"
    once.write_text(
        si_gewricht.read_text(encoding="utf-8").replace("sessions_per_day: 2", "sessions_per_day: 1", 1)
    )
    assert (
        sitimer("plan", once, "--lang", "en").stdout.splitlines()[1].startswith("once a day · ")
    )  # "1 times"
    walk = tmp_path / "walk.yaml"
    walk.write_text(
        "id: walk\ntitle: {nl: Wandelen, en: Walking}\nfrequency: {sessions_per_day: 1}\nexercises:\n"
        "  - {id: walk, name: {nl: Wandelen, en: Walk}, kind: activity,\n"
        "     instructions: {nl: Wandel., en: Walk.}}\n"
    )
    assert sitimer("plan", walk, "--lang", "nl").stdout.splitlines()[1] == (
        "Geen oefenmoment: alleen dagelijkse activiteiten"
    )


def test_plan_of_a_broken_file_exits_1_with_located_problems(tmp_path: Path) -> None:
    file = tmp_path / "broken.yaml"
    file.write_text(VALID.replace("hold_s: 30", "hold_s: 0"))
    result = sitimer("plan", file, "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    problem = problem_lines(result.stderr, file)[0]
    assert (problem["line"], problem["col"], problem["path"]) == ("10", "13", "exercises[0].hold_s")


# --- global options ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "nl", "plan", "{f}", "--json"),
        ("plan", "{f}", "--json", "--lang", "nl"),
        ("plan", "--lang", "nl", "{f}", "--json"),
    ],
    ids=["before", "after", "between"],
)
def test_lang_is_accepted_before_or_after_the_subcommand(si_gewricht: Path, args: tuple[str, ...]) -> None:
    result = sitimer(*(a.format(f=si_gewricht) for a in args))
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["programme"]["title"] == "SI-gewricht: mobiliserende oefeningen"


def test_lang_follows_the_system_when_not_given(si_gewricht: Path) -> None:
    dutch = "SI-gewricht: mobiliserende oefeningen"
    assert plan(si_gewricht, lang="nl_NL.UTF-8")["programme"]["title"] == dutch
    assert plan(si_gewricht, lang="en_GB.UTF-8")["programme"]["title"] == "SI joint: mobilising exercises"
    assert plan(si_gewricht, "--lang", "en", lang="nl_NL.UTF-8")["programme"]["title"] == (
        "SI joint: mobilising exercises"
    )


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_data_dir_is_accepted_before_or_after_the_subcommand(
    tmp_path: Path, si_gewricht: Path, before: bool
) -> None:
    option = ["--data-dir", str(tmp_path / "data")]
    for command in (["validate", str(si_gewricht)], ["plan", str(si_gewricht), "--json"]):
        result = sitimer(*(option + command if before else command + option))
        assert (result.returncode, result.stderr) == (0, ""), command


def test_an_unknown_language_is_refused(si_gewricht: Path) -> None:
    result = sitimer("plan", si_gewricht, "--json", "--lang", "de")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr and "Traceback" not in result.stderr


FIGURES = """\
poses:
  knee-hug:
    base: back
    hip_flex_r: 120
    knee_r: 170
"""


def test_validate_locates_figure_and_media_problems_and_plan_still_runs_without_the_photo(
    tmp_path: Path,
) -> None:
    with_photo = VALID.replace("sides: each", "sides: each\n    media: knie.jpg")
    file = tmp_path / "photo.yaml"
    file.write_text(with_photo, encoding="utf-8")
    result = sitimer("validate", file, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        f"{file}:12:12: exercises[0].media: no file 'knie.jpg' beside the programme (looked in {tmp_path}/)\n"
    )
    assert sitimer("plan", file, "--json", cwd=tmp_path).returncode == 0  # the text still shows
    (tmp_path / "knie.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xd9")
    assert sitimer("validate", file, cwd=tmp_path).returncode == 0

    figures = tmp_path / "figures.yaml"
    figures.write_text(
        VALID.replace("exercises:", FIGURES + "exercises:").replace(
            "sides: each", "sides: each\n    figure: {start: stand, rep: [knee-hugg]}"
        ),
        encoding="utf-8",
    )
    result = sitimer("validate", figures, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"{figures}:9:13: poses.knee-hug.knee_r:"
        " 170° is beyond what a body can do: knee_r goes from 0 to 155°",
        f"{figures}:17:33: exercises[0].figure.rep: not used by a hold exercise",
        f"{figures}:17:13: exercises[0].figure.hold: required field missing for a hold exercise",
        f"{figures}:17:34: exercises[0].figure.rep[0]: no pose named 'knee-hugg' (did you mean 'knee-hug'?)",
    ]
