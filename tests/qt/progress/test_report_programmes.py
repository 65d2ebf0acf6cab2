"""The report knows every programme of the patient's own folder, ``.yml`` files as well as ``.yaml``."""

from pathlib import Path

from sitimer.core.paths import programmes_dir, user_programmes_dir
from sitimer.core.programme.editing import ProgrammeDocument
from sitimer.qt.progress.report import known_programmes


def test_a_yml_programme_of_the_patient_is_known_to_the_report(tmp_path: Path, si_gewricht: Path) -> None:
    data = tmp_path / "data"
    document = ProgrammeDocument.from_file(si_gewricht)
    saved = document.save_copy(user_programmes_dir(data), "jan", programmes_dir())
    mine = saved.rename(saved.with_suffix(".yml"))
    known = known_programmes(data)
    assert "si-gewricht-jan" in known
    assert known["si-gewricht-jan"].title.get("en").endswith("(jan)")
    assert Path(known["si-gewricht-jan"].path) == mine.resolve()
