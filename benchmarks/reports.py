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


def start_server(data_dir, port, threads, workers=1, database_url=None, kind="auto"):
    env = server_env(data_dir, database_url)
    subprocess.run([sys.executable, "-m", "qorgau", "init"], env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-c", SETUP], env=env | {"DJANGO_SETTINGS_MODULE": "qorgau.settings"},
                   check=True, capture_output=True)
    log = (OUT / "reports-server.log").open("w")  # an unread pipe would fill up and stall the server
    server = subprocess.Popen([sys.executable, "-m", "qorgau", "serve", "--port", str(port), "--threads", str(threads),
                               "--workers", str(workers), "--server", kind], env=env, stdout=log, stderr=log)
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


def postgres_cpu(database_url):
    """{pid: CPU seconds used so far} of PostgreSQL's server processes connected to this database (Linux /proc,
    PostgreSQL on this machine; else None). Their process title names the database: "postgres: … USER DBNAME …"."""
    if not database_url:
        return None
    name = database_url.rsplit("/", 1)[-1].split("?")[0]
    tick, found = os.sysconf("SC_CLK_TCK"), {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            title = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not title.startswith("postgres: ") or f" {name} " not in title:
                continue
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    return found


def count_reports(data_dir, database_url=None):
    env = server_env(data_dir, database_url)
    code = ("import django; django.setup(); from django.db.models import Sum; "
            "from qorgau.campaigns.models import ActionReport as R; "
            "print(R.objects.filter(urgent_action__uid='ua_63_18').aggregate(n=Sum('count'))['n'] or 0)")
    out = subprocess.run([sys.executable, "-c", code], env=env | {"DJANGO_SETTINGS_MODULE": "qorgau.settings"},
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


class _Connection(asyncio.Protocol):
    """One kept-alive HTTP/1.1 connection of the load generator: sends a prepared request, reads the status line and
    the headers, skips Content-Length bytes of body. Kept small on purpose: it shares the cores with the server."""

    def __init__(self):
        self.transport, self.buffer, self.waiter, self.closed = None, b"", None, False

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0 or self.waiter is None or self.waiter.done():
            return
        head = self.buffer[:end]
        length = CONTENT_LENGTH.search(head)
        total = end + 4 + (int(length.group(1)) if length else 0)
        if len(self.buffer) >= total:
            self.buffer = self.buffer[total:]
            self.closed = CLOSE.search(head) is not None
            self.waiter.set_result(int(head[9:12]))

    def connection_lost(self, exc):
        self.closed = True
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("closed"))


CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.I)
CLOSE = re.compile(rb"\r\nconnection:\s*close", re.I)


async def load(port, cookie, token, total, concurrency, clients, timeout):
    body = f"channel=letter&count=1&csrfmiddlewaretoken={token}".encode()
    # Every simulated supporter's request, built once: the generator's CPU per request stays small.
    requests = [(f"POST /act/ua_63_18/report/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                 f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
                 f"Cookie: csrftoken={cookie}\r\nX-Forwarded-For: 198.18.{c // 250}.{c % 250 + 1}\r\n"
                 f"Referer: http://127.0.0.1:{port}/\r\n\r\n").encode() + body for c in range(clients)]
    latencies, statuses = [], {}
    queue = iter(range(total))
    loop = asyncio.get_running_loop()
    clock = time.perf_counter

    async def worker():
        connection = None
        for i in queue:
            started = clock()
            try:
                if connection is None or connection.closed:
                    _, connection = await asyncio.wait_for(
                        loop.create_connection(_Connection, "127.0.0.1", port), timeout)
                waiter = connection.waiter = loop.create_future()
                timer = loop.call_later(timeout, lambda w=waiter: w.done() or w.set_exception(TimeoutError()))
                connection.transport.write(requests[i % clients])
                try:
                    status = await waiter
                finally:
                    timer.cancel()
            except (OSError, asyncio.TimeoutError, ValueError):
                status = "error"
                if connection is not None:
                    connection.transport.close()
                connection = None
            latencies.append((clock() - started) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
        if connection is not None:
            connection.transport.close()

    started = clock()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return clock() - started, latencies, statuses


def run(args, workers, database_url):
    data_dir = OUT / "reports-data"
    shutil.rmtree(data_dir, ignore_errors=True)
    port = free_port()
    server = start_server(data_dir, port, args.threads, workers, database_url, args.server)
    try:
        cookie, token = csrf(port)
        before = count_reports(data_dir, database_url)
        load_before = os.getloadavg()[0]
        server_cpu, client_cpu, pg_cpu = process_tree_cpu(server.pid), time.process_time(), postgres_cpu(database_url)
        elapsed, latencies, statuses = asyncio.run(load(port, cookie, token, args.requests, args.concurrency,
                                                        args.clients, args.timeout))
        client_cpu = time.process_time() - client_cpu
        server_cpu = process_tree_cpu(server.pid) - server_cpu if server_cpu is not None else None
        if pg_cpu is not None:  # per process: one that ended in between (not the server's: they stay) is not counted
            pg_cpu = sum(cpu - pg_cpu.get(pid, 0.0) for pid, cpu in postgres_cpu(database_url).items())
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=60)
    stored = count_reports(data_dir, database_url) - before
    accepted = statuses.get(303, 0)
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    database = "postgresql" if database_url else "sqlite"
    print(f"{database}, {args.server} server, {workers} worker(s) x {args.threads} threads: {args.requests} requests, "
          f"concurrency {args.concurrency}, {args.clients} clients")
    print(f"  statuses: {dict(sorted(statuses.items(), key=str))}")
    print(f"  sustained: {accepted / elapsed:.0f} accepted reports/s ({args.requests / elapsed:.0f} requests/s) "
          f"over {elapsed:.1f} s")
    print(f"  latency: median {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms")
    print(f"  accepted {accepted}, stored {stored}, lost {accepted - stored}")
    server_ms = f"{1000 * server_cpu / args.requests:.2f}" if server_cpu is not None else "?"
    pg_ms = f"{1000 * pg_cpu / args.requests:.2f}" if pg_cpu is not None else "-"
    print(f"  CPU per request: server processes {server_ms} ms, PostgreSQL's processes for this database {pg_ms} ms, "
          f"load generator {1000 * client_cpu / args.requests:.2f} ms; load average {load_before:.1f} -> "
          f"{load_after:.1f}", flush=True)
    return {"database": database, "workers": f"{args.server} {workers} x {args.threads}", "pg_ms": pg_ms, "rate": accepted / elapsed, "p99": p99,
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
    parser.add_argument("--server", choices=["auto", "waitress", "gunicorn", "granian"], default="auto",
                        help="qorgau serve --server (auto: waitress for 1 worker, gunicorn for more)")
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
    print("\n| database | server workers x threads | accepted reports/s | median ms | p99 ms | lost "
          "| server CPU ms/request | PostgreSQL CPU ms/request | client CPU ms/request | load average |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(f"| {r['database']} | {r['workers']} | {r['rate']:.0f} | {r['median']:.1f} | {r['p99']:.1f} | {r['lost']} "
              f"| {r['server_ms']} | {r['pg_ms']} | {r['client_ms']} | {r['load']} |")


if __name__ == "__main__":
    main()
