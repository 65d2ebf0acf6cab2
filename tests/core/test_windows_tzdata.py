"""Windows has no time-zone database: the package brings tzdata there (and only there)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _requirements() -> dict[str, Requirement]:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    return {r.name: r for r in map(Requirement, deps)}


def test_tzdata_is_installed_on_windows_only() -> None:
    tzdata = _requirements()["tzdata"]  # the reminders' zoneinfo finds Europe/Amsterdam in it
    assert tzdata.marker is not None
    assert tzdata.marker.evaluate({"sys_platform": "win32"})
    assert not tzdata.marker.evaluate({"sys_platform": "linux"})
    assert not tzdata.marker.evaluate({"sys_platform": "darwin"})
