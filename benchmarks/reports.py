"""Load on the public reporting endpoint, on loopback: sustained reports per second, latency, and none lost.

    python benchmarks/reports.py --requests 20000 --concurrency 64 --workers 1,2     # SQLite, fresh data dir
    python benchmarks/reports.py --workers 1,2 --postgres postgres:///qorgau_bench_reports   # SQLite, then PostgreSQL

For each database and each worker count, starts `qorgau serve [--workers N]` on 127.0.0.1 with an open public
Urgent Action, takes a CSRF cookie and token from the public action page as a browser would, then posts reports from an asyncio client with many simulated supporters (each with its
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


SETUP = """
import django; django.setup()
from qorgau.campaigns.models import UrgentAction
from qorgau.throttle.models import Counter
UrgentAction.objects.update_or_create(uid="ua_63_18", defaults={"number": "63/18", "title": "Benchmark",
                                                                 "sensitivity": "public", "status": "open"})
Counter.objects.all().delete()  # each run starts with fresh rate-limit counters
"""


def server_env(data_dir, database_url):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QORGAU_DATA_DIR=str(data_dir), QORGAU_TRUSTED_PROXIES="1", PYTHONPATH=str(ROOT))
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def start_server(data_dir, port, threads, workers=1, database_url=None):
    env = server_env(data_dir, database_url)
    subprocess.run([sys.executable, "-m", "qorgau", "init"], env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", SETUP], env=env | {"DJANGO_SETTINGS_MODULE": "qorgau.settings"},
                   check=True, capture_output=True)
    log = (OUT / "reports-server.log").open("w")  # an unread pipe would fill up and stall the server
    server = subprocess.Popen([sys.executable, "-m", "qorgau", "serve", "--port", str(port), "--threads", str(threads),
                               "--workers", str(workers)], env=env, stdout=log, stderr=log)
    for _ in range(300):
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


def process_tree_cpu(pid):
    """CPU seconds (user + system) used so far by process `pid` and its descendants (Linux /proc; else None)."""
    try:
        tick = os.sysconf("SC_CLK_TCK")
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    except (OSError, ValueError, AttributeError):
        return None
    tree, total = {pid}, 0.0
    for _ in range(4):  # master, workers (and their children)
        tree |= {p for p, (parent, _) in stats.items() if parent in tree}
    return sum(stats[p][1] for p in tree if p in stats)


def count_reports(data_dir, database_url=None):
    env = server_env(data_dir, database_url)
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


def run(args, workers, database_url):
    data_dir = OUT / "reports-data"
    shutil.rmtree(data_dir, ignore_errors=True)
    port = free_port()
    server = start_server(data_dir, port, args.threads, workers, database_url)
    try:
        cookie, token = csrf(port)
        before = count_reports(data_dir, database_url)
        load_before = os.getloadavg()[0]
        server_cpu, client_cpu = process_tree_cpu(server.pid), time.process_time()
        elapsed, latencies, statuses = asyncio.run(load(port, cookie, token, args.requests, args.concurrency,
                                                        args.clients, args.timeout))
        client_cpu = time.process_time() - client_cpu
        server_cpu = process_tree_cpu(server.pid) - server_cpu if server_cpu is not None else None
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=60)
    stored = count_reports(data_dir, database_url) - before
    accepted = statuses.get(303, 0)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    database = "postgresql" if database_url else "sqlite"
    print(f"{database}, {workers} worker(s) x {args.threads} threads: {args.requests} requests, "
          f"concurrency {args.concurrency}, {args.clients} clients")
    print(f"  statuses: {dict(sorted(statuses.items(), key=str))}")
    print(f"  sustained: {accepted / elapsed:.0f} accepted reports/s ({args.requests / elapsed:.0f} requests/s) "
          f"over {elapsed:.1f} s")
    print(f"  latency: median {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms")
    print(f"  accepted {accepted}, stored {stored}, lost {accepted - stored}")
    server_ms = f"{1000 * server_cpu / args.requests:.2f}" if server_cpu is not None else "?"
    print(f"  CPU per request: server processes {server_ms} ms, load generator {1000 * client_cpu / args.requests:.2f} ms"
          f" (the database server's own CPU not included); load average {load_before:.1f} -> {load_after:.1f}",
          flush=True)
    return {"database": database, "workers": workers, "rate": accepted / elapsed, "p99": p99,
            "server_ms": server_ms, "client_ms": f"{1000 * client_cpu / args.requests:.2f}",
            "load": f"{load_before:.1f}–{load_after:.1f}",
            "median": statistics.median(latencies), "accepted": accepted, "lost": accepted - stored}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--clients", type=int, default=5000, help="simulated supporters (distinct addresses)")
    parser.add_argument("--threads", type=int, default=16, help="server threads per worker process")
    parser.add_argument("--workers", default="1", help="worker counts to measure, e.g. 1,2")
    parser.add_argument("--postgres", metavar="URL", help="also measure on this PostgreSQL database "
                        "(DATABASE_URL is used instead of SQLite when set)")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    OUT.mkdir(exist_ok=True)
    databases = [os.environ["DATABASE_URL"]] if os.environ.get("DATABASE_URL") else [None]
    if args.postgres:
        databases.append(args.postgres)
    results = [run(args, int(w), url) for url in databases for w in args.workers.split(",")]
    print("\n| database | workers | accepted reports/s | median ms | p99 ms | lost | server CPU ms/request "
          "| client CPU ms/request | load average |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(f"| {r['database']} | {r['workers']} | {r['rate']:.0f} | {r['median']:.1f} | {r['p99']:.1f} | {r['lost']} "
              f"| {r['server_ms']} | {r['client_ms']} | {r['load']} |")


if __name__ == "__main__":
    main()
