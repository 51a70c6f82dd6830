"""The census counted in the database (`CensusQuery`: one reading of the episodes, rows made only for the names
shown) gives exactly what the straightforward reading (`census_by_scan`: every episode read into Python) gives, on
small generated records: every level of person and act, consent granted / unknown / refused, partial dates, kinds
that change during an episode, restricted freedom, unverified open episodes, merged persons, a list; and the page
and the command name in public only people who granted consent, counting the others only in cells of 5 or more."""

import json
import random
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import CommandError, call_command

from qorgau.analysis.census import CERTAIN, POSSIBLE, RESTRICTED_ROWS, CensusQuery, census, census_by_scan
from qorgau.analysis.episodes import flush_pending
from qorgau.analysis.models import PrisonerList
from qorgau.lib.sensitivity import LEVELS, RANK
from qorgau.records import actions

pytestmark = pytest.mark.django_db

TYPES = ["detained", "arrested", "pretrial_detention", "house_arrest", "psychiatric_detention", "imprisoned",
         "released", "acquitted", "paroled", "sentenced", "charged", "administrative_detention"]
DATES = ["2005-03", "2016", "2016-05", "2016-05-13", "2017-01-01", "2017-02-28", "2017-07", "2017-11-30", "2018",
         "2018-06-15", "2019-03-01", "2019-12", "2020-06-01", "2021"]
DAYS = ["2016-05-20", "2016-12-01", "2017-03-01", "2017-12-01", "2018-06-15", "2018-12-01", "2019-12-01",
        "2020-06-01", "2022-01-01", "2025-12-01"]


def _rows(result):
    """Every row of a census, as comparable values, in the census's order."""
    def values(rows):
        return [(r.person.pk, r.person.uid, r.person.name, r.person.consent, r.kind, r.since, r.certainly,
                 r.unverified_since) for r in rows]
    return values(result.certain), values(result.possible), sorted(values(result.restricted))


def _generate(alice, rng, capture):
    from qorgau.analysis.actions import do_add_list_entry, do_create_list
    from qorgau.analysis.models import CriteriaSet
    from qorgau.records.models import Organisation
    from qorgau.resolution.actions import do_merge_persons

    persons = []
    for i in range(24):
        with capture(execute=True):
            # Several people share a name: the name order must not decide who is counted.
            persons.append(actions.do_create_person(
                actor=alice, name=f"Census Person {i % 9}", sensitivity=rng.choice(LEVELS),
                consent=rng.choice(["granted", "granted", "unknown", "refused"])))
    for _ in range(110):
        victim = rng.choice(persons)
        act_type = rng.choice(TYPES)
        extra = {}
        if act_type == "sentenced":
            extra = {"penalty_kind": rng.choice(["imprisonment", "restriction_of_freedom"]),
                     "penalty_amount": rng.choice([1, 3, 6]), "penalty_unit": rng.choice(["years", "months"])}
        with capture(execute=True):
            actions.do_create_act(actor=alice, victim=victim, act_type=act_type, date=rng.choice(DATES),
                                  sensitivity=rng.choice([lv for lv in LEVELS if RANK[lv] >= RANK[victim.sensitivity]]),
                                  review=rng.choice(["accepted"] * 5 + ["suggested"]), **extra)
    for keep, other in [(persons[0], persons[1]), (persons[2], persons[3])]:
        if keep.sensitivity == other.sensitivity:
            with capture(execute=True):
                do_merge_persons(keep, other, actor=alice)
    organisation = Organisation.objects.first() or actions.do_create_organisation(actor=alice, name="Census Org")
    with capture(execute=True):
        chosen = do_create_list(actor=alice, slug="census-sql", title="Census list", organisation=organisation,
                                criteria_set=CriteriaSet.objects.first())
        for person in rng.sample(persons[4:], 10):
            do_add_list_entry(chosen, actor=alice, person=person, date_added=rng.choice(["2015-01-01", "2018-01-01"]))
    flush_pending()
    return persons, chosen


