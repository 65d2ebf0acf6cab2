"""The words of each cue, in Dutch and English, for the bundled programmes."""

import re
import wave
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from sitimer.core.programme.loader import load_file
from sitimer.core.programme.model import Side
from sitimer.core.programme.plan import Plan, StepKind, build_plan
from sitimer.core.session.cues import Cue, CueKind, rep_cue, step_cues
from sitimer.words.phrases import (
    QUESTIONS,
    Token,
    clip_keys,
    clip_vocabulary,
    name_key,
    number_words,
    phrase_for,
    phrase_text,
    programme_words,
)

VOICE = Path(__file__).resolve().parents[2] / "resources" / "voice"
PROGRAMMES = Path(__file__).resolve().parents[2] / "programmes"


@pytest.fixture
def gewricht(si_gewricht) -> Plan:
    return build_plan(load_file(si_gewricht))


@pytest.fixture
def blokkade(si_blokkade) -> Plan:
    return build_plan(load_file(si_blokkade), all_phases=True)


def said(cue: Cue, lang: str, **kw) -> str | None:
    phrase = phrase_for(cue, lang, **kw)
    return phrase_text(phrase) if phrase else None


def first(plan: Plan, kind: CueKind, exercise: str | None = None, step_kind: StepKind | None = None) -> Cue:
    return next(
        c
        for s in plan.steps
        for c in step_cues(plan, s.index)
        if c.kind is kind
        and (exercise is None or c.exercise == exercise)
        and (step_kind is None or s.kind is step_kind)
    )


def all_cues(plan: Plan) -> list[Cue]:
    """Every cue of a session, the counts of each work step included."""
    out = []
    for s in plan.steps:
        out += step_cues(plan, s.index)
        if s.kind is StepKind.WORK:
            out += [rep_cue(s, n, n * (s.tempo_s or 1)) for n in range(1, (s.reps or 0) + 1)]
    return out


def test_molenwieken_counts_each_rep_with_its_side(gewricht):
    work = next(s for s in gewricht.steps if s.kind is StepKind.WORK)
    counts = [said(rep_cue(work, n, 3.0 * n), "nl") for n in (1, 2, 21, 22, 30)]
    assert counts == [
        "rechts één",
        "links twee",
        "rechts eenentwintig",
        "links tweeëntwintig",
        "links dertig",
    ]
    assert said(rep_cue(work, 1, 3.0), "en") == "right one"
    assert said(rep_cue(work, 22, 66.0), "en") == "left twenty-two"


def test_without_sides_a_count_is_the_number_alone(gewricht):
    work = next(s for s in gewricht.steps if s.kind is StepKind.WORK)
    assert said(rep_cue(work, 1, 3.0), "nl", count_sides=False) == "één"
    assert said(rep_cue(work, 15, 45.0), "en", count_sides=False) == "fifteen"


def test_an_exercise_done_both_sides_at_once_is_counted_without_a_side(blokkade):
    hol_en_bol = next(s for s in blokkade.steps if s.exercise == "hol-en-bol" and s.kind is StepKind.WORK)
    assert said(rep_cue(hol_en_bol, 10, 30.0), "nl") == "tien"


def test_rests_say_their_length(gewricht, blokkade):
    assert said(first(gewricht, CueKind.REST), "nl") == "rust, één minuut"
    assert said(first(gewricht, CueKind.REST), "en") == "rest, one minute"
    assert said(first(blokkade, CueKind.REST), "nl") == "rust, vijftien seconden"
    assert said(first(blokkade, CueKind.REST), "en") == "rest, fifteen seconds"


def test_lengths_are_said_as_people_say_them(gewricht):
    rest = first(gewricht, CueKind.REST)
    lengths = {s: said(Cue(CueKind.REST, rest.step, 0.0, seconds=s), "nl") for s in (1, 45, 90, 120, 150)}
    assert lengths == {
        1: "rust, één seconde",
        45: "rust, vijfenveertig seconden",
        90: "rust, anderhalve minuut",
        120: "rust, twee minuten",
        150: "rust, twee minuten en dertig seconden",
    }
    assert said(Cue(CueKind.REST, rest.step, 0.0, seconds=150), "en") == (
        "rest, two minutes and thirty seconds"
    )


def test_the_rest_before_si_rekken_announces_it(gewricht):
    nxt = first(gewricht, CueKind.NEXT)
    assert said(nxt, "nl") == "volgende oefening: SI-rekken"
    assert said(nxt, "en") == "next exercise: S.I. stretch"  # "SI" alone was said as "see"


