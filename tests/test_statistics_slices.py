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
