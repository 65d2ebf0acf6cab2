"""YAML -> Programme, with every problem located by file, line, column and field.

The file is only *composed* (parsed into nodes), never constructed by PyYAML,
so no tag can run code; only the plain YAML scalar tags are accepted. Every
problem found is reported, not just the first, as ``FILE:LINE:COL: path: message``.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from sitimer.core.programme.fields import (
    BUILTIN_DEFAULTS,
    DOSE_FIELDS,
    EXERCISE_FIELDS,
    FREQUENCY_FIELDS,
    KIND_FIELDS,
    KIND_SIDES,
    MAX_EXERCISES,
    MAX_PHASES,
    MAX_REMINDERS,
    MAX_SESSION_S,
    MAX_TEXT_CHARS,
    MAX_WORD_CHARS,
    PHASE_FIELDS,
    TOP_FIELDS,
    Field,
)
from sitimer.core.programme.model import (
    LANGUAGES,
    Exercise,
    Frequency,
    Kind,
    Pacing,
    Phase,
    Programme,
    Range,
    Side,
    Sides,
    Text,
)
from sitimer.core.programme.plan import build_plan
from sitimer.core.small_file import NotAFile, TooLarge, read_small

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000  # aliases can multiply a small file; a programme never needs this many
MAX_DIGITS = 15  # a whole number longer than this is no dose (and no longer exact as a float)
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1}}}")
_PLAIN_TAGS = {"tag:yaml.org,2002:" + t: t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
# libyaml's parser is ~15x faster and keeps line and column; PyYAML's own is the fallback.
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAME_FIGURE = {"reps": ("reps_per_side",), "reps_per_side": ("reps",)}
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
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {self.message}"


class ProgrammeError(Exception):
    """A programme file could not be loaded; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class _Abort(Exception):
    """Stop checking one value; the problem is already recorded."""


