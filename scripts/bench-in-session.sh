#!/usr/bin/env bash
# The body of scripts/bench.sh, inside a private D-Bus session with a keyring.
# Every figure line also goes to $BENCH_SUMMARY, printed as one block at the end.
set -euo pipefail
# The keychain is started by D-Bus on the first call (scripts/keyring-service.sh).
: >"$BENCH_SUMMARY"
figures() { tee -a "$BENCH_SUMMARY"; }
screen=(xvfb-run -a -s "-screen 0 1440x900x24")

echo "== full refresh vs one account (AppService over the sandbox)"
cargo bench --quiet -p vpsdesk-core --bench refresh | figures

echo "== servers table, 10,000 rows vs 100, in the release build's webview (tauri-driver)"
"${screen[@]}" .venv/bin/python tests/bench_table.py target/release/vpsdesk | figures

empty=tests/empty-tauri-app/target/release
echo "== cold start and idle memory (release build, demo accounts, under Xvfb) vs an empty Tauri app and one Chromium tab"
"${screen[@]}" .venv/bin/python tests/bench_app.py target/release/vpsdesk target/bench-ui "$empty/empty-tauri-app" | figures

echo "== release build"
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
empty_deb=$(ls -t "$empty"/bundle/deb/*.deb | head -1)
kib() { du -k "$1" | cut -f1; }
vs_empty() { awk -v what="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%s vs empty Tauri app: %d KiB vs %d KiB -> ratio %.2fx\n", what, a, b, a / b }'; }
{
  echo "release binary: $(kib target/release/vpsdesk) KiB; .deb: $(kib "$deb") KiB; vpsctl: $(kib target/release/vpsctl) KiB"
  vs_empty "release binary" "$(kib target/release/vpsdesk)" "$(kib "$empty/empty-tauri-app")"
  vs_empty ".deb" "$(kib "$deb")" "$(kib "$empty_deb")"
} | figures

echo "== vpsctl servers list vs the same raw HTTP call (curl) and vs one keychain read + GET, against the sandbox"
.venv/bin/python tests/bench_cli.py target/release/vpsctl target/release/vpsdesk-sandbox tests/keychain-get-floor/target/release/keychain-get-floor | figures

echo
echo "================ make bench: summary (one run; compare ratios, not absolute times) ================"
cat "$BENCH_SUMMARY"
echo "==================================================================================================="
