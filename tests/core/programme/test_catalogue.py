"""The programme catalogue: bundled first, then the patient's own (.yaml and .yml), loaded or with why not."""

from pathlib import Path

from sitimer.core.paths import bundled_programmes, programmes_dir, user_programmes_dir
from sitimer.core.programme.catalogue import all_paths, by_id, listing, own_paths
from sitimer.core.programme.editing import ProgrammeDocument


def test_the_patients_own_files_follow_the_bundled_ones(tmp_path: Path, si_gewricht: Path) -> None:
    own = user_programmes_dir(tmp_path)
    saved = ProgrammeDocument.from_file(si_gewricht).save_copy(own, "jan", programmes_dir())
    yml = saved.rename(own / "b-jan.yml")
    (own / "a-broken.yaml").write_text("id: [\n", encoding="utf-8")
    (own / "notes.txt").write_text("not a programme", encoding="utf-8")
    assert own_paths(tmp_path) == [own / "a-broken.yaml", yml]
    assert all_paths(tmp_path) == [*bundled_programmes(), own / "a-broken.yaml", yml]
    files = listing(tmp_path)
    broken = files[len(bundled_programmes())]
    assert broken.programme is None and broken.problems and broken.title("en") == "a-broken.yaml"
    assert files[-1].title("en") == "SI joint: mobilising exercises (jan)"


def test_of_two_files_with_one_id_the_patients_own_wins(tmp_path: Path, si_gewricht: Path) -> None:
    own = user_programmes_dir(tmp_path)
    own.mkdir(parents=True)
    mine = own / "mine.yml"
    mine.write_text(si_gewricht.read_text(encoding="utf-8"), encoding="utf-8")
    assert by_id(listing(tmp_path))["si-gewricht"][0] == mine
    assert len(by_id(listing(tmp_path))) == len(bundled_programmes())  # one each, mine for si-gewricht


def test_no_folder_of_their_own_lists_the_bundled_ones(tmp_path: Path) -> None:
    assert own_paths(tmp_path / "nowhere") == []
    assert all_paths(tmp_path / "nowhere") == bundled_programmes()