def _hint(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _Reader:
    """Walks the composed YAML nodes, collecting problems with their locations."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self._found: set[Problem] = set()
        self._nodes = 0

    # -- reporting -------------------------------------------------------
    def problem(self, node: yaml.Node | None, path: str, message: str) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        found = Problem(self.file, line, col, path or "(file)", message)
        if found not in self._found:  # a shared dose is checked once per exercise
            self._found.add(found)
            self.problems.append(found)

    def fail(self, node: yaml.Node | None, path: str, message: str) -> _Abort:
        self.problem(node, path, message)
        return _Abort()

    # -- shapes ----------------------------------------------------------
    def _count(self, node: yaml.Node, path: str) -> None:
        self._nodes += 1
        if self._nodes > MAX_NODES:
            if self._nodes == MAX_NODES + 1:  # said once; every value after it is left unread
                self.problem(
                    node, "(file)", f"more than {MAX_NODES:,} values (aliases expanded); not a programme"
                )
            raise _Abort()
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            raise self.fail(node, path, f"tag {tag!r} is not allowed in a programme")

    def mapping(self, node: yaml.Node, path: str, fields: dict[str, Field] | None) -> dict[str, yaml.Node]:
        """A mapping's entries by key; unknown keys (when ``fields`` is given) are problems."""
        self._count(node, path)
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, path, f"expected a mapping of fields, found {_describe(node)}")
        entries: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "YAML merge keys (<<) are not supported; use doses")
                continue
            self._count(key_node, path)
            if not isinstance(key_node, yaml.ScalarNode) or not str(key_node.value):
                self.problem(key_node, path, "a field name must be plain text")
                continue
            key = str(key_node.value)
            sub = f"{path}.{_key(key)}" if path else _key(key)
            if key in entries:
                self.problem(key_node, sub, "given twice")
            elif fields is not None and key not in fields:
                self.problem(key_node, sub, f"unknown field{_hint(key, list(fields))}")
            else:
                entries[key] = value_node
        if fields is not None:
            for name, f in fields.items():
                if f.required and name not in entries:
                    self.problem(node, f"{path}.{name}" if path else name, "required field missing")
        return entries

    def sequence(self, node: yaml.Node, path: str) -> list[yaml.Node]:
        self._count(node, path)
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, path, f"expected a list, found {_describe(node)}")
        return list(node.value)

    def scalar(self, node: yaml.Node, path: str) -> Any:
        """The plain value of a scalar node (str, int, float, bool or None)."""
        self._count(node, path)
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, path, f"expected a single value, found {_describe(node)}")
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
            raise self.fail(node, path, f"not a valid {kind}: {err}") from None
        return str(value)

    def _figure(self, node: yaml.ScalarNode, path: str, kind: str) -> int | float:
        """A number as a person means it; YAML 1.1's other ways of writing one are refused, with a hint."""
        text = str(node.value)
        if kind == "int" and _DECIMAL.fullmatch(text):
            if len(text.lstrip("+-")) > MAX_DIGITS:
                raise self.fail(node, path, f"a number of {len(text.lstrip('+-'))} digits is far too large")
            return int(text)
        if kind == "float" and _FLOAT.fullmatch(text):
            return float(text)
        raise self.fail(node, path, _yaml11_hint(text))

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
        }
        return readers[f.type](node, path, f)

    def _string(self, node: yaml.Node, path: str, f: Field) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag in _NUMBER_TAGS:
            self._count(node, path)
            value: Any = node.value  # text as written: number "012" stays "012", not 10
        else:
            value = self.scalar(node, path)
        if isinstance(value, bool) or value is None:
            raise self.fail(node, path, f"expected text, found {_describe(node)}")
        text = str(value).strip()
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise self.fail(node, path, "not valid text (a lone \\uD800-\\uDFFF escape)") from None
        if not text:
            raise self.fail(node, path, "must not be empty")
        if len(text) > MAX_TEXT_CHARS:
            raise self.fail(node, path, f"{len(text)} characters is too long; at most {MAX_TEXT_CHARS:,}")
        long_word = _LONG_WORD.search(text)
        if long_word:
            raise self.fail(
                node,
                path,
                f"a word of more than {MAX_WORD_CHARS} characters ({_shown(long_word.group())})"
                " cannot be shown; add spaces",
            )
        return text

    def _id(self, node: yaml.Node, path: str, f: Field) -> str:
        text = self._string(node, path, f)
        if not set(text) <= _ID_CHARS or text.startswith("-"):
            raise self.fail(
                node, path, f"{text!r} is not an identifier: use lowercase letters, digits and dashes"
            )
        return text

    def _text(self, node: yaml.Node, path: str, f: Field) -> Text:
        if isinstance(node, yaml.ScalarNode):
            text = self._string(node, path, f)
            return Text(nl=text, en=text)
        entries = self.mapping(node, path, {lang: Field("string", "") for lang in LANGUAGES})
        if not entries:
            raise self.fail(node, path, "give the text in nl, en or both")
        by_lang = {lang: self._string(n, f"{path}.{lang}", f) for lang, n in entries.items()}
        return Text(**by_lang)

    def _bool(self, node: yaml.Node, path: str, f: Field) -> bool:
        value = self.scalar(node, path)
        if not isinstance(value, bool):
            raise self.fail(node, path, f"expected true or false, found {_describe(node)}")
        return value

    def _number(self, node: yaml.Node, path: str, f: Field) -> float | int:
        value = self.scalar(node, path)
        whole = f.type == "int"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            wanted = "a whole number" if whole else "a number"
            raise self.fail(node, path, f"expected {wanted}, found {_describe(node)}")
        if whole and not isinstance(value, int):
            raise self.fail(node, path, f"expected a whole number, found {_describe(node)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(node, path, "must be a finite number")
        if f.positive and value <= 0:
            raise self.fail(node, path, f"must be more than 0, found {_cut(node.value)}")
        if f.minimum is not None and value < f.minimum:
            raise self.fail(node, path, f"must be at least {f.minimum:g}, found {_cut(node.value)}")
        if f.maximum is not None and value > f.maximum:
            raise self.fail(node, path, f"must be at most {f.maximum:g}, found {_cut(node.value)}")
        return value

    def _enum(self, node: yaml.Node, path: str, f: Field) -> str:
        text = self._string(node, path, f)
        if text not in f.choices:
            choices = ", ".join(f.choices)
            raise self.fail(node, path, f"{text!r} is not one of {choices}{_hint(text, f.choices)}")
        return text

    def _times(self, node: yaml.Node, path: str, f: Field) -> tuple[str, ...]:
        times: list[str] = []
        items = self.sequence(node, path)
        if len(items) > MAX_REMINDERS:
            raise self.fail(node, path, f"{len(items)} times; at most {MAX_REMINDERS}")
        for i, item in enumerate(items):
            # An unquoted 12:30 is a number to YAML 1.1 (750); here it is the time of day it was meant as.
            text = self._string(item, f"{path}[{i}]", f)
            hours, _, minutes = text.partition(":")
            if not (
                len(hours) == 2
                and len(minutes) == 2
                and hours.isdigit()
                and minutes.isdigit()
                and int(hours) < 24
                and int(minutes) < 60
            ):
                raise self.fail(item, f"{path}[{i}]", f"{text!r} is not a time of day as HH:MM (09:00)")
            if text in times:
                raise self.fail(item, f"{path}[{i}]", f"{text} is given twice")
            times.append(text)
        return tuple(sorted(times))

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
            raise _Abort()
        low = self._number(entries["min"], f"{path}.min", number)
        high = self._number(entries["max"], f"{path}.max", number)
        if low > high:
            raise self.fail(node, path, f"min ({low:g}) is more than max ({high:g})")
        return Range(low, high)

    def fields(self, entries: dict[str, yaml.Node], path: str, table: dict[str, Field]) -> dict[str, Any]:
        """Check every entry against ``table``; return those that passed."""
        out: dict[str, Any] = {}
        for name, node in entries.items():
            with contextlib.suppress(_Abort):
                out[name] = self.value(node, f"{path}.{name}" if path else name, table[name])
        return out


def _key(key: str) -> str:
    """A field name as it can stand in a one-line path: odd names are quoted."""
    plain = key.isprintable() and key.strip() == key and key and "." not in key
    return key if plain else repr(key)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    return _shown(node.value)


def _cut(value: object, most: int = 40) -> str:
    """A value as a message shows it, cut short so that a message stays one readable line."""
    text = str(value)
    return text if len(text) <= most else text[:most] + "…"


def _shown(value: object) -> str:
    return repr(_cut(value))


_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_BASES = {"0x": ("hexadecimal", 16), "0b": ("binary", 2)}


def _yaml11_hint(text: str) -> str:
    """What to write instead of a number in one of YAML 1.1's surprising forms."""
    plain = text.replace("_", "")
    sign, digits = ("-", plain[1:]) if plain[:1] == "-" else ("", plain.lstrip("+"))
    if digits.lower() in (".nan", ".inf"):
        return f"{_shown(text)} is not a finite number; write a figure such as 30"
    if len(digits) > 40:
        return f"{_shown(text)} is far too large"
    if ":" in digits:
        value = 0.0
        for part in digits.split(":"):
            value = value * 60 + float(part)
        meant = f"{sign}{value:g}"
        return f"YAML 1.1 reads {text} as {meant} (base 60); write the figure you mean, e.g. {meant}"
    if "_" in text:
        return f"write {sign}{digits} without the _ (YAML 1.1 reads {text} as {sign}{digits})"
    base = _BASES.get(digits[:2].lower())
    if base:
        name, radix = base
        return f"write {sign}{int(digits[2:], radix)} (YAML reads {text} as a {name} number)"
    if digits.startswith("0") and digits.isdigit():
        octal = f"{sign}{int(digits, 8)}"
        return f"write {sign}{int(digits, 10)} (a leading 0 makes YAML read {text} as octal, {octal})"
    return f"{_shown(text)} is not a number as sitimer reads one; write a figure such as 30"


def _compose(text: str) -> yaml.Node | None:
    """Parse into nodes with libyaml; on an error, PyYAML's own parser words it better."""
    try:
        return _YAML(text).get_single_node()
    except yaml.YAMLError:
        if _YAML is yaml.SafeLoader:
            raise
    return yaml.SafeLoader(text).get_single_node()


def read_text(path: str | Path) -> str:
    """A programme file's text, read without ever waiting on it; raises ProgrammeError.

    A pipe, a device or a folder is refused at once (opened without blocking, then checked),
    and no more than MAX_FILE_BYTES + 1 bytes are read from anything.
    """
    name = str(path)

    def refuse(message: str) -> ProgrammeError:
        return ProgrammeError([Problem(name, 1, 1, "(file)", message)])

    try:
        data = read_small(path, MAX_FILE_BYTES)
    except NotAFile:
        raise refuse("not a regular file (a folder, pipe or device); a programme is a .yaml file") from None
    except TooLarge:
        raise refuse("larger than 1 MB; not a programme") from None
    except OSError as err:
        raise refuse(f"cannot read: {err.strerror or err}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise refuse(f"not UTF-8 text (byte {err.start})") from None


def load_file(path: str | Path) -> Programme:
    """Load and check a programme file; raises ProgrammeError naming every problem."""
    programme = load_text(read_text(path), str(path))
    return Programme(**{**programme.__dict__, "path": str(Path(path).resolve())})


def load_text(text: str, file: str = "<text>") -> Programme:
    """Load and check a programme from YAML text; raises ProgrammeError."""
    reader = _Reader(file)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark and "end of stream" in str(err.problem):
            mark = err.context_mark  # an unclosed quote or bracket: point at where it opened
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(" ".join(str(p).split()) for p in (err.context, err.problem) if p)
        raise ProgrammeError([Problem(file, line, col, "(yaml)", message or "not valid YAML")]) from None
    except yaml.reader.ReaderError as err:
        before = text[: err.position]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        code = f"U+{err.character:04X}" if isinstance(err.character, int) else repr(err.character)
        message = f"a character YAML does not allow ({code}); save the file as plain UTF-8 text"
        raise ProgrammeError([Problem(file, line, col, "(yaml)", message)]) from None
    except yaml.YAMLError as err:
        raise ProgrammeError([Problem(file, 1, 1, "(yaml)", " ".join(str(err).split()))]) from None
    except RecursionError:
        raise ProgrammeError([Problem(file, 1, 1, "(yaml)", "nested too deeply")]) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        raise ProgrammeError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "(file)",
                    "the file is empty; a programme needs id, title, frequency and exercises",
                )
            ]
        )
    try:
        programme = _programme(reader, root)
    except _Abort:
        programme = None
    except RecursionError:
        reader.problem(root, "(file)", "nested too deeply")
        programme = None
    if reader.problems or programme is None:
        raise ProgrammeError(reader.problems or [Problem(file, 1, 1, "(file)", "not a programme")])
    return programme


