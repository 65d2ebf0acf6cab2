"""The handout shows each exercise's figure on paper: the start, then the end position per side.

Read back from the PDF as a patient gets it: the pictures (pdfimages), their captions under the
exercise they belong to (pdftotext), and ink where they are printed (pdftoppm).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from sitimer.core.programme.loader import load_file
from sitimer.qt.common.translation import install_translator
from sitimer.qt.picker.handout import write_handout
from sitimer.qt.picker.key_pictures import DPI, MAX_WIDTH_MM, key_pictures
from tests.qt.picker.figures import si_with_figures, si_without_figures

pytestmark = pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs poppler-utils (make test)")


def images_in(pdf: Path) -> list[list[str]]:
    """The rows of `pdfimages -list`: page, num, type, width, height, ..."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    return [line.split() for line in listing.stdout.splitlines()[2:]]


def words(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_every_exercise_prints_its_start_and_both_sides(qapp, tmp_path, si_gewricht):
    pdf = tmp_path / "handout.pdf"
    write_handout(si_with_figures(si_gewricht), pdf, "en")
    images = images_in(pdf)
    assert len(images) == 4 * 3  # four exercises, each done on both sides: start, right, left
    assert all(int(row[12]) >= 290 for row in images)  # x-ppi: printed at 300 dpi, not a blurred thumbnail
    text = words(pdf)
    for this, following in (
        ("1 · Windmills", "2 · SI stretch"),
        ("4 · Strength exercise", "Stop an exercise"),
    ):
        part = text[text.index(this) : text.index(following)]
        assert part.rstrip(" 0123456789").endswith("Start Right Left"), (
            part
        )  # under its instructions (a page number may follow)
    assert len({row[0] for row in images}) <= 3  # a few pages, not a page an exercise


def test_without_figures_the_handout_is_as_before(qapp, tmp_path, si_gewricht):
    pdf = tmp_path / "handout.pdf"
    write_handout(si_without_figures(si_gewricht), pdf, "en")
    assert images_in(pdf) == []
    assert "Start Right Left" not in words(pdf)


def test_the_dutch_captions(qapp, tmp_path, si_gewricht):
    translator = install_translator(qapp, "nl")
    try:
        pdf = tmp_path / "handout.pdf"
        write_handout(si_with_figures(si_gewricht, only=("si-rekken",)), pdf, "nl")
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
    assert len(images_in(pdf)) == 3
    assert "Begin Rechts Links" in words(pdf)


def test_the_pictures_of_one_exercise_share_a_scale_and_show_the_working_side(qapp, si_gewricht):
    windmills = si_with_figures(si_gewricht).exercise("molenwieken")
    start, right, left = key_pictures(windmills)
    assert start.image.size() == right.image.size() == left.image.size()
    assert start.image.width() <= round(MAX_WIDTH_MM / 25.4 * DPI)

    def accent(image: QImage) -> tuple[int, int]:
        """Pixels in the accent colour (the working side) in the picture's left and right half."""
        halves = [0, 0]
        for y in range(0, image.height(), 3):
            for x in range(0, image.width(), 3):
                c = QColor(image.pixel(x, y))
                if c.red() > 180 and c.green() < 140 and c.blue() < 80:
                    halves[x >= image.width() // 2] += 1
        return halves[0], halves[1]

    assert accent(start.image) == (0, 0)  # the start shows no side at work
    right_l, right_r = accent(right.image)
    left_l, left_r = accent(left.image)
    assert right_l + right_r > 0  # the working arms: the right down to the left foot, the left up
    assert (right_l, right_r) == pytest.approx((left_r, left_l), rel=0.25)  # the left: its mirror image


def test_the_printed_page_has_ink_where_the_pictures_are(qapp, tmp_path, si_gewricht):
    with_figures, plain = tmp_path / "figures.pdf", tmp_path / "plain.pdf"
    write_handout(si_with_figures(si_gewricht), with_figures, "en")
    write_handout(si_without_figures(si_gewricht), plain, "en")

    def ink(pdf: Path) -> int:
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / pdf.stem)], check=True)
        dark = 0
        for page in sorted(tmp_path.glob(f"{pdf.stem}-*.png")):
            image = QImage(str(page))
            for y in range(image.height()):
                for x in range(image.width()):
                    dark += QColor(image.pixel(x, y)).lightness() < 128
        return dark

    assert ink(with_figures) > ink(plain) * 1.3


def test_an_exercise_and_its_pictures_stay_on_one_page(qapp, tmp_path, si_gewricht):
    pdf = tmp_path / "handout.pdf"
    programme = si_with_figures(si_gewricht)
    write_handout(programme, pdf, "en")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [" ".join(page.split()) for page in text.split("\f") if page.strip()]
    for page in pages:
        names = sum(f"{e.number} · {e.name.get('en')}" in page for e in programme.exercises)
        assert page.count("Start Right Left") == names, page


def test_a_photo_of_the_therapists_own_is_printed_instead(qapp, tmp_path, si_gewricht):
    photo = QImage(400, 300, QImage.Format.Format_RGB32)
    photo.fill(QColor("#1565c0"))  # a blue photo, easy to find on the page
    folder = tmp_path / "programme"
    folder.mkdir()
    photo.save(str(folder / "knie.jpg"))
    programme = si_with_figures(si_gewricht)
    exercises = tuple(replace(e, media="knie.jpg") if e.id == "si-rekken" else e for e in programme.exercises)
    programme = replace(programme, exercises=exercises, path=str(folder / "mine.yaml"))
    pdf = tmp_path / "handout.pdf"
    write_handout(programme, pdf, "en")
    images = images_in(pdf)
    assert len(images) == 3 * 3 + 1  # the other three exercises' figures, and the photo
    text = words(pdf)
    stretch = text[text.index("2 · SI stretch") : text.index("3 · Rotation")]
    assert "Start" not in stretch  # no figure's captions under the photo


def test_a_rep_of_two_positions_shows_both_in_order(qapp, si_blokkade):
    tilt = load_file(si_blokkade).exercise("hol-en-bol")  # flat, then hollow: no sides
    assert tilt.figure is not None and len(tilt.figure.rep) == 2
    assert [p.caption for p in key_pictures(tilt)] == ["Start", "Then", "End"]


def test_a_section_heading_stays_with_its_first_exercise(qapp, tmp_path, si_blokkade):
    pdf = tmp_path / "handout.pdf"
    write_handout(load_file(si_blokkade), pdf, "en")  # the bundled figures: eleven exercises, three sections
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [" ".join(page.split()) for page in text.split("\f") if page.strip()]
    for heading, first in (
        ("Every day, apart from the sessions", "1 · Walk or cycle"),
        ("The exercises of each session", "2 · Knee rolls"),
        ("Later: only when your therapist says so", "5 · Pelvic tilt"),
    ):
        (page,) = [p for p in pages if heading in p]
        assert first in page, heading
    assert len(pages) <= 6  # a page or so per two exercises, not one each
