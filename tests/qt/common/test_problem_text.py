"""A programme file's problems in the user's language: the core's English, filled in again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from sitimer.core.programme.loader import load_file
from sitimer.core.programme.reader import Problem, ProgrammeError
from sitimer.qt.common.problem_text import in_words, problem_line
from tests.helpers.screens import as_the_app_runs

BROKEN = """\
id: broken
title: Broken
frequency: {sessions_per_day: 2}
exercises:
  - id: one
    name: One
    instructions: Do it.
    kind: reps
    sets: [3]
    reps: drie
    setz: 2
"""


def problems(tmp_path: Path) -> list[Problem]:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ProgrammeError) as caught:
        load_file(path)
    return caught.value.problems


def test_in_english_a_problem_reads_as_sitimer_validate_prints_it(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    found = problems(tmp_path)
    assert [problem_line(p) for p in found] == [str(p) for p in found]
    assert [p.message for p in found] == [
        "unknown field (did you mean 'sets'?)",
        "expected a single value, found a list",
        "expected a whole number, found 'drie'",
    ]


def test_in_dutch_every_word_is_dutch_the_words_inside_too(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    found = problems(tmp_path)
    with as_the_app_runs(qapp, "nl"):
        lines = [problem_line(p).split("broken.yaml:", 1)[1] for p in found]
    assert lines == [
        "11:5: exercises[0].setz: onbekend veld (bedoelt u 'sets'?)",
        "9:11: exercises[0].sets: hier hoort één waarde, gevonden: een lijst",
        "10:11: exercises[0].reps: hier hoort een heel getal, gevonden: 'drie'",
    ]


def test_a_translation_that_lost_a_value_gives_the_english(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A translator's slip ({woord} for {word}) must not hide the problem or raise: that part is
    said in English."""

    class Slipped(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
            return "onbekend veld{hint}" if source == "unknown field{hint}" else " (bedoelt u '{woord}'?)"

    slipped = Slipped()
    QCoreApplication.installTranslator(slipped)
    try:
        [unknown] = [p for p in problems(tmp_path) if p.path.endswith("setz")]
        assert in_words(unknown.message) == "onbekend veld (did you mean 'sets'?)"  # that part in English
    finally:
        QCoreApplication.removeTranslator(slipped)


def test_a_yaml_mistake_by_hand_is_said_in_dutch_too(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A therapist who indents with a tab read PyYAML's "while scanning for the next token found
    character '\\t' that cannot start any token" in the Dutch picker."""
    path = tmp_path / "tab.yaml"
    path.write_text("id: x\n\ttitle: X\n", encoding="utf-8")
    with pytest.raises(ProgrammeError) as caught:
        load_file(path)
    [problem] = caught.value.problems
    with as_the_app_runs(qapp, "nl"):
        line = problem_line(problem)
    assert line == (
        f"{path}:2:1: (yaml): bij het lezen van het volgende stuk: teken '\\t' kan hier niet staan"
        " (springt u in met een tab? gebruik spaties)"
    )
