"""The handout and the report on paper: what stays together on a page, what fits its column, and how
its words and figures read (found by a therapist printing both, 2026-12-07)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from PySide6.QtGui import QColor, QImage

from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.qt.picker.handout import write_handout
from sitimer.qt.progress.report import write_report
from tests.helpers.history_data import record_session, two_weeks

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)")


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [page for page in text.stdout.split("\f") if page.strip()]


def _exercise(n: int, instructions: str, **dose: object) -> dict[str, object]:
    return {
        "id": f"e{n}",
        "number": str(n),
        "name": {"nl": f"Oefening {n}", "en": f"Exercise {n}"},
        "kind": "hold",
        "hold_s": 5,
        "sides": "each",
        "instructions": {"nl": instructions, "en": instructions},
        "figure": {"view": "above", "start": "lie-back", "hold": "knee-across"},
        **dose,
    }


def _programme(tmp_path: Path, exercises: list[dict[str, object]], **frequency: object) -> Path:
    path = tmp_path / "programme.yaml"
    data = {
        "format": 1,
        "id": "test",
        "title": {"nl": "Test", "en": "Test"},
        "frequency": {"sessions_per_day": 1, **frequency},
        "exercises": exercises,
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_exercise_of_a_long_handout_stays_on_one_page_with_its_pictures(qapp, tmp_path):
    """A handout of 90 exercises needs more than 20 page breaks: past the 20th, each page began with
    the pictures of the exercise whose words ended the page before."""
    exercises = [_exercise(n, "Do it like this. " * (5 + n % 4 * 6)) for n in range(1, 91)]
    pdf = tmp_path / "handout.pdf"
    write_handout(load_file(_programme(tmp_path, exercises)), pdf, "en")
    pages = _pages(pdf)
    assert len(pages) > 21
    for number, page in enumerate(pages, 1):
        names = len(re.findall(r"\d+ · Exercise \d+", page))
        captions = len(re.findall(r"Start\s+Right\s+Left", page))
        assert names == captions, f"page {number}: {names} exercises, {captions} rows of pictures"


def test_no_heading_of_the_report_is_left_at_the_foot_of_a_page(qapp, tmp_path, si_gewricht):
    """The report's headings ("Reported by the patient", "Pain and effort") ended pages, with their
    table or chart on the next. Weekly answers of more and more weeks move the headings after them
    past every place on the page; none may be a page's last line."""
    headings = {
        "Adherence per week",
        "Dose per exercise",
        "Pain and effort",
        "Reported by the patient",
        "Notes",
    }
    store = two_weeks(tmp_path / "history.db", si_gewricht)  # with a note
    for weeks in range(1, 41, 2):
        for week in range(weeks - 2, weeks):
            store.save_ears("si-gewricht", date(2026, 1, 5) + timedelta(weeks=week), (1, 1, 1, 1, 1, 1))
        pdf = tmp_path / f"report-{weeks}.pdf"
        write_report(pdf, store, tmp_path, lang="en", today=date(2026, 11, 15))
        for number, page in enumerate(_pages(pdf)[:-1], 1):
            body = [line.strip() for line in page.splitlines() if line.strip()]
            last = body[-2] if body[-1].isdigit() else body[-1]  # above the page number
            assert last not in headings, f"{weeks} weeks answered: page {number} ends with {last!r}"


def test_the_chart_stays_inside_the_text_column(qapp, tmp_path, si_gewricht):
    """The chart was drawn wider than the column, 10 mm into the right margin: past the right edge
    of the tables (their header rows shaded across the column)."""
    store = two_weeks(tmp_path / "history.db", si_gewricht)
    pdf = tmp_path / "report.pdf"
    write_report(pdf, store, tmp_path, lang="en", today=date(2026, 11, 15))
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    for page in sorted(tmp_path.glob("page-*.png")):
        image = QImage(str(page))
        above_number = range(int(image.height() * 0.9))  # the page number is under the column
        shade = [x for y in above_number for x in range(image.width()) if image.pixel(x, y) == 0xFFE8EEF4]
        ink = [
            x for y in above_number for x in range(image.width()) if QColor(image.pixel(x, y)).value() < 250
        ]
        assert shade, f"{page.name}: no table to measure the column by"
        assert max(ink) <= max(shade) + 2, (
            f"{page.name}: printed {max(ink) - max(shade)} px right of the column"
        )


