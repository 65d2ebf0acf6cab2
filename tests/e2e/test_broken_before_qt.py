"""`sitimer run FILE` and `sitimer edit FILE` check the file before any Qt starts, the `plan` way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import VALID, problem_lines, sitimer


@pytest.mark.parametrize("command", ["run", "edit"])
def test_a_broken_file_gives_only_its_problem_lines_and_exit_1_without_starting_qt(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "broken.yaml"
    file.write_text(VALID.replace("hold_s: 30", "hold_s: 0"))
    # A platform Qt cannot load: had Qt started, it would say so and abort (exit 134).
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    result = sitimer(command, file)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    problem = problem_lines(result.stderr, file)[0]  # every line a located problem: no Qt warning first
    assert (problem["line"], problem["col"], problem["path"]) == ("10", "13", "exercises[0].hold_s")


@pytest.mark.parametrize("command", ["run", "edit"])
def test_a_missing_file_is_one_line_even_without_a_screen(tmp_path: Path, command: str) -> None:
    file = tmp_path / "gone.yaml"
    result = sitimer(command, file, drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert result.returncode == 1
    [problem] = problem_lines(result.stderr, file)
    assert problem["path"] == "(file)" and "cannot read" in problem["message"]