def test_an_exercise_is_named_with_its_set_and_the_side_it_starts_on(gewricht):
    assert said(first(gewricht, CueKind.EXERCISE, "molenwieken"), "nl") == (
        "Molenwieken, serie één van drie, dertig keer"
    )
    assert said(first(gewricht, CueKind.EXERCISE, "si-rekken"), "en") == (
        "S.I. stretch, set one of three, right side: right knee across to the left"
    )


def test_the_spoken_name_is_used_when_the_programme_gives_one(blokkade):
    knieen_opzij = first(blokkade, CueKind.EXERCISE, "knieen-opzij")
    assert said(knieen_opzij, "nl") == "Knieën opzij, serie één van drie, twintig keer"
    assert said(first(blokkade, CueKind.NEXT, "hol-en-bol"), "en") == "next exercise: Pelvic tilt"


def test_counted_reps_say_how_many_a_set_has_as_the_exercise_begins(gewricht, blokkade):
    # a patient lying down hears the dose once, with the name: the counts then run up to it
    molenwieken = first(gewricht, CueKind.EXERCISE, "molenwieken")  # 15 per side, in turn: 30 counts
    assert said(molenwieken, "en") == "Windmills, set one of three, thirty times"
    hol_en_bol = first(blokkade, CueKind.EXERCISE, "hol-en-bol")
    assert said(hol_en_bol, "nl").endswith(", tien keer")
    # one side after the other: the reps of the side it starts on, before that side is named
    each = replace(molenwieken, reps=8, side=Side.LEFT, side_meaning=None, alternating=False)
    assert said(each, "nl") == "Molenwieken, serie één van drie, acht keer, linkerkant"
    assert said(replace(molenwieken, reps=1), "en") == "Windmills, set one of three, once"
    assert said(replace(molenwieken, reps=1), "nl") == "Molenwieken, serie één van drie, één keer"
    # a hold says its length at its start instead, and gets no count
    assert "keer" not in said(first(gewricht, CueKind.EXERCISE, "si-rekken"), "nl")


def test_each_kind_of_start_says_what_to_do(gewricht, blokkade):
    work_starts = [c for c in all_cues(gewricht) if c.kind is CueKind.START and c.exercise == "molenwieken"]
    assert [said(c, "nl") for c in work_starts] == [
        "begin rechts: rechterhand naar linkervoet",  # the prepare step before it named the set
        "serie twee van drie, begin rechts",
        "serie drie van drie, begin rechts",
    ]
    assert said(first(gewricht, CueKind.START, "si-rekken"), "nl") == "rechts: dertig seconden vasthouden"
    assert said(first(gewricht, CueKind.START, "si-rekken"), "en") == "hold, thirty seconds, right"
    assert said(first(blokkade, CueKind.START, "hakkenloop"), "en") == "go, twelve seconds"


def test_a_set_is_named_once_when_the_exercise_begins_not_again_at_its_start(gewricht, blokkade):
    for plan in (gewricht, blokkade):
        for lang, first_set in (("nl", "serie één van drie"), ("en", "set one of three")):
            named = Counter(
                c.exercise
                for c in all_cues(plan)
                if c.kind in (CueKind.EXERCISE, CueKind.START) and first_set in (said(c, lang) or "")
            )
            in_sets = {c.exercise for c in all_cues(plan) if c.kind is CueKind.EXERCISE and c.sets == 3}
            assert set(named) == in_sets and set(named.values()) == {1}


def test_alternating_reps_say_their_first_side_before_the_first_count(blokkade):
    # knieën opzij: the card goes to the left first; the first count comes one beat (3 s) later
    work = next(s for s in blokkade.steps if s.exercise == "knieen-opzij" and s.kind is StepKind.WORK)
    start = next(c for c in step_cues(blokkade, work.index) if c.kind is CueKind.START)
    assert (start.offset_s, rep_cue(work, 1, 3.0).offset_s) == (0.0, 3.0)
    assert said(start, "nl") == "begin links: knieën naar links"
    assert said(start, "en") == "start left: knees to the left"
    assert said(rep_cue(work, 1, 3.0), "nl", count_sides=False) == "één"  # then the start is all


