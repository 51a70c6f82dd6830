"""Bulk actions on the persons and acts lists and the review page: each audited, all rows or none, refused for
rows above the user's clearance, CSRF-checked."""

import pytest
from django.test import Client

from qorgau.analysis.models import ListEntry, PrisonerList
from qorgau.audit.models import AuditEntry
from qorgau.records import actions
from qorgau.records.models import Act, Citation, Person

pytestmark = pytest.mark.django_db


def _persons(n, level="internal", prefix="Bulk Person"):
    return [actions.do_create_person(actor="test", name=f"{prefix} {chr(65 + i)}", sensitivity=level) for i in range(n)]


def test_the_list_offers_ticks_and_the_bar_to_editors_only(client_for, bob, carol, client):
    page = client_for(bob).get("/persons/").content.decode()
    assert 'form="bulk"' in page and 'action="/bulk/"' in page and 'value="add_to_list"' in page
    assert 'value="set_sensitivity"' not in page  # setting a level is a reviewer's choice
    for reader in (carol, None):
        page = (client_for(carol) if reader else Client()).get("/persons/").content.decode()
        assert 'form="bulk"' not in page and "/bulk/" not in page


def _read_after(page):
    import re

    return re.search(r'name="read_after" value="(\d+)"', page).group(1)


def test_set_sensitivity_on_ticked_persons_is_audited(client_for, alice):
    rows = _persons(3)
    client = client_for(alice)
    read_after = _read_after(client.get("/persons/?q=Bulk").content.decode())  # as the browser sends it
    response = client.post("/bulk/", {"kind": "person", "op": "set_sensitivity", "level": "public",
                                      "uid": [p.uid for p in rows], "next": "/persons/?q=Bulk",
                                      "read_after": read_after})
    assert response.status_code == 302 and response.url == "/persons/?q=Bulk"
    assert set(Person.objects.filter(pk__in=[p.pk for p in rows]).values_list("sensitivity", flat=True)) == {"public"}
    entry = AuditEntry.objects.get(verb="bulk", actor_label="alice")
    assert entry.changes["operation"] == "set_sensitivity" and set(entry.changes["rows"]) == {p.uid for p in rows}


def test_a_row_above_the_clearance_refuses_the_whole_request(client_for, bob, alice):
    visible = _persons(2)
    secret = actions.do_create_person(actor="test", name="Bulk Secret", sensitivity="confidential")
    prisoner_list = PrisonerList.objects.visible_to(bob).first()
    before = ListEntry.objects.count()
    for uids in ([p.uid for p in visible] + [secret.uid], [p.uid for p in visible] + ["per_nobody_at_all"]):
        response = client_for(bob).post("/bulk/", {"kind": "person", "op": "add_to_list", "list": prisoner_list.slug,
                                                   "uid": uids}, follow=True)
        assert "not available to you" in response.content.decode()
        assert ListEntry.objects.count() == before
    assert not AuditEntry.objects.filter(verb="bulk").exists()


def test_a_level_above_the_clearance_cannot_be_set(client_for, alice):
    from qorgau.accounts.models import User

    erin = User.objects.create(username="erin-bulk", role="reviewer")
    rows = _persons(2)
    response = client_for(erin).post("/bulk/", {"kind": "person", "op": "set_sensitivity", "level": "confidential",
                                                "uid": [p.uid for p in rows]}, follow=True)
    assert "above your own clearance" in response.content.decode()
    assert set(Person.objects.filter(pk__in=[p.pk for p in rows]).values_list("sensitivity", flat=True)) == {"internal"}


def test_persons_are_added_to_a_list_once(client_for, bob):
    rows = _persons(3)
    prisoner_list = PrisonerList.objects.visible_to(bob).first()
    client = client_for(bob)
    data = {"kind": "person", "op": "add_to_list", "list": prisoner_list.slug, "date": "2024-05",
            "uid": [p.uid for p in rows]}
    client.post("/bulk/", data)
    client.post("/bulk/", data)
    entries = ListEntry.objects.filter(prisoner_list=prisoner_list, person__in=rows)
    assert entries.count() == 3 and {e.date_added for e in entries} == {"2024-05"}
    assert AuditEntry.objects.filter(verb="create", record_type="ListEntry", actor_label="bob").count() == 3
    listed = client.get(f"/persons/?list={prisoner_list.slug}&q=Bulk").content.decode()
    assert all(p.name in listed for p in rows)


def test_a_viewer_may_not_and_a_bad_operation_is_a_clear_error(client_for, carol, bob):
    rows = _persons(1)
    assert client_for(carol).post("/bulk/", {"kind": "person", "op": "add_to_list", "uid": rows[0].uid}).status_code == 403
    assert client_for(bob).post("/bulk/", {"kind": "person", "op": "explode", "uid": rows[0].uid}).status_code == 400
    assert client_for(bob).get("/bulk/").status_code == 405


def test_bulk_needs_the_csrf_token(bob):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    rows = _persons(1)
    prisoner_list = PrisonerList.objects.visible_to(bob).first()
    response = client.post("/bulk/", {"kind": "person", "op": "add_to_list", "list": prisoner_list.slug,
                                      "uid": rows[0].uid})
    assert response.status_code == 403 and not ListEntry.objects.filter(person=rows[0]).exists()


