"""Stored blocking keys (resolution/blocking.py): a new person is compared with the records sharing a key, read by an
indexed query, and the pairs are exactly those the scan of every person finds — after every action that changes a
person's names (create, rename, add and remove a name, merge, unmerge, delete, restore, a document's batch)."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qorgau.records import actions
from qorgau.records.models import Person
from qorgau.resolution import blocking
from qorgau.resolution.actions import do_judge, do_unmerge, find_candidates
from qorgau.resolution.models import BlockingKey, Merge

pytestmark = pytest.mark.django_db

GIVEN = ["Aidos", "Айдос", "Gulnara", "Гульнара", "Serik", "Серик", "Asya", "Ася", "Nurlan", "Нурлан"]
FAMILY = ["Sadykov", "Садыков", "Садыкову", "Sadykova", "Садыковой", "Tulesova", "Тулесова", "Nurlanov",
          "Нурланова", "Omarov", "Омаровым", "Kassymov", "Касымов", "Sadikov"]


def random_name(rng):
    shape = rng.random()
    if shape < 0.15:
        return rng.choice(FAMILY)                        # one word: a family name alone
    if shape < 0.25:
        return rng.choice(GIVEN + ["Aidos", "Nurlan"])   # one word: a given name alone (or a family name)
    if shape < 0.35:
        return f"{rng.choice(GIVEN)[0]}. {rng.choice(FAMILY)}"
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def pairs(found):
    return {(a.uid, b.uid, score, repr(evidence)) for a, b, score, evidence in found}


def assert_same_as_scan(focus):
    """find_candidates(focus) through the stored keys == the scan of every person, kept to pairs with `focus`."""
    focus_ids = {p.pk for p in focus}
    everyone = pairs(c for c in find_candidates(threshold=0) if c[0].pk in focus_ids or c[1].pk in focus_ids)
    assert pairs(find_candidates(focus, threshold=0)) == everyone


def test_the_stored_keys_find_the_pairs_the_scan_finds_after_every_kind_of_change(alice):
    rng = random.Random(11)
    made = [actions.do_create_person(actor=alice, name=random_name(rng), sensitivity=rng.choice(["public", "internal"]))
            for _ in range(40)]
    assert_same_as_scan(made[-10:])
    # renames, names added and removed
    for person in rng.sample(made, 6):
        actions.do_update_person(person, actor=alice, name=random_name(rng))
    for person in rng.sample(made, 6):
        actions.do_add_name(person, actor=alice, name=random_name(rng))
    for person in made:
        row = person.names.first()
        if row is not None and rng.random() < 0.5:
            actions.do_remove_name(row, actor=alice)
    assert_same_as_scan(made[:15])
    # merges and an unmerge: the kept record answers to the folded one's names, the folded one to none
    do_judge(made[0], made[1], actor=alice, decision="same")
    do_judge(made[2], made[3], actor=alice, decision="same")
    do_unmerge(Merge.objects.get(merged__in=[made[2], made[3]]), actor=alice)
    for person in made:
        person.refresh_from_db()
    live = [p for p in made if p.merged_into_id is None]
    assert_same_as_scan(live[:20])
    assert not BlockingKey.objects.filter(person__merged_into__isnull=False).exists()
    # a deleted record is compared with nobody; restored, it is again
    gone = made[5]
    actions.do_delete_person(gone, actor=alice)
    assert not BlockingKey.objects.filter(person_id=gone.pk).exists()
    actions.do_restore_record(gone.uid, actor=alice)
    assert_same_as_scan([Person.objects.get(pk=gone.pk)] + live[-5:])


def test_persons_of_an_ingested_document_get_their_keys(alice, settings, tmp_path):
    from qorgau.documents.pipeline import ingest

    settings.FILES_DIR = tmp_path / "files"
    text = ("5 мая 2024 года в Алматы полиция задержала активиста Айдоса Садыкова. Суд приговорил Гульнару Тулесову "
            "к штрафу по статье 488 КоАП РК.\n").encode()
    ingest("note.txt", text, actor=alice)
    persons = [p for p in Person.objects.filter(merged_into__isnull=True).prefetch_related("names")
               if "Садыков" in p.name or "Тулесов" in p.name]
    assert persons
    stored = blocking.Stored()
    for person in persons:
        assert set(BlockingKey.objects.filter(person=person).values_list("key", flat=True)) == \
            {stored(k) for k in blocking.person_keys([person.name] + [n.name for n in person.names.all()])}


def test_a_new_person_is_compared_without_reading_every_person(alice):
    for number in range(30):
        actions.do_create_person(actor=alice, name=f"Person{number} Unrelatedov{number}", sensitivity="public")
    known = actions.do_create_person(actor=alice, name="Aidos Sadykov", sensitivity="public")
    new = actions.do_create_person(actor=alice, name="Айдос Садыков", sensitivity="public")
    with CaptureQueriesContext(connection) as queries:
        found = find_candidates([new])
    assert {(a.pk, b.pk) for a, b, _s, _e in found} == {(known.pk, new.pk)}
    reads = [q["sql"] for q in queries.captured_queries if 'FROM "records_person"' in q["sql"]]
    assert reads and all("WHERE" in sql for sql in reads), reads


def test_the_stored_keys_show_no_name(alice):
    secret = actions.do_create_person(actor=alice, name="Zhanargul Secretova", sensitivity="confidential")
    keys = list(BlockingKey.objects.filter(person=secret).values_list("key", flat=True))
    assert keys
    assert not any(part in key for key in keys for part in ("zhan", "secr", "f:", "n:", "l:"))
