#!/usr/bin/env bash
# `make bench`: figures measured side by side in one run, printed as ratios
# (these machines are noisy, so only ratios within a run mean anything), and
# gathered in one summary block at the end. docs/bench.md says what each is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/deps.sh bench
export PATH="$HOME/.cargo/bin:$PATH"
home=$(mktemp -d /tmp/vpsdesk-bench.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home"/{config,data,cache,run}; chmod 700 "$home/run"
export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run"
export BENCH_SUMMARY="$home/summary"
source scripts/keyring-service.sh
cargo build --quiet --release -p vpsctl -p vpsdesk-sandbox
# The app as users get it: release binary with the UI embedded, and its .deb.
npm run --silent tauri -- build --bundles deb >/dev/null
# The floors it is measured against (an empty Tauri app; one keychain read and one GET), built the same way.
bash scripts/build-floors.sh
# The same UI for a plain browser tab, on its in-memory mock backend.
npx vite build --config ui/vite.mock.config.ts --logLevel error
cargo bench --quiet -p vpsdesk-core --bench refresh --no-run
dbus-run-session -- bash scripts/bench-in-session.sh
