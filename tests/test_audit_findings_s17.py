"""Session 17 audit (outside, h27-audit): the crawl with the secrets *deleted*, and with unusual parameters.

1. A deleted record is a secret too (only an administrator reads it, on /deleted/): the generative crawl had never
   been run on a world whose secrets are deleted records linked from public ones. Run now (every URL, anonymous,
   staff of each kind, a cleared administrator), it found one leak: a person folded into a public one and then
   deleted still stood, by name and id, under "Possibly the same as" on the kept person's page, for every staff
   reader, with an "unmerge" button that brought the deleted record back into the merge.
2. Twin worlds (the crawl's world, and the same without one secret, for the secret of every relation; the pages of
   the public records and every list compared as anonymous): a public act's confidential perpetrator (a person or an
   organisation) was shown as an empty link with its role ("Perpetrators: , (carried out)") on every page that
   lists the act -- the person's, the provision's, the list of acts --: that a hidden perpetrator took part, and how.
3. `?next=` without a slash (`/login/verify/?next=per_x`) was taken for the name of a view: a 500.
4. Kept as tests (nothing found): every URL of the crawl with `?format=`, `?page=`, `?sort=`, `?lang=`, `?next=`
   and the dates of lists and the census, as HEAD and OPTIONS, with its id in upper case and without its trailing
   slash shows nothing of the secrets linked to it.
"""

import pytest

from qorgau.records import actions as records

from .leakworld import MARKER, World, body_text
from .test_access import _leaks, _sign_in_as, _uid_pattern, persona_user, urls_to_crawl
from .test_access import world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


# 1. A world whose secrets are deleted records -----------------------------------------------------------------------

@pytest.fixture
def deleted_world(db, settings, tmp_path):
    """The crawl's world with every secret public but deleted the way an administrator deletes (do_delete_record: what
    a real delete would cascade to goes too, links to it are cleared). What the deletion leaves is what the site has
    to keep from every reader."""
    from qorgau.analysis.episodes import rebuild_all
    from qorgau.records.indexing import rebuild_index

    built = World(level="public").build()
    settings.FILES_DIR = tmp_path / "files"
    built.attach_files()
    admin = persona_user("admin-cleared")
    built.deleted = {}
    for marker, (row, why) in list(built.secrets.items()):
        if not hasattr(row, "deleted_at"):
            continue  # a saved chart is not a record
        fresh = type(row)._base_manager.get(pk=row.pk)
        if fresh.deleted_at is None:
            try:
                records.do_delete_record(fresh, actor=admin)
            except records.ValidationError:  # "other rows depend on it": refused, so not deleted
                continue
        built.deleted[marker] = why
    rebuild_index()
    rebuild_all()
    assert len(built.deleted) > 50
    return built


def _deleted_leaks(world, url, response):
    body = body_text(response)
    out = [f"{url}: {m} ({world.deleted[m]})" for m in set(MARKER.findall(body)) if m in world.deleted and m not in url]
    for marker, why in world.deleted.items():
        uid = getattr(world.secrets[marker][0], "uid", "")
        if uid and uid in body and uid not in url:
            out.append(f"{url}: {uid} ({why})")
    return out


@pytest.mark.parametrize("persona", [None, "viewer-cleared", "reviewer-cleared", "admin-cleared"])
def test_no_url_shows_a_deleted_record_linked_any_way(persona, deleted_world, client):
    client.force_login(persona_user("admin-cleared"))
    urls, _ = urls_to_crawl(client, deleted_world, secrets_per_model=1)
    _sign_in_as(client, persona)
    leaks = []
    for url in urls:
        if url.startswith("/deleted/"):
            continue  # the administrator's list of deleted records (403 to the others)
        response = client.get(url)
        assert response.status_code < 500, url
        leaks += _deleted_leaks(deleted_world, url, response)
    assert not leaks, f"{len(leaks)} leaks to {persona or 'anonymous'}:\n" + "\n".join(sorted(leaks)[:60])


def test_the_administrators_list_does_show_the_deleted_records_so_the_crawl_is_not_vacuous(deleted_world, client):
    client.force_login(persona_user("admin-cleared"))
    body = body_text(client.get("/deleted/"))
    assert len(set(MARKER.findall(body)) & set(deleted_world.deleted)) > 20


def _folded_then_deleted(alice):
    from qorgau.resolution.actions import do_judge

    kept = records.do_create_person(actor=alice, name="Aigerim Public", sensitivity="public", consent="granted")
    other = records.do_create_person(actor=alice, name="Aigerim Qz7001Zq Folded", sensitivity="public",
                                     consent="granted")
    do_judge(kept, other, actor=alice, decision="same")
    other.refresh_from_db()
    assert other.merged_into_id == kept.pk
    records.do_delete_record(other, actor=alice)
    return kept, other