def test_the_census_in_sql_equals_the_straightforward_census(alice, bob, django_capture_on_commit_callbacks):
    rng = random.Random(2026)
    _persons, chosen = _generate(alice, rng, django_capture_on_commit_callbacks)
    seen = {CERTAIN: 0, POSSIBLE: 0, RESTRICTED_ROWS: 0, "unverified": 0, "changed kind": 0}
    for reader in (AnonymousUser(), bob, alice):
        for prisoner_list in (None, chosen):
            for day in DAYS:
                expected = census_by_scan(day, reader, prisoner_list)
                query = CensusQuery(day, reader, prisoner_list)
                assert _rows(census(day, reader, prisoner_list)) == _rows(expected), (reader, day, prisoner_list)
                assert query.count == expected.count
                for category, rows in ((CERTAIN, expected.certain), (POSSIBLE, expected.possible),
                                       (RESTRICTED_ROWS, expected.restricted)):
                    seen[category] += len(rows)
                    assert query.total(category) == len(rows)
                    granted = [r for r in rows if r.person.consent == "granted"]
                    assert query.total(category, named_only=True) == len(granted)
                    # A page of the names shown: the same people, in name order, as the whole list sliced.
                    page = [r.person.pk for r in query.rows(category, named_only=True, offset=2, limit=3)]
                    assert page == [r.person.pk for r in sorted(granted, key=lambda r: (r.person.name, r.person.pk))][2:5]
                kinds = {}
                for r in expected.certain:
                    n, hidden = kinds.get(r.kind, (0, 0))
                    kinds[r.kind] = (n + 1, hidden + (r.person.consent != "granted"))
                assert query.by_kind() == dict(sorted(kinds.items(), key=lambda kv: (-kv[1][0], kv[0])))
                seen["unverified"] += sum(bool(r.unverified_since) for r in expected.rows)
    from qorgau.analysis.models import CustodyEpisode

    seen["changed kind"] = sum(len(k) > 1 for k in CustodyEpisode.objects.values_list("kinds", flat=True))
    # The generated records reach every case the rules tell apart (else the comparison proves little).
    assert all(seen.values()), seen


def test_the_public_census_names_only_people_who_granted_consent(alice, client, django_capture_on_commit_callbacks):
    rng = random.Random(11)
    _generate(alice, rng, django_capture_on_commit_callbacks)
    from qorgau.records.models import Person

    unconsented = {p.uid for p in Person.objects.exclude(consent="granted")}
    hidden = {p.uid for p in Person.objects.exclude(sensitivity="public")}
    checked = 0
    for day in DAYS:
        expected = census_by_scan(day, AnonymousUser())
        body = client.get(f"/census/?date={day}").content.decode()
        for uid in unconsented | hidden:
            assert f"/persons/{uid}/" not in body
        for row in expected.certain:
            if row.person.consent == "granted":
                assert f"/persons/{row.person.uid}/" in body
        out = __import__("io").StringIO()
        call_command("census", date=day, format="json", public=True, stdout=out)
        data = json.loads(out.getvalue())
        named = [p["id"] for p in data["persons"] + data["possibly"] + data["restricted_freedom"]]
        assert not set(named) & (unconsented | hidden)
        assert named[:len(data["persons"])] == [r.person.uid for r in expected.certain if r.person.consent == "granted"]
        total, without = expected.count, sum(r.person.consent != "granted" for r in expected.certain)
        assert data["count"] == (total if not without or total >= 5 else None)
        checked += bool(expected.certain)
        staff = __import__("io").StringIO()
        call_command("census", date=day, format="json", stdout=staff)
        staff_data = json.loads(staff.getvalue())
        assert [p["id"] for p in staff_data["persons"]] == [r.person.uid for r in census_by_scan(day, alice).certain]
    assert checked


