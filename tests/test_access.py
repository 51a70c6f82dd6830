"""For every page and endpoint: a less cleared reader gets nothing confidential.

Each check also runs as alice (cleared), who must see the secret, so the
checks cannot pass by showing nothing at all.
"""

import io

import pytest
from django.urls import get_resolver

from qorgau.interchange.exporter import write_export
from qorgau.records import actions
from qorgau.records.models import Act, Person, Provision

pytestmark = pytest.mark.django_db

SECRETS = ["Zhanna Secretova", "Секретова", "Hidden-Alias", "SECRET-ACT-DETAIL", "SECRET-TESTIMONY", "+7 777 000",
           "Anonymous detainee", "Gaukhar Zhumabaeva"]
INTERNAL = "Internal Person Iv"


@pytest.fixture
def secrets(alice):
    from qorgau.documents.models import Document

    secret = actions.do_create_person(actor=alice, name="Zhanna Secretova", sensitivity="confidential",
                                      names=[{"name": "Жанна Секретова", "lang": "ru"}])
    actions.do_create_act(actor=alice, victim=secret, act_type="detained", date="2024-05-01",
                          description="Held overnight.", provisions=[(Provision.objects.get(uid="CC-174"), "charged")])
    tobylova = Person.objects.get(uid="per_tobylova")
    actions.do_add_name(tobylova, actor=alice, name="Akmaral Hidden-Alias", sensitivity="confidential")
    actions.do_update_person(tobylova, actor=alice, contact="+7 777 000 11 22")
    actions.do_create_act(actor=alice, victim=tobylova, act_type="threatened", date="2018-04",
                          description="SECRET-ACT-DETAIL from a witness", sensitivity="confidential")
    testimony = actions.create_record(Document, actor=alice, title="Closed testimony", kind="testimony",
                                      text="SECRET-TESTIMONY of a witness about Akmaral Tobylova.",
                                      sensitivity="confidential")
    act = Act.objects.filter(victim_person=tobylova, act_type="house_arrest").first()
    actions.do_set_sensitivity(act, actor=alice, level="public")  # a reviewer keeps the act public
    actions.do_add_citation(act, testimony, actor=alice, start=0, end=16, text="SECRET-TESTIMONY")
    actions.do_create_person(actor=alice, name=INTERNAL, sensitivity="internal")
    # A confidential duplicate of a public person: the queue and the person page must not reveal it.
    from qorgau.resolution.actions import resolve

    actions.do_create_person(actor=alice, name="Gaukhar Zhumabaeva", sensitivity="confidential")
    actions.do_create_person(actor=alice, name="Гаухар Жумабаева", sensitivity="public")
    resolve(actor=alice)
    return {"person": secret.uid, "document": testimony.uid}


def pages(secrets):
    person, document = secrets["person"], secrets["document"]
    return {
        "home": "/", "dashboard": "/dashboard/",
        "persons": ["/persons/", "/persons/?q=Секрет", "/persons/?q=Hidden", "/persons/?q=Zhanna"],
        "person": [f"/persons/{person}/", "/persons/per_tobylova/", "/persons/per_anonymous_ua63_a/"],
        "person_edit": [f"/persons/{person}/edit/"],
        "api_persons": ["/api/persons/?q=Секретова", "/api/persons/?q=Hidden-Alias", "/api/persons/?q=anonymous"],
        "api_person": [f"/api/persons/{person}/", "/api/persons/per_tobylova/"],
        "organisations": "/organisations/", "organisation": "/organisations/org_dck/",
        "events": "/events/", "event": "/events/evt_dck_warnings/",
        "documents": ["/documents/", "/documents/?q=SECRET"], "document": [f"/documents/{document}/"],
        "document_edit": [f"/documents/{document}/edit/"],
        "document_review": [f"/documents/{document}/review/", "/documents/doc_ai_ua_63_18/review/"],
        "document_status": [f"/documents/{document}/status/"], "review_queue": "/documents/queue/",
        "resolution_queue": "/resolution/",
        "provisions": "/provisions/", "provision": "/provisions/CC-174/", "place": "/places/plc_almaty/",
        "uas": "/campaigns/", "ua": "/campaigns/ua_63_18/", "ua_edit": "/campaigns/ua_63_18/edit/",
        "ua_issue_update": "/campaigns/ua_63_18/update/", "ua_print": "/campaigns/ua_63_18/print/",
        "ua_pdf": "/campaigns/ua_63_18/pdf/",
        "ua_letter": ["/campaigns/ua_63_18/letters/tgt_prosecutor_general_ua6318/en/",
                      "/campaigns/ua_63_18/letters/tgt_ambassador_usa/ru/"],
        "action_page": "/act/ua_63_18/", "ua_feed": "/urgent-actions/feed.atom", "targets": "/targets/",
        "target_edit": "/targets/tgt_ambassador_usa/edit/",
    }


