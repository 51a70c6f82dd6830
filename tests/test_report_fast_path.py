"""The reporting endpoint's short path (qorgau/campaigns/fastpath.py): a valid report skips sessions, sign-in and
second-factor work, yet keeps the CSRF check, the panic lock, the security headers, the shared cap (counted once),
and agrees with the form on what is valid."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from qorgau.campaigns import actions
from qorgau.campaigns.fastpath import clean_report
from qorgau.campaigns.forms import ReportForm
from qorgau.campaigns.models import ActionReport, UrgentAction
from qorgau.throttle.models import Counter

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
REPORT = {"channel": "letter", "count": 1}


@pytest.fixture
def open_ua(db, settings):
    settings.QORGAU_REPORT_RATE = (2, 86400)
    UrgentAction.objects.filter(uid="ua_63_18").update(status="open")  # the demo's is closed
    return UrgentAction.objects.get(uid="ua_63_18")


def browser(client=None):
    client = client or Client(enforce_csrf_checks=True)
    client.get("/act/ua_63_18/")
    return client, client.cookies["csrftoken"].value


def test_a_report_from_a_signed_in_browser_reads_no_session_account_or_device(open_ua, client_for, dana):
    client, token = browser(client_for(dana))
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/act/ua_63_18/report/", REPORT | {"csrfmiddlewaretoken": token})
    assert response.status_code == 303 and response["Location"] == "/act/ua_63_18/?reported=1#report"
    # On PostgreSQL the report's statement is prepared once per connection: read what it runs.
    sql = " ".join(actions._COUNT_AND_STORE if q["sql"].startswith(f"EXECUTE {actions._PREPARED} ") else q["sql"]
                   for q in queries)
    named = set(re.findall(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?([a-z_]+)', sql))
    tables = named & set(connection.introspection.table_names())  # not the names of WITH clauses
    assert tables == {"throttle_counter", "campaigns_urgentaction", "campaigns_actionreport"}, tables
    assert ActionReport.objects.filter(urgent_action=open_ua).count() == 1


def test_the_short_path_keeps_the_security_headers(open_ua):
    client, token = browser()
    response = client.post("/act/ua_63_18/report/", REPORT | {"csrfmiddlewaretoken": token})
    assert response.status_code == 303
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff" and response["Referrer-Policy"] == "same-origin"
    assert response["Content-Length"] == "0"  # else a kept-alive connection would not know where the answer ends


@pytest.mark.parametrize("token", [None, "wrong" * 13])
def test_without_the_csrf_token_nothing_is_counted_or_stored(open_ua, token):
    client, _ = browser()
    data = REPORT | ({"csrfmiddlewaretoken": token} if token else {})
    assert client.post("/act/ua_63_18/report/", data, REMOTE_ADDR="203.0.113.4").status_code == 403
    assert not ActionReport.objects.exists() and not Counter.objects.exists()


def test_a_report_over_the_cap_is_counted_once_and_answered_in_the_visitors_language(open_ua):
    client, token = browser()
    client.cookies["django_language"] = "ru"
    codes = [client.post("/act/ua_63_18/report/", REPORT | {"csrfmiddlewaretoken": token},
                         REMOTE_ADDR="203.0.113.5") for _ in range(4)]
    assert [c.status_code for c in codes] == [303, 303, 429, 429]
    assert 'lang="ru"' in codes[-1].content.decode()
    assert list(Counter.objects.values_list("count", flat=True)) == [4]  # not 6: the view did not count again
    assert ActionReport.objects.count() == 2


def test_an_oversized_report_is_refused_with_a_message_and_nothing_counted(open_ua):
    client, token = browser()
    response = client.post("/act/ua_63_18/report/", REPORT | {"csrfmiddlewaretoken": token, "note": "x" * 2_000_000})
    assert response.status_code == 400 and b"Traceback" not in response.content
    assert not ActionReport.objects.exists() and not Counter.objects.exists()


def test_a_locked_qorgau_takes_no_report(open_ua, settings, tmp_path):
    from qorgau.keys import keyring

    client, token = browser()
    settings.QORGAU_KEYS_DIR = tmp_path / "keys"  # the test database's own keys are never locked
    keyring.locked_path().parent.mkdir(parents=True)
    keyring.locked_path().write_text("")
    try:
        assert client.post("/act/ua_63_18/report/", REPORT | {"csrfmiddlewaretoken": token}).status_code == 503
    finally:
        keyring.locked_path().unlink()
    assert not ActionReport.objects.exists() and not Counter.objects.exists()


@pytest.mark.parametrize("status, sensitivity, code", [("closed", "public", 410), ("open", "internal", 404)])
def test_a_closed_or_unpublished_urgent_action_counts_nothing(open_ua, status, sensitivity, code):
    client, token = browser()
    UrgentAction.objects.filter(pk=open_ua.pk).update(status=status, sensitivity=sensitivity)
    assert client.post("/act/ua_63_18/report/", REPORT | {"csrfmiddlewaretoken": token}).status_code == code
    assert not ActionReport.objects.exists() and not Counter.objects.exists()


# Inputs around every rule of the form: what the short path takes, the form takes too, with the same values.
CASES = [{"channel": c, "count": n, "country": k}
         for c in ("letter", "email", "fax", "call", "tweet", "social_media", "pigeon", "", "LETTER")
         for n in ("1", "2", "100", "101", "0", "-1", " 7 ", "1.0", "x", "", "1e2", "٣")
         for k in ("", "de", "DE", " kz ", "Germany", "d", "1x", "ÄÖ")]


def test_the_short_path_takes_only_what_the_form_takes():
    taken = 0
    for data in CASES:
        fields = clean_report(data)
        if fields is None:
            continue  # the full view decides (and answers 400 with the form's messages when it is invalid)
        taken += 1
        form = ReportForm(data)
        assert form.is_valid(), (data, form.errors)
        expected = form.cleaned_data | {"country": (form.cleaned_data["country"] or "").strip().upper()}
        assert fields == expected, data
    assert taken >= 6 * 3 * 3  # each channel, the valid counts, the valid countries


COUNT_IN_A_PROCESS = """
import django, sys
django.setup()
from qorgau.campaigns import actions
sys.stdin.readline()  # start together
outcomes = [actions.report_action_counted("ua_viral", key="rl:one-client", expires=2**40, limit=25,
                                          channel="call") for _ in range(20)]
