"""A local service that takes the connection but never answers is found out in seconds, not waited for."""

import os

import pytest

from sitimer.core.services import session_bus_address, session_bus_stuck, speechd_address, speechd_stuck
from tests.helpers.fake_service import FakeService


def test_the_session_bus_socket_is_read_from_the_address(monkeypatch):
    cases = {
        "unix:path=/run/user/1000/bus": "/run/user/1000/bus",
        "unix:abstract=/tmp/dbus-x,guid=1234": "@/tmp/dbus-x",
        "tcp:host=localhost,port=1234;unix:path=/tmp/bus": "/tmp/bus",
        "autolaunch:": None,
        "": None,
    }
    for value, expected in cases.items():
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", value)
        assert session_bus_address() == expected, value


def test_speech_dispatcher_is_looked_for_where_its_library_looks(monkeypatch, tmp_path):
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert speechd_address() == str(tmp_path / "speech-dispatcher" / "speechd.sock")
    monkeypatch.setenv("SPEECHD_ADDRESS", "unix_socket:/somewhere/speechd.sock")
    assert speechd_address() == "/somewhere/speechd.sock"
    monkeypatch.setenv("SPEECHD_ADDRESS", "inet_socket:127.0.0.1:6560")
    assert speechd_address() is None


@pytest.mark.parametrize(
    ("answer", "stuck"), [(b"OK 1234abcd\r\n", False), (b"REJECTED EXTERNAL\r\n", False), (None, True)]
)
def test_a_session_bus_that_does_not_answer_is_stuck(monkeypatch, tmp_path, answer, stuck):
    path = tmp_path / "bus"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={path}")
    with FakeService(path, answer) as bus:
        assert session_bus_stuck(timeout_s=0.5) is stuck
    # the question is the handshake's first: a NUL byte, then AUTH EXTERNAL with our user id in hex
    assert bus.questions == [b"\0AUTH EXTERNAL " + str(os.getuid()).encode().hex().encode() + b"\r\n"]


@pytest.mark.parametrize(("answer", "stuck"), [(b"208 OK CLIENT NAME SET\r\n", False), (None, True)])
def test_a_speech_dispatcher_that_does_not_answer_is_stuck(monkeypatch, tmp_path, answer, stuck):
    path = tmp_path / "speechd.sock"
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    with FakeService(path, answer):
        assert speechd_stuck(timeout_s=0.5) is stuck


def test_no_service_at_all_is_not_stuck(monkeypatch, tmp_path):
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'speechd.sock'}")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'bus'}")
    assert not speechd_stuck(timeout_s=0.5)  # its library starts a new one
    assert not session_bus_stuck(timeout_s=0.5)  # Qt finds no bus at once
