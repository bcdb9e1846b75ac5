#!/usr/bin/env bash
# Builds the floors `make bench` compares vpsdesk with, as vpsdesk is built:
# the same crates (the main Cargo.lock copied in; cargo drops what a floor
# does not use and keeps the versions of the rest) and the main
# [profile.release] passed to cargo. Each has its own target/, so it never
# waits on the main target/ lock.
# - tests/empty-tauri-app (one window, one static page), with `tauri build`
#   and its .deb, for the app;
# - tests/keychain-get-floor (one keychain read and one GET), for vpsctl,
#   with the main [patch] tables too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app=tests/empty-tauri-app
cli=tests/keychain-get-floor
cp Cargo.lock "$app/Cargo.lock"
cp Cargo.lock "$cli/Cargo.lock"
# The main Cargo.toml's [profile.release] (profile) or [patch] tables (patch, paths made absolute)
# as cargo --config settings.
cargo_settings() {
  python3 - "$1" <<'PY'
import json, os, re, sys, tomllib

def key(k):
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else json.dumps(k)

def value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    raise SystemExit(f"build-floors: cannot pass {v!r} from Cargo.toml to cargo")

def flat(prefix, table):
    for k, v in table.items():
        if isinstance(v, dict):
            yield from flat(f"{prefix}.{key(k)}", v)
        else:
            yield f"{prefix}.{key(k)}={value(v)}"

with open("Cargo.toml", "rb") as f:
    manifest = tomllib.load(f)
if sys.argv[1] == "profile":
    settings = flat("profile.release", manifest.get("profile", {}).get("release", {}))
else:
    patch = manifest.get("patch", {})
    for source in patch.values():
        for crate in source.values():
            if "path" in crate:
                crate["path"] = os.path.abspath(crate["path"])
    settings = flat("patch", patch)
for setting in settings:
    print("--config")
    print(setting)
PY
}
mapfile -t profile < <(cargo_settings profile)
mapfile -t patches < <(cargo_settings patch)
(cd "$app" && "$root/node_modules/.bin/tauri" build --bundles deb -- "${profile[@]}" >/dev/null)
# The keychain floor also gets vpsdesk's patched crates (vendor/): its keychain read does the same
# work as vpsctl's. The empty app uses none of them.
(cd "$cli" && cargo build --quiet --release "${profile[@]}" "${patches[@]}")
# The same stack as vpsdesk, or a comparison means nothing.
python3 - "$app/Cargo.lock" "$cli/Cargo.lock" <<'PY'
import sys, tomllib

def versions(path):
    """Each crate's versions in a lock (some crates are there twice, at two majors)."""
    found = {}
    with open(path, "rb") as f:
        for p in tomllib.load(f)["package"]:
            found.setdefault(p["name"], set()).add(p["version"])
    return found

main = versions("Cargo.lock")
for path, names in ((sys.argv[1], ("tauri", "tauri-build", "tauri-runtime-wry", "wry", "tao", "webkit2gtk")),
                    (sys.argv[2], ("keyring", "dbus-secret-service", "secret-service", "dbus", "reqwest", "rustls", "hyper", "tokio"))):
    floor = versions(path)
    differ = [f"{n} {sorted(main.get(n, []))} vs {sorted(floor.get(n, []))}" for n in names
              if not floor.get(n) or not floor[n] <= main.get(n, set())]
    if differ:
        sys.exit(f"build-floors: {path}'s stack differs from vpsdesk's: " + "; ".join(differ))
PY
