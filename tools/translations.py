#!/usr/bin/env python3
"""Update and compile the Dutch translation: sitimer/**/*.py → sitimer_nl.ts → sitimer_nl.qm.

    .venv/bin/python tools/translations.py           # update the .ts from the sources, compile the .qm
    .venv/bin/python tools/translations.py --check   # exit 1 when either is out of date or unfinished

Updating runs ``pyside6-lupdate`` over every ``sitimer/**/*.py`` into
``resources/translations/sitimer_nl.ts``: translations already made are kept,
strings no longer in the sources are dropped, and new strings come in empty
(``type="unfinished"``) for a translator, in Qt Linguist (``.venv/bin/pyside6-linguist``)
or by editing the XML; the script lists them. Then ``pyside6-lrelease`` compiles
the ``.qm`` that the app loads at start (``sitimer.qt.common.translation``).

lupdate reads Python by its own rules and misses three patterns this code uses, so
it is given a copy of the sources with those calls spelled out, line for line
(the locations in the .ts still point at the real files):

* a module-level helper such as ``def tr(text): return QCoreApplication.translate("Dose", text)``
  (lupdate would file ``tr("...")`` under an empty context, where the app never looks);
* a message inside an f-string, ``f"<h3>{tr('Notes')}</h3>"`` (lupdate skips the whole string);
* ``QCoreApplication.translate("audio", NO_DEVICE)`` with a module constant, or a dict of
  them, instead of a literal (lupdate would not see the string at all).

The core's ``said("…", name=value)`` (:mod:`sitimer.core.said`, no Qt) is spelled out the same way,
as ``QCoreApplication.translate("Problems", "…", name=value)``.

``--check`` changes nothing. It fails when updating would change the .ts (line
numbers aside: a stale one is harmless and only noted), when a message is
unfinished or empty or loses a placeholder or symbol, or when the .qm is missing
or not byte for byte what lrelease makes of the .ts now. (Bytes, not file times:
a git checkout does not keep those.)
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "sitimer"
TS = REPO / "resources" / "translations" / "sitimer_nl.ts"
QM = TS.with_suffix(".qm")

_LINE = re.compile(r'(<location\b[^>]*?) line="[+-]?\d+"')
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")
_SYMBOLS = "▶◀❚↻✓✕…"
SAID_CONTEXT = "Problems"  # sitimer.core.said's messages, as sitimer.qt.common.problem_text looks them up


def tool(name: str) -> Path | None:
    """``pyside6-<name>`` next to this Python (the venv's), else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    if here.is_file():
        return here
    found = shutil.which(f"pyside6-{name}")
    return Path(found) if found else None


def sources() -> list[Path]:
    """Every Python file of the package, relative to the repository, in a stable order."""
    return sorted(p.relative_to(REPO) for p in (REPO / PACKAGE).rglob("*.py"))


# -- what lupdate cannot see ---------------------------------------------------------------------
@dataclass
class _Edit:
    """Replace from (line, col) to (end_line, end_col) by text; lines 1-based, columns in bytes."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str


def _insert(line: int, col: int, text: str) -> _Edit:
    return _Edit(line, col, line, col, text)


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # C-style escapes, which lupdate reads


def _is_translate(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "translate") or (
        isinstance(func, ast.Name) and func.id == "translate"
    )


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(text): return <...>.translate("Context", text)``: f → its context."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        body = node.body
        if body and isinstance(body[0], ast.Expr) and _literal(body[0].value) is not None:
            body = body[1:]  # the docstring
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if not (isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) >= 2):
            continue
        context, text = _literal(call.args[0]), call.args[1]
        if context is not None and isinstance(text, ast.Name) and text.id == node.args.args[0].arg:
            found[node.name] = context
    return found


def _message(call: ast.Call, wrappers: dict[str, str]) -> str | None:
    """The call spelled out as lupdate reads it, if it is a translation of a literal."""
    func, args = call.func, call.args
    texts = [_literal(a) for a in args]
    extra = [_quoted(t) if t is not None else "0" for t in texts[1:3]]
    if isinstance(func, ast.Name) and func.id in wrappers and texts and texts[0] is not None:
        return f"QCoreApplication.translate({_quoted(wrappers[func.id])}, {_quoted(texts[0])})"
    if isinstance(func, ast.Attribute) and func.attr == "tr" and texts and texts[0] is not None:
        return f"self.tr({', '.join([_quoted(texts[0]), *extra])})"
    if _is_translate(func) and len(texts) >= 2 and texts[0] is not None and texts[1] is not None:
        return f"QCoreApplication.translate({', '.join(_quoted(t or '') for t in texts[:3])})"
    name = func.id if isinstance(func, ast.Name) else ""
    if name in ("QT_TR_NOOP", "QT_TRANSLATE_NOOP") and texts and None not in texts:
        return f"{name}({', '.join(_quoted(t or '') for t in texts)})"
    return None


def _assigned(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level ``NAME = value`` (and annotated ones)."""
    values: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            values[node.target.id] = node.value
    return values


def _imported(tree: ast.Module) -> dict[str, tuple[str, str]]:
    """``from a.b import X as Y``: Y → ("a.b", "X")."""
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = (node.module, alias.name)
    return names


def _strings(value: ast.expr) -> list[ast.Constant]:
    """The string literals a constant holds: itself, or a dict's values, or a list's items."""
    items: list[ast.expr | None] = [value]
    if isinstance(value, ast.Dict):
        items = list(value.values)
    elif isinstance(value, ast.List | ast.Tuple | ast.Set):
        items = list(value.elts)
    return [item for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)]