def _programme(r: _Reader, root: yaml.Node) -> Programme | None:
    entries = r.mapping(root, "", TOP_FIELDS)
    top = r.fields(
        {
            k: v
            for k, v in entries.items()
            if TOP_FIELDS[k].type not in ("frequency", "defaults", "doses", "phases", "exercises")
        },
        "",
        TOP_FIELDS,
    )
    frequency = _section(r, entries, "frequency", _frequency, None)
    no_entries: dict[str, tuple[yaml.Node, str]] = {}
    no_doses: dict[str, dict[str, tuple[yaml.Node, str]]] = {}
    no_phases: tuple[Phase, ...] = ()
    defaults = _section(r, entries, "defaults", lambda r_, n: _dose_entries(r_, n, "defaults"), no_entries)
    doses = _section(r, entries, "doses", _doses, no_doses)
    phases = _section(r, entries, "phases", _phases, no_phases)
    exercises: list[Exercise] = []
    items = _section(r, entries, "exercises", lambda r_, n: r_.sequence(n, "exercises"), None)
    if items is not None:
        if not items:
            r.problem(entries["exercises"], "exercises", "a programme needs at least one exercise")
        if len(items) > MAX_EXERCISES:
            r.problem(
                entries["exercises"],
                "exercises",
                f"{len(items)} exercises; at most {MAX_EXERCISES}: split them over several programmes",
            )
        seen: dict[str, str] = {}
        for i, node in enumerate(items):
            path = f"exercises[{i}]"
            try:
                exercise = _exercise(r, node, path, defaults, doses, phases)
            except _Abort:
                continue
            if exercise.id in seen:
                r.problem(node, f"{path}.id", f"{exercise.id!r} is used twice (also {seen[exercise.id]})")
            seen[exercise.id] = path
            exercises.append(exercise)
    if r.problems or frequency is None or "id" not in top or "title" not in top:
        return None
    programme = Programme(
        id=top["id"],
        title=top["title"],
        source=top.get("source"),
        description=top.get("description"),
        frequency=frequency,
        phases=phases,
        exercises=tuple(exercises),
    )
    total_s = build_plan(programme, all_phases=True).total_s
    if total_s > MAX_SESSION_S:
        r.problem(
            entries["exercises"],
            "exercises",
            f"a session of every exercise lasts {_duration(total_s)}; at most {_duration(MAX_SESSION_S)}:"
            " split them over several programmes",
        )
        return None
    return programme


