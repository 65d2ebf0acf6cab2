"""One sitimer per data folder: a second start is told "shown" by the one listening, or goes on."""

import os
import socket
import stat
import sys
import threading
from pathlib import Path

import pytest

from sitimer.core import running

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")


@pytest.fixture(autouse=True)
def _runtime(runtime_dir: Path) -> None:
    """Each test its own runtime folder, so no real sitimer on this machine answers."""


def serve_once(
    server: socket.socket, shown: list[str], connections: int = 1, tokens: list[str | None] | None = None
) -> threading.Thread:
    """Answer the next ``connections`` from a thread, as the app's event loop would; the activation
    tokens the starts passed on go into ``tokens``."""

    def showing(token: str | None) -> None:
        shown.append("shown")
        if tokens is not None:
            tokens.append(token)

    def take() -> None:
        server.setblocking(True)
        for _ in range(connections):
            running.answer(server, showing)

    thread = threading.Thread(target=take)
    thread.start()
    return thread


def test_a_second_start_is_answered_by_the_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    server = running.listen(data)
    assert server is not None
    shown: list[str] = []
    thread = serve_once(server, shown)
    assert running.ask_to_show(data)
    thread.join(5)
    assert shown == ["shown"]
    path = running.socket_path(data)
    assert path is not None and stat.S_IMODE(path.parent.stat().st_mode) == 0o700  # this user's only
    running.stop(server, data)
    assert not path.exists()  # the next start is a first one
    assert not running.ask_to_show(data)


def test_the_launchers_activation_token_goes_along_and_nothing_else(tmp_path: Path) -> None:
    """On Wayland the desktop gives the start it launches a one-use token; the window that comes up
    is the running one's, so that one needs it. Anything that is no token is not passed on."""
    data = tmp_path / "data"
    server = running.listen(data)
    assert server is not None
    sent = [
        "5b3c0c3e-6f1a-4e53-9a4e-2f3c1d9e7a10_TIME12345",  # mutter's
        "gnome-shell/sitimer/4321-0-host_TIME99",  # a startup id, as GLib before 2.76 names it
        None,
        "",
        "two words",
        "new\nline",
        "tōken",
        "x" * (running.TOKEN_MAX + 1),
    ]
    shown: list[str] = []
    tokens: list[str | None] = []
    thread = serve_once(server, shown, connections=len(sent), tokens=tokens)
    for token in sent:
        assert running.ask_to_show(data, token=token)
    thread.join(5)
    assert tokens == [sent[0], sent[1], None, None, None, None, None, None]
    running.stop(server, data)


def test_a_start_that_says_something_else_is_not_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    server = running.listen(data)
    assert server is not None
    path = running.socket_path(data)
    assert path is not None
    shown: list[str] = []
    thread = serve_once(server, shown, connections=3)
    for said in (b"shown\n", b"show", b"show " + b"x" * 2000 + b"\n"):  # another word; no end; too long
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(str(path))
            client.sendall(said)
            client.shutdown(socket.SHUT_WR)
            assert client.makefile("rb").read() == b""
    thread.join(5)
    assert shown == []
    running.stop(server, data)


def test_another_data_folder_is_another_sitimer(tmp_path: Path) -> None:
    server = running.listen(tmp_path / "one")
    assert server is not None
    assert running.socket_path(tmp_path / "one") != running.socket_path(tmp_path / "two")
    assert not running.ask_to_show(tmp_path / "two")
    running.stop(server, tmp_path / "one")


def test_a_socket_left_by_a_crash_is_no_sitimer_and_is_replaced(tmp_path: Path) -> None:
    data = tmp_path / "data"
    crashed = running.listen(data)
    assert crashed is not None
    crashed.close()  # the process died: its socket file stays, nobody listens
    path = running.socket_path(data)
    assert path is not None and path.exists()
    assert not running.ask_to_show(data)  # the new start goes on as a first one
    server = running.listen(data)  # and listens in its place
    assert server is not None
    running.stop(server, data)


def test_a_second_listener_for_the_same_folder_leaves_the_first_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = running.listen(data)
    assert first is not None
    assert running.listen(data) is None  # the first still answers: its socket is not taken away
    shown: list[str] = []
    thread = serve_once(first, shown, connections=2)  # the second's look, which says nothing; a start
    assert running.ask_to_show(data)
    thread.join(5)
    assert shown == ["shown"]
    running.stop(first, data)


def test_a_listener_that_does_not_answer_in_time_is_given_up(tmp_path: Path) -> None:
    data = tmp_path / "data"
    server = running.listen(data)
    assert server is not None
    assert not running.ask_to_show(data, wait_s=0.2)  # its event loop busy: never told "shown"
    running.stop(server, data)


