"""vpsctl servers list --json against one raw curl of the same API call, and
against the floor for a CLI that keeps its key in the OS keychain
(tests/keychain-get-floor: the same keychain read and the same GET with the
same crates, nothing else), all against a sandbox started here; runs
interleaved so noise hits all three alike.
Usage: bench_cli.py VPSCTL SANDBOX FLOOR (in a D-Bus session with a keyring)"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

vpsctl, sandbox_bin, floor = sys.argv[1], sys.argv[2], sys.argv[3]
sandbox = subprocess.Popen([sandbox_bin], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    lines = []
    while not any(l.startswith("demo account: provider=vultr") for l in lines):
        lines.append(sandbox.stdout.readline())
    endpoint = next(l.split()[1] for l in lines if l.startswith("vultr "))
    key = re.search(r"key=(\S+)", next(l for l in lines if "provider=vultr" in l)).group(1)
    home = tempfile.mkdtemp()
    env = dict(os.environ, XDG_CONFIG_HOME=home)
    subprocess.run([vpsctl, "accounts", "add", "--provider", "vultr", "--name", "bench", "--endpoint", endpoint],
                   input=key + "\n", text=True, env=env, check=True, capture_output=True)
    with open(f"{home}/vpsdesk/accounts.json") as f:
        account_id = json.load(f)["accounts"][0]["id"]  # the keychain entry's user (src-tauri/core/src/secret.rs)
    commands = {
        "vpsctl": [vpsctl, "servers", "list", "--json"],
        "curl": ["curl", "-s", "-f", "-o", "/dev/null", f"{endpoint}/v1/server/list?api_key={key}"],
        "floor": [floor, "vpsdesk", account_id, f"{endpoint}/v1/server/list", "api_key"],
    }
    times = {name: [] for name in commands}
    for _ in range(15):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t)
    v, c, f = (statistics.median(times[name]) for name in ("vpsctl", "curl", "floor"))
    print(f"vpsctl servers list: {v * 1e3:.1f} ms vs curl {c * 1e3:.1f} ms (median of 15) -> ratio {v / c:.2f}x")
    print(f"vpsctl servers list vs keychain read + GET: {v * 1e3:.1f} ms vs {f * 1e3:.1f} ms (median of 15) -> ratio {v / f:.2f}x")
    print(f"keychain read + GET vs curl: {f * 1e3:.1f} ms vs {c * 1e3:.1f} ms (median of 15) -> ratio {f / c:.2f}x")
    subprocess.run([vpsctl, "accounts", "remove", "bench"], env=env, check=True, capture_output=True)
finally:
    sandbox.terminate()
