import io
import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from qorgau.audit.models import AuditEntry
from qorgau.campaigns import actions
from qorgau.campaigns.models import ActionReport, Target, UrgentAction
from qorgau.interchange.exporter import write_export

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def ua_63():
    return UrgentAction.objects.get(number="63/18", update=0)


def create_ua(client, **overrides):
    data = {"number": "12/26", "title": "Ardak Ashim at risk", "issued": "2026-11-20", "deadline": "2026-12-31",
            "persons": "per_ashim", "acts": [], "asks": "Release her from the psychiatric hospital.\nStop the case.",
            "background": "Forcibly placed in a psychiatric hospital.", "languages": ["en", "ru"],
            "targets": ["tgt_prosecutor_general_odf"], "sensitivity": "public",
            "publish_without_consent": "on"}  # Ardak Ashim's consent is not recorded in the demo
    data.update(overrides)
    return client.post("/campaigns/new/", data)


def test_a_campaigner_creates_a_ua_from_a_case(client_for, dana):
    client = client_for(dana)
    form = client.get("/campaigns/new/?person=per_ashim").content.decode()
    assert 'value="per_ashim"' in form and "psychiatric detention" in form
    response = create_ua(client)
    ua = UrgentAction.objects.get(number="12/26")
    assert response.status_code == 302 and response.url == f"/campaigns/{ua.uid}/"
    assert [p.uid for p in ua.persons.all()] == ["per_ashim"]
    assert [t.target.uid for t in ua.ua_targets.all()] == ["tgt_prosecutor_general_odf"]
    assert ua.asks == ["Release her from the psychiatric hospital.", "Stop the case."]
    assert AuditEntry.objects.filter(record_uid=ua.uid, verb="create", actor_label="dana").exists()


def test_it_refuses_a_taken_or_malformed_number(client_for, dana):
    client = client_for(dana)
    assert "exists already" in create_ua(client, number="63/18").content.decode()
    assert "Write the number as NGOs do" in create_ua(client, number="UA 12").content.decode()
    assert not UrgentAction.objects.filter(title="Ardak Ashim at risk").exists()


def test_only_campaigners_author(client_for, carol, bob):
    assert client_for(carol).get("/campaigns/new/").status_code == 403
    assert client_for(bob).post("/campaigns/new/", {"number": "1/26"}).status_code == 403
    assert client_for(None).get("/campaigns/new/").status_code == 302


def test_an_update_keeps_the_number_and_the_targets(alice):
    original = ua_63()
    update = actions.do_issue_update(original, actor=alice, deadline="2018-07-20")
    assert (update.number, update.update) == ("63/18", 1)
    assert [t.target.uid for t in update.ua_targets.all()] == [t.target.uid for t in original.ua_targets.all()]
    second = actions.do_issue_update(update, actor=alice, targets=[(Target.objects.get(uid="tgt_ombudsman"), "to")])
    assert second.update == 2 and [t.target.uid for t in second.ua_targets.all()] == ["tgt_ombudsman"]
    update.refresh_from_db()
    assert update.status == "updated"
    assert [t.target.uid for t in update.ua_targets.all()] != ["tgt_ombudsman"]  # the old UA keeps its targets


def test_the_pdf_downloads(client_for, dana):
    response = client_for(dana).get("/campaigns/ua_63_18/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="UA-63-18.pdf"'
    assert response.content.startswith(b"%PDF") and len(response.content) > 5000


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Dear Prosecutor General,", "Akmaral Tobylova", "On 13 March 2018", "Article 258 of the Criminal Code",
            "Yours sincerely,"]),
    ("ru", ["Уважаемый Генеральный прокурор,", "Акмарал Тобылова", "13 марта 2018 года", "ст. 258 Уголовного кодекса",
            "была помещена под домашний арест", "С уважением,"]),
    ("kk", ["Құрметті Бас прокурор,", "Ақмарал Тобылова", "2018 жылғы 13 наурызда", "Қылмыстық кодекстің 258-бабы",
            "Құрметпен,"]),
])
def test_letters_are_filled_from_the_record(client, lang, expected):
    body = client.get(f"/campaigns/ua_63_18/letters/tgt_prosecutor_general_ua6318/{lang}/").content.decode()
    for text in expected:
        assert text in body
    assert "Anonymous detainee" not in body


def test_the_public_page_hides_what_is_not_public(client, alice):
    UrgentAction.objects.filter(uid="ua_63_18").update(status="open")  # closed, it no longer invites appeals
    body = client.get("/act/ua_63_18/").content.decode()
    assert "Akmaral Tobylova" in body and "Dear Prosecutor General" in body and "8 June 2018" in body
    assert "Anonymous detainee" not in body
    internal = actions.do_create_urgent_action(actor=alice, number="99/26", title="Internal case", asks=["x"],
                                               sensitivity="internal")
    assert client.get(f"/act/{internal.uid}/").status_code == 404
    assert client.post(f"/act/{internal.uid}/report/", {"channel": "letter", "count": 1}).status_code == 404


