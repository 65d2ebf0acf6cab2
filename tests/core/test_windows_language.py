"""The language without LANG and without Qt: Windows' locale names (``Dutch_Netherlands``) are Dutch."""

from __future__ import annotations

import locale
import sys

import pytest

from sitimer.cli.parser import system_language


@pytest.fixture
def no_locale_variables(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """As on Windows: none of the locale variables, and (a command-line use) no Qt loaded."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delitem(sys.modules, "PySide6.QtCore", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    return monkeypatch


@pytest.mark.parametrize(
    ("windows_locale", "lang"),
    [
        ("Dutch_Netherlands", "nl"),
        ("Dutch_Belgium", "nl"),
        ("nl_NL", "nl"),
        ("English_United Kingdom", "en"),
        ("German_Germany", "en"),
        (None, "en"),
    ],
)
def test_windows_locale_names(
    no_locale_variables: pytest.MonkeyPatch, windows_locale: str | None, lang: str
) -> None:
    no_locale_variables.setattr(locale, "getlocale", lambda *_: (windows_locale, "1252"))
    assert system_language() == lang


def test_lang_when_set_is_taken_first(no_locale_variables: pytest.MonkeyPatch) -> None:
    no_locale_variables.setattr(locale, "getlocale", lambda *_: ("Dutch_Netherlands", "1252"))
    no_locale_variables.setenv("LANG", "en_GB.UTF-8")
    assert system_language() == "en"
