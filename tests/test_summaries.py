"""Stored statistics summaries (qorgau/analysis/summaries.py) stay equal to a recomputation from scratch after every
kind of edit, and the statistics read from them equal the statistics counted from the acts, for every reader.

Generative: random edits through the actions (create, update, review, move, delete and restore acts; change a
person's consent, level, gender; delete, restore and merge persons; hide a place or a provision), each committed,
then the stored summaries and totals are compared with what a full rebuild would give, and every table of every
reader with the act scan's."""

import random

import pytest
from django.core.exceptions import ValidationError

from qorgau.analysis import summaries
from qorgau.analysis.custody import episodes as derive_episodes
from qorgau.analysis.episodes import _facts, _relevant_acts, flush_pending
from qorgau.analysis.models import PersonSummary
from qorgau.analysis.statistics import (SUMMARY_FILTERS, Filters, _cells_of_chosen_sets, _entry_list_changes,
                                       _stored_list_changes, cells_of_acts, cells_of_acts_by_person, cells_of_buckets,
                                       tables_from_acts, tables_from_summaries)
from qorgau.lib.sensitivity import LEVELS, RANK, clearance_of, levels_for
from qorgau.records import actions
from qorgau.records.models import Act, Person, Place, Provision

pytestmark = pytest.mark.django_db

TYPES = ["detained", "pretrial_detention", "house_arrest", "imprisoned", "released", "charged", "tried",
         "investigated", "sentenced", "summoned", "searched", "fined", "paroled"]
DATES = ["2017", "2017-05", "2017-05-13", "2018-01-01", "2018-02-28", "2019-07", "2019-11-30", "2020", "2020-06-15",
         "2021-03-01", ""]


def _from_scratch():
    """{(person id, level): (unconsented, cells)} as a full rebuild would store them, episodes derived afresh."""
    from qorgau.analysis.custody import date_range

    people = summaries._live_people()
    acts_of = {}
    for row in summaries._accepted_acts():
        act = summaries.ActRow._make(row)
        acts_of.setdefault(act.victim_person_id, []).append(act)
    provisions = summaries._provisions_of(a.id for acts in acts_of.values() for a in acts)
    relevant = {}
    for act in _relevant_acts():
        relevant.setdefault(act.victim_person_id, []).append(act)
    episodes_of = {}
    for pid, (sensitivity, *_who) in people.items():
        for level in LEVELS:
            if RANK[sensitivity] > RANK[level]:
                continue
            seen = [a for a in relevant.get(pid, []) if RANK[a.sensitivity] <= RANK[level]]
            for episode in derive_episodes(_facts(seen, level)):
                start_lo, start_hi = episode.start_range
                end_lo = date_range(episode.end)[0] if episode.end else episode.planned_end
                episodes_of.setdefault((pid, level), []).append((episode.kind, start_lo, start_hi, end_lo or ""))
    return {(pid, level): (unconsented, cells, slices, marks) for pid, level, unconsented, cells, slices, marks in
            summaries.summaries_for(people, acts_of, provisions, episodes_of, summaries._entries_of())}


def _stored():
    return {(pid, level): (unconsented, cells, slices, marks) for pid, level, unconsented, cells, slices, marks in
            PersonSummary.objects.values_list("person_id", "level", "unconsented", "cells", "slices", "marks")}


def _shape(tables):
    return [(t.key, [(str(label), value) for label, value in t.rows], t.withheld) for t in tables]


READ_FROM_BUCKETS = {"date": 0, "region": 0, "people": 0, "date and region": 0, "counted": 0, "list changes": 0,
                     "latest": 0}


def _decodes(reader, filters, counts, latest=True):
    """(cells, sets decoded) of `cells_of_buckets`, with the sets' stored counts read or not (and the persons' latest
    buckets or not)."""
    from unittest import mock

    calls = []
    real = summaries.decode_bits
    with mock.patch.object(summaries, "counts_ready", lambda: counts), \
            mock.patch.object(summaries, "last_ready", lambda: latest), \
            mock.patch.object(summaries, "decode_bits", lambda bits: calls.append(1) or real(bits)):
        return cells_of_buckets(reader, filters), len(calls)


