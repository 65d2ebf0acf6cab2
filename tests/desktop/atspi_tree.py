"""What a screen reader gets from a running application, read over AT-SPI by the system's Python.

    /usr/bin/python3 tests/desktop/atspi_tree.py APP WANTED TIMEOUT_S

Run by Debian's ``python3`` with ``python3-pyatspi`` (the venv has no GObject bindings), beside an
application on the same D-Bus session with the AT-SPI bus up. Once a node of the application named
APP shows a name containing WANTED, it prints the showing nodes as one JSON list (role, name,
description) and exits 0; after TIMEOUT_S without one, it prints the last it read and exits 1.
Imports nothing of sitimer.
"""

import json
import sys
import time

import pyatspi


def nodes(node):
    """``node`` and everything under it."""
    yield node
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield from nodes(child)


def showing(app):
    found = []
    for node in nodes(app):
        try:
            if node.getState().contains(pyatspi.STATE_SHOWING):
                found.append({"role": node.getRoleName(), "name": node.name, "description": node.description})
        except Exception:  # a node gone while read (the screen changes): the next round reads it again
            continue
    return found


def main(app_name, wanted, timeout_s):
    end = time.monotonic() + timeout_s
    found = []
    while time.monotonic() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == app_name:
                found = showing(app)
                if any(wanted in item["name"] for item in found):
                    print(json.dumps(found))
                    return 0
        time.sleep(0.2)  # another process's tree: nothing to wait on but reading it again
    print(json.dumps(found))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
