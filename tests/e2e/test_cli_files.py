"""Every command that writes a file says the truth, run as a user runs it: `python -m sitimer`.

A file that cannot be written is one line, `sitimer: <what> <file>: <why>`, and exit 1: never a
traceback, never a hang (the helper's timeout), never "written" when it was not. The PDF commands work
with no display at all.
"""

from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import resource
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from tests.conftest import REPO
from tests.e2e.test_cli import sitimer
from tests.helpers.history_data import record_session, two_weeks

PROGRAMME = REPO / "programmes" / "si-gewricht.yaml"
NO_SCREEN = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def one_line(done: subprocess.CompletedProcess[str], start: str) -> str:
    """The run failed with exit 1 and said so in one line that starts with ``start``."""
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), done.stderr
    return lines[0]


def is_pdf(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-32:]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.fixture
def history(_private_data_dir: Path) -> Path:
    two_weeks(_private_data_dir / "history.db", PROGRAMME).close()
    return _private_data_dir


def _held_to_file_modes() -> None:
    """Root as anyone else before a read-only folder: without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone from the exec'd process
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def read_only(folder: Path) -> dict[str, Any]:
    """Make ``folder`` read-only; what a run needs to find it so, as root too."""
    folder.mkdir(exist_ok=True)
    folder.chmod(0o555)
    return {"preexec_fn": _held_to_file_modes} if os.geteuid() == 0 else {}


PDF_COMMANDS = {
    "handout": ("handout", PROGRAMME, "--pdf"),
    "report": ("report", "--pdf"),
}


@pytest.mark.parametrize("command", PDF_COMMANDS)
@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("no-such-folder/out.pdf", "no folder "),
        (".", "that is a folder"),
        ("/dev/full", "not a regular file"),
        ("a-file/out.pdf", "is not a folder"),
    ],
)
def test_a_pdf_that_cannot_be_written_is_one_line_and_exit_1(tmp_path, command, target, why):
    (tmp_path / "a-file").write_text("not a folder")
    out = target if target.startswith("/") else str(tmp_path / target)
    done = sitimer(*PDF_COMMANDS[command], out)
    line = one_line(done, f"sitimer: cannot write PDF {out}: ")
    assert why in line
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("command", PDF_COMMANDS)
def test_a_pdf_into_a_read_only_folder_is_one_line_and_exit_1(tmp_path, command):
    folder = tmp_path / "read-only"
    done = sitimer(*PDF_COMMANDS[command], folder / "out.pdf", **read_only(folder))
    one_line(done, f"sitimer: cannot write PDF {folder / 'out.pdf'}: the folder {folder} cannot be written")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", PDF_COMMANDS)
def test_a_pdf_cut_short_by_a_full_disk_is_reported_and_the_old_file_kept(tmp_path, history, command):
    # A disk that fills up as the PDF is written: no file of the run may grow beyond 8 KiB, or for the
    # report 48 KiB, room for the history's side files (Python ignores SIGXFSZ, so the write fails
    # with EFBIG) and well short of the report's PDF (~110 KiB).
    limit = 8192 if command == "handout" else 48 * 1024

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF- the earlier one, whole")
    done = sitimer(*PDF_COMMANDS[command], out, preexec_fn=small_files, lang="C.UTF-8")
    line = one_line(done, f"sitimer: cannot write PDF {out}: ")
    assert line.endswith(("File too large", "the PDF came out incomplete"))
    assert out.read_bytes() == b"%PDF- the earlier one, whole"
    assert leftovers(tmp_path) == []


def test_the_report_is_for_its_owner_only_and_the_handout_as_usual(tmp_path, history):
    report, handout = tmp_path / "report.pdf", tmp_path / "handout.pdf"
    report.write_text("an old report, readable by all")
    report.chmod(0o644)
    done = sitimer("report", "--pdf", report, umask=0o022, lang="C.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{report}: 26 sessions\n"
    assert is_pdf(report) and stat.S_IMODE(report.stat().st_mode) == 0o600
    done = sitimer("handout", PROGRAMME, "--pdf", handout, umask=0o022, lang="C.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{handout}: 4 exercises\n"
    assert is_pdf(handout) and stat.S_IMODE(handout.stat().st_mode) == 0o644  # no patient's data
    assert leftovers(tmp_path) == []


def test_the_report_names_the_patient_it_is_given(tmp_path, history):
    report = tmp_path / "report.pdf"
    done = sitimer("report", "--pdf", report, "--patient", "Jan Jansen", lang="C.UTF-8")
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", report, "-"], capture_output=True, text=True, check=True).stdout
    assert "Patient: Jan Jansen" in text.splitlines()


def test_the_commands_that_make_files_need_no_display(tmp_path, history):
    for args in (
        ("handout", PROGRAMME, "--pdf", tmp_path / "h.pdf"),
        ("report", "--pdf", tmp_path / "r.pdf"),
    ):
        done = sitimer(*args, drop=NO_SCREEN)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert is_pdf(tmp_path / "h.pdf") and is_pdf(tmp_path / "r.pdf")
    done = sitimer("history", "--csv", drop=NO_SCREEN)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1 + 26


@pytest.mark.parametrize("args", [(), ("--demo",), ("run", PROGRAMME), ("edit", PROGRAMME)])
def test_a_window_without_a_screen_is_one_line_not_an_abort(tmp_path, args):
    # Qt's xcb plug-in aborted: "could not connect to display", exit 134
    done = sitimer(*args, "--data-dir", tmp_path, drop=NO_SCREEN, lang="C.UTF-8")
    assert one_line(done, "sitimer: ") == (
        "sitimer: no screen to show the window on (DISPLAY is not set); "
        "`sitimer handout`, `report` and `history` work without one"
    )
    assert list(tmp_path.iterdir()) == []  # nothing started


def test_the_csv_gives_local_time_with_the_offset_the_session_was_recorded_with(
    _private_data_dir, monkeypatch
):
    # 08:15:02 UTC, recorded in Amsterdam in winter (+60): the CSV said 2026-12-04T08:15:02.000000Z
    at = datetime(2026, 12, 4, 8, 15, 2, tzinfo=UTC)
    store = HistoryStore(_private_data_dir / "history.db", now=lambda: at)
    record_session(store, build_plan(load_file(PROGRAMME)))
    store.close()
    with sqlite3.connect(_private_data_dir / "history.db") as db:
        db.execute("UPDATE sessions SET utc_offset_min = 60")
    db.close()
    monkeypatch.setenv("TZ", "UTC")  # the offset is the session's own, not the reader's
    done = sitimer("history", "--csv")
    assert done.returncode == 0, done.stderr
    (row,) = csv.DictReader(io.StringIO(done.stdout))
    assert (row["started_local"], row["ended_local"]) == ("2026-12-04T09:15:02+01:00",) * 2
    done = sitimer("history", "--csv", "--steps")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {(r["session_started_local"], r["ended_local"]) for r in rows} == {
        ("2026-12-04T09:15:02+01:00",) * 2
    }
    (session,) = json.loads(sitimer("history", "--json").stdout)["sessions"]  # the JSON contract: UTC
    assert (session["started_at"], session["ended_at"]) == ("2026-12-04T08:15:02.000000Z",) * 2


def test_an_explicit_qt_platform_is_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    done = sitimer("handout", PROGRAMME, "--pdf", tmp_path / "h.pdf")
    assert done.returncode != 0 and "no-such-platform" in done.stderr
    assert not (tmp_path / "h.pdf").exists()


@pytest.mark.parametrize("target", ["no-such-folder/cues.jsonl", "."])
def test_a_cue_log_that_cannot_be_written_is_one_line_before_the_session(tmp_path, target):
    out = str(tmp_path / target)
    done = sitimer("run", PROGRAMME, "--speed", "1000", "--auto", "--cue-log", out)
    one_line(done, f"sitimer: cannot write cue log {out}: ")


def test_a_cue_log_on_a_full_disk_says_so_once_and_the_session_ends():
    done = sitimer("run", PROGRAMME, "--speed", "1000", "--auto", "--cue-log", "/dev/full")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    said = [line for line in done.stderr.splitlines() if "cue log" in line]
    assert said == [
        "sitimer: cannot write cue log /dev/full: No space left on device; no more cues are logged"
    ]


DATA_COMMANDS = {
    "history": ("history",),
    "report": ("report", "--pdf", "{tmp}/r.pdf"),
    "run": ("run", PROGRAMME, "--speed", "1000", "--auto"),
    "kiosk set-pin": ("kiosk", "set-pin"),
    "kiosk show": ("kiosk", "show"),
    "the app": (),
}


@pytest.mark.parametrize("command", DATA_COMMANDS)
@pytest.mark.parametrize(
    ("folder", "why"),
    [
        ("{tmp}/a-file", "it is a file, not a folder"),
        ("{tmp}/a-file/data", "{tmp}/a-file is a file, not a folder"),
        ("~no-such-user-of-sitimer/data", "there is no home folder for ~no-such-user-of-sitimer"),
    ],
)
def test_a_data_folder_that_cannot_be_is_one_line_in_every_command(tmp_path, command, folder, why):
    (tmp_path / "a-file").write_text("not a folder")
    folder, why = folder.format(tmp=tmp_path), why.format(tmp=tmp_path)
    args = [str(a).format(tmp=tmp_path) for a in DATA_COMMANDS[command]]
    done = sitimer("--data-dir", folder, *args, input="2468\n")
    one_line(done, f"sitimer: data folder {folder}: {why}")


def test_the_kiosk_set_up_into_a_read_only_folder_is_one_line(tmp_path):
    folder = tmp_path / "data"
    done = sitimer("kiosk", "set-pin", "--data-dir", folder, input="2468\n", **read_only(folder))
    one_line(done, f"sitimer: cannot save the kiosk set-up {folder / 'kiosk.json'}: Permission denied")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("args", [("plan", PROGRAMME), ("history", "--steps")])
def test_output_into_a_pipe_that_was_closed_ends_quietly(history, args):
    """`sitimer plan FILE | head`: the reader went away; no traceback, the exit of a SIGPIPE."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sitimer", *map(str, args)],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert done.stderr == ""
    assert done.returncode == 141


def test_the_handout_counts_the_exercises_it_shows(tmp_path):
    """Two exercises switched off for the patient are left out of the handout; the command said
    "4 exercises" all the same."""
    copy = tmp_path / "copy.yaml"
    text = PROGRAMME.read_text()
    for exercise in ("roteren", "krachtoefening"):
        text = text.replace(f"  - id: {exercise}\n", f"  - id: {exercise}\n    enabled: false\n", 1)
    copy.write_text(text)
    handout = tmp_path / "handout.pdf"
    done = sitimer("handout", copy, "--pdf", handout, lang="C.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{handout}: 2 exercises (2 switched off, left out)\n"
    shown = subprocess.run(["pdftotext", handout, "-"], capture_output=True, text=True, check=True).stdout
    assert "Windmills" in shown and "4 · Strength exercise" not in shown
