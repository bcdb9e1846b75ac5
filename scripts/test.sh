#!/usr/bin/env bash
# Installs what is missing and runs every test: Rust (core, conformance,
# vpsctl, bindings), the UI's vitest suite, and the end-to-end tests of the
# built app under Xvfb, all inside a private D-Bus session with an unlocked
# gnome-keyring and private XDG dirs, then scans those dirs for leaked secrets.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
export PATH="$HOME/.cargo/bin:$PATH"

# A fresh clone builds everything once: incremental caches would only add
# gigabytes of disk that CI never reads back.
[ -n "${CI:-}" ] && export CARGO_INCREMENTAL=0
free_gb=$(df -Pk . | awk 'NR==2 {print int($4 / 1048576)}')
echo "test: ${free_gb} GB free on the build disk (a fresh build needs about 8 GB)"

sandbox_home=$(mktemp -d /tmp/vpsdesk-test.XXXXXX)
trap 'rm -rf "$sandbox_home"' EXIT
mkdir -p "$sandbox_home"/{config,data,cache,run}
chmod 700 "$sandbox_home/run"
export XDG_CONFIG_HOME="$sandbox_home/config" XDG_DATA_HOME="$sandbox_home/data"
export XDG_CACHE_HOME="$sandbox_home/cache" XDG_RUNTIME_DIR="$sandbox_home/run"
export VPSDESK_TEST_HOME="$sandbox_home"
source scripts/keyring-service.sh

dbus-run-session -- bash scripts/test-in-session.sh