def test_a_patients_note_keeps_its_lines_and_an_instruction_its_line_breaks(qapp, tmp_path, si_gewricht):
    moment = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    store = HistoryStore(tmp_path / "history.db", now=lambda: moment)
    sid = record_session(store, build_plan(load_file(si_gewricht)))
    store.rate(sid, pain=3, effort=4, note="Regel 1\nRegel 2\nRegel 3")
    report = tmp_path / "report.pdf"
    write_report(report, store, tmp_path, lang="en", today=date(2026, 11, 20))
    lines = [line.strip() for line in "".join(_pages(report)).splitlines()]
    assert any(line.endswith("Regel 1") for line in lines) and "Regel 2" in lines and "Regel 3" in lines

    steps = "Step 1: lie down.\nStep 2: bend your knees.\n\nStep 3: breathe out."
    path = _programme(tmp_path, [_exercise(1, steps)])
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["description"] = {"nl": "Regel een.\nRegel twee.", "en": "Line one.\nLine two."}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    handout = tmp_path / "handout.pdf"
    write_handout(load_file(path), handout, "en")
    lines = [line.strip() for line in "".join(_pages(handout)).splitlines()]
    assert {"Step 1: lie down.", "Step 2: bend your knees.", "Step 3: breathe out."} <= set(lines)
    assert {"Line one.", "Line two."} <= set(lines)  # the programme's description too


def test_a_report_since_a_day_begins_at_the_patients_midnight(qapp, tmp_path, si_gewricht, amsterdam):
    """A session at 00:30 in Amsterdam (23:30 UTC the day before) was left out of a report "since"
    its day."""
    plan = build_plan(load_file(si_gewricht))
    now = [datetime(2026, 11, 19, 21, 0, tzinfo=UTC)]  # 22:00 on the 19th in Amsterdam
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    record_session(store, plan)
    now[0] = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)  # 00:30 on the 20th
    record_session(store, plan)
    assert write_report(tmp_path / "report.pdf", store, tmp_path, lang="en", since=date(2026, 11, 20)) == 1


def test_figures_on_paper_read_as_the_language_writes_them(qapp, tmp_path, dutch):
    """Seen: "2,08333–3,08333 min" for a walk of 125-185 s, "12.5 sec rust" in Dutch."""
    walk = {
        "id": "walk",
        "name": {"nl": "Wandelen", "en": "Walk"},
        "kind": "timed",
        "duration_s": {"min": 125, "max": 185},
        "instructions": {"nl": "Wandel.", "en": "Walk."},
    }
    held = _exercise(1, "Houd vast.", sets=3, rest_s=12.5)
    path = _programme(tmp_path, [walk, held], weeks=2.5)
    pdf = tmp_path / "handout.pdf"
    write_handout(load_file(path), pdf, "nl")
    text = " ".join(" ".join(_pages(pdf)).split())
    assert "125–185 sec" in text
    assert "12,5 sec rust" in text and "2,5 weken" in text
    assert not re.search(r"\d\.\d", text), re.findall(r"\S*\d\.\d\S*", text)


def test_a_handout_of_daily_activities_alone_has_no_empty_heading(qapp, tmp_path):
    walk = {
        "id": "walk",
        "name": {"nl": "Wandelen", "en": "Walking"},
        "kind": "activity",
        "estimate_s": 1800,
        "instructions": {"nl": "Wandel elke dag.", "en": "Walk every day."},
    }
    pdf = tmp_path / "handout.pdf"
    write_handout(load_file(_programme(tmp_path, [walk])), pdf, "en")
    text = " ".join(" ".join(_pages(pdf)).split())
    assert "Every day, apart from the sessions" in text
    assert "The exercises of each session" not in text
    assert "min a session" not in text  # a session with nothing in it has no length


def test_a_dose_changed_during_the_period_shows_what_was_asked_before(qapp, tmp_path, si_gewricht):
    """The report said "3 × 40 reps" of a period done mostly at 3 × 30: the therapist saw no change."""
    from dataclasses import replace as changed

    plan = build_plan(load_file(si_gewricht))
    now = [datetime(2026, 11, 16, 8, tzinfo=UTC)]
    store = HistoryStore(tmp_path / "history.db", now=lambda: now[0])
    record_session(store, plan)
    windmills = next(e for e in plan.programme.exercises if e.id == "molenwieken")
    raised = changed(windmills, reps=40)  # 20 per side
    more = build_plan(changed(plan.programme, exercises=(raised, *plan.programme.exercises[1:])))
    now[0] = datetime(2026, 11, 18, 8, tzinfo=UTC)
    record_session(store, more)
    pdf = tmp_path / "report.pdf"
    write_report(pdf, store, tmp_path, lang="en", today=date(2026, 11, 18))
    text = " ".join(" ".join(_pages(pdf)).split())
    assert "Windmills 3 × 40 reps" in text and "(until 2026-11-16: 3 × 30 reps)" in text
