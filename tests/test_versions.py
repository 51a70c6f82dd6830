"""No lost update: an edit form carries the version it was read at; saving over a newer version is refused.

Two editors are two Django test clients. The generic test derives the edit pages from the URL configuration, so
a new edit page that forgets the version fails here.
"""

import re

import pytest
from django.test import Client
from django.urls import get_resolver

from qorgau.accounts.models import Role, User
from qorgau.audit.models import AuditEntry
from qorgau.records import actions
from qorgau.records.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def erin(db):
    """A second editor cleared for confidential values (so both editors see the whole form)."""
    return User.objects.create(username="erin", role=Role.EDITOR, cleared_confidential=True)


def _client(user):
    from tests.conftest import sign_in_verified

    client = Client()
    sign_in_verified(client, user)  # signed in with the second factor, as staff are
    return client


def _form_data(response):
    """What a browser would send back from the page: every field's shown value and the hidden inputs."""
    form = response.context["form"]
    data = {}
    for bound in form:
        value = bound.value()
        if bound.field.disabled:
            continue
        to_field = getattr(bound.field, "to_field_name", None)
        if to_field and value not in (None, "") and not isinstance(value, (list, tuple)) and not hasattr(value, "_meta"):
            value = bound.field.queryset.model._base_manager.filter(pk=value).values_list(to_field, flat=True).first()
        if isinstance(value, (list, tuple)):
            data[bound.name] = [str(getattr(v, "pk", v)) for v in value]
        elif isinstance(value, bool):
            if value:
                data[bound.name] = "on"
        elif value is not None:
            data[bound.name] = str(value)
    html = response.content.decode()
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        if name != "csrfmiddlewaretoken":
            data[name] = value
    return data


def test_the_second_of_two_editors_is_refused_and_nothing_is_lost(alice, bob, erin):
    person = actions.do_create_person(actor=alice, name="Galym Test", sensitivity="internal",
                                      notes="Lives in Almaty.", contact="+7 701 555 0101")
    url = f"/persons/{person.uid}/edit/"
    editor_a, editor_b = _client(erin), _client(bob)
    form_a = _form_data(editor_a.get(url))
    form_b = _form_data(editor_b.get(url))  # B opens the same version

    saved = editor_a.post(url, form_a | {"notes": "Moved to Astana in May.", "contact": "+7 701 555 0202"})
    assert saved.status_code == 302

    # B saves from the stale form: their old notes, and a contact field they could not fill in.
    refused = editor_b.post(url, form_b | {"notes": "Lives in Almaty. Has a lawyer.", "contact": ""})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Not saved: someone saved this record after you opened it" in page
    assert "Notes (by erin" in page and "Moved to Astana in May." in page  # B may read the notes
    # B is not cleared for the contact: not even that it changed is said (session 17: a save hidden from a reader
    # is never shown to them, by a count or by name).
    assert "contact (by erin" not in page and "ontact" not in page.split("Not saved:")[1].split("</")[0]
    assert "+7 701 555 0202" not in page  # B is not cleared for the contact
    person.refresh_from_db()
    assert person.notes == "Moved to Astana in May."
    assert person.contact == "+7 701 555 0202"
    assert not AuditEntry.objects.filter(record_uid=person.uid, actor_label="bob").exists()

    # Submitting the refused form again is refused again; the page opened anew saves.
    assert editor_b.post(url, form_b | {"notes": "x"}).status_code == 200
    assert Person.objects.get(pk=person.pk).notes == "Moved to Astana in May."
    fresh = _form_data(editor_b.get(url))
    assert editor_b.post(url, fresh | {"notes": "Moved to Astana in May. Has a lawyer."}).status_code == 302
    person.refresh_from_db()
    assert person.notes == "Moved to Astana in May. Has a lawyer."
    assert person.contact == "+7 701 555 0202"  # h9-read hides the field from B; the version check keeps it


def test_a_form_without_a_version_is_refused(alice):
    person = actions.do_create_person(actor=alice, name="Versionless Test", sensitivity="internal", notes="kept")
    client = _client(alice)
    data = _form_data(client.get(f"/persons/{person.uid}/edit/"))
    del data["record_version"]
    assert client.post(f"/persons/{person.uid}/edit/", data | {"notes": "lost"}).status_code == 200
    assert Person.objects.get(pk=person.pk).notes == "kept"


EDIT_PAGES = {  # url name -> a record of the demo data to edit
    "person_edit": "per_ospan", "organisation_edit": None, "event_edit": None, "provision_edit": "CC-174",
    "act_edit": None, "document_edit": None, "ua_edit": "ua_63_18", "target_edit": None,
}


def _model_of(name):
    from qorgau.campaigns.models import Target, UrgentAction
    from qorgau.documents.models import Document
    from qorgau.records.models import Act, Event, Organisation, Provision

    return {"person_edit": Person, "organisation_edit": Organisation, "event_edit": Event, "act_edit": Act,
            "document_edit": Document, "target_edit": Target, "provision_edit": Provision,
            "ua_edit": UrgentAction}[name]


def _some_uid(name):
    return _model_of(name).objects.filter(sensitivity="public").order_by("id").values_list("uid", flat=True).first()


def test_every_edit_page_refuses_a_stale_version(alice):
    from django.urls import reverse

    names = {name for name in get_resolver("qorgau.web.urls").reverse_dict if isinstance(name, str)
             and name.endswith("_edit")}
    assert names == set(EDIT_PAGES), "a new edit page: add it here, and make sure form_page gets its record"
    client = _client(alice)
    for name, uid in EDIT_PAGES.items():
        uid = uid or _some_uid(name)
        url = reverse(f"web:{name}", kwargs={"uid": uid})
        data = _form_data(client.get(url))
        assert "record_version" in data, name
        record = _model_of(name).objects.get(uid=uid)
        # Someone else saves a change in between.
        actions.update_record(type(record).objects.get(pk=record.pk), actor="someone else",
                              extra={**record.extra, "touched": name})
        refused = client.post(url, data)
        assert refused.status_code == 200 and "Not saved: someone saved" in refused.content.decode(), name
        assert "extra (by someone else" in refused.content.decode(), name
        assert type(record).objects.get(pk=record.pk).version == record.version + 1, name
        data["record_version"] = actions.edit_token(type(record).objects.get(pk=record.pk), alice)
        assert client.post(url, data).status_code == 302, name
