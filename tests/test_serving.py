"""Serving with several worker processes: the rate limiter's counters are shared, the per-client cap holds per
Urgent Action per day, for IPv4 and per IPv6 /64; a closed Urgent Action takes no reports."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client

from qorgau.campaigns import ratelimit
from qorgau.campaigns.models import ActionReport, UrgentAction
from qorgau.throttle import store
from qorgau.throttle.models import Counter

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent


def supporter(ua="ua_63_18"):
    client = Client(enforce_csrf_checks=True)
    client.get(f"/act/{ua}/")
    return client, client.cookies["csrftoken"].value


def report(client, token, address, ua="ua_63_18"):
    return client.post(f"/act/{ua}/report/", {"channel": "email", "count": 1, "csrfmiddlewaretoken": token},
                       REMOTE_ADDR=address).status_code


@pytest.fixture
def open_uas(db, settings):
    settings.QORGAU_REPORT_RATE = (3, 86400)
    UrgentAction.objects.filter(uid="ua_63_18").update(status="open")
    other = UrgentAction.objects.create(uid="ua_other", number="99/26", title="Another", sensitivity="public")
    return UrgentAction.objects.get(uid="ua_63_18"), other


@pytest.mark.parametrize("first, second, same", [
    ("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe", True),   # one /64: one client
    ("2001:db8:1:2::1", "2001:db8:1:3::1", False),                   # the next /64: another client
    ("::ffff:198.51.100.7", "198.51.100.7", True),                   # IPv4 mapped into IPv6
    ("198.51.100.7", "198.51.100.8", False),
])
def test_the_cap_counts_ipv6_clients_per_64(open_uas, first, second, same):
    client, token = supporter()
    assert [report(client, token, first) for _ in range(3)] == [303, 303, 303]
    assert report(client, token, second) == (429 if same else 303)


def test_the_cap_is_per_urgent_action_and_per_day(open_uas, monkeypatch):
    client, token = supporter()
    assert [report(client, token, "203.0.113.9") for _ in range(4)] == [303, 303, 303, 429]
    assert report(client, token, "203.0.113.9", ua="ua_other") == 303  # another UA: its own cap
    tomorrow = time.time() + 86400
    monkeypatch.setattr(ratelimit.time, "time", lambda: tomorrow)
    assert report(client, token, "203.0.113.9") == 303  # a new day
    assert ActionReport.objects.count() == 5


def test_a_closed_urgent_action_takes_no_reports(open_uas):
    client, token = supporter()
    UrgentAction.objects.filter(uid="ua_63_18").update(status="closed")
    response = client.post("/act/ua_63_18/report/", {"channel": "email", "count": 1, "csrfmiddlewaretoken": token})
    assert response.status_code == 410 and "closed" in response.content.decode()
    assert not ActionReport.objects.exists()


def test_counters_of_past_windows_are_forgotten(db, monkeypatch):
    # The occasional sweep inside increment() (one call in SWEEP_EVERY, at random) is held off here, so that the
    # explicit sweep below is the one that forgets the old counter; without this the test failed about 1 run in 300.
    monkeypatch.setattr(store, "_roll", lambda n: 1)
    store.increment("old", expires=time.time() - 1)
    store.increment("current", expires=time.time() + 60)
    assert store.increment("current", expires=time.time() + 60) == 2
    assert store.sweep() == 1
    assert list(Counter.objects.values_list("key", flat=True)) == ["current"]


def test_an_increment_now_and_then_forgets_the_past_windows(db, monkeypatch):
    monkeypatch.setattr(store, "_roll", lambda n: 1)
    store.increment("old", expires=time.time() - 1)
    assert Counter.objects.filter(key="old").exists()
    monkeypatch.setattr(store, "_roll", lambda n: 0)  # this call is the one in SWEEP_EVERY
    store.increment("current", expires=time.time() + 60)
    assert list(Counter.objects.values_list("key", flat=True)) == ["current"]


COUNT_IN_A_PROCESS = """
import django, sys
django.setup()
from django.test import RequestFactory
from qorgau.campaigns.ratelimit import allow
request = RequestFactory().post("/", REMOTE_ADDR="2001:db8:77::%d" % int(sys.argv[1]))
sys.stdin.readline()  # start together
print(sum(allow(request, "report:ua_x", 30, 86400) for _ in range(40)))
"""


def test_worker_processes_share_the_counters(data_dir):
    assert run_cli(data_dir, "init").returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QORGAU_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="qorgau.settings", PYTHONPATH=str(ROOT))
    processes = [subprocess.Popen([sys.executable, "-c", COUNT_IN_A_PROCESS, str(i)], env=env, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for i in (1, 2, 3)]
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    allowed = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        allowed.append(int(out.strip()))
    # Three processes, one client (one /64), 120 attempts: 30 allowed in all, not 30 in each.
    assert sum(allowed) == 30, allowed


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(port, path, body, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


OPEN_A_UA = """
import django; django.setup()
from qorgau.campaigns.models import UrgentAction
UrgentAction.objects.create(uid="ua_viral", number="1/26", title="Viral", sensitivity="public")
"""


@pytest.mark.parametrize("kind", ["gunicorn", "granian"])
def test_several_workers_behind_a_proxy_keep_the_cap(data_dir, kind):
    assert run_cli(data_dir, "init").returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QORGAU_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="qorgau.settings", PYTHONPATH=str(ROOT),
               QORGAU_TRUSTED_PROXIES="1", QORGAU_REPORT_RATE="5/86400")
    subprocess.run([sys.executable, "-c", OPEN_A_UA], env=env, check=True, timeout=120)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "qorgau", "serve", "--workers", "3", "--threads", "2",
                               "--port", str(port), "--server", kind], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(300):
            try:
                login = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                login.request("GET", "/login/")
                response = login.getresponse()
                page = response.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start")
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = f"channel=call&count=1&csrfmiddlewaretoken={token}"

        def post(address):
            return _post(port, "/act/ua_viral/report/", body, {
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}",
                "Referer": f"http://127.0.0.1:{port}/", "X-Forwarded-For": address})

        # One connection per request: the workers take turns; the cap holds for the client all the same.
        statuses = [post("2001:db8:5::%x" % i) for i in range(1, 13)]
        assert statuses == [303] * 5 + [429] * 7
        assert post("2001:db8:6::1") == 303  # another household
    finally:
        server.terminate()
        server.wait(timeout=60)
    count = ("import django; django.setup(); from qorgau.campaigns.models import ActionReport as R; "
             "print(R.objects.filter(urgent_action__uid='ua_viral').count())")
    stored = subprocess.run([sys.executable, "-c", count], env=env, capture_output=True, text=True, timeout=120)
    assert stored.stdout.strip() == "6"  # every accepted report stored, no refused one


def test_forwarded_addresses_are_believed_only_from_the_proxy(rf, settings):
    settings.QORGAU_TRUSTED_PROXIES = 1
    settings.QORGAU_TRUSTED_PROXY_ADDRESS = "127.0.0.1"
    via_proxy = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    assert ratelimit.client_address(via_proxy) == "203.0.113.5"
    direct = rf.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert ratelimit.client_address(direct) == "198.51.100.9"
