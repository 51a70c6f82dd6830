"""Session 15 (lead): ingest's "this mention cannot be that record" must not read a field the record keeps above the
document's level (docs/security.md, "Session 15").

When a document names a person whose record exists, ingest joins the mention to it unless the mention's year of
birth or role contradicts the record's (pipeline `_conflict`). Before, the check read the record's year of birth and
roles even where the record keeps them above the document's level (field_sensitivity): an editor uploading a public
document could tell from "joined to the record" or "a new record" whether a confidential year of birth was near the
one the text gave, or whether hidden roles were an official's. The outcome must be the same whatever the hidden
value is.
"""

import pytest

from qorgau.records.models import Person

pytestmark = pytest.mark.django_db


def _person(name, **fields):
    hidden = fields.pop("hidden")
    person = Person.objects.create(name=name, sensitivity="public", **fields)
    person.field_sensitivity.update({field: "confidential" for field in hidden})
    person.save(update_fields=["field_sensitivity"])
    return person


def _records(name):
    return list(Person.objects.filter(merged_into__isnull=True, name=name))


@pytest.mark.parametrize("hidden_year", [1960, 1993])
def test_a_confidential_year_of_birth_does_not_decide_whether_a_public_mention_joins_the_record(alice, hidden_year):
    from qorgau.documents.pipeline import ingest

    _person("Kanat Zholdasbekov", birth_year=hidden_year, hidden=["birth_year"])
    ingest("a.txt", "On 12 June 2024 police in Oral detained 64-year-old Kanat Zholdasbekov.".encode(),
           actor=alice, language="en", sensitivity="public")
    # Before: with the hidden year 1993 a second record was made (the text says born 1960), with 1960 none.
    assert len(_records("Kanat Zholdasbekov")) == 1


@pytest.mark.parametrize("hidden_roles", [["judge"], ["activist"]])
def test_confidential_roles_do_not_decide_whether_a_public_mention_joins_the_record(alice, hidden_roles):
    from qorgau.documents.pipeline import ingest

    _person("Мурат Сейтжанов", roles=hidden_roles, hidden=["roles"])
    ingest("a.txt", "3 мая 2024 года в Таразе полиция задержала активиста Мурата Сейтжанова.".encode(),
           actor=alice, language="ru", sensitivity="public")
    assert len(_records("Мурат Сейтжанов")) == 1


def test_a_year_of_birth_the_document_may_read_still_keeps_two_namesakes_apart(alice):
    """The rule itself stays: at the record's own level the year of birth is read."""
    from qorgau.documents.pipeline import ingest

    _person("Kanat Zholdasbekov", birth_year=1993, hidden=[])
    ingest("a.txt", "On 12 June 2024 police in Oral detained 64-year-old Kanat Zholdasbekov.".encode(),
           actor=alice, language="en", sensitivity="public")
    assert sorted(p.birth_year for p in _records("Kanat Zholdasbekov")) == [1960, 1993]
