#!/usr/bin/env bash
# Installs what is missing, builds vpsdesk (UI embedded) and starts it. With
# no account configured yet it opens on the embedded sandbox's demo accounts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
npm run build
cargo build --features tauri/custom-protocol --bin vpsdesk
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  # No desktop session (a bare server or container): bring up a session bus
  # with an unlocked keyring so the keychain works.
  exec dbus-run-session -- bash -c 'printf "\n" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; VPSDESK_DEMO=1 exec ./target/debug/vpsdesk'
fi
VPSDESK_DEMO=1 exec ./target/debug/vpsdesk
