"""Cold start to first paint and idle memory of the app binary given, under
the X display in $DISPLAY, with the demo running (VPSDESK_DEMO=1), against the
floor: an empty Tauri app (tests/empty-tauri-app, one window, one static page)
measured the same way, the runs alternating app, empty app, app, ... so that
load from elsewhere hits both alike (medians of RUNS each); then, side by
side, the idle memory of one headless Chromium tab showing the same UI (the
bundle built by ui/vite.mock.config.ts, its in-memory mock backend standing in
for the Rust side) with as many servers.

First paint: the first screenshot of the root window with more than a handful
of colours. Idle memory: RSS and PSS summed over every process of the app (its
WebKit children included) or of Chromium (browser, renderer, GPU and utility
processes), 8 s after the paint (the app) or after the servers are shown (the
tab). Every app run starts with its own empty XDG dirs, as on a first start
(for vpsdesk: the demo sandbox, its accounts added, the 37 servers shown; for
the empty app: its page), and leaves the screenshot it ended on in
artifacts/bench/.

vpsdesk draws its page without WebKit's GPU compositing (it sets
WEBKIT_DISABLE_COMPOSITING_MODE for itself); the empty app is a stock Tauri
app and composites. So the empty app also runs a third series with that
variable set, for a like-for-like line beside the two ratios to the stock one.
Usage: bench_app.py APP_BIN MOCK_UI_DIR EMPTY_APP_BIN"""
import os
import statistics
import shutil
import socket
import subprocess
import sys
import tempfile
import time

IDLE_S = 8
RUNS = 5
SHOTS = "artifacts/bench"
# About as many servers as the demo shows, so both pages hold the same table.
DEMO_SERVERS = 37
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
# No network beyond loopback here: without these Chromium keeps trying.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def colours():
    shot = subprocess.run(["import", "-window", "root", "-depth", "8", "png:-"], capture_output=True).stdout
    out = subprocess.run(["identify", "-format", "%k", "png:-"], input=shot, capture_output=True).stdout
    return int(out or b"0")


def tree(pid):
    """pid and every descendant (whichever thread forked it)."""
    parents = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = open(f"/proc/{entry}/stat").read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    pids, frontier = [pid], [pid]
    while frontier:
        kids = parents.get(frontier.pop(), [])
        pids += kids
        frontier += kids
    return pids


def memory_kib(pid, field):
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def idle_memory(pids):
    """(RSS MiB, PSS MiB, process count, process names) summed over pids."""
    rss = sum(memory_kib(p, "Rss") for p in pids) / 1024
    pss = sum(memory_kib(p, "Pss") for p in pids) / 1024
    names = sorted({open(f"/proc/{p}/comm").read().strip() for p in pids if os.path.exists(f"/proc/{p}/comm")})
    return rss, pss, len(pids), ", ".join(names)


def app_run(binary, env_extra, shot):
    """One cold start of binary with fresh XDG dirs: (seconds to the first
    paint or None, idle memory, PSS MiB per process name)."""
    home = tempfile.mkdtemp(prefix="vpsdesk-bench-app.")
    env = dict(os.environ, **env_extra)
    for d in ("config", "data", "cache"):
        os.makedirs(f"{home}/{d}")
        env[f"XDG_{d.upper()}_HOME"] = f"{home}/{d}"
    start = time.perf_counter()
    app = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        paint = None
        while time.perf_counter() - start < 30:
            if colours() > 16:
                paint = time.perf_counter() - start
                break
            time.sleep(0.05)
        time.sleep(IDLE_S)
        pids = tree(app.pid)
        by_process = {}
        for p in pids:
            try:
                name = open(f"/proc/{p}/comm").read().strip()
            except OSError:
                continue
            by_process[name] = by_process.get(name, 0) + memory_kib(p, "Pss") / 1024
        memory = idle_memory(pids)
        os.makedirs(SHOTS, exist_ok=True)
        subprocess.run(["import", "-window", "root", "-depth", "8", f"{SHOTS}/{shot}"], capture_output=True)
        return paint, memory, by_process
    finally:
        app.terminate()
        app.wait(10)
        shutil.rmtree(home, ignore_errors=True)