def _duration(seconds: float) -> str:
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"


T = TypeVar("T")


def _section(
    r: _Reader, entries: dict[str, yaml.Node], name: str, read: Callable[[_Reader, yaml.Node], T], missing: T
) -> T:
    """One top-level section; a section of the wrong shape is reported and the others still read."""
    if name not in entries:
        return missing
    try:
        return read(r, entries[name])
    except _Abort:
        return missing


def _doses(r: _Reader, node: yaml.Node) -> dict[str, dict[str, tuple[yaml.Node, str]]]:
    doses: dict[str, dict[str, tuple[yaml.Node, str]]] = {}
    for name, entry in r.mapping(node, "doses", None).items():
        try:
            doses[name] = _dose_entries(r, entry, f"doses.{_key(name)}")
        except _Abort:
            doses[name] = {}
    return doses


def _frequency(r: _Reader, node: yaml.Node) -> Frequency | None:
    values = r.fields(r.mapping(node, "frequency", FREQUENCY_FIELDS), "frequency", FREQUENCY_FIELDS)
    if "sessions_per_day" not in values:
        return None
    return Frequency(
        sessions_per_day=values["sessions_per_day"],
        weeks=values.get("weeks"),
        reminders=values.get("reminders", ()),
    )


def _phases(r: _Reader, node: yaml.Node) -> tuple[Phase, ...]:
    phases: list[Phase] = []
    ids: set[str] = set()
    items = r.sequence(node, "phases")
    if len(items) > MAX_PHASES:
        raise r.fail(node, "phases", f"{len(items)} phases; at most {MAX_PHASES}")
    for i, item in enumerate(items):
        path = f"phases[{i}]"
        try:
            values = r.fields(r.mapping(item, path, PHASE_FIELDS), path, PHASE_FIELDS)
        except _Abort:
            continue
        if "id" in values and "title" in values:
            if values["id"] in ids:
                r.problem(item, f"{path}.id", f"{values['id']!r} is used twice")
            ids.add(values["id"])
            phases.append(
                Phase(values["id"], values["title"], values.get("enabled", True), values.get("note"))
            )
    return tuple(phases)


