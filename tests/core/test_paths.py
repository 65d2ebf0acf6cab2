"""Names the app gives files."""

from pathlib import Path

import pytest

from sitimer.core.options import UserError
from sitimer.core.paths import data_dir, handover_name, resolved


@pytest.mark.parametrize(
    ("given", "offered"),
    [
        ("si-gewricht.yaml", "si-gewricht.sitimer.yaml"),
        ("mevr-b.yml", "mevr-b.sitimer.yaml"),
        ("jansen.sitimer.yaml", "jansen.sitimer.yaml"),
        ("oefeningen", "oefeningen.sitimer.yaml"),
    ],
)
def test_a_programme_handed_to_a_patient_is_named_so_it_opens_in_sitimer(given: str, offered: str) -> None:
    """Only NAME.sitimer.yaml has the type the package opens in sitimer with a double-click."""
    assert handover_name(Path("/somewhere") / given) == offered


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_data_folder_is_a_mistake_not_the_usual_place(
    given: str, tmp_path: Path, monkeypatch
) -> None:
    """`--data-dir ""` used the usual folder, and made a history there, without a word."""
    monkeypatch.setenv("SITIMER_DATA_DIR", str(tmp_path))
    with pytest.raises(UserError, match="none given"):
        data_dir(given)
    assert data_dir(None) == tmp_path  # left out: the environment's, as before


def test_a_loop_of_links_resolves_to_the_path_as_written(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    assert resolved(tmp_path / "a.yaml") == tmp_path / "a.yaml"  # Path.resolve() raised RuntimeError
    (tmp_path / "real.yaml").write_text("x")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    assert resolved(tmp_path / "link.yaml") == (tmp_path / "real.yaml").resolve()


def test_a_data_folder_given_with_dot_dot_is_named_plainly(tmp_path: Path, monkeypatch) -> None:
    """`--data-dir ../d` showed in the picker as ".../repo/../d/programmes"."""
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    assert data_dir("../d") == tmp_path / "d" and ".." not in str(data_dir("../d"))
