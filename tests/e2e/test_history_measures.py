"""`sitimer history --json` and `--csv` carry the adherence measures, run as a user runs them on a real
history: two weeks of seed 000's "2 × per dag" (one session missed each week), one of them skipped
through, effort in half steps, and the patient's answers apart from sessions."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from sitimer.core.history.measures import TABLES
from tests.conftest import REPO
from tests.e2e.test_cli import sitimer
from tests.helpers.history_data import FIRST_DAY, two_weeks

PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"
GEWRICHT, HERSTEL = "si-gewricht", "si-blokkade-herstel"
MONDAY = FIRST_DAY.date()


@pytest.fixture
def history(_private_data_dir: Path) -> Path:
    store = two_weeks(_private_data_dir / "history.db", PROGRAMME)
    latest = store.sessions()[-1]
    # the last session of week 2: the patient skipped through most of it, and found it light
    store.end(latest.id, "partial", at=datetime.fromisoformat(latest.started_at), dose_share=0.25)
    store.rate(latest.id, pain=3, effort=1.5, note=None, pain_before=4)
    store.save_ears(GEWRICHT, MONDAY, (0, 4, 3, 1, 4, 0))
    store.save_ears(GEWRICHT, MONDAY + timedelta(7), (1, 3, 3, 1, 3, 1))
    store.save_missed_reason(GEWRICHT, MONDAY + timedelta(3), "no_time")
    store.save_missed_reason(GEWRICHT, MONDAY + timedelta(9), "forgot")
    store.save_gpe(GEWRICHT, FIRST_DAY + timedelta(days=13, hours=19), 3)
    store.save_psk(GEWRICHT, FIRST_DAY + timedelta(hours=6), (("hardlopen", 8), ("lang zitten", 5)))
    store.save_psk(GEWRICHT, FIRST_DAY + timedelta(days=13, hours=19), (("hardlopen", 4), ("lang zitten", 2)))
    store.tick_activity(HERSTEL, "wandelen-fietsen", MONDAY + timedelta(1))
    store.close()
    return _private_data_dir


def test_the_json_keeps_its_sessions_and_adds_every_measure(history):
    done = sitimer("history", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert set(out) == {"sessions", *TABLES}
    sessions = out["sessions"]
    assert len(sessions) == 26  # 2 × 14 days, two missed
    last = sessions[-1]
    assert (last["status"], last["dose_share"], last["effort"], last["pain_before"]) == (
        "partial",
        0.25,
        1.5,
        4,
    )
    assert {s["dose_share"] for s in sessions[:-1]} == {None}  # written by hand, not by the recorder

    week1, week2, *later = [w for w in out["weeks"] if w["programme"] == GEWRICHT]
    assert (week1["week"], week1["prescribed"], week1["done"], week1["adherent"]) == (
        "2026-11-02",
        14,
        13,
        True,
    )
    # week 2: one missed and one only partly done, 12 of 14 (86 %) is still adherent
    assert (week2["done"], week2["not_completed"], week2["adherent"]) == (12, 1, True)
    assert week2["share"] == pytest.approx(12 / 14, abs=1e-4)
    assert all(w["done"] == 0 and not w["adherent"] for w in later)  # the weeks since, up to today

    assert [(e["week"], e["total"]) for e in out["ears"]] == [("2026-11-02", 22), ("2026-11-09", 18)]
    assert out["ears"][0]["answers"] == [0, 4, 3, 1, 4, 0] and out["ears"][0]["scores"] == [4, 4, 3, 3, 4, 4]
    assert [(m["day"], m["reason"]) for m in out["missed_reasons"]] == [
        ("2026-11-05", "no_time"),
        ("2026-11-11", "forgot"),
    ]
    assert [(g["at"][:10], g["value"]) for g in out["gpe"]] == [("2026-11-15", 3)]
    assert [(p["at"][:10], p["activity"], p["score"]) for p in out["psk"]] == [
        ("2026-11-02", "hardlopen", 8),
        ("2026-11-02", "lang zitten", 5),
        ("2026-11-15", "hardlopen", 4),
        ("2026-11-15", "lang zitten", 2),
    ]
    assert out["activities"] == [{"programme": HERSTEL, "day": "2026-11-03", "exercise": "wandelen-fietsen"}]
    # a programme with ticks but no session has no weeks of sessions due
    assert not [w for w in out["weeks"] if w["programme"] == HERSTEL]


def test_the_sessions_csv_is_as_before_with_the_dose_share_and_pain_before_added(history):
    done = sitimer("history", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 26
    assert (rows[-1]["status"], rows[-1]["dose_share"], rows[-1]["effort"]) == ("partial", "0.25", "1.5")
    started = datetime.fromisoformat(rows[0]["started_local"])  # local time with its offset, as before
    assert started == FIRST_DAY + timedelta(hours=7)


@pytest.mark.parametrize("table", list(TABLES))
def test_each_measure_is_a_csv_of_its_own(history, table):
    done = sitimer("history", "--csv", "--table", table)
    assert done.returncode == 0, done.stderr
    reader = csv.DictReader(io.StringIO(done.stdout))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == TABLES[table]
    if table == "weeks":
        assert [(r["week"], r["done"], r["adherent"]) for r in rows[:2]] == [
            ("2026-11-02", "13", "True"),
            ("2026-11-09", "12", "True"),
        ]
    elif table == "ears":
        assert [(r["answers"], r["total"]) for r in rows] == [("0 4 3 1 4 0", "22"), ("1 3 3 1 3 1", "18")]
    elif table == "psk":
        assert len(rows) == 4 and rows[2]["activity"] == "hardlopen" and rows[2]["score"] == "4"
    else:
        assert rows  # every kind was answered


def test_the_weeks_reach_today(history):
    out = json.loads(sitimer("history", "--json").stdout)
    weeks = [w["week"] for w in out["weeks"]]
    today = date.today()
    assert weeks[-1] == (today - timedelta(days=today.weekday())).isoformat()


def test_every_table_can_be_asked_for_and_no_other():
    from sitimer.cli.parser import build_parser

    parser = build_parser()
    for table in ("sessions", *TABLES):
        assert parser.parse_args(["history", "--csv", "--table", table]).table == table
    done = sitimer("history", "--csv", "--table", "pain")
    assert done.returncode == 2 and "invalid choice: 'pain'" in done.stderr


def test_a_kiosk_codes_history_and_report_are_its_own(_private_data_dir: Path, tmp_path: Path) -> None:
    """A practice's kiosk keeps every code's sessions in one file: `--code` gives one patient's, and
    without it nothing of theirs is shown as the home patient's."""
    two_weeks(_private_data_dir / "history.db", PROGRAMME, profile="20481632").close()
    mine = json.loads(sitimer("history", "--json", "--code", "20481632").stdout)
    assert len(mine["sessions"]) == 26
    assert mine["weeks"]  # the code's weekly adherence
    home = sitimer("history", "--json")
    assert json.loads(home.stdout)["sessions"] == []
    other = sitimer("history", "--json", "--code", "11112222")
    assert json.loads(other.stdout)["sessions"] == [] and "no sessions under code 11112222" in other.stderr
    typo = sitimer("history", "--code", "2048-1632")
    assert typo.returncode == 1 and "2048-1632" in typo.stderr and "Traceback" not in typo.stderr
    pdf = tmp_path / "report.pdf"
    made = sitimer("report", "--pdf", str(pdf), "--code", "20481632")
    assert made.returncode == 0 and made.stdout.strip().endswith("26 sessions")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Patient code: 20481632" in text