def _dose_entries(r: _Reader, node: yaml.Node, path: str) -> dict[str, tuple[yaml.Node, str]]:
    """A dose's raw entries with their paths, each checked on its own."""
    entries = r.mapping(node, path, DOSE_FIELDS)
    r.fields(entries, path, DOSE_FIELDS)  # report bad values where they are written
    return {name: (value, f"{path}.{name}") for name, value in entries.items()}


def _exercise(
    r: _Reader,
    node: yaml.Node,
    path: str,
    defaults: dict[str, tuple[yaml.Node, str]],
    doses: dict[str, dict[str, tuple[yaml.Node, str]]],
    phases: tuple[Phase, ...],
) -> Exercise:
    before = len(r.problems)
    own = r.mapping(node, path, EXERCISE_FIELDS)
    values = r.fields({k: v for k, v in own.items() if k not in DOSE_FIELDS}, path, EXERCISE_FIELDS)
    dose: dict[str, tuple[yaml.Node, str]] = {}
    if "dose" in values:
        if values["dose"] not in doses:
            r.problem(
                own["dose"],
                f"{path}.dose",
                f"no dose named {values['dose']!r}{_hint(values['dose'], list(doses))}",
            )
        else:
            dose = doses[values["dose"]]
    if "phase" in values and not any(p.id == values["phase"] for p in phases):
        ids = [p.id for p in phases]
        r.problem(
            own["phase"], f"{path}.phase", f"no phase named {values['phase']!r}{_hint(values['phase'], ids)}"
        )
    # Precedence: the exercise's own field, then its dose, then `defaults`.
    chosen: dict[str, tuple[yaml.Node, str, bool]] = {}
    own_dose = {name: (own[name], f"{path}.{name}") for name in DOSE_FIELDS if name in own}
    for source, specific in ((defaults, False), (dose, True), (own_dose, True)):
        if "reps" in source and "reps_per_side" in source:
            value_node, value_path = source["reps_per_side"]
            r.problem(value_node, value_path, "give reps or reps_per_side, not both")
        for name, (value_node, value_path) in source.items():
            # reps and reps_per_side are one figure written two ways: the later wins.
            for other in _SAME_FIGURE.get(name, ()):
                chosen.pop(other, None)
            chosen[name] = (value_node, value_path, specific)
    dose_values: dict[str, Any] = {}
    for name, (value_node, value_path, _) in chosen.items():
        with contextlib.suppress(_Abort):
            dose_values[name] = r.value(value_node, value_path, DOSE_FIELDS[name])
    if "kind" not in chosen:
        raise r.fail(node, f"{path}.kind", "required field missing (reps, hold, timed or activity)")
    if "kind" not in dose_values:
        raise _Abort()
    kind = Kind(dose_values["kind"])
    for name, (value_node, value_path, specific) in chosen.items():
        if specific and name not in KIND_FIELDS[kind]:
            r.problem(value_node, value_path, f"not used by a {kind.value} exercise")
    merged = {**BUILTIN_DEFAULTS, **{k: v for k, v in dose_values.items() if k in KIND_FIELDS[kind]}}
    sides = Sides(merged["sides"])
    if sides not in KIND_SIDES[kind]:
        allowed = ", ".join(s.value for s in KIND_SIDES[kind])
        where = chosen["sides"][1] if "sides" in chosen else f"{path}.sides"
        r.problem(
            chosen["sides"][0] if "sides" in chosen else node,
            where,
            f"{sides.value!r} does not fit a {kind.value} exercise; use {allowed}",
        )
    sides_ok = "sides" not in chosen or "sides" in dose_values  # a wrong one was reported already
    reps = _reps(r, node, path, kind, sides, chosen, merged, sides_ok)
    _require(r, node, path, kind, chosen)
    if len(r.problems) > before or not {"id", "name", "instructions"} <= set(values):
        raise _Abort()
    return Exercise(
        id=values["id"],
        name=values["name"],
        spoken=values.get("spoken"),
        instructions=values["instructions"],
        number=values.get("number"),
        phase=values.get("phase"),
        enabled=values.get("enabled", True),
        kind=kind,
        sets=int(merged["sets"]),
        reps=reps,
        sides=sides,
        first_side=Side(merged["first_side"]),
        tempo_s=float(merged["tempo_s"]) if kind is Kind.REPS else None,
        pacing=Pacing(merged["pacing"]),
        hold_s=float(merged["hold_s"]) if "hold_s" in merged else None,
        duration_s=merged.get("duration_s"),
        estimate_s=float(merged["estimate_s"]) if kind is Kind.ACTIVITY else None,
        rest_s=float(merged["rest_s"]),
        rest_after_s=float(merged["rest_after_s"]),
        prepare_s=float(merged["prepare_s"]),
        switch_s=float(merged["switch_s"]),
    )


