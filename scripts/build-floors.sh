#!/usr/bin/env bash
# Builds the floor `make bench` compares vpsdesk with (tests/empty-tauri-app:
# one window, one static page) as vpsdesk is built: `tauri build` with its
# .deb, the same tauri crates (the main Cargo.lock copied in; cargo drops what
# the empty app does not use and keeps the versions of the rest) and the main
# [profile.release] passed to cargo. Its own target/ under the app, so it
# never waits on the main target/ lock.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app=tests/empty-tauri-app
cp Cargo.lock "$app/Cargo.lock"
mapfile -t profile < <(python3 - <<'PY'
import json, re, tomllib

def key(k):
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else json.dumps(k)

def value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    raise SystemExit(f"build-empty-tauri-app: cannot pass {v!r} from [profile.release] to cargo")

def flat(prefix, table):
    for k, v in table.items():
        if isinstance(v, dict):
            yield from flat(f"{prefix}.{key(k)}", v)
        else:
            yield f"{prefix}.{key(k)}={value(v)}"

with open("Cargo.toml", "rb") as f:
    release = tomllib.load(f).get("profile", {}).get("release", {})
for setting in flat("profile.release", release):
    print("--config")
    print(setting)
PY
)
(cd "$app" && "$root/node_modules/.bin/tauri" build --bundles deb -- "${profile[@]}" >/dev/null)
# Same tauri stack as vpsdesk, or the comparison means nothing.
python3 - "$app/Cargo.lock" <<'PY'
import sys, tomllib

def versions(path):
    with open(path, "rb") as f:
        return {p["name"]: p["version"] for p in tomllib.load(f)["package"]}

main, empty = versions("Cargo.lock"), versions(sys.argv[1])
differ = [f"{n} {main.get(n)} vs {empty.get(n)}" for n in ("tauri", "tauri-build", "tauri-runtime-wry", "wry", "tao", "webkit2gtk")
          if main.get(n) != empty.get(n)]
if differ:
    sys.exit("build-empty-tauri-app: the empty app's tauri stack differs from vpsdesk's: " + "; ".join(differ))
PY