def _module_name(path: Path) -> str:
    parts = list(path.with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def plan_edits(files: list[Path], root: Path = REPO) -> tuple[dict[Path, list[_Edit]], list[str]]:
    """Line-preserving edits that make every message visible to lupdate, and warnings.

    * ``tr("x")`` of a module-level wrapper becomes ``QCoreApplication.translate("Dose", "x")``;
    * an f-string with messages inside (lupdate reads it as one opaque string) becomes a tuple
      of those messages, each on its own line;
    * the string literals behind ``translate("ctx", NAME)`` get ``QT_TRANSLATE_NOOP("ctx", ...)``.
    """
    trees = {path: ast.parse((root / path).read_bytes(), filename=str(path)) for path in files}
    by_module = {_module_name(path): path for path in files}
    edits: dict[Path, list[_Edit]] = {path: [] for path in files}
    warnings: list[str] = []
    wrapped: dict[tuple[Path, int, int], str] = {}

    for path, tree in trees.items():
        wrappers = _wrappers(tree)
        if _imported(tree).get("said") == ("sitimer.core.said", "said"):
            wrappers["said"] = SAID_CONTEXT  # the core's messages: translated by the windows
        skip = {  # the wrappers' own translate(context, text)
            id(inner)
            for node in tree.body
            if getattr(node, "name", None) in wrappers
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr) or id(node) in skip:
                continue
            inner = list(ast.walk(node))
            skip.update(id(n) for n in inner)
            calls = [c for c in inner if isinstance(c, ast.Call) and _message(c, wrappers)]
            if not calls:
                continue
            end_line = node.end_lineno or node.lineno
            lines: list[list[str]] = [[] for _ in range(node.lineno, end_line + 1)]
            for call in calls:  # Python 3.11 places them on the right line, not always the right column
                lines[min(max(call.lineno, node.lineno), end_line) - node.lineno].append(
                    f"{_message(call, wrappers)}, "
                )
            text = "(" + "\n".join("".join(line) for line in lines) + ")"
            edits[path].append(_Edit(node.lineno, node.col_offset, end_line, node.end_col_offset or 0, text))

        assigned, imported = _assigned(tree), _imported(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args or id(node) in skip:
                continue
            func = node.func
            if isinstance(func, ast.Name) and wrappers.get(func.id) == SAID_CONTEXT:
                # said("…", name=value): lupdate reads no keyword arguments, so the call is only its text
                template, end_line = _literal(node.args[0]), node.end_lineno or node.lineno
                if template is not None:
                    text = f"QCoreApplication.translate({_quoted(SAID_CONTEXT)}, {_quoted(template)})"
                    text += "\n" * (end_line - node.lineno)  # the lines after it stay where they were
                    edits[path].append(
                        _Edit(node.lineno, node.col_offset, end_line, node.end_col_offset or 0, text)
                    )
                continue
            if isinstance(func, ast.Name) and func.id in wrappers:
                first = node.args[0]
                end = func.end_col_offset or 0
                edits[path].append(
                    _Edit(func.lineno, func.col_offset, func.lineno, end, "QCoreApplication.translate")
                )
                edits[path].append(_insert(first.lineno, first.col_offset, f"{_quoted(wrappers[func.id])}, "))
                continue
            if not (_is_translate(func) and len(node.args) >= 2):
                continue
            context = _literal(node.args[0])
            if context is None or _literal(node.args[1]) is not None:
                continue
            found = False
            for name in sorted({n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)}):
                home, value = path, assigned.get(name)
                if value is None and name in imported and imported[name][0] in by_module:
                    home = by_module[imported[name][0]]
                    value = _assigned(trees[home]).get(imported[name][1])
                for literal in _strings(value) if value is not None else []:
                    found = True
                    key = (home, literal.lineno, literal.col_offset)
                    if wrapped.setdefault(key, context) != context:
                        warnings.append(
                            f"{home}:{literal.lineno}: {name} is translated in two contexts "
                            f"({wrapped[key]}, {context}); only {wrapped[key]} is extracted"
                        )
                    if wrapped[key] != context or any(
                        e.line == key[1] and e.col == key[2] for e in edits[home]
                    ):
                        continue
                    edits[home].append(
                        _insert(literal.lineno, literal.col_offset, f"QT_TRANSLATE_NOOP({_quoted(context)}, ")
                    )
                    edits[home].append(_insert(literal.end_lineno or 0, literal.end_col_offset or 0, ")"))
            if not found and context != SAID_CONTEXT:  # the said templates are extracted where said
                warnings.append(
                    f"{path}:{node.lineno}: translate({context!r}, ...) of a value lupdate cannot see; "
                    "use a string literal, or QT_TRANSLATE_NOOP where the string is defined"
                )
    return edits, warnings


def _apply(source: bytes, edits: list[_Edit]) -> bytes:
    """The source with the edits made (from the last one back, so positions hold)."""
    lines = source.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: (e.line, e.col), reverse=True):
        head = lines[edit.line - 1][: edit.col]
        tail = lines[edit.end_line - 1][edit.end_col :]
        lines[edit.line - 1 : edit.end_line] = (head + edit.text.encode() + tail).splitlines(keepends=True)
    return b"".join(lines)


