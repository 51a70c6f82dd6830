"""Record content in the reader's language: a person's page is headed by the name as the interface language
writes it, never by a spelling the reader may not see."""

import pytest

from qorgau.records import actions
from qorgau.records.models import Person

pytestmark = pytest.mark.django_db


def heading(client, uid, language):
    client.cookies["django_language"] = language
    body = client.get(f"/persons/{uid}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return body[body.index("<h1>"):body.index("</h1>")]


def test_a_person_page_is_headed_in_the_readers_language(client):
    assert "Акмарал Тобылова" in heading(client, "per_tobylova", "ru")
    assert "Ақмарал Тобылова" in heading(client, "per_tobylova", "kk")
    english = heading(client, "per_tobylova", "en")
    assert "Akmaral Tobylova" in english and "Акмарал" not in english
    assert "Akmaral Tobylova" in heading(client, "per_tobylova", "ru")  # the primary name stays beside it


def test_a_hidden_spelling_never_heads_the_page(client, client_for, alice):
    person = actions.do_create_person(actor=alice, name="Latin Only Person", sensitivity="public", consent="granted")
    actions.do_add_name(person, actor=alice, name="Секретное Имя", lang="ru", kind="alias", sensitivity="confidential")
    assert "Секретное Имя" not in heading(client_for(None), person.uid, "ru")
    assert "Секретное Имя" in heading(client_for(alice), person.uid, "ru")  # cleared: it may be shown
    assert Person.objects.filter(uid=person.uid).exists()
