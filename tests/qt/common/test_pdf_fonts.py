"""DejaVu Sans is bundled: on a machine without it (Windows, macOS, a bare Linux) the PDFs print the same."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils (make test)")


@pytest.fixture
def no_system_fonts(tmp_path: Path) -> dict[str, str]:
    """The environment of a machine with no fonts at all: fontconfig sees one empty folder."""
    (tmp_path / "no-fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{tmp_path / 'no-fonts'}</dir><cachedir>{tmp_path / 'font-cache'}</cachedir></fontconfig>"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "PYTHONPATH": str(REPO), "LANG": "en_GB.UTF-8"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "SITIMER_DATA_DIR": str(tmp_path / "data")}
    return env


def _fonts(pdf: Path) -> dict[str, str]:
    """Each font in the PDF by name, with its 'emb' column (yes: embedded)."""
    lines = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {line.split()[0]: line.split()[-5] for line in lines[2:]}


def _sitimer(env: dict[str, str], *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "sitimer", *args], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_handout_on_a_machine_without_dejavu_embeds_the_bundled_one(
    tmp_path: Path, no_system_fonts: dict[str, str]
) -> None:
    pdf = tmp_path / "handout.pdf"
    _sitimer(no_system_fonts, "handout", str(REPO / "programmes" / "si-gewricht.yaml"), "--pdf", str(pdf))
    assert _fonts(pdf) == {"DejaVuSans": "yes", "DejaVuSans-Bold": "yes"}  # was: no font at all
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "SI joint: mobilising exercises" in text


def test_a_report_on_a_machine_without_dejavu_embeds_the_bundled_one(
    tmp_path: Path, no_system_fonts: dict[str, str]
) -> None:
    pdf = tmp_path / "report.pdf"
    _sitimer(no_system_fonts, "report", "--pdf", str(pdf))
    assert _fonts(pdf) == {"DejaVuSans": "yes", "DejaVuSans-Bold": "yes"}