def test_the_first_start_says_what_the_first_side_means_later_sets_only_the_side(gewricht, blokkade):
    def starts(plan, exercise, lang):
        return [said(c, lang) for c in all_cues(plan) if c.kind is CueKind.START and c.exercise == exercise]

    # molenwieken: "right" is the right hand going to the left foot
    assert starts(gewricht, "molenwieken", "nl") == [
        "begin rechts: rechterhand naar linkervoet",
        "serie twee van drie, begin rechts",
        "serie drie van drie, begin rechts",
    ]
    assert starts(gewricht, "molenwieken", "en")[0] == "start right: right hand to left foot"
    # arm en been heffen: sides are named by the arm, the left arm with the right leg first
    assert starts(blokkade, "arm-en-been-heffen", "nl")[0] == "begin links: linkerarm met rechterbeen"
    assert starts(blokkade, "knieen-opzij", "nl")[0] == "begin links: knieën naar links"
    assert starts(gewricht, "roteren", "nl")[0] == "begin rechts"  # the programme gives no meaning


def test_a_beat_too_short_for_the_sides_meaning_has_it_said_as_the_exercise_begins(gewricht):
    """Krachtoefening counts every 2 s: "begin rechts: rechterbeen naar de schouder" took 2.6 s and ran
    into the first two counts (heard at speed 1). Said in Get ready instead; the start is the side."""
    assert said(first(gewricht, CueKind.EXERCISE, "krachtoefening"), "nl") == (
        "Krachtoefening, serie één van drie, dertig keer, begin rechts: rechterbeen naar de schouder"
    )
    starts = [
        said(c, "nl")
        for c in all_cues(gewricht)
        if c.kind is CueKind.START and c.exercise == "krachtoefening"
    ]
    assert starts[0] == "begin rechts"
    # at 3 s a rep there is room: the start says it, as before
    assert said(first(gewricht, CueKind.EXERCISE, "molenwieken"), "nl").endswith("dertig keer")
    assert (
        said(first(gewricht, CueKind.START, "molenwieken"), "nl")
        == "begin rechts: rechterhand naar linkervoet"
    )


def test_a_side_held_in_turn_is_said_with_its_meaning_when_announced_and_switched_to(gewricht):
    # SI-rekken: "right" is the right knee pulled across to the left
    assert said(first(gewricht, CueKind.EXERCISE, "si-rekken"), "nl") == (
        "SI-rekken, serie één van drie, rechterkant: rechterknie naar links"
    )
    switches = [said(c, "nl") for c in all_cues(gewricht) if c.kind is CueKind.SWITCH]
    # 3× each side with no rest between: the change of sides that begins a set says which set, as a
    # rest would have (a patient lying on the floor cannot see "Set 2 of 3")
    assert switches == [
        "wissel van kant: links, linkerknie naar rechts",
        "serie twee van drie, wissel van kant: rechts, rechterknie naar links",
        "wissel van kant: links, linkerknie naar rechts",
        "serie drie van drie, wissel van kant: rechts, rechterknie naar links",
        "wissel van kant: links, linkerknie naar rechts",
    ]
    english = [said(c, "en") for c in all_cues(gewricht) if c.kind is CueKind.SWITCH]
    assert english[1] == "set two of three, switch sides: right, right knee across to the left"


def test_a_hold_says_side_length_and_verb_in_dutch_order(gewricht):
    starts = [c for c in all_cues(gewricht) if c.kind is CueKind.START]
    holds = [said(c, "nl") for c in starts if c.exercise == "si-rekken"]
    assert holds == ["rechts: dertig seconden vasthouden", "links: dertig seconden vasthouden"] * 3


def test_a_single_set_starts_with_go(gewricht):
    start = first(gewricht, CueKind.START, "molenwieken")
    single = Cue(CueKind.START, start.step, 0.0, exercise="molenwieken", set=1, sets=1)
    assert said(single, "nl") == "start"
    assert said(single, "en") == "go"


def test_switch_halfway_ten_left_and_complete(gewricht):
    assert said(first(gewricht, CueKind.SWITCH), "nl") == "wissel van kant: links, linkerknie naar rechts"
    assert said(first(gewricht, CueKind.SWITCH), "en") == "switch sides: left, left knee across to the right"
    assert said(first(gewricht, CueKind.HALFWAY), "nl") == "halverwege"
    assert said(first(gewricht, CueKind.TEN_LEFT), "nl") == "nog tien seconden"
    assert said(first(gewricht, CueKind.TEN_LEFT), "en") == "ten seconds left"
    assert said(first(gewricht, CueKind.COMPLETE), "nl") == "klaar, goed gedaan"
    assert said(first(gewricht, CueKind.COMPLETE), "en") == "finished, well done"


