"""A percentage never breaks from its number: "80" at the end of one line and "%" starting the next
(seen in the Dutch progress page at 1024×768, "daarvoor is 80 / % van de voorgeschreven sessies")."""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "sitimer_nl.ts"
BREAKABLE = re.compile(r"[0-9}] %(?![a-zA-Z(])")  # "80 %", "{0} %": not "%s", not "%(name)"


def shown_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module (f-strings' literal parts too), its docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and ast.get_docstring(node)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_screen_or_paper_string_breaks_a_percentage():
    found = [
        f"{path.relative_to(REPO)}:{line}: {text!r}"
        for path in sorted((REPO / "sitimer" / "qt").rglob("*.py"))
        for line, text in shown_strings(path)
        if BREAKABLE.search(text)
    ]
    assert found == [], "write a no-break space (U+00A0) before the %"


def test_no_dutch_translation_breaks_a_percentage():
    messages = ET.parse(TS).getroot().iter("message")
    found = [
        text
        for message in messages
        for text in (message.findtext("source") or "", message.findtext("translation") or "")
        if BREAKABLE.search(text)
    ]
    assert found == [], "write a no-break space (U+00A0) before the %"
