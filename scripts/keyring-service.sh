#!/usr/bin/env bash
# Sourced by scripts/test.sh and scripts/bench.sh with XDG_DATA_HOME set to their private dir,
# before they start their private D-Bus session: D-Bus then starts the Secret Service on the first
# keychain call as a gnome-keyring unlocked with an empty password (a throwaway keyring in that
# dir), and starts it again the same way, on the same keyring, if it dies. gnome-keyring-daemon
# has died here on a GLib trap (stop 30's CI, stop 31's bench); Debian's own service file then
# started a locked one, whose unlock prompt cannot open a display, and every later call failed.
keyring_services="$XDG_DATA_HOME/dbus-1/services"
mkdir -p "$keyring_services"
cat >"$keyring_services/unlocked-keyring" <<'SH'
#!/bin/sh
printf '\n' | exec gnome-keyring-daemon --foreground --unlock --components=secrets
SH
chmod +x "$keyring_services/unlocked-keyring"
# XDG_DATA_HOME comes first among the session bus's service dirs: this file wins over Debian's.
printf '[D-BUS Service]\nName=org.freedesktop.secrets\nExec=%s\n' "$keyring_services/unlocked-keyring" \
  >"$keyring_services/org.freedesktop.secrets.service"
