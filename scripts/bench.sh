#!/usr/bin/env bash
# `make bench`: figures measured side by side in one run, printed as ratios
# (these machines are noisy, so only ratios within a run mean anything).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
export PATH="$HOME/.cargo/bin:$PATH"
home=$(mktemp -d /tmp/vpsdesk-bench.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home"/{config,data,cache,run}; chmod 700 "$home/run"
export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run"
cargo build --quiet --release -p vpsctl -p vpsdesk-sandbox
# The app as users get it: release binary with the UI embedded, and its .deb.
npm run --silent tauri -- build --bundles deb >/dev/null
cargo bench --quiet -p vpsdesk-core --bench refresh --no-run
dbus-run-session -- bash scripts/bench-in-session.sh