# -- running the Qt tools ------------------------------------------------------------------------
def _run(cmd: list[str | Path], cwd: Path, quiet: bool) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        sys.exit(f"{Path(cmd[0]).name} failed ({result.returncode}):\n{output}")
    if output and not quiet:
        print(output)


def updated_ts(work: Path, lupdate: Path, quiet: bool) -> str:
    """What lupdate makes of the current .ts and sources, built in ``work``; returns its text."""
    files = sources()
    edits, warnings = plan_edits(files)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for path in files:
        copy = work / path
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(_apply((REPO / path).read_bytes(), edits[path]))
    ts = work / TS.relative_to(REPO)  # at the same depth, so locations read ../../sitimer/...
    ts.parent.mkdir(parents=True, exist_ok=True)
    if TS.exists():
        shutil.copyfile(TS, ts)
    cmd: list[str | Path] = [lupdate, *files, "-ts", ts.relative_to(work), "-no-obsolete"]
    cmd += ["-locations", "absolute", "-target-language", "nl_NL"]
    if quiet:
        cmd.append("-silent")
    _run(cmd, work, quiet)
    return ts.read_text(encoding="utf-8")


def compile_qm(lrelease: Path, ts: Path, qm: Path, quiet: bool) -> None:
    cmd: list[str | Path] = [lrelease, ts, "-qm", qm]
    if quiet:
        cmd.append("-silent")
    _run(cmd, ts.parent, quiet)


