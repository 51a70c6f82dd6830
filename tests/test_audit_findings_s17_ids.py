"""Session 17 (protection): what readers see must not count, or date, what they may not see.

1. Citations and extraction proposals were named by row numbers (`/documents/<uid>/review/<n>/`,
   `?citation=<n>#citation-<n>`, `data-proposal="<n>"`, the bulk form's values): the gaps between the numbers a
   reader saw counted the citations on records and documents hidden from them. They are now named by random ids
   (`cit_…`), as candidates, merges and links since session 16; a row number is no address (404).
2. Edit forms carried a record's `version`, which counts every save, those of fields above the reader's level too:
   an editor shown "7" after three saves they could see learned of four hidden ones. Forms now carry an opaque
   token of the last save the reader could see (records/versions.py); a hidden save neither changes it nor refuses
   the reader's save (it touched nothing their form carries), and a visible one still does (no lost edit). The
   public Atom feed of Urgent Actions dates an entry by the last save a public reader could see.
"""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from qorgau.accounts.models import Role, User
from qorgau.audit.models import AuditEntry
from qorgau.records import actions
from qorgau.records.models import Citation, Person

pytestmark = pytest.mark.django_db


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


# An integer in an address that names no row: the position of an office in the list a document's review page shows
# whole to whoever may open it (nothing of that list is hidden from them, so the position counts nothing hidden).
NOT_A_ROW = {"document_add_target"}


def test_no_address_a_reader_can_reach_takes_a_number():
    """Derived from the URL configuration: every pattern with an integer converter is a row number in an address,
    unless it is listed above with the reason it counts nothing hidden."""
    numbered = {entry.name for route, entry in _patterns(get_resolver())
                if any(isinstance(c, IntConverter) for c in entry.pattern.converters.values())}
    assert numbered == NOT_A_ROW


# A world: a public person and a public document citing them; beside them, on the same person, a citation from a
# confidential document (hidden from the public and from uncleared staff) and, on an internal document, proposals
# about a public and a confidential person.

@pytest.fixture
def rita(db):
    return User.objects.get_or_create(username="rita", defaults={"role": Role.REVIEWER,
                                                                 "cleared_confidential": False})[0]


@pytest.fixture
def world(alice):
    person = actions.do_create_person(actor="test-setup", name="Saltanat Cited-Sample", sensitivity="public",
                                      consent="granted", sensitivity_reviewed=True)
    shown_doc = actions.do_create_document(actor="test-setup", title="Public report sample", sensitivity="public",
                                           text="Saltanat Cited-Sample was detained.")
    secret_doc = actions.do_create_document(actor="test-setup", title="Secret memo sample",
                                            sensitivity="confidential", text="Saltanat Cited-Sample, source X.")
    first = actions.add_citation(person, shown_doc, actor="test-setup", start=0, end=21, text="Saltanat")
    hidden = actions.add_citation(person, secret_doc, actor="test-setup", start=0, end=21, text="Saltanat")
    second = actions.add_citation(person, shown_doc, actor="test-setup", start=22, end=34, text="detained")
    person.refresh_from_db()
    assert person.sensitivity == "public"

    review_doc = actions.do_create_document(actor="test-setup", title="Internal report sample",
                                            sensitivity="internal", text="Aidos Shown, Berik Secret and Dana Shown.")
    shown_a = actions.do_create_person(actor="test-setup", name="Aidos Shown", sensitivity="internal")
    secret = actions.do_create_person(actor="test-setup", name="Berik Secret", sensitivity="confidential")
    shown_b = actions.do_create_person(actor="test-setup", name="Dana Shown", sensitivity="internal")
    proposals = [actions.add_citation(p, review_doc, actor="test-setup", start=s, end=e, text=t, review="suggested",
                                      method="rule:test", key=f"test:{s}")
                 for p, s, e, t in ((shown_a, 0, 11, "Aidos Shown"), (secret, 13, 25, "Berik Secret"),
                                    (shown_b, 30, 40, "Dana Shown"))]
    return {"person": person, "document": shown_doc, "shown": [first, second], "hidden": hidden,
            "review_doc": review_doc, "proposals": proposals}


# Whatever in a page names a citation or a proposal by a number.
_NUMBERED = re.compile(r'citation=\d|citation-\d|proposal-\d|data-proposal=["\']\d|/review/\d|'
                       r'name="uid" value="\d')


