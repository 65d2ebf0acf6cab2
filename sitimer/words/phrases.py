"""The words of every spoken cue, in Dutch and English, and the voice-clip vocabulary.

A :class:`Phrase` is a tuple of :class:`Token`: each token is what a speech engine says
(``text``) and the key of the recorded clip that says the same (``clip``), so one phrase
serves both the text-to-speech engine and the bundled clips. The wording is plain data in
dicts keyed by language (not Qt translation), because the clip vocabulary is rendered from
the same words by ``tools/make_voice.py``. Phrases are short on purpose: a count must be said
within one beat of 2-4 seconds. Numbers are always written out as words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sitimer.core.programme.model import Exercise, Side, Sides
from sitimer.core.programme.plan import StepKind
from sitimer.core.session.cues import Cue, CueKind

LANGS = ("nl", "en")
# A start said within a beat shorter than this ("begin rechts: rechterbeen naar de schouder" takes
# about 2.6 s) ran into the first counts: what the side means is said as the exercise begins instead.
SHORT_BEAT_S = 2.8
CLIP_NUMBERS = range(31)  # every count up to 30 has its own clip; larger numbers are put together
CLIP_TENS = range(40, 101, 10)
NL_UNITS = range(1, 10)  # Dutch puts the unit first: "eenen", "tweeën", … before the tens (41, 42)


@dataclass(frozen=True)
class Token:
    """One piece of a phrase: what a speech engine says, and the clip that says it (None: none)."""

    text: str
    clip: str | None


Phrase = tuple[Token, ...]

# The fixed words, keyed by clip name. Punctuation only paces a speech engine.
WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "set": "serie",
        "of": "van",
        "go": "start",
        "begin": "begin",
        "hold": "vasthouden",
        "second": "seconde",
        "seconds": "seconden",
        "minute": "minuut",
        "minutes": "minuten",
        "minute_and_half": "anderhalve minuut",
        "and": "en",
        "times": "keer",
        "once": "één keer",
        "halfway": "halverwege",
        "ten_left": "nog tien seconden",
        "rest": "rust,",
        "switch": "wissel van kant:",
        "next": "volgende oefening:",
        "complete": "klaar, goed gedaan",
        "paused": "pauze",
        "resumed": "we gaan verder",
        "sound_on": "geluid aan",
        "faster": "sneller",
        "slower": "langzamer",
        "fastest": "sneller gaat niet",
        "slowest": "langzamer gaat niet",
        "ask_pain_before": "pijn voordat u begint: een getal van nul tot tien, dan Enter. Escape slaat over",
        "ask_after": (
            "hoe ging het? uw pijn van nul tot tien, dan hoe zwaar het was, dan Enter. Escape slaat over"
        ),
        "ask_leave": "stoppen met de sessie? J om te stoppen, Enter om door te gaan",
        "ask_activities": (
            "welke activiteiten kosten u moeite? de vragen staan op het scherm. Escape slaat over"
        ),
        "ask_missed": "wat hield u gisteren van de oefeningen af? kies op het scherm. Escape slaat over",
        "ask_week": "uw oefeningen deze week: zes zinnen op het scherm. Escape slaat over",
        "right": "rechts",
        "left": "links",
        "right_side": "rechterkant",
        "left_side": "linkerkant",
    },
    "en": {
        "set": "set",
        "of": "of",
        "go": "go",
        "begin": "start",
        "hold": "hold,",
        "second": "second",
        "seconds": "seconds",
        "minute": "minute",
        "minutes": "minutes",
        "minute_and_half": "a minute and a half",
        "and": "and",
        "times": "times",
        "once": "once",
        "halfway": "halfway",
        "ten_left": "ten seconds left",
        "rest": "rest,",
        "switch": "switch sides:",
        "next": "next exercise:",
        "complete": "finished, well done",
        "paused": "paused",
        "resumed": "carrying on",
        "sound_on": "sound on",
        "faster": "faster",
        "slower": "slower",
        "fastest": "this is the fastest",
        "slowest": "this is the slowest",
        "ask_pain_before": "pain before you start: a number from zero to ten, then Enter. Escape skips",
        "ask_after": (
            "how did it go? your pain from zero to ten, then how hard it was, then Enter. Escape skips"
        ),
        "ask_leave": "stop the session? Y to stop, Enter to carry on",
        "ask_activities": "which activities are hard for you? the questions are on the screen. Escape skips",
        "ask_missed": "what kept you from the exercises yesterday? choose on the screen. Escape skips",
        "ask_week": "your exercises this past week: six sentences on the screen. Escape skips",
        "right": "right",
        "left": "left",
        "right_side": "right side",
        "left_side": "left side",
    },
}

_NL_SMALL = [
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
]
_NL_TENS = ["_", "_", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]
_EN_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int, lang: str) -> str:
    """``n`` (0-999) written out: nl 21 = "eenentwintig", 1 = "één"; en 21 = "twenty-one"."""
    if not 0 <= n <= 999:
        return str(n)
    return _nl_words(n) if lang == "nl" else _en_words(n)


def _nl_words(n: int, compound: bool = False) -> str:
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = "honderd" if hundreds == 1 else _nl_words(hundreds, compound=True) + "honderd"
        return head + (_nl_words(rest, compound=True) if rest else "")
    if n < 20:
        word = _NL_SMALL[n]
        return "een" if compound and n == 1 else word  # the stress mark only on "één" alone
    tens, unit = divmod(n, 10)
    if not unit:
        return _NL_TENS[tens]
    small = "een" if unit == 1 else _NL_SMALL[unit]
    # "tweeëntwintig", "drieëndertig": a trema where two e's would run together
    joint = "ën" if small.endswith("e") else "en"
    return small + joint + _NL_TENS[tens]


def _en_words(n: int) -> str:
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = _EN_SMALL[hundreds] + " hundred"
        return head + (" and " + _en_words(rest) if rest else "")
    if n < 20:
        return _EN_SMALL[n]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens] + ("-" + _EN_SMALL[unit] if unit else "")


def _word(key: str, lang: str) -> Token:
    return Token(WORDS[lang][key], key)


def _number(n: int, lang: str) -> Token:
    return Token(number_words(n, lang), f"n{n}")


def name_key(name: str) -> str:
    """The clip key of a programme's words (an exercise's spoken name, what a side means):
    "Knieën opzij" -> "name-knieen-opzij"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "name-" + re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _name(name: str) -> Token:
    # A custom exercise's words have a key but, unlike the bundled ones, no clip file: the clip
    # speaker skips them, the text-to-speech engine says them.
    return Token(name, name_key(name))


