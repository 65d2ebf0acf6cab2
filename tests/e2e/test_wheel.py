"""The wheel carries the programmes and the schema, and works installed away from the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from sitimer.core.programme.fields import json_schema_text
from tests.conftest import REPO

PROBE = """
import json, sitimer, sitimer.core.paths
print(json.dumps({
    "file": sitimer.__file__,
    "programmes": [str(p) for p in sitimer.core.paths.bundled_programmes()],
    "schema": str(sitimer.core.paths.resources_dir() / "programme.schema.json"),
}))
"""


def run(args: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300, **kwargs)  # type: ignore[call-overload]
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_the_installed_wheel_validates_its_bundled_programmes(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, REPO])
    [wheel] = wheels.glob("sitimer-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {
            "sitimer/programmes/si-gewricht.yaml",
            "sitimer/programmes/si-blokkade-herstel.yaml",
            "sitimer/resources/programme.schema.json",
            "sitimer/__main__.py",
        } <= names
        assert archive.read("sitimer/resources/programme.schema.json").decode() == json_schema_text()

    target = tmp_path / "target"
    run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", target, wheel])
    env = {**os.environ, "PYTHONPATH": str(target)}
    work = tmp_path / "elsewhere"
    work.mkdir()

    found = json.loads(run([sys.executable, "-c", PROBE], cwd=work, env=env).stdout)
    installed = target / "sitimer"
    assert Path(found["file"]).is_relative_to(target), "the checkout was imported, not the wheel"
    listed = [Path(p) for p in found["programmes"]]
    assert [p.parent for p in listed] == [installed / "programmes"] * len(listed)
    assert [p.name for p in listed] == sorted(p.name for p in (REPO / "programmes").glob("*.yaml"))
    assert {"si-blokkade-herstel.yaml", "si-gewricht.yaml"} <= {p.name for p in listed}
    assert Path(found["schema"]).is_file() and Path(found["schema"]).is_relative_to(target)

    programme = installed / "programmes" / "si-gewricht.yaml"
    result = run([sys.executable, "-m", "sitimer", "validate", programme], cwd=work, env=env)
    assert result.stdout.startswith(f"{programme}: ok (4 exercises")
    blokkade = installed / "programmes" / "si-blokkade-herstel.yaml"
    result = run(
        [sys.executable, "-m", "sitimer", "plan", blokkade, "--json", "--lang", "nl"], cwd=work, env=env
    )
    assert json.loads(result.stdout)["programme"]["sessions_per_day"] == {"min": 3, "max": 5}
