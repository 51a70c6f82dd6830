"""Names never seen (issue 12): the held-out tables tests/heldout/names.tsv (session 10: made-up persons) and
tests/heldout/names-2.tsv (session 11: real persons of public reports), each written and committed before search or
resolution was run on it. Their persons are in no other file of the project.

- Every "find" query, typed into the person list's search, the picker's autocomplete and the API, ranks its person
  first among the table's persons and their relatives (or, where the query cannot tell them apart -- a family name
  alone, or an initial shared by a brother or sister -- behind only those relatives);
- every "find" pair is linked by resolution (names alone, as `qorgau evaluate --resolution` scores them);
- no "apart" pair (father and son, brothers, sisters, spouses, namesakes) is merged.
"""

from pathlib import Path

import pytest

from qorgau.lib.personnames import parse, to_latin
from qorgau.resolution.scoring import AUTO, REVIEW, pair_probability
from tests.searching import search_hits

pytestmark = pytest.mark.django_db

HELDOUT = Path(__file__).resolve().parent / "heldout"
# table -> (at least so many "find" rows, of so many persons)
TABLES = {"names.tsv": (60, 10), "names-2.tsv": (40, 12)}


def read_table(table):
    find, apart = [], []
    for line in (HELDOUT / table).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row, left, right, category = line.split("\t")
        (find if row == "find" else apart).append((left, right, category))
    return find, apart


READ = {table: read_table(table) for table in TABLES}
APART = [(table, *row) for table, (_, apart) in READ.items() for row in apart]


@pytest.mark.parametrize("table", TABLES)
def test_the_table_is_large_enough(table):
    find, apart = READ[table]
    rows, persons = TABLES[table]
    assert len(find) >= rows and len({left for left, _, _ in find}) >= persons and len(apart) >= 10


@pytest.mark.parametrize("table, left, right, category", APART,
                         ids=[f"{t}: {c}: {a} / {b}" for t, a, b, c in APART])
def test_relatives_and_namesakes_are_never_merged(table, left, right, category):
    assert pair_probability(left, right) < AUTO


@pytest.mark.parametrize("table", TABLES)
def test_every_spelling_is_linked_to_its_person(table):
    """Resolution on the names alone links every spelling (first run: 86 of 87; "Selezniov", ё written io, was
    only queued)."""
    misses = [(category, left, right, round(p, 3)) for left, right, category in READ[table][0]
              if (p := pair_probability(left, right)) < AUTO]
    assert not misses, misses


def test_a_woman_and_a_man_whose_names_differ_only_by_the_ending_are_queued_not_linked():
    """Евгения Журавлёва may be Евгений Журавлёв in the genitive, or his wife: a reviewer decides (first run: linked
    automatically, 0.99)."""
    for left, right in [("Евгения Журавлёва", "Евгений Журавлёв"), ("Е. Журавлева", "Евгений Журавлёв"),
                        ("Александра Петрова", "Александр Петров")]:
        assert REVIEW <= pair_probability(left, right) < AUTO


def _first_letter(text):
    return to_latin(text.strip(".").lower())[:1]


@pytest.mark.parametrize("table", TABLES)
def test_every_spelling_finds_its_person_in_search_autocomplete_and_api(client, alice, table):
    import re

    from qorgau.records import actions

    from .conftest import sign_in_verified

    FIND, APART = READ[table]
    uid_of = {}
    for name in dict.fromkeys([left for left, _, _ in FIND]):
        uid_of[name] = actions.do_create_person(actor=alice, name=name, sensitivity="public").uid
    persons = set(uid_of.values())
    by_family = {parse(name).family: uid for name, uid in uid_of.items()}
    # Relatives of one family name (not spouses), each with the first letter of the given name and whether the
    # given name is the person's own (a son named after his father): a query that cannot tell them apart may
    # rank them first.
    family = {uid: [] for uid in persons}
    recorded = set(persons)
    for left, right, category in APART:
        uid = actions.do_create_person(actor=alice, name=right, sensitivity="public").uid
        recorded.add(uid)
        key = parse(left).family
        if key in by_family and key == parse(right).family and not category.startswith("spouses"):
            own = next(n for n, u in uid_of.items() if u == by_family[key])
            family[by_family[key]].append((uid, _first_letter(right.split()[0]),
                                           parse(right).given[:1] == parse(own).given[:1]))
    sign_in_verified(client, alice)
    paths = {"web search": "/persons/", "autocomplete": "/persons/suggest/", "API": "/api/persons/"}
    misses, tried = [], 0
    for left, query, category in FIND:
        uid = uid_of[left]
        parsed = parse(query)
        lone = len(query.split()) == 1
        ties = {o for o, initial, namesake in family[uid]
                if lone or namesake
                or (parsed.initials and not parsed.given and initial == _first_letter(parsed.initials[0]))}
        for label, path in paths.items():
            tried += 1
            results = [r for r in search_hits(client, path, query) if r in recorded]   # the demo's persons aside
            ahead = results[:results.index(uid)] if uid in results else None
            if ahead is None or set(ahead) - ties:
                misses.append((label, category, query, left, "not found" if ahead is None else "ranked behind"))
    assert tried >= 3 * TABLES[table][0] and not misses, (len(misses), misses)
