"""The re-check before each automatic merge reads the records as a reader of their own level does (session 14). A run
keeps each level's contexts of its persons and, after a merge, reads again only what the merge can change
(resolution.actions._LevelViews, session 16). What it keeps must be, after every merge, exactly what a fresh reading
gives: otherwise a pair would be linked, or kept for a reviewer, on a view of the records that is no longer true."""

import random

import pytest
from django.contrib.auth.models import AnonymousUser

from qorgau.records import actions
from qorgau.records.models import Person, Provision
from qorgau.resolution import actions as resolution
from qorgau.resolution import scoring

pytestmark = pytest.mark.django_db

GIVEN = ["Ерлан", "Айгерим", "Марат", "Асель", "Нурлан", "Жанар", "Бауыржан", "Гульнара", "Серик", "Динара",
         "Асхат", "Мадина", "Талгат", "Айман"]
FAMILY = ["Ибраев", "Нурова", "Сейткали", "Беккулова", "Омаров", "Исаева", "Садыков", "Тлеужан", "Жаксыбеков",
          "Кожабекова", "Мусин", "Ахметова", "Касымов", "Рахимова"]
DATES = ["2021-03-05", "2021-03-06", "2022-01-05"]   # few: acts of one (type, date) are shared across people


def _generated_run(alice, seed):
    """Namesakes in small groups (each group one person, printed two to four times), public and internal; acts of a
    few (type, date) shared across groups, some confidential or suggested only; articles; relations across groups;
    citations in documents of every level; confidential aliases."""
    from qorgau.documents.models import Document

    rng = random.Random(seed)
    documents = [actions.create_record(Document, actor=alice, title=f"Report {level}", text="…", sensitivity=level)
                 for level in ("public", "internal", "confidential")]
    provisions = list(Provision.objects.order_by("pk")[:3]) or [
        actions.do_create_provision(actor=alice, code="CC", article=str(article), edition="2014")
        for article in (174, 405)]
    people = []
    for given, family in zip(GIVEN, FAMILY):
        level = rng.choice(["public", "internal"])
        birth_year = rng.choice([None, 1980 + rng.randrange(20)])
        for _ in range(rng.randrange(2, 5)):
            names = [{"name": f"{given} {rng.choice(FAMILY)}", "sensitivity": "confidential"}] \
                if rng.random() < 0.2 else []
            person = actions.do_create_person(actor=alice, name=f"{given} {family}", sensitivity=level,
                                              birth_year=birth_year, names=names)
            for _act in range(rng.randrange(0, 3)):
                actions.do_create_act(actor=alice, victim=person, act_type=rng.choice(["detained", "fined"]),
                                      date=rng.choice(DATES), review=rng.choice(["accepted", "accepted", "suggested"]),
                                      sensitivity=rng.choice(["public", "public", "internal", "confidential"]),
                                      provisions=[(p, "charged") for p in rng.sample(provisions, rng.randrange(0, 2))])
            if rng.random() < 0.6:
                actions.do_add_citation(person, rng.choice(documents), actor=alice, text=given)
            people.append(person)
    for _ in range(12):
        a, b = rng.sample(people, 2)
        if a.name != b.name:
            actions.do_add_relation(a, actor=alice, relation=rng.choice(["colleague_of", "sibling_of"]), other=b)
    return people


def _reader(kind):
    return AnonymousUser() if kind == "public" else resolution._StaffReader()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_what_a_run_keeps_of_each_levels_view_is_a_fresh_reading_after_every_merge(alice, monkeypatch, seed):
    people = _generated_run(alice, seed)
    merged_at = {"public": 0, "staff": 0}
    compared = []
    original = resolution._LevelViews.merged

    def merged(views, left, right):
        original(views, left, right)
        merged_at[views._kind(left)] += 1
        for kind, kept in views.kept.items():
            for pk, context in kept.items():
                fresh = scoring.contexts([Person._base_manager.get(pk=pk)], reader=_reader(kind))[pk]
                assert context == fresh, (kind, Person._base_manager.get(pk=pk).name, left.name)
                compared.append(pk)

    monkeypatch.setattr(resolution._LevelViews, "merged", merged)
    counts = resolution.resolve(persons=people)
    assert counts["merged"] == sum(merged_at.values()) and merged_at["public"] and merged_at["staff"]
    assert compared   # records kept across merges, not only read again


def test_a_merge_changes_the_count_of_victims_a_third_records_view_holds(alice):
    """Two printings of one person and a third person, all detained on one day; the third has a namesake of its own.
    Merged, the two are one victim: the day's act has two victims, not three, in the third person's view too."""
    def detained(name):
        person = actions.do_create_person(actor=alice, name=name, sensitivity="public")
        actions.do_create_act(actor=alice, victim=person, act_type="detained", date="2021-03-05", review="accepted")
        return person

    first, second, third = detained("Ерлан Ибраев"), detained("Ерлан Ибраев"), detained("Асель Нурова")
    views = resolution._LevelViews([(first, second, 1.0, []), (third, third, 1.0, [])], 0.9)
    reader = AnonymousUser()
    assert views.contexts([third], reader)[third.pk].act_victims == {("detained", "2021-03-05"): 3}
    resolution.do_judge(first, second, actor="resolver", decision="same")
    views.merged(first, second)
    assert views.contexts([third], reader)[third.pk].act_victims == {("detained", "2021-03-05"): 2}


def test_the_rows_a_merge_moves_are_read_as_the_queries_read_them(alice):
    """A merge reads the ids of every row pointing at the folded record (acts, citations, names, relations, Urgent
    Actions …) through queries compiled once (resolution.actions._rows_of): the same ids, in the same order (the
    merge keeps them for unmerge), as the queries built afresh for that person."""
    from qorgau.campaigns.models import UrgentAction

    people = _generated_run(alice, 4)
    ua = UrgentAction.objects.create(uid="ua_views_1", title="UA", sensitivity="public")
    ua.persons.add(*people[:3])
    seen = set()
    for person in people:
        fresh = {key: list(queryset) for key, queryset in resolution._row_reads(person)}
        assert resolution._rows_of(person) == fresh
        seen.update(key for key, ids in fresh.items() if ids)
    assert {"acts", "citations", "names", "urgent_actions", "relations", "relations_to"} <= seen
