"""The Dutch translation: the .ts and .qm are up to date, and the app's translator makes the UI Dutch."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDoubleSpinBox

from sitimer.core.clock import FakeClock
from sitimer.core.history.store import HistoryStore
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.plan import build_plan
from sitimer.core.session.engine import SessionEngine
from sitimer.qt.common.translation import install_translator
from sitimer.qt.picker.entry_delegate import KIND_ROLE
from sitimer.qt.picker.picker import ProgrammePicker
from sitimer.qt.progress.report import write_report
from sitimer.qt.session.view import SessionView
from tests.helpers import REPO
from tests.helpers.history_data import two_weeks

VENV_BIN = REPO / ".venv" / "bin"
PYTHON = VENV_BIN / "python" if (VENV_BIN / "python").exists() else Path(sys.executable)


def _lupdate() -> str | None:
    here = PYTHON.parent / "pyside6-lupdate"
    return str(here) if here.exists() else shutil.which("pyside6-lupdate")


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (make test)"
)


SAMPLE = textwrap.dedent(
    '''\
    from PySide6.QtCore import QCoreApplication, QObject

    from sample.other import GONE

    NO_DEVICE = "No sound device"
    NAMES = {"nl": "Dutch", "en": "English"}


    def tr(text):
        """Context "Dose"."""
        return QCoreApplication.translate("Dose", text)


    def dose():
        return tr("{0} each side") + f"<b>{tr('hold {0}')}</b>" + tr(
            "about {0}"
        )


    def notice(lang):
        first = QCoreApplication.translate("audio", NO_DEVICE)
        return first + QCoreApplication.translate("speech", NAMES.get(lang, lang))


    class View(QObject):
        def label(self):
            return f"{self.tr('Pause')} ({self.tr('Space')})" + QCoreApplication.translate("audio", GONE)
    '''
)


def _tool_module():
    spec = importlib.util.spec_from_file_location("translations_tool", REPO / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_what_lupdate_cannot_see_is_spelled_out_line_for_line(tmp_path) -> None:
    tool = _tool_module()
    (tmp_path / "sample").mkdir()
    (tmp_path / "sample" / "other.py").write_text('GONE = "Gone"\n')
    source = tmp_path / "sample" / "mod.py"
    source.write_text(SAMPLE)
    files = [Path("sample/mod.py"), Path("sample/other.py")]
    edits, warnings = tool.plan_edits(files, root=tmp_path)
    assert warnings == []
    spelled = tool._apply(source.read_bytes(), edits[files[0]]).decode()
    assert spelled.count("\n") == SAMPLE.count("\n")  # the .ts points at the real lines
    assert 'QCoreApplication.translate("Dose", "{0} each side")' in spelled
    assert 'QCoreApplication.translate("Dose", "hold {0}")' in spelled  # out of the f-string
    assert 'QCoreApplication.translate(\n        "Dose", "about {0}"' in spelled  # each edit on its line
    assert 'NO_DEVICE = QT_TRANSLATE_NOOP("audio", "No sound device")' in spelled
    assert '"nl": QT_TRANSLATE_NOOP("speech", "Dutch")' in spelled
    assert 'self.tr("Pause"), self.tr("Space")' in spelled
    assert 'return QCoreApplication.translate("Dose", text)' in spelled  # the wrapper itself stays
    other = tool._apply(b'GONE = "Gone"\n', edits[files[1]]).decode()
    assert other == 'GONE = QT_TRANSLATE_NOOP("audio", "Gone")\n'


def test_the_cores_said_messages_are_spelled_out_without_their_values(tmp_path) -> None:
    """lupdate skips a call with keyword arguments: said("…", name=…) reached no translator."""
    tool = _tool_module()
    (tmp_path / "core").mkdir()
    source = tmp_path / "core" / "check.py"
    source.write_text(
        "from sitimer.core.said import said\n"
        "def check(r, n):\n"
        '    r.problem(n, said("{count} times; at most {most}",\n'
        "                      count=n, most=4), said('given twice'))\n"
        "    return said\n"
    )
    edits, warnings = tool.plan_edits([Path("core/check.py")], root=tmp_path)
    assert warnings == []
    spelled = tool._apply(source.read_bytes(), edits[Path("core/check.py")]).decode()
    assert spelled.splitlines()[2:5] == [
        '    r.problem(n, QCoreApplication.translate("Problems", "{count} times; at most {most}")',
        ', QCoreApplication.translate("Problems", "given twice"))',
        "    return said",
    ]


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[QTranslator]:
    """The app's own Dutch translator, installed for one test and removed after it."""
    translator = install_translator(qapp, "nl")
    assert translator is not None, "resources/translations/sitimer_nl.qm did not load"
    yield translator
    qapp.removeTranslator(translator)  # the other tests stay English
    translator.deleteLater()


def test_widgets_write_numbers_as_the_apps_language_does(dutch: QTranslator, qapp: QApplication) -> None:
    # Seen in the Dutch editor: "3.0 sec" per rep, on a system whose own locale is English.
    tempo = QDoubleSpinBox()
    tempo.setDecimals(1)
    tempo.setValue(2.5)
    assert tempo.text() == "2,5"
    install_translator(qapp, "en")
    english = QDoubleSpinBox()
    english.setDecimals(1)
    english.setValue(2.5)
    assert english.text() == "2.5"


