"""The therapist's PDF: its text read back with pdftotext, as a therapist's PDF reader would."""

import shutil
import subprocess

import pytest

from sitimer.qt.report import write_report
from tests.history_data import two_weeks

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")


@pytest.fixture
def history(tmp_path, si_gewricht):
    return two_weeks(tmp_path / "history.db", si_gewricht)


def _text(pdf):
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_report_shows_prescription_adherence_dose_pain_and_notes(history, tmp_path, qapp):
    pdf = tmp_path / "report.pdf"
    count = write_report(pdf, history, tmp_path, lang="en")
    assert count == 26
    text = _text(pdf)
    assert "SI joint: mobilising exercises" in text
    assert "2 sessions a day, for 4 weeks" in text
    assert "2026-11-02 to 2026-11-15" in text
    weeks = ["".join(line.split()) for line in text.splitlines() if line.strip().startswith("2026-11-0")]
    assert "2026-11-0213/1493%6/7" in weeks  # sessions done / prescribed, adherence, days kept
    assert "2026-11-0913/1493%6/7" in weeks
    windmills = next(line for line in text.splitlines() if line.strip().startswith("Windmills"))
    assert "3 sets, 90 reps" in windmills and "2340 reps" in windmills and "93 %" in windmills
    assert "6.0" in text and "3.0" in text  # mean pain per week, easing
    assert "2026-11-03: Stijf na het opstaan" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:           1" in pages or "Pages:           2" in pages


def test_since_leaves_out_earlier_sessions(history, tmp_path, qapp):
    pdf = tmp_path / "report.pdf"
    from datetime import date

    assert write_report(pdf, history, tmp_path, since=date(2026, 11, 9)) == 13
    assert "2026-11-09 to 2026-11-15" in _text(pdf)
