"""The merges of one resolve run inside a caller's transaction (an ingest) renew the search rows, stored blocking
keys and derived statistics once, at the run's end (resolution.actions._Merges): the result must be what renewing
every person from scratch gives — no stale row of a folded record, no kept record left with its old names."""

import pytest
from django.db import transaction

from qorgau.analysis import episodes
from qorgau.analysis.models import CustodyEpisode, PersonSummary
from qorgau.records import actions, indexing
from qorgau.records.models import Person, SearchEntry
from qorgau.resolution.actions import resolve
from qorgau.resolution.models import BlockingKey, Merge

pytestmark = pytest.mark.django_db


def _rows(model):
    fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    return sorted(map(repr, model.objects.values_list(*fields)))


def _state():
    # rebuild_index also indexes folded records (merges never do): compared on the records not folded away
    people = set(Person._base_manager.filter(merged_into__isnull=True).values_list("pk", flat=True))
    return {
        "search": sorted(SearchEntry.objects.filter(kind="person", record_id__in=people)
                         .values_list("record_id", "level", "text")),
        "keys": sorted(BlockingKey.objects.values_list("person_id", "key")),
        "episodes": _rows(CustodyEpisode),
        "summaries": _rows(PersonSummary),
    }


def test_a_run_of_merges_leaves_what_renewing_everyone_leaves(alice, django_capture_on_commit_callbacks):
    new = []
    for name, date in [("Ерлан Ибраев", "2021-03-05"), ("Ерлан Ибраев", "2021-03-05"), ("Ерлан Ибраев", "2021-04"),
                       ("Maigul Sadykova", "2018-03"), ("Maigul Sadykova", "2018-03")]:
        person = actions.do_create_person(actor=alice, name=name, sensitivity="public")
        actions.do_create_act(actor=alice, victim=person, act_type="detained", date=date, review="accepted")
        new.append(person)
    before = Merge.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        assert transaction.get_connection().in_atomic_block   # the deferred path (as in an ingest)
        counts = resolve(actor="resolver", persons=new)
    assert counts["merged"] >= 3 and Merge.objects.count() - before == counts["merged"]
    folded = [p.pk for p in Person._base_manager.filter(pk__in=[p.pk for p in new], merged_into__isnull=False)]
    assert folded and not SearchEntry.objects.filter(kind="person", record_id__in=folded).exists()
    assert not BlockingKey.objects.filter(person_id__in=folded).exists()
    after_run = _state()
    indexing.rebuild_index()
    episodes.rebuild_all()
    assert after_run == _state()