def _check_counted(reader, filters, cells, step):
    """Without filters of people a label found in one bucket is counted from its sets' stored counts: the same cells
    as with every set decoded, from fewer sets decoded (somewhere)."""
    if any(getattr(filters, name) for name in SUMMARY_FILTERS) or not cells:
        return
    plain, decoded = _decodes(reader, filters, False)
    again, fewer = _decodes(reader, filters, True)
    assert plain == again == cells, (step, reader, filters)
    assert fewer <= decoded, (step, reader, filters)
    READ_FROM_BUCKETS["counted"] += fewer < decoded
    if filters.date_from and not filters.date_to and not filters.region:
        # A start and no end: the people of an article, place or sentence bin from the latest-bucket sets' counts
        # ("L..."), the same cells as decoding the unions of the range's sets, from fewer sets decoded (somewhere).
        unions, more = _decodes(reader, filters, True, latest=False)
        assert unions == cells, (step, reader, filters)
        assert fewer <= more, (step, reader, filters)
        READ_FROM_BUCKETS["latest"] += fewer < more


def _check(readers, step):
    flush_pending()
    assert _stored() == _from_scratch(), step
    assert summaries.stored_totals() == summaries.expected_totals(), step
    # The date buckets hold exactly the persons whose stored summaries name them.
    assert summaries.stored_buckets() == summaries.expected_buckets(), step
    # Each set's stored counts (people, of them without consent) are those of its persons.
    stored, counted = summaries.stored_counts()
    assert stored == counted, (step, {key: (stored[key], counted[key]) for key in stored if stored[key] != counted[key]})
    assert summaries.counts_ready()
    articles = list(Provision.objects.filter(act_provisions__isnull=False).values_list("uid", flat=True)[:2])
    used = Place.objects.filter(acts__isnull=False)
    regions = sorted(set(used.exclude(parent=None).values_list("parent__uid", flat=True)) |
                     set(used.values_list("uid", flat=True)[:1]))
    for reader in readers:
        # The list entries added and removed per year, from the stored "le" sets' counts: what the entries give (a
        # hidden list, entry or person, a date kept above the reader's level, a person without acts, two entries).
        for slug in ("", "summary-list", "summary-hidden-list", "no-such-list"):
            stored = _stored_list_changes(reader, Filters(prisoner_list=slug))
            assert stored == _entry_list_changes(reader, Filters(prisoner_list=slug)), (step, reader, slug)
            READ_FROM_BUCKETS["list changes"] += bool(stored[0] or stored[1])
        public = not getattr(reader, "is_authenticated", False)
        allowed = levels_for(reader)
        # One filter of people reads its slice's totals; two at once sum the chosen people's summaries.
        for filters in (Filters(), Filters(gender="f"), Filters(gender="m"), Filters(role="journalist"),
                        Filters(role="activist"), Filters(prisoner_list="summary-list"),
                        Filters(prisoner_list="summary-hidden-list"), Filters(gender="f", role="journalist"),
                        Filters(prisoner_list="summary-list", article=articles[0] if articles else ""),
                        Filters(gender="m", role="activist", prisoner_list="summary-list"),
                        Filters(gender="f", prisoner_list="summary-hidden-list"),
                        *(Filters(article=uid) for uid in articles)):
            assert (_shape(tables_from_summaries(reader, filters, public, allowed))
                    == _shape(tables_from_acts(reader, filters, public, allowed))), (step, reader, filters)
            # Several filters of people at once are read from the stored person sets (the same cells as summing the
            # chosen people's summaries).
            if sum(bool(getattr(filters, name)) for name in SUMMARY_FILTERS) > 1:
                assert _cells_of_chosen_sets(reader, filters, clearance_of(reader)) is not None, (step, filters)
        # A date range or a region keeps acts, not people: one reading of the kept acts (`cells_of_acts`) gives what
        # the act scan gives -- partial dates at the range's edges, hidden dates and places, with a filter of people.
        for filters in (Filters(date_from="2017-05", date_to="2019-12-31"), Filters(date_from="2018-01-01"),
                        Filters(date_to="2018"), Filters(date_from="2017-05-13", date_to="2017-05-13"),
                        *(Filters(region=uid) for uid in regions),
                        Filters(date_from="2018", region=regions[0] if regions else ""),
                        Filters(date_to="2020-06", gender="f"), Filters(date_from="2017", prisoner_list="summary-list"),
                        Filters(date_from="2017-05-01", date_to="2019-12-31"), Filters(date_from="2019", date_to="2019"),
                        Filters(date_from="2018-02-28", date_to="2020-06-15", article=articles[0] if articles else ""),
                        Filters(date_from="2021-01-01", date_to="2017-12-31"), Filters(date_to="2019-11-30"),
                        Filters(date_from="2017", date_to="2020-06-30"), Filters(date_from="2018-02", date_to="2018-02-28"),
                        Filters(date_to="2017"), Filters(date_from="2020-06-01"), Filters(date_from="2019-12-01"),
                        Filters(date_from="2018", role="journalist"), Filters(date_to="2019-11", article=articles[0]
                                                                               if articles else ""),
                        Filters(date_from="2017-05", gender="m", role="activist"),
                        Filters(date_from="2017", date_to="2020", prisoner_list="summary-hidden-list"),
                        Filters(date_from="2018-01-01", gender="f", prisoner_list="summary-list"),
                        *(Filters(region=uid, gender="f") for uid in regions[:1]),
                        *(Filters(region=uid, prisoner_list="summary-list", role="journalist")
                          for uid in regions[-1:]),
                        # A date range with a region: the region's own sets by date bucket.
                        *(Filters(date_from="2017-05", date_to="2019-12-31", region=uid) for uid in regions),
                        Filters(date_to="2019-11", region=regions[-1] if regions else ""),
                        Filters(date_from="2018", date_to="2020", region=regions[0] if regions else "", gender="f"),
                        Filters(date_from="2017", region=regions[-1] if regions else "", role="journalist",
                                prisoner_list="summary-list"),
                        Filters(date_from="2017-05-13", region=regions[0] if regions else "")):
            cells = cells_of_acts(reader, filters)
            # A range of whole months (no bound inside a month's full dates), alone, with a region (the region's
            # sets by date) or with filters of people (which choose persons: their sets intersected), is read from
            # the date buckets: the very same cells.
            aligned = not (filters.date_from in ("2017-05-13", "2018-02-28")
                           or filters.date_to in ("2017-05-13", "2020-06-15"))
            from_buckets = cells_of_buckets(reader, filters)
            if from_buckets is not None and any(getattr(filters, name) for name in SUMMARY_FILTERS):
                READ_FROM_BUCKETS["people"] += 1
            if filters.region:
                # A region is read from its place's sets unless a place under it is hidden from the reader.
                hidden_under = Place._base_manager.filter(parent__uid=filters.region).exclude(
                    pk__in=Place.objects.visible_to(reader).values("pk")).exists()
                aligned = aligned and not hidden_under
            if filters.region and not (filters.date_from or filters.date_to):
                assert (from_buckets is not None) == aligned, (step, reader, filters)
                if from_buckets is not None:
                    assert from_buckets == cells, (step, reader, filters)
                    READ_FROM_BUCKETS["region"] += 1
                    _check_counted(reader, filters, cells, step)
                continue
            assert (from_buckets is not None) == aligned, (step, reader, filters)
            if aligned:
                assert from_buckets == cells, (step, reader, filters)
                READ_FROM_BUCKETS["date and region" if filters.region else "date"] += 1
                _check_counted(reader, filters, cells, step)
            # The counting by table equals the sum of every kept person's cells (every component, not only those
            # a table shows), and its tables the act scan's.
            assert cells == cells_of_acts_by_person(reader, filters), (step, reader, filters)
            assert (_shape(tables_from_summaries(reader, filters, public, allowed, cells))
                    == _shape(tables_from_acts(reader, filters, public, allowed))), (step, reader, filters)


