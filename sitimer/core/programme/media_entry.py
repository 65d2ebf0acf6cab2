"""An exercise's own photo or video (``media:``), a file beside the programme file.

How the path is written is part of the format (relative, no ``..``, a photo's or video's
suffix): a mistake there is a problem like any other. Whether the file is there and is what
its name says depends on the computer it is opened on: a missing or broken file leaves the
programme usable (its text still shows), so it is recorded apart, in ``Reader.soft``, and kept
on the exercise as ``media_problem``; ``sitimer validate`` still reports it with its line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

import yaml

from sitimer.core.programme.fields import PHOTO_SUFFIXES, VIDEO_SUFFIXES, Field
from sitimer.core.programme.reader import Problem, Reader
from sitimer.core.said import said

_HEAD_BYTES = 16
_TAIL_BYTES = 1024  # a camera may pad a JPEG after its end marker
_PHOTO_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_PHOTO_ENDS = (b"IEND\xaeB`\x82", b"\xff\xd9")  # PNG's last chunk; JPEG's end of image


def _is_video(head: bytes) -> bool:
    """ISO base media (MP4, MOV: ``ftyp`` at byte 4), EBML (WebM, MKV) or RIFF AVI."""
    return (
        head[4:8] == b"ftyp"
        or head.startswith(b"\x1a\x45\xdf\xa3")
        or (head.startswith(b"RIFF") and head[8:12] == b"AVI ")
    )


def read_media(r: Reader, node: yaml.Node, path: str, folder: Path | None) -> tuple[str | None, str | None]:
    """The media file's path (absolute when ``folder`` is known) and what is wrong with the file, if anything.

    A badly written path raises Abort (the problem is recorded); a missing or broken file
    gives ``(None, message)`` and a problem in ``r.soft``.
    """
    name = r.value(node, path, Field("string", ""))
    written = PurePosixPath(name)
    if "\\" in name or any(not c.isprintable() for c in name):
        raise r.fail(node, path, said("write the path with / between folders, and no control characters"))
    if written.is_absolute() or ".." in written.parts or ":" in name:
        raise r.fail(
            node,
            path,
            said(
                "{name!r} is outside the programme's folder; put the file beside the programme"
                " and give its name there (photo.jpg, media/photo.jpg)",
                name=name,
            ),
        )
    suffix = written.suffix.lower()
    if suffix not in (*PHOTO_SUFFIXES, *VIDEO_SUFFIXES):
        raise r.fail(
            node,
            path,
            said(
                "{name!r} is not a photo or video sitimer shows: use {photos} (photo) or {videos} (video)",
                name=name,
                photos=", ".join(PHOTO_SUFFIXES),
                videos=", ".join(VIDEO_SUFFIXES),
            ),
        )
    if folder is None:
        return name, None  # text with no file: nothing to look beside
    target = folder / written
    message = _file_problem(target, name, folder, suffix in PHOTO_SUFFIXES)
    if message is None:
        return str(target), None
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    r.soft.append(Problem(r.file, line, column, path, message))
    return None, message


def _file_problem(target: Path, name: str, folder: Path, photo: bool) -> str | None:
    """What is wrong with the file itself, in words; None when it looks like what its name says."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(target, flags)  # never waits on a pipe that happens to carry the name
    except FileNotFoundError:
        return said(
            "no file {name!r} beside the programme (looked in {folder})",
            name=name,
            folder=f"{folder}{os.sep}",
        )
    except OSError as err:
        return said("cannot read {name!r}: {error}", name=name, error=str(err.strerror or err))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return said("{name!r} is not a file (a folder, pipe or device)", name=name)
        head = os.read(handle, _HEAD_BYTES)
        tail = b""
        if photo:  # lseek and read: Windows has no pread
            os.lseek(handle, max(0, info.st_size - _TAIL_BYTES), os.SEEK_SET)
            tail = os.read(handle, _TAIL_BYTES)
    except OSError as err:
        return said("cannot read {name!r}: {error}", name=name, error=str(err.strerror or err))
    finally:
        os.close(handle)
    if not head:
        return said("{name!r} is empty", name=name)
    if photo and not head.startswith(_PHOTO_SIGNATURES):
        return said(
            "{name!r} is not a PNG or JPEG photo (damaged, or another kind of file renamed)", name=name
        )
    if photo and not any(end in tail for end in _PHOTO_ENDS):
        # what validate promises to find before the patient does: a photo copied in part showed
        # as "not a picture" in the session, and validate said ok
        return said(
            "{name!r} is cut short: the photo's end is missing (damaged, or not copied whole)", name=name
        )
    if not photo and not _is_video(head):
        return said("{name!r} is not a video sitimer knows (MP4, MOV, WebM, MKV or AVI)", name=name)
    return None
