"""tools/exercise_frames.py: a strip of key frames per exercise and the page that shows them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage

from sitimer.qt.picker.key_pictures import key_pictures
from tests.conftest import REPO
from tests.qt.picker.figures import si_with_figures


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("exercise_frames", REPO / "tools" / "exercise_frames.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_strip_per_exercise_and_the_page_with_dose_and_instructions(
    qapp, tmp_path: Path, si_gewricht: Path
):
    programme = si_with_figures(si_gewricht, only=("molenwieken", "si-rekken", "roteren"))
    frames = tool()
    written = frames.write_docs([programme], tmp_path)
    strips = sorted(p.name for p in written if p.suffix == ".png")
    assert strips == ["molenwieken.png", "roteren.png", "si-rekken.png"]  # krachtoefening has no figure here
    windmills = QImage(str(tmp_path / "exercises" / "molenwieken.png"))
    pictures = key_pictures(programme.exercise("molenwieken"), frames.SCALE)
    assert windmills.width() > sum(p.image.width() for p in pictures)  # start, right and left side by side
    page = (tmp_path / "exercises.md").read_text(encoding="utf-8")
    at = page.index("### 1 · Windmills")
    assert page.index("**15 per side, 3 times**", at) < page.index("Put your feet about a metre apart", at)
    assert page.index("](exercises/molenwieken.png)", at) < page.index("### 2 · SI stretch")
    assert "*(no figure)*" in page[page.index("### 4 · Strength exercise") :]


SMALL = """\
format: 1
id: small
title: {en: Two exercises, nl: Twee oefeningen}
frequency: {sessions_per_day: 1}
exercises:
  - id: molenwieken
    number: "1"
    name: {en: Windmills, nl: Molenwieken}
    kind: reps
    reps: 10
    sides: alternate
    tempo_s: 3
    instructions: {en: Bend down and bring your right hand to your left foot., nl: Buig voorover.}
    figure:
      view: front
      start: stand-wide
      rep: [windmill-right-hand-left-foot]
  - id: si-rekken
    number: "2"
    name: {en: SI stretch, nl: SI-rekken}
    kind: hold
    hold_s: 30
    sides: each
    instructions: {en: Push your right knee across., nl: Duw uw knie over.}
    figure:
      view: above
      start: lie-back
      hold: knee-across
"""


def test_the_tool_reads_programme_files_and_writes_the_page(qapp, tmp_path: Path, capsys):
    programme = tmp_path / "small.yaml"
    programme.write_text(SMALL, encoding="utf-8")
    assert tool().main(["--out", str(tmp_path / "docs"), str(programme)]) == 0
    for name in ("molenwieken", "si-rekken"):
        strip = QImage(str(tmp_path / "docs" / "exercises" / f"{name}.png"))
        assert not strip.isNull() and strip.width() > strip.height()
    page = (tmp_path / "docs" / "exercises.md").read_text(encoding="utf-8")
    assert "## Two exercises" in page and "![SI stretch: key frames](exercises/si-rekken.png)" in page
    assert str(tmp_path / "docs" / "exercises.md") in capsys.readouterr().out
