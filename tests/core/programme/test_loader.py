"""The programme loader: every broken file gets located, one-line problems; valid ones load as prescribed.

A problem is ``FILE:LINE:COL: field.path: message``. These tests check that the
line and column point at what is wrong, that the path names the field, that a
typo is never silently ignored, and that nothing in a file can run code.
"""

from __future__ import annotations

import copy
import math
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sitimer.core.programme import fields
from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.model import Kind, Programme, Range, Side, Sides
from sitimer.core.programme.plan import build_plan
from sitimer.core.programme.reader import Problem, ProgrammeError
from sitimer.core.said import Said

# A small valid programme the error cases start from; line numbers below count from here.
VALID = """\
id: demo
title: Demo
frequency:
  sessions_per_day: 2
exercises:
  - id: molenwieken
    name: Molenwieken
    instructions: Bend to the opposite foot.
    kind: reps
    reps_per_side: 15
    sides: alternate
    tempo_s: 3
  - id: si-rekken
    name: SI-rekken
    instructions: Hold the knee across.
    kind: hold
    hold_s: 30
    sides: each
"""


def write(tmp_path: Path, text: str | bytes, name: str = "programme.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ProgrammeError) as caught:
        load_file(path)
    assert caught.value.problems, "a ProgrammeError must say what is wrong"
    return caught.value.problems


def text_problems(text: str, file: str = "my.yaml") -> list[Problem]:
    with pytest.raises(ProgrammeError) as caught:
        load_text(text, file)
    assert caught.value.problems, "a ProgrammeError must say what is wrong"
    return caught.value.problems


def at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def assert_well_formed(problem: Problem, file: str) -> None:
    """One line, ``FILE:LINE:COL: path: message``, printable by the command line."""
    line = str(problem)
    assert line.startswith(f"{file}:{problem.line}:{problem.column}: {problem.path}: "), line
    assert isinstance(problem.line, int) and problem.line >= 1, line
    assert isinstance(problem.column, int) and problem.column >= 1, line
    assert problem.path.strip() and problem.message.strip(), line
    assert "\n" not in line and "\r" not in line, f"a problem must be one line: {line!r}"
    line.encode("utf-8")  # printed by `sitimer validate`: must be encodable


def only(problems: list[Problem], path: str) -> Problem:
    found = [p for p in problems if p.path == path]
    assert len(found) == 1, f"expected one problem at {path}, got: {[str(p) for p in problems]}"
    return found[0]


def replace(old: str, new: str, text: str = VALID) -> str:
    assert old in text
    return text.replace(old, new, 1)


# --- the bundled programmes load with the figures of their handouts ---------------------------


def test_si_gewricht_loads_with_the_leaflet_figures(si_gewricht: Path) -> None:
    p = load_file(si_gewricht)
    assert p.id == "si-gewricht"
    assert p.frequency.sessions_per_day == Range(2, 2) and p.frequency.weeks == 4
    assert [e.id for e in p.exercises] == ["molenwieken", "si-rekken", "roteren", "krachtoefening"]
    for exercise_id in ("molenwieken", "roteren", "krachtoefening"):
        e = p.exercise(exercise_id)
        assert (e.kind, e.sets, e.reps, e.sides, e.rest_s) == (Kind.REPS, 3, 30, Sides.ALTERNATE, 60.0)
    stretch = p.exercise("si-rekken")
    assert (stretch.kind, stretch.sets, stretch.hold_s, stretch.sides, stretch.rest_s) == (
        Kind.HOLD,
        3,
        30.0,
        Sides.EACH,
        0.0,
    )
    assert p.path == str(si_gewricht.resolve())


def test_si_blokkade_loads_with_its_schedule(si_blokkade: Path) -> None:
    p = load_file(si_blokkade)
    assert p.frequency.sessions_per_day == Range(3, 5) and p.frequency.weeks is None
    assert len(p.exercises) == 11
    assert [e.number for e in p.active_exercises()] == ["1", "2", "3", "4"]
    heels = p.exercise("hakkenloop")
    assert heels.kind is Kind.TIMED and heels.duration_s == Range(10, 12) and heels.sets == 3


# --- broken files: exit with located problems, never a traceback ------------------------------


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_a_png_is_not_a_programme(tmp_path: Path) -> None:
    path = write(tmp_path, _png(), "photo.png")
    [problem] = problems_of(path)
    assert (problem.line, problem.column, problem.path) == (1, 1, "(file)")
    assert "UTF-8" in problem.message
    assert_well_formed(problem, str(path))


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)), b"\xff\xfe\x00\x00junk", bytes(range(255, -1, -1)) * 4],
    ids=["all-bytes", "utf32-bom", "reversed"],
)
def test_binary_junk_is_one_problem_at_the_start(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data, "junk.bin")
    [problem] = problems_of(path)
    assert (problem.line, problem.column, problem.path) == (1, 1, "(file)")
    assert_well_formed(problem, str(path))