@pytest.mark.parametrize("persona", ["anonymous", "bob", "rita", "alice"])
def test_no_page_names_a_citation_or_a_proposal_by_its_row_number(persona, world, client_for, rita):
    user = None if persona == "anonymous" else rita if persona == "rita" else User.objects.get(username=persona)
    client = client_for(user)
    pages = {url: client.get(url).content.decode() for url in (
        f"/persons/{world['person'].uid}/", f"/documents/{world['document'].uid}/",
        f"/documents/{world['review_doc'].uid}/review/", f"/documents/{world['review_doc'].uid}/")}
    assert {url: _NUMBERED.findall(page) for url, page in pages.items() if _NUMBERED.search(page)} == {}
    # Not vacuous: the citations the reader may see are linked, by their random ids; the hidden one is not.
    person_page = pages[f"/persons/{world['person'].uid}/"]
    linked = set(re.findall(r"\?citation=(cit_[0-9a-z]+)#citation-\1", person_page))
    cleared = user is not None and user.cleared_confidential
    assert linked == {c.public_id for c in world["shown"]} | ({world["hidden"].public_id} if cleared else set())
    document_page = client.get(f"/documents/{world['document'].uid}/?citation={world['shown'][1].public_id}")
    assert f'id="citation-{world["shown"][1].public_id}" style=' in document_page.content.decode()
    if user is not None and user.may_review:
        review = pages[f"/documents/{world['review_doc'].uid}/review/"]
        named = set(re.findall(r'data-proposal="(cit_[0-9a-z]+)"', review))
        shown = {world["proposals"][0].public_id, world["proposals"][2].public_id}
        assert named == shown | ({world["proposals"][1].public_id} if cleared else set())
        assert set(re.findall(r'name="uid" value="(cit_[0-9a-z]+)"', review)) == named


def test_a_row_number_decides_no_proposal_also_for_the_administrator(world, client_for, alice):
    client = client_for(alice)
    doc, proposal = world["review_doc"], world["proposals"][0]
    assert client.post(f"/documents/{doc.uid}/review/{proposal.pk}/", {"decision": "accepted"}).status_code == 404
    client.post("/bulk/", {"kind": "proposal", "document": doc.uid, "op": "accepted", "uid": [proposal.pk]})
    assert Citation.objects.get(pk=proposal.pk).review == "suggested"
    # By its id, it is decided; an id of another document's citation names nothing here.
    other = world["shown"][0]
    assert client.post(f"/documents/{doc.uid}/review/{other.public_id}/", {"decision": "accepted"}).status_code == 404
    assert client.post(f"/documents/{doc.uid}/review/{proposal.public_id}/",
                       {"decision": "rejected"}).status_code == 302
    assert Citation.objects.get(pk=proposal.pk).review == "rejected"


def test_the_citation_ids_are_random_and_distinct(world):
    ids = [c.public_id for c in world["shown"] + [world["hidden"]] + world["proposals"]]
    assert all(re.fullmatch(r"cit_[0-9a-z]{12}", i) for i in ids) and len(set(ids)) == len(ids)


# 2. Versions -------------------------------------------------------------------------------------------------------

def _hidden_inputs(page):
    return re.findall(r'<input type="hidden" name="([^"]*version[^"]*)" value="([^"]*)"', page)


@pytest.fixture
def edited(alice):
    """A public person with a confidential contact; uncleared editors edit the rest."""
    person = actions.do_create_person(actor=alice, name="Yerlan Versioned-Sample", sensitivity="public",
                                      consent="granted", notes="First note.", contact="+7 700 000 0001",
                                      field_sensitivity={"contact": "confidential"})
    return Person.objects.get(pk=person.pk)


def _edit_page(client, person):
    return client.get(f"/persons/{person.uid}/edit/").content.decode()


def _form(page):
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    data.pop("csrfmiddlewaretoken", None)
    return data


def _hidden_saves(alice, person, n):
    for i in range(n):
        actions.do_update_person(Person.objects.get(pk=person.pk), actor=alice, contact=f"+7 700 000 01{i:02d}")


