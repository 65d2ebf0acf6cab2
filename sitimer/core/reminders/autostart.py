"""Start at login (opt-in): sitimer runs in the background with ``--reminders``, so reminders come.

Linux and other freedesktop systems: an autostart entry ``$XDG_CONFIG_HOME/autostart/sitimer.desktop``
(``~/.config`` when unset). Windows: a small ``sitimer.cmd`` in the user's Startup folder. macOS: a
launch agent ``~/Library/LaunchAgents/nl.sitimer.reminders.plist``, which launchd runs at login. The
patient turns it off in the reminder settings, which removes the file. Nothing else is touched.
"""

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ENTRY_NAME = "sitimer.desktop"
WINDOWS_NAME = "sitimer.cmd"
MACOS_LABEL = "nl.sitimer.reminders"
REMINDERS_FLAG = "--reminders"
# Desktop Entry Specification, "The Exec key": an argument with any of these is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def command(
    data_dir: Path | None = None,
    python: str | None = None,
    lang: str | None = None,
    *,
    frozen: bool | None = None,
) -> list[str]:
    """The command line that starts sitimer's reminders: this Python, ``-m sitimer --reminders``.

    A packaged sitimer (``frozen``, PyInstaller's ``sys.frozen``) is its own executable: that,
    ``--reminders``. ``lang``: the language the patient chose (``--lang``), kept for the reminders
    at login; a Dutch patient on an English system would otherwise be reminded in English.
    """
    exe = Path(python or sys.executable)
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        argv = [str(exe), REMINDERS_FLAG]
    else:
        windowless = exe.with_name("pythonw.exe")  # Windows: no console window at login
        if exe.name.lower() == "python.exe" and windowless.exists():
            exe = windowless
        argv = [str(exe), "-m", "sitimer", REMINDERS_FLAG]
    if lang:
        argv += ["--lang", lang]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    return argv


def entry_path(
    platform: str = sys.platform, env: Mapping[str, str] | None = None, home: Path | None = None
) -> Path | None:
    """Where the start-at-login file goes; None where sitimer cannot start at login."""
    env = os.environ if env is None else env
    home = home or Path.home()
    if platform == "win32":
        appdata = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
        return appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup" / WINDOWS_NAME
    if platform == "darwin":
        return home / "Library" / "LaunchAgents" / f"{MACOS_LABEL}.plist"
    if platform.startswith("linux") or "bsd" in platform:
        config = env.get("XDG_CONFIG_HOME", "")
        # The spec: a relative XDG_CONFIG_HOME is invalid and is ignored.
        base = Path(config) if config and Path(config).is_absolute() else home / ".config"
        return base / "autostart" / ENTRY_NAME
    return None


def _exec_argument(arg: str) -> str:
    arg = arg.replace("%", "%%")
    if not any(c in _RESERVED for c in arg):
        return arg
    for c in '\\"`$':
        arg = arg.replace(c, "\\" + c)
    return f'"{arg}"'


def exec_line(argv: Sequence[str]) -> str:
    """``argv`` as the value of a desktop entry's Exec key, quoted and escaped as the spec says."""
    quoted = " ".join(_exec_argument(a) for a in argv)
    # The value is then a "string": its own backslashes are escaped once more.
    return quoted.replace("\\", "\\\\")


def desktop_entry(argv: Sequence[str]) -> str:
    """The autostart entry's text."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=sitimer reminders",
            "Name[nl]=sitimer-herinneringen",
            "Comment=Reminders for your exercise programme",
            "Comment[nl]=Herinneringen voor uw oefenprogramma",
            f"Exec={exec_line(argv)}",
            # a desktop passes over an entry whose program is gone (sitimer removed with apt)
            f"TryExec={exec_line(argv[:1])}",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def windows_script(argv: Sequence[str]) -> str:
    """The Startup folder's batch file: starts sitimer without waiting for it."""
    quoted = " ".join('"' + a.replace('"', "").replace("%", "%%") + '"' for a in argv)
    return f'@echo off\r\nstart "" {quoted}\r\n'


def launch_agent(argv: Sequence[str]) -> str:
    """The macOS launch agent's property list: run ``argv`` once at login, in the user's session."""
    agent = {
        "Label": MACOS_LABEL,
        "ProgramArguments": list(argv),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    return plistlib.dumps(agent).decode("utf-8")


def _file_text(argv: Sequence[str], platform: str) -> str:
    if platform == "win32":
        return windows_script(argv)
    return launch_agent(argv) if platform == "darwin" else desktop_entry(argv)


def enable(
    argv: Sequence[str],
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> Path:
    """Write the start-at-login file; returns where. OSError when it cannot be written."""
    path = entry_path(platform, env, home)
    if path is None:
        raise OSError(f"starting at login is not supported on {platform}")
    text = _file_text(argv, platform)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)
    return path


def disable(
    *, platform: str = sys.platform, env: Mapping[str, str] | None = None, home: Path | None = None
) -> bool:
    """Remove the start-at-login file; True when there was one."""
    path = entry_path(platform, env, home)
    if path is None or not path.exists():
        return False
    path.unlink()
    return True


def is_enabled(
    *, platform: str = sys.platform, env: Mapping[str, str] | None = None, home: Path | None = None
) -> bool:
    """Whether sitimer starts at login (the file is there)."""
    path = entry_path(platform, env, home)
    return path is not None and path.is_file()
