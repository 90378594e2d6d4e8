#!/usr/bin/env python3
"""Load check for `leaflet serve` (not a timed test): N builds through the API from
C concurrent clients, on loopback. Reports errors and the median and 95th-percentile
latency. Usage: benches/load.py [N=200] [C=20]   (starts and stops its own server)
"""
import concurrent.futures
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

root = Path(__file__).resolve().parent.parent
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
c = int(sys.argv[2]) if len(sys.argv) > 2 else 20
port = 18800 + os.getpid() % 100
binary = os.environ.get("LEAFLET_BIN", str(root / "target/release/leaflet"))
server = subprocess.Popen([binary, "serve", "--addr", f"127.0.0.1:{port}"], stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/api/locales", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
bodies = [(root / "examples" / name).read_bytes() for name in ("glantan.toml", "norrby.toml")]


def one(i: int) -> tuple[float, int]:
    lang = "sv" if i % 2 == 0 else "fi"
    request = urllib.request.Request(
        f"{base}/api/build?lang={lang}", data=bodies[i % 2], headers={"Content-Type": "application/toml"}
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            ok = response.status == 200 and response.read(5) == b"%PDF-"
            status = response.status if ok else -1
    except OSError as e:
        status = getattr(e, "code", -1)
    return time.perf_counter() - start, status


try:
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=c) as pool:
        results = list(pool.map(one, range(n)))
    wall = time.perf_counter() - started
finally:
    server.terminate()
latencies = sorted(r[0] * 1000 for r in results)
errors = sum(1 for r in results if r[1] != 200)
p95 = latencies[int(round(0.95 * (len(latencies) - 1)))]
print(f"{n} builds, {c} concurrent clients: {errors} errors, {wall:.2f} s, {n / wall:.0f} builds/s")
print(f"latency median {statistics.median(latencies):.1f} ms, 95th percentile {p95:.1f} ms")
sys.exit(1 if errors else 0)
