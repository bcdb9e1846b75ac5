#!/usr/bin/env bash
# The body of scripts/bench.sh, inside a private D-Bus session with a keyring.
set -euo pipefail
printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null

echo "== full refresh vs one account (Desk over the sandbox)"
cargo bench --quiet -p vpsdesk-core --bench refresh

echo "== vpsctl servers list vs the same raw HTTP call (curl), against the sandbox"
.venv/bin/python tests/bench_cli.py target/release/vpsctl target/release/vpsdesk-sandbox
