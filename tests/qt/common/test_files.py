"""Where to save, what to open: Qt's own file dialog (no desktop dialog here) whole at sitimer's type size."""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QListView, QTreeView, QWidget

from sitimer.qt.common import files
from tests.helpers.screens import as_the_app_runs


def _while_open(check):
    """Run ``check(dialog)`` once the file dialog is up, then answer it as ``check`` says."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        QApplication.processEvents()
        check(dialog)

    QTimer.singleShot(0, look)


def test_the_save_dialog_shows_its_places_and_columns_whole_in_dutch(qtbot, qapp, tmp_path):
    """Seen on xcb under openbox at 1280×720: "C…", "Groott", "Datum gew" — Qt's own dialog at its
    small default size, with sitimer's larger type."""
    (tmp_path / "oefenschema-oud.pdf").write_bytes(b"%PDF-1.4\n")
    seen: dict[str, object] = {}
    with as_the_app_runs(qapp, "nl"):
        window = QWidget()
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()

        def check(dialog: QFileDialog) -> None:
            places = dialog.findChild(QListView, "sidebar")
            header = dialog.findChild(QTreeView, "treeView").header()
            model = header.model()
            metrics = QFontMetrics(header.font())
            seen["columns"] = {
                model.headerData(c, header.orientation()): header.sectionSize(c)
                >= metrics.horizontalAdvance(model.headerData(c, header.orientation()))
                for c in range(header.count())
                if not header.isSectionHidden(c)
            }
            index = places.model().index(0, 0)
            name = index.data()
            seen["place"] = (
                name,
                places.viewport().width() >= QFontMetrics(places.font()).horizontalAdvance(name),
            )
            seen["size"] = (dialog.width(), dialog.height())
            dialog.reject()

        _while_open(check)
        chosen = files.save_file_name(window, "Opslaan als", tmp_path / "oefenschema.pdf", "PDF (*.pdf)")
    assert chosen is None  # cancelled
    assert seen["columns"] == {"Naam": True, "Grootte": True, "Type": True, "Datum gewijzigd": True}
    assert seen["place"][1], seen["place"]
    assert seen["size"][0] >= 900 and seen["size"][1] >= 560, seen["size"]


def test_the_name_offered_is_saved_to_and_an_existing_file_is_opened(qtbot, qapp, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    _while_open(lambda dialog: dialog.accept())
    assert (
        files.save_file_name(window, "Save as", tmp_path / "report.pdf", "PDF (*.pdf)")
        == tmp_path / "report.pdf"
    )
    programme = tmp_path / "mine.yaml"
    programme.write_text("id: mine\n")

    def pick(dialog: QFileDialog) -> None:
        dialog.findChild(QLineEdit, "fileNameEdit").setText(programme.name)  # typed, as a user would
        dialog.accept()

    _while_open(pick)
    assert files.open_file_name(window, "Open", tmp_path, "Programmes (*.yaml)") == programme