@pytest.mark.parametrize(
    "text",
    ["", "\n\n  \n", "# only a comment\n", "\ufeff", "---\n...\n", "~\n"],
    ids=["empty", "blank", "comment", "bom", "empty-document", "null"],
)
def test_an_empty_file_says_what_a_programme_needs(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    [problem] = problems_of(path)
    assert (problem.line, problem.column, problem.path) == (1, 1, "(file)")
    assert "empty" in problem.message
    assert_well_formed(problem, str(path))


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    [problem] = problems_of(path)
    assert (problem.file, problem.line, problem.column, problem.path) == (str(path), 1, 1, "(file)")
    assert "cannot read" in problem.message


def test_a_folder_is_not_a_programme(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path)
    assert (problem.line, problem.column, problem.path) == (1, 1, "(file)")
    assert "not a regular file" in problem.message


def test_a_loop_of_links_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # Python 3.11's Path.resolve() raises RuntimeError on it: a traceback from every command
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    [problem] = problems_of(tmp_path / "a.yaml")
    assert (problem.file, problem.line, problem.path) == (str(tmp_path / "a.yaml"), 1, "(file)")
    assert problem.message.startswith("cannot read: ")


def test_a_file_over_one_megabyte_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + "# " + "x" * 1_000_000 + "\n")
    [problem] = problems_of(path)
    assert "1 MB" in problem.message


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        # `weeks` indented under sessions_per_day: the colon after weeks is where YAML gives up.
        (
            replace("  sessions_per_day: 2\n", "  sessions_per_day: 2\n    weeks: 4\n"),
            5,
            10,
            "no name: value may stand here (one space or indent too many or too few?)",
        ),
        (
            replace("exercises:\n  - id: molenwieken", "exercises:\n\t- id: molenwieken"),
            6,
            1,
            "the character '\\t' cannot stand here (indented with a tab? use spaces)",
        ),
        (replace("name: Molenwieken", "name: Molenwieken: windmills"), 7, 22, "no name: value may stand"),
        (replace("tempo_s: 3", "tempo_s: *tempo"), 12, 14, "unknown alias 'tempo'"),
        (VALID + "---\nid: second\n", 19, 1, "one document only: another one follows (after ---)"),
    ],
    ids=["indentation", "tab", "colon-in-text", "undefined-alias", "two-documents"],
)
def test_a_yaml_syntax_error_points_at_the_mistake(text: str, line: int, column: int, message: str) -> None:
    [problem] = text_problems(text)
    assert (problem.line, problem.column, problem.path) == (line, column, "(yaml)"), str(problem)
    assert message in problem.message, str(problem)
    assert_well_formed(problem, "my.yaml")


@pytest.mark.parametrize(
    ("text", "where", "said"),
    [
        ("a: [1, 2\nb: 3\nc: 4\n", (1, 4), "the list opened here with [ is not closed: end it with ]"),
        ("a: {x: 1\nb: 2\n", (1, 4), "the mapping opened here with { is not closed: end it with }"),
    ],
    ids=["bracket", "brace"],
)
def test_a_bracket_left_open_is_shown_where_it_opened(text: str, where: tuple[int, int], said: str) -> None:
    """PyYAML names the next key's line and a token ("but got '?'"): a therapist looked at a line
    that was right (seen: sessions_per_day: [2 reported at weeks: 4, three lines on)."""
    [problem] = text_problems(text)
    assert (problem.line, problem.column) == where and str(problem.message) == said


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n\tb: 2\n",  # a tab
        "a: 1\nb\nc: 2\n",  # a colon left out
        "a: 'x\nb: 2\n",  # a quote left open
        'a: "\\q"\n',  # an escape YAML does not know
        "a: [1, 2\nb: 3\n",  # a bracket left open
        "a: {x: 1\nb: 2\n",  # a brace left open
        "a:\n  b: 1\n c: 2\n",  # indented one space short
        "a: b: c\n",  # a colon in plain text
        "a: *x\n",  # an alias never anchored
        "- a\nb: 1\n",  # a list, then fields
        "a: 1\n---\nb: 2\n",  # two documents
    ],
    ids=[
        "tab",
        "colon",
        "quote",
        "escape",
        "bracket",
        "brace",
        "indent",
        "colon-in-text",
        "alias",
        "list",
        "two",
    ],
)
def test_pyyamls_words_for_a_mistake_by_hand_can_be_said_in_dutch(text: str) -> None:
    """The windows say a YAML mistake in Dutch only where PyYAML's phrase is known
    (core/programme/yaml_words.py); each of these common ones is, word for word."""
    [problem] = text_problems(text)
    message = problem.message
    assert isinstance(message, Said), message
    words = [v for k, v in message.values.items() if k != "found" and any(c.isalpha() for c in str(v))]
    assert all(isinstance(v, Said) for v in words), message  # a bracket put in needs no Dutch


@pytest.mark.parametrize(
    "char", ["\x00", "\x07", "\x1b", "\ufffe"], ids=["nul", "bell", "escape", "non-char"]
)
def test_a_control_character_is_located_on_one_line(char: str) -> None:
    # Text that is valid UTF-8 but not allowed in YAML (binary junk that happens to decode).
    text = replace("name: Molenwieken", f"name: Molen{char}wieken")
    [problem] = text_problems(text)
    assert_well_formed(problem, "my.yaml")
    assert (problem.line, problem.column) == at(text, char), str(problem)


# --- no tag runs code --------------------------------------------------------------------------