def median_run(runs):
    """The medians of paint time, RSS and PSS over runs, and the run whose
    PSS is the median one (for its process names and per-process split)."""
    painted = [r[0] for r in runs if r[0] is not None]
    paint = statistics.median(painted) if painted else None
    rss = statistics.median(r[1][0] for r in runs)
    pss = statistics.median(r[1][1] for r in runs)
    middle = sorted(runs, key=lambda r: r[1][1])[len(runs) // 2]
    return paint, rss, pss, middle


def split(by_process):
    return ", ".join(f"{name} {mib:.0f}" for name, mib in sorted(by_process.items(), key=lambda kv: -kv[1]))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tab_run(ui_dir):
    """One tab of Debian's Chromium, headless, fresh profile, showing the UI
    bundle from a loopback file server (whose memory is not counted: it stands
    for the provider's web server)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", ui_dir],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    profile = tempfile.mkdtemp(prefix="vpsdesk-bench-chromium.")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={profile}", "--window-size=1440,900"]:
        opts.add_argument(flag)
    browser = webdriver.Chrome(options=opts, service=Service(CHROMEDRIVER))
    try:
        browser.get(f"http://127.0.0.1:{port}/?mock={DEMO_SERVERS}")
        count = WebDriverWait(browser, 60, 0.2).until(
            lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="servers-count"]').text)
        time.sleep(IDLE_S)
        driver_pid = browser.service.process.pid
        return count, idle_memory([p for p in tree(driver_pid) if p != driver_pid])
    finally:
        browser.quit()
        server.terminate()
        server.wait(10)
        shutil.rmtree(profile, ignore_errors=True)


def main(binary, ui_dir, empty_binary):
    app_runs, empty_runs, flat_runs = [], [], []
    for _ in range(RUNS):
        app_runs.append(app_run(binary, {"VPSDESK_DEMO": "1"}, "vpsdesk-idle.png"))
        empty_runs.append(app_run(empty_binary, {}, "empty-tauri-app-idle.png"))
        flat_runs.append(app_run(empty_binary, {"WEBKIT_DISABLE_COMPOSITING_MODE": "1"},
                                 "empty-tauri-app-no-compositing-idle.png"))
    paint, rss, pss, (_, (_, _, n, names), app_split) = median_run(app_runs)
    e_paint, e_rss, e_pss, (_, (_, _, e_n, e_names), empty_split) = median_run(empty_runs)
    f_paint, _, f_pss, _ = median_run(flat_runs)
    unpainted = sum(r[0] is None for r in app_runs + empty_runs + flat_runs)
    print(f"cold start to first paint: {paint:.2f} s (median of {RUNS})" if paint else "cold start: no paint within 30 s")
    print(f"idle memory of the app over {n} processes ({names}): RSS {rss:.0f} MiB, PSS {pss:.0f} MiB (median of {RUNS})")
    if paint and e_paint:
        print(f"cold start vs empty Tauri app: {paint:.2f} s vs {e_paint:.2f} s -> ratio {paint / e_paint:.2f}x")
    else:
        print("cold start vs empty Tauri app: not measured (no paint within 30 s)")
    print(f"idle PSS vs empty Tauri app: {pss:.0f} MiB vs {e_pss:.0f} MiB -> ratio {pss / e_pss:.2f}x")
    print(f"idle PSS by process (MiB, median run): vpsdesk: {split(app_split)}; "
          f"empty Tauri app over {e_n} processes: {split(empty_split)}")
    if paint and f_paint:
        print(f"like for like, the empty app also without GPU compositing: cold start {paint:.2f} s vs {f_paint:.2f} s "
              f"-> ratio {paint / f_paint:.2f}x; idle PSS {pss:.0f} MiB vs {f_pss:.0f} MiB -> ratio {pss / f_pss:.2f}x")
    if unpainted:
        print(f"warning: {unpainted} of {3 * RUNS} starts showed no paint within 30 s (left out of the medians)")
    count, (t_rss, t_pss, t_n, t_names) = tab_run(ui_dir)
    print(f"idle memory of one headless Chromium tab with the same UI ({count}) over {t_n} processes ({t_names}): "
          f"RSS {t_rss:.0f} MiB, PSS {t_pss:.0f} MiB")
    print(f"idle memory, app vs one Chromium tab: PSS ratio {pss / t_pss:.2f}x, RSS ratio {rss / t_rss:.2f}x")
    print("Electron: not measured (no Electron build can be downloaded on this machine)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