def test_a_hidden_save_changes_nothing_an_uncleared_editor_sees(edited, alice, bob, client_for):
    """Differential: bob's pages of the person (its page, its edit form) are the same before and after three saves
    of the contact, which he may not read; one save of the notes, which he may, changes his token."""
    client = client_for(bob)
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|"X-CSRFToken": "[^"]*"')
    pages = lambda: [csrf.sub("", client.get(url).content.decode())
                     for url in (f"/persons/{edited.uid}/", f"/persons/{edited.uid}/edit/")]
    before = pages()
    _hidden_saves(alice, edited, 3)
    assert Person.objects.get(pk=edited.pk).version == edited.version + 3
    assert pages() == before
    token = _form(before[1])["record_version"]
    assert re.fullmatch(r"[0-9a-f]{24}", token) and not token.isdigit()
    actions.do_update_person(Person.objects.get(pk=edited.pk), actor=alice, notes="Second note.")
    assert _form(_edit_page(client, edited))["record_version"] != token


def test_a_hidden_save_does_not_refuse_an_uncleared_editors_save_and_is_kept(edited, alice, bob, client_for):
    client = client_for(bob)
    form = _form(_edit_page(client, edited))
    _hidden_saves(alice, edited, 2)
    data = form | {"name": edited.name, "gender": "", "consent": "granted", "sensitivity": "public",
                   "notes": "Bob's note."}
    assert client.post(f"/persons/{edited.uid}/edit/", data).status_code == 302
    person = Person.objects.get(pk=edited.pk)
    assert (person.notes, person.contact) == ("Bob's note.", "+7 700 000 0101")


def test_a_visible_save_still_refuses_a_stale_form_naming_only_what_the_reader_may_see(edited, alice, bob,
                                                                                       client_for):
    """Lost-edit protection keeps working for the uncleared editor: a save of the notes in between refuses his, and
    the message names the notes, not the contact saved beside them."""
    client = client_for(bob)
    form = _form(_edit_page(client, edited))
    actions.do_update_person(Person.objects.get(pk=edited.pk), actor=alice, notes="Alice's note.",
                             contact="+7 700 000 0999")
    data = form | {"name": edited.name, "gender": "", "consent": "granted", "sensitivity": "public",
                   "notes": "Bob's note."}
    refused = client.post(f"/persons/{edited.uid}/edit/", data)
    page = refused.content.decode()
    assert refused.status_code == 200 and "Not saved: someone saved this record" in page
    message = page.split("Not saved:")[1].split("</")[0]
    assert "Notes (by alice" in message and "ontact" not in message
    assert Person.objects.get(pk=edited.pk).notes == "Alice's note."
    assert not AuditEntry.objects.filter(record_uid=edited.uid, actor_label="bob").exists()
    # A token read anew saves.
    assert client.post(f"/persons/{edited.uid}/edit/", data | _form(_edit_page(client, edited))).status_code == 302


def test_no_page_gives_a_reader_a_version_number(edited, alice, bob, rita, client_for):
    """Every hidden input about versions, on the pages that carry them (edit form, Urgent Action response, list
    entry, resolution queue, person page's judging forms, bulk merge), holds a token, never a number."""
    from qorgau.analysis.models import ListEntry
    from qorgau.resolution.models import Candidate

    twin = actions.do_create_person(actor=alice, name="Yerlan Versioned-Sampel", sensitivity="public",
                                    consent="granted")
    Candidate.objects.create(left=edited, right=twin, score=0.9)
    entry = ListEntry.objects.filter(sensitivity="public").first()
    found = {}
    for user in (bob, rita, alice):
        client = client_for(user)
        urls = [f"/persons/{edited.uid}/edit/", f"/persons/{edited.uid}/", "/resolution/", "/campaigns/ua_63_18/"]
        if entry is not None:
            urls.append(f"/lists/{entry.prisoner_list.slug}/")
        for url in urls:
            found.update({(user.username, url, name): value
                          for name, value in _hidden_inputs(client.get(url).content.decode())})
        merge = client.post("/bulk/", {"kind": "person", "op": "merge", "uid": [edited.uid, twin.uid]}, follow=True)
        found.update({(user.username, "bulk", name): value for name, value in _hidden_inputs(merge.content.decode())})
    assert found  # not vacuous
    assert {key for key, value in found.items() if re.search(r"(^|:)\d+($|:)", value)} == set()
    assert {url for _user, url, _name in found} >= {f"/persons/{edited.uid}/edit/", "/resolution/", "bulk"}