PAYLOADS = {
    "os-system": '!!python/object/apply:os.system ["touch {mark}"]',
    "builtins-open": '!!python/object/apply:builtins.open ["{mark}", "w"]',
    "subprocess-new": '!!python/object/new:subprocess.Popen [["touch", "{mark}"]]',
    "verbatim-tag": '!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {mark}"]',
}


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
@pytest.mark.parametrize("where", ["whole-file", "title", "exercise", "tempo"])
def test_a_python_tag_never_runs(tmp_path: Path, payload: str, where: str) -> None:
    mark = tmp_path / "pwned"
    value = payload.format(mark=mark)
    text = {
        "whole-file": value + "\n",
        "title": replace("title: Demo", f"title: {value}"),
        "exercise": replace("  - id: si-rekken", f"  - {value}\n  - id: si-rekken"),
        "tempo": replace("tempo_s: 3", f"tempo_s: {value}"),
    }[where]
    path = write(tmp_path, text)
    problems = problems_of(path)
    assert not mark.exists(), "a tag in a programme ran code"
    assert any("not allowed" in p.message for p in problems), [str(p) for p in problems]
    for p in problems:
        assert_well_formed(p, str(path))


def test_the_tag_payload_would_run_under_an_unsafe_loader(tmp_path: Path) -> None:
    # Proves the payload above is live, so its not running in sitimer means something.
    mark = tmp_path / "pwned"
    handle = yaml.load(PAYLOADS["builtins-open"].format(mark=mark), Loader=yaml.UnsafeLoader)
    handle.close()
    assert mark.exists()


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/name:os.system",
        "!!python/module:os",
        "!!binary aGVsbG8=",
        "!include other.yaml",
        "!!python/tuple [1, 2]",
        "!!set {a, b}",
    ],
)
def test_any_other_tag_is_refused(tag: str) -> None:
    problems = text_problems(replace("title: Demo", f"title: {tag}"))
    assert any("not allowed" in p.message for p in problems)


def test_a_tag_directive_cannot_smuggle_a_python_tag(tmp_path: Path) -> None:
    mark = tmp_path / "pwned"
    text = "%TAG !p! tag:yaml.org,2002:python/\n---\n" + replace(
        "title: Demo", f'title: !p!object/apply:os.system ["touch {mark}"]'
    )
    problems = text_problems(text)
    assert not mark.exists()
    assert any("not allowed" in p.message for p in problems)


def test_a_tag_is_reported_at_the_field_that_carries_it(tmp_path: Path) -> None:
    mark = tmp_path / "pwned"
    text = replace("tempo_s: 3", f'tempo_s: !!python/object/apply:os.system ["touch {mark}"]')
    problems = text_problems(text)
    tag = [p for p in problems if "not allowed" in p.message]
    assert len(tag) == 1, [str(p) for p in problems]
    assert (tag[0].line, tag[0].column) == at(text, "!!python")
    assert tag[0].path == "exercises[0].tempo_s", str(tag[0])


def test_a_merge_key_is_named_as_such_and_does_not_hide_a_typo() -> None:
    text = replace("exercises:", "base: &base {kind: hold, hold_s: 30}\nexercises:").replace(
        "    kind: hold\n    hold_s: 30\n", "    <<: *base\n    hold_sec: 20\n"
    )
    problems = text_problems(text)
    merge = [p for p in problems if "merge" in p.message]
    assert merge and merge[0].path == "exercises[1]", [str(p) for p in problems]
    assert (merge[0].line, merge[0].column) == at(text, "<<")
    assert only(problems, "exercises[1].hold_sec").message.endswith("(did you mean 'hold_s'?)")


# --- wrong values are located at the value, with the field's path ----------------------------


