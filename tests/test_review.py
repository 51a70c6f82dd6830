"""Ingesting proposes; reviewers decide; nothing is proposed twice and no decision is undone."""

import pytest

from qorgau.documents.models import Document
from qorgau.documents.pipeline import extract_into, ingest
from qorgau.records.models import Act, Citation, Person

pytestmark = pytest.mark.django_db

CASE = ("URGENT ACTION\n\nActivist detained\n\nOn 12 May 2024, police in Shymkent detained blogger Aigerim "
        "Nurlanova. On 14 May she was charged under Article 274 of the Criminal Code. Between 20 and 30 people "
        "were detained at the protest.\n\nUA: 12/24 Index: EUR 57/1234/2024 Issue Date: 15 May 2024\n").encode()


@pytest.fixture
def case(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    return ingest("case.txt", CASE, actor="test").document


def test_ingest_proposes_acts_with_dates_provisions_and_tallies(case):
    acts = Act.objects.filter(victim_person__name="Aigerim Nurlanova").order_by("date")
    assert [(a.act_type, a.date, a.review) for a in acts] == [("detained", "2024-05-12", "suggested"),
                                                             ("charged", "2024-05-14", "suggested")]
    assert [ap.provision.uid for ap in acts[1].act_provisions.all()] == ["CC-274"]
    citation = Citation.objects.get(object_id=acts[1].pk, document=case, field="")
    assert case.text[citation.start:citation.end].startswith("On 14 May she was charged")
    assert case.extra["urgent_action"] == {"number": "12/24", "issued": "2024-05-15", "reference": "EUR 57/1234/2024"}
    tally = Citation.objects.get(document=case, method="rule:tally").record.tallies.get()
    assert (tally.act_type, tally.minimum, tally.maximum) == ("detained", 20, 30)


def test_the_same_file_twice_is_one_document_and_nothing_is_proposed_twice(case):
    citations = Citation.objects.filter(document=case).count()
    again = ingest("copy.txt", CASE, actor="test")
    assert again.document == case and not again.created and again.proposals == 0
    assert Citation.objects.filter(document=case).count() == citations
    assert Document.objects.filter(sha256=case.sha256).count() == 1


def test_a_reviewers_decision_survives_extraction_run_again(client_for, alice, case):
    act = Act.objects.get(victim_person__name="Aigerim Nurlanova", act_type="charged")
    citation = Citation.objects.get(object_id=act.pk, document=case, field="")
    client_for(alice).post(f"/documents/{case.uid}/review/{citation.public_id}/", {"decision": "rejected"})
    assert extract_into(case, actor="test") == 0
    act.refresh_from_db()
    assert act.review == "rejected"
    assert Act.objects.filter(victim_person__name="Aigerim Nurlanova", act_type="charged").count() == 1


def test_only_accepted_facts_reach_public_pages(client_for, alice, client, case):
    person = Act.objects.get(victim_person__name="Aigerim Nurlanova", act_type="detained").victim_person
    person.sensitivity = "public"
    person.save()
    assert "detained" not in client.get(f"/persons/{person.uid}/").content.decode().split("Timeline")[1]
    client_for(alice).post(f"/documents/{case.uid}/review/accept-remaining/")
    case.refresh_from_db()
    assert case.review_state == "reviewed"
    Act.objects.filter(victim_person=person).update(sensitivity="public")
    client.logout()
    assert "detained" in client.get(f"/persons/{person.uid}/").content.decode().split("Timeline")[1]


def test_the_review_page_shows_proposals_in_their_passage(client_for, alice, case):
    body = client_for(alice).get(f"/documents/{case.uid}/review/").content.decode()
    import re

    assert re.search(r'<mark class="[^"]*m-person[^"]*r-suggested[^"]*"[^>]*>Aigerim Nurlanova</mark>', body)
    assert "UA 12/24" in body and "Accept all remaining" in body


def test_only_reviewers_review(client_for, carol, case):
    assert client_for(carol).get(f"/documents/{case.uid}/review/").status_code == 403
    citation = Citation.objects.filter(document=case).first()
    assert client_for(carol).post(f"/documents/{case.uid}/review/{citation.public_id}/",
                                  {"decision": "accepted"}).status_code == 403


def test_an_upload_is_read_and_shows_its_state(client_for, bob, settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    settings.QORGAU_INGEST_IN_BACKGROUND = False
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(bob).post("/documents/upload/", {
        "file": SimpleUploadedFile("note.txt", "Ержан Амирханов был задержан 21 марта 2018 года.".encode("cp1251")),
        "language": "auto", "sensitivity": "internal"})
    document = Document.objects.get(filename="note.txt")
    assert response.url == f"/documents/{document.uid}/"
    assert (document.processing, document.language) == ("done", "ru")
    assert "Ержан Амирханов" in document.text
    broken = client_for(bob).post("/documents/upload/", {
        "file": SimpleUploadedFile("broken.pdf", b"%PDF-1.4 broken"), "language": "auto", "sensitivity": "internal"})
    failed = Document.objects.get(filename="broken.pdf")
    assert failed.processing == "failed" and "damaged" in failed.error
    assert "could not be read" in client_for(bob).get(broken.url).content.decode()


def test_the_original_is_encrypted_at_rest(case, settings):
    from qorgau.documents import storage

    stored = storage.path_for(case.sha256).read_bytes()
    assert b"Nurlanova" not in stored
    assert storage.load(case.sha256) == CASE


def test_russian_text_yields_persons_dates_places_and_provisions(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    text = ("Сообщение мониторинга\n\n13 марта 2018 года в Алматы задержана активистка Акмарал Тобылова. "
            "Ей предъявлено обвинение по ч. 2 ст. 405 УК РК. Журналист Ержан Амирханов допрошен в марте 2018 года.")
    document = ingest("note.txt", text.encode("cp1251"), actor="test").document
    assert document.language == "ru"
    mentions = set(Citation.objects.filter(document=document, field="mention").values_list("text", flat=True))
    assert {"Акмарал Тобылова", "Ержан Амирханов", "Алматы"} <= mentions
    # The name matches the demo record's Cyrillic alias: the proposals attach to that person.
    proposed = Act.objects.filter(victim_person__uid="per_tobylova", review="suggested")
    act = proposed.get(act_type="detained")
    assert act.date == "2018-03-13"
    charged = proposed.get(act_type="charged")
    assert [ap.provision.uid for ap in charged.act_provisions.all()] == ["CC-405.2"]



def test_a_mention_is_never_tied_to_a_confidential_person(alice, settings, tmp_path):
    from qorgau.records import actions

    settings.FILES_DIR = tmp_path / "files"
    hidden = actions.do_create_person(actor=alice, name="Witness W", sensitivity="confidential",
                                      names=[{"name": "Dauren Seitkali", "sensitivity": "confidential"}])
    document = ingest("note.txt", b"On 2 May 2024 police in Taraz detained activist Dauren Seitkali.",
                      actor="test").document
    act = Act.objects.filter(victim_person__name="Dauren Seitkali").get()
    assert act.victim_person != hidden and act.victim_person.sensitivity == document.sensitivity == "internal"


def test_an_uncleared_reviewer_sees_and_decides_only_what_they_may_read(client_for, case, settings):
    from qorgau.accounts.models import User
    from qorgau.records import actions

    reviewer = User.objects.create(username="erin", role="reviewer")
    person = Person.objects.get(name="Aigerim Nurlanova")
    actions.do_set_sensitivity(person, actor="test", level="confidential")
    client = client_for(reviewer)
    page = client.get(f"/documents/{case.uid}/review/").content.decode().split('class="proposals card"')[1]
    assert "Aigerim Nurlanova" not in page
    hidden = Citation.objects.filter(document=case, object_id=person.pk, content_type__model="person").first()
    assert client.post(f"/documents/{case.uid}/review/{hidden.public_id}/", {"decision": "accepted"}).status_code == 404
    shown = Citation.objects.filter(document=case, content_type__model="event").first()
    assert client.post(f"/documents/{case.uid}/review/{shown.public_id}/", {"decision": "maybe"}).status_code == 400
    client.post(f"/documents/{case.uid}/review/accept-remaining/")
    hidden.refresh_from_db()
    case.refresh_from_db()
    assert hidden.review == "suggested" and case.review_state == "awaiting_review"


WRITE_TO = ("URGENT ACTION\n\nBlogger detained\n\nOn 3 June 2024, police in Taraz detained blogger Serik Bekov.\n\n"
            "PLEASE WRITE TO:\n\nProsecutor of Zhambyl Region\nBerik Asylov\n14 Example Street\nAstana 010000, Kazakhstan\n"
            "Fax: +7 7172 00 00 00\nEmail: office@prosecutor.example\nSalutation: Dear Prosecutor General\n\n"
            "Additional information\n").encode()


def test_a_proposed_office_is_added_to_the_directory_once_and_stays_added(client_for, alice, carol, settings,
                                                                          tmp_path):
    from qorgau.campaigns.models import Target

    settings.FILES_DIR = tmp_path / "files"
    document = ingest("ua.txt", WRITE_TO, actor="test", sensitivity="internal").document
    url = f"/documents/{document.uid}/review/targets/0/"
    assert client_for(carol).post(url).status_code == 403        # a viewer decides nothing
    assert "Add to the directory of targets" in client_for(alice).get(f"/documents/{document.uid}/review/").content.decode()
    assert client_for(alice).post(url).status_code == 302
    target = Target.objects.get(office="Prosecutor of Zhambyl Region")
    assert (target.holder_name, target.fax, target.emails, target.salutation, target.sensitivity) == (
        "Berik Asylov", "+7 7172 00 00 00", ["office@prosecutor.example"], "Dear Prosecutor General", "internal")
    assert "14 Example Street" in " ".join(target.address) and "Astana 010000" in " ".join(target.address)
    citation = Citation.objects.get(object_id=target.pk, content_type__model="target")
    assert "Prosecutor of Zhambyl Region" in document.text[citation.start:citation.end] and citation.review == "accepted"
    client_for(alice).post(url)
    extract_into(Document.objects.get(pk=document.pk), actor="test")
    assert Target.objects.filter(office="Prosecutor of Zhambyl Region").count() == 1
    assert Document.objects.get(pk=document.pk).extra["targets"][0]["target"] == target.uid
    assert client_for(alice).post(f"/documents/{document.uid}/review/targets/5/").status_code == 404


def test_a_reviewer_below_the_texts_level_may_not_review_it(client_for, alice, case):
    from qorgau.accounts.models import User

    Document.objects.filter(pk=case.pk).update(field_sensitivity={"text": "confidential"})
    reviewer = User.objects.create(username="erin", role="reviewer")
    client = client_for(reviewer)
    for url in (f"/documents/{case.uid}/review/", f"/documents/{case.uid}/review/accept-remaining/",
                f"/documents/{case.uid}/review/targets/0/"):
        response = client.get(url) if url.endswith("/review/") else client.post(url)
        assert response.status_code == 403, url
        assert "Shymkent" not in response.content.decode()
    case.refresh_from_db()
    assert case.review_state == "awaiting_review"
    assert "Shymkent" in client_for(alice).get(f"/documents/{case.uid}/review/").content.decode()  # cleared: reads it


def test_an_upload_in_kazakh_is_recorded_as_kazakh_and_a_russian_one_naming_kazakh_places_as_russian(settings, tmp_path):
    settings.FILES_DIR = tmp_path / "files"
    kazakh = ("Белсенді Асқар Жұмабаев 2022 жылғы 5 қаңтарда Алматыда ұсталды. Сот оны ҚК-нің 274-бабы бойынша "
              "кінәлі деп таныды.")
    russian = ("Активист из Жаңаөзена Асқар Жұмабаев задержан 5 января 2022 года в Алматы; суд признал его виновным "
               "по статье 274 Уголовного кодекса и назначил наказание в виде ограничения свободы.")
    english = "Activist Asqar Jumabaev from Jañaözen was detained in Almaty on 5 January 2022 and later convicted."
    assert ingest("kk.txt", kazakh.encode(), actor="test").document.language == "kk"
    assert ingest("ru.txt", russian.encode(), actor="test").document.language == "ru"
    assert ingest("en.txt", english.encode(), actor="test").document.language == "en"