def test_two_persons_merge_through_the_resolver_with_its_evidence(client_for, alice):
    one = actions.do_create_person(actor="test", name="Galym Zhaksylykov", sensitivity="internal", birth_year=1980)
    two = actions.do_create_person(actor="test", name="Galym Zhaksylykov", sensitivity="internal", birth_year=1980)
    client = client_for(alice)
    data = {"kind": "person", "op": "merge", "uid": [one.uid, two.uid], "next": "/persons/"}
    page = client.post("/bulk/", data).content.decode()
    assert "probability" in page and 'name="confirm"' in page
    assert Person.objects.get(pk=two.pk).merged_into is None  # nothing happens before the confirmation
    response = client.post("/bulk/", dict(data, confirm="1", note="Same birth year and city",
                                          version=[actions.edit_token(one, alice), actions.edit_token(two, alice)]))
    assert response.status_code == 302
    assert Person.objects.get(pk=two.pk).merged_into == one
    from qorgau.resolution.models import Judgement

    judgement = Judgement.objects.get(left_uid=one.uid, right_uid=two.uid)
    assert judgement.decision == "same" and "Same birth year" in judgement.note and "resolver" in judgement.note
    three = _persons(3, prefix="Merge Three")
    response = client.post("/bulk/", {"kind": "person", "op": "merge", "uid": [p.uid for p in three]}, follow=True)
    assert "exactly two" in response.content.decode()


def _waiting_act(victim_uid="per_ospan"):
    return actions.do_create_act(actor="test", act_type="detained", victim=Person.objects.get(uid=victim_uid),
                                 date="2022", review="suggested", sensitivity="internal")


def test_acts_waiting_for_review_are_accepted_or_rejected(client_for, alice, bob):
    acts = [_waiting_act() for _ in range(2)]
    assert client_for(bob).post("/bulk/", {"kind": "act", "op": "accepted", "uid": acts[0].uid}).status_code == 403
    client_for(alice).post("/bulk/", {"kind": "act", "op": "accepted", "uid": [acts[0].uid]})
    client_for(alice).post("/bulk/", {"kind": "act", "op": "rejected", "uid": [acts[1].uid]})
    assert [Act.objects.get(pk=a.pk).review for a in acts] == ["accepted", "rejected"]


@pytest.fixture
def case(settings, tmp_path):
    from qorgau.documents.pipeline import ingest

    settings.FILES_DIR = tmp_path / "files"
    text = ("Note\n\nOn 12 May 2024, police in Shymkent detained blogger Aigerim Nurlanova. On 14 May she was "
            "charged under Article 274 of the Criminal Code.\n")
    return ingest("case.txt", text.encode(), actor="test").document


def test_ticked_proposals_are_decided_and_the_count_follows(case, client_for, alice):
    client = client_for(alice)
    page = client.get(f"/documents/{case.uid}/review/").content.decode()
    waiting = list(Citation.objects.filter(document=case, review="suggested"))
    assert f'{len(waiting)} proposals wait' in page and 'form="bulk"' in page
    acts = [c for c in waiting if c.content_type.model == "act"]
    client.post("/bulk/", {"kind": "proposal", "document": case.uid, "op": "accepted", "uid": [c.public_id for c in acts]})
    assert all(Citation.objects.get(pk=c.pk).review == "accepted" for c in acts)
    assert all(c.record.review == "accepted" for c in Citation.objects.filter(pk__in=[c.pk for c in acts]))
    # One decision through htmx swaps the proposal and the count.
    rest = Citation.objects.filter(document=case, review="suggested").first()
    response = client.post(f"/documents/{case.uid}/review/{rest.public_id}/", {"decision": "rejected"}, HTTP_HX_REQUEST="true")
    left = len(waiting) - len(acts) - 1
    body = response.content.decode()
    assert 'id="waiting" hx-swap-oob="true"' in body and f"{left} proposal" in body


def test_the_merge_evidence_never_rests_on_what_the_reviewer_may_not_see(client_for, alice):
    from qorgau.accounts.models import Role, User

    one = actions.do_create_person(actor="test", name="Nurlan Sadvakasov", sensitivity="internal")
    two = actions.do_create_person(actor="test", name="Nurlan Sadvakasov", sensitivity="internal")
    for person in (one, two):  # the same confidential act on both: "same act" names its type and date
        actions.do_create_act(actor="test", act_type="interrogated", victim=person, date="2019-07-14",
                              sensitivity="confidential")
    reviewer = User.objects.create(username="rita", role=Role.REVIEWER, cleared_confidential=False)
    data = {"kind": "person", "op": "merge", "uid": [one.uid, two.uid]}
    uncleared = client_for(reviewer).post("/bulk/", data).content.decode()
    assert 'name="confirm"' in uncleared and "2019-07-14" not in uncleared
    cleared = client_for(alice).post("/bulk/", data).content.decode()
    assert "2019-07-14" in cleared  # the evidence is there for a reader who may see the act
