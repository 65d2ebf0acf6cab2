"""Messages in English that a window can still put in the user's language.

The core has no Qt and so no translator: its messages (a programme file's problems) are English,
as ``sitimer validate`` prints them. :func:`said` makes such a message from a template and its
values; the result is that English text (a ``str``, used as any other), and it keeps the template
and the values, so the windows can look the template up in the Dutch translation and fill it in
again (:func:`sitimer.qt.common.problem_text.in_words`). A value may itself be said (a word such
as "a list"); plain text (a file's own words, a field's name) stays as written.

``tools/translations.py`` finds every ``said("…")`` with a literal template, as the context
"Problems".
"""

from __future__ import annotations


class Said(str):
    """English text, with the template and values it was made from."""

    template: str
    values: dict[str, object]


def said(template: str, /, **values: object) -> Said:
    """``template.format(**values)``, keeping both for a translation."""
    text = Said(template.format(**values))
    text.template = template
    text.values = values
    return text