def duration_tokens(seconds: float, lang: str) -> list[Token]:
    """A length said as people say it: "één minuut", "anderhalve minuut", "vijftien seconden"."""
    s = round(seconds)
    if s == 90:
        return [_word("minute_and_half", lang)]
    minutes, rest = divmod(s, 60)
    if s < 60 or (s <= 100 and rest):
        return [_number(s, lang), _word("second" if s == 1 else "seconds", lang)]
    out = [_number(minutes, lang), _word("minute" if minutes == 1 else "minutes", lang)]
    if rest:
        out += [_word("and", lang), _number(rest, lang), _word("second" if rest == 1 else "seconds", lang)]
    return out


def _side(side: Side | None, lang: str, *, whole: bool = False) -> list[Token]:
    if side is None:
        return []
    return [_word(f"{side.value}_side" if whole else side.value, lang)]


def _side_meant(cue: Cue, lang: str, *, whole: bool = False, mark: str = ":") -> list[Token]:
    """The cue's side and, where the programme gives one, what it means: "rechts: rechterhand
    naar linkervoet"."""
    side = _side(cue.side, lang, whole=whole)
    meaning = cue.side_meaning.get(lang).strip() if cue.side_meaning else ""
    return [*_comma(side, mark), _name(meaning)] if side and meaning else side


def _set_of(cue: Cue, lang: str) -> list[Token]:
    if not cue.set or not cue.sets or cue.sets < 2:
        return []
    return [_word("set", lang), _number(cue.set, lang), _word("of", lang), _number(cue.sets, lang)]


def _dose(cue: Cue, lang: str) -> list[Token]:
    """How many reps a set has, said as the exercise begins: "dertig keer", "once"."""
    if not cue.reps:
        return []
    return [_word("once", lang)] if cue.reps == 1 else [_number(cue.reps, lang), _word("times", lang)]


