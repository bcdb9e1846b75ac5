#!/usr/bin/env bash
# The body of scripts/test.sh, run inside dbus-run-session.
set -euo pipefail
# The keychain is started by D-Bus on the first call (scripts/keyring-service.sh).

echo "== hygiene (rustfmt, clippy -D warnings)"
cargo fmt --all --check
# Both ways the app crate builds: as users get it, and with the e2e seam.
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --workspace --all-targets --quiet --features vpsdesk/e2e -- -D warnings

echo "== hygiene (eslint, ui)"
npm run lint --silent

echo "== cargo test (core, conformance, sandbox, vpsctl, bindings)"
# The fixed fuzzing budget of every proptest target; `make fuzz` runs 20,000.
export PROPTEST_CASES="${PROPTEST_CASES:-256}"
cargo test --workspace --quiet 2>&1 | tee "$VPSDESK_TEST_HOME/cargo-test.log"

echo "== vitest (ui)"
npm test --silent

echo "== e2e (built app under Xvfb via tauri-driver)"
npm run build --silent
# Built right before the run: a plain cargo build/test re-links the binary
# to the dev-server variant (TAURI-ON-LINUX.md, pitfall 1). `e2e` lets the
# tests answer the backend's file dialogs (src-tauri/src/files.rs); only this
# build has it.
cargo build --quiet --features tauri/custom-protocol,e2e --bin vpsdesk
mkdir -p artifacts
APP_BIN="$PWD/target/debug/vpsdesk" tests/e2e/run.sh discover -s tests/e2e -p "test_*.py" -v

echo "== secret scan"
.venv/bin/python tests/scan_secrets.py "$VPSDESK_TEST_HOME" artifacts