def test_pips_and_ends_are_tones_only(gewricht):
    assert said(first(gewricht, CueKind.COUNTDOWN), "nl") is None
    assert said(first(gewricht, CueKind.END), "en") is None


def test_numbers_are_words_in_both_languages():
    assert [number_words(n, "nl") for n in (0, 1, 13, 21, 22, 23, 30, 45, 99, 100)] == [
        "nul",
        "één",
        "dertien",
        "eenentwintig",
        "tweeëntwintig",
        "drieëntwintig",
        "dertig",
        "vijfenveertig",
        "negenennegentig",
        "honderd",
    ]
    assert [number_words(n, "en") for n in (0, 1, 13, 21, 45, 99, 100, 120)] == [
        "zero",
        "one",
        "thirteen",
        "twenty-one",
        "forty-five",
        "ninety-nine",
        "one hundred",
        "one hundred and twenty",
    ]
    for lang in ("nl", "en"):
        words = [number_words(n, lang) for n in range(101)]
        assert len(set(words)) == 101 and not any(re.search(r"\d", w) for w in words)


def test_every_phrase_of_the_bundled_programmes_is_short_and_has_no_digits(gewricht, blokkade):
    for plan in (gewricht, blokkade):
        for lang in ("nl", "en"):
            for cue in all_cues(plan):
                text = said(cue, lang)
                if text is None:
                    continue
                assert not re.search(r"\d", text), text
                # a count fits in its beat; what a side means, and the dose of an exercise that
                # begins (in its prepare step's time), come on top of an announcement
                meaning = cue.side_meaning.get(lang) if cue.side_meaning else ""
                dose = 2 if cue.kind is CueKind.EXERCISE and cue.reps else 0
                limit = 3 if cue.kind is CueKind.REP else 9 + len(meaning.split()) + dose
                assert len(text.split()) <= limit, text


def test_the_committed_clips_are_the_whole_vocabulary():
    names = {
        lang: [
            text
            for p in sorted(PROGRAMMES.glob("*.yaml"))
            for e in load_file(p).exercises
            for text in programme_words(e, lang)
        ]
        for lang in ("nl", "en")
    }
    for lang in ("nl", "en"):
        files = {p.stem for p in (VOICE / lang).glob("*.wav")}
        assert files == set(clip_vocabulary(lang, names[lang])), "run tools/make_voice.py"


def test_every_phrase_of_the_bundled_programmes_can_be_said_with_clips(gewricht, blokkade):
    for lang in ("nl", "en"):
        have = {p.stem for p in (VOICE / lang).glob("*.wav")}
        for plan in (gewricht, blokkade):
            for cue in all_cues(plan):
                phrase = phrase_for(cue, lang)
                if phrase:
                    assert len(clip_keys(phrase, lang, have)) == len(phrase), phrase_text(phrase)


def test_numbers_without_a_clip_are_put_together_and_unknown_names_skipped():
    have = set(clip_vocabulary("nl")) | set(clip_vocabulary("en"))
    assert clip_keys(phrase_for_rest(45, "nl"), "nl", have) == [
        "rest",
        "u5",
        "n40",
        "seconds",
    ]
    assert clip_keys(phrase_for_rest(41, "nl"), "nl", have) == [
        "rest",
        "u1",
        "n40",
        "seconds",
    ]
    assert clip_keys(phrase_for_rest(45, "en"), "en", have) == ["rest", "n40", "n5", "seconds"]
    assert name_key("Knieën opzij") == "name-knieen-opzij"
    nxt = (Token("volgende oefening:", "next"), Token("Mijn eigen oefening", name_key("Mijn eigen oefening")))
    assert clip_keys(nxt, "nl", have) == ["next"]  # a custom name has no recording: skipped


def phrase_for_rest(seconds: float, lang: str):
    plan = build_plan(load_file(PROGRAMMES / "si-gewricht.yaml"))
    rest = first(plan, CueKind.REST)
    phrase = phrase_for(Cue(CueKind.REST, rest.step, 0.0, seconds=seconds), lang)
    assert phrase is not None
    return phrase


def test_the_clips_are_small_trimmed_mono_files():
    total = 0
    for path in VOICE.glob("*/*.wav"):
        with wave.open(str(path), "rb") as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 16000)
            longest = 8.0 if path.stem in QUESTIONS else 2.5  # a question is a sentence, with its keys
            assert w.getnframes() / 16000 < longest, path.name  # trimmed: no long silences
        total += path.stat().st_size
    assert 0 < total < 6 * 1024 * 1024  # the questions, sentences of 4-7 s, are a third of it
