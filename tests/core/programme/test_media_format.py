"""The therapist's own photo or video beside the programme file.

A photo or video that is there loads as its absolute path. One that is missing or broken is
said in one line on the exercise, and the programme still loads (its text still shows);
``sitimer validate`` (strict) reports it with file, line and field. A path written wrong
(outside the folder, a suffix sitimer does not show) is refused like any other mistake.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitimer.core.programme.loader import load_file, load_text
from sitimer.core.programme.reader import ProgrammeError

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 2000 + b"\x00\x00\x00\x00IEND\xaeB`\x82"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 2000 + b"\xff\xd9"
MP4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00"
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01"
AVI = b"RIFF\x10\x00\x00\x00AVI LIST"

PROGRAMME = """\
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
    media: {media}
  - id: wandelen
    name: Wandelen
    instructions: Walk half an hour.
    kind: activity
"""
MEDIA_LINE = 11


def write(folder: Path, media: str, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    path = folder / "programme.yaml"
    path.write_text(PROGRAMME.format(media=media), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "data"),
    [("knie.png", PNG), ("knie.jpg", JPEG), ("foto/knie.JPEG", JPEG), ("knie.mp4", MP4),
     ("knie.mov", MP4), ("knie.webm", WEBM), ("knie.mkv", WEBM), ("knie.avi", AVI),
     ("padded.jpg", JPEG + b"\x00" * 300)],  # a camera's padding after the end
)  # fmt: skip
def test_a_photo_or_video_beside_the_programme_loads_as_its_full_path(
    tmp_path: Path, name: str, data: bytes
) -> None:
    exercise = load_file(write(tmp_path, name, {name: data}), strict=True).exercises[0]
    assert exercise.media == str(tmp_path.resolve() / name)
    assert Path(exercise.media).is_absolute() and exercise.media_problem is None


@pytest.mark.parametrize(
    ("name", "files", "problem"),
    [
        ("knie.jpg", {}, "no file 'knie.jpg' beside the programme (looked in {folder}/)"),
        ("knie.jpg", {"knie.jpg": b""}, "'knie.jpg' is empty"),
        ("knie.jpg", {"knie.jpg": b"<html>not a photo</html>"},
         "'knie.jpg' is not a PNG or JPEG photo (damaged, or another kind of file renamed)"),
        ("knie.mp4", {"knie.mp4": JPEG},
         "'knie.mp4' is not a video sitimer knows (MP4, MOV, WebM, MKV or AVI)"),
        # copied in part: validate said ok, and the session said "not a picture"
        ("knie.png", {"knie.png": PNG[:8]},
         "'knie.png' is cut short: the photo's end is missing (damaged, or not copied whole)"),
        ("knie.jpg", {"knie.jpg": JPEG[:1500]},
         "'knie.jpg' is cut short: the photo's end is missing (damaged, or not copied whole)"),
    ],
)  # fmt: skip
def test_a_missing_or_broken_file_is_one_line_on_the_exercise_and_the_programme_still_loads(
    tmp_path: Path, name: str, files: dict[str, bytes], problem: str
) -> None:
    path = write(tmp_path, name, files)
    said = problem.format(folder=tmp_path.resolve())
    programme = load_file(path)
    exercise = programme.exercises[0]
    assert (exercise.media, exercise.media_problem) == (None, said)
    assert programme.exercises[1].media_problem is None
    with pytest.raises(ProgrammeError) as caught:
        load_file(path, strict=True)
    assert [str(p) for p in caught.value.problems] == [f"{path}:{MEDIA_LINE}:12: exercises[0].media: {said}"]


def test_a_folder_or_a_pipe_by_a_photos_name_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "map.jpg").mkdir()
    os.mkfifo(tmp_path / "pijp.jpg")
    for name, kind in (("map.jpg", "folder"), ("pijp.jpg", "pipe")):
        exercise = load_file(write(tmp_path, name, {})).exercises[0]
        assert exercise.media_problem == f"{name!r} is not a file (a folder, pipe or device)", kind


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../knie.jpg", "'../knie.jpg' is outside the programme's folder; put the file beside the programme"
                        " and give its name there (photo.jpg, media/photo.jpg)"),
        ("/home/jan/knie.jpg", "'/home/jan/knie.jpg' is outside the programme's folder; put the file beside"
                               " the programme and give its name there (photo.jpg, media/photo.jpg)"),
        ("'foto\\knie.jpg'", "write the path with / between folders, and no control characters"),
        ("knie.gif", "'knie.gif' is not a photo or video sitimer shows: use .png, .jpg, .jpeg (photo)"
                     " or .mp4, .webm, .mkv, .mov, .avi (video)"),
    ],
)  # fmt: skip
def test_a_path_written_wrong_is_refused_even_without_the_file(name: str, message: str) -> None:
    with pytest.raises(ProgrammeError) as caught:
        load_text(PROGRAMME.format(media=name), "my.yaml")
    expected = f"my.yaml:{MEDIA_LINE}:12: exercises[0].media: {message}"
    assert [str(p) for p in caught.value.problems] == [expected]


def test_figure_and_media_together_are_refused() -> None:
    text = PROGRAMME.format(media="knie.jpg\n    figure: {start: stand, hold: stand}")
    with pytest.raises(ProgrammeError) as caught:
        load_text(text, "my.yaml")
    assert [str(p) for p in caught.value.problems] == [
        f"my.yaml:{MEDIA_LINE}:12: exercises[0].media: give figure or media, not both"
    ]


def test_a_media_problem_is_said_beside_the_files_other_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "knie.jpg", {})
    path.write_text(path.read_text(encoding="utf-8").replace("hold_s: 30", "hold_s: -1"), encoding="utf-8")
    with pytest.raises(ProgrammeError) as caught:
        load_file(path)
    assert [p.path for p in caught.value.problems] == ["exercises[0].hold_s", "exercises[0].media"]
