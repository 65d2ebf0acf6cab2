"""Programme files that once hung, crashed or blew up sitimer, run as a user runs it (issue 15, items 6-8).

Each must give one located line per problem (`FILE:LINE:COL: path: message`) and exit 1 —
never a traceback, never a wait (the helper's timeout), never a figure nobody meant.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e.test_cli import VALID, problem_lines, sitimer

COMMANDS = (("validate",), ("plan", "--json"), ("run", "--speed", "100", "--auto"), ("edit",))


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(*args: str | Path, file: Path) -> list[str]:
    """Run a command on ``file``: exit 1, every output line a located problem; returns "path: message"."""
    result = sitimer(*args, file, "--data-dir", file.parent / "data")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    output = result.stdout + result.stderr
    if args[0] in (
        "run",
        "edit",
    ):  # these start Qt first, which may warn (locale, sound server) on its own lines
        output = "\n".join(line for line in output.splitlines() if line.startswith(f"{file}:"))
    found = problem_lines(output, file)
    return [f"{m['path']}: {m['message']}" for m in found]


# --- item 6: numbers too large, files that are not files, sizes that blow up ------------------------


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_309_digit_integer_is_one_line_in_every_command(tmp_path: Path, command: tuple[str, ...]) -> None:
    path = write(tmp_path, VALID.replace("hold_s: 30", "hold_s: " + "9" * 309))
    assert refused(*command, file=path) == ["exercises[0].hold_s: a number of 309 digits is far too large"]


def test_a_huge_integer_is_refused_by_kiosk_assign(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("hold_s: 30", "hold_s: 30\n    sets: 1" + "0" * 400))
    result = sitimer("kiosk", "assign", "123456", path, "--data-dir", tmp_path / "data")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{path}:11:11: exercises[0].sets: a number of 401 digits is far too large" in result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_a_name_ending_in_yaml_that_is_no_regular_file_is_refused_at_once(
    tmp_path: Path, command: tuple[str, ...], kind: str
) -> None:
    path = tmp_path / "p.yaml"
    if kind == "fifo":
        os.mkfifo(path)  # nobody ever writes to it: opening it to read would wait for ever
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")  # endless: reading it whole would fill the memory
    else:
        path.mkdir()
    assert refused(*command, file=path) == [
        "(file): not a regular file (a folder, pipe or device); a programme is a .yaml file"
    ]


def test_forty_thousand_problems_are_all_reported(tmp_path: Path) -> None:
    """Each problem is one line, found once: 40,000 unknown fields give 40,000 lines (once 122 s)."""
    path = write(tmp_path, VALID + "".join(f"    x{i}: 1\n" for i in range(40_000)))
    lines = refused("validate", file=path)
    assert len(lines) == 40_000
    assert lines[0] == "exercises[0].x0: unknown field" and lines[-1] == "exercises[0].x39999: unknown field"


def exercises(count: int, dose: str) -> str:
    head = VALID.split("exercises:\n")[0]
    one = "  - id: e{0}\n    name: E{0}\n    instructions: Do it.\n" + dose
    return head + "exercises:\n" + "".join(one.format(i) for i in range(count))


def test_eight_thousand_exercises_are_refused_not_planned(tmp_path: Path) -> None:
    path = write(tmp_path, exercises(8000, "    kind: hold\n    hold_s: 30\n"))
    assert refused("validate", file=path) == [
        "exercises: 8000 exercises; at most 100: split them over several programmes"
    ]
    assert refused("plan", "--json", file=path) == [
        "exercises: 8000 exercises; at most 100: split them over several programmes"
    ]


def test_a_session_longer_than_four_hours_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, exercises(3, "    kind: timed\n    duration_s: 7200\n    prepare_s: 0\n"))
    assert refused("validate", file=path) == [
        "exercises: a session of every exercise lasts 6 h; at most 4 h: split them over several programmes"
    ]


def test_the_most_a_programme_may_hold_still_plans(tmp_path: Path) -> None:
    """100 exercises of 50 short sets, each side: every limit reached, one session under 4 hours."""
    dose = "    kind: hold\n    hold_s: 0.5\n    sides: each\n    sets: 50\n"
    path = write(tmp_path, exercises(100, dose + "    switch_s: 0.5\n    prepare_s: 0\n"))
    result = sitimer("validate", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{path}: ok (100 exercises")


# --- item 7: the editor loads through the same checks -------------------------------------------


@pytest.mark.parametrize(
    "value",
    [".nan", "-.inf", "1.0e+308", "12:30", "012", "0x10", "1_000", "[[[[[[[[[[30]]]]]]]]]]", "[" * 5000],
)
def test_the_editor_refuses_what_validate_refuses_with_the_same_lines(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, VALID.replace("hold_s: 30", f"hold_s: {value}"))
    assert refused("edit", file=path) == refused("validate", file=path)


def test_a_word_too_long_to_wrap_is_refused_everywhere(tmp_path: Path) -> None:
    """A 50 KB word in the instructions once took the editor 1 GB to lay out."""
    path = write(tmp_path, VALID.replace("Hold the knee across.", "x" * 50_000))
    expected = ["exercises[0].instructions: 50000 characters is too long; at most 10,000"]
    assert refused("validate", file=path) == expected
    assert refused("edit", file=path) == expected
    path = write(tmp_path, VALID.replace("Hold the knee across.", "Hold the " + "x" * 201))
    assert refused("edit", file=path) == [
        f"exercises[0].instructions: a word of more than 200 characters ('{'x' * 40}…') cannot be shown;"
        " add spaces"
    ]


def test_a_file_over_the_size_limit_is_refused_by_the_editor(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + "# " + "x" * 1_000_000 + "\n")
    assert refused("edit", file=path) == ["(file): larger than 1 MB; not a programme"]


# --- item 8: YAML 1.1's surprising numbers --------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reps", "012", "write 12 (a leading 0 makes YAML read 012 as octal, 10)"),
        ("reps", "12:30", "YAML 1.1 reads 12:30 as 750 (base 60); write the figure you mean, e.g. 750"),
        ("reps", "0x10", "write 16 (YAML reads 0x10 as a hexadecimal number)"),
        ("reps", "0b101", "write 5 (YAML reads 0b101 as a binary number)"),
        ("reps", "1_000", "write 1000 without the _ (YAML 1.1 reads 1_000 as 1000)"),
        (
            "tempo_s",
            "1:30.5",
            "YAML 1.1 reads 1:30.5 as 90.5 (base 60); write the figure you mean, e.g. 90.5",
        ),
        ("tempo_s", ".nan", "'.nan' is not a finite number; write a figure such as 30"),
    ],
)
def test_a_yaml_11_number_is_refused_with_what_to_write(
    tmp_path: Path, field: str, value: str, message: str
) -> None:
    text = VALID.replace(
        "kind: hold\n    hold_s: 30\n    sides: each", f"kind: reps\n    reps: 12\n    {field}: {value}"
    )
    if field == "reps":
        text = text.replace("    reps: 12\n", "")
    path = write(tmp_path, text)
    assert refused("validate", file=path) == [f"exercises[0].{field}: {message}"]


def test_an_unquoted_time_of_day_is_the_time_that_was_meant(tmp_path: Path) -> None:
    path = write(
        tmp_path, VALID.replace("sessions_per_day: 2", "sessions_per_day: 2\n  reminders: [12:30, 19:00]")
    )
    result = sitimer("validate", path)
    assert result.returncode == 0, result.stdout
    early = write(  # one figure for the hour, as the reminder page takes it: 09:30
        tmp_path, VALID.replace("sessions_per_day: 2", "sessions_per_day: 2\n  reminders: [9:30]"), "q.yaml"
    )
    assert sitimer("validate", early).returncode == 0
    later = write(
        tmp_path, VALID.replace("sessions_per_day: 2", "sessions_per_day: 2\n  reminders: [25:00]"), "r.yaml"
    )
    assert refused("validate", file=later) == [
        "frequency.reminders[0]: '25:00' is not a time of day as HH:MM (09:00)"
    ]


# --- the fields that keep a programme true to its leaflet (issue 12) ------------------------------

LEAFLET_MISTAKES = VALID.replace(
    "sessions_per_day: 2",
    "sessions_per_day: 2\n  check_ins:\n    - {week: 0, note: Start running}\n    - {week: 4, note: ''}",
).replace(
    "    sides: each\n",
    "    sides: each\n    card: ''\n    side_meaning: {rechts: rechterknie naar links, left: ' '}\n",
)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_mistake_in_card_side_meaning_and_check_ins_is_one_located_line(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = write(tmp_path, LEAFLET_MISTAKES)
    assert refused(*command, file=path) == [
        "frequency.check_ins[0].week: must be more than 0, found 0",
        "frequency.check_ins[1].note: must not be empty",
        "exercises[0].card: must not be empty",
        "exercises[0].side_meaning.rechts: unknown field",
        "exercises[0].side_meaning.left: must not be empty",
    ]
    lines = {
        m["path"]: (int(m["line"]), int(m["col"]))
        for m in problem_lines(sitimer("validate", path).stdout, path)
    }
    text = LEAFLET_MISTAKES.splitlines()
    assert text[lines["frequency.check_ins[0].week"][0] - 1].endswith("{week: 0, note: Start running}")
    assert text[lines["exercises[0].card"][0] - 1] == "    card: ''"
