"""Tailoring a programme with figures and photos: the editor keeps ``poses``, ``figure`` and ``media``.

A therapist changes a dose in the editor; the saved file still has its own poses, each figure
and each photo exactly as written, and a copy saved in the patient's folder takes its photos
along, so they still show there.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from sitimer.core.figure.pose import Base, Pose
from sitimer.core.programme.editing import ProgrammeDocument
from sitimer.core.programme.loader import load_file

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xd9"  # its start and its end, as validate looks

PROGRAMME = """\
id: knie
title: Knie
frequency:
  sessions_per_day: 2
poses:  # lying on the back, the knee pulled in
  knee-hug:
    base: back
    hip_flex_r: 120
    knee_r: 130
exercises:
  - id: knie-naar-borst
    name: Knie naar borst
    instructions: Pull the knee to the chest.
    kind: reps
    reps_per_side: 10
    sides: alternate
    figure:
      view: side   # as on the leaflet
      start: {base: back}
      rep: [knee-hug]
  - id: si-rekken
    name: SI-rekken
    instructions: Hold the knee across.
    kind: hold
    hold_s: 30
    sides: each
    media: foto/si-rekken.jpg
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


def practice(tmp_path: Path) -> Path:
    folder = tmp_path / "praktijk"
    (folder / "foto").mkdir(parents=True)
    (folder / "foto" / "si-rekken.jpg").write_bytes(JPEG)
    path = folder / "knie.yaml"
    path.write_text(PROGRAMME, encoding="utf-8")
    return path


def test_a_saved_edit_keeps_poses_figure_and_media_exactly(tmp_path: Path) -> None:
    path = practice(tmp_path)
    document = ProgrammeDocument.from_file(path)
    document.set_exercise_field("knie-naar-borst", "sets", 2)
    document.set_exercise_field("si-rekken", "hold_s", 20)
    document.save(path, tmp_path / "bundled")

    saved = path.read_text(encoding="utf-8")
    assert changed_lines(PROGRAMME, saved) == [
        "+    sets: 2",
        "-    hold_s: 30",
        "+    hold_s: 20",
    ]
    knee, stretch = load_file(path, strict=True).exercises
    assert knee.figure is not None and knee.figure.rep == (Pose.of(Base.BACK, hip_flex_r=120, knee_r=130),)
    assert stretch.media == str(path.parent.resolve() / "foto" / "si-rekken.jpg")


def test_the_patients_copy_takes_its_photos_along(tmp_path: Path) -> None:
    path = practice(tmp_path)
    own = tmp_path / "patient"
    document = ProgrammeDocument.from_file(path)
    document.set_exercise_field("si-rekken", "hold_s", 20)
    copy = document.save_copy(own, "Jan", tmp_path / "bundled")

    stretch = load_file(copy, strict=True).exercises[1]
    assert stretch.media == str(own.resolve() / "foto" / "si-rekken.jpg")
    assert Path(stretch.media).read_bytes() == JPEG
    assert "    media: foto/si-rekken.jpg\n" in copy.read_text(encoding="utf-8")


def test_a_photo_already_in_the_patients_folder_is_not_overwritten(tmp_path: Path) -> None:
    path = practice(tmp_path)
    own = tmp_path / "patient"
    (own / "foto").mkdir(parents=True)
    (own / "foto" / "si-rekken.jpg").write_bytes(JPEG + b"own")
    ProgrammeDocument.from_file(path).save_copy(own, "Jan", tmp_path / "bundled")
    assert (own / "foto" / "si-rekken.jpg").read_bytes() == JPEG + b"own"


def test_a_programme_whose_photo_is_missing_still_opens_in_the_editor(tmp_path: Path) -> None:
    path = practice(tmp_path)
    (path.parent / "foto" / "si-rekken.jpg").unlink()
    document = ProgrammeDocument.from_file(path)
    document.set_exercise_field("si-rekken", "hold_s", 20)
    copy = document.save_copy(tmp_path / "patient", "Jan", tmp_path / "bundled")
    stretch = load_file(copy).exercises[1]
    assert stretch.media is None and stretch.media_problem is not None
    assert stretch.media_problem.startswith("no file 'foto/si-rekken.jpg' beside the programme")
