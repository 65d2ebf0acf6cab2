"""Keep-awake on macOS (an IOKit assertion) and Windows (SetThreadExecutionState): fake ctypes libraries."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

import pytest

from sitimer.qt.session.inhibit import ES_CONTINUOUS, ES_DISPLAY_REQUIRED, ES_SYSTEM_REQUIRED, ScreenInhibitor

REASON = "Oefensessie loopt"


class Function:
    """A C function as ctypes gives it: callable, with argtypes and restype to set."""

    def __init__(self, body: Callable[..., Any]) -> None:
        self.body, self.argtypes, self.restype = body, None, None

    def __call__(self, *args: Any) -> Any:
        return self.body(*args)


class FakeMac:
    """IOKit and CoreFoundation: CFStrings by handle, assertions by id, every call recorded."""

    def __init__(self, answer: int = 0) -> None:
        self.answer = answer  # IOReturn: 0 is success
        self.strings: dict[int, bytes] = {}
        self.released_strings: list[int] = []
        self.assertions: dict[int, tuple[bytes, int, bytes]] = {}
        self.calls: list[str] = []

    def _cf(self) -> dict[str, Function]:
        def create(_alloc: Any, text: bytes, encoding: int) -> int:
            assert encoding == 0x08000100  # kCFStringEncodingUTF8
            self.strings[len(self.strings) + 1] = text
            return len(self.strings)

        return {
            "CFStringCreateWithCString": Function(create),
            "CFRelease": Function(self.released_strings.append),
        }

    def _iokit(self) -> dict[str, Function]:
        def create(kind: int, level: int, name: int, out: Any) -> int:
            self.calls.append("create")
            if self.answer == 0:
                out._obj.value = 4711
                self.assertions[4711] = (self.strings[kind], level, self.strings[name])
            return self.answer

        def release(assertion: int) -> int:
            self.calls.append("release")
            return 0 if self.assertions.pop(assertion, None) else 1

        return {"IOPMAssertionCreateWithName": Function(create), "IOPMAssertionRelease": Function(release)}


class Library:
    """An object with the given functions as attributes, as ctypes.CDLL(...) is."""

    def __init__(self, functions: dict[str, Function]) -> None:
        self.__dict__.update(functions)


@pytest.fixture
def mac(monkeypatch: pytest.MonkeyPatch) -> FakeMac:
    fake = FakeMac()
    monkeypatch.setattr(
        ctypes,
        "CDLL",
        lambda path, *a, **k: Library(fake._iokit() if path.endswith("/IOKit") else fake._cf()),
    )
    monkeypatch.setattr(sys, "platform", "darwin")
    return fake


def test_macos_holds_a_display_assertion_until_release(mac: FakeMac) -> None:
    inhibitor = ScreenInhibitor(platform="darwin")

    assert inhibitor.inhibit(REASON) is True and inhibitor.active and inhibitor.problem is None
    assert mac.assertions == {4711: (b"PreventUserIdleDisplaySleep", 255, REASON.encode())}
    assert sorted(mac.released_strings) == [1, 2]  # the CFStrings made for the call are let go
    inhibitor.release()
    inhibitor.release()  # twice: harmless
    assert not mac.assertions and mac.calls == ["create", "release"] and not inhibitor.active


def test_macos_refusal_is_told_and_the_session_runs(mac: FakeMac) -> None:
    mac.answer = -536870212  # kIOReturnError
    inhibitor = ScreenInhibitor(platform="darwin")

    assert inhibitor.inhibit(REASON) is False and not inhibitor.active
    assert inhibitor.problem == "Could not keep the screen awake: macOS refused."
    inhibitor.release()
    assert mac.calls == ["create"]


def test_macos_without_iokit_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(path: str, *_a: Any, **_k: Any) -> Any:
        raise OSError(f"dlopen({path}): image not found")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    inhibitor = ScreenInhibitor(platform="darwin")
    assert inhibitor.inhibit(REASON) is False
    assert inhibitor.problem == "Could not keep the screen awake: macOS refused."


def test_windows_sets_the_execution_state_through_kernel32(monkeypatch: pytest.MonkeyPatch) -> None:
    states: list[int] = []
    set_state = Function(lambda flags: states.append(flags) or ES_CONTINUOUS)
    kernel32 = Library({"SetThreadExecutionState": set_state})
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"kernel32": kernel32})(), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    inhibitor = ScreenInhibitor(platform="win32")

    assert inhibitor.inhibit(REASON) is True
    inhibitor.release()
    assert states == [ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED, ES_CONTINUOUS]
    assert set_state.argtypes == [ctypes.c_uint32] and set_state.restype is ctypes.c_uint32
