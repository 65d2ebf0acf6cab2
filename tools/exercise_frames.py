#!/usr/bin/env python3
"""Every bundled exercise's key frames as a strip, and docs/exercises.md to check them against the leaflets.

    .venv/bin/python tools/exercise_frames.py                 # docs/exercises.md and docs/exercises/<id>.png
    .venv/bin/python tools/exercise_frames.py --out /tmp/docs programmes/si-gewricht.yaml

Each strip is what the handout prints (the start, then the end position per side, with
captions), on white. The page lists each programme's exercises with the leaflet's number and
dose and the English instructions, so the figure can be checked against the words it shows.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from sitimer.core.paths import bundled_programmes  # noqa: E402
from sitimer.core.programme.dose_words import leaflet_dose  # noqa: E402
from sitimer.core.programme.loader import load_file  # noqa: E402
from sitimer.core.programme.model import Exercise, Programme  # noqa: E402
from sitimer.qt.picker.key_pictures import key_pictures, strip  # noqa: E402

SCALE = 0.6  # of the printed size at 300 dpi: about 180 dpi, sharp on screen, small in git
GAP_PX, FONT_PX = 24, 26


def _section(programme: Programme, folder: str) -> list[str]:
    """One programme's part of the page: per exercise its number, name, dose, instructions and strip."""
    lines = [f"## {programme.title.get('en')}", "", f"`{Path(programme.path or '').name}`", ""]
    for exercise in programme.exercises:
        number = f"{exercise.number} · " if exercise.number else ""
        lines += [f"### {number}{exercise.name.get('en')}", "", f"**{leaflet_dose(exercise).get('en')}**", ""]
        lines += [exercise.instructions.get("en"), ""]
        if exercise.figure is not None:
            lines += [f"![{exercise.name.get('en')}: key frames]({folder}/{exercise.id}.png)", ""]
        else:
            lines += ["*(no figure)*", ""]
    return lines


def write_strip(exercise: Exercise, out: Path) -> bool:
    """Save the exercise's key frames as one strip; False when it has no figure."""
    pictures = key_pictures(exercise, SCALE)
    if not pictures:
        return False
    if not strip(pictures, GAP_PX, FONT_PX).save(str(out)):
        raise OSError(f"could not write {out}")
    return True


def write_docs(programmes: list[Programme], docs: Path) -> list[Path]:
    """Write ``docs/exercises.md`` and a strip per exercise with a figure; the files written."""
    folder = docs / "exercises"
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    written = []
    for programme in programmes:
        for exercise in programme.exercises:
            if exercise.id in seen:
                raise ValueError(
                    f"exercise id {exercise.id!r} is in two programmes: its picture would be overwritten"
                )
            seen.add(exercise.id)
            if write_strip(exercise, folder / f"{exercise.id}.png"):
                written.append(folder / f"{exercise.id}.png")
    lines = [
        "# The bundled exercises, as the figure shows them",
        "",
        "Made by `tools/exercise_frames.py`: each exercise's key frames as the handout prints them",
        "(the start, then the end position for each side; the working side in orange), beside the",
        "leaflet's dose and instructions. Check a figure against its words after changing",
        "`resources/poses.yaml` or a programme's `figure:`, and run the tool again.",
        "",
    ]
    for programme in programmes:
        lines += _section(programme, folder.name)
    page = docs / "exercises.md"
    page.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return [page, *written]


def main(argv: list[str] | None = None) -> int:
    """Load the programmes and write the page and its pictures; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="programme files (default: the bundled ones)")
    parser.add_argument("--out", type=Path, default=REPO / "docs", help="the docs folder")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    programmes = [load_file(path) for path in (args.files or bundled_programmes())]
    for path in write_docs(programmes, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