def test_changes_since_an_earlier_census_equal_the_difference_of_two_whole_censuses(
        alice, bob, client, django_capture_on_commit_callbacks):
    """`--since` and the page's "changes since" compare the two days' rows instead of building two whole censuses:
    the same people enter and leave, in the same order, for every reader, with and without a list; and in public
    only people who granted consent are named among them."""
    from qorgau.analysis.census import changes, end_reasons

    rng = random.Random(7)
    _persons, chosen = _generate(alice, rng, django_capture_on_commit_callbacks)
    moved = 0
    for reader in (AnonymousUser(), bob, alice):
        for prisoner_list in (None, chosen):
            for earlier, later in zip(DAYS, DAYS[1:]):
                expected = changes(census_by_scan(earlier, reader, prisoner_list),
                                   census_by_scan(later, reader, prisoner_list))
                query, before = CensusQuery(later, reader, prisoner_list), CensusQuery(earlier, reader, prisoner_list)
                got = query.changes_since(before)
                for key in ("entered", "left"):
                    assert [(r.person.pk, r.kind, r.since) for r in got[key]] == \
                        [(r.person.pk, r.kind, r.since) for r in expected[key]], (reader, earlier, later, key)
                    moved += len(expected[key])
                # Both days' censuses were read together (one reading of the episodes between the two days): each is
                # still the whole census of its own day, as the page counts and lists it.
                assert _rows(query.as_census()) == _rows(census_by_scan(later, reader, prisoner_list))
                assert _rows(before.as_census()) == _rows(census_by_scan(earlier, reader, prisoner_list))
                # The page's reading (no names but for the few shown, read by id): the first of each, the totals.
                for named_only in (False, True):
                    page = CensusQuery(later, reader, prisoner_list).changes_since(
                        CensusQuery(earlier, reader, prisoner_list), named_only=named_only, limit=2)
                    for key in ("entered", "left"):
                        want = [(r.person.pk, r.person.uid, r.person.name, r.kind, r.since, r.certainly,
                                 r.unverified_since) for r in expected[key]
                                if not named_only or r.person.consent == "granted"]
                        assert [(r.person.pk, r.person.uid, r.person.name, r.kind, r.since, r.certainly,
                                 r.unverified_since) for r in page[key]] == want[:2], (reader, earlier, later, key)
                        assert page[f"{key}_total"] == len(want)
    assert moved
    unconsented = {p.uid for p in __import__("qorgau.records.models", fromlist=["Person"]).Person.objects
                   .exclude(consent="granted", sensitivity="public")}
    for earlier, later in zip(DAYS, DAYS[1:]):
        out = __import__("io").StringIO()
        call_command("census", date=later, since=earlier, format="json", public=True, stdout=out)
        data = json.loads(out.getvalue())
        expected = changes(census_by_scan(earlier, AnonymousUser()), census_by_scan(later, AnonymousUser()))
        assert [p["id"] for p in data["entered"]] == [r.person.uid for r in expected["entered"]
                                                      if r.person.consent == "granted"]
        reasons = end_reasons(expected["left"], AnonymousUser(), later)
        assert [(p["id"], p["reason"]) for p in data["left"]] == [
            (r.person.uid, reasons.get(r.person.pk, "")) for r in expected["left"] if r.person.consent == "granted"]
        body = client.get(f"/census/?date={later}&since={earlier}").content.decode()
        assert not any(f"/persons/{uid}/" in body for uid in unconsented)


HARD_NAMES = ['Quote "Q" \\ Backslash', "Əlihan Ñoño 😀", '=HYPERLINK("http://x")', "Tab\there", "+7 Plus", "Line\u2028Sep"]


