"""One record per human being: links, queue, judgements, merge and unmerge without losing anything."""

import json

import pytest
from django.core.management import call_command

from qorgau.records import actions
from qorgau.records.models import Act, Citation, Person
from qorgau.resolution.actions import do_judge, do_unmerge, find_candidates, resolve
from qorgau.resolution.models import Candidate, Judgement, Merge

pytestmark = pytest.mark.django_db


def test_a_duplicate_spelling_is_linked_automatically(alice):
    new = actions.do_create_person(actor=alice, name="Maigul Sadykova", sensitivity="public")
    actions.do_create_act(actor=alice, victim=new, act_type="searched", date="2018-03")
    counts = resolve(actor="resolver", persons=[new])
    assert counts["merged"] == 1
    new.refresh_from_db()
    kept = Person.objects.get(uid="per_sadykova")
    assert new.merged_into == kept
    assert kept.acts.filter(act_type="searched").exists()
    assert kept.names.filter(name="Maigul Sadykova").exists()
    assert Judgement.objects.get(right_uid__in=[new.uid, kept.uid], left_uid__in=[new.uid, kept.uid]).decision == "same"


def test_family_members_and_namesakes_stay_apart():
    pairs = {(a.uid, b.uid) for a, b, _, _ in find_candidates()}
    assert ("per_zh_akhmetova", "per_b_akhmetov") not in pairs and ("per_b_akhmetov", "per_zh_akhmetova") not in pairs
    names = {frozenset((a.name, b.name)) for a, b, _, _ in find_candidates()}
    assert frozenset(("Kairat Kozhamzharov", "Kayrat Ismailov")) not in names
    assert frozenset(("Talgat Ayan", "Ayan Sharipbaev")) not in names


def test_confidential_records_are_only_queued(alice):
    secret = actions.do_create_person(actor=alice, name="Akmaral Tobylova", sensitivity="confidential")
    resolve(persons=[secret])
    secret.refresh_from_db()
    assert secret.merged_into is None
    assert Candidate.objects.filter(right=secret).exists() or Candidate.objects.filter(left=secret).exists()


def test_merge_and_unmerge_lose_nothing(alice):
    keep, other = sorted([Person.objects.get(uid="per_tobylova"), Person.objects.get(uid="per_ismailov")],
                         key=lambda p: p.pk)  # the older record is kept
    before_keep = (set(keep.names.values_list("name", flat=True)), set(keep.acts.values_list("uid", flat=True)))
    before_other = (set(other.names.values_list("name", flat=True)), set(other.acts.values_list("uid", flat=True)),
                    Citation.objects.filter(object_id=other.pk, content_type__model="person").count())
    do_judge(keep, other, actor=alice, decision="same")
    merge = Merge.objects.get(kept=keep, merged=other)
    assert set(keep.acts.values_list("uid", flat=True)) == before_keep[1] | before_other[1]
    assert other.name in set(keep.names.values_list("name", flat=True))
    do_unmerge(merge, actor=alice)
    keep.refresh_from_db()
    other.refresh_from_db()
    assert other.merged_into is None
    assert (set(keep.names.values_list("name", flat=True)), set(keep.acts.values_list("uid", flat=True))) == before_keep
    assert (set(other.names.values_list("name", flat=True)), set(other.acts.values_list("uid", flat=True)),
            Citation.objects.filter(object_id=other.pk, content_type__model="person").count()) == before_other
    history = Judgement.objects.filter(left_uid__in=[keep.uid, other.uid], right_uid__in=[keep.uid, other.uid]).order_by("at", "id")
    assert [j.decision for j in history] == ["same", "different"]
    assert history[0].superseded_by == history[1]
    resolve()  # a standing judgement of "different" keeps them apart
    other.refresh_from_db()
    assert other.merged_into is None


def test_reviewers_judge_from_the_queue_and_the_person_page(client_for, alice, carol):
    secondary = actions.do_create_person(actor=alice, name="Dilnar Insenova", sensitivity="internal")
    resolve(persons=[secondary])
    candidate = Candidate.objects.get(status="open", right=secondary)
    client = client_for(alice)
    assert "Dilnar Insenova" in client.get("/resolution/").content.decode()
    page = client.get("/persons/per_insenova/").content.decode()
    assert "Possibly the same as" in page
    assert client_for(carol).get("/resolution/").status_code == 403
    client = client_for(alice)
    versions = f"{actions.edit_token(candidate.left, alice)}:{actions.edit_token(candidate.right, alice)}"  # as the forms
    client.post(f"/resolution/{candidate.public_id}/judge/", {"decision": "same", "versions": versions})
    secondary.refresh_from_db()
    assert secondary.merged_into.uid == "per_insenova"
    assert client.get(f"/persons/{secondary.uid}/").url == "/persons/per_insenova/"
    merge = Merge.objects.get(merged=secondary)
    client.post(f"/resolution/merges/{merge.public_id}/unmerge/")
    secondary.refresh_from_db()
    assert secondary.merged_into is None


def test_the_resolve_command_reports(capsys):
    call_command("resolve")
    assert "await review" in capsys.readouterr().out


def test_placeholders_are_never_linked():
    names = {frozenset((a.uid, b.uid)) for a, b, _, _ in find_candidates()}
    assert frozenset(("per_anonymous_ua63_a", "per_anonymous_ua63_b")) not in names
    assert Act.objects.filter(victim_person__uid="per_anonymous_ua63_b").exists()



def test_merging_never_makes_a_name_more_visible(alice):
    from qorgau.records.models import PersonName

    internal = actions.do_create_person(actor=alice, name="Maigul Sadykova", sensitivity="internal",
                                        names=[{"name": "Майгуль Садыкова-Тайная", "sensitivity": "public"}])
    public = Person.objects.get(uid="per_sadykova")
    do_judge(public, internal, actor=alice, decision="same")
    merge = Merge.objects.get(merged=internal)
    assert PersonName.objects.get(id=merge.moved["primary_name"]).sensitivity == "internal"
    moved_alias = public.names.get(name="Майгуль Садыкова-Тайная")
    assert moved_alias.sensitivity == "internal"  # it came from an internal record
    do_unmerge(merge, actor=alice)
    assert internal.names.get(name="Майгуль Садыкова-Тайная").sensitivity == "public"  # as it was
    assert not PersonName.objects.filter(id=merge.moved["primary_name"]).exists()


def test_evidence_never_quotes_a_confidential_name(alice):
    person = Person.objects.get(uid="per_kaliyev")
    actions.do_add_name(person, actor=alice, name="Yerlan Kaliev Secret", sensitivity="confidential")
    other = actions.do_create_person(actor=alice, name="Yerlan Kaliev", sensitivity="internal")
    resolve(persons=[other])
    for candidate in Candidate.objects.filter(right=other) | Candidate.objects.filter(left=other):
        # neither the name nor its keys (the evidence's details): "secret" is the key of its family name
        assert "secret" not in json.dumps(candidate.evidence, ensure_ascii=False).lower()
