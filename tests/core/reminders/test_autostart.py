"""Start at login: the autostart entry is written, valid, and removed, in a temporary home."""

from __future__ import annotations

import configparser
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitimer.core.reminders import autostart


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CONFIG_HOME": str(tmp_path / "config")}


def test_entry_goes_into_xdg_config_home_and_is_removed(tmp_path: Path, env: dict[str, str]) -> None:
    argv = autostart.command(tmp_path / "data", python="/usr/bin/python3")
    assert not autostart.is_enabled(platform="linux", env=env, home=tmp_path)

    path = autostart.enable(argv, platform="linux", env=env, home=tmp_path)
    assert path == tmp_path / "config" / "autostart" / "sitimer.desktop"
    assert autostart.is_enabled(platform="linux", env=env, home=tmp_path)

    assert autostart.disable(platform="linux", env=env, home=tmp_path) is True
    assert not path.exists() and path.parent.is_dir()
    assert autostart.disable(platform="linux", env=env, home=tmp_path) is False  # twice: harmless


def test_the_language_chosen_starts_at_login_too(tmp_path: Path, env: dict[str, str]) -> None:
    argv = autostart.command(tmp_path / "data", python="/usr/bin/python3", lang="nl")
    assert argv[3:] == ["--reminders", "--lang", "nl", "--data-dir", str(tmp_path / "data")]
    path = autostart.enable(argv, platform="linux", env=env, home=tmp_path)
    assert "-m sitimer --reminders --lang nl --data-dir" in path.read_text()


def test_without_xdg_config_home_it_is_dot_config(tmp_path: Path) -> None:
    assert (
        autostart.entry_path("linux", {}, tmp_path) == tmp_path / ".config" / "autostart" / "sitimer.desktop"
    )
    relative = {"XDG_CONFIG_HOME": "config"}  # invalid by the spec: ignored
    assert (
        autostart.entry_path("linux", relative, tmp_path)
        == tmp_path / ".config" / "autostart" / "sitimer.desktop"
    )


def _split_exec(value: str) -> list[str]:
    """An Exec value back into arguments, by the Desktop Entry Specification's rules."""
    value = value.replace("\\\\", "\\")  # the string escape first
    args: list[str] = []
    current, quoted, escaped, started = "", False, False, False
    for c in value:
        if escaped:
            current, escaped = current + c, False
        elif quoted and c == "\\":
            escaped = True
        elif c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if current or started:
                args.append(current)
            current, started = "", False
        else:
            current += c
    if current or started:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


def _parse(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_entry_content_is_valid_and_runs_the_reminders(tmp_path: Path, env: dict[str, str]) -> None:
    data = tmp_path / "my data" / "100% $HOME"  # a space, a percent and a dollar need escaping
    argv = autostart.command(data, python="/opt/sitimer venv/bin/python")
    path = autostart.enable(argv, platform="linux", env=env, home=tmp_path)

    entry = _parse(path)
    assert entry["Type"] == "Application"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["Terminal"] == "false"
    assert _split_exec(entry["Exec"]) == argv
    assert argv[1:4] == ["-m", "sitimer", "--reminders"] and argv[-1] == str(data)
    # apt remove sitimer left an entry whose program was gone ("No such file", exit 127 at login)
    assert _split_exec(entry["TryExec"]) == argv[:1]

    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_windows_puts_a_script_in_the_startup_folder(tmp_path: Path) -> None:
    env = {"APPDATA": str(tmp_path / "Roaming")}
    argv = [r"C:\Program Files\sitimer\pythonw.exe", "-m", "sitimer", "--reminders"]
    path = autostart.enable(argv, platform="win32", env=env, home=tmp_path)
    startup = tmp_path / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
    assert path == startup / "sitimer.cmd"
    text = path.read_bytes().decode()
    assert (
        text
        == '@echo off\r\nstart "" "C:\\Program Files\\sitimer\\pythonw.exe" "-m" "sitimer" "--reminders"\r\n'
    )
    assert autostart.disable(platform="win32", env=env, home=tmp_path)


def test_macos_starts_at_login_by_a_launch_agent(tmp_path: Path) -> None:
    argv = ["/Applications/sitimer.app/Contents/MacOS/sitimer", "--reminders", "--lang", "nl"]
    assert not autostart.is_enabled(platform="darwin", env={}, home=tmp_path)
    path = autostart.enable(argv, platform="darwin", env={}, home=tmp_path)
    assert path == tmp_path / "Library" / "LaunchAgents" / "nl.sitimer.reminders.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent == {
        "Label": "nl.sitimer.reminders",
        "ProgramArguments": argv,
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    assert autostart.is_enabled(platform="darwin", env={}, home=tmp_path)
    assert autostart.disable(platform="darwin", env={}, home=tmp_path) and not path.exists()


def test_a_packaged_sitimer_starts_itself_not_python_m(tmp_path: Path) -> None:
    exe = r"C:\Program Files\sitimer\sitimer.exe"
    argv = autostart.command(tmp_path / "data", python=exe, lang="nl", frozen=True)
    assert argv == [exe, "--reminders", "--lang", "nl", "--data-dir", str(tmp_path / "data")]
    path = autostart.enable(argv, platform="win32", env={"APPDATA": str(tmp_path)}, home=tmp_path)
    assert (
        path.read_text()
        .splitlines()[1]
        .startswith('start "" "C:\\Program Files\\sitimer\\sitimer.exe" "--reminders"')
    )


def test_frozen_is_read_from_sys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/sitimer/sitimer")
    assert autostart.command() == ["/opt/sitimer/sitimer", "--reminders"]
    monkeypatch.delattr(sys, "frozen")
    assert autostart.command()[1:] == ["-m", "sitimer", "--reminders"]