@pytest.mark.parametrize(
    ("old", "new", "path", "line", "column", "message"),
    [
        (
            "sessions_per_day: 2",
            "sessions_per_day: twice",
            "frequency.sessions_per_day",
            4,
            21,
            "expected a whole number",
        ),
        (
            "sessions_per_day: 2",
            "sessions_per_day: 2.5",
            "frequency.sessions_per_day",
            4,
            21,
            "expected a whole number",
        ),
        ("sessions_per_day: 2", "sessions_per_day: 0", "frequency.sessions_per_day", 4, 21, "at least 1"),
        ("sessions_per_day: 2", "sessions_per_day: -2", "frequency.sessions_per_day", 4, 21, "at least 1"),
        (
            "sessions_per_day: 2",
            "sessions_per_day: {min: 5, max: 3}",
            "frequency.sessions_per_day",
            4,
            21,
            "more than max",
        ),
        ("sessions_per_day: 2", "sessions_per_day: 2\n  weeks: 0", "frequency.weeks", 5, 10, "more than 0"),
        ("title: Demo", "title: [Demo]", "title", 2, 8, "found a list"),
        ("id: demo", "id: Demo Programme", "id", 1, 5, "not an identifier"),
        ("reps_per_side: 15", "reps_per_side: 0", "exercises[0].reps_per_side", 10, 20, "at least 1"),
        ("reps_per_side: 15", "reps_per_side: -15", "exercises[0].reps_per_side", 10, 20, "at least 1"),
        ("reps_per_side: 15", "reps_per_side: fifteen", "exercises[0].reps_per_side", 10, 20, "whole number"),
        ("tempo_s: 3", "tempo_s: 0", "exercises[0].tempo_s", 12, 14, "more than 0"),
        ("tempo_s: 3", "tempo_s: -3", "exercises[0].tempo_s", 12, 14, "more than 0"),
        ("tempo_s: 3", "tempo_s: .inf", "exercises[0].tempo_s", 12, 14, "finite"),
        ("tempo_s: 3", "tempo_s: .nan", "exercises[0].tempo_s", 12, 14, "finite"),
        ("tempo_s: 3", "tempo_s: '3'", "exercises[0].tempo_s", 12, 14, "expected a number"),
        ("tempo_s: 3", "tempo_s: 3\n    sets: 0", "exercises[0].sets", 13, 11, "at least 1"),
        ("tempo_s: 3", "tempo_s: 3\n    sets: -3", "exercises[0].sets", 13, 11, "at least 1"),
        ("tempo_s: 3", "tempo_s: 3\n    sets: three", "exercises[0].sets", 13, 11, "whole number"),
        ("tempo_s: 3", "tempo_s: 3\n    rest_s: -60", "exercises[0].rest_s", 13, 13, "at least 0"),
        ("tempo_s: 3", "tempo_s: 3\n    enabled: maybe", "exercises[0].enabled", 13, 14, "true or false"),
        ("hold_s: 30", "hold_s: 30\n    sets: 0", "exercises[1].sets", 18, 11, "at least 1"),
        ("hold_s: 30", "hold_s: 30\n    switch_s: -5", "exercises[1].switch_s", 18, 15, "at least 0"),
        (
            "hold_s: 30",
            "hold_s: 30\n    first_side: both",
            "exercises[1].first_side",
            18,
            17,
            "not one of left, right",
        ),
        ("hold_s: 30", "hold_s: 14401", "exercises[1].hold_s", 17, 13, "at most 14400"),
    ],
)
def test_a_wrong_value_is_located_at_the_value(
    old: str, new: str, path: str, line: int, column: int, message: str
) -> None:
    problem = only(text_problems(replace(old, new)), path)
    assert (problem.line, problem.column) == (line, column), str(problem)
    assert message in problem.message, str(problem)
    assert_well_formed(problem, "my.yaml")


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("hold_s: 30", "hold_s: 0", "exercises[1].hold_s"),
        ("hold_s: 30", "hold_s: -30", "exercises[1].hold_s"),
        ("hold_s: 30", "hold_s: half a minute", "exercises[1].hold_s"),
        ("reps_per_side: 15", "reps_per_side: 0", "exercises[0].reps_per_side"),
        ("reps_per_side: 15\n    sides: alternate", "reps: 2.5", "exercises[0].reps"),
        ("sides: alternate", "sides: alternat", "exercises[0].sides"),
    ],
    ids=["zero-hold", "negative-hold", "text-hold", "zero-reps", "fraction-reps", "misspelt-sides"],
)
def test_one_wrong_value_is_one_problem(old: str, new: str, path: str) -> None:
    # A hold of 0 s is wrong; telling the therapist hold_s is *missing* as well sends them looking
    # for a field that is right there.
    problems = text_problems(replace(old, new))
    assert [p.path for p in problems] == [path], [str(p) for p in problems]


# --- unknown fields: always an error, with the nearest known name ----------------------------


@pytest.mark.parametrize(
    ("old", "new", "path", "hint"),
    [
        ("hold_s: 30", "hold_sec: 30", "exercises[1].hold_sec", "hold_s"),
        ("hold_s: 30", "hold_s: 30\n    rest: 60", "exercises[1].rest", "rest_s"),
        ("hold_s: 30", "hold_s: 30\n    hold: 60", "exercises[1].hold", "hold_s"),
        ("tempo_s: 3", "tempo: 3", "exercises[0].tempo", "tempo_s"),
        ("reps_per_side: 15", "reps_per_sides: 15", "exercises[0].reps_per_sides", "reps_per_side"),
        ("tempo_s: 3", "tempo_s: 3\n    instruction: Bend.", "exercises[0].instruction", "instructions"),
        ("exercises:", "exercise:", "exercise", "exercises"),
        ("sessions_per_day: 2", "sessions_per_dag: 2", "frequency.sessions_per_dag", "sessions_per_day"),
        ("title: Demo", "title: {nl: Demo, eng: Demo}", "title.eng", "en"),
    ],
)
def test_an_unknown_field_is_an_error_with_a_hint(old: str, new: str, path: str, hint: str) -> None:
    text = replace(old, new)
    problems = text_problems(text)
    problem = only(problems, path)
    assert problem.message == f"unknown field (did you mean '{hint}'?)"
    key = path.rsplit(".", 1)[-1]
    assert (problem.line, problem.column) == at(text, key + ":"), str(problem)


