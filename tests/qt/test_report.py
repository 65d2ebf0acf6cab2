"""The therapist's PDF: its text read back with pdftotext, as a therapist's PDF reader would."""

import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from sitimer.core.history import HistoryStore, StepRecord, stamp
from sitimer.core.loader import load_file
from sitimer.core.plan import build_plan
from sitimer.core.recorder import session_start
from sitimer.qt.report import write_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")


@pytest.fixture
def history(tmp_path, si_gewricht):
    """Two weeks of 2 a day from Monday 2 November 2026, missing two sessions, pain easing."""
    plan = build_plan(load_file(si_gewricht))
    now = [datetime(2026, 11, 2, 7, tzinfo=UTC)]
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    for day in range(14):
        for hour in (7, 18):
            if (day, hour) in ((3, 18), (9, 7)):
                continue
            now[0] = datetime(2026, 11, 2, hour, tzinfo=UTC) + timedelta(days=day)
            sid = store.begin(session_start(plan, simulated=False))
            for s in plan.steps:
                if s.is_exercise:
                    store.add_step(
                        sid,
                        StepRecord(
                            s.index,
                            s.kind.value,
                            s.exercise,
                            s.set,
                            s.side,
                            s.reps,
                            s.planned_s,
                            False,
                            stamp(now[0]),
                        ),
                    )
            store.end(sid, "completed")
            store.rate(
                sid, pain=6 if day < 7 else 3, effort=4, note="Stijf na het opstaan" if day == 1 else None
            )
    now[0] = datetime(2026, 11, 10, 12, tzinfo=UTC)
    store.begin(session_start(plan, simulated=True))  # a demonstration: never in the report
    return store


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
