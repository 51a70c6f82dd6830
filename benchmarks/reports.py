"""Load on the public reporting endpoint, on loopback: sustained reports per second, latency, and none lost.

    python benchmarks/reports.py --requests 20000 --concurrency 64          # SQLite, fresh data dir
    DATABASE_URL=postgres:///qorgau_bench_reports python benchmarks/reports.py ...

Starts `qorgau serve` on 127.0.0.1 with the demo data, takes a CSRF cookie and token from the public action
page as a browser would, then posts reports from an asyncio client with many simulated supporters (each with its
own X-Forwarded-For address from the 198.18.0.0/15 benchmarking range, the server trusting one proxy), so the
rate limiter is exercised as in production. Every request is bounded in count and time and goes only to
127.0.0.1. At the end it compares the reports the server accepted with the rows in the database.
"""

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir, port, threads):
    env = dict(os.environ, QORGAU_DATA_DIR=str(data_dir), QORGAU_TRUSTED_PROXIES="1")
    subprocess.run([sys.executable, "-m", "qorgau", "demo", "--no-serve"], env=env, check=True, capture_output=True)
    log = (OUT / "reports-server.log").open("w")  # an unread pipe would fill up and stall the server
    server = subprocess.Popen([sys.executable, "-m", "qorgau", "serve", "--port", str(port), "--threads", str(threads)],
                              env=env, stdout=log, stderr=log)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/act/ua_63_18/", timeout=2)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def csrf(port):
    response = urllib.request.urlopen(f"http://127.0.0.1:{port}/act/ua_63_18/", timeout=5)
    cookie = re.search(r"csrftoken=([^;]+)", response.headers.get("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
    return cookie, token


def count_reports(data_dir):
    env = dict(os.environ, QORGAU_DATA_DIR=str(data_dir))
    code = ("import django; django.setup(); from django.db.models import Sum; "
            "from qorgau.campaigns.models import ActionReport as R; "
            "print(R.objects.filter(urgent_action__uid='ua_63_18').aggregate(n=Sum('count'))['n'] or 0)")
    out = subprocess.run([sys.executable, "-c", code], env=env | {"DJANGO_SETTINGS_MODULE": "qorgau.settings"},
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


async def post(connection, port, body, headers, timeout):
    """One POST on a kept-alive connection (opened on first use); returns the status."""
    if connection.get("writer") is None:
        connection["reader"], connection["writer"] = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port), timeout)
    reader, writer = connection["reader"], connection["writer"]
    request = (f"POST /act/ua_63_18/report/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
               f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
               f"{headers}\r\n").encode() + body
    writer.write(request)
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), timeout)
    length, close = 0, False
    while (line := await asyncio.wait_for(reader.readline(), timeout)) not in (b"\r\n", b""):
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
        if name.lower() == "connection" and value.strip().lower() == "close":
            close = True
    await asyncio.wait_for(reader.readexactly(length), timeout)
    if close:
        writer.close()
        connection["writer"] = None
    return int(status_line.split()[1])


async def load(port, cookie, token, total, concurrency, clients, timeout):
    body = f"channel=letter&count=1&csrfmiddlewaretoken={token}".encode()
    latencies, statuses = [], {}
    queue = iter(range(total))

    async def worker():
        connection = {}
        for i in queue:
            address = f"198.18.{(i % clients) // 250}.{(i % clients) % 250 + 1}"
            headers = f"Cookie: csrftoken={cookie}\r\nX-Forwarded-For: {address}\r\nReferer: http://127.0.0.1:{port}/\r\n"
            started = time.perf_counter()
            try:
                status = await post(connection, port, body, headers, timeout)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, IndexError, ValueError):
                status = "error"
                connection["writer"] = None
            latencies.append((time.perf_counter() - started) * 1000)
            statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies, statuses


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--clients", type=int, default=5000, help="simulated supporters (distinct addresses)")
    parser.add_argument("--threads", type=int, default=16, help="server threads")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    data_dir = OUT / "reports-data"
    shutil.rmtree(data_dir, ignore_errors=True)
    port = free_port()
    server = start_server(data_dir, port, args.threads)
    try:
        cookie, token = csrf(port)
        before = count_reports(data_dir)
        elapsed, latencies, statuses = asyncio.run(load(port, cookie, token, args.requests, args.concurrency,
                                                        args.clients, args.timeout))
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = count_reports(data_dir) - before
    accepted = statuses.get(303, 0)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    database = "postgresql" if os.environ.get("DATABASE_URL") else "sqlite"
    print(f"{database}: {args.requests} requests, concurrency {args.concurrency}, {args.clients} clients, "
          f"{args.threads} server threads")
    print(f"  statuses: {dict(sorted(statuses.items(), key=str))}")
    print(f"  sustained: {accepted / elapsed:.0f} accepted reports/s ({args.requests / elapsed:.0f} requests/s) "
          f"over {elapsed:.1f} s")
    print(f"  latency: median {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms")
    print(f"  accepted {accepted}, stored {stored}, lost {accepted - stored}")


if __name__ == "__main__":
    main()
