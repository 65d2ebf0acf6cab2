"""The programme catalogue: bundled first, then the patient's own (.yaml and .yml), loaded or with why not."""

import errno
from pathlib import Path

import pytest

from sitimer.core.paths import bundled_programmes, programmes_dir, user_programmes_dir
from sitimer.core.programme.catalogue import all_paths, by_id, keep, listing, own_paths
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


def test_a_file_from_elsewhere_is_kept_once_among_the_patients_own(tmp_path: Path, si_gewricht: Path) -> None:
    """A therapist's e-mailed file, started from the Downloads folder, is in the list at the next start."""
    sent = tmp_path / "Downloads" / "mijn-oefeningen.sitimer.yaml"
    sent.parent.mkdir()
    sent.write_bytes(si_gewricht.read_bytes())
    data = tmp_path / "data"
    copy = keep(sent, data)
    assert copy == user_programmes_dir(data) / "mijn-oefeningen.sitimer.yaml"
    assert copy.read_bytes() == sent.read_bytes() and copy in all_paths(data)
    assert keep(sent, data) is None  # the same bytes are there already
    assert keep(copy, data) is None and keep(bundled_programmes()[0], data) is None  # listed already
    assert own_paths(data) == [copy]


def test_a_changed_file_of_the_same_name_never_replaces_the_kept_one(
    tmp_path: Path,
    si_gewricht: Path,
) -> None:
    sent = tmp_path / "mijn-oefeningen.sitimer.yaml"
    sent.write_bytes(si_gewricht.read_bytes())
    data = tmp_path / "data"
    first = keep(sent, data)
    sent.write_text(si_gewricht.read_text(encoding="utf-8").replace("sets: 3", "sets: 2"), encoding="utf-8")
    second = keep(sent, data)
    assert first is not None and second == first.with_name("mijn-oefeningen-2.sitimer.yaml")
    assert first.read_bytes() == si_gewricht.read_bytes()  # the earlier prescription is still there
    assert second.read_bytes() == sent.read_bytes()


def test_a_file_that_cannot_be_kept_says_so_and_leaves_no_half_copy(
    tmp_path: Path, si_gewricht: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = tmp_path / "sent.yaml"
    sent.write_bytes(si_gewricht.read_bytes())
    data = tmp_path / "data"
    real_open = Path.open

    def full_disk(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        stream = real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]
        if "x" in mode:

            def write(_data: bytes) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

            stream.write = write
        return stream

    monkeypatch.setattr(Path, "open", full_disk)
    with pytest.raises(OSError, match="No space"):
        keep(sent, data)
    assert own_paths(data) == []
