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


def test_a_programme_a_kiosk_code_was_given_by_path_is_known_to_the_report(
    tmp_path: Path, si_gewricht: Path
) -> None:
    """`sitimer kiosk assign 555555 progs/short.yaml`: its report named the exercises "a" and "b"."""
    from sitimer.core.kiosk.config import KioskConfig, KioskConfigStore

    data = tmp_path / "data"
    data.mkdir()
    own = tmp_path / "progs" / "kort.yaml"
    own.parent.mkdir()
    own.write_text(si_gewricht.read_text(encoding="utf-8").replace("id: si-gewricht", "id: kort", 1))
    KioskConfigStore.in_folder(data).save(KioskConfig(codes={"555555": (str(own),)}))
    known = known_programmes(data)
    assert "kort" in known and Path(known["kort"].path) == own.resolve()
