#!/usr/bin/env python3
"""The web workbench's board under load: `report serve` on a store of N activity rows, measured
with wrk (Debian's `wrk`).

  python3 Benchmarks/workbench.py [--rows 1000000] [--seconds 10] [--clients 50] [--page board|figures] [--report PATH]

Generates an institution (`report generate`, as Benchmarks/run.py does), imports it, adds an
office account, starts `report serve` on a free loopback port, logs in, then:
  - times 20 single requests of the board one after another (median and slowest);
  - runs wrk with 50 concurrent connections for 10 seconds against the board, and reports
    requests per second, latency percentiles and every error (non-2xx, socket errors).
`--page figures` measures the month's figures page (`/office/figures`) instead. Prints a
markdown table. The target (issue 20): each page under 100 ms at 10^6 rows, 50 clients served
without an error.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import generate, report_binary  # noqa: E402


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def login(base):
    page = urllib.request.urlopen(base + "/login")
    cookie = page.headers["Set-Cookie"].split(";")[0]
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.read().decode()).group(1)
    body = urllib.parse.urlencode({"csrf": csrf, "name": "bench", "password": "bench-password"}).encode()
    request = urllib.request.Request(base + "/login", data=body, headers={"Cookie": cookie})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(request)
    except urllib.error.HTTPError as e:
        if e.code != 303:
            raise
        return e.headers["Set-Cookie"].split(";")[0]
    raise SystemExit("login did not redirect")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--page", choices=["board", "figures"], default="board")
    p.add_argument("--report")
    a = p.parse_args()
    report = a.report or report_binary()
    work = tempfile.mkdtemp(prefix="report-workbench-bench-")
    env = dict(os.environ, REPORT_DB=os.path.join(work, "campaign.sqlite"), REPORT_LANG="zh")
    data = os.path.join(work, "data")
    generate(report, a.rows, data)
    files = [os.path.join(data, f) for f in sorted(os.listdir(data)) if f.endswith(".csv")]
    t0 = time.time()
    subprocess.run([report, "import", "--quiet", *files], env=env, check=True)
    imported = time.time() - t0
    with open(os.path.join(work, "pw"), "w") as f:
        f.write("bench-password\n")
    subprocess.run([report, "user", "add", "bench", "--password-file", os.path.join(work, "pw"), "--quiet"], env=env, check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([report, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        session = login(base)
        url = base + ("/office?month=2021-07" if a.page == "board" else "/office/figures?month=2021-07")
        single = []
        for _ in range(20):
            t = time.perf_counter()
            r = urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": session}))
            size = len(r.read())
            assert r.status == 200
            single.append((time.perf_counter() - t) * 1000)
        wrk = subprocess.run(
            ["wrk", "-t2", f"-c{a.clients}", f"-d{a.seconds}s", "--latency", "-H", f"Cookie: {session}", url],
            capture_output=True, text=True, check=True).stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1)
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", wrk, re.M))
    errors = re.search(r"Socket errors:.*", wrk)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
    total = re.search(r"(\d+) requests in", wrk).group(1)
    print(f"| {a.page} at {a.rows:,} activity rows ({size:,} bytes of HTML) | value |")
    print("|---|---|")
    print(f"| import of the generated files | {imported:.1f} s |")
    print(f"| one request at a time (20): median / slowest | {statistics.median(single):.1f} ms / {max(single):.1f} ms |")
    print(f"| wrk, {a.clients} connections, {a.seconds} s: requests | {total} ({rps}/s) |")
    print(f"| wrk latency p50 / p90 / p99 | {latency.get('50')} / {latency.get('90')} / {latency.get('99')} |")
    print(f"| wrk errors | {errors.group(0) if errors else 'none'}; non-2xx: {non2xx.group(1) if non2xx else 0} |")


if __name__ == "__main__":
    main()
