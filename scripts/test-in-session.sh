#!/usr/bin/env bash
# The body of scripts/test.sh, run inside dbus-run-session.
set -euo pipefail
printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null

echo "== cargo test (core, conformance, sandbox, vpsctl, bindings)"
cargo test --workspace --quiet 2>&1 | tee "$VPSDESK_TEST_HOME/cargo-test.log"

echo "== vitest (ui)"
npm test --silent

echo "== e2e (built app under Xvfb via tauri-driver)"
npm run build --silent
# Built right before the run: a plain cargo build/test re-links the binary
# to the dev-server variant (TAURI-ON-LINUX.md, pitfall 1).
cargo build --quiet --features tauri/custom-protocol --bin vpsdesk
mkdir -p artifacts
xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
  tauri-driver >"$VPSDESK_TEST_HOME/tauri-driver.log" 2>&1 & D=$!
  trap "kill $D 2>/dev/null" EXIT
  sleep 1
  APP_BIN="$PWD/target/debug/vpsdesk" .venv/bin/python -m unittest discover -s tests/e2e -p "test_*.py" -v'

echo "== secret scan"
.venv/bin/python tests/scan_secrets.py "$VPSDESK_TEST_HOME" artifacts