def _reps(
    r: _Reader,
    node: yaml.Node,
    path: str,
    kind: Kind,
    sides: Sides,
    chosen: dict[str, tuple[yaml.Node, str, bool]],
    merged: dict[str, Any],
    sides_ok: bool,
) -> int | None:
    if kind is not Kind.REPS:
        return None
    if "reps" not in chosen and "reps_per_side" not in chosen:
        r.problem(node, f"{path}.reps", "required field missing (reps or reps_per_side)")
        return None
    if "reps" not in merged and "reps_per_side" not in merged:
        return None  # given, but wrong: reported where it was written
    if "reps_per_side" in merged:
        if sides is Sides.NONE and sides_ok:
            r.problem(
                chosen["reps_per_side"][0],
                chosen["reps_per_side"][1],
                "reps_per_side needs sides: alternate or each; use reps",
            )
            return None
        return int(merged["reps_per_side"]) * 2
    if sides is Sides.EACH and sides_ok and merged["reps"] % 2:
        r.problem(
            chosen["reps"][0],
            chosen["reps"][1],
            f"{merged['reps']} reps cannot be split evenly over both sides; use reps_per_side",
        )
    return int(merged["reps"])


def _require(r: _Reader, node: yaml.Node, path: str, kind: Kind, given: dict[str, Any]) -> None:
    """A field the kind cannot do without; a given but wrong value was reported already."""
    needed = {Kind.HOLD: "hold_s", Kind.TIMED: "duration_s"}.get(kind)
    if needed and needed not in given:
        r.problem(node, f"{path}.{needed}", f"required field missing for a {kind.value} exercise")
