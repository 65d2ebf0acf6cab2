"""The patient's programmes: the bundled ones, then their own folder's, each loaded or with its problems.

The one listing behind every place that names or offers programmes: the picker, the kiosk's
choices, the reminders, the progress report and the editor's exercise catalogue. A programme
file ends in ``.yaml`` or ``.yml`` (:func:`sitimer.core.paths.programme_files`); a file that
does not load is listed with its problems, never raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitimer.core.paths import bundled_programmes, programme_files, user_programmes_dir
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Programme
from sitimer.core.programme.reader import Problem, ProgrammeError


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