@pytest.mark.parametrize("reader", ["bob", "alice"])
def test_a_person_folded_and_then_deleted_is_not_offered_as_possibly_the_same(reader, alice, bob, client_for, request):
    """Before: the kept person's page listed the deleted record under "Possibly the same as" (its id and an unmerge
    button) to every staff reader; only an administrator may read a deleted record, on /deleted/. (The folded
    record's name stays on the kept person as an alias: the merge moved it there, and deleting the empty folded
    record does not take it back.)"""
    kept, other = _folded_then_deleted(alice)
    body = client_for(request.getfixturevalue(reader)).get(f"/persons/{kept.uid}/").content.decode()
    assert other.uid not in body and "mrg_" not in body and "Possibly the same as" not in body


def test_unmerging_a_deleted_record_is_refused_and_changes_nothing(alice, client_for):
    from qorgau.resolution.models import Merge

    kept, other = _folded_then_deleted(alice)
    merge = Merge.objects.get(kept=kept, merged=other)
    response = client_for(alice).post(f"/resolution/merges/{merge.public_id}/unmerge/")
    assert response.status_code == 404
    merge.refresh_from_db()
    assert merge.undone_at is None
    assert type(other)._base_manager.get(pk=other.pk).merged_into_id == kept.pk


# 2. A confidential perpetrator of a public act ------------------------------------------------------------------------

def _act_pages(act):
    return [f"/persons/{act.victim_person.uid}/", "/acts/", "/acts/?type=detained", f"/api/acts/{act.uid}/",
            f"/persons/{act.victim_person.uid}/custody/", "/export/acts.csv"]


@pytest.mark.parametrize("kind", ["person", "organisation"])
@pytest.mark.parametrize("reader", [None, "carol"])
def test_a_hidden_perpetrator_of_a_public_act_is_not_shown_even_as_an_empty_name(kind, reader, alice, client_for,
                                                                                  request):
    """The act row said "Perpetrators: , (carried out)": a link with no name (the policy hid the record) and its
    role. The pages are now the same as for the act without that perpetrator."""
    import re

    from qorgau.records.models import Involvement, Organisation, Person

    victim = records.do_create_person(actor=alice, name="Bolat Public", sensitivity="public", consent="granted")
    act = records.do_create_act(actor=alice, victim=victim, act_type="detained", date="2024-05-01",
                                description="Held.")
    type(act).objects.filter(pk=act.pk).update(review="accepted")
    client = client_for(request.getfixturevalue(reader) if reader else None)

    def pages():
        out = []
        for url in _act_pages(act):
            body = body_text(client.get(url))
            out.append(re.sub(r'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"|csrftoken=[^;"]*|'
                              r'"X-CSRFToken": "[^"]*"|\d{4}-\d\d-\d\dT[\d:.]+Z?', "", body))
        return out

    without = pages()
    if kind == "person":
        hidden = Person.objects.create(name="Officer Qz7002Zq", sensitivity="confidential")
        Involvement.objects.create(act=act, perpetrator_person=hidden, role="judged")
    else:
        hidden = Organisation.objects.create(name="Unit Qz7002Zq", kind="other", sensitivity="confidential")
        Involvement.objects.create(act=act, perpetrator_organisation=hidden, role="judged")
    with_hidden = pages()
    for url, one, other in zip(_act_pages(act), without, with_hidden):
        assert one == other, url
    seen = client_for(alice).get(f"/persons/{victim.uid}/").content.decode()
    assert "Qz7002Zq" in seen and "judged" in seen  # a cleared reader reads the perpetrator


# 3. ?next= without a slash ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["per_abcdefghijkl", "web:person", "dashboard", "https://elsewhere.example/"])
def test_a_next_that_is_no_address_goes_to_the_dashboard_not_a_500(target, alice, client_for):
    response = client_for(alice).get("/login/verify/", {"next": target})
    assert response.status_code == 302 and response["Location"] == "/dashboard/"


def test_a_next_that_is_an_address_on_this_site_is_followed(alice, client_for):
    response = client_for(alice).get("/login/verify/", {"next": "/persons/?q=a"})
    assert response.status_code == 302 and response["Location"] == "/persons/?q=a"


# 3. Unusual parameters, methods and spellings of every URL ---------------------------------------------------------

VARIANTS = ["?format=json", "?format=csv", "?page=2", "?sort=-born", "?sort=date", "?sort=-acts", "?lang=ru",
            "?as_of=1903-04-06", "?since=1900-01-01", "?status=removed"]


