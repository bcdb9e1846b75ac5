#!/usr/bin/env bash
# Installs what vpsdesk needs and is missing: Debian/Ubuntu packages (WebKitGTK
# and GTK for Tauri, D-Bus + gnome-keyring for the keychain, Xvfb and
# WebKitWebDriver for e2e tests), the npm packages, and for tests tauri-driver
# and a Python venv with selenium and jeepney; for `make bench` Debian's Chromium and
# ChromeDriver (the browser-tab comparison). Usage: scripts/deps.sh run|test|bench
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

apt_packages=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev
  libssl-dev libdbus-1-dev libsecret-1-dev pkg-config build-essential file curl
  dbus dbus-x11 gnome-keyring xvfb xauth)
if [ "$mode" = test ]; then
  apt_packages+=(webkit2gtk-driver imagemagick python3-venv strace)
fi
if [ "$mode" = bench ]; then
  apt_packages+=(chromium chromium-driver)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$mode" = test ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v tauri-driver >/dev/null; then
    echo "deps: cargo install tauri-driver"
    cargo install tauri-driver --locked --quiet
  fi
  # jeepney (pure-Python D-Bus): tests/e2e/notification_daemon.py stands in for the desktop's
  # notification daemon, which the test session's D-Bus does not have.
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import selenium, jeepney" 2>/dev/null; then
    echo "deps: python venv with selenium and jeepney"
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check selenium==4.* jeepney==0.9.*
  fi
fi