def test_summaries_equal_a_rebuild_and_the_act_scan_after_random_edits(alice, bob, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import AnonymousUser

    from qorgau.resolution.actions import do_merge_persons

    from qorgau.analysis.actions import do_add_list_entry, do_create_list, do_remove_list_entry
    from qorgau.analysis.models import CriteriaSet, ListEntry
    from qorgau.records.models import Organisation

    assert summaries.ready() and summaries.slices_ready()
    rng = random.Random(1913)
    organisation = Organisation.objects.first() or actions.do_create_organisation(actor=alice, name="Summary Org")
    lists = [do_create_list(actor=alice, slug="summary-list", title="Summary list", organisation=organisation,
                            criteria_set=CriteriaSet.objects.first(), sensitivity="public"),
             do_create_list(actor=alice, slug="summary-hidden-list", title="Hidden list", organisation=organisation,
                            criteria_set=CriteriaSet.objects.first(), sensitivity="confidential")]
    places = list(Place.objects.all()[:6])
    provisions = list(Provision.objects.filter(code="CC")[:5])
    persons, acts, deletions = [], [], []
    readers = (AnonymousUser(), bob, alice)

    def person():
        made = actions.do_create_person(
            actor=alice, name=f"Summary Person {len(persons)}", sensitivity=rng.choice(LEVELS),
            consent=rng.choice(["granted", "unknown", "refused"]), gender=rng.choice(["f", "m", ""]),
            roles=rng.sample(["journalist", "activist", "blogger"], rng.randint(0, 2)))
        persons.append(made)

    def penalty(act_type):
        if act_type != "sentenced" or rng.random() < 0.3:
            return {}
        return {"penalty_kind": "imprisonment", "penalty_amount": rng.choice([6, 18, 2, 4, 8, 12]),
                "penalty_unit": rng.choice(["years", "months"])}

    def act():
        victim = Person.objects.get(pk=rng.choice(persons).pk)
        act_type = rng.choice(TYPES)
        level = rng.choice([lv for lv in LEVELS if RANK[lv] >= RANK[victim.sensitivity]])
        made = actions.do_create_act(
            actor=alice, victim=victim, act_type=act_type, date=rng.choice(DATES), sensitivity=level,
            place=rng.choice(places + [None]), review=rng.choice(["accepted"] * 4 + ["suggested"]),
            provisions=[(p, "charged") for p in rng.sample(provisions, rng.randint(0, 2))], **penalty(act_type))
        acts.append(made)

    def live(objects, model):
        ids = [o.pk for o in objects]
        return list(model.objects.filter(pk__in=ids))

    def edit():
        choice = rng.randrange(16)
        live_acts, live_persons = live(acts, Act), live(persons, Person)
        if choice == 0 and live_acts:
            target = rng.choice(live_acts)
            actions.do_update_act(target, actor=alice, date=rng.choice(DATES), act_type=rng.choice(TYPES))
        elif choice == 1 and live_acts:
            target = rng.choice(live_acts)
            actions.do_update_act(target, actor=alice,
                                  provisions=[(p, "charged") for p in rng.sample(provisions, rng.randint(0, 3))])
        elif choice == 2 and live_acts:
            actions.do_review_act(rng.choice(live_acts), actor=alice, decision=rng.choice(["accepted", "rejected"]))
        elif choice == 3 and live_acts:
            deletions.append(actions.do_delete_act(rng.choice(live_acts), actor=alice))
        elif choice == 4 and deletions:
            actions.do_restore_deletion(deletions.pop(rng.randrange(len(deletions))), actor=alice)
        elif choice == 5 and live_persons:
            actions.do_update_person(rng.choice(live_persons), actor=alice,
                                     consent=rng.choice(["granted", "unknown", "refused"]),
                                     gender=rng.choice(["f", "m", ""]))
        elif choice == 6 and live_persons:
            actions.do_set_sensitivity(rng.choice(live_persons), actor=alice, level=rng.choice(LEVELS))
        elif choice == 7 and live_acts:
            target = rng.choice(live_acts)
            actions.do_set_sensitivity(target, actor=alice, level=rng.choice(LEVELS))
        elif choice == 8 and len(live_persons) > 1 and live_acts:  # an act given to another victim
            target = rng.choice(live_acts)
            actions.do_update_act(target, actor=alice, victim_person=rng.choice(live_persons),
                                  place=rng.choice(places + [None]))
        elif choice == 9 and live_persons:
            deletions.append(actions.do_delete_person(rng.choice(live_persons), actor=alice))
        elif choice == 10 and len(live_persons) > 1:
            keep, other = rng.sample(live_persons, 2)
            do_merge_persons(keep, other, actor=alice)
        elif choice == 12 and live_persons:  # a gender or roles kept above some readers' level
            target = rng.choice(live_persons)
            actions.do_update_person(target, actor=alice, field_sensitivity={
                name: rng.choice(LEVELS) for name in rng.sample(["gender", "roles"], rng.randint(0, 2))},
                roles=rng.sample(["journalist", "activist", "blogger"], rng.randint(0, 2)))
        elif choice == 13 and live_persons:  # on a list (an entry at some level), or off it
            entries = list(ListEntry.objects.filter(deleted_at__isnull=True))
            if entries and rng.random() < 0.3:
                entry = rng.choice(entries)
                if rng.random() < 0.5:
                    do_remove_list_entry(entry, actor=alice, date_removed="2022-01-01", reason="released")
                else:
                    deletions.append(actions.do_delete_record(entry, actor=alice))
            else:
                target = rng.choice(live_persons)
                do_add_list_entry(rng.choice(lists), actor=alice, person=target,
                                  date_added=rng.choice(["2016-01-01", "2018-05-01", "2019"]),
                                  sensitivity=rng.choice([lv for lv in LEVELS if RANK[lv] >= RANK[target.sensitivity]]),
                                  field_sensitivity={name: rng.choice(LEVELS) for name in rng.sample(
                                      ["date_added", "date_removed"], rng.choice([0, 0, 1, 2]))})
        elif choice in (14, 15) and live_acts:  # an act's date, place or penalty kept above some readers' level
            target = rng.choice(live_acts)
            actions.do_update_act(target, actor=alice, field_sensitivity={
                name: rng.choice(LEVELS) for name in rng.sample(["date", "place", "penalty_amount", "penalty_kind",
                                                                  "act_type"], rng.randint(0, 3))},
                **({"penalty_kind": "imprisonment", "penalty_amount": rng.choice([6, 18, 2]), "penalty_unit": "months"}
                   if target.act_type == "sentenced" else {}))
        elif choice == 11 and rng.random() < 0.4:  # a place put under another one (or under none)
            target = rng.choice(places)
            target.refresh_from_db()
            parent = rng.choice([p for p in places if p.pk != target.pk and p.parent_id != target.pk] + [None])
            actions.do_update_place(target, actor=alice, parent=parent)
        elif choice == 11:
            record = rng.choice(places + provisions)
            record.refresh_from_db()
            actions.do_set_sensitivity(record, actor=alice, level=rng.choice(["public", "public", "confidential"]))
        else:
            act()

    for _ in range(12):
        with django_capture_on_commit_callbacks(execute=True):
            person()
    for _ in range(30):
        with django_capture_on_commit_callbacks(execute=True):
            act()
    _check(readers, "created")
    for step in range(60):
        try:
            with django_capture_on_commit_callbacks(execute=True):
                edit()
        except ValidationError:
            continue  # an edit the rules refuse (a level below the victim's, a merge across levels...) changes nothing
        if step % 6 == 5:
            _check(readers, step)
    _check(readers, "end")
    # A rebuild of everything (its sets gathered as ids, then as bits once large, written level by level) stores the
    # very sets, counts and totals that the edits left.
    def stored():  # (an edit leaves a set it emptied as an empty row, counted 0; a rebuild writes none)
        counts = {key: value for key, value in summaries.stored_counts()[0].items() if value != (0, 0)}
        return summaries.stored_buckets(), counts, summaries.stored_totals()

    edited = stored()
    summaries.rebuild_all()
    assert stored() == edited
    # Both stored readings were used (and compared), not only the act reading.
    assert all(READ_FROM_BUCKETS.values()), READ_FROM_BUCKETS
    # The edits above did keep acts' values above some levels (else the reading's blanking went untested).
    assert any(levels for levels in Act.objects.values_list("field_sensitivity", flat=True))


def test_uncommitted_changes_show_in_the_same_thread_and_a_bulk_load_waits_for_a_rebuild(alice, client_for):
    """Statistics read in the transaction that changed an act count the change (pending rebuilds run first); a
    database whose summaries were never built (a bulk load) counts from the acts until `census --rebuild`."""
    import csv
    import io

    from qorgau.analysis import episodes

    def cell(label):
        body = client_for(alice).get("/statistics/cases_by_year.csv").content.decode()
        return dict(list(csv.reader(io.StringIO(body)))[1:]).get(label)

    person = actions.do_create_person(actor=alice, name="Pending Person", sensitivity="public", consent="granted")
    actions.do_create_act(actor=alice, victim=person, act_type="charged", date="2033-02-01", sensitivity="public")
    assert cell("2033") == "1"
    summaries._set_ready(0)
    Act.objects.filter(victim_person=person).update(date="2034-02-01")  # bypasses the models: no rebuild
    assert not summaries.ready()
    from qorgau.analysis import generation

    generation.bump()
    assert cell("2034") == "1" and cell("2033") is None  # counted from the acts
    episodes.rebuild_all()
    assert summaries.ready()
    generation.bump()
    assert cell("2034") == "1"
    assert summaries.stored_totals() == summaries.expected_totals()


def test_the_census_reads_the_kind_in_force_as_an_episode_does():
    """The census's quick reading of an episode's kinds agrees with custody.Episode.kind_on for partial dates."""
    from qorgau.analysis.census import _kind_on
    from qorgau.analysis.custody import Episode

    rng = random.Random(7)
    kinds = ["police_custody", "pretrial_detention", "house_arrest", "imprisonment"]
    for _ in range(500):
        changes = [[rng.choice(kinds), rng.choice(DATES[:-1])] for _ in range(rng.randint(1, 4))]
        day = rng.choice(["2017-05-13", "2017-06-01", "2018-01-01", "2019-12-01", "2020-06-15", "2016-01-01"])
        assert _kind_on(changes, day) == Episode(kinds=[tuple(k) for k in changes]).kind_on(day), (changes, day)


def test_on_postgresql_a_date_range_is_read_with_plans_for_every_row_and_the_connection_is_left_as_it_was(
        alice, monkeypatch):
    """A date range reads every act it keeps through a server-side cursor, which PostgreSQL plans for its first rows
    (a nested loop over a million acts); the reading asks for whole-read plans and puts the setting back."""
    from django.db import connection

    from qorgau.lib import reads

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL planner setting")

    def show():
        with connection.cursor() as cursor:
            cursor.execute("SHOW cursor_tuple_fraction")
            return float(cursor.fetchone()[0])

    person = actions.do_create_person(actor=alice, name="Planned Person", sensitivity="public", consent="granted")
    actions.do_create_act(actor=alice, victim=person, act_type="charged", date="2019-02-01", sensitivity="public")
    seen, rows = [], reads.rows

    def watched(queryset, chunk_size=20000):
        for row in rows(queryset, chunk_size):
            seen.append(show())
            yield row

    monkeypatch.setattr(reads, "rows", watched)
    before = show()
    cells = cells_of_acts(alice, Filters(date_from="2019-01-01"))
    assert cells[("py", "2019", 0)][0] >= 1
    assert seen and set(seen) == {1.0}
    assert show() == before


def test_the_list_changes_come_from_the_stored_sets_with_dates_as_each_reader_may_read_them(
        alice, bob, django_capture_on_commit_callbacks):
    """The tables of list entries added and removed per year are the stored "le" sets' counts: the same as counting
    the entries, for a person without acts, two entries of one person in one year, and dates kept above a level."""
    from django.contrib.auth.models import AnonymousUser

    from qorgau.analysis.actions import do_add_list_entry, do_create_list
    from qorgau.analysis.models import CriteriaSet

    assert clearance_of(bob) == "internal" and clearance_of(alice) == "confidential"
    with django_capture_on_commit_callbacks(execute=True):
        organisation = actions.do_create_organisation(actor=alice, name="Changes Org")
        listed = do_create_list(actor=alice, slug="changes-list", title="Changes", organisation=organisation,
                                criteria_set=CriteriaSet.objects.first(), sensitivity="public")
        without_acts = actions.do_create_person(actor=alice, name="Listed Only", sensitivity="public")
        with_acts = actions.do_create_person(actor=alice, name="Listed Charged", sensitivity="public")
        actions.do_create_act(actor=alice, victim=with_acts, act_type="charged", date="2018-02-01",
                              sensitivity="public")
    for person, added, fields in ((without_acts, "2019-01-01", {"date_added": "confidential"}),
                                  (without_acts, "2019-06-01", {}),
                                  (with_acts, "2019-03-01", {"date_removed": "confidential"})):
        with django_capture_on_commit_callbacks(execute=True):
            do_add_list_entry(listed, actor=alice, person=person, date_added=added, sensitivity="public",
                              field_sensitivity=fields,
                              **({"date_removed": "2021-02-01", "removal_reason": "released"}
                                 if "date_removed" in fields else {}))
    chosen = Filters(prisoner_list="changes-list")
    # {year: [entries, of them of people without consent]} (none of these consented)
    expected = {alice: ({"2019": [3, 3]}, {"2021": [1, 1]}), bob: ({"2019": [2, 2]}, {}), None: ({"2019": [2, 2]}, {})}
    for reader, changes in expected.items():
        reader = reader or AnonymousUser()
        assert _stored_list_changes(reader, chosen) == _entry_list_changes(reader, chosen) == changes, reader
        everyone = _stored_list_changes(reader, Filters())
        assert everyone == _entry_list_changes(reader, Filters()) and everyone[0]["2019"][0] >= changes[0]["2019"][0]
    # A rebuild of everything marks the entries of a person without acts too (it walks the persons with acts).
    summaries.rebuild_all()
    for reader, changes in expected.items():
        assert _stored_list_changes(reader or AnonymousUser(), chosen) == changes, reader
