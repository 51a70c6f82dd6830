"""Filtered lists: facets with counts, sortable columns, filters in the URL, exports at the reader's level."""

import csv
import io

import pytest
from openpyxl import load_workbook

from qorgau.records import actions
from qorgau.records.models import Act, Person, Provision

SECRET_ALIAS = "Qzsecret-alias-Hiddenova"
SECRET_PERSON = "Qzsecret-person Confidentova"
SECRET_ACT = "Qzsecret-act-detail"


@pytest.fixture
def marked(alice):
    tobylova = Person.objects.get(uid="per_tobylova")
    actions.do_add_name(tobylova, actor=alice, name=SECRET_ALIAS, sensitivity="confidential")
    secret = actions.do_create_person(actor=alice, name=SECRET_PERSON, sensitivity="confidential", roles=["activist"])
    actions.do_create_act(actor=alice, victim=secret, act_type="detained", date="2024-05-01",
                          provisions=[(Provision.objects.get(uid="CC-174"), "charged")])
    actions.do_create_act(actor=alice, victim=tobylova, act_type="threatened", date="2018-04",
                          description=SECRET_ACT, sensitivity="confidential")
    return secret


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx_text(response):
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return "\n".join(" ".join(str(c) for c in row if c is not None) for row in book.active.iter_rows(values_only=True))


