"""PySide6 6.8 (Debian 13's own) has ``QAudio`` where 6.10 has ``QtAudio``: the tones load with either."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import PySide6
import pytest
from PySide6 import QtMultimedia

import sitimer.qt.audio.tones as tones


def _multimedia_of_pyside_6_8() -> ModuleType:
    """QtMultimedia as PySide6 6.8 has it: every name, but the audio namespace is called QAudio."""
    fake = ModuleType("PySide6.QtMultimedia")
    fake.__dict__.update({k: v for k, v in vars(QtMultimedia).items() if k != "QtAudio"})
    fake.QAudio = QtMultimedia.QtAudio  # type: ignore[attr-defined]
    return fake


def test_the_tones_import_and_set_the_volume_on_pyside_6_8(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _multimedia_of_pyside_6_8()
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", fake)
    monkeypatch.setattr(PySide6, "QtMultimedia", fake)
    spec = importlib.util.spec_from_file_location("tones_on_6_8", Path(tones.__file__))
    assert spec is not None and spec.loader is not None
    old = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "tones_on_6_8", old)  # dataclasses look their module up there
    spec.loader.exec_module(old)  # was: ImportError, cannot import name 'QtAudio'

    assert old.linear_volume(0.0) == 0.0 and old.linear_volume(1.0) == pytest.approx(1.0)
    assert old.linear_volume(0.5) == pytest.approx(tones.linear_volume(0.5))


def test_qtaudio_is_taken_where_both_are_there() -> None:
    assert tones.audio_namespace(QtMultimedia) is QtMultimedia.QtAudio
    assert tones.audio_namespace(_multimedia_of_pyside_6_8()) is QtMultimedia.QtAudio  # its QAudio
