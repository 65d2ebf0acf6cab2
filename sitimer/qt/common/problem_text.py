"""A programme file's problems in the user's language (the core says them in English).

The core's messages are made with :func:`sitimer.core.said.said`, which keeps the English template
and its values; here the template is looked up in the translation (context "Problems") and filled
in again. Anything not said that way (PyYAML's own words) stays as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QTranslator

from sitimer.core.programme.reader import Problem
from sitimer.core.said import Said


def in_words(text: str, translator: QTranslator | None = None) -> str:
    """``text`` in the language of the app's translation (or of ``translator``), where it was said;
    else as it is."""
    if not isinstance(text, Said):
        return text
    values = {name: in_words(v, translator) if isinstance(v, Said) else v for name, v in text.values.items()}
    if translator is None:
        template = QCoreApplication.translate("Problems", text.template)
    else:  # a translator of its own says "" for what it does not hold
        template = translator.translate("Problems", text.template) or text.template
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a value: the English is right
        return str(text)


def problem_line(problem: Problem, translator: QTranslator | None = None) -> str:
    """One problem as ``sitimer validate`` prints it (file, line, column, field), in the user's
    language (or ``translator``'s)."""
    return problem.located(in_words(problem.message, translator))


def problem_lines(problems: Iterable[Problem]) -> str:
    """Every problem on a line of its own, as :func:`problem_line` says it."""
    return "\n".join(map(problem_line, problems))
