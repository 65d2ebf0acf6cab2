"""Walks composed YAML nodes into checked Python values, locating every problem it finds.

A :class:`Reader` checks one value at a time against its :class:`Field` description and
records a :class:`Problem` (file, line, column, field path, message) for each thing wrong,
so the loader can report every problem of a file, not just the first. Only the plain YAML
scalar tags are accepted, and numbers only as a person writes them (no octal, base 60...).
"""

from __future__ import annotations

import contextlib
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from sitimer.core.programme.fields import (
    CHECK_IN_FIELDS,
    MAX_CHECK_INS,
    MAX_REMINDERS,
    MAX_TEXT_CHARS,
    MAX_WORD_CHARS,
    Field,
)
from sitimer.core.programme.model import LANGUAGES, CheckIn, Range, Side, Text
from sitimer.core.programme.yaml_words import number_hint
from sitimer.core.said import said

MAX_NODES = 100_000  # aliases can multiply a small file; a programme never needs this many
MAX_DIGITS = 15  # a whole number longer than this is no dose (and no longer exact as a float)
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1}}}")
_PLAIN_TAGS = {"tag:yaml.org,2002:" + t: t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a programme file, located for the person who fixes it."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        return self.located(self.message)

    def located(self, message: str) -> str:
        """``message`` (this problem's, or it in other words) after the file, line, column and field."""
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {message}"


class ProgrammeError(Exception):
    """A programme file could not be loaded; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class Abort(Exception):
    """Stop checking one value; the problem is already recorded."""


def hint(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return said(" (did you mean '{word}'?)", word=close[0]) if close else ""


class Reader:
    """Walks the composed YAML nodes, collecting problems with their locations."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.soft: list[Problem] = []  # problems that leave the programme usable (a missing photo)
        self._found: set[Problem] = set()
        self._nodes = 0

    # -- reporting -------------------------------------------------------
    def problem(self, node: yaml.Node | None, path: str, message: str) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        found = Problem(self.file, line, col, path or "(file)", message)
        if found not in self._found:  # a shared dose is checked once per exercise
            self._found.add(found)
            self.problems.append(found)

    def fail(self, node: yaml.Node | None, path: str, message: str) -> Abort:
        self.problem(node, path, message)
        return Abort()

    # -- shapes ----------------------------------------------------------
    def _count(self, node: yaml.Node, path: str) -> None:
        self._nodes += 1
        if self._nodes > MAX_NODES:
            if self._nodes == MAX_NODES + 1:  # said once; every value after it is left unread
                self.problem(
                    node,
                    "(file)",
                    said("more than {most:,} values (aliases expanded); not a programme", most=MAX_NODES),
                )
            raise Abort()
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            raise self.fail(node, path, said("tag {tag!r} is not allowed in a programme", tag=tag))

    def mapping(self, node: yaml.Node, path: str, fields: dict[str, Field] | None) -> dict[str, yaml.Node]:
        """A mapping's entries by key; unknown keys (when ``fields`` is given) are problems."""
        self._count(node, path)
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(
                node, path, said("expected a mapping of fields, found {found}", found=_describe(node))
            )
        entries: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, said("YAML merge keys (<<) are not supported; use doses"))
                continue
            self._count(key_node, path)
            if not isinstance(key_node, yaml.ScalarNode) or not str(key_node.value):
                self.problem(key_node, path, said("a field name must be plain text"))
                continue
            key = str(key_node.value)
            sub = f"{path}.{field_key(key)}" if path else field_key(key)
            if key in entries:
                self.problem(key_node, sub, said("given twice"))
            elif fields is not None and key not in fields:
                self.problem(key_node, sub, said("unknown field{hint}", hint=hint(key, list(fields))))
            else:
                entries[key] = value_node
        if fields is not None:
            for name, f in fields.items():
                if f.required and name not in entries:
                    self.problem(node, f"{path}.{name}" if path else name, said("required field missing"))
        return entries

    def sequence(self, node: yaml.Node, path: str) -> list[yaml.Node]:
        self._count(node, path)
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, path, said("expected a list, found {found}", found=_describe(node)))
        return list(node.value)

    def scalar(self, node: yaml.Node, path: str) -> Any:
        """The plain value of a scalar node (str, int, float, bool or None)."""
        self._count(node, path)
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, path, said("expected a single value, found {found}", found=_describe(node)))
        kind = _PLAIN_TAGS[node.tag]
        value = node.value
        try:
            if kind == "null":
                return None
            if kind == "bool":
                return value.lower() in ("yes", "true", "on")
            if kind in ("int", "float"):
                return self._figure(node, path, kind)
        except (ValueError, TypeError, OverflowError) as err:
            raise self.fail(
                node, path, said("not a valid {kind}: {error}", kind=kind, error=str(err))
            ) from None
        return str(value)

    def _figure(self, node: yaml.ScalarNode, path: str, kind: str) -> int | float:
        """A number as a person means it; YAML 1.1's other ways of writing one are refused, with a hint."""
        text = str(node.value)
        if kind == "int" and _DECIMAL.fullmatch(text):
            if len(text.lstrip("+-")) > MAX_DIGITS:
                digits = len(text.lstrip("+-"))
                raise self.fail(
                    node, path, said("a number of {digits} digits is far too large", digits=digits)
                )
            return int(text)
        if kind == "float" and _FLOAT.fullmatch(text):
            return float(text)
        raise self.fail(node, path, number_hint(text, _shown(text)))

    # -- typed values ----------------------------------------------------
    def value(self, node: yaml.Node, path: str, f: Field) -> Any:
        """Check one field against its description and return its Python value."""
        readers: dict[str, Callable[[yaml.Node, str, Field], Any]] = {
            "id": self._id,
            "string": self._string,
            "ref": self._string,
            "text": self._text,
            "bool": self._bool,
            "int": self._number,
            "number": self._number,
            "seconds": self._number,
            "enum": self._enum,
            "range": self._range,
            "per_day": self._range,
            "times": self._times,
            "check_ins": self._check_ins,
            "side_meaning": self._side_meaning,
        }
        return readers[f.type](node, path, f)

    def _string(self, node: yaml.Node, path: str, f: Field) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag in _AS_WRITTEN_TAGS:
            self._count(node, path)
            value: Any = node.value  # text as written: "012" stays "012", not 10; "off" stays "off"
        else:
            value = self.scalar(node, path)
        if isinstance(value, bool) or value is None:
            raise self.fail(node, path, said("expected text, found {found}", found=_describe(node)))
        text = str(value).strip()
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise self.fail(node, path, said("not valid text (a lone \\uD800-\\uDFFF escape)")) from None
        if not text:
            raise self.fail(node, path, said("must not be empty"))
        if len(text) > MAX_TEXT_CHARS:
            raise self.fail(
                node,
                path,
                said(
                    "{count} characters is too long; at most {most:,}", count=len(text), most=MAX_TEXT_CHARS
                ),
            )
        long_word = _LONG_WORD.search(text)
        if long_word:
            raise self.fail(
                node,
                path,
                said(
                    "a word of more than {most} characters ({word}) cannot be shown; add spaces",
                    most=MAX_WORD_CHARS,
                    word=_shown(long_word.group()),
                ),
            )
        return text

    def _id(self, node: yaml.Node, path: str, f: Field) -> str:
        text = self._string(node, path, f)
        if not set(text) <= _ID_CHARS or text.startswith("-"):
            raise self.fail(
                node,
                path,
                said("{text!r} is not an identifier: use lowercase letters, digits and dashes", text=text),
            )
        return text

    def _text(self, node: yaml.Node, path: str, f: Field) -> Text:
        if isinstance(node, yaml.ScalarNode):
            text = self._string(node, path, f)
            return Text(nl=text, en=text)
        entries = self.mapping(node, path, {lang: Field("string", "") for lang in LANGUAGES})
        if not entries:
            raise self.fail(node, path, said("give the text in nl, en or both"))
        by_lang = {lang: self._string(n, f"{path}.{lang}", f) for lang, n in entries.items()}
        return Text(**by_lang)

    def _bool(self, node: yaml.Node, path: str, f: Field) -> bool:
        value = self.scalar(node, path)
        if not isinstance(value, bool):
            raise self.fail(node, path, said("expected true or false, found {found}", found=_describe(node)))
        return value

    def _number(self, node: yaml.Node, path: str, f: Field) -> float | int:
        value = self.scalar(node, path)
        whole = f.type == "int"
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            found = _describe(node)
            if whole:
                raise self.fail(node, path, said("expected a whole number, found {found}", found=found))
            raise self.fail(node, path, said("expected a number, found {found}", found=found))
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(node, path, said("must be a finite number"))
        if f.positive and value <= 0:
            raise self.fail(node, path, said("must be more than 0, found {found}", found=_cut(node.value)))
        if f.minimum is not None and value < f.minimum:
            raise self.fail(
                node,
                path,
                said("must be at least {least:g}, found {found}", least=f.minimum, found=_cut(node.value)),
            )
        if f.maximum is not None and value > f.maximum:
            raise self.fail(
                node,
                path,
                said("must be at most {most:g}, found {found}", most=f.maximum, found=_cut(node.value)),
            )
        return value

    def _enum(self, node: yaml.Node, path: str, f: Field) -> str:
        text = self._string(node, path, f)
        if text not in f.choices:
            choices = ", ".join(f.choices)
            raise self.fail(
                node,
                path,
                said(
                    "{text!r} is not one of {choices}{hint}",
                    text=text,
                    choices=choices,
                    hint=hint(text, f.choices),
                ),
            )
        return text

    def _times(self, node: yaml.Node, path: str, f: Field) -> tuple[str, ...]:
        times: list[str] = []
        items = self.sequence(node, path)
        if len(items) > MAX_REMINDERS:
            raise self.fail(
                node, path, said("{count} times; at most {most}", count=len(items), most=MAX_REMINDERS)
            )
        for i, item in enumerate(items):
            # An unquoted 12:30 is a number to YAML 1.1 (750); here it is the time of day it was meant as.
            text = self._string(item, f"{path}[{i}]", f)
            hours, _, minutes = text.partition(":")
            if not (
                len(hours) in (1, 2)  # "9:05" as the reminder page takes it: 09:05
                and len(minutes) == 2
                and hours.isdigit()
                and minutes.isdigit()
                and int(hours) < 24
                and int(minutes) < 60
            ):
                raise self.fail(
                    item, f"{path}[{i}]", said("{text!r} is not a time of day as HH:MM (09:00)", text=text)
                )
            text = f"{int(hours):02d}:{minutes}"
            if text in times:
                raise self.fail(item, f"{path}[{i}]", said("{text} is given twice", text=text))
            times.append(text)
        return tuple(sorted(times))

    def _check_ins(self, node: yaml.Node, path: str, f: Field) -> tuple[CheckIn, ...]:
        items = self.sequence(node, path)
        if len(items) > MAX_CHECK_INS:
            raise self.fail(
                node, path, said("{count} check-ins; at most {most}", count=len(items), most=MAX_CHECK_INS)
            )
        check_ins: dict[float, CheckIn] = {}
        for i, item in enumerate(items):
            at = f"{path}[{i}]"
            values = self.fields(self.mapping(item, at, CHECK_IN_FIELDS), at, CHECK_IN_FIELDS)
            if not {"week", "note"} <= set(values):
                continue
            if values["week"] in check_ins:
                self.problem(item, f"{at}.week", said("week {week:g} is given twice", week=values["week"]))
            check_ins[values["week"]] = CheckIn(values["week"], values["note"], values.get("review", False))
        return tuple(sorted(check_ins.values(), key=lambda c: c.week))

    def _side_meaning(self, node: yaml.Node, path: str, f: Field) -> tuple[tuple[Side, Text], ...]:
        text = Field("text", "")
        entries = self.mapping(node, path, {side.value: text for side in Side})
        if not entries and isinstance(node, yaml.MappingNode) and not node.value:
            raise self.fail(node, path, said("say what right, left or both mean"))
        meant = self.fields(entries, path, dict.fromkeys(entries, text))
        return tuple((side, meant[side.value]) for side in Side if side.value in meant)

    def _range(self, node: yaml.Node, path: str, f: Field) -> Range:
        number = Field(
            "int" if f.type == "per_day" else "number",
            "",
            positive=f.positive,
            minimum=f.minimum,
            maximum=f.maximum,
        )
        if isinstance(node, yaml.ScalarNode):
            value = self._number(node, path, number)
            return Range(value, value)
        entries = self.mapping(
            node, path, {"min": Field("number", "", required=True), "max": Field("number", "", required=True)}
        )
        if set(entries) != {"min", "max"}:
            raise Abort()
        low = self._number(entries["min"], f"{path}.min", number)
        high = self._number(entries["max"], f"{path}.max", number)
        if low > high:
            raise self.fail(node, path, said("min ({low:g}) is more than max ({high:g})", low=low, high=high))
        return Range(low, high)

    def fields(self, entries: dict[str, yaml.Node], path: str, table: dict[str, Field]) -> dict[str, Any]:
        """Check every entry against ``table``; return those that passed."""
        out: dict[str, Any] = {}
        for name, node in entries.items():
            with contextlib.suppress(Abort):
                out[name] = self.value(node, f"{path}.{name}" if path else name, table[name])
        return out


def field_key(key: str) -> str:
    """A field name as it can stand in a one-line path: odd names are quoted."""
    plain = key.isprintable() and key.strip() == key and key and "." not in key
    return key if plain else repr(key)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return said("a mapping")
    if isinstance(node, yaml.SequenceNode):
        return said("a list")
    if node.tag.endswith(":null"):
        return said("nothing")
    return _shown(node.value)


def _cut(value: object, most: int = 40) -> str:
    """A value as a message shows it, cut short so that a message stays one readable line."""
    text = str(value)
    return text if len(text) <= most else text[:most] + "…"


def _shown(value: object) -> str:
    return repr(_cut(value))


_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
# Where text is expected, these are read as written: YAML 1.1 makes "yes", "on" and "off" true or false
# ("id: off" was refused as "expected text, found 'off'")
_AS_WRITTEN_TAGS = {*_NUMBER_TAGS, "tag:yaml.org,2002:bool"}