print(outcomes.count(actions.ACCEPTED))
"""

OPEN_A_UA = """
import django; django.setup()
from qorgau.campaigns.models import UrgentAction
UrgentAction.objects.create(uid="ua_viral", number="1/26", title="Viral", sensitivity="public")
"""


def test_worker_processes_counting_and_storing_at_once_keep_the_cap_exactly(data_dir):
    assert run_cli(data_dir, "init").returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QORGAU_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="qorgau.settings", PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", OPEN_A_UA], env=env, check=True, timeout=120)
    processes = [subprocess.Popen([sys.executable, "-c", COUNT_IN_A_PROCESS], env=env, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(3)]
    for process in processes:
        process.stdin.write("go\n")
        process.stdin.flush()
    accepted = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        accepted.append(int(out.strip()))
    assert sum(accepted) == 25, accepted  # 60 attempts by one client in three processes: the cap, not 25 each
    count = ("import django; django.setup(); from qorgau.campaigns.models import ActionReport as R; "
             "print(R.objects.filter(urgent_action__uid='ua_viral').count())")
    stored = subprocess.run([sys.executable, "-c", count], env=env, capture_output=True, text=True, timeout=120)
    assert stored.stdout.strip() == "25"  # every accepted report stored, no refused one


def test_without_a_cap_reports_are_stored_only_for_an_open_urgent_action(open_ua):
    assert actions.report_action_counted("ua_63_18", key="k", expires=0, limit=0, channel="fax") == actions.ACCEPTED
    assert actions.report_action_counted("ua_nope", key="k", expires=0, limit=0, channel="fax") == actions.REFUSED
    UrgentAction.objects.filter(pk=open_ua.pk).update(status="closed")
    assert actions.report_action_counted("ua_63_18", key="k", expires=0, limit=0, channel="fax") == actions.REFUSED
    assert ActionReport.objects.count() == 1 and not Counter.objects.exists()


def test_the_cap_counts_actions_not_reports(open_ua, settings):
    """One browser cannot report 100 letters six times: the cap is on the actions reported per client, per UA,
    per day, on the short path and on the full one (an invalid report counts as one)."""
    settings.QORGAU_REPORT_RATE = (100, 86400)
    client, token = browser()
    post = lambda count: client.post("/act/ua_63_18/report/", {"channel": "letter", "count": count,  # noqa: E731
                                                                "csrfmiddlewaretoken": token}).status_code
    assert post(100) == 303
    assert post(1) == 429
    assert sum(ActionReport.objects.filter(urgent_action=open_ua).values_list("count", flat=True)) == 100
    other, other_token = browser(Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.20"))
    for count in (60, 40):
        assert other.post("/act/ua_63_18/report/", {"channel": "email", "count": count,
                                                    "csrfmiddlewaretoken": other_token}).status_code == 303
    assert other.post("/act/ua_63_18/report/", {"channel": "email", "count": 1,
                                                "csrfmiddlewaretoken": other_token}).status_code == 429


def test_the_full_path_counts_actions_too(open_ua, settings):
    from qorgau.campaigns import ratelimit
    from django.test import RequestFactory

    settings.QORGAU_REPORT_RATE = (10, 86400)
    request = RequestFactory().post("/act/ua_63_18/report/", REMOTE_ADDR="198.51.100.30")
    assert ratelimit.allow(request, "report:ua_63_18", 10, 86400, amount=7)
    assert not ratelimit.allow(request, "report:ua_63_18", 10, 86400, amount=4)


@pytest.mark.parametrize("prepared", [True, False])
def test_on_postgresql_the_report_is_prepared_once_per_connection(open_ua, settings, prepared):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (set DATABASE_URL)")
    settings.QORGAU_PREPARED_REPORT = prepared
    settings.QORGAU_REPORT_RATE = (3, 86400)
    client, token = browser()
    statements = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            codes = [client.post("/act/ua_63_18/report/", REPORT | {"csrfmiddlewaretoken": token}).status_code
                     for _ in range(2)]
        statements.append([q["sql"].split(None, 2)[:2] for q in queries])
        assert codes == ([303, 303] if len(statements) == 1 else [303, 429])
        # As if this were a new server session (a new connection): the statement is gone from the server.
        with connection.cursor() as cursor:
            cursor.execute("DEALLOCATE ALL")
        actions._prepared_on.discard(connection.connection)
    assert ActionReport.objects.filter(urgent_action=open_ua).count() == 3
    assert Counter.objects.get().count == 4
    if prepared:
        for round_ in statements:  # (the 429 answer's own queries come after)
            assert [s for s in round_ if s[0] in ("EXECUTE", "WITH")] == [["EXECUTE", actions._PREPARED]] * 2, round_
        assert statements[1][0] == ["PREPARE", actions._PREPARED]  # a PREPARE where this connection had none
        assert [s for s in statements[1] if s[0] == "PREPARE"] == [["PREPARE", actions._PREPARED]]
    else:
        assert [s[0] for round_ in statements for s in round_ if s[0] in ("EXECUTE", "WITH", "PREPARE")] == ["WITH"] * 4
