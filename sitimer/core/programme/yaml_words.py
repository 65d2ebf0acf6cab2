"""YAML in words: PyYAML's errors for a file it cannot read in plain words, said so that a window
can put them in Dutch, and sitimer's for a number written in one of YAML 1.1's surprising forms.

Every YAML error comes from PyYAML's pure-Python reader (the loader composes again with it where
libyaml fails), whose phrases are fixed. The ones a person meets editing a programme by hand (a
tab, a missing colon, an unclosed quote or bracket, a line indented wrongly) are listed here, with
``{found}`` where PyYAML names what it found (a character, or a token such as '<block mapping
start>'), each beside its plain words. Any other phrase stays in PyYAML's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from sitimer.core.said import said

# PyYAML's phrase (``{found}`` where it names what it found), and the same in plain words, as a
# said() of its own so that tools/translations.py finds its template. A phrase such as "mapping
# values are not allowed here" tells a therapist nothing; "no name: value may stand here" does.
_PHRASES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("while scanning for the next token", lambda found: said("reading the next part")),
    ("while scanning a simple key", lambda found: said("reading a field name")),
    ("while scanning a quoted scalar", lambda found: said("reading text in quotes")),
    ("while scanning a double-quoted scalar", lambda found: said("reading text in double quotes")),
    ("while scanning a block scalar", lambda found: said("reading text after | or >")),
    ("while parsing a block mapping", lambda found: said("reading indented fields (name: value)")),
    ("while parsing a block collection", lambda found: said("reading an indented list or fields")),
    ("while parsing a flow sequence", lambda found: said("reading a list in [ ]")),
    ("while parsing a flow mapping", lambda found: said("reading fields in curly brackets")),
    ("while parsing a block node", lambda found: said("reading an indented value")),
    ("while parsing a flow node", lambda found: said("reading a value in brackets")),
    ("expected a single document in the stream", lambda found: said("a file holds one document only")),
    ("but found another document", lambda found: said("another one follows (after ---)")),
    ("could not find expected ':'", lambda found: said("the colon (:) after it is missing")),
    (
        "mapping values are not allowed here",
        lambda found: said("no name: value may stand here (one space or indent too many or too few?)"),
    ),
    ("mapping keys are not allowed here", lambda found: said("no field name may stand here")),
    ("sequence entries are not allowed here", lambda found: said("no list line (with -) may stand here")),
    ("found unexpected end of stream", lambda found: said("the file ends before it is closed")),
    (
        "found character {found} that cannot start any token",
        lambda found: said(
            "the character {found} cannot stand here (indented with a tab? use spaces)", found=found
        ),
    ),
    ("found unknown escape character {found}", lambda found: said("unknown escape {found}", found=found)),
    ("found undefined alias {found}", lambda found: said("unknown alias {found}", found=found)),
    (
        "expected <block end>, but found {found}",
        lambda found: said("the indentation is wrong: the block should end here, found {found}", found=found),
    ),
    (
        "expected ',' or ']', but got {found}",
        lambda found: said("a ',' or ']' belongs here, found {found}", found=found),
    ),
    (
        "expected ',' or '}', but got {found}",
        lambda found: said("a ',' or '}}' belongs here, found {found}", found=found),
    ),
    (
        "expected the node content, but found {found}",
        lambda found: said("a value belongs here, found {found}", found=found),
    ),
    (
        "expected a comment or a line break, but found {found}",
        lambda found: said("a comment or a new line belongs here, found {found}", found=found),
    ),
    (
        "expected alphabetic or numeric character, but found {found}",
        lambda found: said("a letter or digit belongs here, found {found}", found=found),
    ),
)


def _pattern(phrase: str) -> re.Pattern[str]:
    """PyYAML's phrase, with whatever it found in the place of ``{found}``."""
    return re.compile(re.escape(phrase).replace(re.escape("{found}"), "(.+)"))


@cache
def _known() -> tuple[tuple[re.Pattern[str], Callable[[str], str]], ...]:
    """The phrases' patterns, made at the first YAML mistake (not on every start)."""
    return tuple((_pattern(phrase), words) for phrase, words in _PHRASES)


_BASES = {"0x": 16, "0b": 2}


def yaml_words(context: object, problem: object) -> str:
    """PyYAML's context and problem of an error as one message, in plain words, said."""
    parts = [_said(" ".join(str(part).split())) for part in (context, problem) if part]
    if len(parts) == 2:
        return said("{context}: {problem}", context=parts[0], problem=parts[1])
    return parts[0] if parts else said("not valid YAML")


def unclosed(context: object, problem: object) -> str | None:
    """A list ``[`` or a mapping ``{`` left open until the next key: said as such, to be shown
    where it opened. PyYAML names the next key's line and a token: "while parsing a flow
    sequence expected ',' or ']', but got '?'", at a line that is not wrong."""
    if str(context) == "while parsing a flow sequence" and str(problem).startswith("expected ',' or ']'"):
        return said(
            "the list opened here with {open} is not closed: end it with {close}", open="[", close="]"
        )
    if str(context) == "while parsing a flow mapping" and str(problem).startswith("expected ',' or '}'"):
        return said(
            "the mapping opened here with {open} is not closed: end it with {close}", open="{", close="}"
        )
    return None


def _said(text: str) -> str:
    for pattern, phrase in _known():
        if found := pattern.fullmatch(text):
            return phrase(found.group(1) if pattern.groups else "")
    return text


def number_hint(text: str, shown: str) -> str:
    """What to write instead of a number in one of YAML 1.1's surprising forms; ``shown`` is
    ``text`` as a message quotes it."""
    plain = text.replace("_", "")
    sign, digits = ("-", plain[1:]) if plain[:1] == "-" else ("", plain.lstrip("+"))
    if digits.lower() in (".nan", ".inf"):
        return said("{text} is not a finite number; write a figure such as 30", text=shown)
    if len(digits) > 40:
        return said("{text} is far too large", text=shown)
    if ":" in digits:
        value = 0.0
        for part in digits.split(":"):
            value = value * 60 + float(part)
        meant = f"{sign}{value:g}"
        return said(
            "YAML 1.1 reads {text} as {meant} (base 60); write the figure you mean, e.g. {meant}",
            text=text,
            meant=meant,
        )
    if "_" in text:
        return said(
            "write {meant} without the _ (YAML 1.1 reads {text} as {meant})",
            text=text,
            meant=f"{sign}{digits}",
        )
    radix = _BASES.get(digits[:2].lower())
    if radix:
        meant = f"{sign}{int(digits[2:], radix)}"
        if radix == 16:
            return said("write {meant} (YAML reads {text} as a hexadecimal number)", meant=meant, text=text)
        return said("write {meant} (YAML reads {text} as a binary number)", meant=meant, text=text)
    if digits.startswith("0") and digits.isdigit():
        return said(
            "write {meant} (a leading 0 makes YAML read {text} as octal, {octal})",
            meant=f"{sign}{int(digits, 10)}",
            text=text,
            octal=f"{sign}{int(digits, 8)}",
        )
    return said("{text} is not a number as sitimer reads one; write a figure such as 30", text=shown)