@pytest.mark.parametrize("kind", ["persons", "acts", "organisations", "documents"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_never_carries_a_confidential_marker_to_a_less_cleared_reader(kind, fmt, marked, client_for,
                                                                                alice, bob, carol):
    secrets = [SECRET_ALIAS, SECRET_PERSON, marked.uid]
    for persona in (None, carol, bob):
        response = client_for(persona).get(f"/export/{kind}.{fmt}")
        assert response.status_code == 200
        text = response.content.decode("utf-8-sig") if fmt == "csv" else _xlsx_text(response)
        assert not [s for s in secrets if s in text], (persona, kind)
        if kind == "acts":  # the confidential act is counted nowhere either
            assert "threatened,,2018-04" not in text.replace("HARASSMENT,", "")
    if kind in ("persons", "acts"):  # the cleared reader's export has them: the test cannot pass by showing nothing
        response = client_for(alice).get(f"/export/{kind}.{fmt}")
        text = response.content.decode("utf-8-sig") if fmt == "csv" else _xlsx_text(response)
        assert marked.uid in text


def test_the_export_is_the_filtered_list(client_for, bob):
    client = client_for(bob)
    rows = _csv(client.get("/export/persons.csv?article=CC-174&group=DEPRIVATION"))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["id", "name"]
    expected = set(Act.objects.visible_to(bob).filter(act_provisions__provision__uid="CC-174",
                                                      act_type__in=["detained", "arrested", "administrative_detention",
                                                                    "pretrial_detention", "house_arrest",
                                                                    "psychiatric_detention", "imprisoned"])
                   .values_list("victim_person__uid", flat=True)) - {None}
    assert expected and {row[0] for row in body} == expected
    page = client.get("/persons/?article=CC-174&group=DEPRIVATION").content.decode()
    assert f"{len(expected)} result" in page


def test_facet_counts_are_the_rows_each_filter_would_leave(client_for, bob):
    client = client_for(bob)
    response = client.get("/persons/")
    facets = {f["key"]: f for f in response.context["facets"]}
    for facet_key in ("group", "role", "article", "consent", "sensitivity"):
        for value in facets[facet_key]["values"][:4]:
            filtered = client.get(f"/persons/?{value['query']}")
            assert filtered.context["total"] == value["count"], (facet_key, value["value"])


def test_list_membership_and_sensitivity_filters(client_for, bob, marked, alice):
    from qorgau.analysis.models import ListEntry

    entry = ListEntry.objects.visible_to(bob).filter(date_removed="").select_related("prisoner_list").first()
    assert entry is not None
    slug = entry.prisoner_list.slug
    response = client_for(bob).get(f"/persons/?list={slug}")
    on_list = set(ListEntry.objects.visible_to(bob).filter(prisoner_list__slug=slug, date_removed="")
                  .values_list("person__uid", flat=True))
    assert {p.uid for p in response.context["records"]} <= on_list and response.context["total"] == len(on_list)
    # Anonymous readers cannot filter by level (it would count records they may not see)
    anonymous = client_for(None).get("/persons/?sensitivity=confidential")
    assert anonymous.context["total"] == Person.objects.visible_to(None).count()
    assert client_for(alice).get("/persons/?sensitivity=confidential").context["total"] >= 1


def test_columns_sort_both_ways_and_the_sort_stays_in_the_url(client_for, bob):
    client = client_for(bob)
    up = [p.name for p in client.get("/persons/?sort=name").context["records"]]
    down = [p.name for p in client.get("/persons/?sort=-name").context["records"]]
    assert up == sorted(up) and down == sorted(down, reverse=True) and up[0] != down[0]
    most = client.get("/persons/?sort=-acts").context["records"]
    assert [p.act_count for p in most] == sorted((p.act_count for p in most), reverse=True)
    acts = client.get("/acts/?sort=date").context["records"]
    dates = [a.date for a in acts]
    assert dates == sorted(dates)
    body = client.get("/persons/?role=activist&sort=-name").content.decode()
    assert "/export/persons.csv?role=activist&amp;sort=-name" in body


def test_the_acts_list_filters_by_date_range_and_place(client_for, bob):
    client = client_for(bob)
    response = client.get("/acts/?from=2018&to=2018-06")
    dates = [a.date for a in response.context["records"]]
    assert dates and all("2018" <= d <= "2018-06~" for d in dates)
    place = Act.objects.visible_to(bob).exclude(place=None).values_list("place__uid", flat=True).first()
    response = client.get(f"/acts/?place={place}")
    assert response.context["total"] == Act.objects.visible_to(bob).filter(place__uid=place).count() + \
        Act.objects.visible_to(bob).filter(place__parent__uid=place).count()


def test_a_filtered_list_takes_a_fixed_number_of_queries(client_for, bob, django_assert_max_num_queries):
    client = client_for(bob)
    with django_assert_max_num_queries(22):
        client.get("/persons/?group=DEPRIVATION&sort=-acts")
    with django_assert_max_num_queries(22):
        client.get("/acts/?article=CC-174")


def test_organisation_and_document_lists_link_their_export_with_the_search(client_for, carol):
    body = client_for(carol).get("/documents/?q=Bokaev").content.decode()
    assert "/export/documents.xlsx?q=Bokaev" in body
    rows = _csv(client_for(carol).get("/export/documents.csv?q=Bokaev"))
    listed = client_for(carol).get("/documents/?q=Bokaev").context["page"].paginator.count
    assert len(rows) - 1 == listed


def test_facets_never_name_a_place_the_reader_may_not_see(client_for, alice, bob):
    place = actions.do_create_place(actor=alice, name="Qzsecret-place Closedtown", sensitivity="confidential")
    tobylova = Person.objects.get(uid="per_tobylova")
    actions.do_create_act(actor=alice, victim=tobylova, act_type="summoned", date="2023-02", place=place,
                          sensitivity="public")
    for url in ("/persons/", "/acts/", "/persons/?type=summoned", "/acts/?type=summoned"):
        assert "Closedtown" not in client_for(bob).get(url).content.decode(), url
    assert "Closedtown" in client_for(alice).get("/acts/?type=summoned").content.decode()


def test_cached_facet_counts_follow_every_change_and_a_place_made_confidential_stops_showing(client_for, alice, bob):
    """Facet counts and the result count are cached per level and filter until a record changes: an act added
    must show in the counts at once, and a place made confidential must vanish from a less cleared reader's facets
    at once (not when the cache expires)."""
    place = actions.do_create_place(actor=alice, name="Qzcached-place Opentown", sensitivity="public")
    tobylova = Person.objects.get(uid="per_tobylova")
    actions.do_create_act(actor=alice, victim=tobylova, act_type="summoned", date="2023-02", place=place,
                          sensitivity="public")
    client = client_for(bob)

    def place_count():
        response = client.get("/acts/?type=summoned")
        facet = next(f for f in response.context["facets"] if f["key"] == "place")
        return {v["label"]: v["count"] for v in facet["values"]}.get("Qzcached-place Opentown"), \
            response.context["total"]

    count, total = place_count()
    assert count == 1
    assert place_count() == (1, total)  # served again (from the cache) the same
    actions.do_create_act(actor=alice, victim=tobylova, act_type="summoned", date="2023-03", place=place,
                          sensitivity="public")
    assert place_count() == (2, total + 1)
    actions.do_update_place(place, actor=alice, sensitivity="confidential")
    assert "Opentown" not in client.get("/acts/?type=summoned").content.decode()
    assert "Opentown" not in client.get("/persons/?type=summoned").content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committed_change_starts_a_generation_every_process_sees():
    """The generation lives in the database too, so another process (a second web worker, or one started after
    a restart) stops serving counts cached before a committed change; a rolled-back change bumps nothing."""
    from django.core.cache import cache
    from django.db import transaction

    from qorgau.accounts.models import Role, User
    from qorgau.analysis import generation
    from qorgau.analysis.models import CacheGeneration

    def stored():
        return CacheGeneration.objects.filter(name="records").values_list("value", flat=True).first() or 0

    editor = User.objects.create(username="gen-editor", role=Role.EDITOR)
    before = stored()
    actions.do_create_person(actor=editor, name="Generation Person", sensitivity="public")
    after = stored()
    assert after > before
    local = generation.current()
    cache.clear()  # what another process sees: only the stored part
    assert generation.current().split(".")[0] == str(after) and local.split(".")[0] == str(after)
    try:
        with transaction.atomic():
            actions.do_create_person(actor=editor, name="Rolled Back", sensitivity="public")
            raise RuntimeError
    except RuntimeError:
        pass
    assert stored() == after


def test_the_sort_by_acts_counts_only_the_acts_each_reader_may_see(client_for, alice, bob, marked):
    """Persons sorted by acts: the count behind the order is the reader's own -- a deleted act never counts, an
    unaccepted act not for a visitor, a confidential act not for a reader without clearance -- and the order, on
    every page, follows the act counts the page prints (read by their own query, Act.visible_to the request's user)."""
    from django.test import Client

    victim = Person.objects.get(uid="per_tobylova")
    for n in range(6):  # enough acts to put her first for a cleared reader, whatever the demo holds
        actions.do_create_act(actor=alice, victim=victim, act_type="searched", date=f"2019-02-0{n + 1}",
                              review="suggested", sensitivity="confidential")
    gone = actions.do_create_act(actor=alice, victim=victim, act_type="detained", date="2019-01-01")
    actions.do_delete_record(gone, actor=alice)
    stored = Act._base_manager.filter(victim_person=victim, deleted_at__isnull=True).count()

    theirs = {}
    for name, client in (("visitor", Client()), ("bob", client_for(bob)), ("alice", client_for(alice))):
        counts, page = [], 1
        while True:
            response = client.get(f"/persons/?sort=-acts&page={page}")
            counts += [(p.act_count, p.pk) for p in response.context["records"]]
            if not response.context["page"].has_next():
                break
            page += 1
        assert [n for n, _ in counts] == sorted((n for n, _ in counts), reverse=True), name
        assert len({pk for _, pk in counts}) == len(counts), name  # no one twice across the pages
        theirs[name] = dict((pk, n) for n, pk in counts).get(victim.pk, 0)
        if name == "alice":
            assert counts[0][1] == victim.pk  # the cleared reader's most documented person
    assert theirs["alice"] == stored  # every live act, the deleted one not
    assert theirs["visitor"] < theirs["alice"]