def csrf_client():
    """A supporter's browser on the action page of UA 63/18, taken as open (the demo's is closed)."""
    UrgentAction.objects.filter(uid="ua_63_18").update(status="open")
    client = Client(enforce_csrf_checks=True)
    client.get("/act/ua_63_18/")
    return client, client.cookies["csrftoken"].value


def test_an_anonymous_supporter_reports_two_letters():
    client, token = csrf_client()
    response = client.post("/act/ua_63_18/report/", {"channel": "letter", "count": 2, "country": "de",
                                                     "csrfmiddlewaretoken": token})
    assert response.status_code == 303
    report = ActionReport.objects.get(urgent_action=ua_63())
    assert (report.channel, report.count, report.country) == ("letter", 2, "DE")
    assert '<td data-channel="letter"><strong>2</strong></td>' in client.get("/act/ua_63_18/").content.decode()


def test_reports_need_the_csrf_token():
    client, _ = csrf_client()
    assert client.post("/act/ua_63_18/report/", {"channel": "letter", "count": 1}).status_code == 403
    assert not ActionReport.objects.exists()


@pytest.mark.parametrize("data", [{"channel": "letter", "count": 0}, {"channel": "letter", "count": 5000},
                                  {"channel": "pigeon", "count": 1}, {"channel": "fax", "count": 1, "country": "Germany"},
                                  {"channel": "fax", "count": "x" * 100000}])
def test_bad_reports_are_refused_and_nothing_is_saved(data):
    client, token = csrf_client()
    response = client.post("/act/ua_63_18/report/", data | {"csrfmiddlewaretoken": token})
    assert response.status_code == 400
    assert not ActionReport.objects.exists()


def test_reports_are_rate_limited_without_keeping_addresses(settings):
    from qorgau.throttle.models import Counter

    settings.QORGAU_REPORT_RATE = (3, 600)
    client, token = csrf_client()
    codes = [client.post("/act/ua_63_18/report/", {"channel": "tweet", "count": 1, "csrfmiddlewaretoken": token},
                         REMOTE_ADDR="203.0.113.7").status_code for _ in range(4)]
    assert codes == [303, 303, 303, 429]
    other = client.post("/act/ua_63_18/report/", {"channel": "tweet", "count": 1, "csrfmiddlewaretoken": token},
                        REMOTE_ADDR="203.0.113.8")
    assert other.status_code == 303
    assert ActionReport.objects.count() == 4
    keys = list(Counter.objects.values_list("key", flat=True))
    assert len(keys) == 2 and not any("203.0.113" in key or "ua_63_18" in key for key in keys)


def test_counts_reach_the_campaigner_and_the_export(client_for, dana):
    actions.report_action(ua_63(), channel="email", count=3)
    actions.report_action(ua_63(), channel="letter", count=2)
    body = client_for(dana).get("/campaigns/ua_63_18/").content.decode()
    assert '<td data-channel="email"><strong>3</strong></td>' in body and "<polyline" in body
    out = io.StringIO()
    write_export(out, public=True)
    ua = next(r for r in map(json.loads, out.getvalue().splitlines()) if r["type"] == "urgent_action")
    assert ua["action_counts"] == {"letter": 2, "email": 3, "fax": 0, "call": 0, "tweet": 0, "social_media": 0}
    assert "action_reports" not in ua


def test_the_campaigner_records_the_response(client_for, dana):
    from qorgau.records.actions import edit_token

    client_for(dana).post("/campaigns/ua_63_18/response/", {"response": "denied", "impact": "Charges stand.",
                                                            "status": "closed", "record_version": edit_token(ua_63(), dana)})
    ua = ua_63()
    assert (ua.response, ua.impact, ua.status) == ("denied", "Charges stand.", "closed")
    assert AuditEntry.objects.filter(record_uid=ua.uid, verb="update", actor_label="dana").exists()


def test_the_feed_lists_public_uas(client):
    response = client.get("/urgent-actions/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "UA 63/18: Kazakhstan: woman detained" in response.content.decode()


def test_campaigns_due_lists_near_and_past_deadlines(alice, capsys):
    actions.do_create_urgent_action(actor=alice, number="5/26", title="Near", deadline="2026-11-25", asks=["x"])
    actions.do_create_urgent_action(actor=alice, number="6/26", title="Far", deadline="2027-03-01", asks=["x"])
    call_command("campaigns", "due", "--today", "2026-11-22")
    out = capsys.readouterr().out
    assert "UA 5/26" in out and "due in 3 days" in out and "Far" not in out
    assert "63/18" not in out  # closed


def test_targets_are_a_directory(client_for, dana):
    client = client_for(dana)
    client.post("/targets/new/", {"office": "Akim of Shymkent", "holder_name": "A. Akimov",
                                  "address": "1 Main Street\nShymkent", "emails": "akim@example.kz",
                                  "salutation": "Dear Akim", "sensitivity": "public"})
    target = Target.objects.get(office="Akim of Shymkent")
    assert target.address == ["1 Main Street", "Shymkent"] and target.emails == ["akim@example.kz"]
    bad = client.post("/targets/new/", {"office": "X", "emails": "not-an-email", "sensitivity": "public"})
    assert "valid email" in bad.content.decode()
