"""A figure never breaks from its unit: "80" at the end of one line and "%" starting the next (seen
in the Dutch progress page at 1024×768, "daarvoor is 80 / % van de voorgeschreven sessies"), or
"15" before "sec rust" (the Dutch picker at 1280×800)."""

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from sitimer.core.programme.loader import load_file
from sitimer.qt.common.dose_text import leaflet_words

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "sitimer_nl.ts"
BREAKABLE = re.compile(
    r"[0-9}] (%(?![a-zA-Z(])|(s|sec|min)\b(?!['\w]))"  # "80 %", "{0} s", "2 min": not "%s", "%(name)"
)


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


def test_no_screen_or_paper_string_breaks_a_figure_from_its_unit():
    found = [
        f"{path.relative_to(REPO)}:{line}: {text!r}"
        for folder in ("qt", "words")  # what Qt shows, and the session words it shows
        for path in sorted((REPO / "sitimer" / folder).rglob("*.py"))
        for line, text in shown_strings(path)
        if BREAKABLE.search(text)
    ]
    assert found == [], "write a no-break space (U+00A0) between the figure and its unit"


def test_no_dutch_translation_breaks_a_figure_from_its_unit():
    messages = ET.parse(TS).getroot().iter("message")
    found = [
        text
        for message in messages
        for text in (message.findtext("source") or "", message.findtext("translation") or "")
        if BREAKABLE.search(text)
    ]
    assert found == [], "write a no-break space (U+00A0) between the figure and its unit"


def test_a_leaflets_dose_keeps_its_figures_with_their_units(si_blokkade):
    programme = load_file(si_blokkade)
    shown = [leaflet_words(exercise, lang) for exercise in programme.exercises for lang in ("nl", "en")]
    assert "10–12\u00a0sec, 3 keer" in shown and "10–12\u00a0s, 3 times" in shown
    assert not any(BREAKABLE.search(text) for text in shown)