@pytest.mark.skipif(_lupdate() is None, reason="pyside6-lupdate not found (pip install pyside6-essentials)")
def test_the_ts_and_qm_are_up_to_date_and_fully_translated() -> None:
    result = subprocess.run(
        [str(PYTHON), str(REPO / "tools" / "translations.py"), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, (
        "Run .venv/bin/python tools/translations.py and translate what it lists:\n"
        + result.stdout
        + result.stderr
    )


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_translator(qapp, "en") is None
    assert QApplication.translate("SessionView", "Pause") == "Pause"


def test_the_picker_speaks_dutch(qtbot, tmp_path, dutch) -> None:
    picker = ProgrammePicker(data_dir=tmp_path / "data", lang="nl")
    qtbot.addWidget(picker)
    picker.resize(1280, 720)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.heading.text() == "Kies uw programma"
    assert picker.open_button.text() == "Bestand openen…"
    assert picker.start_button.text() == "Beginnen  ▶"
    assert picker.progress_button.text() == "Uw voortgang"
    assert picker.start_hint.text() == "of druk op Enter"
    headers = [
        picker.list.item(i).text()
        for i in range(picker.list.count())
        if picker.list.item(i).data(KIND_ROLE) == "header"
    ]
    assert headers[:2] == ["Meegeleverde programma's", "Uw eigen programma's"]
    # The dose words come from dose_text, context "Dose"; the titles from the programme itself.
    assert picker.list.select_listed(REPO / "programmes" / "si-gewricht.yaml")
    assert picker.title_label.text() == "SI-gewricht: mobiliserende oefeningen"
    assert picker.meta_label.text().startswith("2× per dag, controle na 4 weken · ongeveer ")
    assert "per sessie" in picker.meta_label.text()
    exercises = picker.exercises_label.text()
    assert (
        "15× per kant, 3 keer, 60\u00a0sec\u00a0rust" in exercises
    )  # the leaflet's words, as on the handout
    assert "30\u00a0sec vasthouden, 3× beiderzijds" in exercises
    for button in (picker.open_button, picker.start_button, picker.progress_button):
        assert button.width() >= button.sizeHint().width(), button.text()


def test_the_session_view_speaks_dutch(qtbot, dutch) -> None:
    engine = SessionEngine(build_plan(load_file(REPO / "programmes" / "si-gewricht.yaml")), FakeClock())
    view = SessionView(engine, "nl")
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    buttons = view.buttons
    assert buttons["pause"].text() == "▶ Beginnen"
    assert buttons["pause"].accessibleName() == "Beginnen"  # the symbol is stripped off
    assert buttons["back"].text() == "◀ Terug"
    assert buttons["skip"].text() == "Volgende ▶"
    assert buttons["tap"].text() == "✓ Klaar"
    assert buttons["mute"].text() == "Geluid: aan"
    assert buttons["leave"].text() == "✕ Stop"
    assert buttons["leave"].toolTip() == "De sessie stoppen (Esc)"
    assert buttons["back"].toolTip() == "Terug (pijltje naar links)"
    engine.start()
    view.refresh()
    assert buttons["pause"].text() == "❚❚ Pauze"
    engine.pause()
    view.refresh()
    assert buttons["pause"].text() == "▶ Verder"
    view.set_muted(True)
    assert buttons["mute"].text() == "Geluid: uit"
    QApplication.processEvents()
    for name, button in buttons.items():  # the longer Dutch words still fit
        if button.isVisible():
            assert view.rect().contains(button.geometry()), name
            assert button.width() >= button.sizeHint().width(), name


@needs_pdftotext
def test_the_report_of_an_empty_history_is_dutch(tmp_path, qapp, dutch) -> None:
    pdf = tmp_path / "verslag.pdf"
    assert write_report(pdf, HistoryStore(tmp_path / "history.db"), tmp_path, lang="nl") == 0
    text = _pdf_text(pdf)
    assert "Oefenverslag" in text
    assert "Geen sessies vastgelegd in deze periode." in text
    assert "Exercise report" not in text
    title = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Oefenverslag" in title


@needs_pdftotext
def test_the_report_of_two_weeks_is_dutch(tmp_path, qapp, dutch, si_gewricht) -> None:
    pdf = tmp_path / "verslag.pdf"
    write_report(
        pdf, two_weeks(tmp_path / "history.db", si_gewricht), tmp_path, lang="nl", today=date(2026, 11, 15)
    )
    text = _pdf_text(pdf)
    flat = " ".join(text.split())
    assert "SI-gewricht: mobiliserende oefeningen" in flat
    assert "Voorgeschreven: 2 sessies per dag, 4 weken lang." in flat
    assert "Periode: 02-11-2026 tot en met 15-11-2026 (14 dagen)" in flat
    for heading in ("Therapietrouw per week", "Dosering per oefening", "Pijn en inspanning", "Notities"):
        assert heading in text
    assert "2340 herhalingen" in flat and "78 min" in flat  # 4680 s, in minutes
    assert "inspanning (Borg CR10)" in flat


def test_qts_own_file_dialog_speaks_dutch_where_qts_translation_falls_short(qtbot, dutch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "Een programma openen")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Zoeken in:"  # not in Qt 6.11's qtbase_nl
    assert labels["fileTypeLabel"] == "Bestanden van &type:"
    assert labels["fileNameLabel"] == "Bestands&naam:"  # Qt's own
