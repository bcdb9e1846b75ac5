"""Cold start to first paint and idle memory of the app binary given, under
the X display in $DISPLAY, with the demo running (VPSDESK_DEMO=1).

First paint: the first screenshot of the root window with more than a handful
of colours. Idle memory: RSS and PSS summed over the app and its WebKit child
processes, 8 s after the paint."""
import os
import subprocess
import sys
import time


def colours():
    shot = subprocess.run(["import", "-window", "root", "-depth", "8", "png:-"], capture_output=True).stdout
    out = subprocess.run(["identify", "-format", "%k", "png:-"], input=shot, capture_output=True).stdout
    return int(out or b"0")


def tree(pid):
    pids, frontier = [pid], [pid]
    while frontier:
        p = frontier.pop()
        try:
            kids = open(f"/proc/{p}/task/{p}/children").read().split()
        except OSError:
            kids = []
        pids += [int(k) for k in kids]
        frontier += [int(k) for k in kids]
    return pids


def memory_kib(pid, field):
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(binary):
    env = dict(os.environ, VPSDESK_DEMO="1")
    start = time.perf_counter()
    app = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        paint = None
        while time.perf_counter() - start < 30:
            if colours() > 16:
                paint = time.perf_counter() - start
                break
            time.sleep(0.05)
        time.sleep(8)
        pids = tree(app.pid)
        rss = sum(memory_kib(p, "Rss") for p in pids) / 1024
        pss = sum(memory_kib(p, "Pss") for p in pids) / 1024
        names = sorted({open(f"/proc/{p}/comm").read().strip() for p in pids if os.path.exists(f"/proc/{p}/comm")})
        print(f"cold start to first paint: {paint:.2f} s" if paint else "cold start: no paint within 30 s")
        print(f"idle memory over {len(pids)} processes ({', '.join(names)}): RSS {rss:.0f} MiB, PSS {pss:.0f} MiB")
    finally:
        app.terminate()
        app.wait(10)


if __name__ == "__main__":
    main(sys.argv[1])
