"""Round-trip YAML: change a programme's values and keep its comments, order and layout.

ruamel.yaml (round-trip mode) only edits text here; the loader still reads every file
with PyYAML's safe composer. ruamel files a comment under the key *before* it, so
:func:`insert_key` and :func:`remove_key` move such a comment along, keeping it above
the line it describes. :func:`overlay` then puts back every line an edit did not touch
exactly as it was written (ruamel respaces ``{ nl: a }`` as ``{nl: a}``).
"""

from __future__ import annotations

import difflib
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

_POST = 2  # where ruamel keeps the comment after a mapping value: ca.items[key][2]


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line or a folded paragraph
    yaml.indent(mapping=2, sequence=4, offset=2)  # "  - id: ..." as the bundled files write it
    return yaml


def load(text: str) -> Any:
    """The round-trip data of a YAML text; raises ruamel's YAMLError when it is not YAML."""
    return _yaml().load(text)


def dump(data: Any) -> str:
    """The YAML text of round-trip data."""
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def overlay(original: str, base: str, edited: str) -> str:
    """``edited``, with each line the edit left alone as ``original`` wrote it.

    ``base`` is ruamel's dump of ``original`` unchanged. It has the same lines, some
    respaced; where a line of ``base`` survives into ``edited``, its original is used.
    """
    before, norm, after = (t.splitlines(keepends=True) for t in (original, base, edited))
    if len(before) != len(norm) or any(_key(a) != _key(b) for a, b in zip(before, norm, strict=True)):
        return edited  # ruamel laid the file out differently: its own text is the safe one
    # A respaced line that moved (an exercise moved up) gets its original spacing back too.
    written: dict[str, set[str]] = {}
    for own, dumped in zip(before, norm, strict=True):
        written.setdefault(dumped, set()).add(own)
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, norm, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lines += before[i1:i2]
        else:
            lines += [
                next(iter(written[line])) if len(written.get(line, ())) == 1 else line
                for line in after[j1:j2]
            ]
    return "".join(lines)


def _key(line: str) -> str:
    return line.split(":", 1)[0].strip()


def flow(value: Any) -> Any:
    """A new list or mapping written on one line, as ``["09:00", "19:00"]`` or ``{min: 3, max: 5}``."""
    if isinstance(value, dict):
        made: CommentedMap | CommentedSeq = CommentedMap(value)
    elif isinstance(value, list):
        made = CommentedSeq(value)
    else:
        return value
    made.fa.set_flow_style()
    return made


# -- comments that belong to the next line ------------------------------------------------------
def _block(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and bool(value) and not value.fa.flow_style()


def _holder(mapping: CommentedMap, key: Any) -> tuple[CommentedMap, Any]:
    """The mapping and key whose comment slot holds what follows ``key``'s value in the text."""
    value = mapping[key]
    if isinstance(value, CommentedSeq) and _block(value) and isinstance(value[-1], CommentedMap):
        value = value[-1]
    if isinstance(value, CommentedMap) and _block(value):
        return _holder(value, list(value)[-1])
    return mapping, key


def _ends_line(mapping: CommentedMap, key: Any) -> bool:
    """Whether the value's own text ends its line (a block scalar does; its comment slot holds no end)."""
    return not isinstance(mapping[key], FoldedScalarString | LiteralScalarString)


def _tail(mapping: CommentedMap, key: Any) -> tuple[str, str]:
    """What follows a value, split into its own end of line (with a comment) and the lines after."""
    slots = mapping.ca.items.get(key)
    token = slots[_POST] if slots and len(slots) > _POST else None
    text = token.value if isinstance(token, CommentToken) else ""
    if not _ends_line(mapping, key):
        return "", text
    cut = text.find("\n") + 1
    return (text, "") if cut == 0 else (text[:cut], text[cut:])


def _set_tail(mapping: CommentedMap, key: Any, own: str, after: str) -> None:
    if _ends_line(mapping, key):
        own = own or ("\n" if after else "")
        if own == "\n" and not after:
            own = ""  # the line's end alone needs no comment token
    text = own + after
    slots = mapping.ca.items.setdefault(key, [None, None, None, None])
    token = slots[_POST]
    if not text:
        slots[_POST] = None
    elif isinstance(token, CommentToken):
        token.value = text  # keeps the column of an end-of-line comment
    else:
        slots[_POST] = CommentToken(text, CommentMark(0), None)
    if not any(slots):
        del mapping.ca.items[key]


def insert_key(mapping: CommentedMap, after: Any | None, key: str, value: Any) -> None:
    """Insert ``key`` after the key ``after`` (first when None), taking over the comment lines below it."""
    moved = ""
    position = 0
    if after is not None:
        position = list(mapping).index(after) + 1
        owner, owner_key = _holder(mapping, after)
        own, moved = _tail(owner, owner_key)
        _set_tail(owner, owner_key, own, "")
    mapping.insert(position, key, flow(value))
    if moved:
        _set_tail(mapping, key, "", moved)


def remove_key(mapping: CommentedMap, key: str) -> None:
    """Remove ``key``; the comment lines below it stay, now under the key before."""
    keys = list(mapping)
    owner, owner_key = _holder(mapping, key)
    _, moved = _tail(owner, owner_key)
    if owner is not mapping:
        _set_tail(owner, owner_key, "", "")
    mapping.ca.items.pop(key, None)
    del mapping[key]
    at = keys.index(key)
    if moved and at > 0:
        owner, owner_key = _holder(mapping, keys[at - 1])
        own, after = _tail(owner, owner_key)
        _set_tail(owner, owner_key, own, after + moved)


# -- blank lines between the items of a list ----------------------------------------------------
def _blank_lines(item: Any) -> int | None:
    """Blank lines after a mapping item, or None when comments follow it (those are left alone)."""
    if not isinstance(item, CommentedMap) or not item:
        return None
    owner, key = _holder(item, list(item)[-1])
    _, after = _tail(owner, key)
    return after.count("\n") if not after.strip() else None


def gaps(items: CommentedSeq) -> tuple[int, int]:
    """How a list spaces its items: blank lines between two of them, and after the last one."""
    counts = [_blank_lines(item) for item in items]
    between = next((c for c in counts[:-1] if c is not None), 0)
    return between, (counts[-1] or 0) if counts else 0


def respace(items: CommentedSeq, spacing: tuple[int, int]) -> None:
    """Space the items again as ``gaps`` found them, after items were added, removed or moved."""
    between, last = spacing
    for i, item in enumerate(items):
        if _blank_lines(item) is None:
            continue
        owner, key = _holder(item, list(item)[-1])
        own, _ = _tail(owner, key)
        _set_tail(owner, key, own, "\n" * (between if i < len(items) - 1 else last))
