#!/usr/bin/env bash
# The body of scripts/bench.sh, inside a private D-Bus session with a keyring.
# Every figure line also goes to $BENCH_SUMMARY, printed as one block at the end.
set -euo pipefail
printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
: >"$BENCH_SUMMARY"
figures() { tee -a "$BENCH_SUMMARY"; }
screen=(xvfb-run -a -s "-screen 0 1440x900x24")

echo "== full refresh vs one account (AppService over the sandbox)"
cargo bench --quiet -p vpsdesk-core --bench refresh | figures

echo "== servers table, 10,000 rows vs 100, in the release build's webview (tauri-driver)"
"${screen[@]}" .venv/bin/python tests/bench_table.py target/release/vpsdesk | figures

echo "== cold start and idle memory (release build, demo accounts, under Xvfb) vs one Chromium tab"
"${screen[@]}" .venv/bin/python tests/bench_app.py target/release/vpsdesk target/bench-ui | figures

echo "== release build"
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "release binary: $(du -k target/release/vpsdesk | cut -f1) KiB; .deb: $(du -k "$deb" | cut -f1) KiB; vpsctl: $(du -k target/release/vpsctl | cut -f1) KiB" | figures

echo "== vpsctl servers list vs the same raw HTTP call (curl), against the sandbox"
.venv/bin/python tests/bench_cli.py target/release/vpsctl target/release/vpsdesk-sandbox | figures

echo
echo "================ make bench: summary (one run; compare ratios, not absolute times) ================"
cat "$BENCH_SUMMARY"
echo "==================================================================================================="
