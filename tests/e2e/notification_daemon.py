"""A stand-in for the desktop's notification daemon on the test's D-Bus
session, which has none: it owns org.freedesktop.Notifications, answers
Notify as a real daemon does (with the notification's id) and writes each
call as one JSON line to the file named on the command line, so a test can
check what the app asked the desktop to show. Prints "ready" once it owns
the name. Pure Python (jeepney), so it needs no GLib main loop."""
import json
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
DO_NOT_QUEUE = 4


def main(record):
    conn = open_dbus_connection(bus="SESSION")
    owned = conn.send_and_get_reply(message_bus.RequestName(NAME, DO_NOT_QUEUE)).body[0]
    if owned != 1:  # 1: primary owner
        sys.exit(f"{NAME} is owned by another program on this bus")
    print("ready", flush=True)
    next_id = 0
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member = msg.header.fields.get(HeaderFields.member)
        if member == "Notify":
            app_name, _replaces, icon, summary, body, actions, _hints, timeout = msg.body
            next_id += 1
            with open(record, "a") as f:
                f.write(json.dumps({"id": next_id, "app_name": app_name, "icon": icon, "summary": summary,
                                    "body": body, "actions": list(actions), "timeout": timeout}) + "\n")
            conn.send(new_method_return(msg, "u", (next_id,)))
        elif member == "GetCapabilities":
            conn.send(new_method_return(msg, "as", (["body"],)))
        elif member == "GetServerInformation":
            conn.send(new_method_return(msg, "ssss", ("vpsdesk-e2e", "vpsdesk", "1", "1.2")))
        elif member == "CloseNotification":
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    main(sys.argv[1])