def test_a_folder_someone_else_can_open_is_not_used(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = running.socket_path(data)
    assert path is not None
    path.parent.mkdir(mode=0o755)
    os.chmod(path.parent, 0o755)  # made by another user first, or open to all: not trusted
    assert running.listen(data) is None
    assert not running.ask_to_show(data)


def test_windows_has_no_socket_and_every_start_is_its_own(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert running.socket_path(tmp_path) is None
    assert running.listen(tmp_path) is None
    assert not running.ask_to_show(tmp_path)


@pytest.mark.parametrize(
    ("given", "passed"),
    [
        ({"XDG_ACTIVATION_TOKEN": "abc_TIME1", "DESKTOP_STARTUP_ID": "old_TIME1"}, "abc_TIME1"),
        ({"DESKTOP_STARTUP_ID": "gnome-shell/sitimer/1-0-host_TIME7"}, "gnome-shell/sitimer/1-0-host_TIME7"),
        ({}, None),
    ],
)
def test_a_second_sitimer_passes_on_what_the_desktop_gave_it(
    tmp_path: Path, monkeypatch, capsys, given: dict[str, str], passed: str | None
) -> None:
    """``sitimer`` from the menu while one runs: GNOME 43 (GLib before 2.76) names the token only
    DESKTOP_STARTUP_ID, later desktops XDG_ACTIVATION_TOKEN."""
    from sitimer.cli import main

    for name in ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID"):
        monkeypatch.delenv(name, raising=False)
    for name, value in given.items():
        monkeypatch.setenv(name, value)
    data = tmp_path / "data"
    server = running.listen(data)
    assert server is not None
    shown: list[str] = []
    tokens: list[str | None] = []
    thread = serve_once(server, shown, tokens=tokens)
    assert main(["--data-dir", str(data)]) == 0
    thread.join(5)
    assert (shown, tokens) == (["shown"], [passed])
    assert "already running" in capsys.readouterr().err
    running.stop(server, data)


def test_a_programme_file_goes_along_to_be_shown_or_started(tmp_path: Path) -> None:
    """A double-clicked file (`open FILE`) and a patient's `run FILE` while sitimer runs: the running
    one takes the file; before, each opened a second window (and two sessions could run at once)."""
    data = tmp_path / "data"
    server = running.listen(data)
    assert server is not None
    handed: list[tuple[Path, bool, str | None]] = []

    def take_file(path: Path, start: bool, token: str | None) -> bool:
        handed.append((path, start, token))
        return path.name != "relative.yaml"  # that one arrives during a session: shown later

    def take() -> None:
        server.setblocking(True)
        for _ in range(3):
            running.answer(server, lambda token: None, take_file)

    thread = threading.Thread(target=take)
    thread.start()
    spaced = tmp_path / "Mijn downloads" / "oefeningen (1).sitimer.yaml"
    dutch = tmp_path / "knieën.sitimer.yaml"
    assert running.ask_to_open(data, spaced, start=False) == "shown"
    assert running.ask_to_open(data, dutch, start=True, token="tok_TIME1") == "shown"
    assert running.ask_to_open(data, Path("relative.yaml"), start=False) == "later"
    thread.join(5)
    assert handed == [
        (spaced, False, None),
        (dutch, True, "tok_TIME1"),
        (Path.cwd() / "relative.yaml", False, None),
    ]
    running.stop(server, data)
    assert running.ask_to_open(data, dutch, start=True) is None  # nobody listens: it goes on by itself


def test_an_executable_replaced_on_disk_is_a_new_installation(tmp_path: Path) -> None:
    program = tmp_path / "sitimer"
    program.write_bytes(b"version 1")
    installed = running.Installed(program)
    assert not installed.changed()
    newer = tmp_path / "sitimer.dpkg-new"
    newer.write_bytes(b"version 2")
    os.replace(newer, program)  # as dpkg puts a new version in place
    assert installed.changed()
    assert not running.Installed(None).changed()  # run from source: nothing to watch


def test_a_sitimer_installed_anew_under_it_ends_and_the_start_goes_on_as_a_first_one(tmp_path: Path) -> None:
    """After an upgrade the reminders started at login were the old program, and every start showed
    the old program's window until the next login."""
    data = tmp_path / "data"
    server = running.listen(data)
    assert server is not None
    shown: list[str] = []

    def take() -> None:
        server.setblocking(True)
        running.answer(server, shown.append, renewed=lambda: True)
        running.stop(server, data)  # the old sitimer ends, as the app quits

    thread = threading.Thread(target=take)
    thread.start()
    assert not running.ask_to_show(data, wait_s=5)  # not shown: this start goes on
    thread.join(5)
    assert shown == []
    path = running.socket_path(data)
    assert path is not None and not path.exists()  # let go: this start can listen in its place
    again = running.listen(data)
    assert again is not None
    running.stop(again, data)