def _short_beat(cue: Cue) -> bool:
    return cue.beat_s is not None and cue.beat_s < SHORT_BEAT_S


def _comma(tokens: list[Token], mark: str = ",") -> list[Token]:
    """Ends the last token with a comma (or ``mark``), so an engine pauses before what follows."""
    if not tokens or tokens[-1].text.endswith((",", ":")):
        return tokens
    last = tokens[-1]
    return [*tokens[:-1], Token(last.text + mark, last.clip)]


def _join(*parts: list[Token]) -> Phrase:
    """The parts in order, a comma between them."""
    out: list[Token] = []
    for part in parts:
        if part:
            out = _comma(out) + part
    return tuple(out)


def _spoken_name(cue: Cue, lang: str) -> list[Token]:
    name = cue.spoken_name.get(lang).strip() if cue.spoken_name else ""
    return [_name(name)] if name else []


def _hold(cue: Cue, lang: str) -> Phrase:
    """nl "rechts: dertig seconden vasthouden" (the verb last, as Dutch says it); en "hold, thirty
    seconds, right"."""
    length = duration_tokens(cue.seconds, lang) if cue.seconds else []
    if lang == "nl":
        return (*_comma(_side(cue.side, lang), ":"), *length, _word("hold", lang))
    return _join([_word("hold", lang), *length], _side(cue.side, lang))


def _start(cue: Cue, lang: str) -> Phrase:
    if cue.step_kind is StepKind.HOLD:
        return _hold(cue, lang)
    if cue.step_kind is StepKind.TIMED:
        length = duration_tokens(cue.seconds, lang) if cue.seconds else []
        return _join([_word("go", lang)], length, _side(cue.side, lang))
    # The EXERCISE cue of this step, or of the prepare step just before, has said the name and
    # the set: the first set starts short. Alternating reps name the side they start on before
    # the first count, a beat later; the first set also what that side means (later sets name
    # their set instead, and must end within the beat too).
    named = cue.starts_exercise or cue.follows_prepare
    sets = [] if named else _set_of(cue, lang)
    if cue.alternating and cue.side is not None:
        side = _side(cue.side, lang) if sets or _short_beat(cue) else _side_meant(cue, lang)
        return _join(sets, [_word("begin", lang), *side])
    return _join(sets or [_word("go", lang)])


def phrase_for(cue: Cue, lang: str, *, count_sides: bool = True) -> Phrase | None:
    """What is said for ``cue`` in ``lang`` ("nl" or "en"), or None when the cue is a tone only."""
    lang = lang if lang in LANGS else "en"
    kind = cue.kind
    if kind is CueKind.REP:
        if cue.count is None:
            return None
        side = _side(cue.side, lang) if count_sides else []
        return (*side, _number(cue.count, lang))
    if kind is CueKind.EXERCISE:
        # an exercise done per side names the side it starts on; alternating reps say it at their
        # start, and what it means here when their beat leaves the start no room for it
        if cue.alternating:
            short = _short_beat(cue) and cue.side_meaning
            side = [_word("begin", lang), *_side_meant(cue, lang)] if short else []
        else:
            side = _side_meant(cue, lang, whole=True)
        return _join(_spoken_name(cue, lang), _set_of(cue, lang), _dose(cue, lang), side) or None
    if kind is CueKind.NEXT:
        name = _spoken_name(cue, lang)
        return (_word("next", lang), *name) if name else None
    if kind is CueKind.START:
        return _start(cue, lang)
    if kind is CueKind.HALFWAY:
        return (_word("halfway", lang),)
    if kind is CueKind.TEN_LEFT:
        return (_word("ten_left", lang),)
    if kind is CueKind.REST:
        length = duration_tokens(cue.seconds, lang) if cue.seconds else []
        rest = _word("rest", lang)
        return (rest, *length) if length else (Token(rest.text.rstrip(","), rest.clip),)
    if kind is CueKind.SWITCH:
        switch = _word("switch", lang)
        # the next set begins here, with no rest to say so: "serie twee van drie, wissel van kant: …"
        sets = _set_of(cue, lang) if cue.starts_set else []
        if cue.side is None:
            return _join(sets, [Token(switch.text.rstrip(":"), switch.clip)])
        return _join(sets, [switch, *_side_meant(cue, lang, mark=",")])
    if kind is CueKind.COMPLETE:
        return (_word("complete", lang),)
    return None  # COUNTDOWN and END are tones only


