#!/usr/bin/env bash
# The body of scripts/bench.sh, inside a private D-Bus session with a keyring.
set -euo pipefail
printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null

echo "== full refresh vs one account (Desk over the sandbox)"
cargo bench --quiet -p vpsdesk-core --bench refresh

echo "== vpsctl servers list vs the same raw HTTP call (curl), against the sandbox"
.venv/bin/python tests/bench_cli.py target/release/vpsctl target/release/vpsdesk-sandbox

echo "== release build"
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "release binary: $(du -k target/release/vpsdesk | cut -f1) KiB; .deb: $(du -k "$deb" | cut -f1) KiB; vpsctl: $(du -k target/release/vpsctl | cut -f1) KiB"

echo "== cold start and idle memory (release build, demo accounts, under Xvfb)"
xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tests/bench_app.py target/release/vpsdesk
