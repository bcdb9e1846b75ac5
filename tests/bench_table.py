"""The servers table at scale, in the real webview of the release build: a
big demo fleet (10,000 generated Vultr servers, VPSDESK_DEMO_EXTRA_SERVERS)
against a small one (100), side by side in one run, each run a fresh app
start with its own empty home.

Times are taken inside the page with performance.now(): the action and the
watch for its result start in the same script, and a result counts once the
DOM shows it and the next animation frame has come (the frame that paints it).

- first render: "Try the demo" clicked -> `servers-count` reports every row
  and no account is still loading (demo sandbox start, every account's fetch,
  IPC, table render);
- sort: `sort-name` clicked (name ascending -> descending) -> the first row
  shown is another server;
- filter: a search matching 1 % of the fleet ("node-001") put in
  `search-input` at once, as a paste -> `servers-count` says "N of M servers".
  Its matches grow with the fleet (100 vs 1), so its ratio is mostly the
  screenful of rows that 100 matches fill against one row;
- filter, same matches: the search cleared, then one that matches only the
  demo's own servers ("web"), the same rows in both fleets: what searching
  10,000 servers costs against 138, with the same rows drawn.

Needs $DISPLAY (Xvfb), tauri-driver and WebKitWebDriver on PATH, and a D-Bus
session with an unlocked keyring (scripts/bench-in-session.sh gives them).
Usage: bench_table.py APP_BIN"""
import os
import pathlib
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "e2e"))
from app import App  # noqa: E402

SIZES = (100, 10_000)
RUNS = 5
SEARCH = "node-001"
SAME_SEARCH = "web"

# Installed once per page: measure(name, act, done) runs act() and records in
# window.__bench[name] the ms until done() first holds, at the next frame.
WATCH = """
window.__bench = window.__bench || {};
window.__measure = (name, act, done) => {
  delete window.__bench[name];
  const t0 = performance.now();
  let seen = false;
  const check = () => {
    if (seen || !done()) return;
    seen = true;
    observer.disconnect();
    clearInterval(timer);
    requestAnimationFrame(() => { window.__bench[name] = performance.now() - t0; });
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const timer = setInterval(check, 50);
  act();
  check();
};
window.__q = (id) => document.querySelector(`[data-testid="${id}"]`);
window.__count = () => (window.__q("servers-count")?.textContent || "").trim();
window.__firstRow = () => document.querySelector('tr[data-index="0"]')?.dataset.testid;
"""

RENDER = """
const least = arguments[0];
__measure("render", () => __q("try-demo").click(), () => {
  const m = /^(\\d+) servers? across/.exec(__count());
  return m && Number(m[1]) >= least && !document.querySelector('[data-testid^="account-loading-"]');
});
"""

SORT = """
const before = __firstRow();
__measure("sort", () => __q("sort-name").click(),
  () => __firstRow() && __firstRow() !== before && __q("column-name").getAttribute("aria-sort") === "descending");
"""

def search(name, done):
    """Puts arguments[0] in the search box at once, as a paste, and measures it as `name`."""
    return f"""
const input = __q("search-input");
const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
__measure("{name}", () => {{ setValue.call(input, arguments[0]); input.dispatchEvent(new Event("input", {{ bubbles: true }})); }},
  () => {done});
"""


FILTER = search("filter", "/^\\d+ of \\d+ servers$/.test(__count())")
CLEAR = search("clear", "/ across /.test(__count())")
FILTER_SAME = search("filter_same", "/^\\d+ of \\d+ servers$/.test(__count())")


def free_ports(n):
    socks = [socket.socket() for _ in range(n)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def wait_port(port, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def one_run(binary, extra):
    """A fresh app start (fresh XDG dirs: welcome screen, empty keychain
    entries for the demo) with `extra` generated servers in the demo."""
    home = tempfile.mkdtemp(prefix="vpsdesk-bench-table.")
    env = dict(os.environ, VPSDESK_DEMO_EXTRA_SERVERS=str(extra))
    for d in ("config", "data", "cache"):
        os.makedirs(f"{home}/{d}")
        env[f"XDG_{d.upper()}_HOME"] = f"{home}/{d}"
    port, native = free_ports(2)
    driver = subprocess.Popen(["tauri-driver", "--port", str(port), "--native-port", str(native)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # tauri-driver proxies to WebKitWebDriver: a session asked for before
        # both listen is dropped.
        wait_port(port)
        wait_port(native)
        os.environ.update(APP_BIN=binary, WEBDRIVER_URL=f"http://127.0.0.1:{port}")
        app = App()
        try:
            app.find("try-demo", timeout=60)
            js = app.driver.execute_script
            result = {}
            for name, script, args, timeout in (("render", RENDER, [extra], 180), ("sort", SORT, [], 60),
                                                ("filter", FILTER, [SEARCH], 60), ("clear", CLEAR, [""], 60),
                                                ("filter_same", FILTER_SAME, [SAME_SEARCH], 60)):
                js(WATCH + script, *args)
                result[name] = app.wait(lambda d: js(f"return window.__bench.{name}"), timeout, f"{name} of {extra}")
                if name == "render":
                    result["rows"] = int(re.match(r"\d+", js("return __count()")).group())
                elif name.startswith("filter"):
                    result[f"{name}_matches"] = int(re.match(r"\d+", js("return __count()")).group())
                time.sleep(1)  # let the table settle before the next action
            return result
        finally:
            app.quit()
    finally:
        driver.terminate()
        driver.wait(10)
        shutil.rmtree(home, ignore_errors=True)


def main(binary):
    runs = {n: [] for n in SIZES}
    for _ in range(RUNS):
        for n in SIZES:  # interleaved, so load from elsewhere hits both alike
            runs[n].append(one_run(binary, n))
    small, big = SIZES
    rows = {n: runs[n][0]["rows"] for n in SIZES}
    for what, label in (("render", "first render"), ("sort", "sort by name"),
                        ("filter", f'filter "{SEARCH}"'),
                        ("filter_same", f'filter "{SAME_SEARCH}" (the same matches in both)')):
        s, b = (statistics.median(r[what] for r in runs[n]) for n in SIZES)
        matches = {n: runs[n][0].get(f"{what}_matches") for n in SIZES}
        extra = f" ({matches[big]} vs {matches[small]} matches)" if what.startswith("filter") else ""
        print(f"servers table, {label}: {rows[big]} rows {b:.0f} ms vs {rows[small]} rows {s:.0f} ms"
              f"{extra} (median of {RUNS}) -> ratio {b / s:.2f}x")


if __name__ == "__main__":
    main(sys.argv[1])