@pytest.mark.parametrize(
    ("old", "new", "path", "hint"),
    [
        ("sides: alternate", "sides: alternat", "exercises[0].sides", "alternate"),
        ("sides: each", "sides: eahc", "exercises[1].sides", "each"),
        ("kind: hold", "kind: hodl", "exercises[1].kind", "hold"),
        ("kind: reps", "kind: rep", "exercises[0].kind", "reps"),
        ("tempo_s: 3", "tempo_s: 3\n    pacing: selff", "exercises[0].pacing", "self"),
        ("tempo_s: 3", "tempo_s: 3\n    first_side: rigth", "exercises[0].first_side", "right"),
    ],
)
def test_a_misspelt_choice_is_an_error_with_a_hint(old: str, new: str, path: str, hint: str) -> None:
    text = replace(old, new)
    problem = only(text_problems(text), path)
    assert problem.message.endswith(f"(did you mean '{hint}'?)"), str(problem)
    assert (problem.line, problem.column) == at(text, new.split(": ")[-1])


def test_a_typo_never_silently_changes_a_prescription() -> None:
    # defaults give 60 s rest; the therapist meant 30 s for this exercise but misspelt the field.
    text = replace("exercises:", "defaults:\n  sets: 3\n  rest_s: 60\nexercises:")
    text = replace("    sides: each\n", "    sides: each\n    rest: 30\n", text)
    spelt_right = VALID.replace("hold_s: 30", "hold_s: 30\n    rest_s: 30")
    assert load_text(spelt_right).exercise("si-rekken").rest_s == 30
    with pytest.raises(ProgrammeError) as caught:
        load_text(text)
    assert [p.path for p in caught.value.problems] == ["exercises[1].rest"]


def test_unknown_fields_in_defaults_doses_and_phases_are_errors() -> None:
    text = replace(
        "exercises:",
        """\
defaults:
  set: 3
doses:
  beide-zijden:
    kind: reps
    reps_per_side: 10
    side: alternate
phases:
  - id: opbouw
    title: Opbouw
    enable: false
exercises:""",
    )
    problems = text_problems(text)
    assert only(problems, "defaults.set").message == "unknown field (did you mean 'sets'?)"
    assert only(problems, "doses.beide-zijden.side").message == "unknown field (did you mean 'sides'?)"
    assert only(problems, "phases[0].enable").message == "unknown field (did you mean 'enabled'?)"


def test_a_field_that_does_not_fit_the_kind_is_an_error() -> None:
    text = replace("hold_s: 30", "hold_s: 30\n    tempo_s: 3")
    problem = only(text_problems(text), "exercises[1].tempo_s")
    assert problem.message == "not used by a hold exercise"
    assert (problem.line, problem.column) == (18, 14)


def test_reps_and_reps_per_side_together_are_an_error() -> None:
    # Which figure did the therapist mean, 20 or 30 a set? Never pick one silently.
    text = replace("reps_per_side: 15", "reps: 20\n    reps_per_side: 15")
    problems = text_problems(text)
    assert any(p.path.startswith("exercises[0].reps") and "not both" in p.message for p in problems), [
        str(p) for p in problems
    ]


def test_reps_and_reps_per_side_together_in_a_dose_are_an_error() -> None:
    dose = "doses:\n  d:\n    kind: reps\n    reps: 20\n    reps_per_side: 15\n"
    text = replace("exercises:", dose + "exercises:")
    text = replace("    kind: reps\n    reps_per_side: 15\n", "    dose: d\n", text)
    problems = text_problems(text)
    assert any(p.path.startswith("doses.d.reps") and "not both" in p.message for p in problems), [
        str(p) for p in problems
    ]


def test_odd_reps_cannot_be_split_over_each_side() -> None:
    text = replace("reps_per_side: 15\n    sides: alternate", "reps: 15\n    sides: each")
    problem = only(text_problems(text), "exercises[0].reps")
    assert "cannot be split evenly" in problem.message
    assert (problem.line, problem.column) == at(text, "15")


def test_references_to_unknown_doses_and_phases_are_errors() -> None:
    text = replace("exercises:", "doses:\n  beide-zijden: {kind: hold, hold_s: 30}\nexercises:")
    text = replace("    kind: hold\n    hold_s: 30\n", "    dose: beide-zijde\n    phase: opbouw\n", text)
    problems = text_problems(text)
    assert only(problems, "exercises[1].dose").message == (
        "no dose named 'beide-zijde' (did you mean 'beide-zijden'?)"
    )
    assert only(problems, "exercises[1].phase").message.startswith("no phase named 'opbouw'")


def test_duplicate_ids_and_fields_are_errors() -> None:
    text = replace("id: si-rekken", "id: molenwieken")
    problem = only(text_problems(text), "exercises[1].id")
    assert "used twice" in problem.message and "exercises[0]" in problem.message
    text = replace("tempo_s: 3", "tempo_s: 3\n    tempo_s: 2")
    problem = only(text_problems(text), "exercises[0].tempo_s")
    assert problem.message == "given twice"
    assert (problem.line, problem.column) == at(text, "tempo_s: 2")


def test_required_fields_are_named_when_missing() -> None:
    text = "id: demo\nexercises:\n  - id: a\n    kind: hold\n"
    paths = {p.path for p in text_problems(text)}
    assert {
        "title",
        "frequency",
        "exercises[0].name",
        "exercises[0].instructions",
        "exercises[0].hold_s",
    } <= paths
    problems = text_problems(replace("    kind: reps\n", ""))
    assert only(problems, "exercises[0].kind").message.startswith("required field missing")


