"""The patient's programmes: the bundled ones, then their own folder's, each loaded or with its problems.

The one listing behind every place that names or offers programmes: the picker, the kiosk's
choices, the reminders, the progress report and the editor's exercise catalogue. A programme
file ends in ``.yaml`` or ``.yml`` (:func:`sitimer.core.paths.programme_files`); a file that
does not load is listed with its problems, never raised.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitimer.core.paths import (
    HANDOVER_SUFFIX,
    PROGRAMME_SUFFIXES,
    bundled_programmes,
    programme_files,
    resolved,
    user_programmes_dir,
)
from sitimer.core.programme.loader import MAX_FILE_BYTES, load_file
from sitimer.core.programme.model import Programme
from sitimer.core.programme.reader import Problem, ProgrammeError
from sitimer.core.small_file import read_small


@dataclass(frozen=True)
class ProgrammeFile:
    """One programme file: loaded, or with the reasons it did not load."""

    path: Path
    programme: Programme | None
    problems: tuple[Problem, ...] = ()

    def title(self, lang: str) -> str:
        """The programme's title; the file's name when it does not load."""
        return self.programme.title.get(lang) if self.programme is not None else self.path.name


def read(path: Path) -> ProgrammeFile:
    """Load one programme file; never raises for a bad file."""
    try:
        return ProgrammeFile(path, load_file(path))
    except ProgrammeError as err:
        return ProgrammeFile(path, None, tuple(err.problems))


def own_paths(data_dir: Path) -> list[Path]:
    """The patient's own programme files (tailored copies), sorted by name."""
    return programme_files(user_programmes_dir(data_dir))


def all_paths(data_dir: Path) -> list[Path]:
    """Every programme file of the patient: the bundled ones first, then their own."""
    return [*bundled_programmes(), *own_paths(data_dir)]


def listing(data_dir: Path) -> list[ProgrammeFile]:
    """Every programme file of the patient, in :func:`all_paths`' order, each loaded."""
    return [read(path) for path in all_paths(data_dir)]


def by_id(files: Iterable[ProgrammeFile]) -> dict[str, tuple[Path, Programme]]:
    """The files that load, one per programme id; of two with one id the later wins (the patient's own)."""
    return {f.programme.id: (f.path, f.programme) for f in files if f.programme is not None}


def titles(data_dir: Path, lang: str) -> dict[str, str]:
    """Every programme of the patient's (or therapist's) that loads, its id to its title in ``lang``."""
    return {pid: programme.title.get(lang) for pid, (_, programme) in by_id(listing(data_dir)).items()}


def _names(name: str) -> Iterator[str]:
    """``name``, then ``STEM-2.SUFFIX``, ``STEM-3.SUFFIX``, … (``.sitimer.yaml`` kept whole)."""
    suffix = next((s for s in (HANDOVER_SUFFIX, *PROGRAMME_SUFFIXES) if name.endswith(s)), "")
    stem = name[: len(name) - len(suffix)]
    yield name
    for n in itertools.count(2):
        yield f"{stem}-{n}{suffix}"


def keep(path: Path, data_dir: Path) -> Path | None:
    """A programme file from outside both folders (one the therapist sent), copied into the patient's
    own folder so that the list offers it at the next start; the copy.

    None when it is listed already: in either folder, or the same bytes among the patient's own. A
    copy never replaces a file (an older one of the same name stays, the copy is ``NAME-2.yaml``).
    Raises OSError (or :class:`~sitimer.core.small_file.TooLarge`) when it cannot be read or written.
    """
    where = resolved(path)
    if any(where == resolved(listed) for listed in all_paths(data_dir)):
        return None
    data = read_small(path, MAX_FILE_BYTES)
    for own in own_paths(data_dir):
        with contextlib.suppress(OSError, ValueError):
            if read_small(own, MAX_FILE_BYTES) == data:
                return None
    folder = user_programmes_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for name in _names(path.name):
        target = folder / name
        try:
            stream = target.open("xb")
        except FileExistsError:
            continue
        try:
            with stream:
                stream.write(data)
        except OSError:
            target.unlink(missing_ok=True)  # no half a programme left in the list
            raise
        return target
    raise AssertionError("unreachable")  # _names never ends
