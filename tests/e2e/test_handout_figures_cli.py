"""`sitimer handout` of a programme with figures and a photo, with no screen: the pictures are printed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_cli import sitimer
from tests.e2e.test_cli_files import NO_SCREEN

pytestmark = pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs poppler-utils (make test)")

PROGRAMME = """\
format: 1
id: small
title: {en: Two exercises, nl: Twee oefeningen}
frequency: {sessions_per_day: 1}
exercises:
  - id: molenwieken
    name: {en: Windmills, nl: Molenwieken}
    kind: reps
    reps: 10
    sides: alternate
    tempo_s: 3
    instructions: {en: Bend down and bring your right hand to your left foot., nl: Buig voorover.}
    figure: {view: front, start: stand-wide, rep: [windmill-right-hand-left-foot]}
  - id: brug
    name: {en: Bridge, nl: Brug}
    kind: hold
    hold_s: 30
    instructions: {en: Lift your hips., nl: Til uw heupen op.}
    media: brug.png
"""

PNG = bytes.fromhex(  # a 2 x 2 blue PNG
    "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73000000097048597300000ec400000ec401"
    "952b0e1b0000001649444154089963144d3dc0c0c0c0c4c0c0c0c0c000000e37013eecc5b3220000000049454e44ae426082"
)


def test_the_handout_prints_the_figures_and_the_photo_without_a_screen(tmp_path: Path) -> None:
    (tmp_path / "small.yaml").write_text(PROGRAMME, encoding="utf-8")
    (tmp_path / "brug.png").write_bytes(PNG)
    out = tmp_path / "handout.pdf"
    # as a user runs it: without the quiet rules the tests set for every process
    quiet = (*NO_SCREEN, "QT_LOGGING_RULES")
    done = sitimer("handout", tmp_path / "small.yaml", "--pdf", out, drop=quiet, lang="C.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # not Qt Multimedia's notes as it loads (for the photo) about PipeWire
    listing = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True)
    assert len(listing.stdout.splitlines()[2:]) == 3 + 1  # start, right, left; and the photo
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Start Right Left" in " ".join(text.split())
