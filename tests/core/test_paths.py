"""Names the app gives files."""

from pathlib import Path

import pytest

from sitimer.core.paths import handover_name


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