@pytest.mark.parametrize("public", [False, True])
def test_the_command_writes_every_format_as_the_straightforward_census_would(
        alice, public, django_capture_on_commit_callbacks):
    """`qorgau census` writes its rows from the counted tuples (no dict, encoder or Row per person): the JSON rows are
    byte for byte `json.dumps` of the straightforward census's rows, the CSV and the text list the same people in the
    same order, for the operator and in public, with and without a list, on every day — names with quotes,
    backslashes, letters outside ASCII, tabs and formula starts included."""
    import csv
    import io

    from qorgau.analysis.census import _row_json
    from qorgau.lib.spreadsheets import safe_cell
    from qorgau.analysis.readers import reader_for

    rng = random.Random(99)
    _persons, chosen = _generate(alice, rng, django_capture_on_commit_callbacks)
    for i, name in enumerate(HARD_NAMES):
        with django_capture_on_commit_callbacks(execute=True):
            person = actions.do_create_person(actor=alice, name=name, sensitivity="public",
                                              consent=["granted", "unknown"][i % 2])
            actions.do_create_act(actor=alice, victim=person, act_type="imprisoned", date=["2016", "2016-05-13"][i % 2],
                                  sensitivity="public", review="accepted")
    flush_pending()
    reader = reader_for(public)
    compared = 0
    for prisoner_list in (None, chosen):
        for day in DAYS:
            expected = census_by_scan(day, reader, prisoner_list)

            def shown(rows):
                return [r for r in rows if not public or r.person.consent == "granted"]

            options = {"date": day, "public": public, **({"list_slug": prisoner_list.slug} if prisoner_list else {})}
            if prisoner_list and not PrisonerList.objects.visible_to(reader).filter(pk=prisoner_list.pk).exists():
                # A public census counts only a list the public may see (docs/security.md, session 9 audit).
                with pytest.raises(CommandError):
                    call_command("census", format="json", stdout=io.StringIO(), **options)
                continue
            out = io.StringIO()
            call_command("census", format="json", stdout=out, **options)
            text = out.getvalue()
            # One row a line ("\n" only: a name may hold U+2028), then "," between rows, "]," after an array's last,
            # "]}" after the document's last.
            lines = [re.sub(r"(,|\],?|\]\})$", "", line[2:]) for line in text.split("\n") if line.startswith("  {")]
            want = [json.dumps(_row_json(r), ensure_ascii=False)
                    for r in shown(expected.certain) + shown(expected.possible) + shown(expected.restricted)]
            assert lines == want, (day, prisoner_list)
            data = json.loads(text)
            assert data["persons"] == [_row_json(r) for r in shown(expected.certain)]
            assert data["possibly"] == [_row_json(r) for r in shown(expected.possible)]
            assert data["restricted_freedom"] == [_row_json(r) for r in shown(expected.restricted)]

            out = io.StringIO()
            call_command("census", format="csv", stdout=out, **options)
            want_csv = io.StringIO()
            writer = csv.writer(want_csv)
            writer.writerow(["id", "name", "custody", "since", "certainly", "unverified_since"])
            for r in sorted(shown(expected.certain) + shown(expected.possible), key=lambda r: (r.person.name, r.person.pk)) \
                    + shown(expected.restricted):
                writer.writerow([r.person.uid, safe_cell(r.person.name), r.kind, r.since,
                                 "yes" if r.certainly else "possibly", r.unverified_since])
            assert out.getvalue() == want_csv.getvalue(), (day, prisoner_list)

            out = io.StringIO()
            call_command("census", format="text", stdout=out, **options)
            text = out.getvalue()
            for r in shown(expected.certain):
                assert f"  {r.person.name} ({r.person.uid}) — {r.kind.replace('_', ' ')} since {r.since}\n" in text
            for r in shown(expected.possible):
                note = f", status unverified since {r.unverified_since}" if r.unverified_since else ""
                assert f"  {r.person.name} ({r.person.uid}) — since {r.since}{note}\n" in text
            named = {r.person.uid for r in shown(expected.certain) + shown(expected.possible)}
            assert not [uid for uid in {r.person.uid for r in expected.rows} - named if f"({uid})" in text]
            compared += len(want)
    assert compared


@pytest.mark.parametrize("text", ['[["pretrial_detention", "2018-05"], ["imprisonment", ""]]', '[["a","2018"]]',
                                  ' [["a", "2018"]]', '[["a", "2018"]] ', '[["\\u0430\\"", "2018"]]', "[]",
                                  '[["a", "2018"]][]'])
def test_the_changes_of_kind_are_read_as_json_reads_them(text):
    """The census decodes an episode's changes of kind with the C scanner alone: whatever the stored text, the
    same value as json.loads (spacing, escapes, leading or trailing text)."""
    from qorgau.analysis.census import _changes_of

    try:
        expected = json.loads(text)
    except ValueError:
        with pytest.raises(ValueError):
            _changes_of(text)
        return
    assert _changes_of(text) == expected
