"""A stand-in for the desktop's org.freedesktop.Notifications, for the reminder tests.

Run it on a private bus: ``dbus-run-session -- python fake_notifications.py [--no-service]``.
It prints ``READY <pid> <bus address>`` once it owns the name, then one line per call it gets:
``Notify <id> <JSON of app_name, replaces_id, icon, summary, body, actions, hints, timeout>``
and ``CloseNotification <id>``. Lines on its stdin make it send signals as a desktop would:
``invoke <id> <action>`` (ActionInvoked), ``token <id> <token>`` (ActivationToken, which GNOME 46
and KDE send just before ActionInvoked) and ``close <id> <reason>`` (NotificationClosed), to the
program that sent that notification alone, as dunst does. It quits when its stdin closes.

It is what real servers are to a client (dunst, notification-daemon, xfce4-notifyd): it
describes Notify in plain D-Bus introspection, with no Qt type names (Qt reads its hints as a
``QDBusRawType``), and serves it only with the specification's argument types
(``susssasa{sv}i``); any other call is refused with InvalidArgs, as GDBus refuses it.
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import sys
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    message_bus,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
NOTIFY = "susssasa{sv}i"

# What dunst 1.9 answers to Introspect (the methods sitimer uses, and the signals).
INTROSPECTION = f"""<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">
<node name="{PATH}">
  <interface name="{SERVICE}">
    <method name="GetCapabilities"><arg direction="out" name="capabilities" type="as"/></method>
    <method name="Notify">
      <arg direction="in" name="app_name" type="s"/>
      <arg direction="in" name="replaces_id" type="u"/>
      <arg direction="in" name="app_icon" type="s"/>
      <arg direction="in" name="summary" type="s"/>
      <arg direction="in" name="body" type="s"/>
      <arg direction="in" name="actions" type="as"/>
      <arg direction="in" name="hints" type="a{{sv}}"/>
      <arg direction="in" name="expire_timeout" type="i"/>
      <arg direction="out" name="id" type="u"/>
    </method>
    <method name="CloseNotification"><arg direction="in" name="id" type="u"/></method>
    <method name="GetServerInformation">
      <arg direction="out" name="name" type="s"/><arg direction="out" name="vendor" type="s"/>
      <arg direction="out" name="version" type="s"/><arg direction="out" name="spec_version" type="s"/>
    </method>
    <signal name="NotificationClosed"><arg name="id" type="u"/><arg name="reason" type="u"/></signal>
    <signal name="ActionInvoked"><arg name="id" type="u"/><arg name="action_key" type="s"/></signal>
    <signal name="ActivationToken"><arg name="id" type="u"/><arg name="activation_token" type="s"/></signal>
  </interface>
</node>
"""


def plain(value: Any) -> Any:
    """jeepney's (signature, value) variants as their values, for JSON."""
    if isinstance(value, dict):
        return {k: plain(v[1]) if isinstance(v, tuple) else plain(v) for k, v in value.items()}
    return value


def main() -> int:
    """Own the name (unless told not to), say READY, serve until stdin closes."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-service", action="store_true", help="stay on the bus but own no name")
    args = parser.parse_args()

    bus = open_dbus_connection("SESSION")
    if not args.no_service:
        bus.send_and_get_reply(message_bus.RequestName(SERVICE))
    emitter = DBusAddress(PATH, interface=SERVICE)
    senders: dict[int, str] = {}  # notification id -> the unique name that sent it
    last_id = 0

    def answer(call: Any) -> None:
        nonlocal last_id
        fields = call.header.fields
        member, signature = fields.get(HeaderFields.member), fields.get(HeaderFields.signature, "")
        if member == "Introspect":
            bus.send(new_method_return(call, "s", (INTROSPECTION,)))
        elif member == "GetCapabilities":
            bus.send(new_method_return(call, "as", (["actions", "body"],)))
        elif member == "GetServerInformation":
            bus.send(new_method_return(call, "ssss", ("fake", "sitimer tests", "1", "1.2")))
        elif member == "Notify" and signature == NOTIFY:
            last_id += 1
            senders[last_id] = fields[HeaderFields.sender]
            print("Notify", last_id, json.dumps([plain(v) for v in call.body]), flush=True)
            bus.send(new_method_return(call, "u", (last_id,)))
        elif member == "CloseNotification" and signature == "u":
            print("CloseNotification", call.body[0], flush=True)
            bus.send(new_method_return(call))
        else:
            print("REFUSED", member, signature, flush=True)
            text = f"Type of message, “({signature})”, does not match the expected type"
            bus.send(new_error(call, "org.freedesktop.DBus.Error.InvalidArgs", "s", (text,)))

    def signal(name: str, signature: str, body: tuple[Any, ...]) -> None:
        message = new_signal(emitter, name, signature, body)
        message.header.fields[HeaderFields.destination] = senders.get(body[0], "org.example.nobody")
        bus.send(message)

    selector = selectors.DefaultSelector()
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "stdin")
    selector.register(bus.sock, selectors.EVENT_READ, "bus")
    print("READY", os.getpid(), os.environ["DBUS_SESSION_BUS_ADDRESS"], flush=True)
    pending = b""
    while True:
        for key, _ in selector.select():
            if key.data == "bus":
                try:
                    while True:  # every message that came, also those a read took in at once
                        message = bus.receive(timeout=0)
                        if message.header.message_type == MessageType.method_call:
                            answer(message)
                except TimeoutError:
                    pass
                continue
            data = os.read(sys.stdin.fileno(), 4096)  # not readline: two lines may come in one read
            if not data:
                return 0
            *lines, pending = (pending + data).split(b"\n")
            for line in lines:
                command, first, second = line.decode().split()
                if command == "invoke":
                    signal("ActionInvoked", "us", (int(first), second))
                elif command == "token":
                    signal("ActivationToken", "us", (int(first), second))
                elif command == "close":
                    signal("NotificationClosed", "uu", (int(first), int(second)))


if __name__ == "__main__":
    sys.exit(main())
