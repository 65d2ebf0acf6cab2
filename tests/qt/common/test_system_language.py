"""The windowed app without LANG (a macOS Finder launch, Windows): the language Qt says the system has."""

from __future__ import annotations

import locale
import sys

import pytest
from PySide6.QtCore import QLocale

from sitimer.cli.parser import system_language
from sitimer.qt.common import translation


def _system_is(monkeypatch: pytest.MonkeyPatch, system: QLocale) -> None:
    class SystemLocale:
        @staticmethod
        def system() -> QLocale:
            return system

    monkeypatch.setattr(translation, "QLocale", SystemLocale)


@pytest.fixture
def finder_launch(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No locale variables, Qt loaded, and a Python locale that says nothing (macOS gives None)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(locale, "getlocale", lambda *_: (None, None))
    assert "PySide6.QtCore" in sys.modules
    return monkeypatch


def test_a_dutch_mac_started_from_finder_speaks_dutch(finder_launch: pytest.MonkeyPatch) -> None:
    _system_is(finder_launch, QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    assert system_language() == "nl"


def test_a_flemish_windows_speaks_dutch(finder_launch: pytest.MonkeyPatch) -> None:
    finder_launch.setattr(sys, "platform", "win32")
    _system_is(finder_launch, QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium))
    assert system_language() == "nl"


def test_an_english_or_other_system_gets_english(finder_launch: pytest.MonkeyPatch) -> None:
    _system_is(finder_launch, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    assert system_language() == "en"
    _system_is(finder_launch, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert system_language() == "en"


def test_the_first_language_sitimer_speaks_in_the_users_order() -> None:
    assert translation.system_language(QLocale("nl_NL")) == "nl"
    assert translation.system_language(QLocale("en_US")) == "en"
