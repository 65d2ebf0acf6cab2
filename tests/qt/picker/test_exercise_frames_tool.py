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
