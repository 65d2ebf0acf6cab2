"""Shared test set-up: Qt runs offscreen, and nothing touches the user's real data."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
PROGRAMMES = REPO / "programmes"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own SITIMER_DATA_DIR."""
    data = tmp_path / "data"
    monkeypatch.setenv("SITIMER_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # where a history's journal may go
    return data


@pytest.fixture
def si_gewricht() -> Path:
    """The bundled programme of seed 000."""
    return PROGRAMMES / "si-gewricht.yaml"


@pytest.fixture
def si_blokkade() -> Path:
    """The bundled programme of seed 002."""
    return PROGRAMMES / "si-blokkade-herstel.yaml"