def test_an_empty_exercise_list_is_an_error() -> None:
    text = VALID.split("exercises:")[0] + "exercises: []\n"
    problem = only(text_problems(text), "exercises")
    assert "at least one exercise" in problem.message


def test_a_programme_with_every_exercise_switched_off_is_an_error_not_an_empty_session() -> None:
    # the editor's switches unticked on all: the session ended as it began and counted as done
    off = VALID.replace("    tempo_s: 3\n", "    tempo_s: 3\n    enabled: false\n").replace(
        "    sides: each\n", "    sides: each\n    enabled: false\n"
    )
    problem = only(text_problems(off), "exercises")
    assert problem.message.startswith("no exercise is switched on")
    assert (problem.line, problem.column) == at(off, "- id: molenwieken")
    one_on = off.replace("    sides: each\n    enabled: false\n", "    sides: each\n")
    assert [e.id for e in load_text(one_on).active_exercises()] == ["si-rekken"]


# --- several problems: all reported, one line each -------------------------------------------

MANY = """\
id: demo
title: Demo
frequency:
  sessions_per_day: 0
exercises:
  - id: molenwieken
    name: Molenwieken
    instructions: Bend.
    kind: reps
    reps_per_side: 15
    sides: alternate
    tempo_s: -3
  - id: si-rekken
    name: SI-rekken
    instructions: Hold.
    kind: hold
    hold_s: 30
    rest: 60
    sets: 0
  - id: roteren
    name: Roteren
    instructions: Turn.
    kind: reps
    reps_per_sid: 15
    sides: alternate
"""


def test_every_problem_in_a_file_is_reported_once() -> None:
    problems = text_problems(MANY)
    for p in problems:
        assert_well_formed(p, "my.yaml")
    located = {(p.line, p.column, p.path) for p in problems}
    assert {
        (4, 21, "frequency.sessions_per_day"),
        (12, 14, "exercises[0].tempo_s"),
        (18, 5, "exercises[1].rest"),
        (19, 11, "exercises[1].sets"),
        (24, 5, "exercises[2].reps_per_sid"),
    } <= located, [str(p) for p in problems]
    assert len(located) == len(problems), "each problem once"


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("frequency:\n  sessions_per_day: 2", "frequency: 2", "frequency"),
        ("exercises:", "defaults: 3\nexercises:", "defaults"),
        ("exercises:", "doses: [beide-zijden]\nexercises:", "doses"),
        ("exercises:", "phases: {id: opbouw}\nexercises:", "phases"),
        ("title: Demo", "title: {nl: {x: y}}", "title.nl"),
    ],
    ids=["frequency", "defaults", "doses", "phases", "text"],
)
def test_a_wrongly_shaped_section_does_not_hide_the_other_problems(old: str, new: str, path: str) -> None:
    # `frequency: 2` is an easy slip ("2 a day"); the typo in an exercise must still be reported.
    text = replace(old, new, replace("hold_s: 30", "hold_sec: 30"))
    problems = text_problems(text)
    paths = [p.path for p in problems]
    assert path in paths, [str(p) for p in problems]
    assert "exercises[1].hold_sec" in paths, [str(p) for p in problems]


# --- shared values: doses, defaults and who wins ----------------------------------------------

SHARED = """\
id: shared
title: Shared
frequency: {sessions_per_day: 2}
defaults:
  sets: 3
  rest_s: 15
  rest_after_s: 20
  tempo_s: 4
doses:
  beide-zijden:
    kind: reps
    reps_per_side: 10
    sides: alternate
    rest_s: 30
  tien-keer:
    kind: reps
    reps: 10
exercises:
  - {id: knieen-opzij, name: A, instructions: I, dose: beide-zijden}
  - {id: been-lang-maken, name: B, instructions: I, dose: beide-zijden, tempo_s: 2}
  - {id: knie-naar-borst, name: C, instructions: I, dose: beide-zijden, rest_s: 45, sets: 2}
  - {id: buikspieren-recht, name: D, instructions: I, dose: tien-keer}
  - {id: buikspieren-schuin, name: E, instructions: I, dose: tien-keer, reps_per_side: 6, sides: alternate}
  - {id: plank, name: F, instructions: I, kind: hold, hold_s: 20, sides: each}
  - {id: wandelen, name: G, instructions: I, kind: activity, sets: 1}
"""


def test_a_dose_is_shared_by_several_exercises() -> None:
    p = load_text(SHARED)
    for exercise_id in ("knieen-opzij", "been-lang-maken", "knie-naar-borst"):
        e = p.exercise(exercise_id)
        assert (e.kind, e.reps, e.sides) == (Kind.REPS, 20, Sides.ALTERNATE), exercise_id


def test_precedence_is_exercise_then_dose_then_defaults_then_built_in() -> None:
    p = load_text(SHARED)
    first, second, third = (p.exercise(i) for i in ("knieen-opzij", "been-lang-maken", "knie-naar-borst"))
    plain = p.exercise("buikspieren-recht")
    # rest_s: exercise 45 > dose 30 > defaults 15
    assert (third.rest_s, first.rest_s, plain.rest_s) == (45, 30, 15)
    # tempo_s: exercise 2 > defaults 4 (the dose gives none)
    assert (second.tempo_s, first.tempo_s) == (2, 4)
    # sets: exercise 2 > defaults 3
    assert (third.sets, first.sets) == (2, 3)
    # built in when nobody gives it: prepare 10 s, switch 5 s, first side right, sides none
    assert (plain.prepare_s, plain.switch_s, plain.first_side, plain.sides) == (10, 5, Side.RIGHT, Sides.NONE)
    assert plain.rest_after_s == 20


