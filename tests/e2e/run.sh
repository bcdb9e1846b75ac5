#!/usr/bin/env bash
# Runs the e2e tests against APP_BIN under Xvfb through tauri-driver on free
# ports (so parallel runs on one machine never share a driver). Expects a
# D-Bus session with an unlocked keyring (scripts/test-in-session.sh).
# Usage: tests/e2e/run.sh [unittest args, default: discover all]
set -euo pipefail
cd "$(dirname "$0")/../.."
ports=$(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
read -r port native <<<"$ports"
[ $# -gt 0 ] || set -- discover -s tests/e2e -p "test_*.py" -v
export WEBDRIVER_URL="http://127.0.0.1:$port"
# The e2e build (feature `e2e`) answers the backend's save dialog with this
# folder plus the suggested name; the app inherits it through tauri-driver.
if [ -z "${VPSDESK_E2E_SAVE_DIR:-}" ]; then
  VPSDESK_E2E_SAVE_DIR=$(mktemp -d "${VPSDESK_TEST_HOME:-/tmp}/e2e-saved.XXXXXX")
  trap 'rm -rf "$VPSDESK_E2E_SAVE_DIR"' EXIT
fi
export VPSDESK_E2E_SAVE_DIR
log=${VPSDESK_TEST_HOME:-/tmp}/tauri-driver-$port.log
xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
  tauri-driver --port '"$port"' --native-port '"$native"' >"'"$log"'" 2>&1 & D=$!
  trap "kill $D 2>/dev/null" EXIT
  for _ in $(seq 50); do (echo >/dev/tcp/127.0.0.1/'"$port"') 2>/dev/null && break; sleep 0.1; done
  .venv/bin/python -m unittest "$@"' bash "$@"
