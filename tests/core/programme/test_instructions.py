"""Instructions that name a length other than the dose: what the editor notes after tailoring."""

from dataclasses import replace

from sitimer.core.programme.instructions import Disagreement, PerDayDisagreement, stale_per_day, stale_seconds
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


def test_a_description_naming_another_number_of_sessions_a_day_is_found(si_gewricht, si_blokkade):
    """si-gewricht's "Doe de oefeningen 2 keer per dag" / "twice a day", made 3-4 a day in the editor;
    si-blokkade's "3 tot 5 keer per dag" / "3 to 5 times a day"."""
    for path, said in ((si_gewricht, "2"), (si_blokkade, "3–5")):
        programme = load_file(path)
        assert stale_per_day(programme) == []
        more = replace(programme, frequency=replace(programme.frequency, sessions_per_day=Range(3, 4)))
        assert stale_per_day(more) == [
            PerDayDisagreement("nl", said, "3–4"),
            PerDayDisagreement("en", said, "3–4"),
        ]
