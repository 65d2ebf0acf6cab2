"""Where sitimer finds its bundled files and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from sitimer.core.options import UserError

_PACKAGE = Path(__file__).resolve().parents[1]  # sitimer/


def _bundled(name: str) -> Path:
    # An installed wheel carries the folder inside the package; a source
    # checkout (or an editable install) has it at the top of the repository.
    for base in (_PACKAGE, _PACKAGE.parent):
        if (base / name).is_dir():
            return base / name
    return _PACKAGE / name


def programmes_dir() -> Path:
    """The bundled programmes."""
    return _bundled("programmes")


def resources_dir() -> Path:
    """Bundled sounds, voice clips, translations and the programme schema."""
    return _bundled("resources")


PROGRAMME_SUFFIXES = (".yaml", ".yml")


def programme_files(folder: Path) -> list[Path]:
    """The programme files in a folder (``.yaml`` and ``.yml``), sorted by name; none when it is not there."""
    return sorted(p for suffix in PROGRAMME_SUFFIXES for p in folder.glob(f"*{suffix}"))


HANDOVER_SUFFIX = ".sitimer.yaml"  # the installed package opens such a file in sitimer by double-click


def handover_name(path: Path) -> str:
    """The name to give a programme file handed to a patient: ``NAME.sitimer.yaml``."""
    stem = path.name
    for suffix in (HANDOVER_SUFFIX, *PROGRAMME_SUFFIXES):
        if stem.endswith(suffix):
            stem = stem.removesuffix(suffix)
            break
    return stem + HANDOVER_SUFFIX


def bundled_programmes() -> list[Path]:
    """The bundled programme files, sorted by name."""
    return programme_files(programmes_dir())


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """History and settings: ``--data-dir``, else ``SITIMER_DATA_DIR``, else the platform's place.

    UserError when that cannot be a folder: ``~name`` of no user, or a file where the folder (or
    a folder above it) should be. A folder that does not exist yet is made when first written.
    """
    if override is not None and not str(override).strip():  # `--data-dir ""`: a slip, not the usual place
        raise UserError('data folder: none given (--data-dir ""); name a folder, or leave --data-dir out')
    chosen = override or os.environ.get("SITIMER_DATA_DIR")
    if not chosen:
        path = platformdirs.user_data_path("sitimer", appauthor=False)
    else:
        try:
            # absolute: the history's salvage names the damaged file by URI, which a relative path
            # has not (a traceback, and the readable sessions never copied back); and plain: "../d"
            # showed in the picker as ".../repo/../d/programmes"
            path = Path(os.path.abspath(Path(chosen).expanduser()))
        except RuntimeError:  # ~name of no user, or no home at all
            user = str(chosen).split(os.sep, 1)[0]
            raise UserError(f"data folder {chosen}: there is no home folder for {user}") from None
    for place in (path, *path.parents):
        try:
            if not place.exists():
                continue
        except OSError as err:  # a folder on the way that may not be looked into
            raise UserError(f"data folder {chosen or path}: {err.strerror}") from None
        if not place.is_dir():
            what = "it is a file" if place == path else f"{place} is a file"
            raise UserError(f"data folder {chosen or path}: {what}, not a folder")
        break
    return path


def resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed; where that cannot be done (a loop of links:
    Python 3.11 raises RuntimeError there, not OSError), absolute as written. Reading the file then
    says what is wrong with it, as for any file that cannot be read."""
    try:
        return path.expanduser().resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path.expanduser()))


def home_short(path: Path) -> str:
    """A place as a person reads it: ~/.local/share/sitimer/programmes."""
    try:
        return str(Path("~") / resolved(path).relative_to(resolved(Path.home())))
    except ValueError:
        return str(path)


def user_programmes_dir(data: Path) -> Path:
    """The patient's own programmes (tailored copies), inside the data folder."""
    return data / "programmes"


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """What a file is now (inode, modification time, size); None when it is not there. Another
    stamp later means it was changed or replaced (an editor's save, an upgrade's new file)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)
