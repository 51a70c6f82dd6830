"""CPU time of one supporter's report, in-process: the WSGI application called directly (no server, no client).

    python benchmarks/report_cpu.py [--requests 3000] [--profile]          # SQLite in a fresh data directory
    DATABASE_URL=postgres:///qorgau_bench_reports python benchmarks/report_cpu.py

Counts only this process's CPU (the report's Python work, and SQLite's, which runs inside it; not PostgreSQL's
server processes), so it stays meaningful on a busy machine where wall-clock rates do not. --profile prints the
functions that take the most CPU over 1,000 more reports.
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "out" / "report-cpu-data"


def postgres_backend():
    """The process id of PostgreSQL's server process for this connection, when it runs on this machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    return pid if Path(f"/proc/{pid}/stat").exists() else None


def process_cpu(pid):
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    shutil.rmtree(DATA, ignore_errors=True)
    os.environ.update(QORGAU_DATA_DIR=str(DATA), QORGAU_TRUSTED_PROXIES="1", DJANGO_SETTINGS_MODULE="qorgau.settings")
    subprocess.run([sys.executable, "-m", "qorgau", "init"], check=True, capture_output=True,
                   env=os.environ | {"PYTHONPATH": str(ROOT)})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    from qorgau.campaigns.models import UrgentAction
    from qorgau.throttle.models import Counter
    from qorgau.wsgi import application

    UrgentAction.objects.update_or_create(uid="ua_bench", defaults={
        "number": "1/26", "title": "Benchmark", "sensitivity": "public", "status": "open"})
    Counter.objects.all().delete()
    page = Client().get("/act/ua_bench/")
    cookie = page.cookies["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    body = f"channel=letter&count=1&csrfmiddlewaretoken={token}".encode()
    statuses = set()

    def report(i):
        environ = {
            "REQUEST_METHOD": "POST", "PATH_INFO": "/act/ua_bench/report/", "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1:8000", "HTTP_COOKIE": f"csrftoken={cookie}",
            "HTTP_X_FORWARDED_FOR": f"198.18.{i // 250 % 250}.{i % 250 + 1}",
            "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
            "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0)}
        answer = application(environ, lambda status, headers, exc_info=None: statuses.add(status))
        b"".join(answer)
        answer.close()

    for i in range(200):  # warm up: imports, connections, caches
        report(i)
    backend = postgres_backend()
    wall, cpu, backend_cpu = time.perf_counter(), time.process_time(), process_cpu(backend)
    for i in range(args.requests):
        report(1000 + i)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{args.requests} reports: {1000 * cpu / args.requests:.2f} ms CPU per report "
          f"({1000 * wall / args.requests:.2f} ms wall); answers {sorted(statuses)}; load average {os.getloadavg()[0]:.1f}")
    if backend:
        print(f"  PostgreSQL's server process for this connection: "
              f"{1000 * (process_cpu(backend) - backend_cpu) / args.requests:.2f} ms CPU per report")
    if args.profile:
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for i in range(1000):
            report(100000 + i)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
