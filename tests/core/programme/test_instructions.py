"""Instructions that name a length other than the dose: what the editor notes after tailoring."""

from dataclasses import replace

from sitimer.core.programme.instructions import Disagreement, stale_seconds
from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Range


def test_a_hold_changed_from_the_leaflets_30_s_is_found_in_both_languages(si_gewricht):
    stretch = load_file(si_gewricht).exercise("si-rekken")
    assert stale_seconds(stretch) == []
    assert stale_seconds(replace(stretch, hold_s=45)) == [
        Disagreement("si-rekken", "nl", 30, 45),
        Disagreement("si-rekken", "en", 30, 45),
    ]


def test_counted_reps_and_a_range_are_not_compared(si_gewricht, si_blokkade):
    assert stale_seconds(load_file(si_gewricht).exercise("molenwieken")) == []
    heels = load_file(si_blokkade).exercise("hakkenloop")  # "10-12 sec.": a range, left alone
    assert stale_seconds(heels) == []
    assert stale_seconds(replace(heels, duration_s=Range(10, 12))) == []