def test_an_exercise_can_override_its_doses_reps_with_reps_per_side() -> None:
    e = load_text(SHARED).exercise("buikspieren-schuin")
    assert (e.reps, e.sides) == (12, Sides.ALTERNATE)
    assert load_text(SHARED).exercise("buikspieren-recht").reps == 10  # the dose itself is unchanged


def test_defaults_that_do_not_fit_a_kind_are_left_out_for_it() -> None:
    p = load_text(SHARED)
    plank, walk = p.exercise("plank"), p.exercise("wandelen")
    assert plank.tempo_s is None and plank.hold_s == 20 and plank.sets == 3
    assert walk.kind is Kind.ACTIVITY and walk.sets == 1 and walk.estimate_s == 300


def test_a_bad_value_in_a_shared_dose_is_reported_once_where_it_is_written() -> None:
    text = SHARED.replace("    reps_per_side: 10\n", "    reps_per_side: 0\n")
    problems = text_problems(text)
    problem = only(problems, "doses.beide-zijden.reps_per_side")
    assert (problem.line, problem.column) == (12, 20)
    assert [p.path for p in problems].count("doses.beide-zijden.reps_per_side") == 1


def test_a_dose_field_that_does_not_fit_the_exercise_is_reported_at_the_dose() -> None:
    text = SHARED.replace(
        "  tien-keer:\n    kind: reps\n    reps: 10\n",
        "  tien-keer:\n    kind: reps\n    reps: 10\n    hold_s: 5\n",
    )
    problem = only(text_problems(text), "doses.tien-keer.hold_s")
    assert problem.message == "not used by a reps exercise"


def test_bundled_doses_give_the_handout_figures(si_blokkade: Path) -> None:
    p = load_file(si_blokkade)
    for exercise_id in ("knieen-opzij", "been-lang-maken", "knie-naar-borst"):  # "beide zijden 10x"
        e = p.exercise(exercise_id)
        assert (e.reps, e.sides, e.sets, e.rest_s) == (20, Sides.ALTERNATE, 3, 15)
    assert p.exercise("knieen-opzij").first_side is Side.LEFT
    for exercise_id in ("knieen-naar-schouder", "arm-en-been-heffen"):  # "om en om; totaal 10x"
        assert p.exercise(exercise_id).reps == 10
    assert p.exercise("buikspieren-schuin").sides is Sides.ALTERNATE
    assert p.exercise("buikspieren-recht").sides is Sides.NONE


# --- property tests: the loader never crashes ------------------------------------------------


def check_outcome(load: Any, file: str) -> Programme | None:
    """The only outcomes: a Programme that plans, or a ProgrammeError of well-formed problems."""
    try:
        programme = load()
    except ProgrammeError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.file == file
            assert_well_formed(problem, file)
        return None
    assert isinstance(programme, Programme)
    for all_phases in (False, True):
        plan = build_plan(programme, all_phases=all_phases)
        assert math.isfinite(plan.total_s) and plan.total_s >= 0
    return programme


@settings(max_examples=200, deadline=None, report_multiple_bugs=False)
@given(st.text(max_size=400))
def test_any_text_loads_or_is_reported(text: str) -> None:
    check_outcome(lambda: load_text(text, "any.yaml"), "any.yaml")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fuzz.yaml"


@settings(
    max_examples=200,
    deadline=None,
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.tuples(
            st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\x89PNG\r\n\x1a\n"]),
            st.binary(max_size=200),
        ).map(b"".join),
    )
)
def test_any_bytes_in_a_file_load_or_are_reported(scratch: Path, data: bytes) -> None:
    scratch.write_bytes(data)
    check_outcome(lambda: load_file(scratch), str(scratch))


@settings(
    max_examples=200,
    deadline=None,
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_a_bundled_programme_with_flipped_bytes_loads_or_is_reported(
    scratch: Path, si_gewricht: Path, data: st.DataObject
) -> None:
    original = bytearray(si_gewricht.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.sampled_from(b" :-#\n\t[]{}&*!|>'\"0x\x00\xff"))
    scratch.write_bytes(bytes(original))
    check_outcome(lambda: load_file(scratch), str(scratch))


ALL_NAMES = sorted(
    {
        *fields.TOP_FIELDS,
        *fields.FREQUENCY_FIELDS,
        *fields.PHASE_FIELDS,
        *fields.EXERCISE_FIELDS,
        "min",
        "max",
        "nl",
        "en",
    }
)
CHOICES = sorted({c for f in fields.DOSE_FIELDS.values() for c in f.choices})
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, -1, 2, 3, 30, 0.5, 1e9, "", " ", "reps", "hold", "timed", "activity", *CHOICES]),
    st.text(max_size=20),
)
keys = st.one_of(st.sampled_from(ALL_NAMES), st.text(max_size=12), st.integers(-3, 3), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)


def dump(doc: Any) -> str:
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