def fetch_all(client, secrets):
    bodies = []
    for urls in pages(secrets).values():
        for url in [urls] if isinstance(urls, str) else urls:
            response = client.get(url, follow=True)
            assert response.status_code in (200, 403, 404), url
            bodies.append((url, response.content.decode(errors="replace")))
    return bodies


@pytest.mark.parametrize("persona", [None, "carol", "bob"])
def test_it_shows_a_less_cleared_reader_nothing_confidential(persona, client_for, secrets, request):
    user = request.getfixturevalue(persona) if persona else None
    client = client_for(user)
    for url, body in fetch_all(client, secrets):
        for secret in SECRETS:
            assert secret not in body, f"{secret!r} leaked to {persona or 'anonymous'} at {url}"


def test_the_cleared_reader_does_see_the_secrets(client_for, alice, secrets):
    seen = "\n".join(body for _, body in fetch_all(client_for(alice), secrets))
    for secret in SECRETS:
        assert secret in seen, f"alice should see {secret!r}"


def test_internal_records_are_for_staff_only(client_for, carol, secrets):
    assert INTERNAL not in client_for(None).get("/persons/?q=Internal").content.decode()
    assert INTERNAL in client_for(carol).get("/persons/?q=Internal").content.decode()


def test_confidential_pages_are_not_found_for_the_less_cleared(client_for, carol, secrets):
    assert client_for(carol).get(f"/persons/{secrets['person']}/").status_code == 404
    assert client_for(None).get(f"/documents/{secrets['document']}/").status_code == 404
    api = client_for(carol).get(f"/api/persons/{secrets['person']}/")
    assert api.status_code == 404 and api.json() == {"error": {"code": "not_found", "message": "No such person."}}


def test_every_page_is_covered_by_these_checks(secrets):
    names = {p.name for p in get_resolver().url_patterns[1].url_patterns}
    writes = {"person_create", "person_add_name", "person_delete", "act_create", "act_edit", "organisation_create",
              "organisation_edit", "event_create", "event_edit", "provision_create", "provision_edit", "document_create",
              "login", "logout", "ua_create", "ua_response", "action_report", "target_create",
              "document_upload", "proposal_decide", "document_accept_remaining", "document_add_target", "resolution_judge",
              "resolution_unmerge", "panic"}
    # (covered in test_editing.py, test_campaigns.py and test_emergency.py)
    assert names - writes - set(pages(secrets)) == set()


def test_public_export_carries_nothing_confidential_or_internal(secrets):
    out = io.StringIO()
    write_export(out, public=True)
    text = out.getvalue()
    for secret in SECRETS + [INTERNAL, secrets["person"], secrets["document"], "per_anonymous_ua63_a"]:
        assert secret not in text
    assert "Akmaral Tobylova" in text


def test_the_full_export_keeps_everything_for_the_archive(secrets):
    out = io.StringIO()
    write_export(out)
    for secret in ["Zhanna Secretova", "Hidden-Alias", "SECRET-TESTIMONY", "Anonymous detainee A"]:
        assert secret in out.getvalue()


def test_what_the_pdf_is_made_of_holds_nothing_confidential(carol, alice):
    """PDF text is glyph-encoded, so the check is on the sheet the PDF is drawn from."""
    from qorgau.campaigns.models import UrgentAction
    from qorgau.campaigns.views import ua_sheet

    ua = UrgentAction.objects.get(uid="ua_63_18")
    for reader in (None, carol):
        sheet = ua_sheet(ua, reader)
        assert sheet["names"] == ["Akmaral Tobylova"]
        assert "Anonymous" not in " ".join(sheet["facts"])
    assert len(ua_sheet(ua, alice)["names"]) == 3
