"""vpsctl servers list --json against one raw curl of the same API call, both
against a sandbox started here; runs interleaved so noise hits both alike."""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

vpsctl, sandbox_bin = sys.argv[1], sys.argv[2]
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
    cli = [vpsctl, "servers", "list", "--json"]
    curl = ["curl", "-s", "-f", "-o", "/dev/null", f"{endpoint}/v1/server/list?api_key={key}"]
    times = {"vpsctl": [], "curl": []}
    for _ in range(15):
        for name, cmd in (("vpsctl", cli), ("curl", curl)):
            t = time.perf_counter()
            subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t)
    v, c = statistics.median(times["vpsctl"]), statistics.median(times["curl"])
    print(f"vpsctl servers list: {v * 1e3:.1f} ms vs curl {c * 1e3:.1f} ms (median of 15) -> ratio {v / c:.2f}x")
    subprocess.run([vpsctl, "accounts", "remove", "bench"], env=env, check=True, capture_output=True)
finally:
    sandbox.terminate()
