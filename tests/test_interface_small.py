"""Small interface fixes of issue 14: a places index, Urgent Actions in the public menu, a favicon, real labels
instead of "Recognition object (1)" and "Proposed from doc_…"."""

import pytest
from django.test import Client

from qorgau.documents.models import Document
from qorgau.records import actions
from qorgau.records.models import Act, Citation, Place

pytestmark = pytest.mark.django_db


def test_the_places_index_lists_visible_places_with_their_acts(client_for, alice, bob):
    secret = actions.do_create_place(actor=alice, name="Safe House Index Test", sensitivity="confidential")
    public = Client().get("/places/").content.decode()
    almaty = Place.objects.filter(name="Almaty").first()
    assert "Almaty" in public and f"/places/{almaty.uid}/" in public
    assert "Safe House Index Test" not in public and secret.uid not in public
    assert "Safe House Index Test" not in client_for(bob).get("/places/").content.decode()
    assert "Safe House Index Test" in client_for(alice).get("/places/?q=Safe+House").content.decode()
    found = Client().get("/places/?q=Алматы").content.decode()  # any spelling
    assert f"/places/{almaty.uid}/" in found
    acts_there = Act.objects.visible_to(None).filter(place=almaty).count()
    if acts_there:
        assert f'href="/acts/?place={almaty.uid}">{acts_there}<' in public.replace("\n", "")
    regions = Client().get("/places/?kind=region").content.decode()
    assert "Almaty Region" in regions and f"/places/{almaty.uid}/" not in regions


def test_the_public_menu_offers_urgent_actions_places_and_an_icon(client):
    page = client.get("/persons/").content.decode()
    assert 'href="/campaigns/"' in page and 'href="/places/"' in page
    assert 'rel="icon"' in page
    assert client.get("/favicon.ico").status_code == 301
    listing = client.get("/campaigns/").content.decode()
    assert "/act/" in listing and "/campaigns/ua_" not in listing  # the public action pages, not the staff ones


def test_no_page_shows_a_model_s_default_label(client_for, alice):
    client = client_for(alice)
    cited = Citation.objects.filter(content_type__model="recognition").values_list("document_id", flat=True)
    documents = Document.objects.filter(pk__in=list(cited)[:5])
    assert documents, "the demo cites recognitions"
    for document in documents:
        body = client.get(f"/documents/{document.uid}/").content.decode()
        assert " object (" not in body, document.uid


def test_a_person_extraction_made_is_labelled_by_the_document_title(settings, tmp_path):
    from qorgau.documents.pipeline import ingest

    settings.FILES_DIR = tmp_path / "files"
    document = ingest("note.txt", b"On 2 May 2024 police in Taraz detained activist Dauren Seitkaliyev.",
                      actor="test").document
    act = Act.objects.get(victim_person__name="Dauren Seitkaliyev")
    assert document.uid not in act.victim_person.notes
    assert document.title in act.victim_person.notes


def test_act_types_and_groups_are_in_the_reader_s_language(client):
    page = client.get("/acts/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Бас бостандығынан айыру" in page and "ұстау" in page  # deprivation of liberty; detained
    assert "Act group" not in page and ">Deprivation<" not in page
    russian = client.get("/acts/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Лишение свободы" in russian and "задержание" in russian
