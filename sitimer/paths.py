"""Where sitimer finds its bundled files and keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

_HERE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # An installed wheel carries the folder inside the package; a source
    # checkout (or an editable install) has it at the top of the repository.
    for base in (_HERE, _HERE.parent):
        if (base / name).is_dir():
            return base / name
    return _HERE / name


def programmes_dir() -> Path:
    """The bundled programmes."""
    return _bundled("programmes")


def resources_dir() -> Path:
    """Bundled sounds, voice clips, translations and the programme schema."""
    return _bundled("resources")


def bundled_programmes() -> list[Path]:
    """The bundled programme files, sorted by name."""
    return sorted(programmes_dir().glob("*.yaml"))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """History and settings: ``--data-dir``, else ``SITIMER_DATA_DIR``, else the platform's place."""
    chosen = override or os.environ.get("SITIMER_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_data_path("sitimer", appauthor=False)


def user_programmes_dir(data: Path) -> Path:
    """The patient's own programmes (tailored copies), inside the data folder."""
    return data / "programmes"