def pause_phrase(paused: bool, lang: str) -> Phrase:
    """What is said as the patient pauses ("pauze") or goes on ("we gaan verder"): the key, clicker
    or pedal was heard, by someone who may not see the screen."""
    lang = lang if lang in LANGS else "en"
    return (_word("paused" if paused else "resumed", lang),)


QUESTIONS = ("ask_pain_before", "ask_after", "ask_leave", "ask_activities", "ask_missed", "ask_week")


def question_phrase(question: str, lang: str) -> Phrase:
    """A question the screen asks, said with the keys that answer it, for a patient who does not see
    the screen (lying down): the pain before, pain and effort after, whether to stop the session, and
    that a page of the patient's own reports waits after it (activities, a missed day, the week)."""
    assert question in QUESTIONS, question
    return (_word(question, lang if lang in LANGS else "en"),)


def sound_on_phrase(lang: str) -> Phrase:
    """What is said as the sound comes back on (M, or the sound button), as the key is heard."""
    return (_word("sound_on", lang if lang in LANGS else "en"),)


def tempo_phrase(faster: bool, changed: bool, lang: str) -> Phrase:
    """What is said as + or − is heard: "sneller", "langzamer", or, at the end of the range, that
    it goes no further. The screen shows the new tempo large, but a patient on the floor sees none of it."""
    key = ("faster" if faster else "slower") if changed else ("fastest" if faster else "slowest")
    return (_word(key, lang if lang in LANGS else "en"),)


def phrase_text(phrase: Phrase) -> str:
    """The phrase as one line for a speech engine: "rust, één minuut"."""
    return " ".join(t.text for t in phrase)


def programme_words(exercise: Exercise, lang: str) -> list[str]:
    """The programme's own words the voice can say for ``exercise``: its spoken name, and what its
    sides mean (of alternating reps only the side they start on: the only one said)."""
    sides = {
        Sides.EACH: [exercise.first_side, exercise.first_side.other],
        Sides.ALTERNATE: [exercise.first_side],
    }
    meanings = [exercise.side_means(side) for side in sides.get(exercise.sides, [])]
    texts = [exercise.spoken_name.get(lang).strip(), *(m.get(lang).strip() for m in meanings if m)]
    return [text for text in texts if text]


def clip_vocabulary(lang: str, names: Iterable[str] = ()) -> dict[str, str]:
    """Every clip a phrase in ``lang`` can need, key -> words: fixed words, numbers, ``names``."""
    vocab = {key: text.rstrip(",:") for key, text in WORDS[lang].items()}
    for n in (*CLIP_NUMBERS, *CLIP_TENS):
        vocab[f"n{n}"] = number_words(n, lang)
    if lang == "nl":  # 41 is "eenen" "veertig": "één" "en" "veertig" said three words, stressed
        for unit in NL_UNITS:
            vocab[f"u{unit}"] = _nl_words(40 + unit).removesuffix("veertig")
    for name in names:
        vocab[name_key(name)] = name
    return vocab


def clip_keys(phrase: Phrase, lang: str, have: Collection[str]) -> list[str]:
    """The clips to play for ``phrase``, in order, out of the clips in ``have``.

    A number without a clip of its own is put together (nl "vijfen" "veertig", en "forty"
    "five"); a token whose clip is missing (a custom exercise name) is skipped.
    """
    keys: list[str] = []
    for token in phrase:
        if token.clip is None:
            continue
        if token.clip in have:
            keys.append(token.clip)
        elif re.fullmatch(r"n\d+", token.clip):
            parts = _number_parts(int(token.clip[1:]), lang)
            if all(p in have for p in parts):
                keys += parts
    return keys


def _number_parts(n: int, lang: str) -> list[str]:
    if not 0 < n < 100 or n in CLIP_NUMBERS:
        return []
    tens, unit = divmod(n, 10)
    if not unit:
        return [f"n{n}"]
    if lang == "nl":
        return [f"u{unit}", f"n{tens * 10}"]
    return [f"n{tens * 10}", f"n{unit}"]