@pytest.mark.parametrize("persona", [None, "viewer-uncleared"])
def test_no_url_tells_a_secret_with_unusual_parameters_methods_or_spellings(persona, world, client):  # noqa: F811
    client.force_login(persona_user("admin-cleared"))
    urls, _ = urls_to_crawl(client, world, secrets_per_model=1)
    secret_uids = sorted({row.uid for row, _ in world.secrets.values() if getattr(row, "uid", "")}, key=len,
                         reverse=True)
    _sign_in_as(client, persona)
    pattern = _uid_pattern(world)
    leaks = []
    for url in urls:
        path = url.split("?")[0]
        asks = [("head", url), ("options", url)]
        if "?" not in url:
            asks += [("get", url + variant) for variant in VARIANTS]
            asks.append(("get", f"{url}?next=/persons/{secret_uids[0]}/"))
        if path.endswith("/"):
            asks.append(("follow", path[:-1]))
        uid = next((u for u in secret_uids if u in url), None)
        if uid:
            asks.append(("follow", url.replace(uid, uid.upper())))
        for method, address in asks:
            response = client.get(address, follow=True) if method == "follow" else getattr(client, method)(address)
            assert response.status_code < 500, (method, address)
            text = " ".join(f"{k}: {v}" for k, v in response.items()) if method in ("head", "options") \
                else body_text(response)
            leaks += [f"{method} {address}: {k} ({why})" for k, why in _leaks(text, world, pattern, address).items()]
    assert not leaks, f"{len(leaks)} leaks to {persona or 'anonymous'}:\n" + "\n".join(sorted(leaks)[:60])


# Twin worlds: with and without each secret -------------------------------------------------------------------------

# A person folded into another (merged_into) is listed nowhere while the record it was folded into exists, hidden or
# not; once that record is gone for good it is a person again. Not a secret told: the folded record's own state.
TWIN_EXPECTED = {"Person.merged_into"}


def test_the_public_pages_are_the_same_with_and_without_each_linked_secret(db, client):
    """For the secret behind every relation of the crawl's world: the public records' pages and every list, read by an
    anonymous visitor, must not change when that secret never existed (removed with what a real delete cascades to).
    A marker-free difference -- a count, an empty name, a role, an order -- tells that the secret exists."""
    import difflib
    import re

    from django.db import transaction

    from qorgau.analysis import generation
    from qorgau.analysis.episodes import rebuild_all
    from qorgau.records.indexing import rebuild_index

    from .test_access import _normalised

    def read(url):
        text = _normalised(body_text(client.get(url)), "§")
        return re.sub(r'"next": "[^"]*"|\d\d:\d\d(:\d\d)?', "", text)  # a signed cursor's time, a clock

    world = World().build()
    rebuild_index()
    rebuild_all()
    client.force_login(persona_user("admin-cleared"))
    urls, _ = urls_to_crawl(client, world, secrets_per_model=0)
    hubs = {h.uid for h in world.hubs.values() if h is not None and getattr(h, "uid", "")}
    pages = [u for u in urls if "?" not in u and (any(h in u for h in hubs) or u.count("/") <= 3)
             and not u.endswith(("logout/", ".atom")) and "/edit/" not in u and "opendata" not in u]
    client.logout()
    base = {u: read(u) for u in pages}
    pages = [u for u in pages if read(u) == base[u]]  # a page that does not answer twice alike is no oracle
    assert len(pages) > 80
    by_relation = {}
    for _marker, (row, why) in world.secrets.items():
        if hasattr(row, "deleted_at") and why.split(" ")[0] not in TWIN_EXPECTED:
            by_relation.setdefault(why, row)
    differences, compared = [], 0
    for why, row in sorted(by_relation.items()):
        point = transaction.savepoint()
        try:
            type(row)._base_manager.filter(pk=row.pk).delete()
        except Exception:  # protected (a provision an act cites): the secret cannot be taken away alone
            transaction.savepoint_rollback(point)
            continue
        compared += 1
        generation.bump()
        rebuild_index()
        rebuild_all()
        for url in pages:
            now = read(url)
            if now != base[url]:
                changed = [line for line in difflib.unified_diff(base[url].split("\n"), now.split("\n"), lineterm="",
                                                                 n=0) if line[:1] in "+-"][2:4]
                differences.append(f"{why}: {url} " + " | ".join(line.strip()[:150] for line in changed))
        transaction.savepoint_rollback(point)
        generation.bump()
    assert compared > 50
    assert not differences, f"{len(differences)}:\n" + "\n".join(differences[:40])
