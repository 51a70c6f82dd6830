"""Search by any spelling (issue 12), generated from documents written by outsiders: the 41 documents of the retired
test split of sessions 10-12 (tests/evaluation/gold-dev-s12retired-{a,b,c}.json, now dev), whose authors never read
the code. Each gold person is recorded under the annotation's name; every form the documents print for that person
(declined, in Kazakh or Russian letters, in capitals, a family name alone …) is typed into the person list's search,
the picker's autocomplete and the API, and must find the person:

- a form of two words or more ranks its person first among the set's persons;
- a single word (a family name alone, a given name alone, a nickname) finds its person among the results, ranked
  behind nobody but persons who share that family name or given name (relatives, namesakes): one word cannot tell
  them apart.

Runs on SQLite and, with DATABASE_URL=postgres:///…, on PostgreSQL.
"""

import json
import re
from pathlib import Path

import pytest

from qorgau.lib.personnames import parse
from tests.searching import search_hits

pytestmark = pytest.mark.django_db

EVALUATION = Path(__file__).resolve().parent / "evaluation"
PARTS = [EVALUATION / f"gold-dev-s12retired-{part}.json" for part in "abc"]


def _forms():
    """{person's name: set of printed forms} over the three parts (a person named in several documents once)."""
    forms = {}
    for path in PARTS:
        for document in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            for person, printed in document["persons"].items():
                forms.setdefault(person, set()).update(p.strip() for p in printed if p.strip())
    return forms


FORMS = _forms()
QUERIES = sorted((person, form) for person, printed in FORMS.items() for form in printed if form != person)
PATHS = {"web search": "/persons/", "autocomplete": "/persons/suggest/", "API": "/api/persons/"}


def test_the_set_is_large_enough():
    """The outsiders' documents print most of their persons in more than one form."""
    assert len(FORMS) >= 100 and len(QUERIES) >= 100


def _same_word(a, b):
    """Two persons one word cannot tell apart: the same family key, or the same given key."""
    pa, pb = parse(a), parse(b)
    return (pa.family and pa.family == pb.family) or (pa.given and pa.given == pb.given)


def test_every_printed_form_finds_its_person(client, alice):
    from qorgau.records import actions

    from .conftest import sign_in_verified

    uid_of = {name: actions.do_create_person(actor=alice, name=name, sensitivity="public").uid for name in FORMS}
    name_of = {uid: name for name, uid in uid_of.items()}
    sign_in_verified(client, alice)
    misses = []
    for person, query in QUERIES:
        uid = uid_of[person]
        lone = len(re.findall(r"\w+", query)) == 1
        for label, path in PATHS.items():
            results = [r for r in search_hits(client, path, query) if r in name_of]  # the demo's persons aside
            if uid not in results:
                misses.append((label, query, person, "not found"))
                continue
            ahead = [name_of[r] for r in results[:results.index(uid)]]
            if ahead and (not lone or any(not _same_word(other, person) for other in ahead)):
                misses.append((label, query, person, f"behind {ahead[:3]}"))
    assert not misses, (len(misses), "\n".join(map(str, misses)))