def test_the_public_feed_does_not_date_a_save_hidden_from_the_public(client):
    from qorgau.campaigns.models import UrgentAction

    ua = UrgentAction.objects.get(uid="ua_63_18")
    assert ua.sensitivity == "public"
    actions.update_record(ua, actor="test", field_sensitivity={**ua.field_sensitivity, "impact": "internal"})
    before = client.get("/urgent-actions/feed.atom").content.decode()
    actions.update_record(UrgentAction.objects.get(pk=ua.pk), actor="test", impact="Kept from the public.")
    assert client.get("/urgent-actions/feed.atom").content.decode() == before
    actions.update_record(UrgentAction.objects.get(pk=ua.pk), actor="test", title=ua.title + " (corrected)")
    assert client.get("/urgent-actions/feed.atom").content.decode() != before


# 3. Choices in forms ------------------------------------------------------------------------------------------------

FORM_MODULES = ["qorgau.records.forms", "qorgau.campaigns.forms", "qorgau.documents.forms"]


def test_every_choice_of_a_record_in_a_form_is_named_by_its_uid():
    """Derived from the form modules: a choice among rows (a ModelChoiceField) named by its row number lets the
    gaps between the options count the rows the editor may not see (the event form's places did)."""
    import importlib
    import inspect

    from django import forms

    numbered = []
    for module in map(importlib.import_module, FORM_MODULES):
        for name, form in inspect.getmembers(module, inspect.isclass):
            if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__:
                numbered += [f"{name}.{field}" for field, f in form.base_fields.items()
                             if isinstance(f, forms.ModelChoiceField) and not f.to_field_name]
    assert numbered == []


CREATE_AND_EDIT = ["/persons/new/", "/acts/new/?victim=per_ospan", "/organisations/new/", "/events/new/",
                   "/provisions/new/", "/documents/new/", "/campaigns/new/", "/targets/new/",
                   "/campaigns/ua_63_18/edit/", "/persons/per_ospan/edit/"]


@pytest.mark.parametrize("persona", ["bob", "alice"])
def test_no_create_or_edit_page_offers_a_row_number(persona, client_for):
    client = client_for(User.objects.get(username=persona))
    offered = {}
    for url in CREATE_AND_EDIT:
        page = client.get(url).content.decode()
        numbers = re.findall(r'<option value="(\d+)"|<input type="checkbox" name="(\w+)" value="(\d+)"', page)
        if numbers:
            offered[url] = numbers
    assert offered == {}
    events = [e for e in client.get("/events/new/").content.decode().split('name="places"')[1:2]]
    assert events and 'value="plc_' in events[0]  # not vacuous: the places are offered, by uid


def test_a_hidden_link_changes_no_token_and_a_visible_one_does(alice, bob):
    """Links: a confidential perpetrator or a confidential provision linked to a public act is a save the uncleared
    editor cannot see (their form neither shows nor drops it); a public perpetrator linked is one they can."""
    from qorgau.records.actions import edit_token
    from qorgau.records.models import Act, Organisation, Provision

    victim = actions.do_create_person(actor=alice, name="Linked Act-Sample", sensitivity="public", consent="granted")
    act = actions.do_create_act(actor=alice, act_type="detained", victim=victim, sensitivity="public")
    secret_org = actions.create_record(Organisation, actor=alice, name="Secret Unit Sample", sensitivity="confidential")
    public_org = actions.create_record(Organisation, actor=alice, name="Public Court Sample", sensitivity="public")
    secret_law = Provision.objects.filter(sensitivity="public").first()
    Provision.objects.filter(pk=secret_law.pk).update(sensitivity="confidential")
    fresh = lambda: Act.objects.get(pk=act.pk)
    read = edit_token(fresh(), bob)
    actions.do_update_act(fresh(), actor=alice, perpetrators=[(secret_org, "carried_out")])
    actions.do_update_act(fresh(), actor=alice, provisions=[(secret_law, "charged")])
    assert fresh().version == act.version + 2
    assert edit_token(fresh(), bob) == read
    assert edit_token(fresh(), alice) != edit_token(act, alice)  # the cleared editor's token moves
    actions.do_update_act(fresh(), actor=alice, perpetrators=[(secret_org, "carried_out"), (public_org, "ordered")])
    assert edit_token(fresh(), bob) != read