# -- checking the translations -------------------------------------------------------------------
def problems(ts_text: str) -> list[str]:
    """Messages not ready to ship: unfinished, empty, or missing a placeholder or symbol."""
    found = []
    root = ET.fromstring(ts_text)
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            where = f"{name}: {source!r}"
            if translation is None:
                found.append(f"{where}: no translation")
                continue
            kind = translation.get("type")
            if kind in ("unfinished", "obsolete", "vanished"):
                found.append(f"{where}: {kind}")
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            for text in forms:
                if not text.strip():
                    found.append(f"{where}: empty translation")
                    continue
                wanted = sorted(_PLACEHOLDER.findall(source))
                if message.get("numerus") == "yes":
                    wanted = [p for p in wanted if p != "%n"]  # a singular form may spell out "één"
                    got = sorted(p for p in _PLACEHOLDER.findall(text) if p != "%n")
                else:
                    got = sorted(_PLACEHOLDER.findall(text))
                if got != wanted:
                    found.append(f"{where}: placeholders {wanted} became {got} in {text!r}")
                lost = [s for s in _SYMBOLS if (s in source) != (s in text)]
                if lost:
                    found.append(f"{where}: symbols {''.join(lost)} differ in {text!r}")
    return found


def _counts(ts_text: str) -> tuple[int, int]:
    root = ET.fromstring(ts_text)
    messages = list(root.iter("message"))
    unfinished = 0
    for message in messages:
        translation = message.find("translation")
        unfinished += translation is None or translation.get("type") is not None
    return len(messages), unfinished


def check(lupdate: Path, lrelease: Path) -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sitimer-tr-") as tmp:
        work = Path(tmp)
        if not TS.exists():
            print(f"{TS.relative_to(REPO)} is missing")
            return 1
        current = TS.read_text(encoding="utf-8")
        fresh = updated_ts(work / "tree", lupdate, quiet=True)
        if _LINE.sub(r"\1", fresh) != _LINE.sub(r"\1", current):
            failures.append(f"{TS.relative_to(REPO)} is out of date with the sources")
        elif fresh != current:
            print(f"note: line numbers in {TS.name} are stale (harmless; updating refreshes them)")
        failures += [f"{TS.name}: {p}" for p in problems(current)]
        made = work / "qm" / QM.name
        made.parent.mkdir()
        compile_qm(lrelease, TS, made, quiet=True)
        if not QM.exists():
            failures.append(f"{QM.relative_to(REPO)} is missing")
        elif QM.read_bytes() != made.read_bytes():
            failures.append(f"{QM.name} is out of date: not what lrelease makes of {TS.name}")
    for failure in failures:
        print(failure)
    if failures:
        print("Run .venv/bin/python tools/translations.py, translate what it lists, and run it again.")
        return 1
    total, _ = _counts(current)
    print(f"{TS.name}: {total} messages, all translated; {QM.name} up to date")
    return 0


def update(lupdate: Path, lrelease: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="sitimer-tr-") as tmp:
        fresh = updated_ts(Path(tmp), lupdate, quiet=False)
    if not TS.exists() or TS.read_text(encoding="utf-8") != fresh:
        TS.parent.mkdir(parents=True, exist_ok=True)
        TS.write_text(fresh, encoding="utf-8")
    compile_qm(lrelease, TS, QM, quiet=False)
    total, unfinished = _counts(fresh)
    print(f"{TS.relative_to(REPO)}: {total} messages, {unfinished} to translate")
    for problem in problems(fresh):
        print(f"  {problem}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 when the .ts or .qm is out of date"
    )
    args = parser.parse_args(argv)
    lupdate, lrelease = tool("lupdate"), tool("lrelease")
    if lupdate is None or lrelease is None:
        print("pyside6-lupdate and pyside6-lrelease are needed (pip install pyside6-essentials)")
        return 2
    return check(lupdate, lrelease) if args.check else update(lupdate, lrelease)


if __name__ == "__main__":
    sys.exit(main())
