"""Session 16 audit (outside), the item it left: candidate pairs (`/resolution/<n>/judge/`, the batch form's
`candidate` values), merges (`/resolution/merges/<n>/unmerge/`) and links between persons (`/relations/<n>/delete/`)
were named by row numbers, so the gap between two numbers a reader saw counted the pairs, merges and links they may
not see. They are now named by random ids (`cnd_…`, `mrg_…`, `rel_…`), as attachments and charts since session 14;
a row number is no address at all (404 to everyone)."""

import re

import pytest

from qorgau.accounts.models import Role, User
from qorgau.records import actions
from qorgau.records.models import Person, PersonRelation
from qorgau.resolution.actions import do_merge_persons, resolve
from qorgau.resolution.models import Candidate, Judgement, Merge

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "alice", "bob", "carol", "dana", "rita", "ruth"]
ROLES = {"dana": (Role.CAMPAIGNER, False), "rita": (Role.REVIEWER, False), "ruth": (Role.REVIEWER, True)}


def _user(name):
    if name == "anonymous":
        return None
    if name in ROLES:
        role, cleared = ROLES[name]
        return User.objects.get_or_create(username=name, defaults={"role": role, "cleared_confidential": cleared})[0]
    return User.objects.get(username=name)


def _public(name, **fields):
    return actions.do_create_person(actor="test-setup", name=name, sensitivity="public", consent="granted", **fields)


@pytest.fixture
def world():
    """What every persona may read: public persons with an open pair between them (found by the resolver), two
    persons merged, and two persons linked as siblings. Beside them confidential ones of each kind, so that row
    numbers would leave gaps."""
    secret = actions.do_create_person(actor="test-setup", name="Hidden Sibling Sample", sensitivity="confidential")
    kept, merged = _public("Gulmira Merged-Sample"), _public("Gulmira Merged-Sample-Too")
    do_merge_persons(kept, merged, actor="test-setup")
    sister, brother = _public("Saule Linked-Sample"), _public("Arman Linked-Sample")
    hidden = actions.do_add_relation(sister, actor="test-setup", relation="sibling_of", other=secret)
    relation = actions.do_add_relation(sister, actor="test-setup", relation="sibling_of", other=brother)
    pairs = []
    for first, second in (("Nurzhan Zhakenov", "N. Zhakenov"), ("Nurzhan Ermekbaev", "N. Ermekbaev")):
        a = _public(first, roles=["activist"])
        b = _public(second, roles=["judge"])
        resolve(persons=[b])
        pairs.append(Candidate.objects.get(status="open", left__in=[a, b], right__in=[a, b]))
    return {"pairs": pairs, "merge": Merge.objects.get(merged=merged), "relation": relation, "hidden": hidden,
            "pages": ["/resolution/", f"/persons/{kept.uid}/", f"/persons/{sister.uid}/", f"/persons/{brother.uid}/"]
            + [f"/persons/{p.uid}/" for pair in pairs for p in (pair.left, pair.right)]}


# What in a page names a pair, a merge or a link: form actions and links, and the batch form's fields.
_NUMBERED = re.compile(r'/resolution/\d+/|/resolution/merges/\d+/|/relations/\d+/|name="candidate" value="\d+"|'
                       r'name="versions-\d+"')


def _pages(client, world):
    return {url: client.get(url).content.decode() for url in world["pages"]}


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_names_a_pair_a_merge_or_a_link_by_its_row_number(persona, world, client_for):
    client = client_for(_user(persona))
    pages = _pages(client, world)
    numbered = {url: _NUMBERED.findall(page) for url, page in pages.items() if _NUMBERED.search(page)}
    assert not numbered
    # Not vacuous: whoever may act on them is given their forms, by the random ids.
    user = _user(persona)
    ids = {m for page in pages.values() for m in re.findall(
        r'action="(/resolution/[^"]+/judge/|/resolution/merges/[^"]+/unmerge/|/relations/[^"]+/delete/)"', page)}
    ticked = {m for page in pages.values() for m in re.findall(r'name="candidate" value="([^"]+)"', page)}
    may_review, may_edit = user is not None and user.may_review, user is not None and user.may_edit
    expected = ({f"/resolution/{c.public_id}/judge/" for c in world["pairs"]}
                | {f"/resolution/merges/{world['merge'].public_id}/unmerge/"} if may_review else set()) \
        | ({f"/relations/{world['relation'].public_id}/delete/"} if may_edit else set()) \
        | ({f"/relations/{world['hidden'].public_id}/delete/"} if may_edit and user.cleared_confidential else set())
    assert ids == expected
    assert ticked == ({c.public_id for c in world["pairs"]} if may_review else set())


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_row_number_answers_404_to_everyone_also_for_what_they_may_read(persona, world, client_for):
    client = client_for(_user(persona))
    pair, merge, relation = world["pairs"][0], world["merge"], world["relation"]
    for url, data in ((f"/resolution/{pair.pk}/judge/", {"decision": "different"}),
                      (f"/resolution/merges/{merge.pk}/unmerge/", {}),
                      (f"/relations/{relation.pk}/delete/", {"person": relation.person.uid})):
        assert client.post(url, data).status_code == 404, url
        assert client.get(url).status_code == 404, url
    client.post("/resolution/judge/", {"decision": "different", "candidate": [pair.pk],
                                       f"versions-{pair.pk}": f"{pair.left.version}:{pair.right.version}"})
    pair.refresh_from_db()
    merge.refresh_from_db()
    assert pair.status == "open" and merge.undone_at is None
    assert PersonRelation.objects.filter(pk=relation.pk).exists()
    assert not Judgement.objects.filter(left_uid__in=[pair.left.uid, pair.right.uid]).exists()


def test_judging_batch_judging_unmerging_and_removing_a_link_work_by_the_ids(world, client_for, bob):
    rita = _user("rita")
    client = client_for(rita)
    first, second = world["pairs"]
    left = Person.objects.get(pk=first.left_id)
    response = client.post(f"/resolution/{first.public_id}/judge/", {"decision": "unsure"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == "judged"
    assert Judgement.objects.get(left_uid__in=[left.uid]).decision == "unsure"

    queue = client.get("/resolution/").content.decode()
    versions = re.search(rf'name="versions-{second.public_id}" value="([^"]+)"', queue).group(1)
    client.post("/resolution/judge/", {"decision": "different", "candidate": [second.public_id],
                                       f"versions-{second.public_id}": versions})
    second.refresh_from_db()
    assert second.status == "judged"

    merge = world["merge"]
    assert client.post(f"/resolution/merges/{merge.public_id}/unmerge/").status_code == 302
    merge.refresh_from_db()
    assert merge.undone_at is not None and Person.objects.get(pk=merge.merged_id).merged_into is None

    relation = world["relation"]
    response = client_for(bob).post(f"/relations/{relation.public_id}/delete/", {"person": relation.person.uid})
    assert response.status_code == 302
    assert not PersonRelation.objects.filter(pk=relation.pk).exists()
    # An id of another kind, or one that names nothing, is no address either.
    assert client_for(bob).post(f"/relations/{merge.public_id}/delete/").status_code == 404
    assert client_for(bob).post("/relations/rel_000000000000/delete/").status_code == 404


def test_the_ids_are_random_and_distinct(world):
    ids = [c.public_id for c in world["pairs"]] + [world["merge"].public_id, world["relation"].public_id]
    assert all(re.fullmatch(r"(cnd|mrg|rel)_[0-9a-z]{12}", i) for i in ids)
    assert len(set(ids)) == len(ids)
