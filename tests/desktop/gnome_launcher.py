"""A launcher as GNOME's is, on a headless mutter, for Debian's own Python with GTK 4 (python3-gi,
gir1.2-gtk-4.0): not the project's venv.

    /usr/bin/python3 tests/desktop/gnome_launcher.py -- COMMAND...

Its window takes the focus; a key is pressed on it through mutter's RemoteDesktop API (a real
input event, so the compositor knows the click, here a key, that asked); the key launches COMMAND
with GTK's launch context, which asks mutter for an activation token and hands it to COMMAND, as
GNOME Shell does for a menu entry. Then it waits up to ``--wait`` seconds for its window to lose
the focus, and prints one JSON line: the events seen, and whether it still has the focus.
"""

import argparse
import json
import shlex
import time

import gi

gi.require_version("Gtk", "4.0")
from gi.repository import Gio, GLib, Gtk  # noqa: E402

REMOTE = "org.gnome.Mutter.RemoteDesktop"
KEY_A = 30  # evdev's code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wait", type=float, default=15.0)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    bus = Gio.bus_get_sync(Gio.BusType.SESSION)

    def call(path: str, method: str, values: GLib.Variant | None = None) -> GLib.Variant:
        interface = REMOTE if path == "/org/gnome/Mutter/RemoteDesktop" else f"{REMOTE}.Session"
        return bus.call_sync(REMOTE, path, interface, method, values, None, 0, 5000, None)

    session = call("/org/gnome/Mutter/RemoteDesktop", "CreateSession").unpack()[0]
    call(session, "Start")
    events: list[str] = []
    start = time.monotonic()
    loop = GLib.MainLoop()
    window = Gtk.Window(title="launcher")
    window.set_default_size(320, 200)
    launched: list[bool] = []

    def note(what: str) -> None:
        events.append(f"{time.monotonic() - start:.2f} {what}")

    def focus_changed(*_: object) -> None:
        note("launcher active" if window.is_active() else "launcher inactive")
        if launched and not window.is_active():
            GLib.timeout_add(300, loop.quit)  # what follows at once is seen too

    def press() -> bool:
        # The virtual keyboard's first keys may come before its seat has a keyboard: press until one arrives.
        if launched:
            return False
        call(session, "NotifyKeyboardKeycode", GLib.Variant("(ub)", (KEY_A, True)))
        call(session, "NotifyKeyboardKeycode", GLib.Variant("(ub)", (KEY_A, False)))
        return True

    def key_pressed(*_: object) -> bool:
        if not launched:
            launched.append(True)
            note("key pressed")
            flags = Gio.AppInfoCreateFlags.SUPPORTS_STARTUP_NOTIFICATION
            app = Gio.AppInfo.create_from_commandline(shlex.join(args.command), "sitimer", flags)
            app.launch([], window.get_display().get_app_launch_context())
            note("launched")
            GLib.timeout_add(int(args.wait * 1000), loop.quit)
        return True

    keys = Gtk.EventControllerKey()
    keys.connect("key-pressed", key_pressed)
    window.add_controller(keys)
    window.connect("notify::is-active", focus_changed)
    window.present()
    GLib.timeout_add(500, press)
    GLib.timeout_add(int(args.wait * 1000) * 2, loop.quit)  # never a key: give up
    loop.run()
    report = {"events": events, "launched": bool(launched), "active": window.is_active()}
    print(json.dumps(report), flush=True)
    call(session, "Stop")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
