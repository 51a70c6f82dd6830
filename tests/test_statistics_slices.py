"""A statistics filter of people (gender, role, list, article) reads its stored slice; the slice follows what the
reader may read, as the act scan does: a gender or roles field kept above the reader's level chooses nobody for
that reader, a list entry above it does not put its person on the list, and the tables equal the act scan's."""

import pytest
from django.contrib.auth.models import AnonymousUser

from qorgau.analysis.actions import do_add_list_entry, do_create_list
from qorgau.analysis.episodes import flush_pending
from qorgau.analysis.models import CriteriaSet
from qorgau.analysis.statistics import Filters, _slice_of, tables_from_acts, tables_from_summaries
from qorgau.lib.sensitivity import levels_for
from qorgau.records import actions
from qorgau.records.models import Organisation, Place, Provision

pytestmark = pytest.mark.django_db


def _prosecuted(tables):
    table = next(t for t in tables if t.key == "prosecutions_by_year")
    return dict(table.rows).get("1931", 0)


def test_a_filter_of_people_reads_its_slice_at_the_readers_level(alice, bob, django_capture_on_commit_callbacks):
    provision = Provision.objects.filter(code="CC", sensitivity="public").first()
    place = Place.objects.filter(sensitivity="public").first()
    organisation = Organisation.objects.first() or actions.do_create_organisation(actor=alice, name="Slice Org")
    persons = []
    with django_capture_on_commit_callbacks(execute=True):
        prisoner_list = do_create_list(actor=alice, slug="slice-list", title="Slice list", organisation=organisation,
                                       criteria_set=CriteriaSet.objects.first(), sensitivity="public")
        for i in range(7):
            person = actions.do_create_person(actor=alice, name=f"Slice Person {i}", sensitivity="public",
                                              consent="granted", gender="f", roles=["journalist"])
            actions.do_create_act(actor=alice, victim=person, act_type="charged", date="1931-05-01",
                                  sensitivity="public", review="accepted", place=place,
                                  provisions=[(provision, "charged")])
            persons.append(person)
        # Gender and roles of one person kept from the public (and roles from editors); two list entries above public.
        actions.do_update_person(persons[0], actor=alice,
                                 field_sensitivity={"gender": "internal", "roles": "confidential"})
        for person, level in ((persons[1], "internal"), (persons[2], "confidential"), (persons[3], "public"),
                              (persons[4], "public"), (persons[5], "public"), (persons[6], "public")):
            do_add_list_entry(prisoner_list, actor=alice, person=person, date_added="2017-01-01", sensitivity=level)
    flush_pending()
    expected = {  # people prosecuted in 1931 under each filter, per reader
        "gender": {"anonymous": 6, "bob": 7, "alice": 7},
        "role": {"anonymous": 6, "bob": 6, "alice": 7},
        "prisoner_list": {"anonymous": 4, "bob": 5, "alice": 6},
        "article": {"anonymous": 7, "bob": 7, "alice": 7},
    }
    for name, reader in (("anonymous", AnonymousUser()), ("bob", bob), ("alice", alice)):
        public, allowed = not getattr(reader, "is_authenticated", False), levels_for(reader)
        for key, value in (("gender", "f"), ("role", "journalist"), ("prisoner_list", "slice-list"),
                           ("article", provision.uid)):
            filters = Filters(**{key: value})
            assert _slice_of(reader, filters)  # read from the stored slice, not summed
            from_slice = tables_from_summaries(reader, filters, public, allowed)
            scanned = tables_from_acts(reader, filters, public, allowed)
            assert [(t.key, t.rows) for t in from_slice] == [(t.key, t.rows) for t in scanned], (name, key)
            assert _prosecuted(from_slice) == expected[key][name], (name, key)


def test_a_date_range_or_region_with_filters_of_people_reads_the_stored_sets_not_the_acts(
        alice, bob, django_capture_on_commit_callbacks):
    """A date range (or a region, or both) with filters of people is answered from the stored person sets -- the range's
    buckets read among the persons the filters choose -- without reading the acts, and counts what the act scan
    counts at each reader's level (a gender kept from the public chooses nobody for the public)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from qorgau.analysis.statistics import all_tables, cells_of_acts, cells_of_buckets
    from qorgau.records.models import Act

    place = Place.objects.filter(sensitivity="public", parent__isnull=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        persons = []
        for i in range(6):
            person = actions.do_create_person(actor=alice, name=f"Range Person {i}", sensitivity="public",
                                              consent="granted", gender="f" if i < 4 else "m",
                                              roles=["journalist"] if i % 2 else ["activist"])
            for date in ("1931-05-01", "1933-02"):
                actions.do_create_act(actor=alice, victim=person, act_type="charged", date=date, place=place,
                                      sensitivity="public", review="accepted")
            persons.append(person)
        actions.do_update_person(persons[1], actor=alice, field_sensitivity={"gender": "internal"})
    flush_pending()
    acts_table = Act._meta.db_table
    expected = {"anonymous": 3, "bob": 4, "alice": 4}  # women prosecuted in 1931 (one's gender hidden from the public)
    for name, reader in (("anonymous", AnonymousUser()), ("bob", bob), ("alice", alice)):
        public, allowed = not getattr(reader, "is_authenticated", False), levels_for(reader)
        for filters in (Filters(date_from="1931-01", date_to="1932-12-31", gender="f"),
                        Filters(date_from="1931", gender="f", role="journalist"),
                        Filters(region=place.uid, gender="f"),
                        # a range with a region: the region's sets by date bucket
                        Filters(date_from="1931-01", date_to="1932-12-31", region=place.uid),
                        Filters(date_from="1931", region=place.uid, gender="f")):
            from_sets = cells_of_buckets(reader, filters)
            assert from_sets is not None and from_sets == cells_of_acts(reader, filters), (name, filters)
            with CaptureQueriesContext(connection) as queries:
                tables = all_tables(reader, filters)
            assert not [q for q in queries.captured_queries if f'"{acts_table}"' in q["sql"]], (name, filters)
            assert ([(t.key, t.rows) for t in tables if t.key != "list_added" and t.key != "list_removed"]
                    == [(t.key, t.rows) for t in tables_from_acts(reader, filters, public, allowed)]), (name, filters)
        tables = all_tables(reader, Filters(date_from="1931-01", date_to="1932-12-31", gender="f"))
        assert _prosecuted(tables) == expected[name], name