@settings(max_examples=200, deadline=None, report_multiple_bugs=False)
@given(values)
def test_any_yaml_structure_loads_or_is_reported(doc: Any) -> None:
    check_outcome(lambda: load_text(dump(doc), "gen.yaml"), "gen.yaml")


def _blokkade() -> dict[str, Any]:
    from tests.conftest import PROGRAMMES

    loaded = yaml.safe_load((PROGRAMMES / "si-blokkade-herstel.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)

    def shorten(obj: Any) -> Any:  # long instructions only slow the examples down
        if isinstance(obj, dict):
            return {k: shorten(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [shorten(v) for v in obj]
        return obj[:12] if isinstance(obj, str) and len(obj) > 40 else obj

    return shorten(loaded)


BASE = _blokkade()


def _places(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(obj, dict):
        for k, v in obj.items():
            found += _places(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            found += _places(v, (*prefix, i))
    return found


def _get(obj: Any, place: tuple[Any, ...]) -> Any:
    for step in place:
        obj = obj[step]
    return obj


@st.composite
def near_valid(draw: st.DrawFn) -> dict[str, Any]:
    """The bundled si-blokkade programme with a few fields deleted, replaced, renamed or added."""
    doc = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        place = draw(st.sampled_from(_places(doc)))
        target = _get(doc, place)
        action = draw(st.sampled_from(["delete", "replace", "rename", "add"]))
        if not place:
            action = "add"
        parent = _get(doc, place[:-1]) if place else None
        if action == "delete" and parent is not None:
            del parent[place[-1]]
        elif action == "replace" and parent is not None:
            parent[place[-1]] = draw(values)
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(keys)] = parent.pop(place[-1])
        elif isinstance(target, dict):
            target[draw(keys)] = draw(values)
        elif isinstance(target, list):
            target.insert(draw(st.integers(0, len(target))), draw(values))
        elif parent is not None:
            parent[place[-1]] = draw(scalars)
    return doc


# Not shrunk: the shrinker is slow on these documents, and the failing problem line says enough.
@settings(
    max_examples=200,
    deadline=None,
    report_multiple_bugs=False,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(near_valid())
def test_a_near_valid_programme_loads_or_is_reported(doc: dict[str, Any]) -> None:
    check_outcome(lambda: load_text(dump(doc), "near.yaml"), "near.yaml")


def test_the_near_valid_base_is_itself_valid() -> None:
    # So the mutations above start from a programme that loads; else they would test little.
    programme = check_outcome(lambda: load_text(dump(BASE), "near.yaml"), "near.yaml")
    assert programme is not None and len(programme.exercises) == 11


def test_reminder_times_are_times_of_day() -> None:
    ok = load_text(
        replace("  sessions_per_day: 2\n", '  sessions_per_day: 2\n  reminders: ["19:00", "09:00"]\n')
    )
    assert ok.frequency.reminders == ("09:00", "19:00")
    problem = only(
        text_problems(replace("  sessions_per_day: 2\n", '  sessions_per_day: 2\n  reminders: ["9 am"]\n')),
        "frequency.reminders[0]",
    )
    assert "HH:MM" in problem.message


def test_a_text_field_keeps_a_number_as_it_was_written() -> None:
    """YAML 1.1 reads an unquoted 012 as 10 and 7:30 as 450; a handout number or an id means the text."""
    text = VALID.replace("  - id: molenwieken\n", "  - id: 012\n    number: 7:30\n")
    exercise = load_text(text).exercises[0]
    assert (exercise.id, exercise.number) == ("012", "7:30")


def test_a_text_field_keeps_yes_and_off_as_they_were_written() -> None:
    """YAML 1.1 reads an unquoted yes, on and off as true or false: `id: off` was refused with
    "expected text, found 'off'", though the format reads text as written."""
    text = VALID.replace("  - id: molenwieken\n", "  - id: off\n    number: yes\n")
    exercise = load_text(text).exercises[0]
    assert (exercise.id, exercise.number) == ("off", "yes")


def test_an_unquoted_time_of_day_is_the_time_that_was_meant() -> None:
    text = VALID.replace(
        "sessions_per_day: 2", "sessions_per_day: 2\n  reminders: [19:00, 12:30, '07:15', '9:05']"
    )
    assert load_text(text).frequency.reminders == ("07:15", "09:05", "12:30", "19:00")  # 9:05 was refused


def test_more_values_than_a_programme_needs_is_said_once() -> None:
    """6,000 exercises in under 1 MB: one line for the count, one for the values (once 3,000 lines)."""
    exercise = (
        "  - {{id: e{0}, name: E, instructions: Do it., kind: hold, hold_s: 0.5, sides: each, sets: 50,"
        " switch_s: 0.5, prepare_s: 0, rest_after_s: 1}}\n"
    )
    text = "id: big\ntitle: Big\nfrequency: {sessions_per_day: 1}\nexercises:\n"
    with pytest.raises(ProgrammeError) as caught:
        load_text(text + "".join(exercise.format(i) for i in range(6000)), "big.yaml")
    assert [f"{p.path}: {p.message}" for p in caught.value.problems] == [
        "exercises: 6000 exercises; at most 100: split them over several programmes",
        "(file): more than 100,000 values (aliases expanded); not a programme",
    ]
