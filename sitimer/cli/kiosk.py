"""`sitimer kiosk set-pin | assign | station | idle | show`, and starting the kiosk (`--kiosk`)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from sitimer.cli.common import load
from sitimer.core.kiosk.config import (
    CODE_MAX,
    CODE_MIN,
    IDLE_MINUTES_RANGE,
    OLD_CODE_MIN,
    KioskConfig,
    KioskConfigStore,
    programme_ref,
    resolve_programme,
    valid_code,
)
from sitimer.core.kiosk.pin import PIN_MAX, PIN_MIN, hash_pin, valid_pin
from sitimer.core.notices import say
from sitimer.core.options import Options, UserError


def run_kiosk(args: argparse.Namespace, options: Options) -> int:
    """`sitimer --kiosk`, or `"kiosk": true` in settings.json."""
    if args.command == "run":
        say("--kiosk starts the kiosk; it does not go with run")
        return 2
    from sitimer.qt.kiosk import app

    return app.run(options)


def cmd_kiosk(args: argparse.Namespace) -> int:
    """Change the kiosk's set-up in kiosk.json in the data folder."""
    from sitimer.core.paths import data_dir

    folder = data_dir(args.data_dir)
    store = KioskConfigStore.in_folder(folder)
    config = store.load()
    say(*store.notices)
    if args.kiosk_action == "show":
        print(json.dumps(config.public_json(), indent=2))
        return 0
    changes = {"set-pin": _set_pin, "assign": _assign, "station": _station, "idle": _idle}
    changed = changes[args.kiosk_action](args, config, folder)
    if changed is None:
        return 1
    try:
        store.save(changed)
    except OSError as err:
        raise UserError(f"cannot save the kiosk set-up {store.path}: {err.strerror or err}") from None
    print(f"{store.path}: saved")
    return 0


def _set_pin(_args: argparse.Namespace, config: KioskConfig, _folder: Path) -> KioskConfig | None:
    pin = _read_pin()
    if pin is None:
        return None
    if not valid_pin(pin):
        say(f"a PIN is {PIN_MIN} to {PIN_MAX} digits; nothing changed")
        return None
    return replace(config, pin=hash_pin(pin))


def _assign(args: argparse.Namespace, config: KioskConfig, folder: Path) -> KioskConfig | None:
    known = args.code in config.codes and valid_code(args.code, OLD_CODE_MIN)
    if not (valid_code(args.code) or known):  # an older short code may still change or go
        say(f"a code is {CODE_MIN} to {CODE_MAX} digits: {args.code!r}")
        return None
    if not args.files and args.code not in config.codes:
        say(f"code {args.code} has no programmes here: nothing to remove")
        return None
    refs = [_ref(name, folder) for name in args.files]
    if None in refs:
        return None
    return config.assign(args.code, [r for r in refs if r])


def _station(args: argparse.Namespace, config: KioskConfig, folder: Path) -> KioskConfig | None:
    if args.off:
        return replace(config, station=None)
    if not args.file:  # not a way to turn it off by mistake
        now = f"the station now: {config.station}" if config.station else "there is no station now"
        say(f"name the station's programme file, or --off for none ({now}); nothing changed")
        return None
    station = _ref(args.file, folder)
    return None if station is None else replace(config, station=station)


def _idle(args: argparse.Namespace, config: KioskConfig, _folder: Path) -> KioskConfig | None:
    low, high = IDLE_MINUTES_RANGE
    if not low <= args.minutes <= high:
        say(f"idle minutes must be from {low:g} to {high:g}")
        return None
    return replace(config, idle_minutes=args.minutes)


def _ref(name: str, folder: Path) -> str | None:
    """A programme file as the set-up names it, once it loads (its problems told when it does not)."""
    from sitimer.core.paths import programmes_dir

    path = Path(name) if Path(name).exists() else resolve_programme(name, folder, programmes_dir())
    return None if load(path) is None else programme_ref(path, folder, programmes_dir())


def _read_pin() -> str | None:
    """The new PIN: typed twice without echo, or the first line of stdin when it is not a terminal."""
    import getpass

    if not sys.stdin.isatty():
        lines = sys.stdin.read().splitlines()
        if len(lines) > 1 and lines[1] and lines[1] != lines[0]:
            say("the two PINs differ; nothing changed")
            return None
        return lines[0].strip() if lines else ""
    first = getpass.getpass("Therapist PIN (4 to 12 digits): ")
    if getpass.getpass("The same PIN again: ") != first:
        say("the two PINs differ; nothing changed")
        return None
    return first
